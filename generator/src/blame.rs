//! Naming the operation behind a generation failure. When progenitor fails
//! (or panics) on a spec that passed `check`, each operation is generated
//! alone to find the ones that fail, so that the message points at them.

use openapiv3::{PathItem, ReferenceOr};

use crate::diagnostic::Diagnostic;
use crate::generate::{generate_client, GenerateError};
use crate::load::Spec;
use crate::model::{operation_mut, METHODS};
use crate::position::escape_segment;

/// Diagnostics for a failed generation of `spec`: one per operation that
/// fails on its own, else one about the shared components.
pub fn blame(spec: &Spec, error: &GenerateError) -> Vec<Diagnostic> {
    // The components alone first: a broken shared schema fails every
    // operation, and is better named once.
    let mut bare = spec.clone();
    bare.openapi.paths.paths.clear();
    if let Err(e) = generate_client(&bare) {
        return vec![failure(
            "/components/schemas".to_owned(),
            format!(
                "progenitor failed on the shared schemas: {}",
                summary(&e.message)
            ),
            e.panicked,
        )];
    }
    let mut found = Vec::new();
    for (path, item) in &spec.openapi.paths.paths {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        for method in METHODS {
            let Some(op) = operation(item, method) else {
                continue;
            };
            let mut single = spec.clone();
            let mut only = PathItem {
                parameters: item.parameters.clone(),
                ..PathItem::default()
            };
            *operation_mut(&mut only, method) = Some(op.clone());
            single.openapi.paths.paths = [(path.clone(), ReferenceOr::Item(only))]
                .into_iter()
                .collect();
            if let Err(e) = generate_client(&single) {
                let name = op
                    .operation_id
                    .clone()
                    .unwrap_or_else(|| format!("{} {path}", method.to_uppercase()));
                found.push(failure(
                    format!("/paths/{}/{method}", escape_segment(path)),
                    format!(
                        "progenitor failed on operation `{name}`: {}",
                        summary(&e.message)
                    ),
                    e.panicked,
                ));
            }
        }
    }
    if found.is_empty() {
        found.push(failure(
            String::new(),
            format!("progenitor failed: {}", summary(&error.message)),
            error.panicked,
        ));
    }
    found
}

/// progenitor's messages may carry a pretty-printed dump of the schema:
/// keep the first line and a compact form of the rest, short.
fn summary(message: &str) -> String {
    let mut lines = message.lines();
    let first = lines.next().unwrap_or_default().trim().to_owned();
    let rest: Vec<&str> = lines.map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut text = if rest.is_empty() {
        first
    } else {
        format!("{first} {}", rest.join(" "))
    };
    if text.chars().count() > 240 {
        text = text.chars().take(240).collect::<String>() + "…";
    }
    text
}

fn failure(pointer: String, message: String, panicked: bool) -> Diagnostic {
    let hint = if panicked {
        "progenitor panicked here although `check` passed: simplify this operation's schemas, and report the case so that `check` learns it"
    } else {
        "progenitor rejected this part of the spec although `check` passed: report the case so that `check` learns it"
    };
    Diagnostic::error("generate-failed", pointer, message).with_hint(hint)
}

fn operation<'a>(item: &'a PathItem, method: &str) -> Option<&'a openapiv3::Operation> {
    match method {
        "get" => item.get.as_ref(),
        "put" => item.put.as_ref(),
        "post" => item.post.as_ref(),
        "delete" => item.delete.as_ref(),
        "options" => item.options.as_ref(),
        "head" => item.head.as_ref(),
        "patch" => item.patch.as_ref(),
        "trace" => item.trace.as_ref(),
        _ => None,
    }
}
