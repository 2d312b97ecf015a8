//! Role assignments (users and groups, v1 and v2) and organization policies
//! (v1) against the twin.

mod common;

use common::Twin;
use serde_json::json;

#[test]
fn user_and_group_roles_show_in_the_assignment_views() {
    let t = Twin::seeded();
    let snapshot = t.api.snapshot();
    let group = snapshot.groups[0].clone();
    let member = group.members[0].clone();
    let site = "site-0001";

    assert_eq!(
        t.call(
            "assignRole",
            &[("userId", &member)],
            &[],
            Some(json!({"role": "atlassian/admin", "resource": site}))
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "assignRole",
            &[("userId", &member)],
            &[],
            Some(json!({"role": "atlassian/admin", "resource": site}))
        )
        .status,
        409
    );
    assert_eq!(
        t.call(
            "assignOrgRole",
            &[("userId", &member)],
            &[],
            Some(json!({"role": "atlassian/org-admin"}))
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "assignGroupRoles",
            &[("groupId", &group.id)],
            &[],
            Some(json!({"resourceId": site, "roleId": "atlassian/user"}))
        )
        .status,
        200
    );
    let changed = t.call(
        "assignRoleToGroup",
        &[("groupId", &group.id)],
        &[],
        Some(json!({"roleAssociations": [{"resource": "site-0002", "role": "atlassian/guest"}]})),
    );
    assert_eq!(changed.status, 202);

    let views = t.call(
        "getDirectoryUserRoleAssignments",
        &[("accountId", &member)],
        &[],
        None,
    );
    let data = views.body["data"].as_array().expect("list");
    let on_site = data
        .iter()
        .find(|a| a["resourceId"] == site)
        .expect("the site's roles");
    assert_eq!(
        on_site["roles"],
        json!(["atlassian/admin", "atlassian/user"])
    );
    assert_eq!(
        on_site["roleAssignments"][1],
        json!({"role": "atlassian/user", "roleAssignmentMethods": ["group_direct"]})
    );
    assert!(
        data.iter()
            .any(|a| a["resourceId"] == t.org.as_str()
                && a["roles"] == json!(["atlassian/org-admin"]))
    );
    let group_view = t.call(
        "getDirectoryGroupRoleAssignments",
        &[("groupId", &group.id)],
        &[],
        None,
    );
    assert_eq!(group_view.body["data"].as_array().map(Vec::len), Some(2));

    assert_eq!(
        t.call(
            "revokeRole",
            &[("userId", &member)],
            &[],
            Some(json!({"role": "atlassian/admin", "resource": site}))
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "revokeRole",
            &[("userId", &member)],
            &[],
            Some(json!({"role": "atlassian/admin", "resource": site}))
        )
        .status,
        404
    );
    assert_eq!(
        t.call(
            "revokeOrgRole",
            &[("userId", &member)],
            &[],
            Some(json!({"role": "atlassian/org-admin"}))
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "revokeGroupRoles",
            &[("groupId", &group.id)],
            &[],
            Some(json!({"resourceId": site, "roleId": "atlassian/user"}))
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "revokeRoleFromGroup",
            &[("groupId", &group.id)],
            &[],
            Some(
                json!({"roleAssociations": [{"resource": "site-0002", "role": "atlassian/guest"}]})
            )
        )
        .status,
        202
    );
    let none = t.call(
        "getDirectoryUserRoleAssignments",
        &[("accountId", &member)],
        &[],
        None,
    );
    assert_eq!(none.body["data"], json!([]));
    let events = t.call(
        "getEvents",
        &[],
        &[("action", "role_assigned,group_role_assigned")],
        None,
    );
    assert_eq!(events.body["data"].as_array().map(Vec::len), Some(4));
    let bad = t.call(
        "assignOrgRole",
        &[("userId", &member)],
        &[],
        Some(json!({"role": "atlassian/admin"})),
    );
    assert_eq!(bad.status, 400, "only org-admin is an org-level role");
}

