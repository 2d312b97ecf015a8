//! The error of every operation: one line for people, every detail for programs.
//!
//! Each generated `send()` returns [`Error<E>`], where `E` is the
//! operation's documented error document (`types::OrganizationErrors`,
//! `types::ScimError`, ...). Its `Display` is one line naming the operation,
//! the HTTP status and the API's own message:
//!
//! ```text
//! getDirectoryGroup: 404 Not Found: Group nope was not found
//! getEvents: 429 Too Many Requests: Rate limit exceeded
//! getOrgs: request failed: error sending request for url (https://api.atlassian.com/admin/v1/orgs): connection refused
//! getDirectoryGroup: invalid request: the required parameter `directory_id` was not set (call `.directory_id(...)`)
//! ```
//!
//! The detail stays available: [`Error::status`], [`Error::headers`],
//! [`Error::api_message`], [`Error::error_body`] (the decoded error
//! document), [`Error::answer`] (status, headers and a bounded body of an
//! answer that did not decode) and [`Error::kind`]; `Debug` shows it all.
//!
//! ```no_run
//! # async fn run(client: &atlassian_admin_api::Client) {
//! let group = client.get_directory_group().org_id("o").directory_id("-").group_id("nope");
//! match group.send().await {
//!     Ok(group) => println!("{:?}", group.into_inner()),
//!     Err(e) if e.is_not_found() => println!("no such group"),
//!     Err(e) => eprintln!("{e}"), // getDirectoryGroup: 500 Internal Server Error: ...
//! }
//! # }
//! ```

use std::borrow::Cow;
use std::fmt;

use bytes::Bytes;
use progenitor_client::ResponseValue;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde::Serialize;
use serde_json::Value;

use crate::response::{CutShortBody, InvalidBody, TruncatedBody};

/// The longest API message kept in `Display` (characters); longer ones end in `…`.
const MESSAGE_LIMIT: usize = 300;

/// A failed operation: which one, and how it failed (see the [module docs](self)).
pub struct Error<E = ()> {
    operation_id: &'static str,
    kind: ErrorKind<E>,
}

/// How an operation failed.
#[non_exhaustive]
pub enum ErrorKind<E> {
    /// The API answered one of the operation's documented error statuses
    /// with a body of its error type.
    Api(ResponseValue<E>),
    /// An answer the operation does not document (another status, a body not
    /// of the error type, a gateway's HTML page): status, headers and a
    /// bounded body.
    UnexpectedAnswer(Answer),
    /// A success status whose body is not what the spec describes (cut
    /// short, HTML, another shape): status, headers, a bounded body and the
    /// decoding error.
    InvalidAnswer(Answer, serde_json::Error),
    /// A success status whose body stopped arriving (the connection dropped
    /// or timed out mid-body): status, headers, the part that arrived
    /// (bounded, marked truncated) and the transport error.
    CutShort(Answer, reqwest::Error),
    /// The request was not sent: a required parameter was not set, or a value
    /// did not convert.
    InvalidRequest(String),
    /// No answer came: connection, TLS, timeout, or the body could not be read.
    Communication(reqwest::Error),
    /// Anything else the HTTP layer reported (a hook's refusal, for example).
    Other(String),
}

/// An answer kept in an error: status, headers and at most
/// [`BODY_PREFIX_LIMIT`](crate::response::BODY_PREFIX_LIMIT) bytes of the body.
/// Its `Debug` shows the start of the body only.
#[derive(Clone)]
pub struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    truncated: bool,
}

impl Answer {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The answer's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body as received, up to the limit.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    /// Whether [`body`](Self::body) is only the start of what the server sent
    /// (or of what arrived before the connection failed).
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }
}

impl fmt::Debug for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Answer")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_len", &self.body.len())
            .field("body_start", &printable(&self.text(), DEBUG_BODY_LIMIT))
            .field("truncated", &self.truncated)
            .finish()
    }
}

