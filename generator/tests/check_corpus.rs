//! The broken-spec corpus: `tests/check_corpus/<rule-id>/*.yaml`, each file a
//! small spec breaking (at least) that rule. Every file must produce a located
//! diagnostic of its rule; the report, and what progenitor does with the same
//! spec without `check`, are snapshotted.

use std::path::{Path, PathBuf};

use admin_api_generator::{check_text, generate_client, load::parse_spec};

/// Corpus cases on which progenitor itself panics (the first eleven are
/// progenitor 0.15's known triggers; the fuzz test found the others, in
/// typify): `check` must catch each before progenitor runs.
const PANIC_TRIGGERS: [&str; 21] = [
    "response-multiple-success/101-beside-204",
    "response-multiple-success/200-and-201",
    "response-multiple-success/200-and-default",
    "response-multiple-success/default-beside-200-and-204",
    "response-multiple-error/400-and-404",
    "response-json-no-schema/no-schema",
    "response-json-encoding/encoding",
    "body-media-types/two",
    "body-encoding/form",
    "path-param-optional/optional",
    "path-param-undeclared/undeclared",
    "path-param-not-in-template/extra",
    "ref-dangling/response",
    "param-schema/object",
    "schema-format/array",
    "schema-format/object",
    "schema-type/format-without-type",
    "schema-type/unknown-type",
    "schema-composition/not",
    "schema-composition/empty-all-of",
    "schema-enum/same-variant",
];

fn corpus() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_corpus");
    let mut cases = Vec::new();
    for dir in std::fs::read_dir(&root).expect("corpus dir") {
        let dir = dir.expect("entry").path();
        for file in std::fs::read_dir(&dir).expect("rule dir") {
            let file = file.expect("entry").path();
            if file.extension().is_some_and(|e| e == "yaml") {
                let rule = dir
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned();
                let stem = file
                    .file_stem()
                    .expect("stem")
                    .to_string_lossy()
                    .into_owned();
                cases.push((format!("{rule}/{stem}"), file));
            }
        }
    }
    cases.sort();
    cases
}

/// What progenitor does with the spec when nobody checks it first.
fn unchecked_outcome(path: &Path, text: &str) -> String {
    let spec = match parse_spec(path, text.to_owned()) {
        Ok(spec) => spec,
        Err(e) => return format!("does not parse: {}", e.message),
    };
    match generate_client(&spec) {
        Ok(_) => "generates".to_owned(),
        Err(e) => {
            let first = e.message.lines().next().unwrap_or_default();
            let kind = if e.panicked { "panics" } else { "errors" };
            format!("{kind}: {}", first.chars().take(100).collect::<String>())
        }
    }
}

#[test]
fn every_corpus_case_is_reported_at_its_place() {
    let cases = corpus();
    assert!(cases.len() >= 40, "corpus has {} cases", cases.len());
    for (case, file) in &cases {
        let rule = case.split('/').next().expect("rule");
        let text = std::fs::read_to_string(file).expect("read case");
        let shown = Path::new("tests/check_corpus").join(format!("{case}.yaml"));
        let report = check_text(&shown, text.clone()).report;
        let hit = report
            .diagnostics
            .iter()
            .find(|d| d.rule == rule)
            .unwrap_or_else(|| {
                panic!(
                    "{case}: no `{rule}` diagnostic in\n{}",
                    report.render_human()
                )
            });
        assert!(hit.position.is_some(), "{case}: `{rule}` is not located");
        assert!(hit.hint.is_some(), "{case}: `{rule}` has no hint");

        let outcome = unchecked_outcome(&shown, &text);
        if PANIC_TRIGGERS.contains(&case.as_str()) {
            assert!(
                outcome.starts_with("panics"),
                "{case}: expected a progenitor panic, got {outcome}"
            );
        }
        let snapshot = format!(
            "{}\nprogenitor without check: {outcome}\n",
            report.render_human()
        );
        insta::assert_snapshot!(case.replace('/', "__"), snapshot);
    }
}
