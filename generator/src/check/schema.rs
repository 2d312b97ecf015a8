//! `schema-*`: schema shapes that typify (progenitor's type generator)
//! rejects or panics on: an unknown `type`, `format` or numeric bounds without
//! a `type`, a `format` on a boolean, array or object, `enum`/`default` values
//! of the wrong type, a `default` outside its `enum`, enum values that become
//! the same Rust variant, empty compositions, `not`, and patterns its regex
//! engine does not accept.

use std::collections::HashMap;

use serde_yaml::Value;

use super::doc::{self, Kind};
use crate::diagnostic::Diagnostic;

const TYPES: [&str; 6] = ["string", "number", "integer", "boolean", "array", "object"];

/// Checks one schema node.
pub fn check_node(kind: Kind, pointer: &str, node: &Value, out: &mut Vec<Diagnostic>) {
    if kind != Kind::Schema || doc::ref_of(node).is_some() || !matches!(node, Value::Mapping(_)) {
        return;
    }
    open_enum_named(pointer, node, out);
    let ty = doc::get(node, "type");
    match ty {
        Some(Value::String(t)) if !TYPES.contains(&t.as_str()) && t != "null" => out.push(
            Diagnostic::error(
                "schema-type",
                doc::child(pointer, "type"),
                format!("`{t}` is not a schema type"),
            )
            .with_hint("use one of string, number, integer, boolean, array, object"),
        ),
        Some(Value::String(t))
            if matches!(t.as_str(), "boolean" | "array" | "object")
                && doc::get(node, "format").is_some() =>
        {
            out.push(
                Diagnostic::error(
                    "schema-format",
                    doc::child(pointer, "format"),
                    format!("`format` on a `{t}` schema: the generator (typify) accepts one only on string, integer and number schemas"),
                )
                .with_hint("remove the `format`, or move it to the string or number schema it was meant for"),
            )
        }
        None => {
            let composed = ["allOf", "oneOf", "anyOf"]
                .iter()
                .any(|k| doc::get(node, k).is_some());
            let typed_keyword = [
                "format",
                "minimum",
                "maximum",
                "multipleOf",
                "exclusiveMinimum",
                "exclusiveMaximum",
            ]
            .into_iter()
            .find(|k| doc::get(node, k).is_some());
            if let (Some(k), false) = (typed_keyword, composed) {
                out.push(
                    Diagnostic::error(
                        "schema-type",
                        pointer,
                        format!("this schema has `{k}` but no `type`; the generator cannot tell what type it is"),
                    )
                    .with_hint("add the `type` (`string` for a `format` such as date-time, `integer` or `number` for bounds)"),
                );
            }
        }
        _ => {}
    }
    let ty = ty.and_then(Value::as_str);
    if let Some(values) = doc::get(node, "enum").and_then(Value::as_sequence) {
        check_enum(pointer, ty, values, out);
    }
    if let (Some(t), Some(default)) = (ty, doc::get(node, "default")) {
        if !default.is_null() && !fits(t, default) {
            out.push(
                Diagnostic::error(
                    "schema-value",
                    doc::child(pointer, "default"),
                    format!("the default is not a {t}"),
                )
                .with_hint(format!("write a {t} default, or remove it")),
            );
        }
    }
    if let (Some(default), Some(values)) = (
        doc::get(node, "default"),
        doc::get(node, "enum").and_then(Value::as_sequence),
    ) {
        if !default.is_null() && !values.contains(default) {
            out.push(
                Diagnostic::error(
                    "schema-value",
                    doc::child(pointer, "default"),
                    format!(
                        "the default {} is not one of the enum's values",
                        short(default)
                    ),
                )
                .with_hint("make the default one of the `enum` values, or remove it"),
            );
        }
    }
    for k in ["allOf", "oneOf", "anyOf"] {
        if doc::get(node, k)
            .and_then(Value::as_sequence)
            .is_some_and(Vec::is_empty)
        {
            out.push(
                Diagnostic::error(
                    "schema-composition",
                    doc::child(pointer, k),
                    format!("`{k}` is empty"),
                )
                .with_hint(format!("list at least one schema in `{k}`, or remove it")),
            );
        }
    }
    if doc::get(node, "not").is_some() {
        out.push(
            Diagnostic::error("schema-composition", doc::child(pointer, "not"), "`not` schemas are not supported by the generator")
                .with_hint("describe what is allowed instead (an `enum`, a `pattern`), and say what is not in the description"),
        );
    }
    if let Some(pattern) = doc::get_str(node, "pattern") {
        if let Err(e) = regress::Regex::new(pattern) {
            out.push(
                Diagnostic::error(
                    "schema-pattern",
                    doc::child(pointer, "pattern"),
                    format!(
                        "pattern `{pattern}` is not a valid ECMAScript regular expression: {e}"
                    ),
                )
                .with_hint("fix the regular expression (ECMA-262 syntax), or remove it"),
            );
        }
    }
}

