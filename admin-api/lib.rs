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
//! let client = Client::new("https://api.atlassian.com");
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
//! TLS comes from rustls by default; enable the `native-tls` feature (with
//! `default-features = false`) to use the platform library instead.
//!
//! [progenitor]: https://github.com/oxidecomputer/progenitor

#![warn(missing_docs)]

#[allow(missing_docs, clippy::all, clippy::pedantic, rustdoc::all)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/atlassian_admin_api.rs"));
}

pub use generated::*;
