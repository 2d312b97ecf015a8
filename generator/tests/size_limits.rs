//! Size limits stop the work as soon as they are exceeded (issue 23, item 1):
//! a file over the byte limit is refused from its length alone, and a spec
//! over the generation budget gets its `spec-size` error without the other
//! rules or the typed parse running.

use std::path::Path;

use admin_api_generator::load::{load_spec, MAX_SPEC_BYTES};
use admin_api_generator::{check_file, check_text};

fn operations(count: usize, id: impl Fn(usize) -> String) -> String {
    let mut text = String::from(
        "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\ntags: [{name: t}]\npaths:\n",
    );
    for i in 0..count {
        text += &format!(
            "  /a{i}:\n    get:\n      operationId: {}\n      summary: Get {i}\n      tags: [t]\n      \
             responses:\n        '200':\n          description: ok\n",
            id(i)
        );
    }
    text
}

#[test]
fn a_file_over_the_byte_limit_is_refused_before_it_is_read() {
    let path = std::env::temp_dir().join(format!("size-limits-{}.yaml", std::process::id()));
    // Sparse: 100 MB of length, no data on disk. Reading it would mean a
    // YAML error about its NUL bytes, not a size error.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100_000_000).unwrap();
    let checked = check_file(&path);
    assert!(checked.spec.is_none());
    let rules: Vec<_> = checked.report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["spec-size"], "{}", checked.report);
    assert!(checked.report.diagnostics[0]
        .message
        .contains(&MAX_SPEC_BYTES.to_string()));
    let err = load_spec(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert!(err.message.contains("byte limit"), "{err}");
}

#[test]
fn a_spec_over_the_generation_budget_stops_at_spec_size() {
    // 3,000 operations (12,000 units against 8,000), every operationId the
    // same: the operationId rule and the typed parse would have more to say,
    // and must not run.
    let text = operations(3_000, |_| "same".to_owned());
    assert!((text.len() as u64) < MAX_SPEC_BYTES);
    let checked = check_text(Path::new("big.yaml"), text);
    assert!(checked.spec.is_none());
    let rules: Vec<_> = checked.report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, ["spec-size"], "{}", checked.report);
    assert!(checked.report.diagnostics[0].position.is_some());
}

#[test]
fn a_spec_within_the_budget_still_gets_every_rule() {
    let text = operations(10, |_| "same".to_owned());
    let checked = check_text(Path::new("small.yaml"), text);
    assert!(checked
        .report
        .diagnostics
        .iter()
        .all(|d| d.rule != "spec-size"));
    assert!(checked.report.has_errors(), "{}", checked.report);
}