/// The most characters of a kept body that `Debug` shows.
const DEBUG_BODY_LIMIT: usize = 1024;

impl<E> Error<E> {
    /// An error of the operation `operation_id` (the spec's `operationId`).
    pub fn new(operation_id: &'static str, kind: ErrorKind<E>) -> Self {
        Self { operation_id, kind }
    }

    /// Converts progenitor's error of a generated call, reading the bounded
    /// body the runtime kept for an unexpected answer.
    pub(crate) async fn from_progenitor(
        operation_id: &'static str,
        error: progenitor_client::Error<E>,
    ) -> Self {
        use progenitor_client::Error as P;
        let kind = match error {
            P::ErrorResponse(value) => ErrorKind::Api(value),
            P::UnexpectedResponse(mut response) => {
                let invalid = response.extensions_mut().remove::<InvalidBody>();
                let cut = response.extensions_mut().remove::<CutShortBody>();
                let answer = Answer::read(response).await;
                match (
                    invalid.and_then(InvalidBody::into_error),
                    cut.and_then(CutShortBody::into_error),
                ) {
                    (Some(e), _) => ErrorKind::InvalidAnswer(answer, e),
                    (None, Some(e)) => ErrorKind::CutShort(answer, e),
                    (None, None) => ErrorKind::UnexpectedAnswer(answer),
                }
            }
            P::InvalidRequest(message) => ErrorKind::InvalidRequest(message),
            P::CommunicationError(e) | P::ResponseBodyError(e) => ErrorKind::Communication(e),
            P::InvalidResponsePayload(body, e) => ErrorKind::InvalidAnswer(
                // Not produced by this crate's runtime (it keeps the status);
                // kept for completeness.
                Answer {
                    status: StatusCode::OK,
                    headers: HeaderMap::new(),
                    body,
                    truncated: false,
                },
                e,
            ),
            P::InvalidUpgrade(e) => ErrorKind::Communication(e),
            P::Custom(message) => ErrorKind::Other(message),
        };
        Self { operation_id, kind }
    }

    /// The operation that failed, as the spec names it (`getDirectory`).
    pub fn operation_id(&self) -> &'static str {
        self.operation_id
    }

    /// How it failed.
    pub fn kind(&self) -> &ErrorKind<E> {
        &self.kind
    }

    /// How it failed, by value.
    pub fn into_kind(self) -> ErrorKind<E> {
        self.kind
    }

    /// The HTTP status of the answer, if one came.
    pub fn status(&self) -> Option<StatusCode> {
        match &self.kind {
            ErrorKind::Api(value) => Some(value.status()),
            ErrorKind::UnexpectedAnswer(a)
            | ErrorKind::InvalidAnswer(a, _)
            | ErrorKind::CutShort(a, _) => Some(a.status),
            ErrorKind::Communication(e) => e.status(),
            ErrorKind::InvalidRequest(_) | ErrorKind::Other(_) => None,
        }
    }

    /// The headers of the answer, if one came.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match &self.kind {
            ErrorKind::Api(value) => Some(value.headers()),
            ErrorKind::UnexpectedAnswer(a)
            | ErrorKind::InvalidAnswer(a, _)
            | ErrorKind::CutShort(a, _) => Some(&a.headers),
            _ => None,
        }
    }

    /// The decoded error document of a documented error answer.
    pub fn error_body(&self) -> Option<&E> {
        match &self.kind {
            ErrorKind::Api(value) => Some(value.as_ref()),
            _ => None,
        }
    }

    /// An answer that did not decode or was cut short: status, headers and
    /// bounded body.
    pub fn answer(&self) -> Option<&Answer> {
        match &self.kind {
            ErrorKind::UnexpectedAnswer(a)
            | ErrorKind::InvalidAnswer(a, _)
            | ErrorKind::CutShort(a, _) => Some(a),
            _ => None,
        }
    }

    /// Whether the API answered 404 Not Found.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }

    /// Whether the API answered 409 Conflict: the state already is what the
    /// call asks for, or contradicts it (a user already in the group, a role
    /// already granted). Idempotent jobs treat it as done.
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(StatusCode::CONFLICT)
    }

    /// Whether the API answered 429 Too Many Requests (after the client's
    /// own retries, if any).
    pub fn is_rate_limited(&self) -> bool {
        self.status() == Some(StatusCode::TOO_MANY_REQUESTS)
    }

    /// Whether no answer came in time.
    pub fn is_timeout(&self) -> bool {
        matches!(
            &self.kind,
            ErrorKind::Communication(e) | ErrorKind::CutShort(_, e) if e.is_timeout()
        )
    }
}

