//! A typed client for the Atlassian Cloud Admin APIs.
//!
//! The client is generated at build time by [progenitor] from the curated
//! OpenAPI document `spec/atlassian-admin.yaml`: every operation is a method
//! on [`Client`] returning a builder; set the parameters, then `send()`.
//!
//! ```no_run
//! use atlassian_admin_api::Client;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! // ATLASSIAN_ADMIN_API_KEY (and optionally ATLASSIAN_ADMIN_BASE_URL)
//! let client = Client::from_env()?;
//! let status = client
//!     .get_auth_policy_task_status()
//!     .org_id("my-org-id")
//!     .task_id("358d916a-aed3-474a-9ae0-17def3bad866")
//!     .send()
//!     .await?;
//! println!("moved: {:?}, failed: {:?}", status.success_count, status.failure_count);
//! # Ok(())
//! # }
//! ```
//!
//! The hand-written runtime around the generated code: [`config`] (building a
//! client from a key or the environment), [`auth`] (keys that never print),
//! [`retry`] (429 and 5xx handling), [`pagination`] (page and item streams),
//! [`auth_policy`] (bulk moves into an authentication policy), `audit_export`
//! (a resumable, lossless audit-log export; with `organization`), [`response`]
//! (errors that keep the status and a bounded body, whatever the answer).
//!
//! Each API family is a cargo feature, all on by default (`full`):
//! `organization`, `control`, `api-access`, `user-management` and `scim`. A
//! crate that uses one or two builds faster with only those, for example
//! `default-features = false, features = ["rustls", "control"]`; the bulk
//! move ([`auth_policy`]) comes with `control`.
//!
//! TLS comes from rustls with the ring provider by default (quick to build);
//! with `default-features = false`, enable `rustls-aws-lc` for reqwest's own
//! rustls set-up (aws-lc-rs) or `native-tls` for the platform library.
//!
//! [progenitor]: https://github.com/oxidecomputer/progenitor
// Without `control` the bulk move is not compiled: its links go to the docs.rs page of this version.
#![cfg_attr(feature = "control", doc = "[`auth_policy`]: crate::auth_policy")]
#![cfg_attr(
    not(feature = "control"),
    doc = concat!(
        "[`auth_policy`]: https://docs.rs/atlassian-admin-api/",
        env!("CARGO_PKG_VERSION"),
        "/atlassian_admin_api/auth_policy/"
    )
)]
#![warn(missing_docs)]
// docs.rs (`--cfg docsrs`, nightly) marks each item gated on a feature with that feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
// The runtime helpers that one family's generated code calls (SCIM's index
// paging, the SCIM key, link paging, the add-users limiter) are unused when
// that family is off.
#![cfg_attr(
    not(all(
        feature = "organization",
        feature = "control",
        feature = "api-access",
        feature = "user-management",
        feature = "scim"
    )),
    allow(dead_code)
)]

#[allow(missing_docs, clippy::all, clippy::pedantic, rustdoc::all)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/atlassian_admin_api.rs"));
}

pub use generated::*;

#[cfg(feature = "organization")]
pub mod audit_export;
pub mod auth;
#[cfg(feature = "control")]
pub mod auth_policy;
pub mod clock;
pub mod config;
pub mod error;
mod hooks;
pub mod limiter;
#[cfg(all(feature = "organization", feature = "user-management"))]
pub mod offboard;
pub mod pagination;
pub mod raw;
pub mod response;
pub mod retry;
pub mod time;
pub mod tls;

/// The README's examples compile as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use auth::SecretToken;
pub use config::{ClientBuilder, ClientState, ConfigError};
pub use error::Error;
pub use pagination::Page;
pub use raw::Raw;
pub use retry::RetryPolicy;
pub use time::EpochMillis;
