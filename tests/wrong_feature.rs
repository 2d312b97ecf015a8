//! Calling an operation of an API family whose cargo feature is off does not
//! compile, and the compiler's message names the feature to enable.
//!
//! The test builds a tiny crate against this one with only the `control`
//! family (`cargo check --offline`, the workspace's `Cargo.lock`, a target
//! directory kept under this build's `target/tmp`, so only the first run
//! compiles the dependencies) and reads the compiler's errors.

use std::path::Path;
use std::process::Command;

const PROBE: &str = r#"
pub async fn probe(client: &atlassian_admin_api::Client) {
    // A control operation: compiled in this build.
    let _ = client.get_auth_policy_task_status().org_id("o").task_id("t").send().await;
    // An organization operation: its family is off.
    let _ = client.get_events();
}
"#;

#[test]
fn an_operation_of_a_family_left_out_names_the_feature_to_enable() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = tempfile::tempdir().expect("temp dir");
    let manifest = format!(
        r#"[package]
name = "wrong-feature-probe"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
atlassian-admin-api = {{ path = {root:?}, default-features = false, features = ["rustls", "control"] }}

# Not part of any workspace around the temporary directory.
[workspace]

[profile.dev.build-override]
opt-level = 3
"#
    );
    std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("manifest");
    std::fs::create_dir(dir.path().join("src")).expect("src");
    std::fs::write(dir.path().join("src/lib.rs"), PROBE).expect("probe");
    // The same versions as the workspace, without asking the registry.
    std::fs::copy(
        Path::new(root).join("Cargo.lock"),
        dir.path().join("Cargo.lock"),
    )
    .expect("lock file");

    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wrong-feature");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["check", "--offline", "--lib", "--target-dir"])
        .arg(&target)
        .current_dir(dir.path())
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("ATLASSIAN_ADMIN_API_SPEC")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "the probe compiled with `organization` off:\n{stderr}"
    );
    assert!(
        stderr.contains(
            "error[E0277]: `get_events` needs the cargo feature `organization` of atlassian-admin-api"
        ),
        "the error does not name the feature:\n{stderr}"
    );
    assert!(
        stderr.contains(r#"features = ["organization"]"#),
        "the note does not say how to enable it:\n{stderr}"
    );
    // The control call compiles: the only error is the organization one.
    assert_eq!(
        stderr.matches("error[").count(),
        1,
        "other errors than the feature's:\n{stderr}"
    );
}
