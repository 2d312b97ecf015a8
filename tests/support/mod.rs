//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use admin_api_generator::{generate_client, load::parse_spec};
use admin_api_tools::render_surface;

/// The curated spec of this repository.
pub fn spec_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/atlassian-admin.yaml")
}

/// The surface listing of the spec text `text`.
pub fn surface_of(text: &str) -> String {
    let spec = parse_spec(Path::new("spec/atlassian-admin.yaml"), text.to_owned())
        .unwrap_or_else(|e| panic!("spec does not load: {e}"));
    let code = generate_client(&spec).unwrap_or_else(|e| panic!("spec does not generate: {e}"));
    render_surface(&spec, &code).unwrap_or_else(|e| panic!("generated code does not parse: {e}"))
}

/// Lines removed (`-`) and added (`+`) between two listings, in order; enough
/// to show a reviewer what moved without a diff library.
pub fn line_changes(old: &str, new: &str) -> String {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let mut out = String::new();
    for l in &old_lines {
        if !new_lines.contains(l) {
            out.push_str(&format!("- {l}\n"));
        }
    }
    for l in &new_lines {
        if !old_lines.contains(l) {
            out.push_str(&format!("+ {l}\n"));
        }
    }
    out
}
