//! `drift`: the curated spec against Atlassian's official files, field by field.
//!
//! Each curated operation is matched with its official counterpart by method
//! and path ([`official`]); both are flattened into the same facts
//! ([`facts`]: parameters, request body and fields, response statuses and the
//! success answers' fields, with presence, type, format, enum values and
//! requiredness) and compared. Every difference is either covered by a
//! deliberate deviation recorded in `spec/deviations.yaml` ([`deviations`]) or
//! is drift; a recorded deviation that covers nothing is stale. [`render`]
//! prints the report as text, Markdown or JSON (with per-operation agreement
//! figures); [`cli`] is the subcommand. The official side comes from the
//! files themselves or from the project's [`record`] of them.

pub mod cli;
pub mod deviations;
pub mod facts;
pub mod official;
pub mod record;
pub mod render;
mod sha256;

use std::collections::BTreeSet;
use std::fmt;

use admin_api_generator::model::{self, Operation};
use openapiv3::OpenAPI;
use serde::Deserialize;

use crate::inventory::path_shape;
use deviations::Deviations;
use facts::{Fact, Facts, Place};
use official::template_names;
use record::{OfficialFacts, OfficialOperation};

/// A kind of difference between the curated spec and the official files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An official operation that the curated spec does not have.
    OperationOnlyOfficial,
    /// A curated operation that no current official file has.
    OperationOnlyCurated,
    /// A parameter, body, response or field only the official operation has.
    OnlyOfficial,
    /// A parameter, body, response or field only the curated operation has.
    OnlyCurated,
    /// Another JSON type.
    Type,
    /// Another `format`.
    Format,
    /// Other enum values.
    Enum,
    /// Required on one side only.
    Required,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 8] = [
        Kind::OperationOnlyOfficial,
        Kind::OperationOnlyCurated,
        Kind::OnlyOfficial,
        Kind::OnlyCurated,
        Kind::Type,
        Kind::Format,
        Kind::Enum,
        Kind::Required,
    ];

    /// The kebab-case id used in the deviations file and the reports.
    pub fn id(self) -> &'static str {
        match self {
            Kind::OperationOnlyOfficial => "operation-only-official",
            Kind::OperationOnlyCurated => "operation-only-curated",
            Kind::OnlyOfficial => "only-official",
            Kind::OnlyCurated => "only-curated",
            Kind::Type => "type",
            Kind::Format => "format",
            Kind::Enum => "enum",
            Kind::Required => "required",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One difference found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What kind.
    pub kind: Kind,
    /// `METHOD /path` (the curated path when the operation is curated) and the
    /// place in the operation: what the deviations file's `where` matches.
    pub place: String,
    /// The official value (empty for presence differences).
    pub official: String,
    /// The curated value (empty for presence differences).
    pub curated: String,
    /// The official file compared with (empty for curated-only operations).
    pub source: String,
    /// The index of the recorded deviation that covers it, `None` for drift.
    pub recorded: Option<usize>,
}

/// One curated or official operation and how well the two sides agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationReport {
    /// `METHOD /path`.
    pub operation: String,
    /// The curated operationId, when curated.
    pub operation_id: Option<String>,
    /// The official file it was compared with, when any.
    pub source: Option<String>,
    /// How many places (parameters, body, statuses, fields) either side has.
    pub places: usize,
    /// How many of them agree on every attribute.
    pub agreeing: usize,
}

/// Everything `drift` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per operation, in curated order, then official-only ones.
    pub operations: Vec<OperationReport>,
    /// Every difference, recorded or not.
    pub differences: Vec<Difference>,
    /// The recorded deviations.
    pub deviations: Deviations,
    /// Indices of recorded deviations that cover no difference.
    pub stale: Vec<usize>,
}

impl Report {
    /// The differences no deviation covers.
    pub fn drift(&self) -> impl Iterator<Item = &Difference> {
        self.differences.iter().filter(|d| d.recorded.is_none())
    }

    /// Whether any unrecorded drift was found.
    pub fn has_drift(&self) -> bool {
        self.drift().next().is_some()
    }
}

/// One official operation and the file it is in.
struct OfficialOp<'a> {
    source: &'a OfficialFacts,
    op: &'a OfficialOperation,
}

impl OfficialOp<'_> {
    /// `METHOD /full/path`.
    fn label(&self) -> String {
        format!("{} {}", self.op.method.to_uppercase(), self.op.path)
    }

    /// Whether it is the official form of the curated `op` (same method and
    /// path shape, path parameter names ignored).
    fn matches(&self, op: &Operation<'_>) -> bool {
        self.op.method == op.method && path_shape(&self.op.path) == path_shape(op.path)
    }
}

