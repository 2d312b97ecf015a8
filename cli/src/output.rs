//! Printing answers: pretty JSON by default, JSON lines for streams, simple
//! tables for people (`--output table`) and CSV for spreadsheets
//! (`--output csv`). Table and CSV cells escape control characters: text from
//! an answer never reaches a terminal as anything but text.

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

/// How answers print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Pretty JSON (JSON lines for streams).
    Json,
    /// Aligned columns for people.
    Table,
    /// CSV with a header row (RFC 4180 quoting, LF line ends).
    Csv,
}

impl Format {
    /// The `--output` values, in the order `--help` lists them.
    pub const IDS: [&'static str; 3] = ["json", "table", "csv"];

    /// Parses an `--output` value.
    pub fn from_id(id: &str) -> Format {
        match id {
            "table" => Format::Table,
            "csv" => Format::Csv,
            _ => Format::Json,
        }
    }
}

/// A cell: scalars as text, anything else as compact JSON; control
/// characters escaped.
fn cell(value: Option<&Value>) -> String {
    let text = match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    crate::workflows::printable(&text)
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

/// The columns (each key whose values are scalars, in first-seen order) and
/// the cells of `value`'s rows; no columns when the rows are not objects.
fn grid(value: &Value) -> (Vec<&str>, Vec<Vec<String>>) {
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
        return (columns, rows.iter().map(|r| vec![cell(Some(r))]).collect());
    }
    let cells = rows
        .iter()
        .map(|r| columns.iter().map(|c| cell(r.get(*c))).collect())
        .collect();
    (columns, cells)
}

/// Renders `value` as a table: one row per object, one column per key whose
/// values are scalars (in first-seen order).
pub fn render_table(value: &Value) -> String {
    let (columns, cells) = grid(value);
    if columns.is_empty() {
        return cells
            .into_iter()
            .map(|mut r| r.pop().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
    }
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

/// Renders `value` as CSV (RFC 4180 quoting, LF line ends): a header row of the table's columns
/// (`value` when the rows are not objects), then one row per object; fields
/// holding a comma, a quote or a space at either end are quoted.
pub fn render_csv(value: &Value) -> String {
    let (columns, cells) = grid(value);
    let header = if columns.is_empty() {
        vec!["value"]
    } else {
        columns
    };
    let field = |text: &str| {
        if text.contains([',', '"']) || text.trim() != text {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let mut out = vec![header
        .iter()
        .map(|h| field(h))
        .collect::<Vec<_>>()
        .join(",")];
    out.extend(
        cells
            .iter()
            .map(|r| r.iter().map(|c| field(c)).collect::<Vec<_>>().join(",")),
    );
    out.join("\n")
}

/// Prints `value` as a table or CSV (JSON otherwise).
pub fn print(value: &Value, format: Format) -> Result<(), CliError> {
    match format {
        Format::Json => print_json(value),
        Format::Table => write(&render_table(value)),
        Format::Csv => write(&render_csv(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::{render_csv, render_table};
    use serde_json::json;

    #[test]
    fn csv_quotes_what_needs_it_and_escapes_controls() {
        let value = json!({"data": [
            {"id": "a", "name": "Smith, Jo", "n": 1},
            {"id": "b", "name": "say \"hi\"\n\u{1b}[31m", "n": null}
        ]});
        assert_eq!(
            render_csv(&value),
            "id,n,name\na,1,\"Smith, Jo\"\nb,,\"say \"\"hi\"\"\\u{a}\\u{1b}[31m\""
        );
    }

    #[test]
    fn table_cells_escape_controls() {
        let table = render_table(&json!([{"name": "x\u{1b}[2Jy"}]));
        assert_eq!(table, "name\nx\\u{1b}[2Jy");
    }
}
