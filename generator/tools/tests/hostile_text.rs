//! Spec text never reaches a terminal or a CI log as anything but text: every
//! human format of `check`, `diff`, `drift` and `changelog` prints hostile
//! names (a newline followed by a workflow command, a leading `::`, terminal
//! escape sequences, bidirectional overrides) in every field it prints, and
//! no printed line may be a GitHub workflow command or hold a control
//! character. The `github` formats print their own commands, one per line.

use std::path::Path;

use admin_api_generator::check_text;
use admin_api_tools::changelog::{self, Release, Version};
use admin_api_tools::diff::render::{render, Format, Target};
use admin_api_tools::diff::{diff, Report};
use admin_api_tools::drift::cli::run as drift;

/// Each hostile text carries a distinct marker, so a test can see the field
/// was printed at all (an output that drops it proves nothing).
const HOSTILE: [(&str, &str); 5] = [
    ("\n::error file=x,line=1::", "pwned-newline"),
    ("::add-mask::", "pwned-mask"),
    ("  ::stop-commands::tok", "pwned-stop"),
    ("\u{1b}[2J\u{1b}[31m", "pwned-ansi"),
    ("\r\u{202e}\u{2028}", "pwned-bidi"),
];

/// The hostile text number `i` (cycled), with its marker.
fn hostile(i: usize) -> String {
    let (attack, marker) = HOSTILE[i % HOSTILE.len()];
    format!("{attack}{marker}{i}")
}

/// A YAML double-quoted scalar of `s` (everything outside printable ASCII
/// escaped: YAML reads a raw U+2028 as a line break).
fn yaml(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Fails when a line of `output` is a workflow command or holds a control
/// character, or when a marker it should print is missing.
fn assert_inert(what: &str, output: &str, markers: &[String]) {
    for (n, line) in output.lines().enumerate() {
        assert!(
            !line.trim_start().starts_with("::"),
            "{what}: line {} is a workflow command: {line:?}",
            n + 1
        );
        assert!(
            !line
                .chars()
                .any(|c| c.is_control() || ('\u{2028}'..='\u{202e}').contains(&c)),
            "{what}: line {} holds a control character: {line:?}",
            n + 1
        );
    }
    for marker in markers {
        assert!(
            output.contains(marker.as_str()),
            "{what} does not print {marker}:\n{output}"
        );
    }
}

/// Fails unless every line is one of the format's own commands (a hostile
/// text cannot start a line or a command of its own).
fn assert_one_command_per_line(what: &str, output: &str, expected: usize) {
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), expected, "{what}:\n{output}");
    for line in lines {
        assert!(
            ["::error ", "::warning ", "::notice "]
                .iter()
                .any(|c| line.starts_with(c)),
            "{what}: {line:?}"
        );
        assert!(!line.chars().any(|c| c.is_control()), "{what}: {line:?}");
    }
}

fn markers(range: std::ops::Range<usize>) -> Vec<String> {
    range
        .map(|i| format!("{}{i}", HOSTILE[i % HOSTILE.len()].1))
        .collect()
}

