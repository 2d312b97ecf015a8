//! `response-*`: progenitor gives each operation one success type and one
//! error type, and asserts so: the responses of the success class (2xx, 101,
//! `default`) must all decode to one type (or to one JSON type and no
//! content, which the generator turns into `Option<T>`), and so must those of
//! the error class (4xx, 5xx, `default`). A JSON response needs a schema and no
//! `encoding` (both are panics in progenitor).

use std::collections::BTreeMap;

use serde_yaml::Value;

use super::doc::{self, Operation};
use crate::diagnostic::Diagnostic;

/// How progenitor will decode one response.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Decoded {
    /// No content.
    Empty,
    /// Non-JSON content, handed over as a byte stream.
    Raw,
    /// JSON, typed by a referenced schema (its pointer) or an inline one.
    Json(String),
    /// A 101 switching-protocols upgrade.
    Upgrade,
}

impl Decoded {
    fn describe(&self) -> String {
        match self {
            Decoded::Empty => "no content".to_owned(),
            Decoded::Raw => "a non-JSON body".to_owned(),
            Decoded::Json(s) => format!("JSON {s}"),
            Decoded::Upgrade => "a protocol upgrade".to_owned(),
        }
    }
}

/// Status classes as progenitor sorts responses into them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Success,
    Error,
    Default,
    Other,
}

fn class_of(status: &str) -> Option<Class> {
    let s = status.to_ascii_uppercase();
    if s == "DEFAULT" {
        return Some(Class::Default);
    }
    if s.len() == 3 && s.ends_with("XX") {
        return match &s[..1] {
            "2" => Some(Class::Success),
            "4" | "5" => Some(Class::Error),
            "1" | "3" => Some(Class::Other),
            _ => None,
        };
    }
    match s.parse::<u16>().ok()? {
        101 | 200..=299 => Some(Class::Success),
        400..=599 => Some(Class::Error),
        100..=999 => Some(Class::Other),
        _ => None,
    }
}

/// Checks the responses of `op`.
pub fn check(root: &Value, op: &Operation<'_>, out: &mut Vec<Diagnostic>) {
    let base = format!("{}/responses", op.pointer);
    let Some(responses) = doc::get(op.node, "responses") else {
        out.push(
            Diagnostic::error("response-missing", op.pointer.clone(), format!("operation {} has no `responses`", op.label()))
                .with_hint("add at least the success response, e.g. `\"200\": {description: ..., content: ...}`"),
        );
        return;
    };
    // Each distinct type with the first response (in document order) giving it.
    let mut success: BTreeMap<Decoded, (usize, String)> = BTreeMap::new();
    let mut error: BTreeMap<Decoded, (usize, String)> = BTreeMap::new();
    let mut has_success_range = false;
    // Whether every success status is a 2xx (not a 101 upgrade).
    let mut only_2xx = true;
    let mut default: Option<(Decoded, (usize, String))> = None;
    for (order, (status, entry)) in doc::entries(responses).into_iter().enumerate() {
        let at = doc::child(&base, &status);
        let Some(class) = class_of(&status) else {
            out.push(
                Diagnostic::error(
                    "response-status",
                    at,
                    format!("`{status}` is not a status code"),
                )
                .with_hint("use a code from 100 to 599, a range such as `4XX`, or `default`"),
            );
            continue;
        };
        let Some(decoded) = decode(root, entry, &at, out) else {
            continue;
        };
        let decoded = if status == "101" && !matches!(decoded, Decoded::Json(_)) {
            Decoded::Upgrade
        } else {
            decoded
        };
        has_success_range |= status.eq_ignore_ascii_case("2XX");
        match class {
            Class::Success => {
                only_2xx &= status.starts_with('2');
                success.entry(decoded).or_insert((order, at));
            }
            Class::Error => {
                error.entry(decoded).or_insert((order, at));
            }
            Class::Default => default = Some((decoded, (order, at))),
            Class::Other => {}
        }
    }
    // One JSON body or no content among the 2xx statuses: the generator
    // decodes it as `Option<T>` (`generate::optional_bodies`; a `default`
    // joining the success class or a 101 is not rewritten, so it stays an
    // error).
    let body_or_nothing = success.len() == 2
        && only_2xx
        && (default.is_none() || has_success_range)
        && success.contains_key(&Decoded::Empty)
        && success.keys().any(|d| matches!(d, Decoded::Json(_)));
    if let Some((decoded, at)) = default {
        // progenitor drops `default` from the success class when a `2XX`
        // range already covers success.
        if !has_success_range {
            success.entry(decoded.clone()).or_insert(at.clone());
        }
        error.entry(decoded).or_insert(at);
    }
    if body_or_nothing {
        success.remove(&Decoded::Empty);
    }
    for (class, types, rule) in [
        ("success", &success, "response-multiple-success"),
        ("error", &error, "response-multiple-error"),
    ] {
        if types.len() > 1 {
            let mut in_order: Vec<(&(usize, String), &Decoded)> =
                types.iter().map(|(d, o)| (o, d)).collect();
            in_order.sort();
            let list: Vec<String> = in_order
                .iter()
                .map(|((_, at), d)| {
                    let status = at.rsplit('/').next().unwrap_or_default();
                    format!("{} ({status})", d.describe())
                })
                .collect();
            // Point at the first response that disagrees with the first one.
            let at = in_order
                .get(1)
                .map_or_else(|| base.clone(), |((_, at), _)| at.clone());
            out.push(
                Diagnostic::error(
                    rule,
                    at,
                    format!(
                        "operation {} has {} different {class} types: {}",
                        op.label(),
                        types.len(),
                        list.join(", ")
                    ),
                )
                .with_hint(format!(
                    "progenitor supports one {class} type per operation (`default` counts in both classes): \
                     give these responses one shared schema{}, or drop the extra ones",
                    if class == "success" { " (one JSON body beside no content is fine)" } else { "" }
                )),
            );
        }
    }
}

/// How one response decodes; `None` if it cannot be read (reported here or
/// by the `refs` rule).
fn decode(root: &Value, entry: &Value, at: &str, out: &mut Vec<Diagnostic>) -> Option<Decoded> {
    let (response, _) = doc::resolve_in(root, entry, at, Some("responses"))?;
    let content = doc::get(response, "content")
        .map(doc::entries)
        .unwrap_or_default();
    let Some((media, mt)) = content
        .iter()
        .find(|(k, _)| *k == "application/json" || k.starts_with("application/json;"))
    else {
        return Some(if content.is_empty() {
            Decoded::Empty
        } else {
            Decoded::Raw
        });
    };
    let mt_at = doc::child(&format!("{at}/content"), media);
    if doc::get(mt, "encoding").is_some() {
        out.push(
            Diagnostic::error(
                "response-json-encoding",
                doc::child(&mt_at, "encoding"),
                "a JSON response has an `encoding`",
            )
            .with_hint("`encoding` applies to multipart and form bodies only: remove it"),
        );
        return None;
    }
    let Some(schema) = doc::get(mt, "schema") else {
        out.push(
            Diagnostic::error("response-json-no-schema", mt_at, format!("JSON response `{media}` has no schema"))
                .with_hint("add `schema: {$ref: '#/components/schemas/...'}`, or remove the content for an empty response"),
        );
        return None;
    };
    Some(Decoded::Json(match doc::ref_of(schema) {
        Some(r) => format!("`{r}`"),
        None => format!("inline schema at {}", doc::child(&mt_at, "schema")),
    }))
}