/// `open-enum-inline`: `x-extensible-enum` only makes an open Rust enum on
/// a named schema; on an inline one the generator would make a plain
/// `String`, and the diff's verdicts about enum values would not hold.
fn open_enum_named(pointer: &str, node: &Value, out: &mut Vec<Diagnostic>) {
    let ext = crate::extensions::OPEN_ENUM;
    if doc::get(node, ext).is_none() {
        return;
    }
    let named = pointer
        .trim_start_matches('#')
        .strip_prefix("/components/schemas/")
        .is_some_and(|name| !name.contains('/'));
    if !named {
        out.push(
            Diagnostic::error(
                "open-enum-inline",
                doc::child(pointer, ext),
                format!("`{ext}` on an inline schema: only a named schema becomes an open enum (the generator would make a plain `String`)"),
            )
            .with_hint("move the schema to `components/schemas` and `$ref` it"),
        );
    }
}

fn check_enum(pointer: &str, ty: Option<&str>, values: &[Value], out: &mut Vec<Diagnostic>) {
    let at = doc::child(pointer, "enum");
    let non_null: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
    match ty {
        Some(t) => {
            if let Some((i, bad)) = values
                .iter()
                .enumerate()
                .find(|(_, v)| !v.is_null() && !fits(t, v))
            {
                out.push(
                    Diagnostic::error(
                        "schema-value",
                        format!("{at}/{i}"),
                        format!("enum value {} is not a {t}", short(bad)),
                    )
                    .with_hint(format!(
                        "every value of the enum must be a {t} (quote numbers meant as strings)"
                    )),
                );
                return;
            }
        }
        None => {
            let first = non_null.first().map(|v| kind_of(v));
            if non_null.iter().any(|v| Some(kind_of(v)) != first) {
                out.push(
                    Diagnostic::error(
                        "schema-value",
                        at.clone(),
                        "an untyped enum mixes values of different types",
                    )
                    .with_hint("add a `type` and make every value of that type"),
                );
                return;
            }
        }
    }
    // String values become Rust variants: those that differ only in case or
    // inner punctuation would get the same name (a leading `-` does not: it
    // reads as "minus").
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (i, v) in values.iter().enumerate() {
        let Some(s) = v.as_str() else { continue };
        let key = variant_key(s);
        if let Some(first) = seen.insert(key, s) {
            out.push(
                Diagnostic::error(
                    "schema-enum",
                    format!("{at}/{i}"),
                    format!("enum values `{first}` and `{s}` would become the same Rust variant"),
                )
                .with_hint("remove the duplicate, or make the values differ in letters or digits"),
            );
            return;
        }
    }
}

/// Whether a value has the JSON type `t`.
fn fits(t: &str, v: &Value) -> bool {
    match (t, v) {
        ("string", Value::String(_)) | ("boolean", Value::Bool(_)) => true,
        ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
        ("number", Value::Number(_)) => true,
        ("array", Value::Sequence(_)) | ("object", Value::Mapping(_)) => true,
        _ => false,
    }
}

fn kind_of(v: &Value) -> u8 {
    match v {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Sequence(_) => 4,
        Value::Mapping(_) => 5,
        Value::Tagged(_) => 6,
    }
}

fn short(v: &Value) -> String {
    let s = serde_yaml::to_string(v).unwrap_or_default();
    let s = s.trim();
    if s.chars().count() > 40 {
        format!("`{}…`", s.chars().take(40).collect::<String>())
    } else {
        format!("`{s}`")
    }
}

/// What a string enum value is called as a Rust variant, up to the
/// differences typify keeps: case and inner punctuation vanish; a value
/// without letters or digits has no name at all.
fn variant_key(s: &str) -> String {
    if !s.chars().any(char::is_alphanumeric) {
        return String::new();
    }
    let body = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let prefix = &s[..s.len() - body.len()];
    let letters: String = body
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    format!("{prefix}{letters}")
}
