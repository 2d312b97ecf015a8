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
    chains: &mut doc::RefChains,
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
    match chains.classify(root, target) {
        doc::Chain::Cycle => out.push(
            Diagnostic::error(
                "ref-cycle",
                at,
                format!(
                    "`{reference}` starts a chain of references that never reaches a definition"
                ),
            )
            .with_hint("make one link of the chain a definition instead of a `$ref`"),
        ),
        doc::Chain::Ends(n) if n + 1 > doc::MAX_REF_CHAIN => out.push(
            Diagnostic::error(
                "ref-chain-too-long",
                at,
                format!(
                    "`{reference}` starts a chain of {} references before a definition; at most {} are accepted",
                    n + 1,
                    doc::MAX_REF_CHAIN
                ),
            )
            .with_hint("refer to the definition directly instead of through other references"),
        ),
        _ => {}
    }
}

/// `ref-cycle` through `allOf`: a schema that contains itself through `allOf`
/// members (or a `$ref` alias on the way) has no finite form, and typify
/// recurses on it until the stack overflows. Found with an iterative
/// depth-first search, one diagnostic per cycle, at the `$ref` that closes it.
pub fn check_all_of_cycles(root: &Value, out: &mut Vec<Diagnostic>) {
    let Some(schemas) = doc::lookup(root, "/components/schemas") else {
        return;
    };
    let entries = doc::entries(schemas);
    let index: std::collections::HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    // Edges: (target schema, pointer of the `$ref` that makes the edge).
    let edges: Vec<Vec<(usize, String, bool)>> = entries
        .iter()
        .map(|(name, node)| {
            let mut found = Vec::new();
            let base = doc::child("/components/schemas", name);
            collect_all_of_refs(node, &base, &index, false, &mut found);
            found
        })
        .collect();
    // 0 unvisited, 1 on the stack, 2 done.
    let mut state = vec![0u8; entries.len()];
    for start in 0..entries.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some((target, at, via_all_of)) = edges[node].get(*next) {
                *next += 1;
                match state[*target] {
                    0 => {
                        state[*target] = 1;
                        stack.push((*target, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|(n, _)| n == target).unwrap_or(0);
                        // Cycles of plain `$ref` aliases are the chain rule's.
                        let through_all_of = *via_all_of
                            || stack[from..].iter().any(|(n, next)| {
                                edges[*n].get(next.wrapping_sub(1)).is_some_and(|e| e.2)
                            });
                        if !through_all_of {
                            continue;
                        }
                        let names: Vec<&str> = stack[from..]
                            .iter()
                            .map(|(n, _)| entries[*n].0.as_str())
                            .chain(std::iter::once(entries[*target].0.as_str()))
                            .collect();
                        out.push(
                            Diagnostic::error(
                                "ref-cycle",
                                at.clone(),
                                format!(
                                    "schema `{}` contains itself through `allOf`: {}",
                                    entries[*target].0,
                                    names.join(" → ")
                                ),
                            )
                            .with_hint("break the cycle: an `allOf` member cannot be the schema itself; refer to it from a property instead"),
                        );
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
}

/// The schemas `node` merges: its own `$ref`, and those of its `allOf`
/// members (inline members are looked into).
fn collect_all_of_refs(
    node: &Value,
    pointer: &str,
    index: &std::collections::HashMap<&str, usize>,
    in_all_of: bool,
    out: &mut Vec<(usize, String, bool)>,
) {
    // Inline members nest as deep as the text does; serde_yaml bounds that
    // depth (128), so this recursion is bounded too.
    if let Some(r) = doc::ref_of(node) {
        if let Some(name) = r.strip_prefix("#/components/schemas/") {
            if let Some(&i) = index.get(name) {
                out.push((i, doc::child(pointer, "$ref"), in_all_of));
            }
        }
        return;
    }
    let all_of = doc::child(pointer, "allOf");
    for (i, member) in doc::items(doc::get(node, "allOf")).iter().enumerate() {
        collect_all_of_refs(member, &format!("{all_of}/{i}"), index, true, out);
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
