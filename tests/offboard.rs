//! Offboarding against the local twin: the plan reads and lists exactly the
//! account, its groups and its tokens; the run makes exactly those writes;
//! a second run finds everything already done; an unknown user is a failed
//! step, not an error that hides the others.

use atlassian_admin_api::offboard::{Action, OffboardOptions, Outcome};
use atlassian_admin_api::{Client, RetryPolicy};
use atlassian_admin_mock_server::{MockAdminApi, Server, API_KEY};

async fn start() -> (MockAdminApi, Server, Client) {
    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await.expect("twin starts");
    let client = Client::builder()
        .api_key(API_KEY)
        .org_id(api.snapshot().org_id)
        .base_url(server.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client");
    (api, server, client)
}

fn writes(api: &MockAdminApi) -> Vec<String> {
    api.request_log()
        .into_iter()
        .filter(|r| r.method != "GET" && !r.path.ends_with("/search"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

#[tokio::test]
async fn the_plan_reads_only_and_the_run_writes_exactly_the_plan() {
    let (api, _server, client) = start().await;
    let before = api.snapshot();
    // A user in at least one group, with API tokens.
    let leaver = before
        .users
        .iter()
        .find(|u| {
            !u.suspended
                && !u.api_tokens.is_empty()
                && before
                    .groups
                    .iter()
                    .any(|g| g.members.contains(&u.account_id))
        })
        .expect("the seed has a user in groups with tokens")
        .clone();
    let their_groups: Vec<String> = before
        .groups
        .iter()
        .filter(|g| g.members.contains(&leaver.account_id))
        .map(|g| g.id.clone())
        .collect();

    let plan = client
        .plan_offboarding(
            &[leaver.email.as_str(), "nobody@acme.example"],
            &OffboardOptions::default(),
        )
        .await;
    assert!(
        writes(&api).is_empty(),
        "planning wrote: {:?}",
        writes(&api)
    );
    let account = plan.users[0].account.as_ref().expect("found");
    assert_eq!(account.account_id, leaver.account_id);
    let mut planned: Vec<String> = account.groups.iter().map(|g| g.id.clone()).collect();
    planned.sort();
    let mut expected = their_groups.clone();
    expected.sort();
    assert_eq!(planned, expected, "exactly the groups the user is in");
    let tokens: Vec<&str> = account.api_tokens.iter().map(|t| t.id.as_str()).collect();
    let seeded: Vec<&str> = leaver.api_tokens.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tokens, seeded);
    assert_eq!(
        plan.users[1].account,
        Err("no managed account with the email nobody@acme.example".to_owned())
    );

    let report = client.offboard(&plan).await;
    let steps = 1 + their_groups.len() + seeded.len();
    assert_eq!(report.steps.len(), steps + 1, "{report:#?}");
    assert_eq!(
        writes(&api).len(),
        steps,
        "one write per planned step: {:?}",
        writes(&api)
    );
    assert_eq!(report.failed().count(), 1, "only the unknown user");
    assert!(matches!(
        report.steps.last().map(|s| &s.action),
        Some(Action::Find)
    ));

    let after = api.snapshot();
    let user = after
        .users
        .iter()
        .find(|u| u.account_id == leaver.account_id)
        .expect("still there");
    assert!(user.suspended);
    assert!(user.api_tokens.is_empty());
    assert!(after
        .groups
        .iter()
        .all(|g| !g.members.contains(&leaver.account_id)));
    // Nobody else lost a token or a membership.
    let others = |org: &atlassian_admin_mock_server::Org| -> usize {
        org.users
            .iter()
            .filter(|u| u.account_id != leaver.account_id)
            .map(|u| u.api_tokens.len())
            .sum::<usize>()
            + org
                .groups
                .iter()
                .map(|g| {
                    g.members
                        .iter()
                        .filter(|m| **m != leaver.account_id)
                        .count()
                })
                .sum::<usize>()
    };
    assert_eq!(others(&after), others(&before));

    // Run again: planned afresh, everything is already done.
    let again = client
        .offboard(
            &client
                .plan_offboarding(&[leaver.account_id.as_str()], &OffboardOptions::default())
                .await,
        )
        .await;
    assert_eq!(again.steps.len(), 1, "{again:#?}");
    assert_eq!(again.steps[0].outcome, Outcome::AlreadyDone);
    assert!(again.is_complete());
    let json = serde_json::to_value(&report).expect("the report serialises");
    assert_eq!(json["steps"][0]["action"], "suspend");
    assert_eq!(json["steps"][0]["outcome"], "done");
}

#[tokio::test]
async fn a_write_that_fails_is_a_failed_step_with_the_errors_line() {
    let (api, _server, client) = start().await;
    let leaver = api
        .snapshot()
        .users
        .into_iter()
        .find(|u| !u.suspended && !u.api_tokens.is_empty())
        .expect("a user with tokens");
    let plan = client
        .plan_offboarding(
            &[leaver.email.as_str()],
            &OffboardOptions::default().remove_from_groups(false),
        )
        .await;
    // The account disappears between the plan and the run: the suspend
    // fails with the API's answer, the token steps find nothing to revoke.
    let mut state = api.snapshot();
    state.users.retain(|u| u.account_id != leaver.account_id);
    api.replace_state(state);
    let report = client.offboard(&plan).await;
    let Outcome::Failed { status, message } = &report.steps[0].outcome else {
        panic!("{report:#?}");
    };
    assert_eq!(*status, Some(404));
    assert!(
        message.starts_with("suspendDirectoryUser: 404 Not Found"),
        "{message}"
    );
    assert!(!report.is_complete());
}

/// A plan is a document people review and may keep to apply later: its JSON
/// shows the account itself or `{"error": ..}` (not serde's `Ok`/`Err`), and
/// a plan read back from that JSON is the same plan.
#[tokio::test]
async fn a_saved_plan_reads_plainly_and_applies_the_same() {
    let (api, _server, client) = start().await;
    let leaver = api.snapshot().users[3].email.clone();
    let plan = client
        .plan_offboarding(
            &[leaver.as_str(), "nobody@acme.example"],
            &OffboardOptions::default(),
        )
        .await;
    let json = serde_json::to_value(&plan).expect("a plan serializes");
    assert_eq!(json["users"][0]["account"]["email"], leaver.as_str());
    assert_eq!(
        json["users"][1]["account"],
        serde_json::json!({"error": "no managed account with the email nobody@acme.example"})
    );
    let saved = serde_json::to_string(&plan).expect("serialize");
    let read_back: atlassian_admin_api::offboard::OffboardPlan =
        serde_json::from_str(&saved).expect("a saved plan reads back");
    assert_eq!(read_back, plan);
    let report = client.offboard(&read_back).await;
    assert!(report
        .steps
        .iter()
        .any(|s| s.action == Action::Suspend && s.outcome == Outcome::Done));
}
