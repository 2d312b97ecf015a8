//! Turns the curated Atlassian Admin OpenAPI document into a Rust client.
//!
//! The pipeline is `load` (YAML into `openapiv3`, with located parse errors) →
//! `check` (rules with located diagnostics, run before every generation) →
//! `generate` (progenitor, builder interface, open enums, the runtime tables
//! the spec's `x-` extensions declare, formatted with prettyplease); beside it
//! `httpmock` (typed mocks). `build.rs` of the client crate calls [`build`].
//!
//! This crate is the client's build dependency, so it holds nothing else: the
//! maintainers' tools (surface listing, spec diff, e2e cases, inventory, the
//! `admin-api-gen` binary) are in `atlassian-admin-tools` beside it.

#![warn(missing_docs)]

mod blame;
pub mod check;
pub mod diagnostic;
pub mod extensions;
pub mod features;
pub mod generate;
mod httpmock;
pub mod load;
pub mod model;
pub mod position;
pub mod printable;

use std::fmt;
use std::path::Path;

pub use check::{check_file, check_text, Checked};
pub use diagnostic::{Diagnostic, Report, Severity};
pub use generate::generate_client;
pub use httpmock::generate_httpmock;
pub use load::{load_spec, Spec};

/// Any failure on the way from a spec file to generated code.
#[derive(Debug)]
pub enum Error {
    /// The spec could not be read or parsed.
    Load(load::LoadError),
    /// progenitor rejected the spec (or panicked on it).
    Generate(generate::GenerateError),
    /// `check` (or a located generation failure) found errors; the report
    /// holds every diagnostic, warnings included.
    Check(diagnostic::Report),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(e) => e.fmt(f),
            Error::Generate(e) => e.fmt(f),
            Error::Check(r) => r.fmt(f),
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

/// A generated client and the warnings `check` found on the way.
#[derive(Debug)]
pub struct Built {
    /// The formatted client source.
    pub code: String,
    /// The check report: warnings only, since errors stop the build.
    pub report: Report,
    /// The spec it was generated from.
    pub spec: Spec,
}

/// Loads the spec at `path`, checks it, and generates the client, keeping
/// the warnings for the caller to show. Fails with [`Error::Check`] when
/// `check` finds an error, or when progenitor fails anyway (then naming the
/// operation concerned).
pub fn build(path: &Path) -> Result<Built, Error> {
    build_features(path, |_| true)
}

/// [`build`] for the cargo features `enabled` says are on: the operations of
/// the enabled `x-feature`s (every operation when the spec declares none).
/// The whole spec is checked whatever is enabled. The other families'
/// operations get hidden methods whose calls fail to compile naming the
/// feature to enable ([`generate::feature_stubs`]). With none enabled, the
/// code is the whole client behind a `compile_error!` naming the features,
/// so the one error a user sees says what to do.
pub fn build_features(path: &Path, enabled: impl Fn(&str) -> bool) -> Result<Built, Error> {
    let Checked { mut report, spec } = check_file(path);
    let spec = match spec {
        Some(spec) if !report.has_errors() => spec,
        _ => return Err(Error::Check(report)),
    };
    let selection = features::Selection::from_enabled(&spec.openapi, enabled);
    let none_enabled = selection == features::Selection::Features(Default::default());
    let generated = if none_enabled {
        generate_client(&spec).map(|code| no_feature_error(&spec) + &code)
    } else {
        generate_client(&features::select(&spec, &selection))
            .and_then(|code| Ok(code + &generate::feature_stubs(&spec, &selection)?))
    };
    match generated {
        Ok(code) => Ok(Built { code, report, spec }),
        Err(e) => {
            report.diagnostics.extend(blame::blame(&spec, &e));
            report.locate(&position::PositionIndex::new(&spec.text));
            Err(Error::Check(report))
        }
    }
}

/// The `compile_error!` of a build that enables no API family.
fn no_feature_error(spec: &Spec) -> String {
    let declared: Vec<String> = features::declared(&spec.openapi)
        .iter()
        .map(|f| format!("`{f}`"))
        .collect();
    let message = format!(
        "atlassian-admin-api: no API family is enabled. Enable the `full` feature for all of them, \
         or the ones you use: {}",
        declared.join(", ")
    );
    format!("::core::compile_error!({message:?});\n")
}
