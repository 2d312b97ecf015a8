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
    log: Arc<Mutex<Vec<String>>>,
    revoked_tokens: Arc<Mutex<Vec<String>>>,
}

/// How many audit events the mock's log holds (`GET .../events`, oldest
/// first, one a minute from [`EVENTS_START_MS`]).
pub const EVENT_COUNT: usize = 25;

/// The time of the mock's first audit event, in UNIX epoch milliseconds
/// (2026-01-01T00:00:00Z).
pub const EVENTS_START_MS: i64 = 1_767_225_600_000;

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
            log: Arc::default(),
            revoked_tokens: Arc::default(),
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

    /// Every request answered so far, as `METHOD /path` (without the query),
    /// in order: what the tests check to prove a dry run sent nothing.
    pub fn requests(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Answers one request.
    pub fn answer(&self, req: &Request) -> Reply {
        self.log
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(format!("{} {}", req.method, req.raw_path));
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
            ("DELETE", [.., "directories", _, "groups", group, "memberships", account]) => {
                let group = org
                    .groups
                    .iter_mut()
                    .find(|g| g.id == *group)
                    .ok_or_else(|| ApiError::not_found(format!("no group {group}")))?;
                let before = group.members.len();
                group.members.retain(|m| m != account);
                if group.members.len() == before {
                    return Err(ApiError::not_found(format!(
                        "{account} is not a member of {}",
                        group.id
                    )));
                }
                Ok(Reply::empty(204))
            }
            ("GET", ["admin", "v1", "orgs", _, "events"]) => {
                events_page(req).map(|p| Reply::json(200, p))
            }
            ("GET", ["users", account, "manage", "api-tokens"]) => {
                org.user(account)?;
                let revoked = self
                    .revoked_tokens
                    .lock()
                    .unwrap_or_else(|p| p.into_inner());
                let tokens: Vec<Value> = user_tokens(account)
                    .into_iter()
                    .filter(|t| !revoked.contains(t))
                    .map(|t| json!({"id": t, "label": format!("token {t}"), "createdAt": "2025-06-01T00:00:00Z"}))
                    .collect();
                Ok(Reply::json(200, Value::Array(tokens)))
            }
            ("DELETE", ["users", account, "manage", "api-tokens", token]) => {
                org.user(account)?;
                let mut revoked = self
                    .revoked_tokens
                    .lock()
                    .unwrap_or_else(|p| p.into_inner());
                if !user_tokens(account).iter().any(|t| t == token)
                    || revoked.iter().any(|t| t == token)
                {
                    return Err(ApiError::not_found(format!("no token {token}")));
                }
                revoked.push((*token).to_owned());
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

/// Every user has two personal API tokens until they are revoked.
fn user_tokens(account: &str) -> Vec<String> {
    let short: String = account.chars().rev().take(6).collect();
    vec![format!("tok-{short}-1"), format!("tok-{short}-2")]
}

/// One page of the audit log: [`EVENT_COUNT`] events, oldest first, from
/// `from` (epoch ms) on, `limit` a page, cursor `ev-after-N`.
fn events_page(req: &Request) -> Result<Value, ApiError> {
    let number = |name: &str| -> Result<Option<i64>, ApiError> {
        match req.query_values(name).first() {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| ApiError::bad_request(format!("`{name}` must be a number"))),
        }
    };
    let from = number("from")?.unwrap_or(0);
    let limit = number("limit")?.unwrap_or(30).clamp(1, 500) as usize;
    let offset = match req.query_values("cursor").first() {
        None => 0,
        Some(c) => c
            .strip_prefix("ev-after-")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| ApiError::bad_request(format!("unknown cursor `{c}`")))?,
    };
    let events: Vec<Value> = (0..EVENT_COUNT)
        .map(|n| (n, EVENTS_START_MS + 60_000 * n as i64))
        .filter(|(_, t)| *t >= from)
        .map(|(n, t)| {
            json!({
                "id": format!("event-{n:03}"),
                "type": "events",
                "attributes": {
                    "time": format!("2026-01-01T{:02}:{:02}:00Z", t / 3_600_000 % 24, t / 60_000 % 60),
                    "action": "user_suspended",
                    "actor": {"id": "admin"},
                    "context": [],
                },
                "links": {"self": format!("/admin/v1/orgs/o/events/event-{n:03}")},
            })
        })
        .collect();
    let total = events.len();
    let data: Vec<Value> = events.into_iter().skip(offset).take(limit).collect();
    let mut meta = json!({"page_size": data.len()});
    if offset + limit < total {
        meta["next"] = json!(format!("ev-after-{}", offset + limit));
    }
    Ok(json!({"data": data, "links": {}, "meta": meta}))
}
