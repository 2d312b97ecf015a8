//! Testing code that uses the client with the typed mocks: each mock matches
//! one operation's request and answers with the operation's own types.

use atlassian_admin_api::{types, Client, RetryPolicy};
use atlassian_admin_api_mocks::MockServerExt;
use httpmock::MockServer;

/// A client of the mock server (no retries: a test wants the first answer).
fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("test-key")
        .base_url(server.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client")
}

/// Code under test: moves `emails` into a policy and reports the task's result.
async fn move_and_report(client: &Client, org: &str, policy: &str, emails: Vec<String>) -> String {
    let task = client
        .add_users_to_auth_policy()
        .org_id(org)
        .policy_id(policy)
        .body_map(|b| b.users(emails))
        .send()
        .await
        .expect("task starts")
        .into_inner();
    let status = client
        .get_auth_policy_task_status()
        .org_id(org)
        .task_id(&task.task_id)
        .send()
        .await
        .expect("status")
        .into_inner();
    format!(
        "{} moved, {} failed",
        status.success_count.unwrap_or(0),
        status.failure_count.unwrap_or(0)
    )
}

#[tokio::test]
async fn moving_users_reports_the_task_result() {
    let server = MockServer::start_async().await;
    let start = server.add_users_to_auth_policy(|when, then| {
        when.org_id("org-1")
            .policy_id("policy-7")
            .body(&types::AuthPolicyAddUsersRequest {
                users: vec!["ada@acme.example".to_owned()],
            });
        then.accepted(&types::AuthPolicyTask {
            task_id: "task-1".to_owned(),
            task_link: "https://api.atlassian.com/task-1".to_owned(),
        });
    });
    let status = server.get_auth_policy_task_status(|when, then| {
        when.org_id("org-1").task_id("task-1");
        then.ok(&types::AuthPolicyTaskStatus {
            in_progress_count: Some(0),
            success_count: Some(1),
            failure_count: Some(0),
            failure_reasons: Vec::new(),
        });
    });

    let client = client(&server);
    let report = move_and_report(
        &client,
        "org-1",
        "policy-7",
        vec!["ada@acme.example".into()],
    )
    .await;

    assert_eq!(report, "1 moved, 0 failed");
    start.assert_async().await;
    status.assert_async().await;
}

#[tokio::test]
async fn error_answers_use_the_family_error_type() {
    let server = MockServer::start_async().await;
    server.get_auth_policy_task_status(|when, then| {
        when.task_id("missing");
        then.not_found(&types::ControlErrors {
            code: Some(404),
            message: Some("Task not found".to_owned()),
            errors: Vec::new(),
        });
    });
    let client = client(&server);
    let result = client
        .get_auth_policy_task_status()
        .org_id("org-1")
        .task_id("missing")
        .send()
        .await;
    let error = result.expect_err("a typed 404");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    let body = error.error_body().expect("the control error document");
    assert_eq!(body.message.as_deref(), Some("Task not found"));
    assert_eq!(
        error.to_string(),
        "getAuthPolicyTaskStatus: 404 Not Found: Task not found"
    );
}

#[tokio::test]
async fn list_query_parameters_match_every_item() {
    let server = MockServer::start_async().await;
    let listed = server.get_directory_users(|when, then| {
        when.org_id("org-1")
            .directory_id("dir-1")
            .account_ids(&vec!["a-1".to_owned(), "a-2".to_owned()]);
        then.ok(&types::DirectoryUserPage {
            data: Vec::new(),
            links: None,
        });
    });
    let client = client(&server);
    #[allow(deprecated)]
    let page = client
        .get_directory_users()
        .org_id("org-1")
        .directory_id("dir-1")
        .account_ids(vec!["a-1".to_owned(), "a-2".to_owned()])
        .send()
        .await
        .expect("page");
    assert!(page.data.is_empty());
    listed.assert_async().await;
}
