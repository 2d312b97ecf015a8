//! Printing a [`Report`]: text for terminals, Markdown for pull-request
//! comments and job summaries, JSON for tools, GitHub workflow annotations.

use std::fmt::Write as _;

use super::locate::line_of;
use super::{Change, Level, Report, Scope};
use admin_api_generator::diagnostic::{gh_data, gh_property};
use admin_api_generator::printable::{cell, printable};

/// An output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Two lines per change, then a summary.
    Text,
    /// Summary lines per scope, then a table per worst level.
    Markdown,
    /// `{"summary": {...}, "changes": [...]}`.
    Json,
    /// `::error file=...,line=...::...` workflow commands.
    Github,
}

impl Format {
    /// Parses `text`, `markdown`, `json` or `github`.
    pub fn from_id(id: &str) -> Option<Format> {
        match id {
            "text" => Some(Format::Text),
            "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "github" => Some(Format::Github),
            _ => None,
        }
    }
}

/// The new spec, which annotations point into.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// Its path relative to the repository root, as GitHub expects.
    pub file: &'a str,
    /// Its text, to find lines in.
    pub text: &'a str,
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format, target: Target<'_>) -> String {
    match format {
        Format::Text => text(report),
        Format::Markdown => markdown(report),
        Format::Json => json(report),
        Format::Github => github(report, target),
    }
}

fn summary(report: &Report) -> String {
    if report.changes.is_empty() {
        return "no changes to the generated client".to_owned();
    }
    let scopes: Vec<String> = Scope::ALL
        .iter()
        .map(|scope| {
            let counts: Vec<String> = Level::ALL
                .iter()
                .map(|l| format!("{} {}", report.count_in(*scope, *l), l.id()))
                .collect();
            format!("{} {}", scope.id(), counts.join(", "))
        })
        .collect();
    format!("{} changes: {}", report.changes.len(), scopes.join("; "))
}

/// `rust: breaking, contract: non-breaking`.
fn levels(change: &Change) -> String {
    format!(
        "rust: {}, contract: {}",
        change.level(),
        change.contract_level()
    )
}

/// Whether the change sits in a shared place (a component) rather than in
/// one operation, so the operations reaching it are worth listing.
fn shared(change: &Change) -> bool {
    change.pointer.first().is_some_and(|s| s == "components")
}

fn text(report: &Report) -> String {
    let mut out = String::new();
    for c in &report.changes {
        let _ = writeln!(
            out,
            "[{}] {} at {}",
            levels(c),
            c.check,
            printable(&c.location)
        );
        let _ = write!(out, "  {}", printable(&c.message));
        if shared(c) {
            let _ = write!(out, " (reached by {})", ops_list(&c.operations, 8, ""));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "{}", summary(report));
    out
}

/// `a, b, c and 4 more`, each item wrapped in `quote`.
fn ops_list(ops: &[String], max: usize, quote: &str) -> String {
    let shown: Vec<String> = ops
        .iter()
        .take(max)
        .map(|o| format!("{quote}{}{quote}", printable(o)))
        .collect();
    match ops.len().saturating_sub(max) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

fn markdown(report: &Report) -> String {
    let mut out = String::new();
    if report.changes.is_empty() {
        let _ = writeln!(out, "**Spec diff:** no changes to the generated client.");
        return out;
    }
    for scope in Scope::ALL {
        let counts: Vec<String> = Level::ALL
            .iter()
            .map(|l| {
                format!(
                    "{} {}",
                    report.count_in(scope, *l),
                    l.title().to_lowercase()
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "**Spec diff, {}:** {}  ",
            scope.title(),
            counts.join(", ")
        );
    }
    for level in Level::ALL {
        let changes: Vec<&Change> = report
            .changes
            .iter()
            .filter(|c| c.worst_level() == level)
            .collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "#### {} at either level ({})",
            level.title(),
            changes.len()
        );
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| Check | Rust API | HTTP contract | Where | Change | Operations |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for c in changes {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | `{}` | {} | {} |",
                c.check,
                c.level(),
                c.contract_level(),
                cell(&c.location).replace('`', "'"),
                cell(&c.message),
                cell(&ops_list(&c.operations, 5, "`"))
            );
        }
    }
    out
}

fn json(report: &Report) -> String {
    let changes: Vec<serde_json::Value> = report
        .changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "id": c.check.id(),
                "level": c.level().id(),
                "contract_level": c.contract_level().id(),
                "location": c.location,
                "pointer": c.json_pointer(),
                "message": c.message,
                "operations": c.operations,
            })
        })
        .collect();
    let mut summary = serde_json::Map::new();
    for l in Level::ALL {
        summary.insert(l.id().to_owned(), report.count(l).into());
    }
    let mut contract = serde_json::Map::new();
    for l in Level::ALL {
        contract.insert(
            l.id().to_owned(),
            report.count_in(Scope::Contract, l).into(),
        );
    }
    summary.insert("contract".to_owned(), contract.into());
    let doc = serde_json::json!({ "summary": summary, "changes": changes });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn github(report: &Report, target: Target<'_>) -> String {
    let mut out = String::new();
    for c in &report.changes {
        let command = match c.worst_level() {
            Level::Breaking => "error",
            Level::PotentiallyBreaking => "warning",
            Level::NonBreaking => "notice",
        };
        let mut props = format!("file={}", gh_property(target.file));
        if let Some(line) = line_of(target.text, &c.pointer) {
            let _ = write!(props, ",line={line}");
        }
        let title = format!("{} ({})", c.check, levels(c));
        let _ = write!(props, ",title={}", gh_property(&title));
        let message = format!("{} at {}", printable(&c.message), printable(&c.location));
        let _ = writeln!(out, "::{command} {props}::{}", gh_data(&message));
    }
    out
}
