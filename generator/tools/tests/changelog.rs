//! `changelog`: the release notes of the diff corpus's pairs (snapshots), a
//! hostile spec string that must not become a workflow command, and the
//! version/CHANGELOG.md check in temporary git repositories: no release tag
//! yet (the first release), then a tagged release and spec changes after it.

use std::path::{Path, PathBuf};

use admin_api_tools::changelog::cli::run;
use admin_api_tools::changelog::{render, Release, Version};
use admin_api_tools::diff::diff;

fn corpus(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/diff_corpus")
        .join(case)
}

fn notes(old: &Path, new: &Path, from: &str) -> String {
    let load = |p: &Path| admin_api_generator::load_spec(p).unwrap_or_else(|e| panic!("{e}"));
    let report = diff(&load(old).openapi, &load(new).openapi);
    let from = Version::parse(from).expect("version");
    let bump = admin_api_tools::changelog::required_bump(&report, from);
    let label = format!("v{from}");
    render(
        &report,
        &Release {
            version: from.bumped(bump),
            date: Some("2026-12-03"),
            base: Some((&label, from)),
        },
    )
}

#[test]
fn the_example_pair_breaking_first_with_both_consequences() {
    let dir = corpus("_example");
    insta::assert_snapshot!(
        "example_0x",
        notes(&dir.join("old.yaml"), &dir.join("new.yaml"), "0.3.1")
    );
    // From 1.0.0 on, the same breaking change needs a major release.
    let after_one = notes(&dir.join("old.yaml"), &dir.join("new.yaml"), "1.4.0");
    assert!(
        after_one.starts_with("## [2.0.0] - 2026-12-03"),
        "{after_one}"
    );
}

#[test]
fn additions_alone_are_a_patch_before_one_and_a_minor_after() {
    let dir = corpus("operation-added");
    let before = notes(&dir.join("old.yaml"), &dir.join("new.yaml"), "0.3.1");
    insta::assert_snapshot!("operation_added_0x", before);
    let after = notes(&dir.join("old.yaml"), &dir.join("new.yaml"), "1.4.0");
    assert!(after.starts_with("## [1.5.0] - 2026-12-03"), "{after}");
}

#[test]
fn each_kind_lands_in_its_section() {
    for (case, section) in [
        ("operation-removed", "### Removed"),
        ("deprecation-added", "### Deprecated"),
        ("param-type-changed", "### Changed"),
        ("response-field-added", "### Added"),
    ] {
        let dir = corpus(case);
        let text = notes(&dir.join("old.yaml"), &dir.join("new.yaml"), "0.1.0");
        assert!(text.contains(section), "{case}: {text}");
        assert!(text.contains("Rust: ") && text.contains("HTTP: "), "{text}");
    }
}

/// A spec string holding a newline and a workflow command stays on its
/// line, visibly escaped.
#[test]
fn spec_strings_cannot_start_a_workflow_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = corpus("operation-added").join("old.yaml");
    let text = std::fs::read_to_string(&old).expect("read");
    let hostile = text.replacen(
        "paths:\n",
        "paths:\n  \"/evil\\n::error title=pwned::x\":\n    get:\n      operationId: \"evil\\n::warning::y\"\n      summary: s\n      tags: [users]\n      responses:\n        '204': {description: none}\n",
        1,
    );
    assert_ne!(text, hostile);
    let new = dir.path().join("new.yaml");
    std::fs::write(&new, hostile).expect("write");
    let out = notes(&old, &new, "0.1.0");
    assert!(out.contains("/evil\\u{a}::error title=pwned::x"), "{out}");
    for line in out.lines() {
        assert!(!line.trim_start().starts_with("::"), "{line}");
    }
}

/// A temporary repository with the files `changelog --check` reads.
struct Repo(tempfile::TempDir);

