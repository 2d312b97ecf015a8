//! `openapi-version`, `openapi31-keyword`: progenitor (through `openapiv3`
//! 2.x) reads OpenAPI 3.0 only; 3.1 keywords fail to parse or are silently
//! dropped, so they are reported where they appear.

use serde_yaml::Value;

use super::doc::{self, Kind};
use crate::diagnostic::Diagnostic;

/// Keywords of JSON Schema 2020-12 that OpenAPI 3.0 schemas do not have.
const SCHEMA_KEYWORDS_31: [&str; 20] = [
    "const",
    "examples",
    "$schema",
    "$id",
    "$anchor",
    "$defs",
    "$dynamicRef",
    "$dynamicAnchor",
    "$vocabulary",
    "$comment",
    "prefixItems",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentRequired",
    "dependentSchemas",
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
    "if",
    "propertyNames",
];

/// Checks `openapi` and the document-level 3.1 keywords.
pub fn check_document(root: &Value, out: &mut Vec<Diagnostic>) {
    match doc::get(root, "openapi") {
        None => out.push(
            Diagnostic::error(
                "openapi-version",
                "",
                "the document has no `openapi` version",
            )
            .with_hint("start the document with `openapi: 3.0.3`"),
        ),
        Some(Value::String(v)) if v.trim().starts_with("3.0.") => {}
        Some(Value::String(v)) => out.push(
            Diagnostic::error(
                "openapi-version",
                "/openapi",
                format!("OpenAPI version `{v}` is not supported; the generator reads 3.0.x only"),
            )
            .with_hint("write `openapi: 3.0.3` and express 3.1-only constructs in 3.0 terms"),
        ),
        Some(_) => out.push(
            Diagnostic::error(
                "openapi-version",
                "/openapi",
                "`openapi` must be a string such as \"3.0.3\"",
            )
            .with_hint("quote the version (`openapi: 3.0.3` with three parts is read as text)"),
        ),
    }
    for (pointer, keyword) in [
        ("/jsonSchemaDialect", "jsonSchemaDialect"),
        ("/webhooks", "webhooks"),
        ("/info/summary", "info.summary"),
        ("/info/license/identifier", "license.identifier"),
    ] {
        if doc::lookup(root, pointer).is_some() {
            out.push(keyword_31(pointer, keyword));
        }
    }
}

/// Checks one schema object for 3.1-only keywords.
pub fn check_node(kind: Kind, pointer: &str, node: &Value, out: &mut Vec<Diagnostic>) {
    if kind != Kind::Schema {
        return;
    }
    for (key, v) in doc::entries(node) {
        let at = doc::child(pointer, &key);
        if SCHEMA_KEYWORDS_31.contains(&key.as_str()) || key == "then" || key == "else" {
            out.push(keyword_31(&at, &key));
        }
        match (key.as_str(), v) {
            ("type", Value::Sequence(_)) => out.push(
                keyword_31(&at, "type as a list")
                    .with_hint("use a single `type`, plus `nullable: true` for null, or `oneOf`"),
            ),
            ("type", Value::String(t)) if t == "null" => out.push(
                keyword_31(&at, "type: \"null\"").with_hint("use `nullable: true` on the schema"),
            ),
            ("exclusiveMinimum" | "exclusiveMaximum", Value::Number(_)) => out.push(
                keyword_31(&at, &format!("numeric {key}")).with_hint(
                    "in 3.0 write `minimum`/`maximum` with `exclusiveMinimum: true`/`exclusiveMaximum: true`",
                ),
            ),
            _ => {}
        }
    }
}

fn keyword_31(pointer: &str, keyword: &str) -> Diagnostic {
    Diagnostic::error(
        "openapi31-keyword",
        pointer,
        format!("`{keyword}` is OpenAPI 3.1 / JSON Schema 2020-12, not OpenAPI 3.0"),
    )
    .with_hint(
        "remove it or express it in OpenAPI 3.0 terms; the 3.0 parser would reject or ignore it",
    )
}
