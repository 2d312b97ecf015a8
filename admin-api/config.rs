//! Building a client: keys, base URL, user agent, timeouts, retries, clock.
//!
//! ```no_run
//! # fn run() -> Result<(), atlassian_admin_api::config::ConfigError> {
//! // ATLASSIAN_ADMIN_API_KEY, ATLASSIAN_SCIM_API_KEY, ATLASSIAN_ORG_ID, ATLASSIAN_ADMIN_BASE_URL
//! let client = atlassian_admin_api::Client::from_env()?;
//! // With ATLASSIAN_ORG_ID set, `.org_id(...)` may be left out of every call.
//! # Ok(()) }
//! ```

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::auth::{
    Credentials, SecretToken, ENV_API_KEY, ENV_BASE_URL, ENV_ORG_ID, ENV_SCIM_API_KEY,
};
use crate::clock::{Clock, SystemClock};
use crate::limiter::{Pacing, SlidingWindow};
use crate::retry::RetryPolicy;
use crate::Client;

/// Where the Admin APIs live.
pub const DEFAULT_BASE_URL: &str = "https://api.atlassian.com";
/// Sent as `User-Agent` unless set otherwise.
pub const DEFAULT_USER_AGENT: &str = concat!("atlassian-admin-api/", env!("CARGO_PKG_VERSION"));

/// The hand-written state every generated [`Client`] carries: the keys, the
/// organization, the retry policy and the clock. Its `Debug` never shows a key.
#[derive(Clone, Debug)]
pub struct ClientState {
    pub(crate) credentials: Credentials,
    /// The organization operations use when `.org_id(...)` is not called.
    pub(crate) org_id: Option<String>,
    pub(crate) retry: RetryPolicy,
    pub(crate) clock: Arc<dyn Clock>,
    /// A rate limit that every HTTP attempt of one operation (retries
    /// included) must fit in; set by helpers such as the bulk move, it
    /// replaces the client's own pacing of that operation.
    pub(crate) limit: Option<OperationLimit>,
    /// The windows of the operations with a documented rate limit, shared
    /// by every clone; `None` when pacing is switched off.
    pub(crate) pacing: Option<Arc<Pacing>>,
}

/// Every attempt of `operation` takes a permit of `window`.
#[derive(Clone, Debug)]
pub(crate) struct OperationLimit {
    pub(crate) operation: &'static str,
    pub(crate) window: Arc<SlidingWindow>,
}

impl ClientState {
    /// State with these keys, the default retry policy and the system clock.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            org_id: None,
            retry: RetryPolicy::default(),
            clock: Arc::new(SystemClock),
            limit: None,
            pacing: Some(Arc::default()),
        }
    }

    /// The organization operations use when `.org_id(...)` is not called
    /// ([`ClientBuilder::org_id`], or [`ENV_ORG_ID`] with [`ClientBuilder::from_env`]).
    pub fn org_id(&self) -> Option<&str> {
        self.org_id.as_deref()
    }

    /// The configured organization, or the message a call without
    /// `.org_id(...)` fails with (where a builder starts its `org_id`).
    #[doc(hidden)]
    pub fn configured_org_id(&self) -> Result<String, String> {
        self.org_id.clone().ok_or_else(|| {
            format!(
                "the required parameter `org_id` was not set: call `.org_id(...)`, \
                 or configure the client's organization (ClientBuilder::org_id or {ENV_ORG_ID})"
            )
        })
    }

    /// The retry policy in force.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The clock the client waits with.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Whether the client paces the operations whose rate limit the spec
    /// documents ([`ClientBuilder::pace_rate_limits`]).
    pub fn paces_rate_limits(&self) -> bool {
        self.pacing.is_some()
    }
}

impl Default for ClientState {
    /// No keys (requests go out unauthenticated), default retries, system clock.
    fn default() -> Self {
        Self::new(Credentials::default())
    }
}

