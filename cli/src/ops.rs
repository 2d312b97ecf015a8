//! The generated per-operation commands (`OUT_DIR/commands.rs`, from
//! `build.rs`) and the little runtime they use: turning command-line strings
//! into the typed builders' parameter types, and answers into JSON.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::CliError;

/// One parameter of an operation.
#[derive(Debug)]
pub struct Param {
    /// Its name in the spec (`orgId`).
    pub name: &'static str,
    /// Its command-line flag, without `--` (`org-id`).
    pub flag: &'static str,
    /// `path`, `query` or `header`.
    pub location: &'static str,
    /// Whether the API requires it.
    pub required: bool,
}

/// One operation of the spec, as a command.
#[derive(Debug)]
pub struct Operation {
    /// The command family (`organization`, `control`, `api-access`, `user-management`, `scim`).
    pub family: &'static str,
    /// The command name: the operationId in kebab case.
    pub name: &'static str,
    /// The spec's operationId.
    pub operation_id: &'static str,
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path template.
    pub path: &'static str,
    /// Its parameters.
    pub params: &'static [Param],
    /// Whether it takes a JSON body.
    pub body: bool,
    /// Whether it pages (`--all` streams every page).
    pub paginated: bool,
    /// Which key it needs: `organization`, `scim` or `none`.
    pub key: &'static str,
}

/// What a generated arm reads from the command line.
pub trait Arguments {
    /// The raw value of `--flag`, if given.
    fn param(&self, flag: &str) -> Option<&str>;
    /// The JSON body, if given.
    fn body(&self) -> Option<&Value>;
    /// Whether every page is wanted (`--all`).
    fn all(&self) -> bool;
}

/// A parameter value of type `T` from its command-line text: JSON first
/// (numbers, booleans, arrays), then the text as a JSON string, then a
/// comma-separated list.
pub fn parse<T: DeserializeOwned>(flag: &str, raw: &str) -> Result<T, CliError> {
    if let Ok(v) = serde_json::from_str(raw) {
        return Ok(v);
    }
    if let Ok(v) = serde_json::from_value(Value::String(raw.to_owned())) {
        return Ok(v);
    }
    let list = raw
        .split(',')
        .map(|s| Value::String(s.trim().to_owned()))
        .collect();
    serde_json::from_value(Value::Array(list))
        .map_err(|e| CliError::usage(format!("--{flag} {raw:?}: {e}")))
}

/// The request body as the operation's body type.
pub fn body<T: DeserializeOwned>(v: &Value) -> Result<T, CliError> {
    serde_json::from_value(v.clone())
        .map_err(|e| CliError::usage(format!("the body does not fit the operation: {e}")))
}

/// An answer as JSON.
pub fn json<T: Serialize>(v: T) -> Result<Value, CliError> {
    serde_json::to_value(v).map_err(|e| CliError::api(format!("cannot render the answer: {e}")))
}

/// A failed request as a message: the client's one line (operation, status,
/// the API's message).
pub fn api_error<E: Serialize + std::fmt::Debug>(e: atlassian_admin_api::Error<E>) -> CliError {
    CliError::api(e.to_string())
}

/// A failed page of a stream: the request's error, or a cycle the client
/// refused to follow.
pub fn page_error<E: Serialize + std::fmt::Debug>(
    e: atlassian_admin_api::pagination::PageError<E>,
) -> CliError {
    match e {
        atlassian_admin_api::pagination::PageError::Request(e) => api_error(e),
        other => CliError::api(other.to_string()),
    }
}

macro_rules! send {
    ($b:expr, $a:expr, $sink:expr) => {{
        let _ = (&$a, &$sink);
        let answer = $b.send().await.map_err(api_error)?;
        Ok(Some(json(answer.into_inner())?))
    }};
}

macro_rules! send_or_stream {
    ($b:expr, $a:expr, $sink:expr) => {{
        if $a.all() {
            use futures::StreamExt as _;
            let mut items = $b.items();
            while let Some(item) = items.next().await {
                $sink(json(item.map_err(page_error)?)?)?;
            }
            Ok(None)
        } else {
            send!($b, $a, $sink)
        }
    }};
}

include!(concat!(env!("OUT_DIR"), "/commands.rs"));
