//! User management API: a managed account's permissions, profile, email,
//! API tokens and lifecycle (deactivate, reactivate, delete and its undo).

use serde_json::{json, Map, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{Org, User};

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "getManagedUserPermissions" => permissions,
        "getManagedUserProfile" => |org, ctx| ok(profile_json(org.user(ctx.param("accountId"))?)),
        "updateManagedUserProfile" => update_profile,
        "setManagedUserEmail" => set_email,
        "listManagedUserApiTokens" => |org, ctx| {
            let user = org.user(ctx.param("accountId"))?;
            ok(serde_json::to_value(&user.api_tokens).unwrap_or(Value::Null))
        },
        "deleteManagedUserApiToken" => delete_token,
        "disableManagedUser" => |org, ctx| lifecycle(org, ctx, "disable"),
        "enableManagedUser" => |org, ctx| lifecycle(org, ctx, "enable"),
        "deleteManagedUser" => |org, ctx| lifecycle(org, ctx, "delete"),
        "cancelManagedUserDeletion" => |org, ctx| lifecycle(org, ctx, "cancel-delete"),
        _ => return None,
    })
}

fn profile_json(u: &User) -> Value {
    let mut account = json!({
        "account_id": u.account_id,
        "account_status": u.account_status,
        "account_type": "atlassian",
        "name": u.name,
        "nickname": u.nickname,
        "email": u.email,
        "picture": "",
        "email_verified": true,
    });
    if !u.job_title.is_empty() {
        account["extended_profile"] = json!({"job_title": u.job_title});
    }
    json!({"account": account})
}

/// What an admin may do to the account: everything while it exists, nothing
/// once it is closed.
fn permissions(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let user = org.user(ctx.param("accountId"))?;
    let rule = if user.account_status == "closed" {
        json!({"allowed": false, "reason": {"key": "closed"}})
    } else {
        json!({"allowed": true})
    };
    let mut fields = Map::new();
    for f in ["name", "nickname", "extended_profile.job_title"] {
        fields.insert(f.to_owned(), rule.clone());
    }
    let mut out = json!({
        "profile": fields,
        "profile.write": fields,
    });
    for p in [
        "profile.read",
        "email.set",
        "lifecycle.enablement",
        "lifecycle.delete",
        "apiToken.read",
        "apiToken.delete",
    ] {
        out[p] = rule.clone();
    }
    ok(out)
}

fn update_profile(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let account = ctx.param("accountId").to_owned();
    let fields = ctx.fields();
    let user = org.user_mut(&account)?;
    if let Some(name) = fields.get("name").and_then(Value::as_str) {
        user.name = name.to_owned();
    }
    if let Some(nickname) = fields.get("nickname").and_then(Value::as_str) {
        user.nickname = nickname.to_owned();
    }
    if let Some(title) = fields
        .get("extended_profile")
        .and_then(|p| p.get("job_title"))
        .and_then(Value::as_str)
    {
        user.job_title = title.to_owned();
    }
    let body = profile_json(user);
    org.record(ctx.now_ms, "user_profile_updated", &[&account]);
    ok(body)
}

fn set_email(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let account = ctx.param("accountId").to_owned();
    let email = ctx.field("email").unwrap_or_default().to_lowercase();
    if !email.contains('@') {
        return Err(ApiError::bad_request("`email` must be an email address"));
    }
    if org
        .users
        .iter()
        .any(|u| u.email == email && u.account_id != account)
    {
        return Err(ApiError::bad_request(format!(
            "{email} belongs to another account"
        )));
    }
    org.user_mut(&account)?.email = email;
    org.record(ctx.now_ms, "user_email_changed", &[&account]);
    Ok(Reply::empty(204))
}

fn delete_token(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let (account, token) = (ctx.param("accountId").to_owned(), ctx.param("tokenId"));
    let user = org.user_mut(&account)?;
    let before = user.api_tokens.len();
    user.api_tokens.retain(|t| t.id != token);
    if user.api_tokens.len() == before {
        return Err(ApiError::not_found(format!("no token {token}")));
    }
    org.record(ctx.now_ms, "api_token_revoked", &[&account, token]);
    Ok(Reply::empty(204))
}

fn lifecycle(org: &mut Org, ctx: &Ctx<'_>, action: &str) -> Result<Reply, ApiError> {
    let account = ctx.param("accountId").to_owned();
    let user = org.user_mut(&account)?;
    let (event, reply) = match action {
        "disable" => {
            if user.account_status != "active" {
                return Err(ApiError::conflict("the account is not active"));
            }
            user.account_status = "inactive".to_owned();
            ("user_deactivated", Reply::empty(204))
        }
        "enable" => {
            if user.account_status != "inactive" || user.pending_deletion {
                return Err(ApiError::conflict("the account is not deactivated"));
            }
            user.account_status = "active".to_owned();
            ("user_reactivated", Reply::empty(204))
        }
        "delete" => {
            if user.pending_deletion {
                return Err(ApiError::conflict(
                    "the account is already scheduled for deletion",
                ));
            }
            user.pending_deletion = true;
            user.account_status = "inactive".to_owned();
            (
                "user_deletion_scheduled",
                Reply::json(
                    200,
                    json!({"message": "the account is scheduled for deletion"}),
                ),
            )
        }
        _ => {
            if !user.pending_deletion {
                return Err(ApiError::not_found(
                    "no deletion is scheduled for this account",
                ));
            }
            user.pending_deletion = false;
            (
                "user_deletion_cancelled",
                Reply::json(
                    200,
                    json!({"message": "the deletion is cancelled; the account stays deactivated"}),
                ),
            )
        }
    };
    org.record(ctx.now_ms, event, &[&account]);
    Ok(reply)
}
