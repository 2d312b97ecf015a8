//! Organization API, directories: users and groups of the org's directory
//! (v2, where `-` means every directory), and the deprecated v1 directory
//! endpoints over the same state.

use serde_json::{json, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{Group, Org, User};

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "getDirectoriesForOrg" => |org, ctx| {
            let dir = json!({"directoryId": org.directory_id, "name": org.directory_name});
            let mut page = ctx.page(vec![dir])?;
            if page.get("links").is_none() {
                page["links"] = json!({});
            }
            ok(page)
        },
        "getDirectoryUsers" => |org, ctx| {
            let items = users(org, ctx)?.into_iter().map(user_json).collect();
            ok(ctx.page(items)?)
        },
        "getDirectoryUsersCount" => |org, ctx| ok(json!({"count": users(org, ctx)?.len()})),
        "searchDirectoryUsers" => search_users,
        "getDirectoryUserStats" => user_stats,
        "getDirectoryUserDetails" => {
            |org, ctx| ok(json!({"data": user_json(org.user(ctx.param("accountId"))?)}))
        }
        "getUserLastActiveDates" => last_active,
        "removeDirectoryUser" | "removeUserAccess" => remove_user,
        "suspendDirectoryUser" => |org, ctx| suspend(org, ctx, true).map(|_| Reply::empty(204)),
        "restoreDirectoryUser" => |org, ctx| suspend(org, ctx, false).map(|_| Reply::empty(204)),
        "suspendUserAccess" => |org, ctx| {
            suspend(org, ctx, true)?;
            ok(json!({"message": "access suspended"}))
        },
        "restoreUserAccess" => |org, ctx| {
            if !org.user(ctx.param("accountId"))?.suspended {
                return Err(ApiError::conflict("the user's access is not suspended"));
            }
            suspend(org, ctx, false)?;
            ok(json!({"message": "access restored"}))
        },
        "getGroups" => |org, ctx| {
            let items = groups(org, ctx)?
                .into_iter()
                .map(|g| group_json(org, g))
                .collect();
            ok(ctx.page(items)?)
        },
        "getDirectoryGroupsCount" => |org, ctx| ok(json!({"count": groups(org, ctx)?.len()})),
        "searchDirectoryGroups" => |org, ctx| {
            let items = groups(org, ctx)?
                .into_iter()
                .map(|g| group_json(org, g))
                .collect();
            ok(ctx.page_of(items, 20)?)
        },
        "getDirectoryGroupStats" => |org, _| {
            let all = org.groups.len();
            ok(json!({"totals": {"all": all, "managed": 0, "synced": 0}, "types": []}))
        },
        "getDirectoryGroup" => |org, ctx| {
            let id = ctx.param("groupId");
            let group = org
                .groups
                .iter()
                .find(|g| g.id == id)
                .ok_or_else(|| ApiError::not_found(format!("no group with id {id}")))?;
            ok(json!({"data": group_json(org, group)}))
        },
        "createDirectoryGroup" => |org, ctx| create_group(org, ctx).map(|_| Reply::empty(201)),
        "createOrgGroup" => |org, ctx| {
            let id = create_group(org, ctx)?;
            ok(json!({"groupId": id, "message": "group created"}))
        },
        "deleteDirectoryGroup" => |org, ctx| delete_group(org, ctx).map(|_| Reply::empty(204)),
        "deleteOrgGroup" => |org, ctx| {
            delete_group(org, ctx)?;
            ok(json!({"message": "group deleted"}))
        },
        "addDirectoryGroupMember" => |org, ctx| add_member(org, ctx).map(|_| Reply::empty(204)),
        "addUserToOrgGroup" => |org, ctx| {
            add_member(org, ctx)?;
            ok(json!({"message": "member added"}))
        },
        "removeDirectoryGroupMember" => {
            |org, ctx| remove_member(org, ctx).map(|_| Reply::empty(204))
        }
        "removeUserFromOrgGroup" => |org, ctx| {
            remove_member(org, ctx)?;
            ok(json!({"message": "member removed"}))
        },
        "searchUsers" => search_users_v1,
        "searchGroups" => search_groups_v1,
        _ => return None,
    })
}

