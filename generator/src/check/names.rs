//! `type-name-collision`: schema names become Rust type names in PascalCase;
//! two names that land on the same type (`user_group`, `UserGroup`) would
//! generate code that does not compile. Inline schemas of an operation are
//! named `<OperationId>Response`, `<OperationId>Body`, `<OperationId><Param>`;
//! when such a name is also a component's, the generator silently uses the
//! component's type for the operation: a wrong client, so also an error.

use std::collections::HashMap;

use serde_yaml::Value;

use super::doc::{self, Operation};
use crate::diagnostic::Diagnostic;

/// Checks the names of `components/schemas`, and those given to inline
/// schemas of `ops`.
pub fn check(root: &Value, ops: &[Operation<'_>], out: &mut Vec<Diagnostic>) {
    check_components(root, out);
    let components: HashMap<String, String> = doc::lookup(root, "/components/schemas")
        .map(doc::entries)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, _)| (type_name(&name), name))
        .collect();
    for op in ops {
        let Some(id) = op.id() else { continue };
        for (pointer, schema, suffix) in inline_schemas(root, op) {
            if !makes_named_type(schema) {
                continue;
            }
            let rust = type_name(&format!("{id}-{suffix}"));
            if let Some(component) = components.get(&rust) {
                out.push(
                    Diagnostic::error(
                        "type-name-collision",
                        pointer,
                        format!(
                            "this inline schema of `{id}` would be the Rust type `{rust}`, which schema `{component}` already is; the generator would use `{component}` here"
                        ),
                    )
                    .with_hint(format!(
                        "move the inline schema to `components/schemas` under its own name and `$ref` it, or rename `{component}`"
                    )),
                );
            }
        }
    }
}

/// Inline (non-`$ref`) schemas of an operation with the suffix progenitor
/// names them by.
fn inline_schemas<'a>(root: &'a Value, op: &Operation<'a>) -> Vec<(String, &'a Value, String)> {
    let mut found = Vec::new();
    let mut media = |container: &'a Value, at: &str, suffix: &str| {
        for (mt, m) in doc::get(container, "content")
            .map(doc::entries)
            .unwrap_or_default()
        {
            if let Some(schema) = doc::get(m, "schema") {
                let p = doc::child(&doc::child(&format!("{at}/content"), &mt), "schema");
                found.push((p, schema, suffix.to_owned()));
            }
        }
    };
    let responses = doc::get(op.node, "responses")
        .map(doc::entries)
        .unwrap_or_default();
    for (status, r) in responses {
        let at = doc::child(&format!("{}/responses", op.pointer), &status);
        if let Some((r, _)) = doc::resolve_in(root, r, &at, Some("responses")) {
            media(r, &at, "response");
        }
    }
    if let Some(body) = doc::get(op.node, "requestBody") {
        let at = format!("{}/requestBody", op.pointer);
        if let Some((b, _)) = doc::resolve_in(root, body, &at, Some("requestBodies")) {
            media(b, &at, "body");
        }
    }
    for (list, base) in [(op.path_item, &op.path_pointer), (op.node, &op.pointer)] {
        for (i, p) in doc::items(doc::get(list, "parameters")).iter().enumerate() {
            let at = format!("{base}/parameters/{i}");
            if let Some((p, _)) = doc::resolve_in(root, p, &at, Some("parameters")) {
                if let (Some(name), Some(schema)) = (doc::get_str(p, "name"), doc::get(p, "schema"))
                {
                    found.push((format!("{at}/schema"), schema, name.to_owned()));
                }
            }
        }
    }
    found.retain(|(_, schema, _)| doc::ref_of(schema).is_none());
    found
}

/// Whether typify gives the schema a type of its own (rather than `String`,
/// `i64`, `Vec<_>`...).
fn makes_named_type(schema: &Value) -> bool {
    [
        "properties",
        "enum",
        "oneOf",
        "anyOf",
        "allOf",
        "additionalProperties",
    ]
    .iter()
    .any(|k| doc::get(schema, k).is_some())
        || doc::get_str(schema, "type") == Some("object")
}

fn check_components(root: &Value, out: &mut Vec<Diagnostic>) {
    let Some(schemas) = doc::lookup(root, "/components/schemas") else {
        return;
    };
    let mut seen: HashMap<String, String> = HashMap::new();
    for (name, _) in doc::entries(schemas) {
        let rust = type_name(&name);
        let at = doc::child("/components/schemas", &name);
        if rust.is_empty() || rust.starts_with(|c: char| c.is_ascii_digit()) {
            out.push(
                Diagnostic::error(
                    "type-name-invalid",
                    at,
                    format!("schema name `{name}` does not make a Rust type name"),
                )
                .with_hint("name schemas in PascalCase, starting with a letter: `ScimUser`"),
            );
            continue;
        }
        if let Some(first) = seen.insert(rust.clone(), name.clone()) {
            out.push(
                Diagnostic::error(
                    "type-name-collision",
                    at,
                    format!("schemas `{first}` and `{name}` both become the Rust type `{rust}`"),
                )
                .with_hint("rename one of them; schema names are global in the document"),
            );
        }
    }
}

pub use crate::model::type_name;

/// `property-name-collision`: no two properties of one object schema become
/// the same Rust field (`a-b` and `a_b` both become `a_b`), which would
/// otherwise fail to compile inside the generated code.
pub fn check_properties(kind: doc::Kind, pointer: &str, node: &Value, out: &mut Vec<Diagnostic>) {
    if !matches!(kind, doc::Kind::Schema) {
        return;
    }
    let Some(properties) = doc::get(node, "properties") else {
        return;
    };
    let mut seen: HashMap<String, String> = HashMap::new();
    for (name, _) in doc::entries(properties) {
        let field = crate::model::field_name(&name);
        if let Some(first) = seen.insert(field.clone(), name.clone()) {
            let at = doc::child(&doc::child(pointer, "properties"), &name);
            out.push(
                Diagnostic::error(
                    "property-name-collision",
                    at,
                    format!(
                        "properties `{first}` and `{name}` both become the Rust field `{field}`"
                    ),
                )
                .with_hint("rename one of them (the wire name changes too), or split the schema"),
            );
        }
    }
}
