//! Mutation fuzzing of `check` + generation: the committed spec (and the
//! corpus, and any extra seeds) are mutated at random (keys dropped or
//! renamed, values retyped, references broken, subtrees copied, keywords
//! inserted, the YAML text garbled), and every case must end either in a
//! generated client or in at least one located error diagnostic, never in a
//! panic; and when `check` reports no error, generation must succeed.
//!
//! CI runs a small fixed number of cases (80). More:
//! `SPEC_FUZZ_CASES=10000 SPEC_FUZZ_SEEDS=path/a.yaml:path/b.yaml cargo test --release --test spec_fuzz -- --nocapture`
//! (`SPEC_FUZZ_SEED` picks another PRNG seed). Failing cases are written to
//! `target/spec-fuzz-failures/case-N.yaml` (the workspace's);
//! `SPEC_FUZZ_ONLY=271,5164` (with the same `SPEC_FUZZ_CASES`) re-runs just
//! those cases of the run.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

use admin_api_generator::{check_text, generate_client};
use serde_yaml::{Mapping, Value};

mod support;

/// SplitMix64: small, seeded, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Pointers (as segment lists) of every node of `v`.
fn all_paths(v: &Value, prefix: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    match v {
        Value::Mapping(m) => {
            for (k, c) in m {
                prefix.push(k.clone());
                all_paths(c, prefix, out);
                prefix.pop();
            }
        }
        Value::Sequence(s) => {
            for (i, c) in s.iter().enumerate() {
                prefix.push(Value::from(i as u64));
                all_paths(c, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(root: &'a mut Value, path: &[Value]) -> Option<&'a mut Value> {
    let mut node = root;
    for seg in path {
        node = match node {
            Value::Mapping(m) => m.get_mut(seg)?,
            Value::Sequence(s) => s.get_mut(seg.as_u64()? as usize)?,
            _ => return None,
        };
    }
    Some(node)
}

const KEYWORDS: [&str; 30] = [
    "required",
    "in",
    "style",
    "content",
    "encoding",
    "deprecated",
    "nullable",
    "type",
    "format",
    "enum",
    "items",
    "properties",
    "allOf",
    "oneOf",
    "anyOf",
    "additionalProperties",
    "$ref",
    "schema",
    "operationId",
    "parameters",
    "requestBody",
    "responses",
    "const",
    "examples",
    "default",
    "name",
    "not",
    "discriminator",
    "readOnly",
    "minimum",
];

const STATUS: [&str; 12] = [
    "200", "201", "204", "default", "2XX", "400", "404", "500", "101", "302", "4XX", "abc",
];

fn random_value(rng: &mut Rng, donor: &Value) -> Value {
    let scalars = [
        "string",
        "object",
        "array",
        "integer",
        "null",
        "path",
        "query",
        "header",
        "cookie",
        "form",
        "deepObject",
        "simple",
        "binary",
        "application/json",
        "text/plain",
        "multipart/form-data",
        "#/components/schemas/Nope",
        "{id}",
        "/x/{y}",
        "",
    ];
    match rng.below(9) {
        0 => Value::from(*rng.pick(&scalars)),
        1 => Value::from(rng.below(1000) as i64 - 10),
        2 => Value::from(rng.chance(50)),
        3 => Value::Null,
        4 => Value::Sequence(vec![Value::from(*rng.pick(&scalars))]),
        5 => Value::Mapping(Mapping::new()),
        6 => {
            let mut m = Mapping::new();
            m.insert(
                Value::from(*rng.pick(&KEYWORDS)),
                Value::from(*rng.pick(&scalars)),
            );
            Value::Mapping(m)
        }
        // A copy of some other node of the document.
        _ => {
            let mut paths = Vec::new();
            all_paths(donor, &mut Vec::new(), &mut paths);
            let path = rng.pick(&paths).clone();
            let mut copy = donor.clone();
            node_mut(&mut copy, &path)
                .map(|n| n.clone())
                .unwrap_or(Value::Null)
        }
    }
}

/// Keeps a few paths of a large spec, so that most cases generate quickly.
fn shrink(rng: &mut Rng, doc: &mut Value) {
    let Some(Value::Mapping(paths)) = doc.get_mut("paths") else {
        return;
    };
    if paths.len() <= 4 {
        return;
    }
    let keep = 1 + rng.below(4);
    let keys: Vec<Value> = paths.keys().cloned().collect();
    let chosen: Vec<Value> = (0..keep).map(|_| rng.pick(&keys).clone()).collect();
    paths.retain(|k, _| chosen.contains(k));
    prune_components(doc);
}

/// Drops the components the remaining paths do not reach (through `$ref`s),
/// so that a shrunk spec is also small to generate.
fn prune_components(doc: &mut Value) {
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Mapping(m) => {
                for (k, c) in m {
                    match (k.as_str(), c.as_str()) {
                        (Some("$ref"), Some(r)) => out.push(r.to_owned()),
                        _ => refs(c, out),
                    }
                }
            }
            Value::Sequence(s) => s.iter().for_each(|c| refs(c, out)),
            _ => {}
        }
    }
    let mut pending = Vec::new();
    if let Some(paths) = doc.get("paths") {
        refs(paths, &mut pending);
    }
    let mut reached: Vec<String> = Vec::new();
    while let Some(r) = pending.pop() {
        if reached.contains(&r) {
            continue;
        }
        let target = r
            .strip_prefix("#/")
            .and_then(|p| p.split('/').try_fold(&*doc, |node, seg| node.get(seg)));
        if let Some(target) = target {
            refs(target, &mut pending);
        }
        reached.push(r);
    }
    let Some(Value::Mapping(components)) = doc.get_mut("components") else {
        return;
    };
    for (section, entries) in components.iter_mut() {
        let (Some(section), Value::Mapping(entries)) =
            (section.as_str().map(str::to_owned), entries)
        else {
            continue;
        };
        if section == "securitySchemes" {
            continue;
        }
        entries.retain(|name, _| {
            let name = name.as_str().unwrap_or_default();
            reached.contains(&format!("#/components/{section}/{name}"))
        });
    }
}

/// One tree mutation; returns its name for the statistics.
fn mutate_tree(rng: &mut Rng, doc: &mut Value) -> &'static str {
    let mut paths = Vec::new();
    all_paths(doc, &mut Vec::new(), &mut paths);
    let donor = doc.clone();
    let target = rng.pick(&paths).clone();
    match rng.below(7) {
        0 => {
            // Drop a key (or sequence item).
            if let Some((last, parent)) = target.split_last() {
                match node_mut(doc, parent) {
                    Some(Value::Mapping(m)) => {
                        m.remove(last);
                    }
                    Some(Value::Sequence(s)) => {
                        if let Some(i) = last.as_u64() {
                            if (i as usize) < s.len() {
                                s.remove(i as usize);
                            }
                        }
                    }
                    _ => {}
                }
            }
            "drop-key"
        }
        1 => {
            if let Some(n) = node_mut(doc, &target) {
                *n = random_value(rng, &donor);
            }
            "change-value"
        }
        2 => {
            // Break or redirect a reference.
            let refs: Vec<&Vec<Value>> = paths
                .iter()
                .filter(|p| p.last().and_then(Value::as_str) == Some("$ref"))
                .collect();
            if !refs.is_empty() {
                let path = (*rng.pick(&refs)).clone();
                let other_refs: Vec<String> = refs
                    .iter()
                    .filter_map(|p| {
                        let mut d = donor.clone();
                        node_mut(&mut d, p).and_then(|v| v.as_str().map(str::to_owned))
                    })
                    .collect();
                if let Some(Value::String(s)) = node_mut(doc, &path) {
                    *s = match rng.below(5) {
                        0 => format!("{s}x"),
                        1 => s.replace("/schemas/", "/responses/"),
                        2 => format!("other.yaml{s}"),
                        3 => rng.pick(&other_refs).clone(),
                        _ => s.trim_end_matches(|c: char| c != '/').to_owned(),
                    };
                }
            }
            "break-ref"
        }
        3 => {
            // Rename a key: a status code, a path, or any key.
            if let Some((last, parent)) = target.split_last() {
                if let Some(Value::Mapping(m)) = node_mut(doc, parent) {
                    if let Some(v) = m.remove(last) {
                        let new_key = match rng.below(3) {
                            0 => Value::from(*rng.pick(&STATUS)),
                            1 => Value::from(*rng.pick(&KEYWORDS)),
                            _ => Value::from(format!(
                                "{}{}",
                                last.as_str().unwrap_or("k"),
                                rng.pick(&["_x", "{id}", "/{orgId}", "X", "-a"])
                            )),
                        };
                        m.insert(new_key, v);
                    }
                }
            }
            "rename-key"
        }
        4 => {
            // Insert a keyword into a mapping.
            if let Some(Value::Mapping(m)) = node_mut(doc, &target) {
                let value = random_value(rng, &donor);
                m.insert(Value::from(*rng.pick(&KEYWORDS)), value);
            }
            "insert-keyword"
        }
        5 => {
            // Add a response with another status to an operation.
            let responses: Vec<&Vec<Value>> = paths
                .iter()
                .filter(|p| p.last().and_then(Value::as_str) == Some("responses"))
                .collect();
            if !responses.is_empty() {
                let path = (*rng.pick(&responses)).clone();
                let value = random_value(rng, &donor);
                if let Some(Value::Mapping(m)) = node_mut(doc, &path) {
                    let existing: Vec<Value> = m.values().cloned().collect();
                    let v = if existing.is_empty() || rng.chance(30) {
                        value
                    } else {
                        rng.pick(&existing).clone()
                    };
                    m.insert(Value::from(*rng.pick(&STATUS)), v);
                }
            }
            "add-response"
        }
        _ => {
            // Toggle a path parameter's `required`, or its `in`.
            if let Some(Value::Mapping(m)) = node_mut(doc, &target) {
                if m.contains_key("in") {
                    let key = if rng.chance(50) { "required" } else { "in" };
                    let v = if key == "required" {
                        Value::from(rng.chance(50))
                    } else {
                        Value::from(*rng.pick(&["path", "query", "header", "cookie"]))
                    };
                    m.insert(Value::from(key), v);
                }
            }
            "param-flip"
        }
    }
}

/// Garbles the YAML text itself.
fn garble(rng: &mut Rng, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        return text.to_owned();
    }
    let i = rng.below(lines.len());
    match rng.below(6) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        3 => {
            let line = &mut lines[i];
            if rng.chance(50) {
                line.insert(0, ' ');
            } else if line.starts_with(' ') {
                line.remove(0);
            }
        }
        _ => {
            let line = &mut lines[i];
            let chars: Vec<char> = line.chars().collect();
            let at = rng.below(chars.len() + 1);
            let junk = *rng.pick(&[
                ':', '-', '{', '}', '[', ']', '\'', '"', '#', '&', '*', '!', '|', '>', '\t', 'é',
            ]);
            let mut s: String = chars[..at].iter().collect();
            if rng.chance(50) {
                s.push(junk);
                s.extend(&chars[at..]);
            } else {
                s.extend(chars.iter().skip(at + 1));
            }
            *line = s;
        }
    }
    lines.join("\n") + "\n"
}

enum Outcome {
    Generated,
    Rejected(Vec<&'static str>),
}

/// Runs one case; `Err` describes a failure of the contract.
fn run_case(name: &Path, text: &str) -> Result<Outcome, String> {
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let checked = check_text(name, text.to_owned());
        let errors: Vec<_> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == admin_api_generator::Severity::Error)
            .collect();
        if !errors.is_empty() {
            if errors.iter().all(|d| d.position.is_none()) {
                return Err(format!(
                    "no error is located:\n{}",
                    checked.report.render_human()
                ));
            }
            return Ok(Outcome::Rejected(errors.iter().map(|d| d.rule).collect()));
        }
        let Some(spec) = checked.spec else {
            return Err("check reported no error but the spec did not parse".to_owned());
        };
        match generate_client(&spec) {
            Ok(_) => Ok(Outcome::Generated),
            Err(e) => Err(format!("check passed but generation failed: {e}")),
        }
    }));
    match result {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            Err(format!("panic escaped check/generate: {msg}"))
        }
    }
}

