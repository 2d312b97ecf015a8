//! Organization API: orgs, domains, the audit log (pages and the stream),
//! managed accounts (v1).

use serde_json::{json, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{rfc3339, Event, Org};

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "getOrgs" => |org, ctx| ok(ctx.page(vec![org_json(org)])?),
        "getOrgById" => |org, _| ok(json!({"data": org_json(org)})),
        "getDomains" => get_domains,
        "getDomainById" => get_domain,
        "getEvents" => get_events,
        "pollEvents" => poll_events,
        "getEventById" => get_event,
        "getEventActions" => get_event_actions,
        "getUsers" => get_users,
        _ => return None,
    })
}

fn org_json(org: &Org) -> Value {
    json!({
        "id": org.org_id,
        "type": "orgs",
        "attributes": {"name": org.org_name},
        "relationships": {},
        "links": {"self": format!("/admin/v1/orgs/{}", org.org_id)},
    })
}

fn domain_json(org: &Org, d: &crate::org::Domain) -> Value {
    json!({
        "id": d.id,
        "type": "domains",
        "attributes": {
            "name": d.name,
            "claim": {"status": if d.verified { "verified" } else { "unverified" }, "type": "dns"},
        },
        "links": {"self": format!("/admin/v1/orgs/{}/domains/{}", org.org_id, d.id)},
    })
}

fn get_domains(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let items = org.domains.iter().map(|d| domain_json(org, d)).collect();
    ok(ctx.page(items)?)
}

fn get_domain(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let id = ctx.param("domainId");
    let d = org
        .domains
        .iter()
        .find(|d| d.id == id || d.name == id)
        .ok_or_else(|| ApiError::not_found(format!("no domain {id}")))?;
    ok(json!({"data": domain_json(org, d)}))
}

pub(crate) fn event_json(org: &Org, e: &Event, polled: bool) -> Value {
    let context: Vec<Value> = e
        .context
        .iter()
        .map(|id| json!({"id": id, "type": if id.contains(':') { "user" } else { "object" }}))
        .collect();
    let mut attributes = json!({
        "time": rfc3339(e.time_ms),
        "action": e.action,
        "actor": {"id": e.actor},
        "context": context,
    });
    if polled {
        attributes["processedAt"] = json!(rfc3339(e.time_ms));
    }
    json!({
        "id": e.id,
        "type": "events",
        "attributes": attributes,
        "links": {"self": format!("/admin/v1/orgs/{}/events/{}", org.org_id, e.id)},
    })
}

/// `from`/`to` as epoch milliseconds; 400 for anything else.
fn millis(ctx: &Ctx<'_>, name: &str) -> Result<Option<i64>, ApiError> {
    ctx.query(name)
        .map(|v| {
            v.parse::<i64>().map_err(|_| {
                ApiError::bad_request(format!("`{name}` must be UNIX epoch milliseconds"))
            })
        })
        .transpose()
}

fn filtered_events(org: &Org, ctx: &Ctx<'_>) -> Result<Vec<Event>, ApiError> {
    let from = millis(ctx, "from")?.unwrap_or(i64::MIN);
    let to = millis(ctx, "to")?.unwrap_or(i64::MAX);
    let action = ctx.query("action");
    let actors = ctx.req.query_values("actor");
    Ok(org
        .events
        .iter()
        .filter(|e| e.time_ms >= from && e.time_ms <= to)
        .filter(|e| action.is_none_or(|a| a.split(',').any(|a| a == e.action)))
        .filter(|e| actors.is_empty() || actors.iter().any(|a| *a == e.actor))
        .cloned()
        .collect())
}

fn get_events(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let events = filtered_events(org, ctx)?;
    let items = events.iter().map(|e| event_json(org, e, false)).collect();
    let mut page = ctx.page_of(items, 30)?;
    let size = page["data"].as_array().map_or(0, Vec::len);
    page["meta"]["page_size"] = json!(size);
    if page.get("links").is_none() {
        page["links"] = json!({});
    }
    ok(page)
}

fn poll_events(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let mut events = filtered_events(org, ctx)?;
    if ctx.query("sortOrder") == Some("desc") {
        events.reverse();
    }
    let items = events.iter().map(|e| event_json(org, e, true)).collect();
    let mut page = ctx.page(items)?;
    let size = page["data"].as_array().map_or(0, Vec::len);
    page["meta"]["page_size"] = json!(size);
    ok(page)
}

fn get_event(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let id = ctx.param("eventId");
    let e = org
        .events
        .iter()
        .find(|e| e.id == id)
        .ok_or_else(|| ApiError::not_found(format!("no event {id}")))?;
    ok(json!({"data": event_json(org, e, false)}))
}

fn get_event_actions(org: &mut Org, _: &Ctx<'_>) -> Result<Reply, ApiError> {
    let mut actions: Vec<&str> = org.events.iter().map(|e| e.action.as_str()).collect();
    actions.sort_unstable();
    actions.dedup();
    let data: Vec<Value> = actions
        .into_iter()
        .map(|a| {
            json!({
                "id": a,
                "type": "event-actions",
                "attributes": {"displayName": a.replace('_', " "), "groupDisplayName": "Audit log"},
            })
        })
        .collect();
    ok(json!({"data": data}))
}

fn get_users(org: &mut Org, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    let items: Vec<Value> = org
        .users
        .iter()
        .map(|u| {
            json!({
                "account_id": u.account_id,
                "account_type": "atlassian",
                "account_status": u.account_status,
                "name": u.name,
                "nickname": u.nickname,
                "email": u.email,
                "picture": "",
            })
        })
        .collect();
    let total = items.len();
    let mut page = ctx.page(items)?;
    page["meta"] = json!({"total": total});
    ok(page)
}