#[test]
fn org_policies_and_their_resources() {
    let t = Twin::seeded();
    let created = t.call(
        "createPolicy",
        &[],
        &[],
        Some(json!({"data": {"type": "policy", "attributes": {
            "name": "Office only", "type": "ip-allowlist", "rule": {"in": ["10.0.0.0/8"]},
            "resources": [{"id": "ari:cloud:jira::site/1"}],
        }}})),
    );
    assert_eq!(created.status, 202);
    let id = created.body["data"]["id"].as_str().expect("id").to_owned();
    assert_eq!(
        created.body["data"]["attributes"]["resources"][0]["applicationStatus"],
        "applied"
    );
    let listed = t.call("getPolicies", &[], &[("type", "ip-allowlist")], None);
    assert_eq!(listed.body["data"][0]["id"], id.as_str());
    assert_eq!(
        t.call("getPolicies", &[], &[("type", "data-residency")], None)
            .body["data"],
        json!([])
    );

    let updated = t.call("updatePolicy", &[("policyId", &id)], &[], Some(json!({"data": {"id": id, "type": "policy", "attributes": {
        "name": "Office and VPN", "type": "ip-allowlist", "rule": {"in": ["10.0.0.0/8", "192.168.0.0/16"]},
    }}})));
    assert_eq!(
        updated.body["data"]["attributes"]["rule"]["in"][1],
        "192.168.0.0/16"
    );
    let added = t.call(
        "addResourceToPolicy",
        &[("policyId", &id)],
        &[],
        Some(json!({"id": "ari:cloud:confluence::site/2"})),
    );
    assert_eq!(
        added.body["data"]["attributes"]["resources"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let res = "ari:cloud:confluence::site/2";
    assert_eq!(
        t.call(
            "updatePolicyResource",
            &[("policyId", &id), ("resourceId", res)],
            &[],
            Some(json!({"meta": {}}))
        )
        .status,
        202
    );
    assert_eq!(
        t.call("validatePolicy", &[("policyId", &id)], &[], None)
            .status,
        202
    );
    let removed = t.call(
        "deletePolicyResource",
        &[("policyId", &id), ("resourceId", res)],
        &[],
        None,
    );
    assert_eq!(removed.status, 204);
    assert_eq!(
        t.call("getPolicyById", &[("policyId", &id)], &[], None)
            .body["data"]["attributes"]["resources"],
        json!([])
    );
    assert_eq!(
        t.call(
            "deletePolicyResource",
            &[("policyId", &id), ("resourceId", res)],
            &[],
            None
        )
        .status,
        404
    );
    assert_eq!(
        t.call("getPolicyById", &[("policyId", &id)], &[], None)
            .body["data"]["attributes"]["name"],
        "Office and VPN"
    );
    assert_eq!(
        t.call("deletePolicy", &[("policyId", &id)], &[], None)
            .status,
        202
    );
    assert_eq!(
        t.call("getPolicyById", &[("policyId", &id)], &[], None)
            .status,
        404
    );
    let wrong = t.call(
        "createPolicy",
        &[],
        &[],
        Some(json!({"data": {"type": "policy", "attributes": {"type": "data-security"}}})),
    );
    assert_eq!(
        wrong.status, 400,
        "data-security policies are not created through this API"
    );
}

#[test]
fn control_policies_and_their_resources() {
    let t = Twin::seeded();
    let created = t.call(
        "createControlPolicy",
        &[],
        &[],
        Some(json!({"data": {"type": "policy", "attributes": {
            "type": "ip-allowlist", "name": "Office", "rule": {"in": ["10.0.0.0/8"]},
        }}})),
    );
    assert_eq!(created.status, 202);
    let id = created.body["data"]["id"].as_str().expect("id").to_owned();
    assert_eq!(
        t.call(
            "listControlPolicies",
            &[],
            &[("type", "ip-allowlist")],
            None
        )
        .body["data"][0]["id"],
        id.as_str()
    );
    let mut policy = created.body["data"].clone();
    policy["attributes"]["name"] = json!("Office and VPN");
    let updated = t.call(
        "updateControlPolicy",
        &[("policyId", &id)],
        &[],
        Some(json!({"data": policy})),
    );
    assert_eq!(updated.body["data"]["attributes"]["name"], "Office and VPN");
    assert_eq!(
        t.call("getControlPolicy", &[("policyId", &id)], &[], None)
            .body["data"]["attributes"]["name"],
        "Office and VPN"
    );
    assert_eq!(
        t.call("validateControlPolicy", &[("policyId", &id)], &[], None)
            .status,
        202
    );

    for n in 0..3 {
        let site = format!("ari:cloud:jira::site/{n}");
        let added = t.call(
            "addControlPolicyResource",
            &[("policyId", &id)],
            &[],
            Some(json!({"id": site})),
        );
        assert_eq!(added.body["applicationStatus"], "applied");
    }
    let first = "ari:cloud:jira::site/0";
    let changed = t.call(
        "updateControlPolicyResource",
        &[("policyId", &id), ("resourceId", first)],
        &[],
        Some(json!({"meta": {"scheduledDate": "2027-01-01"}})),
    );
    assert_eq!(changed.body["meta"]["scheduledDate"], "2027-01-01");
    // Link pagination: the next page is a URL on the twin.
    let page = t.call(
        "listControlPolicyResources",
        &[("policyId", &id)],
        &[("limit", "2")],
        None,
    );
    assert!(
        page.body["links"]["next"]
            .as_str()
            .unwrap_or("")
            .contains("cursor="),
        "{}",
        page.body
    );
    assert_eq!(
        t.call(
            "deleteControlPolicyResource",
            &[("policyId", &id), ("resourceId", first)],
            &[],
            None
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "listControlPolicyResources",
            &[("policyId", &id)],
            &[],
            None
        )
        .body["data"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(
        t.call(
            "deleteAllControlPolicyResources",
            &[("policyId", &id)],
            &[],
            None
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "listControlPolicyResources",
            &[("policyId", &id)],
            &[],
            None
        )
        .body["data"],
        json!([])
    );
    assert_eq!(
        t.call("deleteControlPolicy", &[("policyId", &id)], &[], None)
            .status,
        202
    );
    let gone = t.call("getControlPolicy", &[("policyId", &id)], &[], None);
    assert_eq!(gone.status, 404);
    assert!(
        gone.body["errors"][0]["detail"].is_string(),
        "ControlErrors shape: {}",
        gone.body
    );
}

#[test]
fn app_access_settings_per_domain() {
    let t = Twin::seeded();
    let jira = "ari:cloud:jira::site/1";
    let created = t.call("createAppAccessSettingsDomain", &[], &[], Some(json!({"domain": "acme.example", "adminNotifications": true, "products": [{"productId": jira}]})));
    assert_eq!(created.status, 201);
    assert_eq!(
        t.call(
            "createAppAccessSettingsDomain",
            &[],
            &[],
            Some(json!({"domain": "acme.example", "adminNotifications": true, "products": []}))
        )
        .status,
        409
    );
    let listed = t.call("listAppAccessSettingsDomains", &[], &[], None);
    assert_eq!(
        listed.body["data"],
        json!([{"domain": "acme.example", "enabled": true, "numberOfProductsAppliesTo": 1}])
    );
    let upserted = t.call(
        "upsertAppAccessSettingsProduct",
        &[("domain", "acme.example")],
        &[],
        Some(json!({"productId": jira, "adminApprovalRequired": true})),
    );
    assert_eq!(
        upserted.body["products"],
        json!([{"productId": jira, "adminApprovalRequired": true}])
    );
    let replaced = t.call(
        "replaceAppAccessSettingsDomain",
        &[("domain", "acme.example")],
        &[],
        Some(json!({"adminNotifications": false, "products": []})),
    );
    assert_eq!(replaced.body["products"], json!([]));
    let got = t.call(
        "getAppAccessSettingsDomain",
        &[("domain", "ACME.example")],
        &[],
        None,
    );
    assert_eq!(got.body["adminNotifications"], false);
    assert_eq!(
        t.call(
            "getAppAccessSettingsDomain",
            &[("domain", "other.example")],
            &[],
            None
        )
        .status,
        404
    );
}
