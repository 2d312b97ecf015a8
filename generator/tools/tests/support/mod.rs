//! What the tools' integration tests share.

use std::path::{Path, PathBuf};

/// The workspace's curated spec (the tools' tests run from the repository).
#[allow(dead_code)] // not every test binary uses it
pub fn spec_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/atlassian-admin.yaml")
}

/// The repository's root directory.
#[allow(dead_code)] // not every test binary uses it
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
