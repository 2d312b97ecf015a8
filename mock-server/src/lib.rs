//! An in-memory stand-in for the Atlassian Admin APIs, served on 127.0.0.1.
//!
//! [`MockAdminApi`] keeps a small seeded organization ([`Org::seeded`]): 45
//! directory users and 8 groups (searchable with cursor pagination), user
//! suspension and restoration, group memberships, two authentication
//! policies, add-users tasks that complete after a couple of status polls,
//! and the bulk lookup of users' policies. Requests need
//! `Authorization: Bearer` [`API_KEY`]; malformed ones get the family's error
//! body (`OrganizationErrors` / `ControlErrors` of the spec) with the right
//! status. The quickstart example and the tests of this workspace use it; the
//! generic [`Server`] also serves hand-written handlers.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use atlassian_admin_mock_server::{MockAdminApi, Server};
//!
//! let api = MockAdminApi::default();
//! let server = Server::start(api.handler()).await?;
//! println!("serving {} on {}", api.snapshot().org_name, server.base_url());
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod errors;
mod http;
mod org;
mod routes;

pub use errors::ApiError;
pub use http::{Handler, Reply, Request, Server};
pub use org::{AuthPolicy, Group, Org, User};
pub use routes::{MockAdminApi, API_KEY, EVENTS_START_MS, EVENT_COUNT};
