//! The `drift` subcommand: arguments in, report and verdict out.

use std::fmt;
use std::path::PathBuf;

use admin_api_generator::load::{load_spec, LoadError};

use super::deviations::{Deviations, DeviationsError};
use super::official::{expand, Official};
use super::record::{today_utc, OfficialFacts, Record, RecordError};
use super::render::{render, Format};
use super::{drift, Report};

/// Usage of the `drift` subcommand.
pub const USAGE: &str = "\
usage: admin-api-gen drift [--spec SPEC] [--deviations FILE] [--format text|markdown|json|deviations]
                           [--deny-stale] [--write-record RECORD] OFFICIAL...
       admin-api-gen drift [--spec SPEC] [--deviations FILE] [--format ...] [--deny-stale] --from-record RECORD

OFFICIAL: Atlassian's official files, or directories of them (their .json/.yaml files in name order);
an operation in several current files is compared with the first. SPEC defaults to
spec/atlassian-admin.yaml, FILE to spec/deviations.yaml. Exits 1 on unrecorded drift (and, with
--deny-stale, on recorded deviations that match nothing); 2 on errors.
--write-record RECORD also writes what the project records of the files (hashes, versions, the facts
compared; spec/official-record.json), keeping the entries of files not given and the date of content
that did not change. --from-record RECORD compares with such a record instead of the files.
--format deviations prints the drift as entries for the deviations file (to complete with a reason).";

/// Why `drift` could not run.
#[derive(Debug)]
pub enum CliError {
    /// Bad arguments; the message includes the usage.
    Usage(String),
    /// A spec (curated or official) could not be read.
    Load(LoadError),
    /// The deviations file could not be read.
    Deviations(DeviationsError),
    /// A directory of official files could not be listed.
    Io(PathBuf, std::io::Error),
    /// The record could not be read or written.
    Record(RecordError),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::Load(e) => write!(f, "error: {e}"),
            CliError::Deviations(e) => write!(f, "error: {e}"),
            CliError::Io(path, e) => write!(f, "error: {}: {e}", path.display()),
            CliError::Record(e) => write!(f, "error: {e}"),
        }
    }
}

impl std::error::Error for CliError {}

/// What the subcommand printed, and whether it fails.
#[derive(Debug)]
pub struct Outcome {
    /// The rendered report.
    pub output: String,
    /// Unrecorded drift was found (or stale deviations, with `--deny-stale`).
    pub failed: bool,
    /// The report itself.
    pub report: Report,
}

/// Runs `drift` with the arguments after the subcommand name.
pub fn run(args: &[String]) -> Result<Outcome, CliError> {
    let usage = |message: String| CliError::Usage(format!("{message}\n\n{USAGE}"));
    let mut spec = PathBuf::from("spec/atlassian-admin.yaml");
    let mut deviations_path = PathBuf::from("spec/deviations.yaml");
    let mut format = Format::Text;
    let mut deny_stale = false;
    let mut officials = Vec::new();
    let mut write_record: Option<PathBuf> = None;
    let mut from_record: Option<PathBuf> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().cloned().unwrap_or_default();
        match arg.as_str() {
            "--spec" => spec = PathBuf::from(value()),
            "--deviations" => deviations_path = PathBuf::from(value()),
            "--format" => {
                let id = value();
                format =
                    Format::from_id(&id).ok_or_else(|| usage(format!("unknown format `{id}`")))?;
            }
            "--deny-stale" => deny_stale = true,
            "--write-record" => write_record = Some(PathBuf::from(value())),
            "--from-record" => from_record = Some(PathBuf::from(value())),
            "-h" | "--help" => return Err(CliError::Usage(USAGE.to_owned())),
            other if other.starts_with('-') => {
                return Err(usage(format!("unknown option `{other}`")))
            }
            other => officials.push(PathBuf::from(other)),
        }
    }
    let deviations = Deviations::load(&deviations_path).map_err(CliError::Deviations)?;
    let compared = match (from_record, officials.is_empty()) {
        (Some(_), false) => {
            return Err(usage(
                "give either OFFICIAL files or --from-record, not both".to_owned(),
            ))
        }
        (Some(_), true) if write_record.is_some() => {
            return Err(usage(
                "--write-record records official files, not another record".to_owned(),
            ))
        }
        (Some(path), true) => Record::load(&path)
            .and_then(|r| r.officials(&path, |file| deviations.is_archived(file)))
            .map_err(CliError::Record)?,
        (None, true) => return Err(usage("no official files given".to_owned())),
        (None, false) => {
            let files = expand(&officials).map_err(|e| CliError::Io(officials[0].clone(), e))?;
            let mut loaded = Vec::new();
            for file in files {
                let mut official = Official::load(&file).map_err(CliError::Load)?;
                official.archived = deviations.is_archived(&official.file);
                loaded.push((file, official));
            }
            if let Some(path) = &write_record {
                let previous = match path.exists() {
                    true => Some(Record::load(path).map_err(CliError::Record)?),
                    false => None,
                };
                Record::build(&loaded, previous.as_ref(), &today_utc())
                    .and_then(|r| r.write(path))
                    .map_err(CliError::Record)?;
            }
            loaded.iter().map(|(_, o)| OfficialFacts::of(o)).collect()
        }
    };
    let curated = load_spec(&spec).map_err(CliError::Load)?;
    let report = drift(&curated.openapi, &compared, deviations);
    let failed = report.has_drift() || (deny_stale && !report.stale.is_empty());
    Ok(Outcome {
        output: render(&report, format),
        failed,
        report,
    })
}
