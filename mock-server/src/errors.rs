//! Failures in the API's own error shapes.
//!
//! Each API family has one error schema in the spec (`OrganizationErrors`,
//! `ControlErrors`, `ApiAccessErrors`, `UserManagementErrors`, `ScimError`);
//! the twin answers every failure of an operation in the shape its spec
//! declares, so a client decodes the twin's errors exactly like the real ones.

use std::time::Duration;

use serde_json::{json, Value};

use crate::http::Reply;

/// A failure to report with an HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// Machine-readable code (`INVALID_REQUEST`, `NOT_FOUND`, ...).
    pub code: &'static str,
    /// Human-readable detail.
    pub detail: String,
    /// For a 429: the window's request limit and the wait until it frees.
    pub rate_limit: Option<(u32, Duration)>,
}

impl ApiError {
    /// A failure with any status.
    pub fn new(status: u16, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: detail.into(),
            rate_limit: None,
        }
    }

    /// 429: the operation's rate limit (`limit` requests a window) is used up
    /// for `wait`.
    pub fn rate_limited(limit: u32, wait: Duration) -> Self {
        Self {
            rate_limit: Some((limit, wait)),
            ..Self::new(
                429,
                "RATE_LIMITED",
                "Too many requests; wait for the rate limit window to reset",
            )
        }
    }

    /// 400: the request is malformed.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(400, "INVALID_REQUEST", detail)
    }

    /// 404: no such resource.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(404, "NOT_FOUND", detail)
    }

    /// 409: the state does not allow it.
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(409, "CONFLICT", detail)
    }

    /// 401: no or the wrong API key.
    pub fn unauthorized() -> Self {
        Self::new(401, "UNAUTHORIZED", "Unauthorized; scope does not match")
    }

    /// 501: the twin does not model this operation (yet); never fabricated data.
    pub fn not_implemented(operation: &str) -> Self {
        Self::new(
            501,
            "NOT_IMPLEMENTED",
            format!("the local twin does not model operation `{operation}`"),
        )
    }

    /// The reply in the organization API's shape (`OrganizationErrors`).
    pub fn reply(&self) -> Reply {
        self.reply_as("OrganizationErrors")
    }

    /// The reply in the shape of the named error schema of the spec.
    pub fn reply_as(&self, schema: &str) -> Reply {
        let reply = Reply::json(self.status, self.body(schema));
        match self.rate_limit {
            Some((limit, wait)) => {
                let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
                reply
                    .with_header("retry-after", &secs.to_string())
                    .with_header("x-ratelimit-limit", &limit.to_string())
                    .with_header("x-ratelimit-remaining", "0")
                    .with_header("x-ratelimit-reset", &secs.to_string())
            }
            None => reply,
        }
    }

    fn body(&self, schema: &str) -> Value {
        let status = self.status.to_string();
        match schema {
            "UserManagementErrors" => json!({"key": user_management_key(self.status)}),
            "ScimError" if matches!(self.status, 401 | 403) => {
                json!({"error": self.detail, "traceId": "twin-trace"})
            }
            "ScimError" => {
                let mut body = json!({
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                    "status": status,
                    "detail": self.detail,
                });
                match self.status {
                    400 => body["scimType"] = json!("invalidValue"),
                    409 => body["scimType"] = json!("uniqueness"),
                    _ => {}
                }
                body
            }
            "ApiAccessErrors" => json!({"errors": [{
                "id": "twin-request",
                "status": status,
                "code": if self.status == 400 { "INVALID_FIELD_FORMAT" } else { "GENERIC_ERROR" },
                "title": title(self.status),
                "detail": self.detail,
            }]}),
            // OrganizationErrors and ControlErrors: a flat pair for authentication.
            _ if self.status == 401 => json!({"code": 401, "message": self.detail}),
            _ => json!({"errors": [{
                "status": status,
                "code": self.code,
                "title": title(self.status),
                "detail": self.detail,
            }]}),
        }
    }
}

fn user_management_key(status: u16) -> &'static str {
    match status {
        400 => "fieldConstraintsViolated",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "accountNotFound",
        409 => "conflict.lifecycleErrors",
        _ => "notFound",
    }
}

fn title(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        429 => "Too Many Requests",
        501 => "Not Implemented",
        _ if status >= 500 => "Server Error",
        _ => "Error",
    }
}
