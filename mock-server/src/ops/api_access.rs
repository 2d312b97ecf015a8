//! API access: the users' API tokens seen org-wide, service accounts with
//! their tokens and OAuth clients, and the org's API keys. Revoking the key
//! listed here does not lock the twin's own [`crate::API_KEY`] out.

use serde_json::{json, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{OAuthClient, Org, ServiceAccount};

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "listOrgApiTokens" => |org, ctx| {
            let mut page = ctx.page(user_tokens(org, ctx))?;
            links(&mut page);
            ok(page)
        },
        "countOrgApiTokens" => |org, ctx| ok(json!(user_tokens(org, ctx).len())),
        "revokeAllOrgApiTokens" => |org, ctx| {
            for u in &mut org.users {
                u.api_tokens.clear();
            }
            org.record(ctx.now_ms, "api_tokens_revoked_all", &[]);
            Ok(Reply::empty(204))
        },
        "countServiceAccountApiTokens" => count_sa_tokens,
        "listServiceAccountApiTokens" => |org, ctx| ok(Value::Array(sa_tokens(org, ctx, None))),
        "listApiTokensForServiceAccount" => |org, ctx| {
            let id = ctx.param("serviceAccountId");
            sa(org, id)?;
            ok(Value::Array(sa_tokens(org, ctx, Some(id))))
        },
        "revokeServiceAccountApiTokens" => |org, ctx| {
            let id = ctx.param("serviceAccountId").to_owned();
            sa_mut(org, &id)?.api_tokens.clear();
            org.record(ctx.now_ms, "service_account_api_tokens_revoked", &[&id]);
            Ok(Reply::empty(204))
        },
        "listServiceAccounts" => |org, ctx| {
            let items: Vec<Value> = org.service_accounts.iter().map(sa_json).collect();
            let total = items.len();
            let mut page = ctx.page(items)?;
            links(&mut page);
            page["total"] = json!(total);
            ok(page)
        },
        "createServiceAccount" => create_sa,
        "updateServiceAccount" => update_sa,
        "deleteServiceAccount" => |org, ctx| {
            let id = ctx.param("serviceAccountId").to_owned();
            sa(org, &id)?;
            org.service_accounts.retain(|s| s.id != id);
            org.oauth_clients.retain(|c| c.service_account_id != id);
            org.record(ctx.now_ms, "service_account_deleted", &[&id]);
            Ok(Reply::empty(204))
        },
        "listServiceAccountOAuthClients" => |org, ctx| ok(Value::Array(sa_clients(org, ctx, None))),
        "listOAuthClientsForServiceAccount" => |org, ctx| {
            let id = ctx.param("serviceAccountId");
            sa(org, id)?;
            ok(Value::Array(sa_clients(org, ctx, Some(id))))
        },
        "listOAuthClients" => |org, ctx| {
            let mut page = ctx.page(org.oauth_clients.iter().map(client_json).collect())?;
            links(&mut page);
            ok(page)
        },
        "createOAuthClient" => create_client,
        "countOAuthClients" => |org, _| ok(json!({"total": org.oauth_clients.len()})),
        "getOAuthClient" => |org, ctx| ok(client_json(client(org, ctx.param("clientId"))?)),
        "deleteOAuthClient" => |org, ctx| {
            let id = ctx.param("clientId").to_owned();
            client(org, &id)?;
            org.oauth_clients.retain(|c| c.client_id != id);
            org.record(ctx.now_ms, "oauth_client_deleted", &[&id]);
            Ok(Reply::empty(204))
        },
        "listOrgApiKeys" => |org, ctx| {
            let mut page = ctx.page(api_keys(org, ctx))?;
            links(&mut page);
            ok(page)
        },
        "countOrgApiKeys" => |org, ctx| ok(json!(api_keys(org, ctx).len())),
        "revokeOrgApiKey" => |org, ctx| {
            let id = ctx.param("apiKeyId").to_owned();
            let before = org.api_keys.len();
            org.api_keys.retain(|k| k.id != id);
            if org.api_keys.len() == before {
                return Err(ApiError::bad_request(format!("no API key {id}")));
            }
            org.record(ctx.now_ms, "api_key_revoked", &[&id]);
            Ok(Reply::empty(204))
        },
        _ => return None,
    })
}

/// API access pages always carry `links`.
fn links(page: &mut Value) {
    if page.get("links").is_none() {
        page["links"] = json!({});
    }
}

fn matches_q(ctx: &Ctx<'_>, fields: &[&str]) -> bool {
    ctx.query("q").is_none_or(|q| {
        fields
            .iter()
            .any(|f| f.to_lowercase().contains(&q.to_lowercase()))
    })
}

fn user_tokens(org: &Org, ctx: &Ctx<'_>) -> Vec<Value> {
    if ctx.query("status") == Some("blocked") {
        return Vec::new();
    }
    org.users
        .iter()
        .flat_map(|u| u.api_tokens.iter().map(move |t| (u, t)))
        .filter(|(u, t)| matches_q(ctx, &[&t.label, &u.name, &u.email]))
        .map(|(u, t)| {
            json!({
                "id": t.id,
                "label": t.label,
                "status": "ALLOWED",
                "createdAt": t.created_at,
                "user": {"id": u.account_id, "orgId": org.org_id, "name": u.name, "email": u.email},
            })
        })
        .collect()
}

fn sa<'o>(org: &'o Org, id: &str) -> Result<&'o ServiceAccount, ApiError> {
    org.service_accounts
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| ApiError::not_found(format!("no service account {id}")))
}

fn sa_mut<'o>(org: &'o mut Org, id: &str) -> Result<&'o mut ServiceAccount, ApiError> {
    org.service_accounts
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| ApiError::not_found(format!("no service account {id}")))
}