/// A client could not be built.
#[derive(Debug)]
#[non_exhaustive]
pub enum ConfigError {
    /// No key was given, and neither key variable is set.
    MissingKey,
    /// The base URL is not an absolute `http(s)` URL.
    InvalidBaseUrl(String),
    /// reqwest could not build its client (TLS backend, for example).
    Http(reqwest::Error),
    /// The TLS configuration could not be built (no usable platform roots,
    /// for example).
    Tls(Box<dyn std::error::Error + Send + Sync>),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingKey => write!(
                f,
                "no API key: set {ENV_API_KEY} (organization key) or {ENV_SCIM_API_KEY} (SCIM directory key)"
            ),
            ConfigError::InvalidBaseUrl(url) => {
                write!(f, "invalid base URL {url:?}: expected http(s)://host[:port][/path]")
            }
            ConfigError::Http(e) => write!(f, "cannot build the HTTP client: {e}"),
            ConfigError::Tls(e) => write!(f, "cannot set up TLS: {e}"),
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Http(e) => Some(e),
            ConfigError::Tls(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

/// Builds a [`Client`]; start with [`Client::builder`].
#[derive(Debug)]
pub struct ClientBuilder {
    base_url: String,
    credentials: Credentials,
    org_id: Option<String>,
    user_agent: String,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    clock: Arc<dyn Clock>,
    http: Option<reqwest::Client>,
    pace: bool,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            credentials: Credentials::default(),
            org_id: None,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            clock: Arc::new(SystemClock),
            http: None,
            pace: true,
        }
    }
}

impl ClientBuilder {
    /// Defaults: `https://api.atlassian.com`, no key, 30 s request timeout,
    /// 10 s connect timeout, default retries.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads [`ENV_API_KEY`], [`ENV_SCIM_API_KEY`], [`ENV_ORG_ID`] and
    /// [`ENV_BASE_URL`] (each optional here; [`build`](Self::build) wants at
    /// least one key).
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`from_env`](Self::from_env), reading variables through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let present = |name| lookup(name).filter(|v: &String| !v.trim().is_empty());
        let mut builder = Self::new();
        builder.credentials.api_key = present(ENV_API_KEY).map(SecretToken::new);
        builder.credentials.scim_api_key = present(ENV_SCIM_API_KEY).map(SecretToken::new);
        builder.org_id = present(ENV_ORG_ID).map(|id| id.trim().to_owned());
        if let Some(url) = present(ENV_BASE_URL) {
            builder.base_url = url;
        }
        builder
    }

    /// The organization API key (for every path except `/scim/...`).
    pub fn api_key(mut self, key: impl Into<SecretToken>) -> Self {
        self.credentials.api_key = Some(key.into());
        self
    }

    /// The SCIM directory key (for `/scim/...` paths).
    pub fn scim_api_key(mut self, key: impl Into<SecretToken>) -> Self {
        self.credentials.scim_api_key = Some(key.into());
        self
    }

    /// The organization every operation with an `org_id` parameter uses
    /// unless the call sets `.org_id(...)` itself.
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Another base URL: a local test server, a proxy.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = agent.into();
        self
    }

    /// Time limit of one attempt, from connecting to the end of the body.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Time limit for establishing a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How failed requests are retried; [`RetryPolicy::disabled`] switches it off.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The clock used for every wait (tests pass a `clock::ManualClock`, with the `test-util` feature).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Whether to keep to the rate limits the API documents (on by default).
    /// An operation with one ([`rate_limits`](crate::rate_limits): the audit
    /// events, last-active dates, authentication-policy moves) then waits,
    /// on the client's clock, for room in its window before each request,
    /// so that the server need not answer `429`. The windows are shared by
    /// every clone of the client. Switch it off when something else paces
    /// the calls, or the organization has been granted higher limits.
    pub fn pace_rate_limits(mut self, pace: bool) -> Self {
        self.pace = pace;
        self
    }

    /// Use this reqwest client as is (the user agent and timeouts set here
    /// are then not applied). Start it from [`crate::tls::client_builder`]
    /// to keep this crate's TLS set-up, and add
    /// `.redirect(reqwest::redirect::Policy::none())` to keep the default
    /// client's promise that no body or key follows a redirect.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Builds the client; fails without any key or with a bad base URL.
    pub fn build(self) -> Result<Client, ConfigError> {
        if self.credentials.api_key.is_none() && self.credentials.scim_api_key.is_none() {
            return Err(ConfigError::MissingKey);
        }
        let base_url = normalize_base_url(&self.base_url)?;
        let http = match self.http {
            Some(client) => client,
            // The Admin APIs never redirect. Following one would re-send a
            // POST body (users' emails) to wherever `Location` points, and a
            // key to a path of the other key's family: a 3xx is returned to
            // the caller as an error instead, status and `Location` kept.
            None => crate::tls::client_builder()?
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(self.user_agent)
                .timeout(self.timeout)
                .connect_timeout(self.connect_timeout)
                .build()
                .map_err(ConfigError::Http)?,
        };
        let state = ClientState {
            credentials: self.credentials,
            org_id: self.org_id,
            retry: self.retry,
            clock: self.clock,
            limit: None,
            pacing: self.pace.then(Arc::default),
        };
        Ok(Client::new_with_client(&base_url, http, state))
    }
}

