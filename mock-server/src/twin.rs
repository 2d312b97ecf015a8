//! The twin: one organization's state behind the spec's contract. Each
//! request is routed to its operation by the spec, checked (key, parameters,
//! body, rate limit) as the spec declares, and answered by the operation's
//! handler over the state, or by a 501 naming an operation the twin does not
//! model. Failures come in the operation's own error shape.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::errors::ApiError;
use crate::faults::{Fault, FaultKind, Faults};
use crate::http::{Handler, Reply, Request, Server};
use crate::ops::{self, Ctx};
use crate::org::Org;
use crate::schema::{coerce, validate, Direction};
use crate::spec::{Credential, Operation, Routed, Spec};

/// The organization API key the twin accepts (`Authorization: Bearer <API_KEY>`).
pub const API_KEY: &str = "mock-admin-api-key";

/// The SCIM directory key the twin accepts on `/scim/...` operations.
pub const SCIM_API_KEY: &str = "mock-scim-api-key";

/// One request the twin answered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoggedRequest {
    /// HTTP method.
    pub method: String,
    /// The path as sent.
    pub path: String,
    /// The query string as sent.
    pub query: String,
    /// The operation the spec routes it to (none: no such path or method).
    pub operation: Option<String>,
    /// The status answered (for a dropped connection: none reached the client).
    pub status: u16,
    /// The fault injected into this exchange, if any.
    pub fault: Option<FaultKind>,
}

/// The local twin of one Atlassian organization (the embedded admin API).
#[derive(Debug, Clone)]
pub struct MockAdminApi {
    org: Arc<Mutex<Org>>,
    log: Arc<Mutex<Vec<LoggedRequest>>>,
    faults: Arc<Mutex<Faults>>,
    windows: Arc<Mutex<HashMap<String, VecDeque<SystemTime>>>>,
    time: TimeSource,
}

/// Where the twin reads the time: the system clock, or a test's clock.
#[derive(Clone)]
struct TimeSource(Arc<dyn Fn() -> SystemTime + Send + Sync>);

impl Default for TimeSource {
    fn default() -> Self {
        Self(Arc::new(SystemTime::now))
    }
}

impl std::fmt::Debug for TimeSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TimeSource")
    }
}

