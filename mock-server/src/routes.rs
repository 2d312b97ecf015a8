//! Routing: which request reaches which piece of org state, and the JSON the
//! answers carry (shaped like the spec's schemas).

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{json, Map, Value};

use crate::errors::ApiError;
use crate::http::{Handler, Reply, Request};
use crate::org::{Group, Org, User};

/// The API key the mock accepts (`Authorization: Bearer <API_KEY>`).
pub const API_KEY: &str = "mock-admin-api-key";

/// The stand-in for the Admin APIs: the org's state plus the routes over it.
#[derive(Debug, Clone)]
pub struct MockAdminApi {
    org: Arc<Mutex<Org>>,
}

impl Default for MockAdminApi {
    fn default() -> Self {
        Self::new(Org::seeded())
    }
}

impl MockAdminApi {
    /// A mock serving `org`.
    pub fn new(org: Org) -> Self {
        Self {
            org: Arc::new(Mutex::new(org)),
        }
    }

    /// A copy of the current state (for assertions and for printing ids).
    pub fn snapshot(&self) -> Org {
        self.lock().clone()
    }

    /// The request handler to give [`crate::Server::start`].
    pub fn handler(&self) -> Handler {
        let api = self.clone();
        Arc::new(move |req| api.answer(&req))
    }

    fn lock(&self) -> MutexGuard<'_, Org> {
        // A panic while holding the lock cannot leave the org half-updated in
        // a way that matters to a mock; keep serving.
        self.org
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Answers one request.
    pub fn answer(&self, req: &Request) -> Reply {
        match self.route(req) {
            Ok(reply) => reply,
            Err(e) => e.reply(),
        }
    }

    fn route(&self, req: &Request) -> Result<Reply, ApiError> {
        if req.header("authorization") != Some(&format!("Bearer {API_KEY}")) {
            return Err(ApiError::unauthorized());
        }
        let segments = req.segments();
        let s: Vec<&str> = segments.iter().map(String::as_str).collect();
        let method = req.method.as_str();
        let mut org = self.lock();
        match (method, s.as_slice()) {
            ("GET", ["admin", "v1", "orgs"]) => Ok(Reply::json(200, org_page(&org))),
            (_, ["admin", "v1" | "v2", "orgs", id, ..])
            | (_, ["admin", "control", "v1", "orgs", id, ..])
                if *id != org.org_id =>
            {
                Err(ApiError::not_found(format!("no organization {id}")))
            }
            ("GET", ["admin", "v2", "orgs", _, "directories"]) => Ok(Reply::json(
                200,
                json!({"data": [{"directoryId": org.directory_id, "name": org.directory_name}], "links": {}}),
            )),
            (_, ["admin", "v2", "orgs", _, "directories", dir, ..]) if *dir != org.directory_id => {
                Err(ApiError::not_found(format!("no directory {dir}")))
            }
            ("POST", [.., "directories", _, "users", "search"]) => {
                search_users(&org, &body(req)?).map(|page| Reply::json(200, page))
            }
            ("GET", [.., "directories", _, "users", account]) => Ok(Reply::json(
                200,
                json!({"data": user_json(org.user(account)?)}),
            )),
            (
                "POST",
                [.., "directories", _, "users", account, action @ ("suspend" | "restore")],
            ) => {
                org.set_suspended(account, *action == "suspend")?;
                Ok(Reply::empty(204))
            }
            ("POST", [.., "directories", _, "groups", "search"]) => {
                search_groups(&org, &body(req)?).map(|page| Reply::json(200, page))
            }
            ("POST", [.., "directories", _, "groups", group, "memberships"]) => {
                let account = string_field(&body(req)?, "accountId")?;
                org.add_member(group, &account)?;
                Ok(Reply::empty(204))
            }
            ("POST", ["admin", "control", "v1", "orgs", _, "auth-policy", policy, "add-users"]) => {
                let emails = string_list(&body(req)?, "users")?;
                if emails.is_empty() || emails.len() > 500 {
                    return Err(ApiError::bad_request(
                        "`users` takes 1 to 500 email addresses",
                    ));
                }
                let task = org.start_task(policy, emails)?;
                let link = format!(
                    "/admin/control/v1/orgs/{}/auth-policy/task/{task}",
                    org.org_id
                );
                Ok(Reply::json(202, json!({"taskId": task, "taskLink": link})))
            }
            ("GET", ["admin", "control", "v1", "orgs", _, "auth-policy", "task", task]) => {
                Ok(Reply::json(200, org.poll_task(task)?))
            }
            (
                "POST",
                ["admin", "control", "v1", "orgs", _, "users", "auth-policies", "bulk-fetch"],
            ) => {
                let ids = string_list(&body(req)?, "accountIds")?;
                let users = ids
                    .iter()
                    .map(|id| org.user(id).map(policy_json))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Reply::json(200, Value::Array(users)))
            }
            _ => Err(ApiError::not_found(format!(
                "the mock serves no {method} {}",
                req.raw_path
            ))),
        }
    }
}

