//! The rule set run before every generation. Each rule family lives in its own
//! module and reports [`Diagnostic`]s with a stable rule id and a JSON pointer;
//! [`check_text`] adds line and column from the YAML text.
//!
//! The rules read the raw YAML tree, so they speak even when the typed
//! OpenAPI parse would fail; that parse runs last and is reported (located)
//! only when no rule has already explained the problem.

mod body;
mod curation;
mod doc;
mod extensions;
mod names;
mod operation_id;
mod params;
mod refs;
mod responses;
mod schema;
mod size;
mod version;

use std::path::Path;

use serde_yaml::Value;

use crate::diagnostic::{Diagnostic, Report};
use crate::load::Spec;
use crate::position::{Position, PositionIndex};

/// The result of checking a spec: the findings and, when the text parsed as
/// OpenAPI, the spec itself.
#[derive(Debug)]
pub struct Checked {
    /// All findings, located and sorted.
    pub report: Report,
    /// The parsed spec, if the text is a well-formed OpenAPI 3.0 document.
    pub spec: Option<Spec>,
}

/// Reads the spec at `path` and checks it.
pub fn check_file(path: &Path) -> Checked {
    // Refused from its length, before reading: the bound holds for any size.
    if let Some(e) = std::fs::metadata(path)
        .ok()
        .and_then(|m| crate::load::too_large(path, m.len()))
    {
        return Checked {
            report: Report {
                file: path.to_owned(),
                diagnostics: vec![load_diagnostic("spec-size", e)],
            },
            spec: None,
        };
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Checked {
                report: Report {
                    file: path.to_owned(),
                    diagnostics: vec![Diagnostic {
                        position: Some(Position { line: 1, column: 1 }),
                        ..Diagnostic::error("spec-read", "", format!("cannot read the spec: {e}"))
                            .with_hint("run from the repository root, or pass the spec's path")
                    }],
                },
                spec: None,
            }
        }
    };
    match crate::load::decode(path, bytes) {
        Ok(text) => check_text(path, text),
        Err(e) => Checked {
            report: Report {
                file: path.to_owned(),
                diagnostics: vec![load_diagnostic("spec-encoding", e)
                    .with_hint("convert the file to UTF-8 (e.g. `iconv -f latin1 -t utf-8`)")],
            },
            spec: None,
        },
    }
}

/// A located diagnostic of `rule` from a load error.
fn load_diagnostic(rule: &'static str, e: crate::load::LoadError) -> Diagnostic {
    Diagnostic {
        position: e.location.map(|(line, column)| Position { line, column }),
        ..Diagnostic::error(rule, "", e.message)
    }
}

/// Checks spec `text` read from `path` (used in messages only).
pub fn check_text(path: &Path, text: String) -> Checked {
    let text = crate::load::strip_bom(text);
    let mut report = Report::new(path);
    if let Some(e) = crate::load::too_large(path, text.len() as u64) {
        report.diagnostics.push(load_diagnostic("spec-size", e));
        return Checked { report, spec: None };
    }
    let root: Value = match crate::load::parse_tree(path, &text) {
        Ok(root) => root,
        Err(e) => {
            let (rule, hint) = if e.message.contains("alias") {
                (
                    "yaml-alias-limit",
                    "write the repeated parts out, or share them with `$ref`",
                )
            } else if e.message.contains("out of range") {
                (
                    "yaml-number-range",
                    "quote the number, or write it as a float (`1.0e30`)",
                )
            } else {
                (
                    "yaml-syntax",
                    "fix the YAML syntax at this position (indentation, quotes, brackets)",
                )
            };
            report
                .diagnostics
                .push(load_diagnostic(rule, e).with_hint(hint));
            return Checked { report, spec: None };
        }
    };
    // Over the size budget, nothing else is worth the time: no other rule,
    // no typed parse (both scale with the spec).
    if let Some(over) = size_over_budget(&root) {
        report.diagnostics.push(over);
        report.locate(&PositionIndex::new(&text));
        return Checked { report, spec: None };
    }
    let index = PositionIndex::new(&text);
    report.diagnostics = rules(&root);
    let spec = match crate::load::spec_from_tree(path, text, root) {
        Ok(spec) => {
            extensions::check(&spec.openapi, &mut report.diagnostics);
            Some(spec)
        }
        Err(e) => {
            if !report.has_errors() {
                let position = e.location.map(|(line, column)| Position { line, column });
                let pointer = position
                    .and_then(|p| index.pointer_at(p))
                    .unwrap_or_default()
                    .to_owned();
                report.diagnostics.push(Diagnostic {
                    position,
                    ..Diagnostic::error("spec-structure", pointer, e.message)
                        .with_hint("this node does not have the shape OpenAPI 3.0 requires here (a missing field, or a value of the wrong type)")
                });
            }
            None
        }
    };
    report.locate(&index);
    Checked { report, spec }
}

/// The first `allOf` cycle of a parsed spec, as a message (see the
/// `ref-cycle` rule); `None` when there is none.
pub fn all_of_cycle(openapi: &openapiv3::OpenAPI) -> Option<String> {
    let root = serde_yaml::to_value(openapi).ok()?;
    let mut out = Vec::new();
    refs::check_all_of_cycles(&root, &mut out);
    out.into_iter()
        .next()
        .map(|d| format!("{} (at {})", d.message, d.pointer))
}

/// The `spec-size` diagnostic of a document over the generation budget,
/// from one walk that counts and checks nothing else.
fn size_over_budget(root: &Value) -> Option<Diagnostic> {
    let mut size = size::Size::default();
    doc::walk(root, &mut |kind, pointer, node| {
        size.visit(kind, pointer, node)
    });
    let mut out = Vec::new();
    size.check(doc::operations(root).len(), &mut out);
    out.pop()
}

/// Runs every rule over the raw document.
pub fn rules(root: &Value) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !matches!(root, Value::Mapping(_)) {
        out.push(
            Diagnostic::error("spec-structure", "", "the document is not a YAML mapping")
                .with_hint(
                    "an OpenAPI document starts with `openapi: 3.0.3`, `info:` and `paths:`",
                ),
        );
        return out;
    }
    version::check_document(root, &mut out);
    let mut chains = doc::RefChains::default();
    let mut size = size::Size::default();
    doc::walk(root, &mut |kind, pointer, node| {
        size.visit(kind, pointer, node);
        version::check_node(kind, pointer, node, &mut out);
        names::check_properties(kind, pointer, node, &mut out);
        refs::check_node(root, &mut chains, kind, pointer, node, &mut out);
        schema::check_node(kind, pointer, node, &mut out);
    });
    refs::check_all_of_cycles(root, &mut out);
    let ops = doc::operations(root);
    size.check(ops.len(), &mut out);
    operation_id::check(&ops, &mut out);
    for op in &ops {
        params::check(root, op, &mut out);
        responses::check(root, op, &mut out);
        body::check(root, op, &mut out);
    }
    names::check(root, &ops, &mut out);
    curation::check(root, &ops, &mut out);
    out
}
