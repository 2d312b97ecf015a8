//! String `pattern`s become documentation, not validation.
//!
//! typify wraps a string with a `pattern` in a newtype that checks it with
//! `regress` when built and when decoded. The client does not check patterns:
//! an id the server sends that a pattern in the spec did not foresee must
//! not turn a good answer into a decode error (the curated spec dropped its
//! patterns for that reason, `spec/CURATION.md`), and every user's build
//! would compile a regular-expression engine for it. The pattern stays in the
//! schema's description.

use openapiv3::OpenAPI;
use serde_json::Value;

/// `api` with each string schema's `pattern` moved into its description;
/// `None` when it has none (the common case, which costs no copy).
pub fn into_docs(api: &OpenAPI, text: &str) -> Option<OpenAPI> {
    // The spec's text holds the word wherever a schema has the keyword.
    if !text.contains("pattern") {
        return None;
    }
    let mut doc = serde_json::to_value(api).ok()?;
    if !strip(&mut doc) {
        return None;
    }
    serde_json::from_value(doc).ok()
}

/// Moves every `pattern` of a schema below `node` into its description;
/// whether there was one. Keys whose values are data, not schemas, are left
/// alone.
fn strip(node: &mut Value) -> bool {
    match node {
        Value::Object(map) => {
            let mut found = false;
            if let Some(Value::String(pattern)) = map.get("pattern").cloned() {
                if map.get("type").and_then(Value::as_str) == Some("string") {
                    map.remove("pattern");
                    let note =
                        format!("Matches the pattern `{pattern}` (not checked by the client).");
                    let description = match map.get("description").and_then(Value::as_str) {
                        Some(d) if !d.is_empty() => format!("{d}\n\n{note}"),
                        _ => note,
                    };
                    map.insert("description".to_owned(), Value::String(description));
                    found = true;
                }
            }
            for (key, value) in map.iter_mut() {
                let data = matches!(key.as_str(), "example" | "examples" | "default" | "enum")
                    || key.starts_with("x-");
                if !data {
                    found |= strip(value);
                }
            }
            found
        }
        Value::Array(items) => items.iter_mut().fold(false, |found, v| strip(v) | found),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(yaml: &str) -> OpenAPI {
        serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("test spec parses: {e}"))
    }

    const SPEC: &str = r#"
openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    AccountId:
      type: string
      description: An account.
      pattern: '^[a-z]+$'
    Pattern:
      type: object
      properties:
        pattern: {type: string, pattern: '\d+', example: {pattern: kept}}
"#;

    #[test]
    fn patterns_move_into_descriptions_and_data_stays() {
        let stripped = into_docs(&api(SPEC), SPEC).unwrap_or_else(|| panic!("it has patterns"));
        let json = serde_json::to_value(&stripped).unwrap_or_default();
        let id = &json["components"]["schemas"]["AccountId"];
        assert_eq!(id.get("pattern"), None);
        assert_eq!(
            id["description"],
            "An account.\n\nMatches the pattern `^[a-z]+$` (not checked by the client)."
        );
        let property = &json["components"]["schemas"]["Pattern"]["properties"]["pattern"];
        assert_eq!(property.get("pattern"), None);
        assert_eq!(
            property["description"],
            "Matches the pattern `\\d+` (not checked by the client)."
        );
        assert_eq!(property["example"]["pattern"], "kept");
    }

    #[test]
    fn a_spec_without_patterns_is_not_copied() {
        let text = SPEC.replace("pattern", "shape");
        assert!(into_docs(&api(&text), &text).is_none());
    }
}
