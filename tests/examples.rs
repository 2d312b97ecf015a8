//! Example responses (from the user's documents and written for each family)
//! decode into the generated types.

use atlassian_admin_api::types;
use serde::de::DeserializeOwned;

fn decodes<T: DeserializeOwned>(file: &str) -> T {
    let path = format!(
        "{}/tests/fixtures/examples/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file} does not decode: {e}"))
}

#[test]
fn seed_000_add_users_response() {
    let task: types::AuthPolicyTask = decodes("addUsersToAuthPolicy.seed.json");
    assert_eq!(task.task_id, "358d916a-aed3-474a-9ae0-17def3bad866");
}

#[test]
fn seed_000_task_status_with_a_failure() {
    let status: types::AuthPolicyTaskStatus = decodes("getAuthPolicyTaskStatus.seed.json");
    assert_eq!((status.success_count, status.failure_count), (1, 1));
    assert_eq!(
        status.failure_reasons[0].emails,
        ["doesNotExist@domain.com"]
    );
}
