//! Printing answers: pretty JSON by default, JSON lines for streams, and
//! simple tables for people (`--output table`).

use std::io::Write as _;

use serde_json::Value;

use crate::CliError;

fn write(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").map_err(|e| CliError::io("cannot write the answer", e))
}

/// One value as pretty JSON.
pub fn print_json(value: &Value) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::api(format!("cannot render the answer: {e}")))?;
    write(&text)
}

/// One value as one line of JSON (streams).
pub fn print_line(value: &Value) -> Result<(), CliError> {
    write(&value.to_string())
}

/// A cell: scalars as text, anything else as compact JSON.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// The rows a value stands for: an array, the `data` or `Resources` array of
/// a page, or the value alone.
fn rows(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.get("data").or_else(|| map.get("Resources")) {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one @ Value::Object(_)) => vec![one],
            _ => vec![value],
        },
        _ => vec![value],
    }
}

/// Renders `value` as a table: one row per object, one column per key whose
/// values are scalars (in first-seen order).
pub fn render_table(value: &Value) -> String {
    let rows = rows(value);
    let mut columns: Vec<&str> = Vec::new();
    for row in &rows {
        if let Value::Object(map) = row {
            for (k, v) in map {
                if !matches!(v, Value::Object(_) | Value::Array(_))
                    && !columns.contains(&k.as_str())
                {
                    columns.push(k);
                }
            }
        }
    }
    if columns.is_empty() {
        return rows
            .iter()
            .map(|r| cell(Some(r)))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| columns.iter().map(|c| cell(r.get(*c))).collect())
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([c.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |values: Vec<&str>| {
        values
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let mut out = vec![line(columns.clone())];
    out.extend(
        cells
            .iter()
            .map(|r| line(r.iter().map(String::as_str).collect())),
    );
    out.join("\n")
}

/// Prints `value` as a table.
pub fn print_table(value: &Value) -> Result<(), CliError> {
    write(&render_table(value))
}