/// An `OrgSearchTextFilter` (`contains` and/or `eq`, case-insensitive) on `value`.
fn text_filter(ctx: &Ctx<'_>, name: &str, value: &str) -> bool {
    let Some(filter) = ctx.body.as_ref().and_then(|b| b.get(name)) else {
        return true;
    };
    let value = value.to_lowercase();
    let contains = filter["contains"]
        .as_str()
        .is_none_or(|c| value.contains(&c.to_lowercase()));
    let eq = filter["eq"].as_array().is_none_or(|es| {
        es.iter()
            .filter_map(Value::as_str)
            .any(|e| e.to_lowercase() == value)
    });
    contains && eq
}

fn search_users_v1(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let ids = ctx.list("accountIds");
    let statuses = ctx.list("accountStatuses");
    let suspended = ctx
        .body
        .as_ref()
        .and_then(|b| b.get("isSuspended"))
        .and_then(Value::as_bool);
    let items: Vec<Value> = org
        .users
        .iter()
        .filter(|u| ids.as_ref().is_none_or(|ids| ids.contains(&u.account_id)))
        .filter(|u| {
            statuses
                .as_ref()
                .is_none_or(|s| s.iter().any(|s| s.eq_ignore_ascii_case(&u.account_status)))
        })
        .filter(|u| suspended.is_none_or(|s| u.suspended == s))
        .filter(|u| {
            let (user, domain) = u.email.split_once('@').unwrap_or((&u.email, ""));
            text_filter(ctx, "emailDomains", domain) && text_filter(ctx, "emailUsernames", user)
        })
        .filter(|u| {
            text_filter(ctx, "namesOrNicknames", &u.name)
                || text_filter(ctx, "namesOrNicknames", &u.nickname)
        })
        .map(|u| {
            json!({
                "accountId": u.account_id,
                "accountType": "atlassian",
                "accountStatus": u.account_status,
                "name": u.name,
                "nickname": u.nickname,
                "email": u.email,
                "emailVerified": true,
            })
        })
        .collect();
    ok(ctx.page_of(items, 100)?)
}

fn search_groups_v1(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let ids = ctx.list("groupIds");
    let items: Vec<Value> = org
        .groups
        .iter()
        .filter(|g| ids.as_ref().is_none_or(|ids| ids.contains(&g.id)))
        .filter(|g| text_filter(ctx, "groupNames", &g.name))
        .map(|g| json!({"id": g.id, "name": g.name, "description": g.description}))
        .collect();
    ok(ctx.page_of(items, 1000)?)
}

/// The combined status the v2 directory reports.
fn status(u: &User) -> &'static str {
    if u.pending_deletion {
        "for_deletion"
    } else if u.account_status != "active" {
        "deactivated"
    } else if u.suspended {
        "suspended"
    } else {
        "active"
    }
}

pub(crate) fn user_json(u: &User) -> Value {
    let mut v = json!({
        "accountId": u.account_id,
        "accountType": "atlassian",
        "accountStatus": u.account_status,
        "membershipStatus": if u.suspended { "suspended" } else { "active" },
        "status": status(u),
        "claimStatus": "managed",
        "name": u.name,
        "nickname": u.nickname,
        "email": u.email,
        "emailVerified": true,
        "mfaEnabled": u.mfa_enabled,
    });
    if !u.job_title.is_empty() {
        v["jobTitle"] = json!(u.job_title);
    }
    v
}

