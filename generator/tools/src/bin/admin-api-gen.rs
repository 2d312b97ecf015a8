//! `admin-api-gen`, the maintainers' command line (`cargo admin-api-gen ...` in
//! the repository): `check`, `generate`, `surface`, `e2e`, `diff`,
//! `inventory`; `USAGE` below says what each does.

use std::path::PathBuf;
use std::process::ExitCode;

use admin_api_generator::printable::printable;
use admin_api_generator::{build, Error, Severity};
use admin_api_tools::{changelog, diff, drift, e2e, inventory, render_surface};

const USAGE: &str = "\
usage: admin-api-gen <command> [args]

commands:
  check    [--format human|json|github] [--deny warnings] [SPEC]
                                run the spec rules and generate the client; exits non-zero on
                                errors (and on warnings with --deny warnings)
  generate [SPEC] [-o OUT.rs]   write the generated client (stdout by default)
  surface  [SPEC]               print the public API listing that the snapshot tests guard
  e2e      [SPEC] [-o OUT.rs]   write the end-to-end cases (tests/e2e/cases.rs; stdout by default)
  index    [SPEC] [-o OUT.md]   write the operation index users read (docs/OPERATIONS.md; stdout by default)
  diff     OLD NEW [--format text|markdown|json|github] [--fail-on [rust:|contract:]LEVEL]...
                                what changed, for code using the client (rust) and for clients built
                                from the old spec (contract); OLD/NEW: file or REV:PATH
  drift    [--spec SPEC] [--deviations FILE] [--format text|markdown|json|deviations] [--deny-stale]
           [--write-record RECORD] OFFICIAL... | --from-record RECORD
                                the curated spec against Atlassian's official files (or the project's record
                                of them, spec/official-record.json), field by field; exits 1 on drift that
                                spec/deviations.yaml does not record
  changelog [BASE] [--version VERSION] [--date DATE] | --check [BASE]
                                release notes (Keep a Changelog) of the spec changes since a release tag, with
                                the semver bump they need; --check: exit 1 when Cargo.toml's version or
                                CHANGELOG.md does not declare them
  inventory FILE...             list the operations of official reference files (TSV) for spec/official-inventory.tsv

SPEC defaults to spec/atlassian-admin.yaml.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("diff") {
        return diff(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("drift") {
        return drift(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("changelog") {
        return verdict(
            changelog::cli::run(std::path::Path::new("."), &args[1..])
                .map(|o| (o.output, o.failed))
                .map_err(|e| e.to_string()),
        );
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            if !message.is_empty() {
                eprint_error(&message);
            }
            ExitCode::FAILURE
        }
    }
}

/// `diff`: exit 1 when `--fail-on` finds a change, 2 on errors.
fn diff(args: &[String]) -> ExitCode {
    verdict(
        diff::cli::run(args)
            .map(|o| (o.output, o.failed))
            .map_err(|e| e.to_string()),
    )
}

/// `drift`: exit 1 on unrecorded drift (or stale deviations with
/// `--deny-stale`), 2 on errors.
fn drift(args: &[String]) -> ExitCode {
    verdict(
        drift::cli::run(args)
            .map(|o| (o.output, o.failed))
            .map_err(|e| e.to_string()),
    )
}

/// Prints an error line by line, each made printable: a message can quote
/// a spec, an official file or a command's output.
fn eprint_error(message: &str) {
    for line in message.lines() {
        eprintln!("{}", printable(line));
    }
}

/// Prints a report and exits 1 when it failed its check, 2 on errors.
fn verdict(result: Result<(String, bool), String>) -> ExitCode {
    match result {
        Ok((output, failed)) => {
            print!("{output}");
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => {
            eprint_error(&message);
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_owned());
    };
    if command == "check" {
        return check(rest);
    }
    if command == "inventory" {
        return inventory(rest);
    }
    let mut spec_path = PathBuf::from("spec/atlassian-admin.yaml");
    let mut out: Option<PathBuf> = None;
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-o" | "--out" => out = iter.next().map(PathBuf::from),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => spec_path = PathBuf::from(other),
        }
    }
    let built = build(&spec_path).map_err(|e| e.to_string())?;
    eprint!("{}", built.report.render_human());
    let code = built.code;
    match command.as_str() {
        "generate" => match out {
            Some(path) => {
                std::fs::write(&path, code).map_err(|e| format!("error: {}: {e}", path.display()))
            }
            None => {
                print!("{code}");
                Ok(())
            }
        },
        "e2e" => {
            let cases = e2e::generate_cases(&built.spec, &code, "atlassian_admin_api")
                .map_err(|e| format!("error: {e}"))?;
            write_or_print(out, &cases)
        }
        "index" => write_or_print(out, &admin_api_tools::index::render_index(&built.spec)),
        "surface" => {
            let listing = render_surface(&built.spec, &code).map_err(|e| format!("error: {e}"))?;
            print!("{listing}");
            Ok(())
        }
        _ => Err(format!("unknown command `{command}`\n\n{USAGE}")),
    }
}

/// `check`: the rules, then a generation (which names the operation if
/// progenitor still fails); prints the report in the chosen format.
fn check(args: &[String]) -> Result<(), String> {
    let mut spec_path = PathBuf::from("spec/atlassian-admin.yaml");
    let mut format = "human".to_owned();
    let mut deny_warnings = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => format = iter.next().cloned().unwrap_or_default(),
            "--deny" => match iter.next().map(String::as_str) {
                Some("warnings") => deny_warnings = true,
                other => return Err(format!("--deny takes `warnings`, not {other:?}")),
            },
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other if other.starts_with('-') => {
                return Err(format!("unknown option `{other}`\n\n{USAGE}"))
            }
            other => spec_path = PathBuf::from(other),
        }
    }
    let (report, operations) = match build(&spec_path) {
        Ok(built) => {
            let ops = built.spec.openapi.operations().count();
            (built.report, Some(ops))
        }
        Err(Error::Check(report)) => (report, None),
        Err(e) => return Err(format!("error: {e}")),
    };
    let rendered = match format.as_str() {
        "human" => report.render_human(),
        "json" => report.render_json(),
        "github" => report.render_github(),
        other => return Err(format!("unknown format `{other}` (human, json or github)")),
    };
    print!("{rendered}");
    let failed = report.has_errors() || (deny_warnings && report.count(Severity::Warning) > 0);
    if failed {
        return Err(String::new());
    }
    if let (Some(ops), "human") = (operations, format.as_str()) {
        println!("{}: ok, {ops} operations", spec_path.display());
    }
    Ok(())
}

fn inventory(files: &[String]) -> Result<(), String> {
    if files.is_empty() {
        return Err(USAGE.to_owned());
    }
    let mut entries = Vec::new();
    for file in files {
        entries.extend(inventory::read_reference(std::path::Path::new(file))?);
    }
    print!("{}", inventory::to_tsv(&entries));
    Ok(())
}

/// Writes `text` to `out`, or prints it when no file is given.
fn write_or_print(out: Option<PathBuf>, text: &str) -> Result<(), String> {
    match out {
        Some(path) => {
            std::fs::write(&path, text).map_err(|e| format!("error: {}: {e}", path.display()))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
