//! Role assignments: users' platform, product and org-level roles (v1), the
//! roles groups grant (v1 and v2), and the v2 views of both. What a role
//! allows inside a product is not modelled; the assignments are state.

use serde_json::{json, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{Org, RoleGrant};

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "assignRole" | "assignOrgRole" => |org, ctx| user_role(org, ctx, true),
        "revokeRole" | "revokeOrgRole" => |org, ctx| user_role(org, ctx, false),
        "assignRoleToGroup" => |org, ctx| group_roles_v1(org, ctx, true),
        "revokeRoleFromGroup" => |org, ctx| group_roles_v1(org, ctx, false),
        "assignGroupRoles" => |org, ctx| {
            group_role(org, ctx, true)?;
            Ok(Reply::empty(200))
        },
        "revokeGroupRoles" => |org, ctx| {
            group_role(org, ctx, false)?;
            Ok(Reply::empty(204))
        },
        "getDirectoryUserRoleAssignments" => user_assignments,
        "getDirectoryGroupRoleAssignments" => group_assignments,
        _ => return None,
    })
}

fn user_role(org: &mut Org, ctx: &Ctx<'_>, assign: bool) -> Result<Reply, ApiError> {
    let account = ctx.param("userId").to_owned();
    let grant = RoleGrant {
        resource: ctx.field("resource").unwrap_or_else(|| org.org_id.clone()),
        role: ctx.field("role").unwrap_or_default(),
    };
    let user = org.user_mut(&account)?;
    let held = user.roles.contains(&grant);
    match (assign, held) {
        (true, true) => {
            return Err(ApiError::conflict(format!(
                "{account} already has {}",
                grant.role
            )))
        }
        (false, false) => {
            return Err(ApiError::not_found(format!(
                "{account} does not have {}",
                grant.role
            )))
        }
        (true, false) => user.roles.push(grant.clone()),
        (false, true) => user.roles.retain(|g| *g != grant),
    }
    let action = if assign {
        "role_assigned"
    } else {
        "role_revoked"
    };
    org.record(
        ctx.now_ms,
        action,
        &[&account, &grant.role, &grant.resource],
    );
    Ok(Reply::empty(204))
}

fn change_group(
    org: &mut Org,
    ctx: &Ctx<'_>,
    grants: Vec<RoleGrant>,
    assign: bool,
) -> Result<(), ApiError> {
    let group_id = ctx.param("groupId").to_owned();
    let group = org.group_mut(&group_id)?;
    for grant in &grants {
        let held = group.roles.contains(grant);
        match (assign, held) {
            (true, true) => {
                return Err(ApiError::conflict(format!(
                    "the group already grants {}",
                    grant.role
                )))
            }
            (false, false) => {
                return Err(ApiError::not_found(format!(
                    "the group does not grant {}",
                    grant.role
                )))
            }
            _ => {}
        }
    }
    for grant in &grants {
        if assign {
            group.roles.push(grant.clone());
        } else {
            group.roles.retain(|g| g != grant);
        }
    }
    let action = if assign {
        "group_role_assigned"
    } else {
        "group_role_revoked"
    };
    for grant in grants {
        org.record(
            ctx.now_ms,
            action,
            &[&group_id, &grant.role, &grant.resource],
        );
    }
    Ok(())
}

fn group_roles_v1(org: &mut Org, ctx: &Ctx<'_>, assign: bool) -> Result<Reply, ApiError> {
    let grants: Vec<RoleGrant> = ctx
        .body
        .as_ref()
        .and_then(|b| b["roleAssociations"].as_array())
        .into_iter()
        .flatten()
        .map(|a| RoleGrant {
            resource: a["resource"].as_str().unwrap_or_default().to_owned(),
            role: a["role"].as_str().unwrap_or_default().to_owned(),
        })
        .collect();
    let n = grants.len();
    change_group(org, ctx, grants, assign)?;
    let verb = if assign { "assigned" } else { "revoked" };
    Ok(Reply::json(
        202,
        json!({"message": format!("{n} role(s) {verb}")}),
    ))
}

fn group_role(org: &mut Org, ctx: &Ctx<'_>, assign: bool) -> Result<(), ApiError> {
    let grant = RoleGrant {
        resource: ctx.field("resourceId").unwrap_or_default(),
        role: ctx.field("roleId").unwrap_or_default(),
    };
    change_group(org, ctx, vec![grant], assign)
}

/// A resource's roles, each with how it is held (`direct`, `group_direct`).
type ResourceRoles = (String, Vec<(String, Vec<&'static str>)>);

/// Grants grouped by resource, in first-seen order.
fn by_resource<'a>(
    grants: impl Iterator<Item = (&'a RoleGrant, &'static str)>,
) -> Vec<ResourceRoles> {
    let mut out: Vec<ResourceRoles> = Vec::new();
    for (g, method) in grants {
        let at = match out.iter().position(|(r, _)| *r == g.resource) {
            Some(i) => i,
            None => {
                out.push((g.resource.clone(), Vec::new()));
                out.len() - 1
            }
        };
        let roles = &mut out[at].1;
        match roles.iter_mut().find(|(r, _)| *r == g.role) {
            Some((_, methods)) if !methods.contains(&method) => methods.push(method),
            Some(_) => {}
            None => roles.push((g.role.clone(), vec![method])),
        }
    }
    out
}

fn user_assignments(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let user = org.user(ctx.param("accountId"))?;
    let direct = user.roles.iter().map(|g| (g, "direct"));
    let via_groups = org
        .groups
        .iter()
        .filter(|g| g.members.contains(&user.account_id))
        .flat_map(|g| g.roles.iter().map(|r| (r, "group_direct")));
    let items: Vec<Value> = by_resource(direct.chain(via_groups))
        .into_iter()
        .map(|(resource, roles)| {
            json!({
                "resourceId": resource,
                "roles": roles.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>(),
                "roleAssignments": roles.iter().map(|(r, m)| json!({"role": r, "roleAssignmentMethods": m})).collect::<Vec<_>>(),
            })
        })
        .collect();
    ok(ctx.page(items)?)
}

fn group_assignments(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let id = ctx.param("groupId");
    let group = org
        .groups
        .iter()
        .find(|g| g.id == id)
        .ok_or_else(|| ApiError::not_found(format!("no group with id {id}")))?;
    let items: Vec<Value> = by_resource(group.roles.iter().map(|g| (g, "direct")))
        .into_iter()
        .map(|(resource, roles)| json!({"resourceId": resource, "roles": roles.into_iter().map(|(r, _)| r).collect::<Vec<_>>()}))
        .collect();
    ok(ctx.page(items)?)
}
