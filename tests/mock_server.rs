//! The embedded admin API (`mock-server/`) behaves like the real one where the
//! quickstart and users' tests rely on it: cursor pagination, state changes,
//! asynchronous tasks, and errors in each family's own shape.

use std::num::NonZeroU32;

use atlassian_admin_api::{types, Client};
use atlassian_admin_mock_server::{MockAdminApi, Server, API_KEY};

fn client(server: &Server, key: &str) -> Client {
    Client::builder()
        .api_key(key)
        .base_url(server.base_url())
        .retry(atlassian_admin_api::RetryPolicy::disabled())
        .build()
        .expect("client")
}

async fn start() -> (MockAdminApi, Server, Client, String, String) {
    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await.expect("server starts");
    let client = client(&server, API_KEY);
    let org = api.snapshot();
    (api, server, client, org.org_id, org.directory_id)
}

#[tokio::test]
async fn user_search_pages_cover_every_user_once() {
    let (api, _server, client, org, dir) = start().await;
    let mut seen = Vec::new();
    let mut cursor = None;
    let mut pages = 0;
    loop {
        let page = client
            .search_directory_users()
            .org_id(&org)
            .directory_id(&dir)
            .body_map(|b| b.limit(NonZeroU32::new(7)).cursor(cursor.clone()))
            .send()
            .await
            .expect("page")
            .into_inner();
        pages += 1;
        assert!(page.data.len() <= 7);
        seen.extend(page.data.into_iter().filter_map(|u| u.account_id));
        cursor = page.links.and_then(|l| l.next);
        if cursor.is_none() {
            break;
        }
    }
    let all: Vec<String> = api
        .snapshot()
        .users
        .into_iter()
        .map(|u| u.account_id)
        .collect();
    assert_eq!(seen, all);
    assert_eq!(pages, all.len().div_ceil(7));
}

#[tokio::test]
async fn suspend_and_restore_change_the_user_status() {
    let (api, _server, client, org, dir) = start().await;
    let account = api.snapshot().users[0].account_id.clone();
    let status = |client: Client, org: String, dir: String, account: String| async move {
        client
            .get_directory_user_details()
            .org_id(org)
            .directory_id(dir)
            .account_id(account)
            .send()
            .await
            .expect("details")
            .into_inner()
            .data
            .and_then(|d| d.status)
    };
    client
        .suspend_directory_user()
        .org_id(&org)
        .directory_id(&dir)
        .account_id(&account)
        .send()
        .await
        .expect("suspend");
    assert_eq!(
        status(client.clone(), org.clone(), dir.clone(), account.clone()).await,
        Some(types::DirectoryUserStatus::Suspended)
    );
    client
        .restore_directory_user()
        .org_id(&org)
        .directory_id(&dir)
        .account_id(&account)
        .send()
        .await
        .expect("restore");
    assert_eq!(
        status(client, org, dir, account).await,
        Some(types::DirectoryUserStatus::Active)
    );
}

#[tokio::test]
async fn errors_come_in_the_organization_shape_with_the_right_status() {
    let (api, _server, client, org, dir) = start().await;
    let missing = client
        .suspend_directory_user()
        .org_id(&org)
        .directory_id(&dir)
        .account_id("712020:nobody")
        .send()
        .await;
    let Err(error) = &missing else {
        panic!("expected a typed 404, got {missing:?}");
    };
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    let e = error.error_body().expect("the family's error document");
    assert_eq!(e.errors[0].code.as_deref(), Some("NOT_FOUND"));

    let snapshot = api.snapshot();
    let group = &snapshot.groups[0];
    let member = group.members[0].clone();
    let twice = client
        .add_directory_group_member()
        .org_id(&org)
        .directory_id(&dir)
        .group_id(&group.id)
        .body_map(|b| b.account_id(member))
        .send()
        .await;
    let Err(error) = &twice else {
        panic!("expected a typed 409, got {twice:?}");
    };
    assert_eq!(error.status().map(|s| s.as_u16()), Some(409));
    let e = error.error_body().expect("the family's error document");
    assert_eq!(e.errors[0].status.as_deref(), Some("409"));
}

