//! Control API: authentication policies and their add-users tasks.

use serde_json::{json, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::Org;

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "addUsersToAuthPolicy" => add_users,
        "getAuthPolicyTaskStatus" => |org, ctx| ok(org.poll_task(ctx.param("taskId"), ctx.now_ms)?),
        "bulkFetchUserAuthPolicies" => bulk_fetch,
        "listControlPolicies" => list_policies,
        "createControlPolicy" => create_policy,
        "getControlPolicy" => {
            |org, ctx| ok(json!({"data": org.control_policies[policy(org, ctx)?].policy}))
        }
        "updateControlPolicy" => update_policy,
        "deleteControlPolicy" => |org, ctx| {
            let i = policy(org, ctx)?;
            org.control_policies.remove(i);
            org.record(
                ctx.now_ms,
                "control_policy_deleted",
                &[ctx.param("policyId")],
            );
            Ok(Reply::empty(202))
        },
        "validateControlPolicy" => |org, ctx| policy(org, ctx).map(|_| Reply::empty(202)),
        "listControlPolicyResources" => |org, ctx| {
            let i = policy(org, ctx)?;
            page_with_size(ctx, org.control_policies[i].resources.clone())
        },
        "addControlPolicyResource" => add_resource,
        "deleteAllControlPolicyResources" => {
            |org, ctx| clear_resources(org, ctx, policy(org, ctx)?)
        }
        "updateControlPolicyResource" => update_resource,
        "deleteControlPolicyResource" => |org, ctx| {
            let (i, r) = resource(org, ctx)?;
            org.control_policies[i].resources.remove(r);
            org.record(
                ctx.now_ms,
                "control_policy_resource_removed",
                &[ctx.param("policyId"), ctx.param("resourceId")],
            );
            Ok(Reply::empty(204))
        },
        _ => return None,
    })
}

fn add_users(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let emails = ctx.list("users").unwrap_or_default();
    if emails.is_empty() || emails.len() > 500 {
        return Err(ApiError::bad_request(
            "`users` takes 1 to 500 email addresses",
        ));
    }
    let task = org.start_task(ctx.param("policyId"), emails)?;
    let link = format!(
        "/admin/control/v1/orgs/{}/auth-policy/task/{task}",
        org.org_id
    );
    Ok(Reply::json(202, json!({"taskId": task, "taskLink": link})))
}

