//! API access against the twin: users' API tokens org-wide, service
//! accounts, their tokens and OAuth clients, and the org's API keys.

mod common;

use common::Twin;
use serde_json::json;

#[test]
fn org_api_tokens_are_the_users_tokens() {
    let t = Twin::seeded();
    let all = t.call("listOrgApiTokens", &[], &[("pageSize", "100")], None);
    assert_eq!(all.body["data"].as_array().map(Vec::len), Some(90));
    let ken = t.call("listOrgApiTokens", &[], &[("q", "ken.hamilton")], None);
    assert_eq!(ken.body["data"].as_array().map(Vec::len), Some(2));
    let first = t.call("listOrgApiTokens", &[], &[("pageSize", "20")], None);
    assert!(first.body["links"]["next"].is_string());
    assert_eq!(t.call("countOrgApiTokens", &[], &[], None).body, json!(90));
    // A user's own revocation shows org-wide.
    let account = t.api.snapshot().users[0].account_id.clone();
    let token = t.api.snapshot().users[0].api_tokens[0].id.clone();
    t.call(
        "deleteManagedUserApiToken",
        &[("accountId", &account), ("tokenId", &token)],
        &[],
        None,
    );
    assert_eq!(t.call("countOrgApiTokens", &[], &[], None).body, json!(89));
    assert_eq!(t.call("revokeAllOrgApiTokens", &[], &[], None).status, 204);
    assert_eq!(t.call("countOrgApiTokens", &[], &[], None).body, json!(0));
    assert_eq!(
        t.call(
            "listManagedUserApiTokens",
            &[("accountId", &account)],
            &[],
            None
        )
        .body,
        json!([])
    );
}

#[test]
fn service_accounts_tokens_and_oauth_clients() {
    let t = Twin::seeded();
    let listed = t.call("listServiceAccounts", &[], &[], None);
    assert_eq!(listed.body["total"], 1);
    let created = t.call("createServiceAccount", &[], &[], Some(json!({
        "displayName": "Report Bot", "permissionRules": [{"resource": "ari:cloud:platform::org/x", "role": "admin"}],
    })));
    assert_eq!(created.status, 201);
    let (id, atlassian_id) = (
        created.body["id"].as_str().expect("id").to_owned(),
        created.body["atlassianId"]
            .as_str()
            .expect("atlassian id")
            .to_owned(),
    );
    let updated = t.call(
        "updateServiceAccount",
        &[],
        &[],
        Some(json!({"atlassianId": atlassian_id, "description": "weekly reports"})),
    );
    assert_eq!(updated.body["description"], "weekly reports");
    assert_eq!(
        t.call("listServiceAccounts", &[], &[], None).body["total"],
        2
    );

    let tokens = t.call("listServiceAccountApiTokens", &[], &[], None);
    assert_eq!(tokens.body[0]["label"], "deploy");
    assert_eq!(
        t.call(
            "listApiTokensForServiceAccount",
            &[("serviceAccountId", "sa-build-bot")],
            &[("tokenLabel", "dep")],
            None
        )
        .body
        .as_array()
        .map(Vec::len),
        Some(1)
    );

    let client = t.call(
        "createOAuthClient",
        &[],
        &[],
        Some(json!({"name": "reports", "serviceAccountId": id})),
    );
    assert_eq!(client.status, 201);
    let client_id = client.body["clientId"]
        .as_str()
        .expect("client id")
        .to_owned();
    assert_eq!(
        t.call("getOAuthClient", &[("clientId", &client_id)], &[], None)
            .body["name"],
        "reports"
    );
    assert_eq!(t.call("countOAuthClients", &[], &[], None).body["total"], 1);
    assert_eq!(
        t.call("listOAuthClients", &[], &[], None).body["data"][0]["clientId"],
        client_id.as_str()
    );
    let theirs = t.call(
        "listOAuthClientsForServiceAccount",
        &[("serviceAccountId", &id)],
        &[],
        None,
    );
    assert_eq!(
        theirs.body[0]["serviceAccount"]["id"],
        atlassian_id.as_str()
    );
    assert_eq!(
        t.call(
            "listServiceAccountOAuthClients",
            &[],
            &[("clientName", "rep")],
            None
        )
        .body
        .as_array()
        .map(Vec::len),
        Some(1)
    );
    let counts = t.call(
        "countServiceAccountApiTokens",
        &[],
        &[],
        Some(json!([id, "sa-build-bot", "sa-nope"])),
    );
    assert_eq!(
        counts.body["validServiceAccountIds"],
        json!([{"serviceAccountId": id, "credentialsCount": 1}, {"serviceAccountId": "sa-build-bot", "credentialsCount": 1}])
    );
    assert_eq!(counts.body["invalidServiceAccountIds"], json!(["sa-nope"]));

    assert_eq!(
        t.call(
            "revokeServiceAccountApiTokens",
            &[("serviceAccountId", "sa-build-bot")],
            &[],
            None
        )
        .status,
        204
    );
    assert_eq!(
        t.call("listServiceAccountApiTokens", &[], &[], None).body,
        json!([])
    );
    assert_eq!(
        t.call("deleteOAuthClient", &[("clientId", &client_id)], &[], None)
            .status,
        204
    );
    assert_eq!(
        t.call("getOAuthClient", &[("clientId", &client_id)], &[], None)
            .status,
        404
    );
    assert_eq!(
        t.call(
            "deleteServiceAccount",
            &[("serviceAccountId", &id)],
            &[],
            None
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "deleteServiceAccount",
            &[("serviceAccountId", &id)],
            &[],
            None
        )
        .status,
        404
    );
}

#[test]
fn org_api_keys() {
    let t = Twin::seeded();
    let keys = t.call("listOrgApiKeys", &[], &[], None);
    let id = keys.body["data"][0]["id"]
        .as_str()
        .expect("a seeded key")
        .to_owned();
    assert_eq!(
        t.call("countOrgApiKeys", &[], &[("q", "automation")], None)
            .body,
        json!(1)
    );
    assert_eq!(
        t.call("revokeOrgApiKey", &[("apiKeyId", &id)], &[], None)
            .status,
        204
    );
    assert_eq!(t.call("countOrgApiKeys", &[], &[], None).body, json!(0));
    assert_eq!(
        t.call("revokeOrgApiKey", &[("apiKeyId", &id)], &[], None)
            .status,
        400
    );
}