/// A user's last activity per workspace; the cursor pages the products.
fn last_active(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let user = org.user(ctx.param("accountId"))?;
    let products = user
        .last_active
        .iter()
        .map(|a| {
            let at = crate::org::rfc3339(a.at_ms);
            json!({
                "id": a.workspace_id,
                "key": a.product_key,
                "last_active": at.get(..10),
                "last_active_timestamp": at,
            })
        })
        .collect();
    let added = user.added_to_org_ms.map(crate::org::rfc3339);
    let mut page = ctx.page(products)?;
    page["data"] = json!({
        "product_access": page["data"].take(),
        "added_to_org": added.as_deref().and_then(|t| t.get(..10)),
        "added_to_org_timestamp": added,
    });
    ok(page)
}

fn group_json(org: &Org, g: &Group) -> Value {
    json!({
        "id": g.id,
        "name": g.name,
        "description": g.description,
        "directoryId": org.directory_id,
        "externalSynced": false,
        "managedBy": "admins",
        "counts": {"users": g.members.len(), "resources": 0},
    })
}

/// A filter's values, from the query (repeated or comma-separated) or the body.
fn values(ctx: &Ctx<'_>, name: &str) -> Option<Vec<String>> {
    if let Some(list) = ctx.list(name) {
        return Some(list);
    }
    let q: Vec<String> = ctx
        .req
        .query_values(name)
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::to_owned)
        .collect();
    (!q.is_empty()).then_some(q)
}

fn text(ctx: &Ctx<'_>, name: &str) -> Option<String> {
    ctx.field(name)
        .or_else(|| ctx.query(name).map(str::to_owned))
}

/// The users a list, count or search covers, in directory order.
fn users<'o>(org: &'o Org, ctx: &Ctx<'_>) -> Result<Vec<&'o User>, ApiError> {
    let term = text(ctx, "searchTerm").map(|t| t.to_lowercase());
    let emails = values(ctx, "emails");
    if term.is_some() && emails.is_some() {
        return Err(ApiError::bad_request(
            "`searchTerm` and `emails` cannot be combined",
        ));
    }
    let accounts = values(ctx, "accountIds");
    let group_ids = values(ctx, "groupIds");
    let statuses = values(ctx, "status");
    let account_statuses = values(ctx, "accountStatus");
    let domains = values(ctx, "emailDomains");
    let mfa = ctx
        .body
        .as_ref()
        .and_then(|b| b.get("mfaEnabled"))
        .and_then(Value::as_bool)
        .or_else(|| ctx.query("mfaEnabled").map(|v| v == "true"));
    let in_group = |u: &User, ids: &[String]| {
        org.groups
            .iter()
            .any(|g| ids.contains(&g.id) && g.members.contains(&u.account_id))
    };
    Ok(org
        .users
        .iter()
        .filter(|u| {
            term.as_ref()
                .is_none_or(|t| u.name.to_lowercase().contains(t) || u.email.contains(t.as_str()))
        })
        .filter(|u| {
            emails
                .as_ref()
                .is_none_or(|es| es.iter().any(|e| e.eq_ignore_ascii_case(&u.email)))
        })
        .filter(|u| {
            accounts
                .as_ref()
                .is_none_or(|ids| ids.contains(&u.account_id))
        })
        .filter(|u| group_ids.as_ref().is_none_or(|ids| in_group(u, ids)))
        .filter(|u| {
            statuses
                .as_ref()
                .is_none_or(|s| s.iter().any(|s| s == status(u)))
        })
        .filter(|u| {
            account_statuses
                .as_ref()
                .is_none_or(|s| s.contains(&u.account_status))
        })
        .filter(|u| {
            domains
                .as_ref()
                .is_none_or(|ds| ds.iter().any(|d| u.email.ends_with(&format!("@{d}"))))
        })
        .filter(|u| mfa.is_none_or(|m| u.mfa_enabled == m))
        .collect())
}

fn search_users(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let items = users(org, ctx)?.into_iter().map(user_json).collect();
    ok(ctx.page(items)?)
}

