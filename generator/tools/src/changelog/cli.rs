//! The `changelog` subcommand: the release notes of the spec changes since a
//! release, or (`--check`) whether the crate's version and `CHANGELOG.md`
//! declare them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use admin_api_generator::load::load_spec;
use admin_api_generator::model;
use admin_api_generator::printable::printable;

use super::verify::{verify, Since};
use super::{render, required_bump, Release, Version};
use crate::diff::source::{Source, SourceError};
use crate::diff::{diff, Report};
use crate::drift::record::today_utc;

/// Usage of the `changelog` subcommand.
pub const USAGE: &str = "\
usage: admin-api-gen changelog [BASE] [--version VERSION] [--date YYYY-MM-DD|unreleased]
       admin-api-gen changelog --check [BASE]

Release notes (Keep a Changelog) of the changes of spec/atlassian-admin.yaml since BASE, a release tag
or revision (its spec and Cargo.toml are read with `git show`); by default the last release tag (the
highest vMAJOR.MINOR.PATCH). With no release tag yet, the notes are the first release's, compared with
nothing. VERSION defaults to the version semver requires (before 1.0.0 a change that breaks code using
the client bumps the minor), the date to today (UTC).
--check exits 1 when Cargo.toml's version is below what the changes require, or CHANGELOG.md's section
for it is missing or does not list every change (no release tag: the section must exist).";

/// Why `changelog` could not run.
#[derive(Debug)]
#[non_exhaustive]
pub enum CliError {
    /// Bad arguments; the message includes the usage.
    Usage(String),
    /// A spec could not be read.
    Source(SourceError),
    /// git, a manifest or CHANGELOG.md could not be read.
    Repo(String),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::Source(e) => write!(f, "error: {e}"),
            CliError::Repo(message) => write!(f, "error: {message}"),
        }
    }
}

impl std::error::Error for CliError {}

/// What the subcommand printed, and whether the check failed.
#[derive(Debug)]
pub struct Outcome {
    /// The notes, or the check's verdict.
    pub output: String,
    /// `--check` found a disagreement.
    pub failed: bool,
}

const SPEC: &str = "spec/atlassian-admin.yaml";

/// Runs `changelog` in the repository at `repo` with the arguments after the
/// subcommand name.
pub fn run(repo: &Path, args: &[String]) -> Result<Outcome, CliError> {
    let usage = |m: String| CliError::Usage(format!("{m}\n\n{USAGE}"));
    let (mut check, mut base, mut version, mut date) = (false, None, None, None);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = || iter.next().cloned().unwrap_or_default();
        match arg.as_str() {
            "--check" => check = true,
            "--version" => {
                let v = value();
                version = Some(
                    Version::parse(&v)
                        .ok_or_else(|| usage(format!("`{}` is not a version", printable(&v))))?,
                );
            }
            "--date" => date = Some(value()),
            "-h" | "--help" => return Err(CliError::Usage(USAGE.to_owned())),
            other if other.starts_with('-') => {
                return Err(usage(format!("unknown option `{}`", printable(other))))
            }
            other if base.is_none() => base = Some(other.to_owned()),
            other => return Err(usage(format!("unexpected argument `{}`", printable(other)))),
        }
    }
    let base = match base {
        Some(rev) => Some(rev),
        None => last_release(repo)?,
    };
    let current =
        load_spec(&repo.join(SPEC)).map_err(|e| CliError::Source(SourceError::Load(e)))?;
    let since = match &base {
        Some(rev) => {
            let old = Source::Git {
                rev: rev.clone(),
                path: SPEC.to_owned(),
            }
            .load(repo)
            .map_err(CliError::Source)?;
            let manifest = git_show(repo, &format!("{rev}:Cargo.toml"))?;
            let from = package_version(&manifest).ok_or_else(|| {
                CliError::Repo(format!("{rev}:Cargo.toml has no package version"))
            })?;
            Some((rev.as_str(), from, diff(&old.openapi, &current.openapi)))
        }
        None => None,
    };
    if check {
        let manifest = read(&repo.join("Cargo.toml"))?;
        let version = package_version(&manifest)
            .ok_or_else(|| CliError::Repo("Cargo.toml has no package version".to_owned()))?;
        let changelog = read(&repo.join("CHANGELOG.md"))?;
        let problems = verify(
            version,
            &changelog,
            since.as_ref().map(|(label, version, report)| Since {
                label,
                version: *version,
                report,
            }),
        );
        let output = match (&since, problems.is_empty()) {
            (_, false) => format!("{}\n", problems.join("\n")),
            (None, true) => format!(
                "ok: no release tag yet; CHANGELOG.md has the first release's section, [{version}]\n"
            ),
            (Some((label, from, report)), true) => format!(
                "ok: {} change(s) since {} ({from}); version {version} and CHANGELOG.md declare them\n",
                report.changes.len(),
                printable(label)
            ),
        };
        return Ok(Outcome {
            failed: !problems.is_empty(),
            output,
        });
    }
    let empty = Report::default();
    let (report, base_info) = match &since {
        Some((label, from, report)) => (report, Some((*label, *from))),
        None => (&empty, None),
    };
    let version = match (version, base_info) {
        (Some(v), _) => v,
        (None, Some((_, from))) => from.bumped(required_bump(report, from)),
        (None, None) => {
            let manifest = read(&repo.join("Cargo.toml"))?;
            package_version(&manifest)
                .ok_or_else(|| CliError::Repo("Cargo.toml has no package version".to_owned()))?
        }
    };
    let date = date.unwrap_or_else(today_utc);
    let release = Release {
        version,
        date: (date != "unreleased").then_some(date.as_str()),
        base: base_info,
    };
    let mut output = render(report, &release);
    if base_info.is_none() {
        let operations = model::operations(&current.openapi).len();
        output.push_str(&format!(
            "### Added\n\n- The client of the {operations} operations of `{SPEC}` (spec version {}).\n\n",
            printable(&current.openapi.info.version)
        ));
    }
    Ok(Outcome {
        output,
        failed: false,
    })
}

/// The highest `vMAJOR.MINOR.PATCH` tag, `None` when there is none.
fn last_release(repo: &Path) -> Result<Option<String>, CliError> {
    let tags = git(repo, &["tag", "--list", "v*"])?;
    Ok(tags
        .lines()
        .filter_map(|t| Version::parse(t.trim()).map(|v| (v, t.trim().to_owned())))
        .max()
        .map(|(_, tag)| tag))
}

fn git_show(repo: &Path, spec: &str) -> Result<String, CliError> {
    git(repo, &["show", spec])
}

fn git(repo: &Path, args: &[&str]) -> Result<String, CliError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|e| CliError::Repo(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        return Err(CliError::Repo(format!(
            "git {} failed: {}",
            args.join(" "),
            printable(String::from_utf8_lossy(&output.stderr).trim())
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn read(path: &PathBuf) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|e| CliError::Repo(format!("{}: {e}", path.display())))
}

/// The `version` of a manifest's `[package]` table (the only form this
/// workspace uses: `version = "X.Y.Z"` on its own line).
pub fn package_version(manifest: &str) -> Option<Version> {
    let mut in_package = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            if let Some(rest) = line.strip_prefix("version") {
                let value = rest.trim_start().strip_prefix('=')?.trim();
                return Version::parse(value.trim_matches('"'));
            }
        }
    }
    None
}
