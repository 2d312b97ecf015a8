//! What the project last recorded of Atlassian's official files: for each file
//! its SHA-256, size, versions and the date its content was first recorded,
//! and the facts `drift` compares (operations, and per place the type,
//! format, enum values and requiredness). Never the files themselves or
//! their prose.
//!
//! Pull-request CI compares the curated spec with this record, so it does
//! not depend on what Atlassian serves today; the scheduled drift workflow
//! downloads today's files and writes a new record (`drift --write-record`),
//! which a maintainer reviews like any other change.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::facts::{Fact, Facts, Place};
use super::official::Official;
use super::sha256::hex_digest;

/// One official file as `drift` compares it: its name and its operations'
/// facts, read from the file itself or from a record.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficialFacts {
    /// The file name (how reports and the deviations file name it).
    pub file: String,
    /// Whether the deviations file declares it an old copy.
    pub archived: bool,
    /// Its operations, in the file's order.
    pub operations: Vec<OfficialOperation>,
}

/// One official operation's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficialOperation {
    /// The method, lowercase.
    pub method: String,
    /// The path written in full from the host (the server's base path prepended).
    pub path: String,
    /// The facts, with the official path parameter names.
    pub facts: Facts,
}

impl OfficialFacts {
    /// The facts of a loaded official file.
    pub fn of(official: &Official) -> OfficialFacts {
        OfficialFacts {
            file: official.file.clone(),
            archived: official.archived,
            operations: official
                .operations()
                .into_iter()
                .map(|o| OfficialOperation {
                    method: o.op.method.to_owned(),
                    facts: super::facts::facts(&official.api, &o.op, &[]),
                    path: o.full_path,
                })
                .collect(),
        }
    }
}

/// The committed record (`spec/official-record.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// What the file is and how to regenerate it.
    pub about: String,
    /// One entry per official file, by name.
    pub files: Vec<RecordedFile>,
}

/// One official file in the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedFile {
    /// The file name.
    pub file: String,
    /// The SHA-256 of its bytes.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its `openapi` version.
    pub openapi: String,
    /// Its `info.version`.
    pub version: String,
    /// The day (UTC, `YYYY-MM-DD`) this content (this SHA-256) was first recorded.
    pub recorded: String,
    /// Its operations and their facts.
    pub operations: Vec<RecordedOperation>,
}

/// One operation in the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedOperation {
    /// `METHOD /full/path`.
    pub operation: String,
    /// Its facts, in place order.
    pub facts: Vec<RecordedFact>,
}

/// One place and its fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedFact {
    /// The place: `[LOCATION, NAME]` for a parameter, `["request", FIELD...]`,
    /// `["response", STATUS, FIELD...]` (`[]` an array's items, `{}` a map's values).
    pub at: Vec<String>,
    /// The JSON type (empty for a response without a body).
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub ty: String,
    /// The `format`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub format: String,
    /// The enum values, sorted.
    #[serde(rename = "enum", default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Whether it is required.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
}

/// Why a record could not be read, understood or written.
#[derive(Debug)]
#[non_exhaustive]
pub enum RecordError {
    /// Reading or writing the file failed.
    Io(PathBuf, std::io::Error),
    /// The file is not a record.
    Parse(PathBuf, serde_json::Error),
    /// A place or operation in it is malformed.
    Malformed(PathBuf, String),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Io(path, e) => write!(f, "{}: {e}", path.display()),
            RecordError::Parse(path, e) => {
                write!(
                    f,
                    "{}: not a record of the official files: {e}",
                    path.display()
                )
            }
            RecordError::Malformed(path, what) => write!(f, "{}: {what}", path.display()),
        }
    }
}

impl std::error::Error for RecordError {}

const ABOUT: &str = "What admin-api-gen drift compares in Atlassian's official admin API files (hashes, versions, \
operations, and per place the type, format, enum values and requiredness), never the files or their prose. \
CI compares spec/atlassian-admin.yaml with it; the scheduled upstream-drift workflow rewrites it from the files \
of the day: cargo admin-api-gen drift --write-record spec/official-record.json DIR";