fn sa_json(s: &ServiceAccount) -> Value {
    json!({
        "atlassianId": s.atlassian_id,
        "id": s.id,
        "email": s.email,
        "displayName": s.display_name,
        "description": s.description,
        "updatedAt": s.updated_at,
        "status": "ACTIVE",
    })
}

fn sa_tokens(org: &Org, ctx: &Ctx<'_>, only: Option<&str>) -> Vec<Value> {
    let label = ctx.query("tokenLabel");
    org.service_accounts
        .iter()
        .filter(|s| only.is_none_or(|id| s.id == id))
        .flat_map(|s| s.api_tokens.iter().map(move |t| (s, t)))
        .filter(|(_, t)| label.is_none_or(|l| t.label.contains(l)))
        .map(|(s, t)| {
            json!({
                "id": t.id,
                "label": t.label,
                "status": "ALLOWED",
                "createdAt": t.created_at,
                "user": {"id": s.atlassian_id, "orgId": org.org_id, "name": s.display_name, "email": s.email},
            })
        })
        .collect()
}

fn count_sa_tokens(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let ids: Vec<String> = match &ctx.body {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let (valid, invalid): (Vec<&String>, Vec<&String>) =
        ids.iter().partition(|id| sa(org, id).is_ok());
    let counts: Vec<Value> = valid
        .iter()
        .filter_map(|id| sa(org, id).ok())
        .map(|s| json!({"serviceAccountId": s.id, "credentialsCount": s.api_tokens.len() + org.oauth_clients.iter().filter(|c| c.service_account_id == s.id).count()}))
        .collect();
    ok(json!({"validServiceAccountIds": counts, "invalidServiceAccountIds": invalid}))
}

fn create_sa(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let name = ctx.field("displayName").unwrap_or_default();
    if name.trim().is_empty() {
        return Err(ApiError::bad_request("`displayName` must not be empty"));
    }
    let id = org.new_id("sa");
    let s = ServiceAccount {
        atlassian_id: format!("712020:{id}"),
        email: format!(
            "{}@serviceaccount.twin.example",
            name.to_lowercase().replace(' ', "-")
        ),
        id: id.clone(),
        display_name: name,
        description: ctx.field("description").unwrap_or_default(),
        updated_at: ctx.now_ms,
        api_tokens: Vec::new(),
    };
    let body = sa_json(&s);
    org.service_accounts.push(s);
    org.record(ctx.now_ms, "service_account_created", &[&id]);
    Ok(Reply::json(201, body))
}

fn update_sa(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let atlassian_id = ctx.field("atlassianId").unwrap_or_default();
    let s = org
        .service_accounts
        .iter_mut()
        .find(|s| s.atlassian_id == atlassian_id)
        .ok_or_else(|| ApiError::not_found(format!("no service account {atlassian_id}")))?;
    if let Some(name) = ctx.field("displayName") {
        s.display_name = name;
    }
    if let Some(description) = ctx.field("description") {
        s.description = description;
    }
    s.updated_at = ctx.now_ms;
    let body = sa_json(s);
    let id = s.id.clone();
    org.record(ctx.now_ms, "service_account_updated", &[&id]);
    ok(body)
}

fn client<'o>(org: &'o Org, id: &str) -> Result<&'o OAuthClient, ApiError> {
    org.oauth_clients
        .iter()
        .find(|c| c.client_id == id)
        .ok_or_else(|| ApiError::not_found(format!("no OAuth client {id}")))
}

fn client_json(c: &OAuthClient) -> Value {
    json!({"clientId": c.client_id, "name": c.name, "status": "ACTIVE", "createdAt": c.created_at, "updatedAt": c.created_at})
}

fn sa_clients(org: &Org, ctx: &Ctx<'_>, only: Option<&str>) -> Vec<Value> {
    let name = ctx.query("clientName");
    org.oauth_clients
        .iter()
        .filter(|c| only.is_none_or(|id| c.service_account_id == id))
        .filter(|c| name.is_none_or(|n| c.name.contains(n)))
        .filter_map(|c| {
            let s = org.service_accounts.iter().find(|s| s.id == c.service_account_id)?;
            Some(json!({
                "clientId": c.client_id,
                "clientName": c.name,
                "serviceAccount": {"id": s.atlassian_id, "name": s.display_name, "email": s.email, "orgId": org.org_id},
                "createdAt": crate::org::rfc3339(c.created_at),
                "scopes": [],
            }))
        })
        .collect()
}

fn create_client(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let sa_id = ctx.field("serviceAccountId").unwrap_or_default();
    if sa(org, &sa_id).is_err() {
        return Err(ApiError::bad_request(format!("no service account {sa_id}")));
    }
    let c = OAuthClient {
        client_id: org.new_id("client"),
        name: ctx.field("name").unwrap_or_default(),
        service_account_id: sa_id,
        created_at: ctx.now_ms,
    };
    let body = client_json(&c);
    org.record(ctx.now_ms, "oauth_client_created", &[&c.client_id]);
    org.oauth_clients.push(c);
    Ok(Reply::json(201, body))
}

fn api_keys(org: &Org, ctx: &Ctx<'_>) -> Vec<Value> {
    org.api_keys
        .iter()
        .filter(|k| matches_q(ctx, &[&k.label]))
        .map(|k| {
            json!({
                "id": k.id,
                "label": k.label,
                "keyType": "CLOUD_ADMIN",
                "createdAt": k.created_at,
                "expiresAt": k.expires_at,
                "lastActiveAt": k.last_active_at,
                "orgId": org.org_id,
                "createdBy": {"id": k.created_by[0], "name": k.created_by[1], "email": k.created_by[2]},
            })
        })
        .collect()
}
