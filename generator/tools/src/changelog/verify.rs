//! Whether a crate version and `CHANGELOG.md` say what the spec diff since
//! the last release says: the version moved at least as far as semver
//! requires, and the version's section lists every change.

use admin_api_generator::printable::printable;

use super::{required_bump, Version};
use crate::diff::Report;

/// The last release and what changed since.
#[derive(Debug, Clone, Copy)]
pub struct Since<'a> {
    /// Its tag or revision.
    pub label: &'a str,
    /// Its version.
    pub version: Version,
    /// The spec diff from it to the working tree.
    pub report: &'a Report,
}

/// The section of `changelog` for `version` (from its `## [VERSION]` heading
/// to the next `## ` heading), if any.
pub fn section(changelog: &str, version: Version) -> Option<&str> {
    let heading = format!("## [{version}]");
    let start = changelog
        .match_indices(&heading)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || changelog[..i].ends_with('\n'))?;
    let body = &changelog[start + heading.len()..];
    let end = body.find("\n## ").map_or(body.len(), |i| i + 1);
    Some(&changelog[start..start + heading.len() + end])
}

/// The problems, empty when `version` and `changelog` agree with `since`
/// (`None`: no release yet, so the version's section is the first
/// release's, compared with nothing).
pub fn verify(version: Version, changelog: &str, since: Option<Since<'_>>) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(section) = section(changelog, version) else {
        problems.push(format!(
            "CHANGELOG.md has no `## [{version}]` section: write it with `cargo admin-api-gen changelog --version {version}`"
        ));
        return problems;
    };
    let Some(since) = since else {
        return problems;
    };
    let bump = required_bump(since.report, since.version);
    let least = since.version.bumped(bump);
    if version < least {
        problems.push(format!(
            "the crate's version is {version}, but the spec changes since {} ({}) need a {} bump: at least {least}",
            printable(since.label),
            since.version,
            bump.id()
        ));
    }
    if version == since.version {
        return problems;
    }
    let missing: Vec<String> = since
        .report
        .changes
        .iter()
        .filter(|c| {
            let place = format!("`{}`", printable(&c.location).replace('`', "'"));
            let id = format!("(`{}`)", c.check.id());
            !section
                .lines()
                .any(|line| line.contains(&place) && line.contains(&id))
        })
        .map(|c| format!("  {} at {}", c.check.id(), printable(&c.location)))
        .collect();
    if !missing.is_empty() {
        problems.push(format!(
            "CHANGELOG.md's [{version}] section does not list {} of the {} changes since {} (regenerate it with `cargo admin-api-gen changelog`):\n{}",
            missing.len(),
            since.report.changes.len(),
            printable(since.label),
            missing.join("\n")
        ));
    }
    problems
}
