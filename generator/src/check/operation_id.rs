//! `operation-id-*`: every operation has an operationId; it is unique, it
//! becomes a valid, non-reserved Rust method name after snake-casing, and no
//! two become the same method (which would not compile).

use std::collections::HashMap;

use heck::ToSnakeCase;

use super::doc::Operation;
use crate::diagnostic::Diagnostic;

use crate::model::CLIENT_METHODS;

/// Rust keywords (strict and reserved, 2021 edition).
const KEYWORDS: [&str; 51] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Checks the operationIds of all operations together.
pub fn check(ops: &[Operation<'_>], out: &mut Vec<Diagnostic>) {
    let mut by_id: HashMap<&str, &Operation<'_>> = HashMap::new();
    let mut by_method: HashMap<String, &Operation<'_>> = HashMap::new();
    for op in ops {
        let at = format!("{}/operationId", op.pointer);
        let id = match super::doc::get(op.node, "operationId") {
            None => {
                out.push(
                    Diagnostic::error(
                        "operation-id-missing",
                        op.pointer.clone(),
                        format!("operation {} has no operationId", op.label()),
                    )
                    .with_hint(
                        "add a unique camelCase `operationId`; it becomes the Rust method name",
                    ),
                );
                continue;
            }
            Some(v) => match v.as_str() {
                Some(id) => id,
                None => {
                    out.push(
                        Diagnostic::error(
                            "operation-id-invalid",
                            at,
                            "operationId must be a string",
                        )
                        .with_hint("write a camelCase name such as `listUsers`"),
                    );
                    continue;
                }
            },
        };
        if let Some(first) = by_id.insert(id, op) {
            out.push(
                Diagnostic::error(
                    "operation-id-duplicate",
                    at,
                    format!(
                        "operationId `{id}` is already used by {} {}",
                        first.method.to_uppercase(),
                        first.path
                    ),
                )
                .with_hint("give each operation its own operationId"),
            );
            continue;
        }
        let method = id.to_snake_case();
        if !is_identifier(&method) {
            out.push(
                Diagnostic::error(
                    "operation-id-invalid",
                    at,
                    format!("operationId `{id}` does not make a Rust method name (snake case: `{method}`)"),
                )
                .with_hint("use letters and digits only, starting with a letter: `listUsers`"),
            );
            continue;
        }
        if KEYWORDS.contains(&method.as_str()) || CLIENT_METHODS.contains(&method.as_str()) {
            out.push(
                Diagnostic::error(
                    "operation-id-invalid",
                    at,
                    format!("operationId `{id}` becomes `{method}`, a Rust keyword or a method the client already has"),
                )
                .with_hint("choose a more specific name, such as a verb and a noun: `createUser`"),
            );
            continue;
        }
        if let Some(first) = by_method.insert(method.clone(), op) {
            out.push(
                Diagnostic::error(
                    "operation-id-collision",
                    at,
                    format!(
                        "operationId `{id}` and {} both become the Rust method `{method}`",
                        first.label()
                    ),
                )
                .with_hint("rename one of them so that their snake-case forms differ"),
            );
        }
    }
}

/// A plain ASCII identifier: `[a-z_][a-z0-9_]*`, not `_` alone.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s != "_"
}
