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