#[tokio::test]
async fn a_wrong_key_gets_the_flat_401_shape() {
    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await.expect("server starts");
    let org = api.snapshot().org_id;
    let result = client(&server, "not-the-key")
        .get_auth_policy_task_status()
        .org_id(&org)
        .task_id("any")
        .send()
        .await;
    let Err(error) = &result else {
        panic!("expected a typed 401, got {result:?}");
    };
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    let e = error.error_body().expect("the family's error document");
    assert_eq!(e.code, Some(401));
    assert!(e.errors.is_empty());
}

#[tokio::test]
async fn malformed_bodies_get_400_in_the_family_shape() {
    let (_api, server, _client, org, dir) = start().await;
    let http = atlassian_admin_api::tls::client_builder()
        .and_then(|b| b.build().map_err(atlassian_admin_api::ConfigError::Http))
        .expect("HTTP client");
    let url = format!(
        "{}/admin/v2/orgs/{org}/directories/{dir}/users/search",
        server.base_url()
    );
    let response = http
        .post(&url)
        .bearer_auth(API_KEY)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status().as_u16(), 400);
    let body: types::OrganizationErrors = response.json().await.expect("OrganizationErrors");
    assert_eq!(body.errors[0].code.as_deref(), Some("INVALID_REQUEST"));

    let url = format!(
        "{}/admin/control/v1/orgs/{org}/auth-policy/any/add-users",
        server.base_url()
    );
    let too_many: Vec<String> = (0..501).map(|i| format!("u{i}@acme.example")).collect();
    let response = http
        .post(&url)
        .bearer_auth(API_KEY)
        .json(&serde_json::json!({ "users": too_many }))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status().as_u16(), 400);
    let body: types::ControlErrors = response.json().await.expect("ControlErrors");
    assert!(body.errors[0]
        .detail
        .as_deref()
        .unwrap_or("")
        .contains("500"));
}

#[tokio::test]
async fn add_users_tasks_finish_after_polling_and_report_failures() {
    let (api, _server, client, org, _dir) = start().await;
    let snapshot = api.snapshot();
    let policy = snapshot.policies[1].id.clone();
    let known = snapshot.users[3].clone();
    let task = client
        .add_users_to_auth_policy()
        .org_id(&org)
        .policy_id(&policy)
        .body_map(|b| b.users(vec![known.email.clone(), "ghost@acme.example".to_owned()]))
        .send()
        .await
        .expect("task starts")
        .into_inner();
    let poll = || async {
        client
            .get_auth_policy_task_status()
            .org_id(&org)
            .task_id(&task.task_id)
            .send()
            .await
            .expect("status")
            .into_inner()
    };
    let first = poll().await;
    assert_eq!(first.in_progress_count, Some(2));
    let done = poll().await;
    assert_eq!(
        (
            done.in_progress_count,
            done.success_count,
            done.failure_count
        ),
        (Some(0), Some(1), Some(1))
    );
    assert_eq!(done.failure_reasons[0].emails, ["ghost@acme.example"]);
    let users = api.snapshot().users;
    let moved = users
        .iter()
        .find(|u| u.account_id == known.account_id)
        .expect("user");
    assert_eq!(moved.auth_policy, policy);
}

/// A seeded fault run: a third of the page requests fail (500 or a dropped
/// connection, drawn from seed 42), and the client's retries still stream
/// every user exactly once through the twin.
#[tokio::test]
async fn the_client_retries_through_seeded_faults() {
    use atlassian_admin_mock_server::{Fault, FaultKind};
    use futures::TryStreamExt;

    let api = MockAdminApi::default();
    api.inject(Fault::random(42, 0.2, FaultKind::ServerError(500)).only("getDirectoryUsers"));
    api.inject(Fault::random(43, 0.15, FaultKind::DropConnection).only("getDirectoryUsers"));
    let server = Server::start(api.handler()).await.expect("server starts");
    let client = Client::builder()
        .api_key(API_KEY)
        .base_url(server.base_url())
        .retry(atlassian_admin_api::RetryPolicy {
            max_attempts: 6,
            initial_backoff: std::time::Duration::from_millis(1),
            max_backoff: std::time::Duration::from_millis(5),
            ..Default::default()
        })
        .build()
        .expect("client");
    let snapshot = api.snapshot();
    // The deprecated GET list on purpose: a GET is retried after a 5xx or a
    // dropped connection, the POST search that replaces it is not.
    #[allow(deprecated)]
    let pages: Vec<_> = client
        .get_directory_users()
        .org_id(&snapshot.org_id)
        .directory_id(&snapshot.directory_id)
        .limit(5)
        .pages()
        .try_collect()
        .await
        .expect("every page arrives despite the faults");
    let seen: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.data)
        .filter_map(|u| u.account_id)
        .collect();
    let all: Vec<String> = snapshot.users.into_iter().map(|u| u.account_id).collect();
    assert_eq!(seen, all);
    let log = api.request_log();
    let faults = log.iter().filter(|r| r.fault.is_some()).count();
    assert!(
        log.iter()
            .any(|r| r.fault == Some(FaultKind::DropConnection))
            && log.iter().any(|r| r.status == 500),
        "the seeds inject both kinds: {log:?}"
    );
    // Nine pages of five, each fault retried once more.
    assert_eq!(log.len(), 9 + faults);
}