/// A spec whose path, operation id, parameter, schema, property and enum
/// value names are hostile texts 0 to 5.
fn hostile_spec() -> String {
    format!(
        r#"openapi: 3.0.3
info: {{title: t, version: 1.0.0}}
paths:
  {path}:
    get:
      operationId: {op}
      parameters:
        - {{name: {param}, in: query, schema: {{type: string}}}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {{$ref: {schema_ref}}}
components:
  schemas:
    {schema}:
      type: object
      properties:
        {prop}: {{type: string, enum: [{value}]}}
"#,
        path = yaml(&format!("/a/{}", hostile(0))),
        op = yaml(&format!("get{}", hostile(1))),
        param = yaml(&hostile(2)),
        schema = yaml(&hostile(3)),
        schema_ref = yaml(&format!("#/components/schemas/{}", hostile(3))),
        prop = yaml(&hostile(4)),
        value = yaml(&hostile(5)),
    )
}

const BASE_SPEC: &str = r#"openapi: 3.0.3
info: {title: t, version: 1.0.0}
paths:
  /kept:
    get:
      operationId: getKept
      responses:
        "204": {description: ok}
"#;

fn parse(text: &str) -> openapiv3::OpenAPI {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The base spec plus the hostile operation, then minus it: every change
/// the diff finds names hostile texts.
fn reports() -> (Report, Report) {
    let base = parse(BASE_SPEC);
    let mut with = parse(&hostile_spec());
    with.paths.paths.extend(base.paths.paths.clone());
    (diff(&base, &with), diff(&with, &base))
}

#[test]
fn check_prints_hostile_names_as_text_in_every_format() {
    // A file name starting with a command: the summary line starts with it.
    let file = format!("{}.yaml", hostile(6));
    let checked = check_text(Path::new(&file), hostile_spec());
    let report = &checked.report;
    assert!(
        !report.diagnostics.is_empty(),
        "the hostile spec should draw diagnostics"
    );
    let human = report.render_human();
    assert_inert("check (human)", &human, &markers(6..7));
    // The names reach messages or pointers: at least the path and the op id.
    assert!(
        human.contains("pwned-newline0") || human.contains("pwned-mask1"),
        "{human}"
    );
    assert_inert("check (cargo)", &report.render_cargo(), &markers(6..7));
    assert_one_command_per_line(
        "check (github)",
        &report.render_github(),
        report.diagnostics.len(),
    );
}

#[test]
fn diff_prints_hostile_names_as_text_in_every_format() {
    let (added, removed) = reports();
    for (what, report) in [("added", &added), ("removed", &removed)] {
        assert!(!report.changes.is_empty(), "{what}: no change found");
        let target = Target {
            file: "spec/atlassian-admin.yaml",
            text: "",
        };
        let text = render(report, Format::Text, target);
        assert_inert(&format!("diff {what} (text)"), &text, &markers(0..2));
        let markdown = render(report, Format::Markdown, target);
        assert_inert(
            &format!("diff {what} (markdown)"),
            &markdown,
            &markers(0..2),
        );
        assert_one_command_per_line(
            &format!("diff {what} (github)"),
            &render(report, Format::Github, target),
            report.changes.len(),
        );
    }
}

#[test]
fn diff_prints_hostile_component_names_and_the_operations_reaching_them() {
    // A change inside a shared schema lists the operations reaching it.
    let old = parse(&hostile_spec());
    let text = hostile_spec().replace("type: string, enum:", "type: integer, enum:");
    let report = diff(&old, &parse(&text));
    assert!(!report.changes.is_empty());
    let target = Target {
        file: "spec/atlassian-admin.yaml",
        text: "",
    };
    for format in [Format::Text, Format::Markdown] {
        let out = render(&report, format, target);
        assert_inert(
            &format!("diff component ({format:?})"),
            &out,
            &markers(1..2),
        );
    }
}

#[test]
fn changelog_prints_hostile_names_as_text() {
    let (added, removed) = reports();
    let base = Version::parse("0.1.0").unwrap();
    for report in [&added, &removed] {
        let notes = changelog::render(
            report,
            &Release {
                version: Version::parse("0.2.0").unwrap(),
                date: Some("2026-12-03"),
                base: Some(("v0.1.0", base)),
            },
        );
        assert_inert("changelog", &notes, &markers(0..2));
    }
}

#[test]
fn drift_prints_official_and_recorded_text_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/drift_corpus");
    let official = std::fs::read_to_string(corpus.join("official.yaml"))
        .unwrap()
        .replace(
            "status: {type: string, enum: [active, suspended]}",
            &format!(
                "status: {{type: string, enum: [active, suspended, {}]}}\n                        {}: {{type: string}}",
                yaml(&hostile(7)),
                yaml(&hostile(8))
            ),
        );
    assert!(official.contains("pwned-ansi8"));
    let deviations = format!(
        "{}  - what: only-curated\n    where: {}\n    why: {}\n",
        std::fs::read_to_string(corpus.join("deviations.yaml")).unwrap(),
        yaml(&hostile(9)),
        yaml(&hostile(10)),
    );
    let official_path = dir.path().join("official.yaml");
    let deviations_path = dir.path().join("deviations.yaml");
    std::fs::write(&official_path, official).unwrap();
    std::fs::write(&deviations_path, deviations).unwrap();
    for (format, printed) in [("text", 7..10), ("markdown", 7..11)] {
        let outcome = drift(&[
            "--spec".to_owned(),
            corpus.join("curated.yaml").to_string_lossy().into_owned(),
            "--deviations".to_owned(),
            deviations_path.to_string_lossy().into_owned(),
            "--format".to_owned(),
            format.to_owned(),
            official_path.to_string_lossy().into_owned(),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(outcome.failed, "the hostile drift should fail the check");
        assert_inert(
            &format!("drift ({format})"),
            &outcome.output,
            &markers(printed),
        );
    }
}
