//! `body-*`: a request body has exactly one media type (progenitor panics on
//! more), a schema, a content type progenitor can send (JSON, form, octet
//! stream or plain text; not multipart), no `encoding` (a panic for JSON and
//! form bodies), and for raw bodies the one string schema progenitor accepts.

use serde_yaml::Value;

use super::doc::{self, Operation};
use crate::diagnostic::Diagnostic;

/// Checks the request body of `op`.
pub fn check(root: &Value, op: &Operation<'_>, out: &mut Vec<Diagnostic>) {
    let Some(entry) = doc::get(op.node, "requestBody") else {
        return;
    };
    let at = format!("{}/requestBody", op.pointer);
    let Some((body, _)) = doc::resolve_in(root, entry, &at, Some("requestBodies")) else {
        return;
    };
    let content = doc::get(body, "content")
        .map(doc::entries)
        .unwrap_or_default();
    let content_at = format!("{at}/content");
    if content.len() > 1 {
        let types: Vec<&str> = content.iter().map(|(k, _)| k.as_str()).collect();
        out.push(
            Diagnostic::error(
                "body-media-types",
                doc::child(&content_at, &content[1].0),
                format!("the request body of {} has {} media types ({})", op.label(), types.len(), types.join(", ")),
            )
            .with_hint("the generator sends one media type per operation: keep one (usually `application/json`)"),
        );
        return;
    }
    let Some((media, mt)) = content.first() else {
        return;
    };
    let mt_at = doc::child(&content_at, media);
    let essence = media.split(';').next().unwrap_or_default().trim();
    let kind = match essence {
        "application/json" | "application/x-www-form-urlencoded" => Kind::Structured,
        "application/octet-stream" => Kind::Binary,
        "text/plain" | "text/x-markdown" => Kind::Text,
        m if m.starts_with("multipart/") => {
            out.push(
                Diagnostic::error(
                    "body-multipart",
                    mt_at,
                    format!("the request body of {} is `{media}`; the generator cannot send multipart bodies", op.label()),
                )
                .with_hint("leave this operation out of the spec (document it), or send it by hand with `reqwest`"),
            );
            return;
        }
        _ => {
            out.push(
                Diagnostic::error(
                    "body-content-type",
                    mt_at,
                    format!("the request body of {} is `{media}`, which the generator cannot send", op.label()),
                )
                .with_hint(
                    "use application/json, application/x-www-form-urlencoded, application/octet-stream or text/plain",
                ),
            );
            return;
        }
    };
    if doc::get(mt, "encoding").is_some() {
        out.push(
            Diagnostic::error(
                "body-encoding",
                doc::child(&mt_at, "encoding"),
                format!("the `{media}` request body of {} has an `encoding`", op.label()),
            )
            .with_hint("progenitor cannot apply `encoding`: remove it and describe each field by its schema"),
        );
    }
    let Some(schema) = doc::get(mt, "schema") else {
        out.push(
            Diagnostic::error(
                "body-no-schema",
                mt_at,
                format!("the `{media}` request body of {} has no schema", op.label()),
            )
            .with_hint("add `schema: {$ref: '#/components/schemas/...'}`"),
        );
        return;
    };
    if kind == Kind::Structured {
        return;
    }
    let schema_at = doc::child(&mt_at, "schema");
    let Some((schema, _)) = doc::resolve_in(root, schema, &schema_at, Some("schemas")) else {
        return;
    };
    let format_ok = match kind {
        Kind::Binary => doc::get_str(schema, "format") == Some("binary"),
        _ => doc::get(schema, "format").is_none(),
    };
    let plain = doc::get_str(schema, "type") == Some("string")
        && format_ok
        && [
            "pattern",
            "minLength",
            "maxLength",
            "enum",
            "default",
            "discriminator",
        ]
        .iter()
        .all(|k| doc::get(schema, k).is_none())
        && doc::get(schema, "nullable").and_then(Value::as_bool) != Some(true);
    if !plain {
        let wanted = if kind == Kind::Binary {
            "{type: string, format: binary}"
        } else {
            "{type: string}"
        };
        out.push(
            Diagnostic::error(
                "body-schema",
                schema_at,
                format!("a `{media}` request body must have the schema `{wanted}`"),
            )
            .with_hint(format!(
                "write `schema: {wanted}` with no other constraints"
            )),
        );
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// JSON or form: typed through the schema.
    Structured,
    /// `application/octet-stream`: raw bytes.
    Binary,
    /// `text/plain`: a string.
    Text,
}
