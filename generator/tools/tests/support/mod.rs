//! What the tools' integration tests share.

use std::path::{Path, PathBuf};

/// The workspace's curated spec (the tools' tests run from the repository).
pub fn spec_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../spec/atlassian-admin.yaml")
}
