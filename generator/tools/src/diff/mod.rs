//! `diff`: what a change of the spec means for users of the generated client.
//!
//! Operations are matched by method and path (a changed operationId there is a
//! renamed method), then by operationId (a moved path or changed method).
//! Schemas are compared as the Rust types progenitor generates from them
//! (`model`), following `$ref`s, so a pure reference refactor, reordered keys
//! or an edited description report nothing, while a renamed generated type
//! does. A change inside a shared component is reported once, listing the
//! operations that reach it. Each change carries a stable check id and two
//! levels ([`checks`]): for the Rust API and for the HTTP contract; [`render`] prints reports as text, Markdown, JSON or GitHub
//! annotations.

pub mod checks;
pub mod cli;
pub mod locate;
mod model;
pub mod render;
mod schema;
pub mod source;
mod walk;

pub use checks::{Check, Level, Scope, Threshold};

/// One reported change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What kind of change (its id and level).
    pub check: Check,
    /// Where, readably: `GET /path`, `GET /path query parameter `x``, `Schema.field`.
    pub location: String,
    /// JSON pointer segments into the new spec (the old one for removals) of
    /// the place concerned, or of its nearest surviving parent.
    pub pointer: Vec<String>,
    /// One line saying what changed.
    pub message: String,
    /// The operations (operationId, else `METHOD /path`) that reach the change.
    pub operations: Vec<String>,
}

impl Change {
    /// The Rust-level severity of the change's check.
    pub fn level(&self) -> Level {
        self.check.level()
    }

    /// The HTTP-contract severity of the change's check.
    pub fn contract_level(&self) -> Level {
        self.check.contract_level()
    }

    /// The more severe of the two levels.
    pub fn worst_level(&self) -> Level {
        self.level().min(self.contract_level())
    }

    /// The pointer as an RFC 6901 JSON pointer fragment (`#/paths/~1x/get`).
    pub fn json_pointer(&self) -> String {
        let mut out = String::from("#");
        for seg in &self.pointer {
            out.push('/');
            out.push_str(&seg.replace('~', "~0").replace('/', "~1"));
        }
        out
    }
}

/// All changes between two specs, most severe (at either level) first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The changes, ordered by their worst level, check, location and message.
    pub changes: Vec<Change>,
}

impl Report {
    /// How many changes have `level` at the Rust level.
    pub fn count(&self, level: Level) -> usize {
        self.count_in(Scope::Rust, level)
    }

    /// How many changes have `level` in `scope`.
    pub fn count_in(&self, scope: Scope, level: Level) -> usize {
        self.changes
            .iter()
            .filter(|c| c.check.level_in(scope) == level)
            .count()
    }

    /// Whether any change is at least as severe as `level` at the Rust level.
    pub fn reaches(&self, level: Level) -> bool {
        self.crosses(Threshold {
            scope: Scope::Rust,
            level,
        })
    }

    /// Whether any change is at least as severe as the threshold in its scope.
    pub fn crosses(&self, threshold: Threshold) -> bool {
        self.changes
            .iter()
            .any(|c| c.check.level_in(threshold.scope) <= threshold.level)
    }
}

/// Compares two parsed specs.
pub fn diff(old: &openapiv3::OpenAPI, new: &openapiv3::OpenAPI) -> Report {
    let mut changes: Vec<Change> = walk::walk(old, new)
        .into_iter()
        .map(|((check, pointer, location, message), ops)| Change {
            check,
            location,
            pointer,
            message,
            operations: ops.into_iter().collect(),
        })
        .collect();
    changes.sort_by(|a, b| {
        (a.worst_level(), a.check, &a.location, &a.message).cmp(&(
            b.worst_level(),
            b.check,
            &b.location,
            &b.message,
        ))
    });
    Report { changes }
}