impl Repo {
    fn new() -> Repo {
        let repo = Repo(tempfile::tempdir().expect("temp dir"));
        repo.git(&["init", "-q"]);
        std::fs::create_dir_all(repo.path().join("spec")).expect("spec dir");
        repo
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn git(&self, args: &[&str]) {
        let status = std::process::Command::new("git")
            .arg("-C")
            .arg(self.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .status()
            .expect("run git");
        assert!(status.success(), "git {args:?}");
    }

    fn set(&self, spec: &Path, version: &str, changelog: &str) {
        std::fs::copy(spec, self.path().join("spec/atlassian-admin.yaml")).expect("spec");
        std::fs::write(
            self.path().join("Cargo.toml"),
            format!("[package]\nname = \"x\"\nversion = \"{version}\"\n\n[dependencies]\nversion = \"9.9.9\"\n"),
        )
        .expect("manifest");
        std::fs::write(self.path().join("CHANGELOG.md"), changelog).expect("changelog");
    }

    fn changelog(&self, args: &[&str]) -> (String, bool) {
        let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        let outcome = run(self.path(), &args).unwrap_or_else(|e| panic!("{e}"));
        (outcome.output, outcome.failed)
    }
}

const HEAD: &str = "# Changelog\n\n## [Unreleased]\n\n";

#[test]
fn before_the_first_release_the_versions_section_is_required() {
    let repo = Repo::new();
    let spec = corpus("_example").join("old.yaml");
    repo.set(&spec, "0.1.0", HEAD);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "start"]);
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(failed, "{out}");
    assert!(out.contains("no `## [0.1.0]` section"), "{out}");

    let (first, failed) = repo.changelog(&["--date", "unreleased"]);
    assert!(!failed);
    assert!(
        first.starts_with("## [0.1.0] - unreleased\n\nThe first release"),
        "{first}"
    );
    repo.set(&spec, "0.1.0", &format!("{HEAD}{first}"));
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(!failed, "{out}");
    assert!(out.starts_with("ok: no release tag yet"), "{out}");
}

#[test]
fn after_a_release_the_version_and_changelog_must_declare_the_changes() {
    let repo = Repo::new();
    let (old, new) = (
        corpus("_example").join("old.yaml"),
        corpus("_example").join("new.yaml"),
    );
    repo.set(
        &old,
        "0.1.0",
        &format!("{HEAD}## [0.1.0] - 2026-01-01\n\nFirst.\n"),
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "release"]);
    repo.git(&["tag", "v0.1.0"]);
    repo.git(&["tag", "v0.0.9"]);
    let released = format!("{HEAD}## [0.1.0] - 2026-01-01\n\nFirst.\n");

    // Nothing changed since the tag: fine.
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(!failed, "{out}");
    assert!(out.starts_with("ok: 0 change(s) since v0.1.0"), "{out}");

    // A breaking spec change without a new version.
    repo.set(&new, "0.1.0", &released);
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(failed);
    assert!(out.contains("need a minor bump: at least 0.2.0"), "{out}");

    // A patch is not enough before 1.0.0 either, and the section is missing.
    repo.set(&new, "0.1.1", &released);
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(failed);
    assert!(out.contains("no `## [0.1.1]` section"), "{out}");

    // The notes the tool writes declare it, and name the bump.
    let (notes, _) = repo.changelog(&["--date", "2026-12-03"]);
    assert!(notes.starts_with("## [0.2.0] - 2026-12-03"), "{notes}");
    assert!(
        notes.contains("Semver: minor bump, at least 0.2.0"),
        "{notes}"
    );
    let declared = format!("{HEAD}{notes}## [0.1.0] - 2026-01-01\n\nFirst.\n");
    repo.set(&new, "0.2.0", &declared);
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(!failed, "{out}");
    assert!(
        out.starts_with("ok: 5 change(s) since v0.1.0 (0.1.0)"),
        "{out}"
    );

    // A section that leaves a change out is caught, naming it.
    let first_entry = notes
        .lines()
        .position(|l| l.starts_with("- "))
        .expect("an entry");
    let mut lines: Vec<&str> = notes.lines().collect();
    lines.drain(first_entry..first_entry + 2);
    let partial = format!("{HEAD}{}\n## [0.1.0] - 2026-01-01\n", lines.join("\n"));
    repo.set(&new, "0.2.0", &partial);
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(failed);
    assert!(
        out.contains("does not list 1 of the 5 changes since v0.1.0"),
        "{out}"
    );

    // Going further than required (1.0.0) is allowed.
    let (notes, _) = repo.changelog(&["--version", "1.0.0", "--date", "2026-12-03"]);
    repo.set(&new, "1.0.0", &format!("{HEAD}{notes}"));
    let (out, failed) = repo.changelog(&["--check"]);
    assert!(!failed, "{out}");
}

#[test]
fn bad_arguments_are_errors() {
    let repo = Repo::new();
    let spec = corpus("_example").join("old.yaml");
    repo.set(&spec, "0.1.0", HEAD);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "start"]);
    for args in [
        vec!["--version", "1.2"],
        vec!["--bogus"],
        vec!["a", "b"],
        vec!["no-such-rev"],
    ] {
        let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        assert!(run(repo.path(), &args).is_err(), "{args:?}");
    }
}
