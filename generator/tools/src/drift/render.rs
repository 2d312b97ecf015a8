//! Printing a drift [`Report`]: text for terminals, Markdown for job
//! summaries, JSON (with per-operation agreement figures) for tools, and the
//! unrecorded drift as entries for the deviations file.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use admin_api_generator::printable::{cell, printable};

use super::{Difference, Kind, Report};

/// An output format of `drift`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One line per drift and stale deviation, then a summary.
    Text,
    /// A summary, then tables of drift and stale deviations.
    Markdown,
    /// Summary, per-operation agreement, every difference, stale deviations.
    Json,
    /// The unrecorded drift as YAML entries to complete (each `why` says TODO).
    Deviations,
}

impl Format {
    /// Parses `text`, `markdown`, `json` or `deviations`.
    pub fn from_id(id: &str) -> Option<Format> {
        match id {
            "text" => Some(Format::Text),
            "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "deviations" => Some(Format::Deviations),
            _ => None,
        }
    }
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text(report),
        Format::Markdown => markdown(report),
        Format::Json => json(report),
        Format::Deviations => deviations(report),
    }
}

/// `a → b` for value differences, nothing for presence ones.
fn values(d: &Difference) -> String {
    match d.kind {
        Kind::Type | Kind::Format | Kind::Enum | Kind::Required => {
            format!(
                "official `{}`, curated `{}`",
                printable(&d.official),
                printable(&d.curated)
            )
        }
        Kind::OperationOnlyOfficial | Kind::OnlyOfficial => "only in the official file".to_owned(),
        Kind::OperationOnlyCurated => "in no current official file".to_owned(),
        Kind::OnlyCurated => "only in the curated spec".to_owned(),
    }
}

fn summary(report: &Report) -> String {
    let drift = report.drift().count();
    let recorded = report.differences.len() - drift;
    let (places, agreeing) = totals(report);
    format!(
        "{} operations, {agreeing} of {places} places agree; {recorded} differences recorded as deviations, {drift} unrecorded (drift), {} stale deviations",
        report.operations.len(),
        report.stale.len()
    )
}

fn totals(report: &Report) -> (usize, usize) {
    report
        .operations
        .iter()
        .fold((0, 0), |(p, a), o| (p + o.places, a + o.agreeing))
}

fn text(report: &Report) -> String {
    let mut out = String::new();
    for d in report.drift() {
        let _ = writeln!(
            out,
            "[drift] {} at {}: {}",
            d.kind,
            printable(&d.place),
            values(d)
        );
    }
    for &i in &report.stale {
        let dev = &report.deviations.deviations[i];
        let _ = writeln!(
            out,
            "[stale] {} at {}: no difference matches this recorded deviation",
            dev.what,
            printable(&dev.place)
        );
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "**Upstream drift:** {}", summary(report));
    let drift: Vec<&Difference> = report.drift().collect();
    if !drift.is_empty() {
        let _ = writeln!(out, "\n#### Drift ({})\n", drift.len());
        let _ = writeln!(out, "| Kind | Where | Difference | Official file |");
        let _ = writeln!(out, "|---|---|---|---|");
        for d in drift {
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} | {} |",
                d.kind,
                cell(&d.place).replace('`', "'"),
                cell(&values(d)),
                cell(&d.source)
            );
        }
    }
    if !report.stale.is_empty() {
        let _ = writeln!(out, "\n#### Stale deviations ({})\n", report.stale.len());
        let _ = writeln!(out, "| Kind | Where | Why it was recorded |");
        let _ = writeln!(out, "|---|---|---|");
        for &i in &report.stale {
            let dev = &report.deviations.deviations[i];
            let _ = writeln!(
                out,
                "| `{}` | `{}` | {} |",
                dev.what,
                cell(&dev.place).replace('`', "'"),
                cell(&dev.why)
            );
        }
    }
    out
}

fn json(report: &Report) -> String {
    let (places, agreeing) = totals(report);
    let mut by_op: BTreeMap<&str, Vec<&Difference>> = BTreeMap::new();
    for d in &report.differences {
        let op = report
            .operations
            .iter()
            .map(|o| o.operation.as_str())
            .filter(|o| d.place == *o || d.place.starts_with(&format!("{o} ")))
            .max_by_key(|o| o.len())
            .unwrap_or_default();
        by_op.entry(op).or_default().push(d);
    }
    let difference = |d: &Difference| {
        serde_json::json!({
            "kind": d.kind.id(),
            "where": d.place,
            "official": d.official,
            "curated": d.curated,
            "source": d.source,
            "recorded": d.recorded.is_some(),
        })
    };
    let operations: Vec<serde_json::Value> = report
        .operations
        .iter()
        .map(|o| {
            let diffs = by_op.get(o.operation.as_str()).cloned().unwrap_or_default();
            serde_json::json!({
                "operation": o.operation,
                "operationId": o.operation_id,
                "source": o.source,
                "places": o.places,
                "agreeing": o.agreeing,
                "agreement": ratio(o.agreeing, o.places),
                "recorded": diffs.iter().filter(|d| d.recorded.is_some()).count(),
                "drift": diffs.iter().filter(|d| d.recorded.is_none()).count(),
                "differences": diffs.iter().map(|d| difference(d)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut by_kind = serde_json::Map::new();
    for kind in Kind::ALL {
        let n = report.differences.iter().filter(|d| d.kind == kind).count();
        by_kind.insert(kind.id().to_owned(), n.into());
    }
    let stale: Vec<serde_json::Value> = report
        .stale
        .iter()
        .map(|&i| {
            let dev = &report.deviations.deviations[i];
            serde_json::json!({ "what": dev.what.id(), "where": dev.place, "why": dev.why })
        })
        .collect();
    let doc = serde_json::json!({
        "summary": {
            "operations": report.operations.len(),
            "places": places,
            "agreeing": agreeing,
            "agreement": ratio(agreeing, places),
            "differences": report.differences.len(),
            "recorded": report.differences.len() - report.drift().count(),
            "drift": report.drift().count(),
            "stale": report.stale.len(),
            "by_kind": by_kind,
        },
        "operations": operations,
        "stale": stale,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
    }
}

fn deviations(report: &Report) -> String {
    let mut out = String::new();
    for d in report.drift() {
        let _ = writeln!(out, "  - what: {}", d.kind);
        let _ = writeln!(out, "    where: {}", yaml_string(&d.place));
        if !d.official.is_empty() || !d.curated.is_empty() {
            let _ = writeln!(out, "    official: {}", yaml_string(&d.official));
            let _ = writeln!(out, "    curated: {}", yaml_string(&d.curated));
        }
        let _ = writeln!(out, "    why: TODO");
    }
    out
}

fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}
