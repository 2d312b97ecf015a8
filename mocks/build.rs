//! Generates the typed httpmock helpers from the workspace's spec into `OUT_DIR`.
//!
//! Same rules as the client's build script: only the spec is tracked, and a
//! broken spec becomes cargo errors, not a panic backtrace.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let spec = root.join("..").join("spec").join("atlassian-admin.yaml");
    println!("cargo::rerun-if-changed={}", spec.display());

    let target = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("mocks.rs");
    let generated = admin_api_generator::load_spec(&spec)
        .map_err(|e| e.to_string())
        .and_then(|spec| {
            admin_api_generator::generate_httpmock(&spec, "atlassian_admin_api")
                .map_err(|e| e.to_string())
        });
    match generated {
        Ok(code) => {
            if let Err(e) = std::fs::write(&target, code) {
                println!("cargo::error=cannot write {}: {e}", target.display());
            }
        }
        Err(e) => {
            for line in e.lines() {
                println!("cargo::error={line}");
            }
        }
    }
}
