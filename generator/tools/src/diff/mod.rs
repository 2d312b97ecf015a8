//! `diff`: what a change of the spec means for users of the generated client.
//!
//! Operations are matched by method and path (a changed operationId there is a
//! renamed method), then by operationId (a moved path or changed method).
//! Schemas are compared as the Rust types progenitor generates from them
//! (`model`), following `$ref`s, so a pure reference refactor, reordered keys
//! or an edited description report nothing, while a renamed generated type
//! does. A change inside a shared component is reported once, listing the
//! operations that reach it. Each change carries a stable check id and a level
//! ([`checks`]); [`render`] prints reports as text, Markdown, JSON or GitHub
//! annotations.

pub mod checks;
pub mod cli;
pub mod locate;
mod model;
pub mod render;
mod schema;
pub mod source;
mod walk;

pub use checks::{Check, Level};

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
    /// The level of the change's check.
    pub fn level(&self) -> Level {
        self.check.level()
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

/// All changes between two specs, most severe first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The changes, ordered by level, check, location and message.
    pub changes: Vec<Change>,
}

impl Report {
    /// How many changes have `level`.
    pub fn count(&self, level: Level) -> usize {
        self.changes.iter().filter(|c| c.level() == level).count()
    }

    /// Whether any change is at least as severe as `level`.
    pub fn reaches(&self, level: Level) -> bool {
        self.changes.iter().any(|c| c.level() <= level)
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
        (a.level(), a.check, &a.location, &a.message).cmp(&(
            b.level(),
            b.check,
            &b.location,
            &b.message,
        ))
    });
    Report { changes }
}
