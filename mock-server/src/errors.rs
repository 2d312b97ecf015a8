//! Failures in the API's own error shapes.
//!
//! Each API family has one error schema in the spec (`OrganizationErrors`,
//! `ControlErrors`); both carry an `errors` list for validation and lookup
//! failures and a flat `code`/`message` pair for authentication failures, so a
//! client decodes the mock's errors exactly like the real ones.

use serde_json::json;

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
}

impl ApiError {
    /// A failure with any status.
    pub fn new(status: u16, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: detail.into(),
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

    /// 401: no or the wrong API key.
    pub fn unauthorized() -> Self {
        Self::new(401, "UNAUTHORIZED", "Unauthorized; scope does not match")
    }

    /// The reply in the shape of the family's error schema.
    pub fn reply(&self) -> Reply {
        if self.status == 401 {
            return Reply::json(401, json!({"code": 401, "message": self.detail}));
        }
        Reply::json(
            self.status,
            json!({"errors": [{
                "status": self.status.to_string(),
                "code": self.code,
                "title": title(self.status),
                "detail": self.detail,
            }]}),
        )
    }
}

fn title(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        _ => "Error",
    }
}
