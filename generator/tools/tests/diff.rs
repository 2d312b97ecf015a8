//! The spec diff, tested on a corpus of small spec pairs.
//!
//! `tests/diff_corpus/<check-id>/` holds `old.yaml`, `new.yaml` (which must
//! report the check) and `near-miss.yaml` (a similar edit that must not);
//! `_silent/<name>/` holds pairs that must report nothing; `_example/` feeds
//! the rendering snapshots (and the README's example).

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use admin_api_generator::load::load_spec;
use admin_api_tools::diff::render::{render, Format, Target};
use admin_api_tools::diff::source::{Source, SourceError};
use admin_api_tools::diff::{cli, diff, Check, Level, Report, Scope};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff_corpus")
}

fn report(old: &Path, new: &Path) -> Report {
    let old = load_spec(old).unwrap_or_else(|e| panic!("{e}"));
    let new = load_spec(new).unwrap_or_else(|e| panic!("{e}"));
    diff(&old.openapi, &new.openapi)
}

fn text(report: &Report) -> String {
    render(report, Format::Text, Target { file: "", text: "" })
}

fn checks(report: &Report) -> BTreeSet<Check> {
    report.changes.iter().map(|c| c.check).collect()
}

fn subdirs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read corpus dir")
        .map(|e| e.expect("dir entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_check_has_a_trigger_and_a_near_miss() {
    let mut problems = Vec::new();
    for check in Check::ALL {
        let dir = corpus().join(check.id());
        let (old, new, near) = (
            dir.join("old.yaml"),
            dir.join("new.yaml"),
            dir.join("near-miss.yaml"),
        );
        if !(old.exists() && new.exists() && near.exists()) {
            problems.push(format!(
                "{check}: missing old.yaml, new.yaml or near-miss.yaml"
            ));
            continue;
        }
        if !checks(&report(&old, &new)).contains(check) {
            problems.push(format!("{check}: new.yaml does not trigger it"));
        }
        if checks(&report(&old, &near)).contains(check) {
            problems.push(format!("{check}: near-miss.yaml triggers it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Both levels of every check are exercised: for each level of each scope,
/// a corpus trigger reports a check at that level, and the near miss of a
/// check at that level reports nothing at that level or worse in that scope.
#[test]
fn every_level_of_both_scopes_has_a_trigger_and_a_near_miss() {
    let mut problems = Vec::new();
    for scope in Scope::ALL {
        for level in Level::ALL {
            let at_level = Check::ALL.iter().filter(|c| c.level_in(scope) == level);
            let (mut triggered, mut missed) = (false, false);
            for check in at_level {
                let dir = corpus().join(check.id());
                let found = report(&dir.join("old.yaml"), &dir.join("new.yaml"));
                triggered |= found.changes.iter().any(|c| c.check == *check);
                let near = report(&dir.join("old.yaml"), &dir.join("near-miss.yaml"));
                missed |= near.changes.iter().all(|c| c.check.level_in(scope) > level);
            }
            if !triggered {
                problems.push(format!("no corpus trigger at {} level {level}", scope.id()));
            }
            if !missed {
                problems.push(format!(
                    "no corpus near miss at {} level {level}",
                    scope.id()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Moving an operation keeps the Rust API (callers compile and reach the new
/// endpoint) but breaks every client built from the old spec.
#[test]
fn path_and_method_changes_break_the_contract_not_the_rust_api() {
    for check in [Check::PathChanged, Check::MethodChanged] {
        assert_eq!(check.contract_level(), Level::Breaking, "{check}");
        assert_eq!(check.level(), Level::NonBreaking, "{check}");
        let dir = corpus().join(check.id());
        let found = report(&dir.join("old.yaml"), &dir.join("new.yaml"));
        assert_eq!(checks(&found), BTreeSet::from([check]), "{}", text(&found));
        let args = |level: &str| {
            vec![
                dir.join("old.yaml").to_string_lossy().into_owned(),
                dir.join("new.yaml").to_string_lossy().into_owned(),
                "--fail-on".to_owned(),
                level.to_owned(),
            ]
        };
        assert!(!cli::run(&args("breaking")).expect("runs").failed);
        assert!(
            !cli::run(&args("rust:potentially-breaking"))
                .expect("runs")
                .failed
        );
        assert!(cli::run(&args("contract:breaking")).expect("runs").failed);
    }
    for check in [Check::SuccessStatusAdded, Check::ErrorTypeRemoved] {
        assert_eq!(check.contract_level(), Level::Breaking, "{check}");
        assert_ne!(check.level(), Level::Breaking, "{check}");
    }
}

#[test]
fn every_corpus_directory_is_a_known_check() {
    for name in subdirs(&corpus()) {
        assert!(
            name.starts_with('_') || Check::from_id(&name).is_some(),
            "tests/diff_corpus/{name} is not a check id"
        );
    }
}

#[test]
fn check_ids_are_unique_kebab_case() {
    let ids: BTreeSet<&str> = Check::ALL.iter().map(|c| c.id()).collect();
    assert_eq!(ids.len(), Check::ALL.len());
    for id in ids {
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !id.starts_with('-'),
            "{id}"
        );
    }
}

/// A pure `$ref` refactor, reordered keys and edited prose change no generated code.
#[test]
fn silent_pairs_report_nothing() {
    let silent = corpus().join("_silent");
    let names = subdirs(&silent);
    assert!(names.len() >= 3, "{names:?}");
    for name in names {
        let dir = silent.join(&name);
        let found = report(&dir.join("old.yaml"), &dir.join("new.yaml"));
        assert!(found.changes.is_empty(), "{name}:\n{}", text(&found));
    }
}

#[test]
fn the_curated_spec_against_itself_reports_nothing() {
    let spec = support::spec_path();
    let found = report(&spec, &spec);
    assert!(found.changes.is_empty(), "{}", text(&found));
}

/// Every pair's report, trigger and near miss, in one reviewed listing.
#[test]
fn corpus_reports_match_snapshot() {
    let mut out = String::new();
    for check in Check::ALL {
        let dir = corpus().join(check.id());
        for (label, file) in [("new", "new.yaml"), ("near miss", "near-miss.yaml")] {
            let found = report(&dir.join("old.yaml"), &dir.join(file));
            out.push_str(&format!("== {check} ({label})\n{}\n", text(&found)));
        }
    }
    insta::assert_snapshot!("corpus", out);
}

#[test]
fn example_renders_in_every_format() {
    let dir = corpus().join("_example");
    let new_text = std::fs::read_to_string(dir.join("new.yaml")).expect("read");
    let found = report(&dir.join("old.yaml"), &dir.join("new.yaml"));
    let target = Target {
        file: "spec/atlassian-admin.yaml",
        text: &new_text,
    };
    for (name, format) in [
        ("example_text", Format::Text),
        ("example_markdown", Format::Markdown),
        ("example_json", Format::Json),
        ("example_github", Format::Github),
    ] {
        insta::assert_snapshot!(name, render(&found, format, target));
    }
}

#[test]
fn fail_on_sets_the_verdict() {
    let dir = corpus().join("_example");
    let args = |extra: &[&str]| -> Vec<String> {
        let mut v = vec![
            dir.join("old.yaml").to_string_lossy().into_owned(),
            dir.join("new.yaml").to_string_lossy().into_owned(),
        ];
        v.extend(extra.iter().map(|s| (*s).to_owned()));
        v
    };
    assert!(!cli::run(&args(&[])).expect("runs").failed);
    assert!(
        cli::run(&args(&["--fail-on", "breaking"]))
            .expect("runs")
            .failed
    );
    let silent = corpus().join("_silent/edited-description");
    let quiet = [
        silent.join("old.yaml").to_string_lossy().into_owned(),
        silent.join("new.yaml").to_string_lossy().into_owned(),
        "--fail-on".to_owned(),
        "potentially-breaking".to_owned(),
    ];
    assert!(!cli::run(&quiet).expect("runs").failed);
    assert!(cli::run(&args(&["--fail-on", "non-breaking"])).is_err());
    assert!(cli::run(&args(&["--fail-on", "contract:non-breaking"])).is_err());
    assert!(cli::run(&args(&["--fail-on", "wire:breaking"])).is_err());
    assert!(
        cli::run(&args(&[
            "--fail-on",
            "contract:breaking",
            "--fail-on",
            "rust:breaking"
        ]))
        .expect("runs")
        .failed
    );
    assert!(cli::run(&args(&["--format", "yaml"])).is_err());
}

/// `REV:PATH` reads the file at a revision through `git show`.
#[test]
fn git_revision_source_reads_the_committed_file() {
    let repo = tempfile::tempdir().expect("temp dir");
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .arg("-C")
            .arg(repo.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .status()
            .expect("run git");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    let spec = repo.path().join("spec.yaml");
    std::fs::copy(corpus().join("_example/old.yaml"), &spec).expect("copy");
    git(&["add", "spec.yaml"]);
    git(&["commit", "-qm", "old"]);
    std::fs::copy(corpus().join("_example/new.yaml"), &spec).expect("copy");

    let source = Source::parse("HEAD:spec.yaml");
    assert_eq!(source.file_path(), Path::new("spec.yaml"));
    let old = source.load(repo.path()).expect("git show");
    let new = Source::File(spec).load(repo.path()).expect("read file");
    let found = diff(&old.openapi, &new.openapi);
    assert_eq!(found.count(admin_api_tools::diff::Level::Breaking), 1);

    let missing = Source::parse("HEAD:nope.yaml").load(repo.path());
    match missing.expect_err("missing file") {
        SourceError::Git { spec, message } => {
            assert_eq!(spec, "HEAD:nope.yaml");
            assert!(message.contains("git show failed"), "{message}");
        }
        other => panic!("expected a git error, got {other}"),
    }
}

/// The README's table of checks is the catalogue's: every check, both levels.
#[test]
fn readme_check_table_matches_the_catalogue() {
    let readme = std::fs::read_to_string(support::repo_root().join("README.md")).expect("README");
    let title = |level: Level| level.title().to_lowercase();
    for check in Check::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            check.id(),
            title(check.level()),
            title(check.contract_level())
        );
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
    // A row of the table: a check id, then two levels (other tables of the
    // README also start with a code cell).
    let levels: Vec<String> = [
        Level::Breaking,
        Level::PotentiallyBreaking,
        Level::NonBreaking,
    ]
    .into_iter()
    .map(title)
    .collect();
    let rows = readme
        .lines()
        .filter(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            l.starts_with("| `")
                && cells.len() == 3
                && cells[1..]
                    .iter()
                    .all(|c| levels.iter().any(|lv| c.trim_end_matches(" |") == lv))
        })
        .count();
    assert_eq!(rows, Check::ALL.len(), "README has rows for unknown checks");
}

/// Why cargo-semver-checks does not say what the diff's Rust level says, for
/// each corpus case where `semver-agreement.md` (written by
/// `scripts/semver-agreement`, which runs cargo-semver-checks on the crates
/// generated from the case's two specs) records a disagreement. Every one
/// is a change cargo-semver-checks has no lint for: it compares items and
/// signatures' shapes, not the types inside them, nor run-time behaviour.
const SEMVER_CHECKS_DISAGREEMENTS: &[(&str, &str)] = &[
    ("credential-changed", "which key is sent is run-time behaviour; no item changes"),
    (
        "deprecation-added",
        "`type_method_marked_deprecated` is a warning-level lint; the diff calls it potentially breaking because `-D warnings` builds stop",
    ),
    ("error-type-changed", "the `E` of `send()`'s `Error<E>` changes: return types are not compared"),
    ("error-type-removed", "the `E` of `send()`'s `Error<E>` changes: return types are not compared"),
    (
        "feature-changed",
        "cargo features are not in rustdoc JSON of one feature set (the script builds every family)",
    ),
    ("pagination-changed", "the item type of `pages()`/`items()` changes: return types are not compared"),
    (
        "param-made-required",
        "the setter is unchanged; the builder's private field loses its default, so `send()` fails at run time without it",
    ),
    ("param-type-changed", "the setter is generic (`V: TryInto<T>`): its bound changes, which is not compared"),
    ("rate-limit-changed", "the client's pacing is run-time behaviour; no item changes"),
    ("request-field-optional", "a public field's type changes (`T` to `Option<T>`): field types are not compared"),
    ("request-field-required", "a public field's type changes (`Option<T>` to `T`): field types are not compared"),
    ("request-field-type-changed", "a public field's type changes: field types are not compared"),
    (
        "required-param-added",
        "a new setter is an addition; the new required field without a default fails `send()` at run time",
    ),
    ("response-field-optional", "a public field's type changes (`T` to `Option<T>`): field types are not compared"),
    ("response-field-required", "a public field's type changes (`Option<T>` to `T`): field types are not compared"),
    ("response-field-type-changed", "a public field's type changes: field types are not compared"),
    ("success-type-changed", "`send()`'s `ResponseValue<T>` changes: return types are not compared"),
];

/// One row of `semver-agreement.md`: case, Rust level, cargo-semver-checks'
/// verdict, whether they agree.
fn semver_agreement_rows() -> Vec<(String, String, String, bool)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/semver-agreement.md");
    let text = std::fs::read_to_string(&path).expect("tests/semver-agreement.md");
    text.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| case"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 5, "a row has five cells: {l}");
            (
                cells[0].to_owned(),
                cells[1].to_owned(),
                cells[2].to_owned(),
                cells[4] == "yes",
            )
        })
        .collect()
}

/// The table covers every corpus case with the Rust level the diff gives
/// today (rerun `scripts/semver-agreement` when a level changes), its
/// "agrees" follows from the two verdicts, and each disagreement has its
/// reason above (and only disagreements do).
#[test]
fn semver_agreement_table() {
    let rows = semver_agreement_rows();
    let cases: Vec<String> = subdirs(&corpus())
        .into_iter()
        .filter(|c| !c.starts_with('_'))
        .collect();
    let listed: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    assert_eq!(
        listed, cases,
        "rerun scripts/semver-agreement: the table and the corpus differ"
    );
    for (case, level, semver_checks, agrees) in &rows {
        let dir = corpus().join(case);
        let found = report(&dir.join("old.yaml"), &dir.join("new.yaml"));
        let now = found
            .changes
            .iter()
            .filter(|c| c.check.id() == case)
            .map(|c| c.check.level())
            // The most severe: `Level` orders breaking first.
            .min()
            .unwrap_or_else(|| panic!("{case}: the diff no longer reports it"));
        assert_eq!(
            level,
            now.id(),
            "{case}: the diff's Rust level changed; rerun scripts/semver-agreement"
        );
        let semver_major = semver_checks == "major";
        assert_eq!(
            *agrees,
            semver_major == (now != Level::NonBreaking),
            "{case}: the agrees column does not follow from the verdicts"
        );
        let reason = SEMVER_CHECKS_DISAGREEMENTS.iter().find(|(c, _)| c == case);
        match (agrees, reason) {
            (false, None) => panic!("{case}: cargo-semver-checks disagrees ({semver_checks}, diff {level}); explain why in SEMVER_CHECKS_DISAGREEMENTS or fix the diff"),
            (true, Some(_)) => panic!("{case}: agrees now; remove its reason from SEMVER_CHECKS_DISAGREEMENTS"),
            _ => {}
        }
    }
}