/// Compares `curated` with the `officials` (in precedence order: an operation
/// found in several current files is compared with the first) under the
/// recorded `deviations`.
pub fn drift(curated: &OpenAPI, officials: &[OfficialFacts], deviations: Deviations) -> Report {
    let official_ops: Vec<OfficialOp<'_>> = officials
        .iter()
        .filter(|o| !o.archived)
        .chain(officials.iter().filter(|o| o.archived))
        .flat_map(|source| {
            source
                .operations
                .iter()
                .map(move |op| OfficialOp { source, op })
        })
        .collect();
    let mut used = vec![false; official_ops.len()];
    let mut report = Report::default();
    let mut found = Vec::new();

    for op in model::operations(curated) {
        let label = format!("{} {}", op.method.to_uppercase(), op.path);
        let counterpart = official_ops.iter().position(|o| o.matches(&op));
        // Every official copy of the operation counts as matched.
        for (j, other) in official_ops.iter().enumerate() {
            used[j] |= other.matches(&op);
        }
        if counterpart.is_none_or(|i| official_ops[i].source.archived) {
            found.push(difference(
                Kind::OperationOnlyCurated,
                label.clone(),
                "",
                "",
            ));
        }
        let Some(official) = counterpart.map(|i| &official_ops[i]) else {
            report.operations.push(OperationReport {
                operation: label,
                operation_id: op.op.operation_id.clone(),
                source: None,
                places: 0,
                agreeing: 0,
            });
            continue;
        };
        let theirs = official_facts(official.op, &op);
        let ours = facts::facts(curated, &op, &[]);
        let before = found.len();
        let (places, agreeing) = compare(&label, &theirs, &ours, &mut found);
        for d in &mut found[before..] {
            d.source = official.source.file.clone();
        }
        report.operations.push(OperationReport {
            operation: label,
            operation_id: op.op.operation_id.clone(),
            source: Some(official.source.file.clone()),
            places,
            agreeing,
        });
    }
    for (o, _) in official_ops.iter().zip(&used).filter(|(_, used)| !**used) {
        let mut d = difference(Kind::OperationOnlyOfficial, o.label(), "", "");
        d.source = o.source.file.clone();
        found.push(d);
        report.operations.push(OperationReport {
            operation: o.label(),
            operation_id: None,
            source: Some(o.source.file.clone()),
            places: 0,
            agreeing: 0,
        });
    }

    let mut matched = vec![false; deviations.deviations.len()];
    for d in &mut found {
        d.recorded = deviations.deviations.iter().position(|dev| dev.covers(d));
        if let Some(i) = d.recorded {
            matched[i] = true;
        }
    }
    let compared = |file: &str| officials.iter().any(|o| o.file == file);
    report.stale = (0..matched.len())
        .filter(|&i| !matched[i])
        .filter(|&i| {
            let source = deviations.deviations[i].source.as_deref();
            source.is_none_or(compared)
        })
        .collect();
    report.differences = found;
    report.deviations = deviations;
    report
}

/// The official operation's facts, its path parameters renamed to the
/// curated template's names (matched by position).
fn official_facts(official: &OfficialOperation, curated: &Operation<'_>) -> Facts {
    let renames: Vec<(String, String)> = template_names(&official.path)
        .into_iter()
        .zip(template_names(curated.path))
        .collect();
    official
        .facts
        .iter()
        .map(|(place, fact)| {
            let place = match place {
                Place::Param("path", name) => Place::Param(
                    "path",
                    renames
                        .iter()
                        .find(|(from, _)| from == name)
                        .map_or_else(|| name.clone(), |(_, to)| to.clone()),
                ),
                other => other.clone(),
            };
            (place, fact.clone())
        })
        .collect()
}

fn difference(kind: Kind, place: String, official: &str, curated: &str) -> Difference {
    Difference {
        kind,
        place,
        official: official.to_owned(),
        curated: curated.to_owned(),
        source: String::new(),
        recorded: None,
    }
}

/// Compares the facts of one operation; returns how many places there are
/// and how many agree.
fn compare(op: &str, theirs: &Facts, ours: &Facts, out: &mut Vec<Difference>) -> (usize, usize) {
    let places: BTreeSet<&Place> = theirs.keys().chain(ours.keys()).collect();
    let mut agreeing = 0;
    for place in &places {
        let at = format!("{op} {place}");
        let before = out.len();
        match (theirs.get(place), ours.get(place)) {
            (Some(_), None) if !has_parent_in(place, theirs, ours) => {
                out.push(difference(Kind::OnlyOfficial, at, "", ""));
            }
            (None, Some(_)) if !has_parent_in(place, ours, theirs) => {
                out.push(difference(Kind::OnlyCurated, at, "", ""));
            }
            (Some(a), Some(b)) => attributes(&at, a, b, out),
            _ => {}
        }
        if out.len() == before && theirs.contains_key(*place) && ours.contains_key(*place) {
            agreeing += 1;
        }
    }
    (places.len(), agreeing)
}

/// Whether a parent of `place` is also only in `side` (then only the
/// parent is reported).
fn has_parent_in(place: &Place, side: &Facts, other: &Facts) -> bool {
    let mut parent = place.parent();
    while let Some(p) = parent {
        if side.contains_key(&p) && !other.contains_key(&p) {
            return true;
        }
        parent = p.parent();
    }
    false
}

fn attributes(at: &str, theirs: &Fact, ours: &Fact, out: &mut Vec<Difference>) {
    let none = |s: &str| {
        if s.is_empty() {
            "none".to_owned()
        } else {
            s.to_owned()
        }
    };
    if theirs.ty != ours.ty {
        out.push(difference(
            Kind::Type,
            at.to_owned(),
            &none(&theirs.ty),
            &none(&ours.ty),
        ));
    }
    if theirs.format != ours.format {
        out.push(difference(
            Kind::Format,
            at.to_owned(),
            &none(&theirs.format),
            &none(&ours.format),
        ));
    }
    if theirs.values != ours.values {
        out.push(difference(
            Kind::Enum,
            at.to_owned(),
            &none(&theirs.values.join(", ")),
            &none(&ours.values.join(", ")),
        ));
    }
    if theirs.required != ours.required {
        out.push(difference(
            Kind::Required,
            at.to_owned(),
            &theirs.required.to_string(),
            &ours.required.to_string(),
        ));
    }
}
