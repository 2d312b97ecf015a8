//! Invitations, workspace search, last-active dates and the v2 (data
//! security) control policies against the twin, each answer checked against
//! the spec and each write against the reads that cover it.

mod common;

use common::Twin;
use serde_json::{json, Value};

fn actions(t: &Twin) -> Vec<String> {
    t.api
        .snapshot()
        .events
        .iter()
        .map(|e| e.action.clone())
        .collect()
}

#[test]
fn invitations_create_accounts_once_and_report_each_grant() {
    let t = Twin::seeded();
    let jira = t.api.snapshot().workspaces[0]["id"]
        .as_str()
        .expect("workspace id")
        .to_owned();
    let design = t.api.snapshot().groups[1].id.clone();

    // v1: one address, one role.
    let one = t.call(
        "inviteUserToOrg",
        &[],
        &[],
        Some(json!({"email": "new.hire@acme.example", "permissionRule": {"resource": format!("ari:cloud:jira::site/{jira}"), "role": "atlassian/user"}})),
    );
    assert_eq!(one.status, 202, "{}", one.body);
    let account = one.body[0].as_str().expect("account id").to_owned();
    let snapshot = t.api.snapshot();
    let hire = snapshot
        .users
        .iter()
        .find(|u| u.account_id == account)
        .expect("the invited account is in the directory");
    assert_eq!(hire.email, "new.hire@acme.example");
    assert_eq!(hire.roles.len(), 1);
    assert_eq!(actions(&t).last().map(String::as_str), Some("user_invited"));
    let listed = t.call(
        "getDirectoryUserDetails",
        &[("accountId", &account)],
        &[],
        None,
    );
    assert_eq!(listed.body["data"]["email"], "new.hire@acme.example");
    // An address the directory knows keeps its account; nothing new is created.
    let again = t.call(
        "inviteUserToOrg",
        &[],
        &[],
        Some(json!({"email": "new.hire@acme.example"})),
    );
    assert_eq!(again.body[0], account.as_str());
    // A role on a workspace the org does not have: 404, nobody invited.
    let before = t.api.snapshot().users.len();
    let nowhere = t.call(
        "inviteUserToOrg",
        &[],
        &[],
        Some(json!({"email": "ghost@acme.example", "permissionRule": {"resource": "ari:cloud:jira::site/nope", "role": "atlassian/user"}})),
    );
    assert_eq!(nowhere.status, 404);
    assert_eq!(t.api.snapshot().users.len(), before);

    // v2: every grant succeeds -> 200.
    let all = t.call(
        "inviteUsers",
        &[],
        &[],
        Some(json!({"emails": ["a@acme.example", "b@acme.example"], "additionalGroups": [design], "permissionRules": [{"resource": jira, "role": "atlassian/user"}]})),
    );
    assert_eq!(all.status, 200, "{}", all.body);
    let ids: Vec<String> = all.body["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_owned())
        .collect();
    let group = t
        .api
        .snapshot()
        .groups
        .into_iter()
        .find(|g| g.id == design)
        .expect("group");
    assert!(ids.iter().all(|id| group.members.contains(id)));
    // One grant fails -> 206 naming it; the rest still happen.
    let partial = t.call(
        "inviteUsers",
        &[],
        &[],
        Some(json!({"emails": ["c@acme.example"], "additionalGroups": [design, "no-such-group"]})),
    );
    assert_eq!(partial.status, 206, "{}", partial.body);
    let results = &partial.body["data"][0]["results"][0]["groupAssignmentResult"];
    assert_eq!(results[0]["status"], "INVITED");
    assert_eq!(results[1]["status"], "ERROR");
    assert!(results[1]["statusReason"]
        .as_str()
        .is_some_and(|r| r.contains("no-such-group")));
    // 26 addresses is more than the API takes.
    let many: Vec<String> = (0..26).map(|n| format!("p{n}@acme.example")).collect();
    assert_eq!(
        t.call("inviteUsers", &[], &[], Some(json!({ "emails": many })))
            .status,
        400
    );
}

#[test]
fn workspace_search_filters_sorts_and_pages_with_a_standalone_cursor() {
    let t = Twin::seeded();
    let names = |page: &Value| -> Vec<String> {
        page["data"]
            .as_array()
            .expect("data")
            .iter()
            .map(|w| w["attributes"]["name"].as_str().expect("name").to_owned())
            .collect()
    };
    let everything = t.call(
        "queryWorkspacesV2",
        &[],
        &[],
        Some(json!({"limit": 2, "sort": [{"field": "attributes.name", "order": "asc"}]})),
    );
    assert_eq!(everything.status, 200, "{}", everything.body);
    assert_eq!(names(&everything.body), ["Acme Confluence", "Acme Jira"]);
    assert_eq!(everything.body["meta"]["total"], 3);
    let cursor = everything.body["links"]["next"]
        .as_str()
        .expect("a next cursor")
        .to_owned();
    // The cursor alone carries the query, sort and size.
    let rest = t.call(
        "queryWorkspacesV2",
        &[],
        &[],
        Some(json!({ "cursor": cursor })),
    );
    assert_eq!(names(&rest.body), ["acme-rocketry"]);
    assert!(rest.body["links"].get("next").is_none());
    // ... and nothing else may come with it.
    assert_eq!(
        t.call(
            "queryWorkspacesV2",
            &[],
            &[],
            Some(json!({"cursor": cursor, "limit": 5}))
        )
        .status,
        400
    );

    let jira_or_text = t.call(
        "queryWorkspacesV2",
        &[],
        &[],
        Some(json!({"query": {"and": [
            {"field": {"name": "attributes.typeKey", "values": ["jira-software", "confluence"]}},
            {"nor": [{"searchWorkspaces": "wiki"}]},
        ]}})),
    );
    assert_eq!(names(&jira_or_text.body), ["Acme Jira"]);
    // Features and policies are not modelled: 501, not an invented match.
    assert_eq!(
        t.call(
            "queryWorkspacesV2",
            &[],
            &[],
            Some(json!({"query": {"features": ["sandbox"]}}))
        )
        .status,
        501
    );
}

#[test]
fn last_active_dates_page_through_the_products_a_user_used() {
    let t = Twin::seeded();
    let users = t.api.snapshot().users;
    let (both, jira_only) = (&users[0], &users[1]);
    let first = t.call(
        "getUserLastActiveDates",
        &[("accountId", &both.account_id)],
        &[],
        None,
    );
    assert_eq!(first.status, 200, "{}", first.body);
    let products = first.body["data"]["product_access"]
        .as_array()
        .expect("products");
    assert_eq!(products.len(), 2);
    assert_eq!(products[0]["key"], "jira-software");
    assert_eq!(first.body["data"]["added_to_org"], "2024-01-01");
    let one = t.call(
        "getUserLastActiveDates",
        &[("accountId", &jira_only.account_id)],
        &[],
        None,
    );
    assert_eq!(
        one.body["data"]["product_access"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        t.call(
            "getUserLastActiveDates",
            &[("accountId", "712020:nobody")],
            &[],
            None
        )
        .status,
        404
    );
}

#[test]
fn data_security_policies_are_drafts_until_published() {
    let t = Twin::seeded();
    let created = t.call(
        "createControlPolicyV2",
        &[],
        &[],
        Some(json!({"data": {"type": "policy", "attributes": {"type": "data-security", "name": "No exports", "rule": {"export": {"effect": "block"}}}}})),
    );
    assert_eq!(created.status, 202, "{}", created.body);
    let id = created.body["data"]["id"].as_str().expect("id").to_owned();
    assert_eq!(created.body["data"]["attributes"]["status"], "draft");
    let listed = t.call("listControlPoliciesV2", &[], &[], None);
    assert_eq!(listed.body["data"][0]["id"], id.as_str());
    assert_eq!(
        t.call(
            "listControlPoliciesV2",
            &[],
            &[("type", "ip-allowlist")],
            None
        )
        .body["data"],
        json!([])
    );

    let mut policy = created.body["data"].clone();
    policy["attributes"]["name"] = json!("No exports, ever");
    let updated = t.call(
        "updateControlPolicyV2",
        &[("policyId", &id)],
        &[],
        Some(json!({ "data": policy })),
    );
    assert_eq!(updated.status, 202, "{}", updated.body);
    let got = t.call("getControlPolicyV2", &[("policyId", &id)], &[], None);
    assert_eq!(got.body["data"]["attributes"]["name"], "No exports, ever");
    assert_eq!(got.body["data"]["attributes"]["status"], "draft");

    // Resources: attach two, detach one, read them back by link paging.
    let tags = [
        "ari:cloud:platform::classification-tag/1",
        "ari:cloud:platform::classification-tag/2",
    ];
    let add = t.call(
        "modifyControlPolicyResourcesV2",
        &[("policyId", &id)],
        &[],
        Some(json!([
            {"operation": "ADD", "resourceAri": tags[0]},
            {"operation": "ADD", "resourceAri": tags[1]},
        ])),
    );
    assert_eq!(add.status, 202, "{}", add.body);
    let remove_unknown = t.call(
        "modifyControlPolicyResourcesV2",
        &[("policyId", &id)],
        &[],
        Some(json!([
            {"operation": "REMOVE", "resourceAri": tags[0]},
            {"operation": "REMOVE", "resourceAri": "ari:cloud:platform::classification-tag/9"},
        ])),
    );
    assert_eq!(remove_unknown.status, 404);
    // Nothing of a refused change list applies.
    let resources = t.call(
        "listControlPolicyResourcesV2",
        &[("policyId", &id)],
        &[],
        None,
    );
    assert_eq!(resources.body["data"].as_array().map(Vec::len), Some(2));
    assert_eq!(resources.body["data"][0]["resourceId"], tags[0]);
    t.call(
        "modifyControlPolicyResourcesV2",
        &[("policyId", &id)],
        &[],
        Some(json!([{"operation": "REMOVE", "resourceAri": tags[0]}])),
    );
    let resources = t.call(
        "listControlPolicyResourcesV2",
        &[("policyId", &id)],
        &[],
        None,
    );
    assert_eq!(resources.body["data"][0]["resourceId"], tags[1]);

    let published = t.call(
        "publishControlDraftPolicies",
        &[],
        &[],
        Some(json!({"type": "data-security", "ruleName": "export", "policyOperations": [{"policyId": id, "action": "UPDATE", "policyCoverageLevel": "CLASSIFICATION"}]})),
    );
    assert_eq!(published.status, 202, "{}", published.body);
    assert_eq!(published.body["messages"].as_array().map(Vec::len), Some(1));
    let got = t.call("getControlPolicyV2", &[("policyId", &id)], &[], None);
    assert_eq!(got.body["data"]["attributes"]["status"], "active");
    assert_eq!(
        got.body["data"]["attributes"]["metadata"]["policyCoverageLevel"],
        "CLASSIFICATION"
    );

    assert_eq!(
        t.call(
            "deleteAllControlPolicyResourcesV2",
            &[("policyId", &id)],
            &[],
            None
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "listControlPolicyResourcesV2",
            &[("policyId", &id)],
            &[],
            None
        )
        .body["data"],
        json!([])
    );
    // Publishing a deletion removes the policy; a policy that is not there
    // fails the whole publication.
    let missing = t.call(
        "publishControlDraftPolicies",
        &[],
        &[],
        Some(
            json!({"type": "data-security", "ruleName": "export", "policyOperations": [
                {"policyId": id, "action": "DELETE", "policyCoverageLevel": "ORG"},
                {"policyId": "nope", "action": "DELETE", "policyCoverageLevel": "ORG"},
            ]}),
        ),
    );
    assert_eq!(missing.status, 404);
    assert_eq!(
        t.call("getControlPolicyV2", &[("policyId", &id)], &[], None)
            .status,
        200
    );
    t.call(
        "publishControlDraftPolicies",
        &[],
        &[],
        Some(
            json!({"type": "data-security", "ruleName": "export", "policyOperations": [
                {"policyId": id, "action": "DELETE", "policyCoverageLevel": "ORG"},
            ]}),
        ),
    );
    assert_eq!(
        t.call("getControlPolicyV2", &[("policyId", &id)], &[], None)
            .status,
        404
    );
    let recorded = actions(&t);
    for action in [
        "control_policy_created",
        "control_policy_updated",
        "control_policy_resource_added",
        "control_policy_resource_removed",
        "control_policy_published",
        "control_policy_deleted",
    ] {
        assert!(recorded.iter().any(|a| a == action), "no {action} event");
    }
}