/// A SCIM provisioning lifecycle through the typed client, as an identity
/// provider runs it: create a user, find it by `userName`, put it in a new
/// group, deactivate it with a PATCH, then delete user and group; the
/// twin's state follows each step.
#[tokio::test]
async fn scim_provisioning_lifecycle_through_the_client() {
    use atlassian_admin_mock_server::SCIM_API_KEY;

    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await.expect("server starts");
    let scim = Client::builder()
        .scim_api_key(SCIM_API_KEY)
        .base_url(server.base_url())
        .retry(atlassian_admin_api::RetryPolicy::disabled())
        .build()
        .expect("client");
    let dir = api.snapshot().directory_id;
    let new_user: types::ScimUser = serde_json::from_value(serde_json::json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": "rosalind.franklin@acme.example",
        "emails": [{"value": "rosalind.franklin@acme.example", "primary": true}],
        "name": {"givenName": "Rosalind", "familyName": "Franklin"},
        "displayName": "Rosalind Franklin",
        "active": true,
    }))
    .expect("a SCIM user");
    let created = scim
        .create_scim_user()
        .directory_id(&dir)
        .body(new_user.clone())
        .send()
        .await
        .expect("created")
        .into_inner();
    let id = created.id.clone().expect("the twin assigns an id");
    assert_eq!(created.active, Some(true));
    // Creating the same userName again is a SCIM uniqueness conflict.
    let again = scim
        .create_scim_user()
        .directory_id(&dir)
        .body(new_user)
        .send()
        .await
        .expect_err("a second user with that userName");
    assert_eq!(again.status().map(|s| s.as_u16()), Some(409));

    let found = scim
        .list_scim_users()
        .directory_id(&dir)
        .filter("userName eq \"rosalind.franklin@acme.example\"")
        .send()
        .await
        .expect("listed")
        .into_inner();
    assert_eq!(found.total_results, 1);
    assert_eq!(found.resources[0].id.as_deref(), Some(id.as_str()));

    let group: types::ScimGroup = serde_json::from_value(serde_json::json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": "crystallography",
        "members": [{"value": id}],
    }))
    .expect("a SCIM group");
    let group = scim
        .create_scim_group()
        .directory_id(&dir)
        .body(group)
        .send()
        .await
        .expect("group created")
        .into_inner();
    let group_id = group.id.clone().expect("group id");
    let user = scim
        .get_scim_user()
        .directory_id(&dir)
        .user_id(&id)
        .send()
        .await
        .expect("read back")
        .into_inner();
    assert_eq!(
        user.groups
            .iter()
            .map(|g| g.value.as_deref())
            .collect::<Vec<_>>(),
        [Some(group_id.as_str())],
        "a user's groups come from the groups' members"
    );

    let deactivate: types::ScimPatchRequest = serde_json::from_value(serde_json::json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "path": "active", "value": false}],
    }))
    .expect("a PATCH");
    let patched = scim
        .patch_scim_user()
        .directory_id(&dir)
        .user_id(&id)
        .body(deactivate)
        .send()
        .await
        .expect("deactivated")
        .into_inner();
    assert_eq!(patched.active, Some(false));
    let stored = api.snapshot().scim_users;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0]["active"], false);

    scim.delete_scim_user()
        .directory_id(&dir)
        .user_id(&id)
        .send()
        .await
        .expect("deleted");
    let gone = scim
        .get_scim_user()
        .directory_id(&dir)
        .user_id(&id)
        .send()
        .await
        .expect_err("deleted users are gone");
    assert_eq!(gone.status().map(|s| s.as_u16()), Some(404));
    let group = scim
        .get_scim_group()
        .directory_id(&dir)
        .group_id(&group_id)
        .send()
        .await
        .expect("the group stays")
        .into_inner();
    assert!(
        group.members.is_empty(),
        "deleting a user removes it from its groups"
    );
    scim.delete_scim_group()
        .directory_id(&dir)
        .group_id(&group_id)
        .send()
        .await
        .expect("group deleted");
    let state = api.snapshot();
    assert!(state.scim_users.is_empty() && state.scim_groups.is_empty());
}

