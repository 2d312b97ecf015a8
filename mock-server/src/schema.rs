//! A JSON-schema subset, as the curated spec uses it: `$ref`, `type`,
//! `nullable`, `enum` (an `x-extensible-enum` stays open), `properties`,
//! `required`, `additionalProperties`, `items`, `min/maxItems`,
//! `min/maxLength`, `minimum`/`maximum`, `allOf`, `oneOf`/`anyOf` (one branch
//! must match). The twin checks requests with it; its tests check answers.

use serde_json::Value;

use crate::spec::resolve;

/// Which side of the exchange a value is: `readOnly` properties are not
/// required in a request, `writeOnly` ones not in an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// A request body or parameter.
    Request,
    /// An answer.
    Response,
}

/// Checks `value` against `schema` (resolving `$ref`s in `doc`); the error
/// names the first place that does not fit (`$.data[3].email: ...`).
pub fn validate(doc: &Value, schema: &Value, value: &Value, dir: Direction) -> Result<(), String> {
    check(doc, schema, value, dir, "$", 0)
}

fn check(
    doc: &Value,
    schema: &Value,
    value: &Value,
    dir: Direction,
    at: &str,
    depth: usize,
) -> Result<(), String> {
    if depth > 64 {
        return Ok(());
    }
    let s = resolve(doc, schema);
    let Some(obj) = s.as_object() else {
        return Ok(());
    };
    if value.is_null() {
        let nullable = obj
            .get("nullable")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if nullable || obj.is_empty() || (obj.get("type").is_none() && !has_composition(obj)) {
            return Ok(());
        }
        return Err(format!("{at}: null where the schema does not allow it"));
    }
    if let Some(all) = obj.get("allOf").and_then(Value::as_array) {
        for sub in all {
            check(doc, sub, value, dir, at, depth + 1)?;
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(any) = obj.get(key).and_then(Value::as_array) {
            let errors: Vec<String> = any
                .iter()
                .filter_map(|sub| check(doc, sub, value, dir, at, depth + 1).err())
                .collect();
            if errors.len() == any.len() && !any.is_empty() {
                return Err(format!(
                    "{at}: fits no branch of {key} ({})",
                    errors.join("; ")
                ));
            }
        }
    }
    if let Some(ty) = obj.get("type").and_then(Value::as_str) {
        let ok = match ty {
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => true,
        };
        if !ok {
            return Err(format!("{at}: expected {ty}, got {}", kind(value)));
        }
    }
    if let Some(values) = obj.get("enum").and_then(Value::as_array) {
        if !values.contains(value) {
            return Err(format!(
                "{at}: {value} is not one of {}",
                Value::Array(values.clone())
            ));
        }
    }
    if let Some(text) = value.as_str() {
        let len = text.chars().count() as u64;
        if let Some(m) = obj
            .get("minLength")
            .and_then(Value::as_u64)
            .filter(|m| len < *m)
        {
            return Err(format!("{at}: shorter than {m} characters"));
        }
        if let Some(m) = obj
            .get("maxLength")
            .and_then(Value::as_u64)
            .filter(|m| len > *m)
        {
            return Err(format!("{at}: longer than {m} characters"));
        }
    }
    if let Some(n) = value.as_f64() {
        if let Some(m) = obj
            .get("minimum")
            .and_then(Value::as_f64)
            .filter(|m| n < *m)
        {
            return Err(format!("{at}: {n} is below the minimum of {m}"));
        }
        if let Some(m) = obj
            .get("maximum")
            .and_then(Value::as_f64)
            .filter(|m| n > *m)
        {
            return Err(format!("{at}: {n} is above the maximum of {m}"));
        }
    }
    if let Some(items) = value.as_array() {
        let len = items.len() as u64;
        if let Some(m) = obj
            .get("minItems")
            .and_then(Value::as_u64)
            .filter(|m| len < *m)
        {
            return Err(format!("{at}: {len} items, fewer than the minimum of {m}"));
        }
        if let Some(m) = obj
            .get("maxItems")
            .and_then(Value::as_u64)
            .filter(|m| len > *m)
        {
            return Err(format!("{at}: {len} items, more than the maximum of {m}"));
        }
        if let Some(item_schema) = obj.get("items") {
            for (i, item) in items.iter().enumerate() {
                check(
                    doc,
                    item_schema,
                    item,
                    dir,
                    &format!("{at}[{i}]"),
                    depth + 1,
                )?;
            }
        }
    }
    if let Some(map) = value.as_object() {
        let props = obj.get("properties").and_then(Value::as_object);
        if let Some(required) = obj.get("required").and_then(Value::as_array) {
            for name in required.iter().filter_map(Value::as_str) {
                if map.contains_key(name) {
                    continue;
                }
                let prop = props.and_then(|p| p.get(name)).map(|p| resolve(doc, p));
                let flag = |f: &str| {
                    prop.and_then(|p| p.get(f))
                        .and_then(Value::as_bool)
                        .unwrap_or(false)
                };
                let exempt = match dir {
                    Direction::Request => flag("readOnly"),
                    Direction::Response => flag("writeOnly"),
                };
                if !exempt {
                    return Err(format!("{at}: required property `{name}` is missing"));
                }
            }
        }
        for (name, v) in map {
            let sub_at = format!("{at}.{name}");
            match props.and_then(|p| p.get(name)) {
                Some(prop) => check(doc, prop, v, dir, &sub_at, depth + 1)?,
                None => match obj.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        return Err(format!("{at}: property `{name}` is not allowed"));
                    }
                    Some(extra @ Value::Object(_)) => {
                        check(doc, extra, v, dir, &sub_at, depth + 1)?
                    }
                    _ => {}
                },
            }
        }
    }
    Ok(())
}

fn has_composition(obj: &serde_json::Map<String, Value>) -> bool {
    ["allOf", "oneOf", "anyOf", "properties", "items"]
        .iter()
        .any(|k| obj.contains_key(*k))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A query or path parameter's text as the JSON value its schema wants
/// (`"5"` for an integer becomes `5`); text that fits no reading stays text,
/// so validation then names the mismatch.
pub fn coerce(doc: &Value, schema: &Value, text: &str) -> Value {
    let s = resolve(doc, schema);
    match s.get("type").and_then(Value::as_str) {
        Some("integer") => text
            .parse::<i64>()
            .map_or_else(|_| Value::from(text), Value::from),
        Some("number") => text
            .parse::<f64>()
            .map_or_else(|_| Value::from(text), Value::from),
        Some("boolean") => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::from(text),
        },
        _ => Value::from(text),
    }
}
