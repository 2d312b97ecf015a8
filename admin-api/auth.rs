//! API keys: kept out of `Debug`, logs and errors, and attached per request.
//!
//! The organization API key and the SCIM directory key are different secrets:
//! an organization key cannot call `/scim/...` and a SCIM key can call nothing
//! else. A client may hold both; each request gets the one its operation
//! needs, as the spec's `security` requirement says (a table generated from
//! it, keyed by operation), never guessed from the URL.

use std::fmt;

use reqwest::header::{HeaderValue, AUTHORIZATION};

/// Environment variable holding the organization API key (Bearer token).
pub const ENV_API_KEY: &str = "ATLASSIAN_ADMIN_API_KEY";
/// Environment variable holding the SCIM directory API key (Bearer token).
pub const ENV_SCIM_API_KEY: &str = "ATLASSIAN_SCIM_API_KEY";
/// Environment variable holding the organization ID (used by the examples).
pub const ENV_ORG_ID: &str = "ATLASSIAN_ORG_ID";
/// Environment variable overriding the base URL (tests, proxies).
pub const ENV_BASE_URL: &str = "ATLASSIAN_ADMIN_BASE_URL";

/// A bearer token that never prints: `Debug` and `Display` show `***`.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        Self(token.into())
    }

    /// The token itself, for the one place that needs it: the request header.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The `Authorization: Bearer ...` value, marked sensitive so that
    /// reqwest and hyper redact it from their own debug output.
    pub(crate) fn header_value(&self) -> Option<HeaderValue> {
        let mut value = HeaderValue::from_str(&format!("Bearer {}", self.0)).ok()?;
        value.set_sensitive(true);
        Some(value)
    }
}

impl fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretToken(***)")
    }
}

impl fmt::Display for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for SecretToken {
    fn from(token: String) -> Self {
        Self(token)
    }
}

impl From<&str> for SecretToken {
    fn from(token: &str) -> Self {
        Self(token.to_owned())
    }
}

/// The keys a client holds.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Credentials {
    /// The organization API key, for the operations whose security scheme
    /// is the organization key.
    pub api_key: Option<SecretToken>,
    /// The SCIM directory key, for the SCIM provisioning operations.
    pub scim_api_key: Option<SecretToken>,
}

/// Which of the client's keys an operation needs (the `x-credential` of its
/// security scheme in the spec).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// The organization API key.
    Organization,
    /// The SCIM directory key.
    Scim,
}

impl Credentials {
    /// Keys from an organization key and a SCIM directory key, either optional.
    pub fn new(api_key: Option<SecretToken>, scim_api_key: Option<SecretToken>) -> Self {
        Self {
            api_key,
            scim_api_key,
        }
    }

    /// The key of `kind`, if the client holds it.
    pub(crate) fn key(&self, kind: KeyKind) -> Option<&SecretToken> {
        match kind {
            KeyKind::Organization => self.api_key.as_ref(),
            KeyKind::Scim => self.scim_api_key.as_ref(),
        }
    }

    /// Sets `Authorization` on `request` with the key `operation` needs (none
    /// for an operation the spec lists no key for), unless the caller already
    /// set one.
    pub(crate) fn authorize(&self, request: &mut reqwest::Request, operation: &str) {
        if request.headers().contains_key(AUTHORIZATION) {
            return;
        }
        let key = crate::generated::key_for_operation(operation).and_then(|kind| self.key(kind));
        if let Some(value) = key.and_then(SecretToken::header_value) {
            request.headers_mut().insert(AUTHORIZATION, value);
        }
    }
}
