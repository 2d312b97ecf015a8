//! `check` on the committed spec, and the YAML position index against it.

mod support;

use std::path::Path;

use admin_api_generator::position::{escape_segment, PositionIndex};
use admin_api_generator::{check_file, Severity};
use serde_yaml::Value;

#[test]
fn committed_spec_passes_check_without_errors() {
    let checked = check_file(&support::spec_path());
    assert_eq!(
        checked.report.count(Severity::Error),
        0,
        "{}",
        checked.report.render_human()
    );
    assert!(checked.spec.is_some());
}

fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

/// Every key and sequence item of `v`, as (pointer, key text or "-").
fn pointers(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Mapping(m) => {
            for (k, c) in m {
                let key = key_text(k);
                let p = format!("{at}/{}", escape_segment(&key));
                out.push((p.clone(), key));
                pointers(c, &p, out);
            }
        }
        Value::Sequence(s) => {
            for (i, c) in s.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push((p.clone(), String::new()));
                pointers(c, &p, out);
            }
        }
        _ => {}
    }
}

/// The index knows every key of the spec, and each position is where the key
/// (or the item's `-` / first character) is written.
fn assert_index_is_exact(text: &str, label: &str) {
    let doc: Value = serde_yaml::from_str(text).expect("yaml");
    let index = PositionIndex::new(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut all = Vec::new();
    pointers(&doc, "", &mut all);
    assert!(!all.is_empty());
    for (pointer, key) in all {
        let pos = index
            .get(&pointer)
            .unwrap_or_else(|| panic!("{label}: no position for {pointer}"));
        let line = lines[pos.line - 1];
        let at: String = line.chars().skip(pos.column - 1).collect();
        let at = at.trim_start_matches(['\'', '"']);
        assert!(
            at.starts_with(&key),
            "{label}: {pointer} at {}:{} reads `{at}`",
            pos.line,
            pos.column
        );
    }
}

#[test]
fn position_index_is_exact_on_the_spec_and_the_corpus() {
    let text = std::fs::read_to_string(support::spec_path()).expect("spec");
    assert_index_is_exact(&text, "spec");
    // The spec as serde_yaml writes it (block style, wrapped strings).
    let doc: Value = serde_yaml::from_str(&text).expect("yaml");
    assert_index_is_exact(
        &serde_yaml::to_string(&doc).expect("yaml"),
        "re-serialized spec",
    );
    // Extra specs given to the fuzz test (e.g. a preview of a larger spec).
    for extra in std::env::var("SPEC_FUZZ_SEEDS")
        .unwrap_or_default()
        .split(':')
    {
        if !extra.is_empty() {
            let text = std::fs::read_to_string(extra).expect("extra seed");
            assert_index_is_exact(&text, extra);
        }
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_corpus");
    for dir in std::fs::read_dir(corpus).expect("corpus").flatten() {
        for file in std::fs::read_dir(dir.path()).expect("dir").flatten() {
            let text = std::fs::read_to_string(file.path()).expect("case");
            if serde_yaml::from_str::<Value>(&text).is_ok() {
                assert_index_is_exact(&text, &file.path().display().to_string());
            }
        }
    }
}
