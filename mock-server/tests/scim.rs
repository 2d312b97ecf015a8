//! SCIM against the twin: a provisioning lifecycle (create, filter, patch,
//! deactivate, replace, delete) for users and groups, the SCIM key, and the
//! discovery endpoints.

mod common;

use common::Twin;
use serde_json::json;

#[test]
fn scim_user_and_group_lifecycle() {
    let t = Twin::seeded();
    let created = t.call(
        "createScimUser",
        &[],
        &[],
        Some(json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": "grace@acme.example",
            "name": {"givenName": "Grace", "familyName": "Hopper"},
            "emails": [{"value": "grace@acme.example", "primary": true}],
        })),
    );
    assert_eq!(created.status, 201);
    let id = created.body["id"].as_str().expect("id").to_owned();
    assert_eq!(created.body["active"], true);
    let dup = t.call(
        "createScimUser",
        &[],
        &[],
        Some(json!({"userName": "GRACE@acme.example"})),
    );
    assert_eq!(
        (dup.status, dup.body["scimType"].clone()),
        (409, json!("uniqueness"))
    );

    let found = t.call(
        "listScimUsers",
        &[],
        &[("filter", "userName eq \"grace@acme.example\"")],
        None,
    );
    assert_eq!(found.body["totalResults"], 1);
    assert_eq!(found.body["Resources"][0]["id"], id.as_str());
    let bad = t.call(
        "listScimUsers",
        &[],
        &[("filter", "userName sw \"g\"")],
        None,
    );
    assert_eq!(bad.status, 400);

    let group = t.call(
        "createScimGroup",
        &[],
        &[],
        Some(json!({"displayName": "pilots", "members": [{"value": id}]})),
    );
    assert_eq!(group.status, 201);
    let gid = group.body["id"].as_str().expect("group id").to_owned();
    let user = t.call("getScimUser", &[("userId", &id)], &[], None);
    assert_eq!(user.body["groups"][0]["value"], gid.as_str());

    let patched = t.call("patchScimUser", &[("userId", &id)], &[], Some(json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "path": "active", "value": false}, {"op": "replace", "path": "name.givenName", "value": "Amazing Grace"}],
    })));
    assert_eq!(patched.body["active"], false);
    assert_eq!(patched.body["name"]["givenName"], "Amazing Grace");
    assert_eq!(patched.body["meta"]["version"], "W/\"2\"");

    let replaced = t.call(
        "replaceScimUser",
        &[("userId", &id)],
        &[],
        Some(json!({"userName": "grace.hopper@acme.example", "active": true})),
    );
    assert_eq!(replaced.body["userName"], "grace.hopper@acme.example");
    assert!(
        replaced.body.get("name").is_none(),
        "PUT replaces the whole resource"
    );

    let second = t.call(
        "createScimUser",
        &[],
        &[],
        Some(json!({"userName": "alan@acme.example"})),
    );
    let id2 = second.body["id"].as_str().expect("id").to_owned();
    let added = t.call(
        "patchScimGroup",
        &[("groupId", &gid)],
        &[],
        Some(json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "add", "path": "members", "value": [{"value": id2}]}],
        })),
    );
    assert_eq!(added.body["members"].as_array().map(Vec::len), Some(2));
    let removed = t.call(
        "patchScimGroup",
        &[("groupId", &gid)],
        &[],
        Some(json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "remove", "path": format!("members[value eq \"{id}\"]")}],
        })),
    );
    assert_eq!(removed.body["members"], json!([{"value": id2}]));
    let renamed = t.call(
        "replaceScimGroup",
        &[("groupId", &gid)],
        &[],
        Some(json!({"displayName": "astronauts", "members": []})),
    );
    assert_eq!(renamed.body["displayName"], "astronauts");
    let groups = t.call(
        "listScimGroups",
        &[],
        &[("filter", "displayName eq \"astronauts\"")],
        None,
    );
    assert_eq!(groups.body["totalResults"], 1);
    assert_eq!(
        t.call("getScimGroup", &[("groupId", &gid)], &[], None).body["members"],
        json!([])
    );

    assert_eq!(
        t.call("deleteScimUser", &[("userId", &id)], &[], None)
            .status,
        204
    );
    assert_eq!(
        t.call("getScimUser", &[("userId", &id)], &[], None).status,
        404
    );
    assert_eq!(
        t.call("deleteScimGroup", &[("groupId", &gid)], &[], None)
            .status,
        204
    );
    assert_eq!(
        t.call("listScimGroups", &[], &[], None).body["totalResults"],
        0
    );
    let page = t.call(
        "listScimUsers",
        &[],
        &[("startIndex", "1"), ("count", "1")],
        None,
    );
    assert_eq!(
        (
            page.body["totalResults"].clone(),
            page.body["itemsPerPage"].clone()
        ),
        (json!(1), json!(1))
    );
}

#[test]
fn scim_needs_the_scim_key_and_the_org_key_is_refused() {
    let t = Twin::seeded();
    let refused = t.call_with_key(
        "listScimUsers",
        &[],
        &[],
        None,
        atlassian_admin_mock_server::API_KEY,
    );
    assert_eq!(refused.status, 401);
    assert!(refused.body["error"].is_string());
    let org_refused = t.call_with_key(
        "getOrgs",
        &[],
        &[],
        None,
        atlassian_admin_mock_server::SCIM_API_KEY,
    );
    assert_eq!(
        (org_refused.status, org_refused.body["code"].clone()),
        (401, json!(401))
    );
    assert_eq!(
        t.call("listScimUsers", &[("directoryId", "-")], &[], None)
            .status,
        404
    );
}

#[test]
fn scim_discovery() {
    let t = Twin::seeded();
    let schemas = t.call("listScimSchemas", &[], &[], None);
    assert_eq!(schemas.body["totalResults"], 3);
    let user = t.call("getScimUserSchema", &[], &[], None);
    assert_eq!(
        user.body["id"],
        "urn:ietf:params:scim:schemas:core:2.0:User"
    );
    assert_eq!(
        t.call("getScimGroupSchema", &[], &[], None).body["name"],
        "Group"
    );
    assert_eq!(
        t.call("getScimEnterpriseUserSchema", &[], &[], None).body["name"],
        "EnterpriseUser"
    );
    assert_eq!(
        t.call("listScimResourceTypes", &[], &[], None).body["totalResults"],
        2
    );
    assert_eq!(
        t.call("getScimUserResourceType", &[], &[], None).body["endpoint"],
        "/Users"
    );
    assert_eq!(
        t.call("getScimGroupResourceType", &[], &[], None).body["endpoint"],
        "/Groups"
    );
    let config = t.call("getScimServiceProviderConfig", &[], &[], None);
    assert_eq!(config.body["patch"]["supported"], true);
    assert_eq!(config.body["bulk"]["supported"], false);
}