fn bulk_fetch(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let ids = ctx.list("accountIds").unwrap_or_default();
    let users = ids
        .iter()
        .map(|id| {
            org.user(id).map(|u| {
                json!({
                    "accountId": u.account_id,
                    "email": u.email,
                    "name": u.name,
                    "authPolicyInfo": {"policyId": u.auth_policy, "dateAdded": u.policy_since},
                })
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    ok(Value::Array(users))
}

/// The index of the policy in the path (v1 control policies).
pub(super) fn policy(org: &Org, ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let id = ctx.param("policyId");
    org.control_policies
        .iter()
        .position(|p| p.policy["id"] == id && p.policy.is_object())
        .ok_or_else(|| ApiError::not_found(format!("no policy {id}")))
}

fn resource(org: &Org, ctx: &Ctx<'_>) -> Result<(usize, usize), ApiError> {
    let i = policy(org, ctx)?;
    let id = ctx.param("resourceId");
    let r = org.control_policies[i]
        .resources
        .iter()
        .position(|r| r["id"] == id && r.is_object())
        .ok_or_else(|| ApiError::not_found(format!("the policy does not apply to {id}")))?;
    Ok((i, r))
}

fn list_policies(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let kind = ctx.query("type");
    let items: Vec<Value> = org
        .control_policies
        .iter()
        .map(|p| p.policy.clone())
        .filter(|p| kind.is_none_or(|k| p["attributes"]["type"] == k))
        .collect();
    page_with_size(ctx, items)
}

/// A page of a control list, whose `meta.page_size` counts its items.
pub(super) fn page_with_size(ctx: &Ctx<'_>, items: Vec<Value>) -> Result<Reply, ApiError> {
    let mut page = ctx.page(items)?;
    page["meta"]["page_size"] = json!(page["data"].as_array().map_or(0, Vec::len));
    ok(page)
}

/// Detaches every resource of policy `i` (v1 and v2): 204.
pub(super) fn clear_resources(org: &mut Org, ctx: &Ctx<'_>, i: usize) -> Result<Reply, ApiError> {
    org.control_policies[i].resources.clear();
    org.record(
        ctx.now_ms,
        "control_policy_resources_removed",
        &[ctx.param("policyId")],
    );
    Ok(Reply::empty(204))
}

/// The attributes of a create or update body, stamped with the twin's clock.
pub(super) fn attributes(ctx: &Ctx<'_>, id: &str, created: Option<Value>) -> Value {
    let mut attributes = ctx
        .body
        .as_ref()
        .and_then(|b| b.pointer("/data/attributes"))
        .cloned()
        .filter(Value::is_object)
        .unwrap_or_else(|| json!({}));
    let now = crate::org::rfc3339(ctx.now_ms);
    attributes["id"] = json!(id);
    attributes["createdAt"] = created.unwrap_or_else(|| json!(now));
    attributes["updatedAt"] = json!(now);
    if attributes.get("status").is_none() {
        attributes["status"] = json!("enabled");
    }
    attributes
}

fn create_policy(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    create_with(org, ctx, "control-policy", |_, id| {
        Ok(attributes(ctx, id, None))
    })
}

fn update_policy(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = policy(org, ctx)?;
    update_with(org, ctx, i, |_, id, created| {
        Ok(attributes(ctx, id, created))
    })
}

/// Stores a new policy whose attributes `make` builds for its fresh id, and
/// answers 202 with it (v1 and v2).
pub(super) fn create_with(
    org: &mut Org,
    ctx: &Ctx<'_>,
    prefix: &str,
    make: impl FnOnce(&Org, &str) -> Result<Value, ApiError>,
) -> Result<Reply, ApiError> {
    let id = org.new_id(prefix);
    let policy = json!({"id": id, "type": "policy", "attributes": make(org, &id)?});
    org.control_policies.push(crate::org::ControlPolicy {
        policy: policy.clone(),
        resources: Vec::new(),
    });
    org.record(ctx.now_ms, "control_policy_created", &[&id]);
    Ok(Reply::json(202, json!({"data": policy})))
}

/// Replaces policy `i` with attributes `make` builds from its id and
/// creation time, and answers 202 with it (v1 and v2).
pub(super) fn update_with(
    org: &mut Org,
    ctx: &Ctx<'_>,
    i: usize,
    make: impl FnOnce(&Org, &str, Option<Value>) -> Result<Value, ApiError>,
) -> Result<Reply, ApiError> {
    let id = ctx.param("policyId");
    let created = org.control_policies[i]
        .policy
        .pointer("/attributes/createdAt")
        .cloned();
    let updated = json!({"id": id, "type": "policy", "attributes": make(org, id, created)?});
    org.control_policies[i].policy = updated.clone();
    org.record(ctx.now_ms, "control_policy_updated", &[id]);
    Ok(Reply::json(202, json!({"data": updated})))
}

fn add_resource(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = policy(org, ctx)?;
    let mut r = ctx
        .body
        .clone()
        .filter(Value::is_object)
        .unwrap_or_else(|| json!({}));
    if org.control_policies[i]
        .resources
        .iter()
        .any(|x| x["id"] == r["id"])
    {
        return Err(ApiError::bad_request(
            "the policy already applies to this resource",
        ));
    }
    // The twin enforces nothing, so applying is immediate.
    r["applicationStatus"] = json!("applied");
    org.control_policies[i].resources.push(r.clone());
    org.record(
        ctx.now_ms,
        "control_policy_resource_added",
        &[ctx.param("policyId"), r["id"].as_str().unwrap_or_default()],
    );
    Ok(Reply::json(202, r))
}

fn update_resource(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let (i, r) = resource(org, ctx)?;
    let entry = &mut org.control_policies[i].resources[r];
    if let (Value::Object(entry), Some(Value::Object(fields))) = (entry, ctx.body.clone()) {
        entry.extend(fields);
    }
    let out = org.control_policies[i].resources[r].clone();
    org.record(
        ctx.now_ms,
        "control_policy_resource_updated",
        &[ctx.param("policyId"), ctx.param("resourceId")],
    );
    Ok(Reply::json(202, out))
}
