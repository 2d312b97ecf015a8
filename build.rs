//! Generates the client from `spec/atlassian-admin.yaml` into `OUT_DIR`: the
//! operations of the API families whose cargo features are enabled.
//!
//! `ATLASSIAN_ADMIN_API_SPEC` names another spec file to generate from
//! instead (to try a spec change on a copy; the tests use it). Only the spec
//! and that variable are tracked, so a no-op build runs no build script. The generator checks the spec first: a broken spec fails the
//! build with one compact, located block per problem (as `cargo::error=`
//! lines; warnings as `cargo::warning=`), never a panic backtrace.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-env-changed=ATLASSIAN_ADMIN_API_SPEC");
    let spec = match std::env::var_os("ATLASSIAN_ADMIN_API_SPEC") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default())
            .join("spec")
            .join("atlassian-admin.yaml"),
    };
    println!("cargo::rerun-if-changed={}", spec.display());

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let target = out_dir.join("atlassian_admin_api.rs");
    // Each API family's cargo feature: only the enabled ones are generated.
    // `full` means every family the spec declares, also one a spec change
    // added before `Cargo.toml` lists it.
    let on = |feature: &str| {
        std::env::var_os(admin_api_generator::features::cargo_env_var(feature)).is_some()
    };
    let full = on("full");
    let enabled = |feature: &str| full || on(feature);
    match admin_api_generator::build_features(&spec, enabled) {
        Ok(built) => {
            print!("{}", built.report.render_cargo());
            if let Err(e) = std::fs::write(&target, built.code) {
                println!("cargo::error=cannot write {}: {e}", target.display());
            }
        }
        Err(admin_api_generator::Error::Check(report)) => print!("{}", report.render_cargo()),
        Err(e) => {
            for line in e.to_string().lines() {
                println!(
                    "cargo::error={}",
                    admin_api_generator::printable::printable(line)
                );
            }
        }
    }
}
