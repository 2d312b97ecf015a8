//! Hostile specs (issue 12): generated inputs of at most 2 MB that used to
//! exhaust memory, overflow the stack, take minutes or be misdiagnosed. Each
//! must end in located diagnostics, never a panic. Timings are printed, not
//! asserted (`cargo test --release -p atlassian-admin-generator --test
//! adversarial -- --nocapture`); the README gives the measured figures.

use std::path::{Path, PathBuf};
use std::time::Instant;

use admin_api_generator::load::{load_spec, parse_spec};
use admin_api_generator::{check_file, check_text, Checked, Severity};

mod support;

const HEAD: &str = "openapi: 3.0.3
info:
  title: t
  version: '1'
paths:
  /a:
    get:
      operationId: getA
      tags: [t]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/S0'
";

fn check(name: &str, text: String) -> Checked {
    let started = Instant::now();
    let len = text.len();
    let checked = check_text(Path::new(name), text);
    println!(
        "{name}: {len} bytes checked in {:?}, {} diagnostic(s)",
        started.elapsed(),
        checked.report.diagnostics.len()
    );
    assert_all_located(&checked);
    checked
}

fn assert_all_located(checked: &Checked) {
    for d in &checked.report.diagnostics {
        assert!(
            d.position.is_some(),
            "unlocated diagnostic {}: {}",
            d.rule,
            d.message
        );
    }
}

