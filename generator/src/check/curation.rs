//! Curation rules (warnings): every operation has a summary and tags, every
//! tag used is declared at the top level, and a deprecated operation
//! declares its replacement (`x-replaced-by`: an operationId, or `null` when
//! there is none).

use std::collections::HashSet;

use serde_yaml::Value;

use super::doc::{self, Operation};
use crate::diagnostic::Diagnostic;
use crate::extensions::REPLACED_BY;

/// Checks the curation rules over all operations.
pub fn check(root: &Value, ops: &[Operation<'_>], out: &mut Vec<Diagnostic>) {
    let declared: HashSet<&str> = doc::items(doc::get(root, "tags"))
        .iter()
        .filter_map(|t| doc::get_str(t, "name"))
        .collect();
    for op in ops {
        let summary = doc::get_str(op.node, "summary")
            .map(str::trim)
            .unwrap_or_default();
        if summary.is_empty() {
            out.push(
                Diagnostic::warning(
                    "summary-missing",
                    op.pointer.clone(),
                    format!("operation {} has no summary", op.label()),
                )
                .with_hint("add a one-line `summary`; it opens the method's documentation"),
            );
        }
        let tags = doc::items(doc::get(op.node, "tags"));
        if tags.is_empty() {
            out.push(
                Diagnostic::warning(
                    "tag-missing",
                    op.pointer.clone(),
                    format!("operation {} has no tags", op.label()),
                )
                .with_hint("tag it with its API family, e.g. `tags: [\"Control: Policies\"]`"),
            );
        }
        for (i, tag) in tags.iter().enumerate() {
            let name = tag.as_str().unwrap_or_default();
            if !declared.contains(name) {
                out.push(
                    Diagnostic::warning(
                        "tag-undeclared",
                        format!("{}/tags/{i}", op.pointer),
                        format!(
                            "tag `{name}` of {} is not declared in the top-level `tags`",
                            op.label()
                        ),
                    )
                    .with_hint(format!(
                        "add `- name: \"{name}\"` with a description to the top-level `tags`"
                    )),
                );
            }
        }
        let deprecated = doc::get(op.node, "deprecated").and_then(Value::as_bool) == Some(true);
        // `x-replaced-by` (an operationId, or `null` for none) is checked by
        // the extension rules; here only its absence matters.
        // An explicit `null` counts here (it says "no replacement").
        let names_replacement = op
            .node
            .as_mapping()
            .is_some_and(|m| m.contains_key(REPLACED_BY));
        if deprecated && !names_replacement {
            out.push(
                Diagnostic::warning(
                    "deprecated-replacement",
                    op.pointer.clone(),
                    format!("deprecated operation {} does not name its replacement", op.label()),
                )
                .with_hint(format!(
                    "add `{REPLACED_BY}: <operationId>` (its method is named in the generated `#[deprecated]` note), or `{REPLACED_BY}: null` when there is none"
                )),
            );
        }
    }
}