impl Default for MockAdminApi {
    fn default() -> Self {
        Self::new(Org::seeded())
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock leaves plain data; keep serving.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl MockAdminApi {
    /// A twin serving `org`.
    pub fn new(org: Org) -> Self {
        Self {
            org: Arc::new(Mutex::new(org)),
            log: Arc::default(),
            faults: Arc::default(),
            windows: Arc::default(),
            time: TimeSource::default(),
        }
    }

    /// Reads the time from `now` instead of the system clock: the rate-limit
    /// windows and the times of the audit events it records follow it. Give
    /// it the client's test clock (`move || clock.now()` with
    /// `atlassian_admin_api::clock::ManualClock`) and a test that waits for a
    /// rate-limit window waits for nothing real.
    pub fn with_time(mut self, now: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.time = TimeSource(Arc::new(now));
        self
    }

    /// A copy of the current state (for assertions and for printing ids).
    pub fn snapshot(&self) -> Org {
        lock(&self.org).clone()
    }

    /// Replaces the whole state (a new seed); the request log is kept.
    pub fn replace_state(&self, org: Org) {
        *lock(&self.org) = org;
    }

    /// The request handler to give [`Server::start`].
    pub fn handler(&self) -> Handler {
        let api = self.clone();
        Arc::new(move |req| api.answer(&req))
    }

    /// Starts serving on a free port of 127.0.0.1 (on the current tokio runtime).
    pub async fn serve(&self) -> std::io::Result<Server> {
        Server::start(self.handler()).await
    }

    /// Every request answered so far, as `METHOD /path` (without the query),
    /// in order: what the tests check to prove a dry run sent nothing.
    pub fn requests(&self) -> Vec<String> {
        lock(&self.log)
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect()
    }

    /// Every request answered so far, with its operation and status.
    pub fn request_log(&self) -> Vec<LoggedRequest> {
        lock(&self.log).clone()
    }

    /// Adds a fault to serve (see [`Fault`]); faults apply in the order added.
    pub fn inject(&self, fault: Fault) {
        lock(&self.faults).add(fault);
    }

    /// Removes every fault.
    pub fn clear_faults(&self) {
        *lock(&self.faults) = Faults::default();
    }

    /// Whether the twin models `operation_id` (others answer 501).
    pub fn models(operation_id: &str) -> bool {
        ops::handler(operation_id).is_some()
    }

    /// Answers one request.
    pub fn answer(&self, req: &Request) -> Reply {
        let (operation, reply, fault) = self.dispatch(req);
        lock(&self.log).push(LoggedRequest {
            method: req.method.clone(),
            path: req.raw_path.clone(),
            query: req.raw_query.clone(),
            operation,
            status: reply.status,
            fault,
        });
        reply
    }

    fn dispatch(&self, req: &Request) -> (Option<String>, Reply, Option<FaultKind>) {
        let spec = Spec::get();
        let segments = req.segments();
        let (op, path_params) = match spec.route(&req.method, &segments) {
            Routed::Operation(op, params) => (op, params),
            Routed::WrongMethod => {
                let e = ApiError::new(
                    405,
                    "METHOD_NOT_ALLOWED",
                    format!("{} is not served on {}", req.method, req.raw_path),
                );
                return (None, e.reply(), None);
            }
            Routed::NoPath => {
                let e = ApiError::not_found(format!("the API has no path {}", req.raw_path));
                return (None, e.reply(), None);
            }
        };
        let fault = lock(&self.faults).next(&op.id);
        let reply = match &fault {
            Some(f) if f.replaces_answer() => f.reply(op),
            _ => {
                let mut reply = match self.checked(op, path_params, req) {
                    Ok(reply) => reply,
                    Err(e) => e.reply_as(op.error_schema()),
                };
                if let Some(f) = &fault {
                    reply = f.alter(reply);
                }
                reply
            }
        };
        (Some(op.id.clone()), reply, fault)
    }

    fn checked(
        &self,
        op: &Operation,
        path: Vec<(String, String)>,
        req: &Request,
    ) -> Result<Reply, ApiError> {
        let key = match op.credential {
            Credential::Organization => Some(API_KEY),
            Credential::Scim => Some(SCIM_API_KEY),
            _ => None,
        };
        if let Some(key) = key {
            if req.header("authorization") != Some(&format!("Bearer {key}")) {
                return Err(ApiError::unauthorized());
            }
        }
        let handle = ops::handler(&op.id).ok_or_else(|| ApiError::not_implemented(&op.id))?;
        if let Some(limit) = op.rate_limit {
            self.admit(op, limit.requests, Duration::from_secs(limit.per_seconds))?;
        }
        let body = validate_request(op, &path, req)?;
        let now_ms = (self.time.0)()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        let ctx = Ctx {
            op,
            path,
            req,
            body,
            now_ms,
        };
        let mut org = lock(&self.org);
        ops::check_scope(&org, &ctx)?;
        handle(&mut org, &ctx)
    }

    /// A sliding window per operation: the `x-rate-limit`'s requests per period.
    fn admit(&self, op: &Operation, requests: u32, per: Duration) -> Result<(), ApiError> {
        let mut windows = lock(&self.windows);
        let window = windows.entry(op.id.clone()).or_default();
        let now = (self.time.0)();
        let since = |t: &SystemTime| now.duration_since(*t).unwrap_or_default();
        while window.front().is_some_and(|t| since(t) >= per) {
            window.pop_front();
        }
        if window.len() >= requests as usize {
            let wait = window.front().map_or(per, |t| per.saturating_sub(since(t)));
            return Err(ApiError::rate_limited(requests, wait));
        }
        window.push_back(now);
        Ok(())
    }
}

/// Checks the parameters and body against the operation's schemas; returns
/// the parsed body.
fn validate_request(
    op: &Operation,
    path: &[(String, String)],
    req: &Request,
) -> Result<Option<Value>, ApiError> {
    let doc = &Spec::get().doc;
    for p in &op.params {
        let values: Vec<&str> = match p.location.as_str() {
            "path" => path
                .iter()
                .filter(|(k, _)| *k == p.name)
                .map(|(_, v)| v.as_str())
                .collect(),
            "query" => req.query_values(&p.name),
            _ => continue,
        };
        if values.is_empty() {
            if p.required {
                return Err(ApiError::bad_request(format!("`{}` is required", p.name)));
            }
            continue;
        }
        let schema = crate::spec::resolve(doc, &p.schema);
        let value = if schema.get("type").and_then(Value::as_str) == Some("array") {
            let items = schema.get("items").cloned().unwrap_or(Value::Null);
            Value::Array(
                values
                    .iter()
                    .flat_map(|v| v.split(','))
                    .map(|v| coerce(doc, &items, v))
                    .collect(),
            )
        } else {
            coerce(doc, &p.schema, values[0])
        };
        validate(doc, &p.schema, &value, Direction::Request).map_err(|e| {
            ApiError::bad_request(format!(
                "parameter `{}`: {}",
                p.name,
                e.replacen('$', "value", 1)
            ))
        })?;
    }
    let Some((required, schema)) = &op.body else {
        return Ok(None);
    };
    if req.body.is_empty() {
        if *required {
            return Err(ApiError::bad_request("a JSON request body is required"));
        }
        return Ok(None);
    }
    if !req.header("content-type").is_some_and(|c| {
        c.starts_with("application/json") || c.starts_with("application/scim+json")
    }) {
        return Err(ApiError::bad_request("the body must be application/json"));
    }
    let body: Value = serde_json::from_slice(&req.body)
        .map_err(|e| ApiError::bad_request(format!("malformed JSON body: {e}")))?;
    validate(doc, schema, &body, Direction::Request).map_err(|e| {
        ApiError::bad_request(format!("request body: {}", e.replacen('$', "body", 1)))
    })?;
    Ok(Some(body))
}
