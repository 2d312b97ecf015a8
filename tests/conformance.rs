//! Conformance of the client with Atlassian's official API descriptions.
//!
//! For every operation (the generated end-to-end cases of `tests/e2e/cases.rs`,
//! whose requests `tests/e2e.rs` proves are exactly what the client sends) this
//! serves the official file that describes it with Prism on 127.0.0.1 and
//! reports (a) whether the client's request validates against the official
//! schemas and (b) whether every official example, and random answers Prism
//! generates from the official schemas, decode into the curated types. Known
//! official defects are listed with their reason (`conformance/official.rs`).
//!
//! It needs the official files and Prism, so it is `#[ignore]`d in a plain
//! `cargo test`; run it with `.ci/conformance DIR` (which installs Prism), or
//! directly:
//!
//! ```sh
//! REFERENCE_SPECS=../shared/reference-specs PRISM=path/to/prism \
//!     cargo test --test conformance -- --ignored --nocapture
//! ```

use std::path::PathBuf;

// Generated (prettyplease layout); `tests/e2e.rs` checks that it is current.
#[allow(dead_code)]
#[rustfmt::skip]
#[path = "e2e/cases.rs"]
mod cases;
#[allow(dead_code)]
#[path = "e2e/harness.rs"]
mod harness;

#[path = "conformance/check.rs"]
mod check;
#[path = "conformance/official.rs"]
mod official;
#[path = "conformance/prism.rs"]
mod prism;

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs the official files and Prism: run `.ci/conformance DIR`"]
async fn the_client_conforms_to_the_official_files() {
    let dir = PathBuf::from(std::env::var("REFERENCE_SPECS").expect(
        "REFERENCE_SPECS must name the directory of the official files (see .ci/conformance)",
    ));
    let prism = PathBuf::from(
        std::env::var("PRISM").expect("PRISM must name the prism binary (see .ci/conformance)"),
    );
    let spec_path = format!("{}/spec/atlassian-admin.yaml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&spec_path).expect("curated spec");
    let curated: serde_json::Value = serde_yaml::from_str(&text).expect("curated spec parses");
    let cases: &'static [harness::Case] = Box::leak(cases::cases().into_boxed_slice());
    let report = check::run(&dir, &prism, &curated, cases).await;
    println!("{}", report.text);
    assert_eq!(report.operations, cases.len(), "every operation is checked");
    assert!(
        report.unexpected.is_empty(),
        "{} unexpected conformance problem(s):\n{}",
        report.unexpected.len(),
        report.unexpected.join("\n")
    );
}