impl<E: Serialize> Error<E> {
    /// The API's own message: the `detail`, `title` or `message` of its
    /// error document (the first of several errors, with how many more), or
    /// the first line of an answer that was not one. Control characters are
    /// escaped and the text is cut at 300 characters.
    pub fn api_message(&self) -> Option<String> {
        let raw = match &self.kind {
            ErrorKind::Api(value) => serde_json::to_value(value.as_ref())
                .ok()
                .and_then(|v| message_of(&v)),
            ErrorKind::UnexpectedAnswer(a) => message_of_body(&a.body),
            ErrorKind::InvalidAnswer(_, e) => {
                Some(format!("the answer does not fit the spec: {e}"))
            }
            ErrorKind::CutShort(_, e) => Some(format!("the answer was cut short: {}", chain(e))),
            ErrorKind::InvalidRequest(m) | ErrorKind::Other(m) => Some(m.clone()),
            ErrorKind::Communication(e) => Some(chain(e)),
        }?;
        Some(printable(&raw, MESSAGE_LIMIT))
    }
}

impl<E: Serialize> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = self.operation_id;
        match &self.kind {
            ErrorKind::InvalidRequest(_) => write!(f, "{op}: invalid request")?,
            ErrorKind::Communication(_) => write!(f, "{op}: request failed")?,
            ErrorKind::Other(_) => write!(f, "{op}: failed")?,
            _ => match self.status() {
                Some(status) => write!(f, "{op}: {status}")?,
                None => write!(f, "{op}: failed")?,
            },
        }
        if let Some(message) = self.api_message() {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("operation_id", &self.operation_id)
            .field("kind", &self.kind)
            .finish()
    }
}

impl<E: fmt::Debug> fmt::Debug for ErrorKind<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Api(value) => f
                .debug_struct("Api")
                .field("status", &value.status())
                .field("headers", value.headers())
                .field("body", value.as_ref())
                .finish(),
            ErrorKind::UnexpectedAnswer(a) => f.debug_tuple("UnexpectedAnswer").field(a).finish(),
            ErrorKind::InvalidAnswer(a, e) => {
                f.debug_tuple("InvalidAnswer").field(a).field(e).finish()
            }
            ErrorKind::CutShort(a, e) => f.debug_tuple("CutShort").field(a).field(e).finish(),
            ErrorKind::InvalidRequest(m) => f.debug_tuple("InvalidRequest").field(m).finish(),
            ErrorKind::Communication(e) => f.debug_tuple("Communication").field(e).finish(),
            ErrorKind::Other(m) => f.debug_tuple("Other").field(m).finish(),
        }
    }
}

impl<E: Serialize + fmt::Debug> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Communication(e) => Some(e),
            ErrorKind::InvalidAnswer(_, e) => Some(e),
            ErrorKind::CutShort(_, e) => Some(e),
            _ => None,
        }
    }
}

impl Answer {
    async fn read(response: reqwest::Response) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let truncated = response.extensions().get::<TruncatedBody>().is_some();
        // The runtime already read the bounded body into memory.
        let body = response.bytes().await.unwrap_or_default();
        Self {
            status,
            headers,
            body,
            truncated,
        }
    }
}

