//! `ref-*`: every `$ref` is local, resolves, names a component of the kind
//! expected where it stands, and does not loop. progenitor looks references up
//! by their last segment in the section of the expected kind and panics when
//! the key is missing; a reference loop overflows its stack.

use serde_yaml::Value;

use super::doc::{self, Kind};
use crate::diagnostic::Diagnostic;

/// Checks the reference held by `node` (if any).
pub fn check_node(
    root: &Value,
    kind: Kind,
    pointer: &str,
    node: &Value,
    out: &mut Vec<Diagnostic>,
) {
    let Some(raw) = doc::get(node, "$ref") else {
        return;
    };
    let at = doc::child(pointer, "$ref");
    let Some(reference) = raw.as_str() else {
        out.push(
            Diagnostic::error("ref-invalid", at, "`$ref` must be a string")
                .with_hint("write `$ref: '#/components/schemas/Name'`"),
        );
        return;
    };
    if kind == Kind::PathItem {
        out.push(
            Diagnostic::error(
                "ref-kind",
                pointer,
                format!("path item `{reference}` is a reference; the generator does not follow path item references"),
            )
            .with_hint("write the path item inline"),
        );
        return;
    }
    let Some(target) = reference.strip_prefix('#') else {
        out.push(
            Diagnostic::error(
                "ref-external",
                at,
                format!("`{reference}` points outside this document"),
            )
            .with_hint("the spec is a single document: move the target under `components` and refer to it with `#/components/...`"),
        );
        return;
    };
    if let Some(section) = kind.section() {
        let segments: Vec<&str> = target.split('/').collect();
        let well_formed = segments.len() == 4
            && segments[0].is_empty()
            && segments[1] == "components"
            && !segments[3].is_empty();
        if !well_formed || segments[2] != section {
            out.push(
                Diagnostic::error(
                    "ref-kind",
                    at.clone(),
                    format!(
                        "`{reference}` stands where a {} is expected, but does not name one",
                        kind_name(kind)
                    ),
                )
                .with_hint(format!(
                    "refer to an entry of `components/{section}`: `#/components/{section}/Name`"
                )),
            );
            return;
        }
    }
    if doc::lookup(root, target).is_none() {
        out.push(
            Diagnostic::error(
                "ref-dangling",
                at,
                format!("`{reference}` does not resolve"),
            )
            .with_hint(hint_for_missing(root, target)),
        );
        return;
    }
    if doc::resolve(root, node, pointer).is_none() {
        out.push(
            Diagnostic::error(
                "ref-cycle",
                at,
                format!(
                    "`{reference}` starts a chain of references that never reaches a definition"
                ),
            )
            .with_hint("make one link of the chain a definition instead of a `$ref`"),
        );
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Schema => "schema",
        Kind::Parameter => "parameter",
        Kind::Response => "response",
        Kind::RequestBody => "request body",
        Kind::Header => "header",
        Kind::PathItem => "path item",
        Kind::Other => "component",
    }
}

/// Suggests a defined name of the same section when one is close.
fn hint_for_missing(root: &Value, target: &str) -> String {
    let (section, name) = match target.rsplit_once('/') {
        Some((s, n)) => (s, n),
        None => ("", target),
    };
    let candidates = doc::lookup(root, section)
        .map(doc::entries)
        .unwrap_or_default();
    let lower = name.to_lowercase();
    let close = candidates.iter().map(|(k, _)| k).find(|k| {
        let k = k.to_lowercase();
        k.contains(&lower) || lower.contains(&k) || edit_distance(&k, &lower) <= 2
    });
    match close {
        Some(k) => format!("did you mean `#{section}/{k}`?"),
        None => format!(
            "define `{name}` under `{}` or fix the name",
            section.trim_start_matches('/')
        ),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
