//! The machine-readable record of deliberate deviations (`spec/deviations.yaml`):
//! each says what differs from the official files, where, and why; `drift`
//! matches every difference it finds against it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Difference, Kind};

/// The deviations file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deviations {
    /// Official files that are old copies: an operation is compared with one
    /// of them only when no current file has it, and an operation found in
    /// no current file is `operation-only-curated` even when an archived
    /// file has it.
    #[serde(default)]
    pub archived: Vec<Archived>,
    /// The recorded deviations.
    #[serde(default)]
    pub deviations: Vec<Deviation>,
}

/// An official file kept as an old copy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archived {
    /// Its file name.
    pub file: String,
    /// Why it is still consulted.
    pub why: String,
}

/// One deliberate deviation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deviation {
    /// The kind of difference (`format`, `only-curated`, ...).
    pub what: Kind,
    /// `METHOD /path` and the place in the operation (`query limit`,
    /// `request .data.name`, `response 200 .id`); `*` matches any text.
    #[serde(rename = "where")]
    pub place: String,
    /// The official value, when the deviation is about one (`uuid`); must match.
    #[serde(default)]
    pub official: Option<String>,
    /// The curated value, when the deviation is about one; must match.
    #[serde(default)]
    pub curated: Option<String>,
    /// The official file the deviation is from, when only one has it: it
    /// then covers only differences found against that file, and is not
    /// stale when that file is not among those compared (an archived copy
    /// missing from a run against the files Atlassian serves today).
    #[serde(default)]
    pub source: Option<String>,
    /// Why the curated spec deviates.
    pub why: String,
}

impl Deviation {
    /// Whether the deviation covers `difference`.
    pub fn covers(&self, difference: &Difference) -> bool {
        let Difference {
            kind,
            place,
            official,
            curated,
            source,
            ..
        } = difference;
        self.what == *kind
            && self.source.as_ref().is_none_or(|s| s == source)
            && glob(&self.place, place)
            && self.official.as_deref().is_none_or(|v| v == official)
            && self.curated.as_deref().is_none_or(|v| v == curated)
    }
}

/// Why the deviations file could not be read.
#[derive(Debug)]
pub struct DeviationsError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for DeviationsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for DeviationsError {}

impl Deviations {
    /// Reads and parses a deviations file.
    pub fn load(path: &Path) -> Result<Deviations, DeviationsError> {
        let error = |message: String| DeviationsError {
            path: path.to_owned(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
        let parsed: Deviations = serde_yaml::from_str(&text).map_err(|e| error(e.to_string()))?;
        if let Some(d) = parsed.deviations.iter().find(|d| d.why.trim().is_empty()) {
            return Err(error(format!(
                "the deviation at `{}` gives no reason",
                d.place
            )));
        }
        Ok(parsed)
    }

    /// Whether `file` is declared archived.
    pub fn is_archived(&self, file: &str) -> bool {
        self.archived.iter().any(|a| a.file == file)
    }
}

/// `pattern` with `*` matching any run of characters, against all of `text`.
pub fn glob(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs_match_whole_text() {
        assert!(glob("GET /a", "GET /a"));
        assert!(!glob("GET /a", "GET /ab"));
        assert!(glob("* /a/*/b response 429", "POST /a/{x}/b response 429"));
        assert!(!glob("* /a/*/b response 429", "POST /a/{x}/c response 429"));
        assert!(glob("*.id", "response 200 .data[].id"));
        assert!(!glob("*.id", "response 200 .data[].idx"));
        assert!(glob("a*a", "aa"));
        assert!(!glob("a*a", "a"));
    }
}
