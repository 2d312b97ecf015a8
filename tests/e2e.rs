//! Every operation of the spec, end to end: the client sends the request to a
//! loopback server that checks method, path, query, headers and JSON body,
//! and decodes the server's schema-valid success and error answers. The
//! cases are generated from the spec into `tests/e2e/cases.rs`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

// Generated (prettyplease layout); the staleness test compares it byte for byte.
#[rustfmt::skip]
#[path = "e2e/cases.rs"]
mod cases;
#[path = "e2e/harness.rs"]
mod harness;
mod support;

fn all_cases() -> &'static [harness::Case] {
    static CASES: OnceLock<Vec<harness::Case>> = OnceLock::new();
    CASES.get_or_init(cases::cases)
}

#[tokio::test(flavor = "current_thread")]
async fn every_operation_round_trips_through_a_local_server() {
    let problems = harness::run(all_cases()).await;
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_operation_of_the_spec_has_a_case() {
    let text = std::fs::read_to_string(support::spec_path()).expect("spec");
    let spec: openapiv3::OpenAPI = serde_yaml::from_str(&text).expect("spec parses");
    let in_spec: BTreeSet<String> = spec
        .operations()
        .filter_map(|(_, _, op)| op.operation_id.clone())
        .collect();
    let covered: BTreeSet<String> = all_cases()
        .iter()
        .map(|c| c.operation_id.to_owned())
        .collect();
    let missing: Vec<&String> = in_spec.difference(&covered).collect();
    let extra: Vec<&String> = covered.difference(&in_spec).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "operations without an end-to-end case: {missing:?}; cases of no operation: {extra:?}\n\
         regenerate: cargo run -p atlassian-admin-generator -- e2e -o tests/e2e/cases.rs"
    );
    assert_eq!(covered.len(), all_cases().len(), "one case per operation");
}

#[test]
fn committed_cases_match_the_spec() {
    let spec = admin_api_generator::load_spec(&support::spec_path()).expect("spec loads");
    let code = admin_api_generator::generate_client(&spec).expect("client generates");
    let fresh = admin_api_generator::e2e::generate_cases(&spec, &code, "atlassian_admin_api")
        .expect("cases generate");
    let path = format!("{}/tests/e2e/cases.rs", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&path).expect("committed cases");
    assert!(
        committed == fresh,
        "tests/e2e/cases.rs is stale; regenerate it with\n  \
         cargo run -p atlassian-admin-generator -- e2e -o tests/e2e/cases.rs"
    );
}
