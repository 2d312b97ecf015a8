//! Invitations (v1 `inviteUserToOrg`, v2 `inviteUsers`): an address the
//! directory does not know becomes a new active account; one it knows keeps
//! its account. Groups and roles are granted per person, and each grant that
//! cannot be made (no such group, no such workspace) is reported as `ERROR`
//! with its reason, which turns the v2 answer into a 206.

use serde_json::{json, Value};

use super::{Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{Org, RoleGrant};

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "inviteUserToOrg" => invite_one,
        "inviteUsers" => invite_many,
        _ => return None,
    })
}

/// Whether `resource` names something a role can be granted on: a workspace
/// of the org (by id or `ari:cloud:<product>::site/<id>`) or the org itself.
fn grantable(org: &Org, resource: &str) -> bool {
    let id = resource.rsplit('/').next().unwrap_or(resource);
    id == org.org_id || org.workspaces.iter().any(|w| w["id"] == id)
}

fn grant(org: &mut Org, account: &str, resource: &str, role: &str) -> Result<(), String> {
    if !grantable(org, resource) {
        return Err(format!("no workspace {resource} in this organization"));
    }
    let user = org.user_mut(account).map_err(|e| e.detail)?;
    let grant = RoleGrant {
        resource: resource.to_owned(),
        role: role.to_owned(),
    };
    if !user.roles.contains(&grant) {
        user.roles.push(grant);
    }
    Ok(())
}

fn invite_one(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let email = ctx.field("email").unwrap_or_default();
    if !email.contains('@') {
        return Err(ApiError::bad_request(format!(
            "`email` is not an email address: {email}"
        )));
    }
    let rule = ctx.body.as_ref().and_then(|b| b.get("permissionRule"));
    let (resource, role) = (
        rule.and_then(|r| r["resource"].as_str()),
        rule.and_then(|r| r["role"].as_str()),
    );
    if let Some(resource) = resource {
        if !grantable(org, resource) {
            return Err(ApiError::not_found(format!(
                "no workspace {resource} in this organization"
            )));
        }
    }
    let (account, _) = org.invite(&email, ctx.now_ms);
    if let (Some(resource), Some(role)) = (resource, role) {
        grant(org, &account, resource, role).map_err(ApiError::bad_request)?;
    }
    Ok(Reply::json(202, json!([account])))
}

fn invite_many(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let emails = ctx.list("emails").unwrap_or_default();
    if emails.is_empty() || emails.len() > 25 {
        return Err(ApiError::bad_request("`emails` takes 1 to 25 addresses"));
    }
    if let Some(bad) = emails.iter().find(|e| !e.contains('@')) {
        return Err(ApiError::bad_request(format!(
            "not an email address: {bad}"
        )));
    }
    let groups = ctx.list("additionalGroups").unwrap_or_default();
    let rules: Vec<(String, String)> = ctx
        .body
        .as_ref()
        .and_then(|b| b.get("permissionRules"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["resource"].as_str().unwrap_or_default().to_owned(),
                r["role"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let mut all_ok = true;
    let mut data = Vec::new();
    for email in &emails {
        let (account, _) = org.invite(email, ctx.now_ms);
        let mut group_results = Vec::new();
        for group in &groups {
            let outcome = match org.add_member(group, &account) {
                // Already a member: the invitation's goal holds.
                Ok(()) => Ok(()),
                Err(e) if e.status == 409 => Ok(()),
                Err(e) => Err(e.detail),
            };
            all_ok &= outcome.is_ok();
            group_results.push(json!({
                "group": group,
                "status": if outcome.is_ok() { "INVITED" } else { "ERROR" },
                "statusReason": outcome.err(),
            }));
        }
        let mut role_results = Vec::new();
        for (resource, role) in &rules {
            let outcome = grant(org, &account, resource, role);
            all_ok &= outcome.is_ok();
            role_results.push(json!({
                "resource": resource,
                "role": role,
                "status": if outcome.is_ok() { "INVITED" } else { "ERROR" },
                "statusReason": outcome.err(),
            }));
        }
        data.push(json!({
            "id": account,
            "email": email,
            "results": [{"groupAssignmentResult": group_results, "roleAssignmentResult": role_results}],
        }));
    }
    Ok(Reply::json(
        if all_ok { 200 } else { 206 },
        json!({ "data": data }),
    ))
}