/// A seeded fault run of the audit export: a third of the event pages come
/// back cut short or not at all (seeds 7 and 8), each failure ends the run
/// (no retries), and running it again until it finishes leaves every event
/// in the file exactly once, in order.
#[tokio::test]
async fn the_export_resumes_through_seeded_faults_without_loss_or_duplicates() {
    use atlassian_admin_api::audit_export::ExportOptions;
    use atlassian_admin_mock_server::{Fault, FaultKind};

    use atlassian_admin_api::clock::{Clock, ManualClock};

    // getEvents allows 10 calls a minute: the client waits for the window on
    // a test clock, and the twin counts its window on the same clock.
    let clock = ManualClock::default();
    let twin_clock = clock.clone();
    let api = MockAdminApi::default().with_time(move || twin_clock.now());
    api.inject(Fault::random(7, 0.2, FaultKind::TruncateBody).only("getEvents"));
    api.inject(Fault::random(8, 0.15, FaultKind::DropConnection).only("getEvents"));
    let server = Server::start(api.handler()).await.expect("server starts");
    let client = Client::builder()
        .api_key(API_KEY)
        .base_url(server.base_url())
        .retry(atlassian_admin_api::RetryPolicy::disabled())
        .clock(std::sync::Arc::new(clock.clone()))
        .build()
        .expect("client");
    let dir = tempfile::tempdir().expect("temp dir");
    let options = ExportOptions::new(dir.path().join("events.jsonl"))
        .org_id(api.snapshot().org_id)
        .page_size(3);
    let (mut failed_runs, mut appended) = (0, 0);
    loop {
        match client.export_events(&options).await {
            Ok(summary) => {
                appended += summary.events;
                break;
            }
            Err(e) => {
                failed_runs += 1;
                assert!(failed_runs < 60, "the export never finished: {e}");
            }
        }
    }
    let text = std::fs::read_to_string(dir.path().join("events.jsonl")).expect("export");
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["id"].as_str().expect("event id").to_owned()
        })
        .collect();
    let expected: Vec<String> = api.snapshot().events.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, expected, "every event once, in order");
    let faults = api
        .request_log()
        .iter()
        .filter(|r| r.fault.is_some())
        .count();
    assert!(
        failed_runs >= 2 && faults >= failed_runs,
        "the seeds fault some pages: {failed_runs} failed runs, {faults} faults"
    );
    assert!(appended <= ids.len() as u64);
    let calls = api.request_log().len();
    assert!(
        clock.slept() >= std::time::Duration::from_secs(60 * ((calls as u64 - 1) / 10)),
        "{calls} calls at 10 a minute: the client waited {:?} on its clock",
        clock.slept()
    );
    assert!(
        api.request_log().iter().all(|r| r.status != 429),
        "the client's limiter kept every call inside the twin's window"
    );
}

/// The status predicates an idempotent job branches on: adding a member
/// twice is a conflict, an unknown group is not found, and neither is the
/// other.
#[tokio::test]
async fn conflict_and_not_found_are_told_apart() {
    let (api, _server, client, org, dir) = start().await;
    let state = api.snapshot();
    let group = &state.groups[0];
    let member = group.members[0].clone();
    let body = || types::DirectoryGroupMembershipRequest::builder().account_id(member.clone());
    let again = client
        .add_directory_group_member()
        .org_id(&org)
        .directory_id(&dir)
        .group_id(&group.id)
        .body(body())
        .send()
        .await
        .expect_err("already a member");
    assert!(again.is_conflict() && !again.is_not_found(), "{again}");
    let nowhere = client
        .add_directory_group_member()
        .org_id(&org)
        .directory_id(&dir)
        .group_id("no-such-group")
        .body(body())
        .send()
        .await
        .expect_err("no such group");
    assert!(
        nowhere.is_not_found() && !nowhere.is_conflict(),
        "{nowhere}"
    );
}
