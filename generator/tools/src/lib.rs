//! The maintainers' tools around the curated spec, kept out of the client's
//! build: none of this is compiled by a user of `atlassian-admin-api`.
//!
//! - [`surface`]: a plain-text listing of the generated public API, for the
//!   snapshot test that shows every change users feel.
//! - [`diff`]: what a spec change means for users of the client.
//! - [`changelog`]: release notes of a spec change, the semver bump it
//!   requires, and the check that the crate's version and `CHANGELOG.md`
//!   declare it.
//! - [`drift`]: the curated spec against Atlassian's official files, field by
//!   field, under the deviations recorded in `spec/deviations.yaml`.
//! - [`e2e`] and [`sample`]: end-to-end cases generated from the spec.
//! - [`inventory`]: the operations of Atlassian's official files, for the
//!   coverage test.
//! - [`index`]: the operation index users read (`docs/OPERATIONS.md`).
//!
//! The `admin-api-gen` binary puts them (and the generator's `check` and
//! `generate`) on the command line.

#![warn(missing_docs)]

pub mod changelog;
pub mod diff;
pub mod drift;
pub mod e2e;
mod generated;
pub mod index;
pub mod inventory;
pub mod sample;
pub mod surface;

pub use surface::render_surface;
