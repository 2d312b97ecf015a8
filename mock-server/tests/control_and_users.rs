//! Control API (authentication policies, tasks, rate limit) and the user
//! management API against the twin.

mod common;

use common::Twin;
use serde_json::json;

#[test]
fn auth_policy_move_runs_as_a_task_and_is_rate_limited() {
    let t = Twin::seeded();
    let snapshot = t.api.snapshot();
    let policy = snapshot.policies[1].id.clone();
    let user = snapshot.users[3].clone();
    let started = t.call(
        "addUsersToAuthPolicy",
        &[("policyId", &policy)],
        &[],
        Some(json!({"users": [user.email, "ghost@acme.example"]})),
    );
    assert_eq!(started.status, 202);
    let task = started.body["taskId"].as_str().expect("task").to_owned();
    let first = t.call("getAuthPolicyTaskStatus", &[("taskId", &task)], &[], None);
    assert_eq!(first.body["inProgressCount"], 2);
    let done = t.call("getAuthPolicyTaskStatus", &[("taskId", &task)], &[], None);
    assert_eq!(
        (
            done.body["successCount"].clone(),
            done.body["failureCount"].clone()
        ),
        (json!(1), json!(1))
    );
    let fetched = t.call(
        "bulkFetchUserAuthPolicies",
        &[],
        &[],
        Some(json!({"accountIds": [user.account_id]})),
    );
    assert_eq!(
        fetched.body[0]["authPolicyInfo"]["policyId"],
        policy.as_str()
    );
    let events = t.call(
        "getEvents",
        &[],
        &[("action", "user_added_to_auth_policy")],
        None,
    );
    assert_eq!(events.body["data"].as_array().map(Vec::len), Some(1));

    // x-rate-limit: 10 a minute; the 11th gets 429 with the wait in its headers.
    for _ in 0..9 {
        let ok = t.call(
            "addUsersToAuthPolicy",
            &[("policyId", &policy)],
            &[],
            Some(json!({"users": ["a@acme.example"]})),
        );
        assert_eq!(ok.status, 202);
    }
    let limited = t.call(
        "addUsersToAuthPolicy",
        &[("policyId", &policy)],
        &[],
        Some(json!({"users": ["a@acme.example"]})),
    );
    assert_eq!(limited.status, 429);
    let wait: u64 = limited
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(limited.header("x-ratelimit-limit"), Some("10"));
    assert_eq!(limited.header("x-ratelimit-remaining"), Some("0"));

    let too_many: Vec<String> = (0..501).map(|i| format!("u{i}@acme.example")).collect();
    let t2 = Twin::seeded();
    let rejected = t2.call(
        "addUsersToAuthPolicy",
        &[("policyId", &policy)],
        &[],
        Some(json!({"users": too_many})),
    );
    assert_eq!(rejected.status, 400);
}

#[test]
fn managed_user_profile_email_and_tokens() {
    let t = Twin::seeded();
    let users = t.api.snapshot().users;
    let (a, b) = (users[0].account_id.clone(), users[1].account_id.clone());
    let perms = t.call("getManagedUserPermissions", &[("accountId", &a)], &[], None);
    assert_eq!(perms.body["email.set"]["allowed"], true);
    let profile = t.call("getManagedUserProfile", &[("accountId", &a)], &[], None);
    assert_eq!(profile.body["account"]["email"], users[0].email.as_str());
    let mut update = profile.body["account"].clone();
    update["nickname"] = json!("Countess");
    update["extended_profile"] = json!({"job_title": "Analyst"});
    let updated = t.call(
        "updateManagedUserProfile",
        &[("accountId", &a)],
        &[],
        Some(update),
    );
    assert_eq!(updated.body["account"]["nickname"], "Countess");
    let seen = t.call("getDirectoryUserDetails", &[("accountId", &a)], &[], None);
    assert_eq!(seen.body["data"]["jobTitle"], "Analyst");

    assert_eq!(
        t.call(
            "setManagedUserEmail",
            &[("accountId", &a)],
            &[],
            Some(json!({"email": "ada@acme.example"}))
        )
        .status,
        204
    );
    assert_eq!(
        t.call("getManagedUserProfile", &[("accountId", &a)], &[], None)
            .body["account"]["email"],
        "ada@acme.example"
    );
    assert_eq!(
        t.call(
            "setManagedUserEmail",
            &[("accountId", &b)],
            &[],
            Some(json!({"email": "ada@acme.example"}))
        )
        .status,
        400
    );

    // Token ids are each user's own: revoking a's leaves b's.
    let a_tokens = t.call("listManagedUserApiTokens", &[("accountId", &a)], &[], None);
    let b_tokens = t.call("listManagedUserApiTokens", &[("accountId", &b)], &[], None);
    assert_eq!(a_tokens.body.as_array().map(Vec::len), Some(2));
    assert_ne!(a_tokens.body[0]["id"], b_tokens.body[0]["id"]);
    for token in a_tokens.body.as_array().expect("list") {
        let id = token["id"].as_str().expect("id");
        assert_eq!(
            t.call(
                "deleteManagedUserApiToken",
                &[("accountId", &a), ("tokenId", id)],
                &[],
                None
            )
            .status,
            204
        );
        assert_eq!(
            t.call(
                "deleteManagedUserApiToken",
                &[("accountId", &b), ("tokenId", id)],
                &[],
                None
            )
            .status,
            404
        );
    }
    assert_eq!(
        t.call("listManagedUserApiTokens", &[("accountId", &a)], &[], None)
            .body,
        json!([])
    );
    assert_eq!(
        t.call("listManagedUserApiTokens", &[("accountId", &b)], &[], None)
            .body
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn managed_user_lifecycle() {
    let t = Twin::seeded();
    let a = t.api.snapshot().users[5].account_id.clone();
    let status = |t: &Twin| {
        t.call("getDirectoryUserDetails", &[("accountId", &a)], &[], None)
            .body["data"]["status"]
            .clone()
    };
    assert_eq!(
        t.call("enableManagedUser", &[("accountId", &a)], &[], None)
            .status,
        409
    );
    assert_eq!(
        t.call(
            "disableManagedUser",
            &[("accountId", &a)],
            &[],
            Some(json!({"message": "left"}))
        )
        .status,
        204
    );
    assert_eq!(status(&t), "deactivated");
    assert_eq!(
        t.call(
            "disableManagedUser",
            &[("accountId", &a)],
            &[],
            Some(json!({}))
        )
        .status,
        409
    );
    assert_eq!(
        t.call("enableManagedUser", &[("accountId", &a)], &[], None)
            .status,
        204
    );
    assert_eq!(status(&t), "active");
    assert_eq!(
        t.call("cancelManagedUserDeletion", &[("accountId", &a)], &[], None)
            .status,
        404
    );
    assert_eq!(
        t.call("deleteManagedUser", &[("accountId", &a)], &[], None)
            .status,
        200
    );
    assert_eq!(status(&t), "for_deletion");
    assert_eq!(
        t.call("deleteManagedUser", &[("accountId", &a)], &[], None)
            .status,
        409
    );
    assert_eq!(
        t.call("cancelManagedUserDeletion", &[("accountId", &a)], &[], None)
            .status,
        200
    );
    assert_eq!(status(&t), "deactivated");
    let unknown = t.call(
        "getManagedUserProfile",
        &[("accountId", "712020:nobody")],
        &[],
        None,
    );
    assert_eq!(
        (unknown.status, unknown.body["key"].clone()),
        (404, json!("accountNotFound"))
    );
}