impl Record {
    /// Reads a record.
    pub fn load(path: &Path) -> Result<Record, RecordError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| RecordError::Io(path.to_owned(), e))?;
        serde_json::from_str(&text).map_err(|e| RecordError::Parse(path.to_owned(), e))
    }

    /// The files as `drift` compares them; `archived` says which the
    /// deviations file declares old copies.
    pub fn officials(
        &self,
        path: &Path,
        archived: impl Fn(&str) -> bool,
    ) -> Result<Vec<OfficialFacts>, RecordError> {
        let malformed = |what: String| RecordError::Malformed(path.to_owned(), what);
        self.files
            .iter()
            .map(|f| {
                let operations = f
                    .operations
                    .iter()
                    .map(|o| {
                        let (method, full) = o.operation.split_once(' ').ok_or_else(|| {
                            malformed(format!("operation {:?} is not `METHOD /path`", o.operation))
                        })?;
                        let facts = o
                            .facts
                            .iter()
                            .map(|fact| {
                                let place = place_from(&fact.at).ok_or_else(|| {
                                    malformed(format!("{}: bad place {:?}", o.operation, fact.at))
                                })?;
                                Ok((place, fact.fact()))
                            })
                            .collect::<Result<Facts, RecordError>>()?;
                        Ok(OfficialOperation {
                            method: method.to_lowercase(),
                            path: full.to_owned(),
                            facts,
                        })
                    })
                    .collect::<Result<Vec<_>, RecordError>>()?;
                Ok(OfficialFacts {
                    file: f.file.clone(),
                    archived: archived(&f.file),
                    operations,
                })
            })
            .collect()
    }

    /// The record of `files` (path and loaded file), keeping from `previous`
    /// the entries of files not given (an archived copy that can no longer be
    /// downloaded) and the first-recorded date of content that did not
    /// change. Files are in name order.
    pub fn build(
        files: &[(PathBuf, Official)],
        previous: Option<&Record>,
        today: &str,
    ) -> Result<Record, RecordError> {
        let mut entries: BTreeMap<String, RecordedFile> = previous
            .map(|p| {
                p.files
                    .iter()
                    .map(|f| (f.file.clone(), f.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for (path, official) in files {
            let bytes = std::fs::read(path).map_err(|e| RecordError::Io(path.clone(), e))?;
            let sha256 = hex_digest(&bytes);
            let recorded = entries
                .get(&official.file)
                .filter(|old| old.sha256 == sha256)
                .map_or_else(|| today.to_owned(), |old| old.recorded.clone());
            let facts = OfficialFacts::of(official);
            let entry = RecordedFile {
                file: official.file.clone(),
                sha256,
                bytes: bytes.len() as u64,
                openapi: official.api.openapi.clone(),
                version: official.api.info.version.clone(),
                recorded,
                operations: facts
                    .operations
                    .iter()
                    .map(|o| RecordedOperation {
                        operation: format!("{} {}", o.method.to_uppercase(), o.path),
                        facts: o
                            .facts
                            .iter()
                            .map(|(place, fact)| RecordedFact::new(place, fact))
                            .collect(),
                    })
                    .collect(),
            };
            entries.insert(official.file.clone(), entry);
        }
        Ok(Record {
            about: ABOUT.to_owned(),
            files: entries.into_values().collect(),
        })
    }

    /// The record as JSON with one fact per line, so that a change upstream
    /// reads as a short diff.
    pub fn to_json(&self) -> String {
        let s = |v: &str| serde_json::to_string(v).unwrap_or_default();
        let mut out = format!("{{\n  \"about\": {},\n  \"files\": [", s(&self.about));
        for (i, f) in self.files.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&format!(
                "    {{\n      \"file\": {},\n      \"sha256\": {},\n      \"bytes\": {},\n      \"openapi\": {},\n      \"version\": {},\n      \"recorded\": {},\n      \"operations\": [",
                s(&f.file), s(&f.sha256), f.bytes, s(&f.openapi), s(&f.version), s(&f.recorded)
            ));
            for (j, o) in f.operations.iter().enumerate() {
                out.push_str(if j == 0 { "\n" } else { ",\n" });
                out.push_str(&format!(
                    "        {{\"operation\": {}, \"facts\": [",
                    s(&o.operation)
                ));
                for (k, fact) in o.facts.iter().enumerate() {
                    out.push_str(if k == 0 { "\n" } else { ",\n" });
                    out.push_str("          ");
                    out.push_str(&serde_json::to_string(fact).unwrap_or_default());
                }
                out.push_str(if o.facts.is_empty() {
                    "]}"
                } else {
                    "\n        ]}"
                });
            }
            out.push_str(if f.operations.is_empty() {
                "]\n    }"
            } else {
                "\n      ]\n    }"
            });
        }
        out.push_str(if self.files.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        out
    }

    /// Writes the record to `path`.
    pub fn write(&self, path: &Path) -> Result<(), RecordError> {
        std::fs::write(path, self.to_json()).map_err(|e| RecordError::Io(path.to_owned(), e))
    }
}

impl RecordedFact {
    fn new(place: &Place, fact: &Fact) -> RecordedFact {
        let at = match place {
            Place::Param(location, name) => vec![(*location).to_owned(), name.clone()],
            Place::Request(fields) => std::iter::once("request".to_owned())
                .chain(fields.iter().cloned())
                .collect(),
            Place::Response(status, fields) => ["response".to_owned(), status.clone()]
                .into_iter()
                .chain(fields.iter().cloned())
                .collect(),
        };
        RecordedFact {
            at,
            ty: fact.ty.clone(),
            format: fact.format.clone(),
            values: fact.values.clone(),
            required: fact.required,
        }
    }

    fn fact(&self) -> Fact {
        Fact {
            ty: self.ty.clone(),
            format: self.format.clone(),
            values: self.values.clone(),
            required: self.required,
        }
    }
}

/// The place an `at` list names (the inverse of [`RecordedFact::new`]).
fn place_from(at: &[String]) -> Option<Place> {
    let (first, rest) = at.split_first()?;
    match first.as_str() {
        "request" => Some(Place::Request(rest.to_vec())),
        "response" => {
            let (status, fields) = rest.split_first()?;
            Some(Place::Response(status.clone(), fields.to_vec()))
        }
        location => {
            let location = ["query", "path", "header", "cookie"]
                .into_iter()
                .find(|l| *l == location)?;
            match rest {
                [name] => Some(Place::Param(location, name.clone())),
                _ => None,
            }
        }
    }
}

/// Today's date in UTC as `YYYY-MM-DD` (the civil-from-days algorithm of
/// Howard Hinnant's date library).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(i64::try_from(secs / 86_400).unwrap_or(0))
}

fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_790), "2026-12-03");
    }

    #[test]
    fn places_round_trip() {
        let places = [
            Place::Param("query", "limit".to_owned()),
            Place::Param("path", "orgId".to_owned()),
            Place::Request(Vec::new()),
            Place::Request(vec!["data".to_owned(), "[]".to_owned(), "a.b".to_owned()]),
            Place::Response("200".to_owned(), Vec::new()),
            Place::Response("4XX".to_owned(), vec!["{}".to_owned()]),
        ];
        for place in places {
            let recorded = RecordedFact::new(&place, &Fact::default());
            assert_eq!(place_from(&recorded.at), Some(place));
        }
        assert_eq!(place_from(&["body".to_owned(), "x".to_owned()]), None);
        assert_eq!(place_from(&["query".to_owned()]), None);
        assert_eq!(place_from(&["response".to_owned()]), None);
    }
}
