//! Control API v2: data security policies. They live beside the v1 policies
//! (a v1 list shows them too, as the API does); the v2 endpoints serve only
//! those whose type is `data-security`. A new or updated policy is a draft
//! until `publishControlDraftPolicies` makes it active (or deletes it).
//! Resources are attached by ARI; what a policy blocks is not modelled.

use serde_json::{json, Value};

use super::control::{
    attributes, clear_resources, create_with, page_with_size, policy, update_with,
};
use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{ControlPolicy, Org};

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "listControlPoliciesV2" => list,
        "createControlPolicyV2" => create,
        "getControlPolicyV2" => {
            |org, ctx| ok(json!({"data": org.control_policies[data_security(org, ctx)?].policy}))
        }
        "updateControlPolicyV2" => update,
        "publishControlDraftPolicies" => publish,
        "listControlPolicyResourcesV2" => |org, ctx| {
            let i = data_security(org, ctx)?;
            let items = org.control_policies[i]
                .resources
                .iter()
                .map(resource_v2)
                .collect();
            ok(ctx.page(items)?)
        },
        "modifyControlPolicyResourcesV2" => modify_resources,
        "deleteAllControlPolicyResourcesV2" => {
            |org, ctx| clear_resources(org, ctx, data_security(org, ctx)?)
        }
        _ => return None,
    })
}

const DATA_SECURITY: &str = "data-security";

fn is_data_security(p: &ControlPolicy) -> bool {
    p.policy["attributes"]["type"] == DATA_SECURITY
}

/// The index of the data security policy in the path.
fn data_security(org: &Org, ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let i = policy(org, ctx)?;
    if !is_data_security(&org.control_policies[i]) {
        return Err(ApiError::not_found(format!(
            "{} is not a data security policy (the v2 endpoints serve only those)",
            ctx.param("policyId")
        )));
    }
    Ok(i)
}

/// The v2 view of a stored (v1-shaped) resource.
fn resource_v2(r: &Value) -> Value {
    json!({"resourceId": r["id"], "applicationStatus": r["applicationStatus"]})
}

fn list(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    if ctx.query("type").is_some_and(|t| t != DATA_SECURITY) {
        // Only data security policies exist on this endpoint.
        return ok(ctx.page(Vec::new())?);
    }
    let items = org
        .control_policies
        .iter()
        .filter(|p| is_data_security(p))
        .map(|p| p.policy.clone())
        .collect();
    page_with_size(ctx, items)
}

/// The stored attributes of a create or update: a draft until published,
/// owned by the org, with coverage `UNASSIGNED` until published.
fn draft_attributes(
    org: &Org,
    ctx: &Ctx<'_>,
    id: &str,
    created: Option<Value>,
) -> Result<Value, ApiError> {
    let mut a = attributes(ctx, id, created);
    if a["type"] != DATA_SECURITY {
        return Err(ApiError::bad_request(
            "the v2 endpoints take data security policies only (`attributes.type`: `data-security`)",
        ));
    }
    a["status"] = json!("draft");
    a["ownerId"] = json!(org.org_id);
    if !a["metadata"].is_object() {
        a["metadata"] = json!({"hasHadCoverage": false});
    }
    if a["metadata"].get("policyCoverageLevel").is_none() {
        a["metadata"]["policyCoverageLevel"] = json!("UNASSIGNED");
    }
    Ok(a)
}

fn create(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    create_with(org, ctx, "data-security-policy", |org, id| {
        draft_attributes(org, ctx, id, None)
    })
}

fn update(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = data_security(org, ctx)?;
    update_with(org, ctx, i, |org, id, created| {
        draft_attributes(org, ctx, id, created)
    })
}

/// Publishes drafts: every named policy must exist before anything changes;
/// `UPDATE` makes it active at the given coverage level, `DELETE` removes it.
fn publish(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let ops: Vec<Value> = ctx
        .body
        .as_ref()
        .and_then(|b| b.get("policyOperations"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let find = |org: &Org, id: &str| {
        org.control_policies
            .iter()
            .position(|p| p.policy["id"] == id && is_data_security(p))
    };
    for op in &ops {
        let id = op["policyId"].as_str().unwrap_or_default();
        if find(org, id).is_none() {
            return Err(ApiError::not_found(format!("no data security policy {id}")));
        }
    }
    let mut messages = Vec::new();
    for op in &ops {
        let id = op["policyId"].as_str().unwrap_or_default().to_owned();
        let Some(i) = find(org, &id) else { continue };
        if op["action"] == "DELETE" {
            org.control_policies.remove(i);
            org.record(ctx.now_ms, "control_policy_deleted", &[&id]);
        } else {
            let a = &mut org.control_policies[i].policy["attributes"];
            a["status"] = json!("active");
            a["updatedAt"] = json!(crate::org::rfc3339(ctx.now_ms));
            a["metadata"]["policyCoverageLevel"] = op["policyCoverageLevel"].clone();
            a["metadata"]["hasHadCoverage"] = json!(true);
            org.record(ctx.now_ms, "control_policy_published", &[&id]);
        }
        let ticket = org.new_id("publish-ticket");
        messages.push(json!({
            "messageId": org.new_id("publish-message"),
            "ticket": {"id": ticket, "containerAri": format!("ari:cloud:platform::org/{}", org.org_id), "scope": "USER"},
        }));
    }
    Ok(Reply::json(202, json!({ "messages": messages })))
}

/// Attaches and detaches resources; the whole change list is checked before
/// any of it applies.
fn modify_resources(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = data_security(org, ctx)?;
    let changes: Vec<(bool, String)> = ctx
        .body
        .as_ref()
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|c| {
            (
                c["operation"] == "ADD",
                c["resourceAri"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let mut attached: Vec<String> = org.control_policies[i]
        .resources
        .iter()
        .filter_map(|r| r["id"].as_str().map(str::to_owned))
        .collect();
    for (add, ari) in &changes {
        let at = attached.iter().position(|a| a == ari);
        match (add, at) {
            (true, Some(_)) => {
                return Err(ApiError::bad_request(format!(
                    "the policy already applies to {ari}"
                )))
            }
            (false, None) => {
                return Err(ApiError::not_found(format!(
                    "the policy does not apply to {ari}"
                )))
            }
            (true, None) => attached.push(ari.clone()),
            (false, Some(n)) => {
                attached.remove(n);
            }
        }
    }
    let policy_id = ctx.param("policyId");
    let resources = &mut org.control_policies[i].resources;
    resources.retain(|r| attached.iter().any(|a| r["id"] == a.as_str()));
    for ari in &attached {
        if !resources.iter().any(|r| r["id"] == ari.as_str()) {
            resources.push(json!({"id": ari, "applicationStatus": "applied"}));
        }
    }
    for (add, ari) in &changes {
        let action = if *add {
            "control_policy_resource_added"
        } else {
            "control_policy_resource_removed"
        };
        org.record(ctx.now_ms, action, &[policy_id, ari]);
    }
    Ok(Reply::empty(202))
}
