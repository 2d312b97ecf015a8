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
mod version;

use std::path::Path;

use serde_yaml::Value;

use crate::diagnostic::{Diagnostic, Report};
use crate::load::{parse_spec, Spec};
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
    match std::fs::read_to_string(path) {
        Ok(text) => check_text(path, text),
        Err(e) => Checked {
            report: Report {
                file: path.to_owned(),
                diagnostics: vec![Diagnostic::error(
                    "spec-read",
                    "",
                    format!("cannot read the spec: {e}"),
                )
                .with_hint("run from the repository root, or pass the spec's path")],
            },
            spec: None,
        },
    }
}

/// Checks spec `text` read from `path` (used in messages only).
pub fn check_text(path: &Path, text: String) -> Checked {
    let mut report = Report::new(path);
    let index = PositionIndex::new(&text);
    let root: Value = match serde_yaml::from_str(&text) {
        Ok(root) => root,
        Err(e) => {
            let position = e
                .location()
                .map(|l| Position {
                    line: l.line(),
                    column: l.column(),
                })
                .or_else(|| Some(document_marker(&text)));
            report.diagnostics.push(Diagnostic {
                position,
                ..Diagnostic::error(
                    "yaml-syntax",
                    "",
                    format!("not valid YAML: {}", crate::load::strip_location(&e)),
                )
                .with_hint("fix the YAML syntax at this position (indentation, quotes, brackets)")
            });
            return Checked { report, spec: None };
        }
    };
    report.diagnostics = rules(&root);
    let spec = match parse_spec(path, text) {
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
    doc::walk(root, &mut |kind, pointer, node| {
        version::check_node(kind, pointer, node, &mut out);
        names::check_properties(kind, pointer, node, &mut out);
        refs::check_node(root, kind, pointer, node, &mut out);
        schema::check_node(kind, pointer, node, &mut out);
    });
    let ops = doc::operations(root);
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

/// Where a YAML error without a location most likely is: serde_yaml gives
/// none for a second document, so point at its `---` (else the start).
fn document_marker(text: &str) -> Position {
    text.lines()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.starts_with("---") || l.starts_with("..."))
        .map_or(Position { line: 1, column: 1 }, |(i, _)| Position {
            line: i + 1,
            column: 1,
        })
}
