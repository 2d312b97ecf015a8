//! The API families as cargo features: `Cargo.toml` declares exactly the
//! spec's `x-feature`s (and `full` enables them all), every operation belongs
//! to one family, and each family generates on its own.
//! (`.ci/run` compiles the client with each family alone.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use admin_api_generator::features::{self, Selection};
use admin_api_generator::{generate_client, load_spec, model};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn spec() -> admin_api_generator::Spec {
    load_spec(&root().join("spec/atlassian-admin.yaml"))
        .unwrap_or_else(|e| panic!("the curated spec loads: {e}"))
}

/// The client crate's `[features]`, as cargo reads them.
fn cargo_features() -> serde_json::Map<String, serde_json::Value> {
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .arg("--manifest-path")
        .arg(root().join("Cargo.toml"))
        .output()
        .unwrap_or_else(|e| panic!("cargo metadata runs: {e}"));
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("cargo metadata prints JSON: {e}"));
    let package = metadata["packages"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "atlassian-admin-api"))
        .unwrap_or_else(|| panic!("the client package is in the metadata"));
    package["features"]
        .as_object()
        .cloned()
        .unwrap_or_else(|| panic!("the client package has features"))
}

fn names(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn cargo_features_are_the_spec_s_families() {
    let declared = features::declared(&spec().openapi);
    assert_eq!(
        declared,
        [
            "api-access",
            "control",
            "organization",
            "scim",
            "user-management"
        ]
        .map(str::to_owned)
        .into(),
    );
    let cargo = cargo_features();
    assert_eq!(
        names(&cargo["full"]),
        declared,
        "`full` enables every family"
    );
    assert!(
        names(&cargo["default"]).contains("full"),
        "the default is every family"
    );
    for family in &declared {
        assert_eq!(
            cargo.get(family).map(names),
            Some(BTreeSet::new()),
            "`{family}` is a feature of its own, enabling nothing else"
        );
    }
}

#[test]
fn every_operation_belongs_to_exactly_one_family() {
    let spec = spec();
    let all: Vec<&str> = model::operations(&spec.openapi)
        .iter()
        .map(|o| o.id())
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for family in features::declared(&spec.openapi) {
        let selected = features::select(&spec, &Selection::Features([family.clone()].into()));
        let ops = model::operations(&selected.openapi);
        assert!(!ops.is_empty(), "`{family}` has operations");
        seen.extend(ops.iter().map(|o| o.id().to_owned()));
    }
    seen.sort();
    let mut expected: Vec<String> = all.iter().map(|s| (*s).to_owned()).collect();
    expected.sort();
    assert_eq!(seen, expected, "the families partition the operations");
    assert_eq!(all.len(), 137);
}

#[test]
fn each_family_generates_a_smaller_client_without_the_others_types() {
    let spec = spec();
    let full = generate_client(&spec).unwrap_or_else(|e| panic!("the full client generates: {e}"));
    let mut total = 0;
    for family in features::declared(&spec.openapi) {
        let selected = features::select(&spec, &Selection::Features([family.clone()].into()));
        let code = generate_client(&selected)
            .unwrap_or_else(|e| panic!("`{family}` alone generates: {e}"));
        assert!(
            code.len() < full.len() * 6 / 10,
            "`{family}` alone is {} bytes of {}",
            code.len(),
            full.len()
        );
        total += code.len();
        // A type only another family uses is gone: SCIM's group list
        // belongs to SCIM, the authentication-policy task to control.
        let foreign = if family == "scim" {
            "pub struct AuthPolicyTaskStatus "
        } else {
            "pub struct ScimGroupList "
        };
        assert!(
            !code.contains(foreign),
            "`{family}` alone still generates `{foreign}`"
        );
    }
    assert!(
        total > full.len() / 2,
        "the families together cover the client"
    );
}

#[test]
fn no_family_is_a_compile_error_that_names_them() {
    let path = root().join("spec/atlassian-admin.yaml");
    let built = admin_api_generator::build_features(Path::new(&path), |_| false)
        .unwrap_or_else(|e| panic!("the build succeeds: {e}"));
    let first = built.code.lines().next().unwrap_or_default();
    assert!(first.starts_with("::core::compile_error!("), "{first}");
    for family in [
        "full",
        "organization",
        "control",
        "api-access",
        "user-management",
        "scim",
    ] {
        assert!(
            first.contains(&format!("`{family}`")),
            "{family} not named: {first}"
        );
    }
}
