//! The seed and export format: one JSON document, versioned.
//!
//! ```json
//! {"version": 1, "org": {"orgId": "...", "orgName": "...", "directoryId": "...", "directoryName": "...",
//!   "users": [...], "groups": [...], "policies": [...], "domains": [...], "events": [...],
//!   "tasks": [...], "scimUsers": [...], "scimGroups": [...], "workspaces": [...], "nextId": 1}}
//! ```
//!
//! Field names are those of [`Org`] and its parts in camelCase; lists other
//! than `users`, `groups` and `policies` may be left out (and so may the
//! fields added since version 1 appeared: `workspaces`, a user's
//! `addedToOrgMs` and `lastActive`). An export of a
//! running twin is a seed that starts the same state again.

use serde::{Deserialize, Serialize};

use crate::org::Org;
use crate::twin::MockAdminApi;

/// The version of the seed format this twin reads and writes.
pub const SEED_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct SeedFile {
    version: u32,
    org: Org,
}

/// Why a seed was refused.
#[derive(Debug)]
#[non_exhaustive]
pub enum SeedError {
    /// Not JSON of the seed's shape (the message says where).
    Shape(serde_json::Error),
    /// A version this twin does not read.
    Version(u32),
}

impl std::fmt::Display for SeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Shape(e) => write!(f, "the seed is not a version {SEED_VERSION} twin seed: {e}"),
            Self::Version(v) => write!(
                f,
                "seed version {v} is not supported (this twin reads version {SEED_VERSION})"
            ),
        }
    }
}

impl std::error::Error for SeedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Shape(e) => Some(e),
            Self::Version(_) => None,
        }
    }
}

impl Org {
    /// Reads a seed document.
    pub fn from_seed(json: &str) -> Result<Org, SeedError> {
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let v: Version = serde_json::from_str(json).map_err(SeedError::Shape)?;
        if v.version != SEED_VERSION {
            return Err(SeedError::Version(v.version));
        }
        let seed: SeedFile = serde_json::from_str(json).map_err(SeedError::Shape)?;
        Ok(seed.org)
    }

    /// The state as a seed document (pretty-printed JSON).
    pub fn to_seed(&self) -> String {
        let seed = SeedFile {
            version: SEED_VERSION,
            org: self.clone(),
        };
        // Plain data with string keys always serializes.
        serde_json::to_string_pretty(&seed).unwrap_or_default()
    }
}

impl MockAdminApi {
    /// A twin started from a seed document.
    pub fn from_seed(json: &str) -> Result<Self, SeedError> {
        Org::from_seed(json).map(Self::new)
    }

    /// The current state as a seed document.
    pub fn export(&self) -> String {
        self.snapshot().to_seed()
    }
}