/// The request body as a JSON object; 400 when it is missing or malformed.
fn body(req: &Request) -> Result<Map<String, Value>, ApiError> {
    if !req
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/json"))
    {
        return Err(ApiError::bad_request("the body must be application/json"));
    }
    match req.json() {
        Ok(Some(Value::Object(map))) => Ok(map),
        Ok(_) => Err(ApiError::bad_request("the body must be a JSON object")),
        Err(e) => Err(ApiError::bad_request(format!("malformed JSON body: {e}"))),
    }
}

fn string_field(body: &Map<String, Value>, key: &str) -> Result<String, ApiError> {
    body.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| ApiError::bad_request(format!("`{key}` is required and must be a string")))
}

fn string_list(body: &Map<String, Value>, key: &str) -> Result<Vec<String>, ApiError> {
    let bad =
        || ApiError::bad_request(format!("`{key}` is required and must be a list of strings"));
    body.get(key)
        .and_then(Value::as_array)
        .ok_or_else(bad)?
        .iter()
        .map(|v| v.as_str().map(str::to_owned).ok_or_else(bad))
        .collect()
}

fn optional_list(body: &Map<String, Value>, key: &str) -> Result<Option<Vec<String>>, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => string_list(body, key).map(Some),
    }
}

/// `(offset, limit)` from a search body's `cursor` and `limit`.
fn page_window(body: &Map<String, Value>, default_limit: u64) -> Result<(usize, usize), ApiError> {
    let limit = match body.get("limit") {
        None => default_limit,
        Some(v) => v
            .as_u64()
            .filter(|l| (1..=100).contains(l))
            .ok_or_else(|| ApiError::bad_request("`limit` must be an integer from 1 to 100"))?,
    };
    let offset = match body.get("cursor").and_then(Value::as_str) {
        None => 0,
        Some(cursor) => cursor
            .strip_prefix("page-after-")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| ApiError::bad_request(format!("unknown cursor `{cursor}`")))?,
    };
    Ok((offset, limit as usize))
}

/// One page of `items` and its links (`next` only when more remain).
fn page(items: Vec<Value>, offset: usize, limit: usize) -> Value {
    let total = items.len();
    let data: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
    let mut links = json!({"self": format!("page-after-{offset}")});
    if offset + limit < total {
        links["next"] = json!(format!("page-after-{}", offset + limit));
    }
    json!({"data": data, "links": links})
}

fn search_users(org: &Org, body: &Map<String, Value>) -> Result<Value, ApiError> {
    let (offset, limit) = page_window(body, 50)?;
    let term = body
        .get("searchTerm")
        .and_then(Value::as_str)
        .map(str::to_lowercase);
    let emails = optional_list(body, "emails")?;
    if term.is_some() && emails.is_some() {
        return Err(ApiError::bad_request(
            "`searchTerm` and `emails` cannot be combined",
        ));
    }
    let accounts = optional_list(body, "accountIds")?;
    let users = org
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
        .map(user_json)
        .collect();
    Ok(page(users, offset, limit))
}

fn search_groups(org: &Org, body: &Map<String, Value>) -> Result<Value, ApiError> {
    let (offset, limit) = page_window(body, 20)?;
    let term = body
        .get("searchTerm")
        .and_then(Value::as_str)
        .map(str::to_lowercase);
    let names = optional_list(body, "groupNames")?;
    let groups = org
        .groups
        .iter()
        .filter(|g| term.as_ref().is_none_or(|t| g.name.contains(t.as_str())))
        .filter(|g| {
            names
                .as_ref()
                .is_none_or(|ns| ns.iter().any(|n| n.eq_ignore_ascii_case(&g.name)))
        })
        .map(|g| group_json(org, g))
        .collect();
    Ok(page(groups, offset, limit))
}

fn org_page(org: &Org) -> Value {
    json!({
        "data": [{
            "id": org.org_id,
            "type": "orgs",
            "attributes": {"name": org.org_name},
            "relationships": {},
            "links": {"self": format!("/admin/v1/orgs/{}", org.org_id)},
        }],
        "links": {},
    })
}

fn user_json(user: &User) -> Value {
    let status = if user.suspended {
        "suspended"
    } else {
        "active"
    };
    json!({
        "accountId": user.account_id,
        "accountType": "atlassian",
        "accountStatus": "active",
        "membershipStatus": status,
        "status": status,
        "claimStatus": "managed",
        "name": user.name,
        "email": user.email,
        "emailVerified": true,
        "mfaEnabled": user.mfa_enabled,
    })
}

fn group_json(org: &Org, group: &Group) -> Value {
    json!({
        "id": group.id,
        "name": group.name,
        "directoryId": org.directory_id,
        "externalSynced": false,
        "managedBy": "admins",
        "counts": {"users": group.members.len(), "resources": 0},
    })
}

fn policy_json(user: &User) -> Value {
    json!({
        "accountId": user.account_id,
        "email": user.email,
        "name": user.name,
        "authPolicyInfo": {"policyId": user.auth_policy, "dateAdded": user.policy_since},
    })
}