fn user_stats(org: &mut Org, _: &Ctx<'_>) -> Result<Reply, ApiError> {
    let counts: Vec<Value> = ["active", "inactive", "closed"]
        .iter()
        .map(|s| json!({"status": s, "count": org.users.iter().filter(|u| u.account_status == *s).count()}))
        .collect();
    ok(json!({"accountStatus": counts, "roles": []}))
}

/// The groups a list, count or search covers.
fn groups<'o>(org: &'o Org, ctx: &Ctx<'_>) -> Result<Vec<&'o Group>, ApiError> {
    let term = text(ctx, "searchTerm").map(|t| t.to_lowercase());
    let names = values(ctx, "groupNames");
    let ids = values(ctx, "groupIds");
    let accounts = values(ctx, "accountIds");
    Ok(org
        .groups
        .iter()
        .filter(|g| {
            term.as_ref()
                .is_none_or(|t| g.name.to_lowercase().contains(t.as_str()))
        })
        .filter(|g| {
            names
                .as_ref()
                .is_none_or(|ns| ns.iter().any(|n| n.eq_ignore_ascii_case(&g.name)))
        })
        .filter(|g| ids.as_ref().is_none_or(|ids| ids.contains(&g.id)))
        .filter(|g| {
            accounts
                .as_ref()
                .is_none_or(|a| a.iter().any(|a| g.members.contains(a)))
        })
        .collect())
}

fn suspend(org: &mut Org, ctx: &Ctx<'_>, suspended: bool) -> Result<(), ApiError> {
    let account = ctx.param("accountId");
    org.set_suspended(account, suspended)?;
    let action = if suspended {
        "user_suspended"
    } else {
        "user_restored"
    };
    org.record(ctx.now_ms, action, &[account]);
    Ok(())
}

fn remove_user(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let account = ctx.param("accountId").to_owned();
    org.user(&account)?;
    org.users.retain(|u| u.account_id != account);
    for g in &mut org.groups {
        g.members.retain(|m| *m != account);
    }
    org.record(ctx.now_ms, "user_removed_from_directory", &[&account]);
    Ok(Reply::empty(204))
}

fn create_group(org: &mut Org, ctx: &Ctx<'_>) -> Result<String, ApiError> {
    let name = ctx.field("name").unwrap_or_default();
    if name.trim().is_empty() {
        return Err(ApiError::bad_request("`name` must not be empty"));
    }
    if org
        .groups
        .iter()
        .any(|g| g.name.eq_ignore_ascii_case(&name))
    {
        return Err(ApiError::conflict(format!("a group named {name} exists")));
    }
    let id = org.new_id("grp");
    org.groups.push(Group {
        id: id.clone(),
        name,
        members: Vec::new(),
        description: ctx.field("description").unwrap_or_default(),
        roles: Vec::new(),
    });
    org.record(ctx.now_ms, "group_created", &[&id]);
    Ok(id)
}

fn delete_group(org: &mut Org, ctx: &Ctx<'_>) -> Result<(), ApiError> {
    let id = ctx.param("groupId").to_owned();
    org.group_mut(&id)?;
    org.groups.retain(|g| g.id != id);
    org.record(ctx.now_ms, "group_deleted", &[&id]);
    Ok(())
}

fn add_member(org: &mut Org, ctx: &Ctx<'_>) -> Result<(), ApiError> {
    let group = ctx.param("groupId");
    let account = ctx
        .field("accountId")
        .or_else(|| ctx.field("account_id"))
        .ok_or_else(|| ApiError::bad_request("`accountId` is required"))?;
    org.add_member(group, &account)?;
    org.record(ctx.now_ms, "user_added_to_group", &[&account, group]);
    Ok(())
}

fn remove_member(org: &mut Org, ctx: &Ctx<'_>) -> Result<(), ApiError> {
    let (group, account) = (ctx.param("groupId"), ctx.param("accountId"));
    org.remove_member(group, account)?;
    org.record(ctx.now_ms, "user_removed_from_group", &[account, group]);
    Ok(())
}
