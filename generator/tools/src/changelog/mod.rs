//! `changelog`: the release notes of a spec change, from the two-level
//! [`diff`](crate::diff), in the Keep a Changelog format, with the version
//! bump semver requires.
//!
//! Each change goes under Added, Changed, Deprecated or Removed by its check;
//! the sections holding the most severe changes come first (then Removed,
//! Changed, Deprecated, Added) and, inside each, breaking changes first. Every entry names the
//! place, says what changed, and gives the consequence for code using the
//! client (Rust) and for clients built from the old spec (HTTP). [`verify`]
//! checks a crate version and `CHANGELOG.md` against a diff; [`cli`] is the
//! subcommand.

pub mod cli;
pub mod verify;

use std::fmt;
use std::fmt::Write as _;

use admin_api_generator::printable::printable;

use crate::diff::{Change, Check, Level, Report};

/// A Keep a Changelog section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// Something went away.
    Removed,
    /// Something changed shape, name, place or behaviour.
    Changed,
    /// Something still works but is on its way out.
    Deprecated,
    /// Something new.
    Added,
}

impl Section {
    /// The order sections are written in: most disruptive first.
    pub const ALL: [Section; 4] = [
        Section::Removed,
        Section::Changed,
        Section::Deprecated,
        Section::Added,
    ];

    /// The section a kind of change belongs to.
    pub fn of(check: Check) -> Section {
        match check {
            Check::DeprecationAdded => Section::Deprecated,
            Check::DeprecationRemoved => Section::Changed,
            check if check.id().ends_with("-removed") => Section::Removed,
            check if check.id().ends_with("-added") => Section::Added,
            _ => Section::Changed,
        }
    }

    /// The heading text.
    pub fn title(self) -> &'static str {
        match self {
            Section::Removed => "Removed",
            Section::Changed => "Changed",
            Section::Deprecated => "Deprecated",
            Section::Added => "Added",
        }
    }
}

/// A `MAJOR.MINOR.PATCH` version (pre-release and build parts are not used
/// by this crate and are rejected).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// Incompatible changes (from 1.0.0 on).
    pub major: u64,
    /// Added functionality (from 1.0.0 on); incompatible changes before 1.0.0.
    pub minor: u64,
    /// Fixes; compatible additions before 1.0.0.
    pub patch: u64,
}

