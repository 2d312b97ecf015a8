//! `type-name-collision`: schema names become Rust type names in PascalCase;
//! two names that land on the same type (`user_group`, `UserGroup`) would
//! generate code that does not compile.

use std::collections::HashMap;

use heck::ToPascalCase;
use serde_yaml::Value;

use super::doc;
use crate::diagnostic::Diagnostic;

/// Checks the names of `components/schemas`.
pub fn check(root: &Value, out: &mut Vec<Diagnostic>) {
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

/// The Rust type name the generator derives from a schema name.
pub fn type_name(name: &str) -> String {
    name.replace('\'', "")
        .replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-")
        .to_pascal_case()
}