/// A reqwest error with its causes, `outer: inner: innermost`.
fn chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// The message of an API error document, whatever the family's shape:
/// `errors[].detail|title|message` (organization, user management),
/// `detail` (SCIM), `message` (control, API access), `error_description`,
/// `error`.
fn message_of(value: &Value) -> Option<String> {
    const KEYS: [&str; 6] = [
        "detail",
        "message",
        "title",
        "error_description",
        "errorMessage",
        "error",
    ];
    let text_of = |v: &Value| -> Option<String> {
        KEYS.iter().filter_map(|k| v.get(*k)).find_map(|m| match m {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Object(_) => message_of(m),
            _ => None,
        })
    };
    if let Some(errors) = value.get("errors").and_then(Value::as_array) {
        let mut messages = errors.iter().filter_map(text_of);
        if let Some(first) = messages.next() {
            let more = messages.count();
            return Some(match more {
                0 => first,
                n => format!("{first} (and {n} more)"),
            });
        }
    }
    text_of(value)
}

/// The message of an answer body that was not the operation's error
/// document: its JSON message, else the title of an HTML page, else its first
/// non-blank line.
fn message_of_body(body: &[u8]) -> Option<String> {
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        if let Some(m) = message_of(&value) {
            return Some(m);
        }
    }
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    if trimmed.starts_with('<') {
        let lower = trimmed.to_ascii_lowercase();
        if let (Some(start), Some(end)) = (lower.find("<title>"), lower.find("</title>")) {
            if start + 7 <= end {
                let title = trimmed[start + 7..end].trim();
                if !title.is_empty() {
                    return Some(format!("an HTML page titled {title:?}"));
                }
            }
        }
        return Some("an HTML page".to_owned());
    }
    trimmed
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_owned)
}

/// `text` safe for one terminal line: control characters escaped (`\n`,
/// `\u{1b}`), at most `limit` characters (then `…`).
pub(crate) fn printable(text: &str, limit: usize) -> String {
    let mut out = String::with_capacity(text.len().min(limit + 8));
    for (count, c) in text.chars().enumerate() {
        if count == limit {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn messages_of_each_family_shape() {
        let cases = [
            (
                json!({"errors": [{"id": "x", "status": "404", "code": "ADMIN-404-1", "title": "Not Found", "detail": "No directory nope"}]}),
                "No directory nope",
            ),
            (
                json!({"errors": [{"title": "Bad"}, {"title": "Worse"}, {"title": "Worst"}]}),
                "Bad (and 2 more)",
            ),
            (
                json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "404", "detail": "User 12 not found"}),
                "User 12 not found",
            ),
            (
                json!({"code": 400, "message": "Invalid cursor"}),
                "Invalid cursor",
            ),
            (json!({"error": {"message": "nested"}}), "nested"),
        ];
        for (value, expected) in cases {
            assert_eq!(message_of(&value).as_deref(), Some(expected), "{value}");
        }
        assert_eq!(message_of(&json!({"code": 1})), None);
    }

    #[test]
    fn bodies_that_are_not_documents() {
        assert_eq!(
            message_of_body(b"<html><head><TITLE>502 Bad Gateway</TITLE></head></html>").as_deref(),
            Some("an HTML page titled \"502 Bad Gateway\"")
        );
        assert_eq!(
            message_of_body(b"\n\n  upstream timed out\nmore").as_deref(),
            Some("upstream timed out")
        );
        assert_eq!(message_of_body(b""), None);
    }

    #[test]
    fn printable_escapes_controls_and_bounds_length() {
        assert_eq!(printable("a\nb\u{1b}[31m", 100), "a\\nb\\u{1b}[31m");
        assert_eq!(printable("abcdef", 3), "abc…");
        assert_eq!(printable("::error::x", 100), "::error::x");
    }
}
