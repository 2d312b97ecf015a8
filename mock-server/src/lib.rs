//! A local twin of an Atlassian organization: the Admin APIs of the curated
//! spec, served on 127.0.0.1 over in-memory state.
//!
//! The spec (`spec/atlassian-admin.yaml`, embedded) drives the routing, the
//! request validation (parameters and bodies against their schemas), the
//! keys (the organization key, or the SCIM key on `/scim/...`, as each
//! operation's `security` says), each operation's pagination style and its
//! rate limit (429 with `Retry-After` and `X-RateLimit-*`). Handlers over one
//! org's state answer the operations the twin models; a write shows in the
//! reads that cover it and appends an audit event. An operation it does not
//! model answers 501 naming it, never made-up data. Failures come in each
//! family's error shape. Faults ([`Fault`]) can be injected per operation or
//! at random from a seed.
//!
//! [`MockAdminApi`] keeps a seeded organization ([`Org::seeded`]: 45 users,
//! 8 groups, two authentication policies, two domains, 25 audit events), or
//! one from a seed file ([`seed`]); requests need `Authorization: Bearer`
//! [`API_KEY`] ([`SCIM_API_KEY`] for SCIM). The binary `atlassian-admin-twin
//! serve [SEED]` serves it from the command line. The generic [`Server`] also
//! serves hand-written handlers.
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
mod faults;
mod http;
mod ops;
mod org;
pub mod schema;
pub mod seed;
pub mod spec;
mod twin;

pub use errors::ApiError;
pub use faults::{Fault, FaultKind};
pub use http::{Handler, Reply, Request, Server, Wire};
pub use org::{
    rfc3339, ApiToken, AuthPolicy, ControlPolicy, Domain, Event, Group, OAuthClient, Org,
    OrgApiKey, RoleGrant, ServiceAccount, Task, User, EVENTS_START_MS, EVENT_COUNT,
};
pub use twin::{LoggedRequest, MockAdminApi, API_KEY, SCIM_API_KEY};