/// Checks the URL and drops a trailing `/` (generated paths start with `/`).
fn normalize_base_url(url: &str) -> Result<String, ConfigError> {
    let parsed =
        reqwest::Url::parse(url).map_err(|_| ConfigError::InvalidBaseUrl(url.to_owned()))?;
    if !matches!(parsed.scheme(), "http" | "https") || !parsed.has_host() {
        return Err(ConfigError::InvalidBaseUrl(url.to_owned()));
    }
    Ok(url.trim_end_matches('/').to_owned())
}

impl Client {
    /// A builder for a client with keys, base URL, timeouts and retries.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client for `https://api.atlassian.com` with the organization API key.
    pub fn with_api_key(key: impl Into<SecretToken>) -> Result<Client, ConfigError> {
        ClientBuilder::new().api_key(key).build()
    }

    /// A client from the environment: [`ENV_API_KEY`] and/or
    /// [`ENV_SCIM_API_KEY`], and optionally [`ENV_ORG_ID`] and [`ENV_BASE_URL`].
    pub fn from_env() -> Result<Client, ConfigError> {
        ClientBuilder::from_env().build()
    }

    /// The hand-written state: keys, retry policy, clock.
    pub fn state(&self) -> &ClientState {
        &self.inner
    }
}

/// The same client (connection pool, keys, retries, clock) whose every HTTP
/// attempt of `operation` waits for a permit of `window`. A free function, so
/// that it takes no method name from the generated operations.
pub(crate) fn limited(
    client: &Client,
    operation: &'static str,
    window: Arc<SlidingWindow>,
) -> Client {
    let state = ClientState {
        limit: Some(OperationLimit { operation, window }),
        ..client.inner.clone()
    };
    Client::new_with_client(&client.baseurl, client.client.clone(), state)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn environment_gives_both_keys_and_the_base_url() {
        let client = ClientBuilder::from_lookup(env(&[
            (ENV_API_KEY, "org-key"),
            (ENV_SCIM_API_KEY, "scim-key"),
            (ENV_BASE_URL, "http://127.0.0.1:9/stem/"),
        ]))
        .build()
        .expect("client");
        let creds = &client.state().credentials;
        assert_eq!(
            creds.api_key.as_ref().map(SecretToken::expose),
            Some("org-key")
        );
        assert_eq!(
            creds.scim_api_key.as_ref().map(SecretToken::expose),
            Some("scim-key")
        );
        assert_eq!(client.baseurl, "http://127.0.0.1:9/stem");
    }

    #[test]
    fn no_key_or_a_bad_url_is_refused_with_the_variable_names() {
        let err = ClientBuilder::from_lookup(env(&[(ENV_API_KEY, "  ")]))
            .build()
            .expect_err("blank key");
        assert!(err.to_string().contains(ENV_API_KEY));
        assert!(err.to_string().contains(ENV_SCIM_API_KEY));
        let err = Client::builder()
            .api_key("k")
            .base_url("api.atlassian.com")
            .build()
            .expect_err("no scheme");
        assert!(matches!(err, ConfigError::InvalidBaseUrl(_)));
    }
}