fn errors<'a>(checked: &'a Checked, rule: &str) -> Vec<&'a admin_api_generator::Diagnostic> {
    checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.rule == rule)
        .collect()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("adversarial-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A spec whose only operation returns `S0`, with `schemas` under
/// `components/schemas`.
fn spec_with(schemas: &str) -> String {
    format!("{HEAD}components:\n  schemas:\n{schemas}")
}

/// `S0 -> S1 -> ... -> S{links}` (a string).
fn chain(links: usize) -> String {
    let mut s = String::new();
    for i in 0..links {
        s.push_str(&format!(
            "    S{i}:\n      $ref: '#/components/schemas/S{}'\n",
            i + 1
        ));
    }
    s.push_str(&format!("    S{links}:\n      type: string\n"));
    spec_with(&s)
}

/// About 1.5 MB: a list of 250,000 scalars, then nine levels of ten aliases
/// each (2.5e14 nodes once expanded).
fn alias_bomb() -> String {
    let mut bomb = String::from("x-bomb:\n  a0: &a0 [");
    bomb.push_str(&vec!["xxxx"; 250_000].join(", "));
    bomb.push_str("]\n");
    for level in 1..10 {
        let prev = format!("*a{}", level - 1);
        bomb.push_str(&format!(
            "  a{level}: &a{level} [{}]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    format!("{HEAD}{bomb}components:\n  schemas:\n    S0:\n      type: string\n")
}

#[test]
fn an_alias_bomb_fails_fast_with_a_located_diagnostic() {
    let text = alias_bomb();
    assert!(text.len() > 1_400_000 && text.len() < 2_000_000);
    let checked = check("bomb.yaml", text.clone());
    let found = errors(&checked, "yaml-alias-limit");
    assert_eq!(found.len(), 1, "{}", checked.report.render_human());
    assert!(found[0].position.unwrap().line > 16);
    assert!(checked.spec.is_none());
    // `diff` loads through `parse_spec`: the same bound, located.
    let err = parse_spec(Path::new("bomb.yaml"), text).unwrap_err();
    assert!(err.message.contains("alias"), "{err}");
    assert!(err.location.is_some());
}

#[test]
fn modest_aliases_are_still_accepted() {
    let text = format!(
        "{HEAD}x-shared:\n  a: &limits [1, 2, 3]\n  b: *limits\n  c: *limits\ncomponents:\n  schemas:\n    S0:\n      type: string\n"
    );
    let checked = check("aliases.yaml", text);
    assert_eq!(
        checked.report.count(Severity::Error),
        0,
        "{}",
        checked.report.render_human()
    );
    assert!(checked.spec.is_some());
}

const ALL_OF_CYCLE: &str = "    S0:
      allOf:
        - $ref: '#/components/schemas/S1'
        - type: object
          properties:
            a: {type: string}
    S1:
      allOf:
        - $ref: '#/components/schemas/S0'
        - type: object
          properties:
            b: {type: string}
";

#[test]
fn an_all_of_cycle_is_a_located_error_not_a_stack_overflow() {
    let text = spec_with(ALL_OF_CYCLE);
    let checked = check("allof-cycle.yaml", text.clone());
    let found = errors(&checked, "ref-cycle");
    assert_eq!(found.len(), 1, "{}", checked.report.render_human());
    assert_eq!(found[0].pointer, "/components/schemas/S1/allOf/0/$ref");
    assert!(
        found[0].message.contains("S0 → S1 → S0"),
        "{}",
        found[0].message
    );
    // The build stops at `check`, before progenitor recurses on the cycle.
    let path = temp_file("allof-cycle.yaml", text.as_bytes());
    match admin_api_generator::build(&path) {
        Err(admin_api_generator::Error::Check(report)) => {
            assert!(report.diagnostics.iter().any(|d| d.rule == "ref-cycle"));
        }
        other => panic!("expected a check error, got {other:?}"),
    }
}

#[test]
fn a_self_referencing_all_of_and_an_alias_into_it_are_cycles() {
    let text = spec_with(
        "    S0:\n      $ref: '#/components/schemas/S1'\n    S1:\n      allOf:\n        - type: object\n        - allOf:\n            - $ref: '#/components/schemas/S0'\n",
    );
    let checked = check("allof-self.yaml", text);
    let found = errors(&checked, "ref-cycle");
    assert_eq!(found.len(), 1, "{}", checked.report.render_human());
}

#[test]
fn recursion_through_properties_is_not_a_cycle() {
    let text = spec_with(
        "    S0:\n      type: object\n      properties:\n        children:\n          type: array\n          items:\n            $ref: '#/components/schemas/S0'\n        parent:\n          allOf:\n            - $ref: '#/components/schemas/S0'\n",
    );
    let checked = check("tree.yaml", text);
    assert!(
        errors(&checked, "ref-cycle").is_empty(),
        "{}",
        checked.report.render_human()
    );
}

#[test]
fn chains_longer_than_32_links_are_not_cycles() {
    // The operation's `$ref` to `S0` is one more link: 99 + 1 = 100.
    for links in [33, 64, 99] {
        let checked = check(&format!("chain{links}.yaml"), chain(links));
        assert_eq!(
            checked.report.count(Severity::Error),
            0,
            "{links} links: {}",
            checked.report.render_human()
        );
        assert!(checked.spec.is_some());
    }
}

#[test]
fn a_20000_link_chain_is_classified_quickly_as_too_long() {
    let text = chain(20_000);
    assert!(text.len() < 2_000_000);
    let checked = check("chain20000.yaml", text);
    assert!(errors(&checked, "ref-cycle").is_empty());
    let found = errors(&checked, "ref-chain-too-long");
    // Every link that starts a chain of more than 100 references.
    assert_eq!(found.len(), 20_000 - 100 + 1, "first: {:?}", found.first());
    assert!(found
        .iter()
        .any(|d| d.pointer == "/components/schemas/S0/$ref"));
}

#[test]
fn real_reference_cycles_are_still_found() {
    let text = spec_with(
        "    S0:\n      $ref: '#/components/schemas/S1'\n    S1:\n      $ref: '#/components/schemas/S2'\n    S2:\n      $ref: '#/components/schemas/S0'\n",
    );
    let checked = check("cycle.yaml", text);
    // The three links, and the operation's `$ref` into the loop.
    assert_eq!(
        errors(&checked, "ref-cycle").len(),
        4,
        "{}",
        checked.report.render_human()
    );
}

#[test]
fn non_utf8_input_is_located_at_the_first_invalid_byte() {
    let mut bytes = spec_with("    S0:\n      type: string\n      description: caf").into_bytes();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xe9 au lait\n");
    let path = temp_file("latin1.yaml", &bytes);
    let checked = check_file(&path);
    assert_all_located(&checked);
    let found = errors(&checked, "spec-encoding");
    assert_eq!(found.len(), 1, "{}", checked.report.render_human());
    let position = found[0].position.unwrap();
    assert_eq!((position.line, position.column), (21, 23));
    assert!(found[0].message.contains(&format!("byte offset {offset}")));
    let err = load_spec(&path).unwrap_err();
    assert_eq!(err.location, Some((21, 23)));
}

#[test]
fn a_byte_order_mark_before_a_valid_spec_is_accepted() {
    let text = format!("\u{feff}{}", chain(1));
    let checked = check("bom.yaml", text.clone());
    assert_eq!(
        checked.report.count(Severity::Error),
        0,
        "{}",
        checked.report.render_human()
    );
    assert!(checked.spec.is_some());
    let path = temp_file("bom.yaml", text.as_bytes());
    assert_eq!(check_file(&path).report.count(Severity::Error), 0);
    load_spec(&path).unwrap();
}

#[test]
fn an_out_of_range_integer_is_named_and_located() {
    let text =
        spec_with("    S0:\n      type: integer\n      maximum: 123456789012345678901234567890\n");
    let checked = check("bigint.yaml", text.clone());
    let found = errors(&checked, "yaml-number-range");
    assert_eq!(found.len(), 1, "{}", checked.report.render_human());
    assert!(found[0].message.contains("123456789012345678901234567890"));
    assert_eq!(found[0].position.unwrap().line, 21);
    let err = parse_spec(Path::new("bigint.yaml"), text).unwrap_err();
    assert!(err.location.is_some(), "{err}");
}

#[test]
fn deep_nesting_is_a_located_error() {
    for (name, text) in [
        (
            "flow",
            format!(
                "{HEAD}x-deep: {}{}\n",
                "[".repeat(500_000),
                "]".repeat(500_000)
            ),
        ),
        ("block", {
            let mut s = format!("{HEAD}x-deep:\n");
            for i in 1..2000 {
                s.push_str(&" ".repeat(i * 2));
                s.push_str("a:\n");
            }
            s
        }),
    ] {
        let checked = check(name, text.clone());
        assert!(checked.report.has_errors(), "{name}");
        assert!(parse_spec(Path::new(name), text)
            .unwrap_err()
            .location
            .is_some());
    }
}

#[test]
fn json_specs_parse_like_yaml_and_their_errors_are_located() {
    let yaml = chain(2);
    let value: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    let json = serde_json::to_string_pretty(&value).unwrap();
    let from_yaml = parse_spec(Path::new("a.yaml"), yaml).unwrap();
    let from_json = parse_spec(Path::new("a.json"), json.clone()).unwrap();
    assert_eq!(from_yaml.openapi, from_json.openapi);
    let broken = json.replacen("\"paths\"", "\"paths\" 3", 1);
    let err = parse_spec(Path::new("a.json"), broken).unwrap_err();
    assert!(err.location.is_some_and(|(line, _)| line > 1), "{err}");
}

#[test]
fn a_duplicate_key_is_a_located_error_in_yaml_and_json_alike() {
    // Without aliases the YAML used to go straight to the typed parse, where
    // the second `/a` silently replaced the first (or openapiv3 panicked).
    let yaml = chain(1).replacen("paths:\n", "paths:\n  /a:\n    get: {}\n", 1);
    let err = parse_spec(Path::new("dup.yaml"), yaml.clone()).unwrap_err();
    assert!(
        err.message.contains("duplicate entry with key \"/a\""),
        "{err}"
    );
    // serde_yaml locates a custom error at the mapping's first key.
    assert_eq!(err.location.map(|(line, _)| line), Some(6), "{err}");
    assert!(check("dup.yaml", yaml).report.has_errors());

    let json = "{\n  \"openapi\": \"3.0.3\",\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {}\n}\n";
    let err = parse_spec(Path::new("dup.json"), json.to_owned()).unwrap_err();
    assert!(
        err.message.contains("duplicate entry with key \"openapi\""),
        "{err}"
    );
    assert_eq!(err.location.map(|(line, _)| line), Some(3), "{err}");
}

#[test]
fn a_spec_too_big_to_generate_within_bounds_is_a_located_error() {
    // 9,000 properties on one schema: about 380 MB and 2 s of generation in
    // release, over the budget; 2,001 operations likewise.
    let props: String = (0..9_000)
        .map(|i| format!("        p{i}: {{type: string}}\n"))
        .collect();
    let wide = format!(
        "{HEAD}components:\n  schemas:\n    S0:\n      type: object\n      properties:\n{props}"
    );
    let checked = check("wide.yaml", wide);
    let found = errors(&checked, "spec-size");
    assert_eq!(found.len(), 1, "{}", checked.report.render_human());
    assert_eq!(found[0].pointer, "/components/schemas/S0/properties");
    assert!(
        found[0].message.contains("9000 schema properties"),
        "{}",
        found[0].message
    );

    let mut many = String::from("openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n");
    for i in 0..2_001 {
        many.push_str(&format!(
            "  /a{i}:\n    get:\n      operationId: get{i}\n      responses:\n        '204':\n          description: ok\n"
        ));
    }
    let checked = check("many.yaml", many);
    let found = errors(&checked, "spec-size");
    assert_eq!(found.len(), 1, "{}", checked.report.render_human());
    assert_eq!(found[0].pointer, "/paths");
}

#[test]
fn the_spec_read_from_its_guarded_tree_equals_a_plain_text_parse() {
    // parse_spec and check convert the bounded tree instead of parsing the
    // text twice; the result must be the very document a text parse gives.
    // An unquoted `version: 1.0` (a number in the tree) falls back to the text.
    let text = std::fs::read_to_string(support::spec_path()).unwrap();
    let plain: openapiv3::OpenAPI = serde_yaml::from_str(&text).unwrap();
    assert_eq!(
        parse_spec(Path::new("spec.yaml"), text.clone())
            .unwrap()
            .openapi,
        plain
    );
    assert_eq!(check("spec.yaml", text).spec.unwrap().openapi, plain);
    let numeric = chain(1).replace("version: '1'", "version: 1.0");
    assert_eq!(
        parse_spec(Path::new("n.yaml"), numeric)
            .unwrap()
            .openapi
            .info
            .version,
        "1.0"
    );
}

#[test]
fn check_time_grows_linearly_with_operations() {
    // Printed, not asserted: run with --release --nocapture for the figures.
    for ops in [150, 300, 600, 1200] {
        let mut s = String::from("openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n");
        for i in 0..ops {
            s.push_str(&format!(
                "  /a{i}/{{id}}:\n    get:\n      operationId: get{i}\n      tags: [t]\n      parameters:\n        - $ref: '#/components/parameters/Id'\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/S0'\n"
            ));
        }
        s.push_str("components:\n  parameters:\n    Id:\n      name: id\n      in: path\n      required: true\n      schema:\n        type: string\n  schemas:\n    S0:\n      type: string\n");
        let checked = check(&format!("ops{ops}.yaml"), s);
        assert_eq!(
            checked.report.count(Severity::Error),
            0,
            "{}",
            checked.report.render_human()
        );
    }
}
