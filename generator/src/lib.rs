//! Turns the curated Atlassian Admin OpenAPI document into a Rust client.
//!
//! The pipeline is `load` (YAML into `openapiv3`, with located parse errors) →
//! `generate` (progenitor, builder interface, formatted with prettyplease) →
//! `surface` (a plain-text listing of the generated public API for review).
//! `build.rs` of the client crate calls [`build_client`]; the `admin-api-gen`
//! binary exposes the same steps on the command line.

#![warn(missing_docs)]

pub mod diff;
pub mod e2e;
pub mod generate;
pub mod httpmock;
pub mod inventory;
pub mod load;
pub mod open_enum;
pub mod query_style;
pub mod sample;
pub mod surface;

use std::fmt;
use std::path::Path;

pub use generate::generate_client;
pub use httpmock::generate_httpmock;
pub use load::{load_spec, Spec};
pub use surface::render_surface;

/// Any failure on the way from a spec file to generated code.
#[derive(Debug)]
pub enum Error {
    /// The spec could not be read or parsed.
    Load(load::LoadError),
    /// progenitor rejected the spec (or panicked on it).
    Generate(generate::GenerateError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(e) => e.fmt(f),
            Error::Generate(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<load::LoadError> for Error {
    fn from(e: load::LoadError) -> Self {
        Error::Load(e)
    }
}

impl From<generate::GenerateError> for Error {
    fn from(e: generate::GenerateError) -> Self {
        Error::Generate(e)
    }
}

/// Loads the spec at `path` and returns the formatted client source.
pub fn build_client(path: &Path) -> Result<String, Error> {
    let spec = load_spec(path)?;
    Ok(generate_client(&spec)?)
}
