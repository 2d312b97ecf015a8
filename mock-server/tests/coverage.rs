//! Every operation of the spec is either modelled by the twin and called by
//! one of its tests (whose answers `common::check_answer` validates), or
//! listed below as not modelled yet, in which case the twin answers 501
//! naming it. Adding an operation to the spec without teaching the twin (or
//! listing it here) fails, naming the operation.

mod common;

use atlassian_admin_mock_server::spec::Spec;
use atlassian_admin_mock_server::MockAdminApi;
use common::Twin;

/// Operations the twin does not model yet: they answer 501.
const NOT_MODELLED: &[&str] = &[];

/// The operation ids the twin's tests call (`.call("id"` / `.call_with_key("id"`).
fn called_in_tests() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let mut called = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("coverage.rs") {
            continue;
        }
        let text: String = std::fs::read_to_string(&path)
            .expect("test source")
            .split_whitespace()
            .collect();
        for marker in [".call(\"", ".call_with_key(\""] {
            for (i, _) in text.match_indices(marker) {
                let rest = &text[i + marker.len()..];
                if let Some(end) = rest.find('"') {
                    called.push(rest[..end].to_owned());
                }
            }
        }
    }
    called.sort();
    called.dedup();
    called
}

#[test]
fn every_operation_is_modelled_and_tested_or_answers_501() {
    let spec = Spec::get();
    let called = called_in_tests();
    let mut problems = Vec::new();
    let (mut modelled, mut pending) = (0, 0);
    for op in &spec.operations {
        let listed = NOT_MODELLED.contains(&op.id.as_str());
        let models = MockAdminApi::models(&op.id);
        match (models, listed, called.contains(&op.id)) {
            (true, false, true) => modelled += 1,
            (true, false, false) => problems.push(format!("{} is modelled but no twin test calls it", op.id)),
            (true, true, _) => problems.push(format!("{} is modelled: remove it from NOT_MODELLED", op.id)),
            (false, true, _) => pending += 1,
            (false, false, _) => problems.push(format!(
                "{} ({} {}) has no twin handler and no test: teach the twin, or list it in NOT_MODELLED",
                op.id, op.method, op.path
            )),
        }
    }
    for id in NOT_MODELLED {
        if spec.operation(id).is_none() {
            problems.push(format!("{id} is listed but not in the spec"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    eprintln!(
        "{modelled} of {} operations modelled and tested; {pending} answer 501: {}",
        spec.operations.len(),
        NOT_MODELLED.join(", ")
    );
}

#[test]
fn operations_not_modelled_answer_501_naming_themselves() {
    let t = Twin::seeded();
    for id in NOT_MODELLED {
        let op = Spec::get()
            .operation(id)
            .expect("listed operations are in the spec");
        let mut values: Vec<(&str, &str)> = vec![("orgId", &t.org), ("directoryId", &t.dir)];
        values.extend(
            op.params
                .iter()
                .filter(|p| p.location == "path")
                .map(|p| (p.name.as_str(), "x")),
        );
        let path = op.fill(&values);
        let answer = t.raw(
            &op.method,
            &path,
            None,
            atlassian_admin_mock_server::API_KEY,
        );
        assert_eq!(answer.status, 501, "{id} on {path}: {:?}", answer.body);
        assert!(
            answer.body.to_string().contains(&format!("`{id}`")),
            "{id}: {}",
            answer.body
        );
    }
}

#[test]
fn the_answer_check_rejects_what_the_spec_rejects() {
    use atlassian_admin_mock_server::schema::{validate, Direction};
    let spec = Spec::get();
    let schema = spec
        .operation("getDirectoryUserDetails")
        .and_then(|op| op.response_schema(200))
        .expect("schema");
    let good = serde_json::json!({"data": {"accountId": "a", "mfaEnabled": true}});
    assert!(validate(&spec.doc, schema, &good, Direction::Response).is_ok());
    let bad = serde_json::json!({"data": {"accountId": 7}});
    let e = validate(&spec.doc, schema, &bad, Direction::Response)
        .expect_err("a number is no account id");
    assert!(e.contains("$.data.accountId"), "{e}");
    let page = spec
        .operation("getEvents")
        .and_then(|op| op.response_schema(200))
        .expect("schema");
    let missing =
        serde_json::json!({"data": [{"id": "e", "type": "events", "links": {"self": "x"}}]});
    let e = validate(&spec.doc, page, &missing, Direction::Response)
        .expect_err("attributes are required");
    assert!(e.contains("attributes"), "{e}");
}