fn seeds() -> Vec<(PathBuf, String)> {
    let mut seeds = vec![(
        PathBuf::from("spec/atlassian-admin.yaml"),
        std::fs::read_to_string(support::spec_path()).expect("read the spec"),
    )];
    if let Ok(extra) = std::env::var("SPEC_FUZZ_SEEDS") {
        for path in extra.split(':').filter(|p| !p.is_empty()) {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("seed {path}: {e}"));
            seeds.push((PathBuf::from(path), text));
        }
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|f| f.path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read corpus file");
        seeds.push((f, text));
    }
    seeds
}

#[test]
fn mutated_specs_end_in_code_or_located_diagnostics() {
    let cases = env_number("SPEC_FUZZ_CASES", 80);
    let mut rng = Rng(env_number("SPEC_FUZZ_SEED", 0x005E_ED0F_A71A_551A));
    let seeds = seeds();
    let parsed: Vec<(PathBuf, Option<Value>)> = seeds
        .iter()
        .map(|(p, t)| (p.clone(), serde_yaml::from_str(t).ok()))
        .collect();
    let only: Option<Vec<u64>> = std::env::var("SPEC_FUZZ_ONLY").ok().map(|list| {
        list.split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .expect("SPEC_FUZZ_ONLY: case numbers, comma-separated")
            })
            .collect()
    });
    let start = Instant::now();
    let (mut generated, mut rejected) = (0u64, 0u64);
    let mut rules: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut mutations: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in 0..cases {
        // The committed spec and extra seeds most of the time, a corpus file
        // now and then.
        let extra_seeds = seeds.len() - tests_corpus_count(&seeds);
        let index = if rng.chance(80) {
            rng.below(extra_seeds)
        } else {
            rng.below(seeds.len())
        };
        let (path, text) = &seeds[index];
        let text = match &parsed[index].1 {
            Some(doc) if !rng.chance(15) => {
                let mut doc = doc.clone();
                // Mostly a few operations and what they use; in long runs now
                // and then the whole spec (slow to generate in a debug build).
                if rng.chance(if cases > 1000 { 97 } else { 100 }) {
                    shrink(&mut rng, &mut doc);
                }
                for _ in 0..1 + rng.below(3) {
                    *mutations
                        .entry(mutate_tree(&mut rng, &mut doc))
                        .or_default() += 1;
                }
                let text = serde_yaml::to_string(&doc).expect("serialize");
                if rng.chance(20) {
                    *mutations.entry("garble-text").or_default() += 1;
                    garble(&mut rng, &text)
                } else {
                    text
                }
            }
            _ => {
                *mutations.entry("garble-text").or_default() += 1;
                garble(&mut rng, text)
            }
        };
        // Every case's mutations are drawn, so case N is the same input
        // whatever runs; only the chosen ones are checked.
        if only.as_ref().is_some_and(|only| !only.contains(&case)) {
            continue;
        }
        match run_case(path, &text) {
            Ok(Outcome::Generated) => generated += 1,
            Ok(Outcome::Rejected(found)) => {
                rejected += 1;
                for r in found {
                    *rules.entry(r).or_default() += 1;
                }
            }
            Err(why) => {
                let dir =
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/spec-fuzz-failures");
                let _ = std::fs::create_dir_all(&dir);
                let file = dir.join(format!("case-{case}.yaml"));
                let _ = std::fs::write(&file, &text);
                failures.push(format!("case {case} ({}): {why}", file.display()));
            }
        }
    }
    eprintln!(
        "spec fuzz: {} cases in {:.1?}: {generated} generated, {rejected} rejected with located errors, {} failures",
        only.as_ref().map_or(cases, |only| only.len() as u64),
        start.elapsed(),
        failures.len()
    );
    eprintln!("mutations: {mutations:?}");
    eprintln!("errors by rule: {rules:?}");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases broke the contract:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(
        only.is_some() || (generated > 0 && rejected > 0),
        "the mutations should both keep and break specs"
    );
}

fn tests_corpus_count(seeds: &[(PathBuf, String)]) -> usize {
    seeds
        .iter()
        .filter(|(p, _)| p.components().any(|c| c.as_os_str() == "check_corpus"))
        .count()
}
