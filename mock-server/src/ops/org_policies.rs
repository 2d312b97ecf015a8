//! Organization policies (v1): IP allowlists and data residency, with their
//! resources. The twin keeps the policy and where it applies; it does not
//! enforce a policy on any traffic, and a resource's `applicationStatus` is
//! `applied` at once.

use serde_json::{json, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::Org;

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "getPolicies" => list,
        "createPolicy" => create,
        "getPolicyById" => |org, ctx| ok(json!({"data": org.org_policies[find(org, ctx)?]})),
        "updatePolicy" => update,
        "deletePolicy" => |org, ctx| {
            let i = find(org, ctx)?;
            let removed = org.org_policies.remove(i);
            org.record(
                ctx.now_ms,
                "policy_deleted",
                &[removed["id"].as_str().unwrap_or_default()],
            );
            Ok(Reply::empty(202))
        },
        "addResourceToPolicy" => add_resource,
        "updatePolicyResource" => update_resource,
        "deletePolicyResource" => delete_resource,
        "validatePolicy" => |org, ctx| find(org, ctx).map(|_| Reply::empty(202)),
        _ => return None,
    })
}

fn find(org: &Org, ctx: &Ctx<'_>) -> Result<usize, ApiError> {
    let id = ctx.param("policyId");
    org.org_policies
        .iter()
        // A policy is an object with object attributes; anything else a seed holds is not one.
        .position(|p| p["id"] == id && p["attributes"].is_object())
        .ok_or_else(|| ApiError::not_found(format!("no policy {id}")))
}

fn list(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let kind = ctx.query("type");
    let items: Vec<Value> = org
        .org_policies
        .iter()
        .filter(|p| kind.is_none_or(|k| p["attributes"]["type"] == k))
        .cloned()
        .collect();
    let mut page = ctx.page(items)?;
    page["meta"]["page_size"] = json!(page["data"].as_array().map_or(0, Vec::len));
    ok(page)
}

/// A resource as served: the input's id, links and meta, applied at once.
fn resource(input: &Value) -> Value {
    let mut r = input.clone();
    r["applicationStatus"] = json!("applied");
    r
}

fn attributes(ctx: &Ctx<'_>) -> Value {
    let input = ctx
        .body
        .as_ref()
        .and_then(|b| b.pointer("/data/attributes"))
        .cloned()
        .unwrap_or(json!({}));
    let resources: Vec<Value> = input["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .map(resource)
        .collect();
    let mut attributes = json!({
        "type": input["type"],
        "status": input.get("status").cloned().unwrap_or(json!("enabled")),
        "resources": resources,
    });
    for key in ["name", "rule"] {
        if let Some(v) = input.get(key) {
            attributes[key] = v.clone();
        }
    }
    attributes
}

fn create(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let id = org.new_id("policy");
    let policy = json!({"id": id, "type": "policy", "attributes": attributes(ctx)});
    org.org_policies.push(policy.clone());
    org.record(ctx.now_ms, "policy_created", &[&id]);
    Ok(Reply::json(202, json!({"data": policy})))
}

fn update(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = find(org, ctx)?;
    org.org_policies[i]["attributes"] = attributes(ctx);
    let policy = org.org_policies[i].clone();
    org.record(ctx.now_ms, "policy_updated", &[ctx.param("policyId")]);
    Ok(Reply::json(202, json!({"data": policy})))
}

/// Runs `f` over a policy's resources (made a list if the state held none).
fn with_resources<R>(org: &mut Org, i: usize, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
    let slot = &mut org.org_policies[i]["attributes"]["resources"];
    let mut list = match slot.take() {
        Value::Array(list) => list,
        _ => Vec::new(),
    };
    let out = f(&mut list);
    *slot = Value::Array(list);
    out
}

fn add_resource(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = find(org, ctx)?;
    let input = ctx.body.clone().unwrap_or(json!({}));
    with_resources(org, i, |list| {
        if list.iter().any(|r| r["id"] == input["id"]) {
            return Err(ApiError::bad_request(
                "the policy already applies to this resource",
            ));
        }
        list.push(resource(&input));
        Ok(())
    })?;
    let policy = org.org_policies[i].clone();
    org.record(
        ctx.now_ms,
        "policy_resource_added",
        &[
            ctx.param("policyId"),
            input["id"].as_str().unwrap_or_default(),
        ],
    );
    Ok(Reply::json(202, json!({"data": policy})))
}

fn resource_index(org: &mut Org, ctx: &Ctx<'_>, i: usize) -> Result<usize, ApiError> {
    let id = ctx.param("resourceId");
    with_resources(org, i, |list| list.iter().position(|r| r["id"] == id))
        .ok_or_else(|| ApiError::not_found(format!("the policy does not apply to {id}")))
}

fn update_resource(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = find(org, ctx)?;
    let r = resource_index(org, ctx, i)?;
    let fields = ctx.fields();
    with_resources(org, i, |list| {
        if let Some(Value::Object(entry)) = list.get_mut(r) {
            entry.extend(fields);
        }
    });
    let policy = org.org_policies[i].clone();
    org.record(
        ctx.now_ms,
        "policy_resource_updated",
        &[ctx.param("policyId"), ctx.param("resourceId")],
    );
    Ok(Reply::json(202, json!({"data": policy})))
}

fn delete_resource(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let i = find(org, ctx)?;
    let r = resource_index(org, ctx, i)?;
    with_resources(org, i, |list| list.remove(r));
    org.record(
        ctx.now_ms,
        "policy_resource_removed",
        &[ctx.param("policyId"), ctx.param("resourceId")],
    );
    // Atlassian's file documents 204 (the curated spec accepts 200 with the
    // policy too; the twin answers as documented).
    Ok(Reply::empty(204))
}
