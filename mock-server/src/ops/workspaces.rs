//! Workspace search (`queryWorkspacesV2`): field, text, `and` and `nor`
//! filters and sorting over the org's workspaces. The API's continuation
//! token stands alone in the next request ("when `cursor` is set, nothing
//! else may be"), so the twin's token carries the query, the sort, the page
//! size and the position (hex-encoded JSON; opaque to clients like the
//! API's base64). Workspace features and policies are not modelled: a
//! filter on them answers 501 rather than an invented match.

use std::cmp::Ordering;

use serde_json::{json, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::Org;

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "queryWorkspacesV2" => query,
        _ => return None,
    })
}

/// What a continuation token carries.
struct Search {
    query: Value,
    sort: Value,
    limit: usize,
    offset: usize,
}

fn encode(s: &Search) -> String {
    let json = json!({"q": s.query, "s": s.sort, "l": s.limit, "o": s.offset}).to_string();
    json.bytes().map(|b| format!("{b:02x}")).collect()
}

fn decode(token: &str) -> Option<Search> {
    let bytes = (0..token.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(token.get(i..i + 2)?, 16).ok())
        .collect::<Option<Vec<u8>>>()?;
    let v: Value = serde_json::from_slice(&bytes).ok()?;
    Some(Search {
        query: v["q"].clone(),
        sort: v["s"].clone(),
        limit: usize::try_from(v["l"].as_u64()?).ok()?,
        offset: usize::try_from(v["o"].as_u64()?).ok()?,
    })
}

fn search(ctx: &Ctx<'_>) -> Result<Search, ApiError> {
    let body = ctx.body.clone().unwrap_or_else(|| json!({}));
    match body.get("cursor").and_then(Value::as_str) {
        Some(token) => {
            let others = body.as_object().map_or(0, |m| {
                m.iter()
                    .filter(|(k, v)| *k != "cursor" && !v.is_null())
                    .count()
            });
            if others > 0 {
                return Err(ApiError::bad_request(
                    "when `cursor` is set, nothing else may be",
                ));
            }
            decode(token).ok_or_else(|| ApiError::bad_request(format!("unknown cursor `{token}`")))
        }
        None => Ok(Search {
            query: body.get("query").cloned().unwrap_or(Value::Null),
            sort: body.get("sort").cloned().unwrap_or(Value::Null),
            limit: body
                .get("limit")
                .and_then(Value::as_u64)
                .unwrap_or(20)
                .clamp(1, 1000) as usize,
            offset: 0,
        }),
    }
}

/// A dot-separated field of a workspace (`attributes.type`), as text.
fn field<'a>(w: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(w, |at, part| at.get(part))
}

fn text_of(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn matches(w: &Value, q: &Value) -> Result<bool, ApiError> {
    if q.is_null() {
        return Ok(true);
    }
    if let Some(all) = q.get("and").and_then(Value::as_array) {
        for sub in all {
            if !matches(w, sub)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let Some(none) = q.get("nor").and_then(Value::as_array) {
        for sub in none {
            if matches(w, sub)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    if let Some(f) = q.get("field") {
        let name = f["name"].as_str().unwrap_or_default();
        let have = text_of(field(w, name));
        let values = f["values"].as_array().cloned().unwrap_or_default();
        return Ok(values.iter().any(|v| v.as_str() == Some(have.as_str())));
    }
    if let Some(text) = q.get("searchWorkspaces").and_then(Value::as_str) {
        let text = text.to_lowercase();
        let name = text_of(field(w, "attributes.name")).to_lowercase();
        let host = text_of(field(w, "attributes.hostUrl")).to_lowercase();
        return Ok(name.contains(&text) || host.contains(&text));
    }
    if q.get("features").is_some() || q.get("policies").is_some() {
        return Err(ApiError::new(
            501,
            "NOT_IMPLEMENTED",
            "queryWorkspacesV2: the twin does not model workspace features or policies",
        ));
    }
    Err(ApiError::bad_request("unknown workspace query"))
}

fn order(a: &Value, b: &Value, sort: &Value) -> Ordering {
    for key in sort.as_array().into_iter().flatten() {
        let name = key["field"].as_str().unwrap_or_default();
        let by = text_of(field(a, name)).cmp(&text_of(field(b, name)));
        let by = if key["order"] == "desc" {
            by.reverse()
        } else {
            by
        };
        if by != Ordering::Equal {
            return by;
        }
    }
    Ordering::Equal
}

fn query(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let s = search(ctx)?;
    let mut found = Vec::new();
    for w in &org.workspaces {
        if matches(w, &s.query)? {
            found.push(w.clone());
        }
    }
    found.sort_by(|a, b| order(a, b, &s.sort));
    let total = found.len();
    let data: Vec<Value> = found.into_iter().skip(s.offset).take(s.limit).collect();
    let end = s.offset + data.len();
    let mut page = json!({
        "data": data,
        "links": {"self": ctx.req.raw_path},
        "meta": {"pageSize": s.limit, "startIndex": s.offset, "endIndex": end, "total": total},
    });
    if end < total {
        page["links"]["next"] = json!(encode(&Search { offset: end, ..s }));
    }
    ok(page)
}