impl Version {
    /// Parses `1.2.3` (an optional leading `v`, as in a tag).
    pub fn parse(text: &str) -> Option<Version> {
        let text = text.strip_prefix('v').unwrap_or(text);
        let mut parts = text.split('.').map(|p| {
            (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        });
        let version = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(version)
    }

    /// The version after a `bump`.
    pub fn bumped(self, bump: Bump) -> Version {
        let Version {
            major,
            minor,
            patch,
        } = self;
        match bump {
            Bump::None => self,
            Bump::Patch => Version {
                patch: patch + 1,
                ..self
            },
            Bump::Minor => Version {
                major,
                minor: minor + 1,
                patch: 0,
            },
            Bump::Major => Version {
                major: major + 1,
                minor: 0,
                patch: 0,
            },
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Which part of the version a change requires to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Compatible.
    Patch,
    /// Added functionality (1.x), or incompatible (0.x).
    Minor,
    /// Incompatible (1.x and later).
    Major,
}

impl Bump {
    /// The lowercase name.
    pub fn id(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// The bump semver requires from `from` for `report`: a change that breaks
/// code using the client (Rust level `breaking`) is incompatible (the minor
/// before 1.0.0, the major after); any other change is compatible (a patch
/// before 1.0.0, a minor after: new or changed API).
pub fn required_bump(report: &Report, from: Version) -> Bump {
    let breaking = rust_breaking(report) > 0;
    match (from.major, breaking, report.changes.is_empty()) {
        (_, _, true) => Bump::None,
        (0, true, _) => Bump::Minor,
        (0, false, _) => Bump::Patch,
        (_, true, _) => Bump::Major,
        (_, false, _) => Bump::Minor,
    }
}

/// How many changes break code using the client.
pub fn rust_breaking(report: &Report) -> usize {
    report.count(Level::Breaking)
}

/// What the notes are about.
#[derive(Debug, Clone)]
pub struct Release<'a> {
    /// The version being released.
    pub version: Version,
    /// Its date (`YYYY-MM-DD`), or `None` for an unreleased section.
    pub date: Option<&'a str>,
    /// The release compared with (its tag or revision and version), or
    /// `None` for the first release.
    pub base: Option<(&'a str, Version)>,
}

/// One entry: the check id and place identify it (what [`verify`] looks for).
pub fn entry(change: &Change) -> String {
    let tag = match change.level() {
        Level::Breaking => "**Breaking:** ",
        Level::PotentiallyBreaking => "**Potentially breaking:** ",
        Level::NonBreaking => "",
    };
    let mut line = format!(
        "- {tag}`{}`: {} (`{}`).\n  Rust: {} HTTP: {}",
        printable(&change.location).replace('`', "'"),
        printable(&change.message),
        change.check.id(),
        change.check.effect(),
        change.check.contract_effect(),
    );
    if !change.operations.is_empty() && change.operations.len() <= 8 {
        let ops: Vec<String> = change
            .operations
            .iter()
            .map(|o| format!("`{}`", printable(o).replace('`', "'")))
            .collect();
        let _ = write!(line, " Operations: {}.", ops.join(", "));
    } else if change.operations.len() > 8 {
        let _ = write!(line, " Operations: {}.", change.operations.len());
    }
    line
}

/// The release's section of `CHANGELOG.md`.
pub fn render(report: &Report, release: &Release<'_>) -> String {
    let mut out = match release.date {
        Some(date) => format!("## [{}] - {date}\n\n", release.version),
        None => format!("## [{}] - unreleased\n\n", release.version),
    };
    let breaking = rust_breaking(report);
    match release.base {
        None => {
            let _ = writeln!(
                out,
                "The first release: the baseline later releases are compared with.\n"
            );
        }
        Some((label, from)) => {
            let bump = required_bump(report, from);
            let _ = writeln!(
                out,
                "Compared with {} ({from}): {} change{}, {breaking} breaking code that uses the client. \
                 Semver: {} bump, at least {}{}.\n",
                printable(label),
                report.changes.len(),
                if report.changes.len() == 1 { "" } else { "s" },
                bump.id(),
                from.bumped(bump),
                if from.major == 0 && bump == Bump::Minor {
                    " (before 1.0.0 a breaking change bumps the minor)"
                } else {
                    ""
                },
            );
        }
    }
    // Sections holding the most severe changes (for code using the client)
    // first, then in the usual order; inside a section, breaking first.
    let mut sections: Vec<(Level, Section, Vec<&Change>)> = Section::ALL
        .into_iter()
        .filter_map(|section| {
            let mut changes: Vec<&Change> = report
                .changes
                .iter()
                .filter(|c| Section::of(c.check) == section)
                .collect();
            changes.sort_by_key(|c| c.level());
            let worst = changes.first()?.level();
            Some((worst, section, changes))
        })
        .collect();
    sections.sort_by_key(|(worst, section, _)| (*worst, *section));
    for (_, section, changes) in sections {
        let _ = writeln!(out, "### {}\n", section.title());
        for change in changes {
            let _ = writeln!(out, "{}", entry(change));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_bump() {
        let v = Version::parse("v0.4.2").expect("version");
        assert_eq!(v.to_string(), "0.4.2");
        assert_eq!(v.bumped(Bump::Minor).to_string(), "0.5.0");
        assert_eq!(v.bumped(Bump::Patch).to_string(), "0.4.3");
        assert_eq!(v.bumped(Bump::Major).to_string(), "1.0.0");
        for bad in [
            "",
            "1",
            "1.2",
            "1.2.3.4",
            "1.2.x",
            "1.2.3-rc.1",
            "1..2",
            "+1.2.3",
        ] {
            assert_eq!(Version::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_check_has_a_section() {
        assert_eq!(Section::of(Check::OperationRemoved), Section::Removed);
        assert_eq!(Section::of(Check::OperationAdded), Section::Added);
        assert_eq!(Section::of(Check::DeprecationAdded), Section::Deprecated);
        assert_eq!(Section::of(Check::DeprecationRemoved), Section::Changed);
        assert_eq!(Section::of(Check::TypeRenamed), Section::Changed);
        assert_eq!(Section::of(Check::RequiredParamAdded), Section::Added);
    }
}
