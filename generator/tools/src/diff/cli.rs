//! The `diff` subcommand: arguments in, report and verdict out.

use std::fmt;
use std::path::Path;

use super::render::{render, Format, Target};
use super::source::{Source, SourceError};
use super::{diff, Threshold};

/// Usage of the `diff` subcommand.
pub const USAGE: &str = "\
usage: admin-api-gen diff OLD NEW [--format text|markdown|json|github] [--fail-on [rust:|contract:]LEVEL]...

OLD and NEW are spec files or REV:PATH read with `git show` (e.g. origin/main:spec/atlassian-admin.yaml).
Each change has two levels: `rust` (code using the regenerated crate) and `contract` (clients built
from the old spec, calling the new API). --fail-on exits with status 1 when a change of LEVEL
(breaking or potentially-breaking) or worse is found at that scope; without a prefix it means the
Rust level. It may be given several times: any threshold crossed fails.";

/// Why `diff` could not compare.
#[derive(Debug)]
#[non_exhaustive]
pub enum CliError {
    /// Bad arguments (or `--help`); the message includes the usage.
    Usage(String),
    /// One of the two specs could not be read.
    Source(SourceError),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::Source(e) => write!(f, "error: {e}"),
        }
    }
}

impl std::error::Error for CliError {}

/// What the subcommand printed, and whether `--fail-on` was triggered.
#[derive(Debug)]
pub struct Outcome {
    /// The rendered report.
    pub output: String,
    /// A change at or above a `--fail-on` threshold exists.
    pub failed: bool,
}

/// Runs `diff` with the arguments after the subcommand name; git runs in the current directory.
pub fn run(args: &[String]) -> Result<Outcome, CliError> {
    let mut sources = Vec::new();
    let mut format = Format::Text;
    let mut fail_on: Vec<Threshold> = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => {
                let value = iter.next().map(String::as_str).unwrap_or("");
                format = Format::from_id(value).ok_or_else(|| {
                    CliError::Usage(format!("unknown format `{value}`\n\n{USAGE}"))
                })?;
            }
            "--fail-on" => {
                let value = iter.next().map(String::as_str).unwrap_or("");
                let threshold = Threshold::parse(value).ok_or_else(|| {
                    CliError::Usage(format!("unknown --fail-on level `{value}`\n\n{USAGE}"))
                })?;
                fail_on.push(threshold);
            }
            "-h" | "--help" => return Err(CliError::Usage(USAGE.to_owned())),
            other => sources.push(Source::parse(other)),
        }
    }
    let [old, new] =
        <[Source; 2]>::try_from(sources).map_err(|_| CliError::Usage(USAGE.to_owned()))?;
    let repo = Path::new(".");
    // The two sides parse on two threads: parsing is most of a diff's time, and the sides are independent.
    let (old_spec, new_spec) = std::thread::scope(|scope| {
        let old_side = scope.spawn(|| old.load(repo));
        let new_spec = new.load(repo);
        let old_spec = old_side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old_spec, new_spec)
    });
    let (old_spec, new_spec) = (
        old_spec.map_err(CliError::Source)?,
        new_spec.map_err(CliError::Source)?,
    );
    let report = diff(&old_spec.openapi, &new_spec.openapi);
    let file = new.file_path().to_string_lossy();
    let target = Target {
        file: &file,
        text: &new_spec.text,
    };
    Ok(Outcome {
        output: render(&report, format, target),
        failed: fail_on.iter().any(|t| report.crosses(*t)),
    })
}
