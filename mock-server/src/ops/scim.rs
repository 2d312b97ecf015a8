//! SCIM provisioning (RFC 7644 as Atlassian follows it): users and groups
//! of the directory with `eq` filters, index pagination, PUT and PATCH, and
//! the discovery endpoints describing what this twin supports.

use serde_json::{json, Map, Value};

use super::{ok, Ctx, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::{rfc3339, Org};

const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const ENTERPRISE_SCHEMA: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    User,
    Group,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::User => "User",
            Kind::Group => "Group",
        }
    }

    fn unique(self) -> &'static str {
        match self {
            Kind::User => "userName",
            Kind::Group => "displayName",
        }
    }

    fn store(self, org: &mut Org) -> &mut Vec<Value> {
        match self {
            Kind::User => &mut org.scim_users,
            Kind::Group => &mut org.scim_groups,
        }
    }
}

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "listScimUsers" => |org, ctx| list(org, ctx, Kind::User),
        "createScimUser" => |org, ctx| create(org, ctx, Kind::User),
        "getScimUser" => |org, ctx| get(org, ctx, Kind::User),
        "replaceScimUser" => |org, ctx| replace(org, ctx, Kind::User),
        "patchScimUser" => |org, ctx| patch(org, ctx, Kind::User),
        "deleteScimUser" => |org, ctx| delete(org, ctx, Kind::User),
        "listScimGroups" => |org, ctx| list(org, ctx, Kind::Group),
        "createScimGroup" => |org, ctx| create(org, ctx, Kind::Group),
        "getScimGroup" => |org, ctx| get(org, ctx, Kind::Group),
        "replaceScimGroup" => |org, ctx| replace(org, ctx, Kind::Group),
        "patchScimGroup" => |org, ctx| patch(org, ctx, Kind::Group),
        "deleteScimGroup" => |org, ctx| delete(org, ctx, Kind::Group),
        "listScimSchemas" => |org, _| {
            ok(list_of(vec![
                user_schema(org),
                group_schema(org),
                enterprise_schema(org),
            ]))
        },
        "getScimUserSchema" => |org, _| ok(user_schema(org)),
        "getScimGroupSchema" => |org, _| ok(group_schema(org)),
        "getScimEnterpriseUserSchema" => |org, _| ok(enterprise_schema(org)),
        "listScimResourceTypes" => |org, _| {
            ok(list_of(vec![
                resource_type(org, Kind::User),
                resource_type(org, Kind::Group),
            ]))
        },
        "getScimUserResourceType" => |org, _| ok(resource_type(org, Kind::User)),
        "getScimGroupResourceType" => |org, _| ok(resource_type(org, Kind::Group)),
        "getScimServiceProviderConfig" => |_, _| ok(service_provider_config()),
        _ => return None,
    })
}

fn base(org: &Org) -> String {
    format!("/scim/directory/{}", org.directory_id)
}

fn id_param(ctx: &Ctx<'_>, kind: Kind) -> String {
    ctx.param(match kind {
        Kind::User => "userId",
        Kind::Group => "groupId",
    })
    .to_owned()
}

fn find(org: &mut Org, kind: Kind, id: &str) -> Result<usize, ApiError> {
    kind.store(org)
        .iter()
        .position(|r| r["id"] == id && r.is_object())
        .ok_or_else(|| ApiError::not_found(format!("no {} {id}", kind.name())))
}

/// A resource as served: groups of a user are derived from the groups' members.
fn served(org: &Org, kind: Kind, r: &Value) -> Value {
    let mut r = r.clone();
    if kind == Kind::User && r.is_object() {
        let groups: Vec<Value> = org
            .scim_groups
            .iter()
            .filter(|g| {
                g["members"]
                    .as_array()
                    .is_some_and(|m| m.iter().any(|m| m["value"] == r["id"]))
            })
            .map(|g| json!({"value": g["id"], "display": g["displayName"]}))
            .collect();
        r["groups"] = Value::Array(groups);
    }
    r
}

/// `attr eq "value"` (and `and` of those): the filters identity providers send.
fn matches_filter(r: &Value, filter: &str) -> Result<bool, ApiError> {
    for clause in filter.split(" and ") {
        let mut parts = clause.trim().splitn(3, ' ');
        let (Some(attr), Some(op), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(ApiError::bad_request(format!(
                "unsupported filter `{filter}`"
            )));
        };
        if !op.eq_ignore_ascii_case("eq") {
            return Err(ApiError::bad_request(format!(
                "unsupported filter operator `{op}`"
            )));
        }
        let want = value.trim_matches('"');
        let got: Vec<&str> = match attr {
            "emails.value" | "emails" => r["emails"]
                .as_array()
                .map(|es| es.iter().filter_map(|e| e["value"].as_str()).collect())
                .unwrap_or_default(),
            other => r
                .pointer(&format!("/{}", other.replace('.', "/")))
                .and_then(Value::as_str)
                .into_iter()
                .collect(),
        };
        if !got.iter().any(|g| g.eq_ignore_ascii_case(want)) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn list(org: &mut Org, ctx: &Ctx<'_>, kind: Kind) -> Result<Reply, ApiError> {
    let filter = ctx.query("filter").map(str::to_owned);
    let mut items = Vec::new();
    for r in kind.store(org).clone() {
        if filter
            .as_deref()
            .map_or(Ok(true), |f| matches_filter(&r, f))?
        {
            items.push(served(org, kind, &r));
        }
    }
    ok(ctx.page(items)?)
}

fn stamp(
    org: &Org,
    ctx: &Ctx<'_>,
    kind: Kind,
    id: &str,
    created: Option<Value>,
    version: u64,
) -> Value {
    let now = rfc3339(ctx.now_ms);
    let path = match kind {
        Kind::User => "Users",
        Kind::Group => "Groups",
    };
    json!({
        "resourceType": kind.name(),
        "location": format!("{}/{path}/{id}", base(org)),
        "created": created.unwrap_or_else(|| json!(now)),
        "lastModified": now,
        "version": format!("W/\"{version}\""),
    })
}

/// The body as a resource: read-only attributes dropped, schemas set.
fn incoming(ctx: &Ctx<'_>, kind: Kind) -> Result<Map<String, Value>, ApiError> {
    let mut r = ctx.fields();
    for read_only in ["id", "meta", "groups"] {
        r.remove(read_only);
    }
    if kind == Kind::Group {
        r.entry("members").or_insert_with(|| json!([]));
    }
    let unique = kind.unique();
    if r.get(unique)
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        return Err(ApiError::bad_request(format!("`{unique}` is required")));
    }
    r.insert(
        "schemas".to_owned(),
        json!([if kind == Kind::User {
            USER_SCHEMA
        } else {
            GROUP_SCHEMA
        }]),
    );
    Ok(r)
}

fn check_unique(
    org: &mut Org,
    kind: Kind,
    r: &Map<String, Value>,
    except: Option<&str>,
) -> Result<(), ApiError> {
    let key = kind.unique();
    let value = r
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_lowercase();
    let taken = kind.store(org).iter().any(|o| {
        o[key].as_str().is_some_and(|v| v.to_lowercase() == value)
            && except.is_none_or(|e| o["id"] != e)
    });
    if taken {
        return Err(ApiError::conflict(format!(
            "a {} with {key} {value} exists",
            kind.name()
        )));
    }
    Ok(())
}

fn check_members(org: &Org, r: &Value) -> Result<(), ApiError> {
    for m in r["members"].as_array().into_iter().flatten() {
        let id = m["value"].as_str().unwrap_or_default();
        if !org.scim_users.iter().any(|u| u["id"] == id) {
            return Err(ApiError::bad_request(format!(
                "member {id} is not a user of this directory"
            )));
        }
    }
    Ok(())
}

fn create(org: &mut Org, ctx: &Ctx<'_>, kind: Kind) -> Result<Reply, ApiError> {
    let mut r = incoming(ctx, kind)?;
    check_unique(org, kind, &r, None)?;
    let id = org.new_id(if kind == Kind::User {
        "scim-user"
    } else {
        "scim-group"
    });
    if kind == Kind::User {
        r.entry("active").or_insert(json!(true));
    }
    r.insert("id".to_owned(), json!(id));
    r.insert("meta".to_owned(), stamp(org, ctx, kind, &id, None, 1));
    let r = Value::Object(r);
    check_members(org, &r)?;
    kind.store(org).push(r.clone());
    org.record(
        ctx.now_ms,
        &format!("scim_{}_created", kind.name().to_lowercase()),
        &[&id],
    );
    Ok(Reply::json(201, served(org, kind, &r)))
}

fn get(org: &mut Org, ctx: &Ctx<'_>, kind: Kind) -> Result<Reply, ApiError> {
    let i = find(org, kind, &id_param(ctx, kind))?;
    let r = kind.store(org)[i].clone();
    ok(served(org, kind, &r))
}

fn version(r: &Value) -> u64 {
    r.pointer("/meta/version")
        .and_then(Value::as_str)
        .and_then(|v| v.trim_start_matches("W/").trim_matches('"').parse().ok())
        .unwrap_or(1)
}

fn store_updated(
    org: &mut Org,
    ctx: &Ctx<'_>,
    kind: Kind,
    i: usize,
    mut r: Map<String, Value>,
) -> Result<Reply, ApiError> {
    let old = kind.store(org)[i].clone();
    let id = old["id"].as_str().unwrap_or_default().to_owned();
    check_unique(org, kind, &r, Some(&id))?;
    r.insert("id".to_owned(), json!(id));
    let meta = stamp(
        org,
        ctx,
        kind,
        &id,
        old.pointer("/meta/created").cloned(),
        version(&old) + 1,
    );
    r.insert("meta".to_owned(), meta);
    let r = Value::Object(r);
    check_members(org, &r)?;
    kind.store(org)[i] = r.clone();
    org.record(
        ctx.now_ms,
        &format!("scim_{}_updated", kind.name().to_lowercase()),
        &[&id],
    );
    ok(served(org, kind, &r))
}

fn replace(org: &mut Org, ctx: &Ctx<'_>, kind: Kind) -> Result<Reply, ApiError> {
    let i = find(org, kind, &id_param(ctx, kind))?;
    let r = incoming(ctx, kind)?;
    store_updated(org, ctx, kind, i, r)
}

fn patch(org: &mut Org, ctx: &Ctx<'_>, kind: Kind) -> Result<Reply, ApiError> {
    let i = find(org, kind, &id_param(ctx, kind))?;
    let mut r = kind.store(org)[i].as_object().cloned().unwrap_or_default();
    let ops = ctx
        .body
        .as_ref()
        .and_then(|b| b["Operations"].as_array())
        .cloned()
        .unwrap_or_default();
    for op in &ops {
        let kind_of = op["op"].as_str().unwrap_or_default();
        let value = op.get("value").cloned().unwrap_or(Value::Null);
        match op.get("path").and_then(Value::as_str) {
            None => match (kind_of, value) {
                ("add" | "replace", Value::Object(m)) => r.extend(m),
                _ => {
                    return Err(ApiError::bad_request(
                        "a patch without `path` takes an object `value`",
                    ))
                }
            },
            Some(path) => apply_path(&mut r, kind_of, path, value)?,
        }
    }
    store_updated(org, ctx, kind, i, r)
}

fn apply_path(
    r: &mut Map<String, Value>,
    op: &str,
    path: &str,
    value: Value,
) -> Result<(), ApiError> {
    // members[value eq "id"]: one element of a multi-valued attribute.
    if let Some((attr, filter)) = path.strip_suffix(']').and_then(|p| p.split_once('[')) {
        if op != "remove" {
            return Err(ApiError::bad_request(
                "a filtered path is only supported for `remove`",
            ));
        }
        let list = r
            .get_mut(attr)
            .and_then(Value::as_array_mut)
            .ok_or_else(|| ApiError::bad_request(format!("no attribute {attr}")))?;
        let mut err = None;
        list.retain(|item| match matches_filter(item, filter) {
            Ok(m) => !m,
            Err(e) => {
                err = Some(e);
                true
            }
        });
        return err.map_or(Ok(()), Err);
    }
    let (head, tail) = match path.split_once('.') {
        Some((h, t)) => (h, Some(t)),
        None => (path, None),
    };
    match (op, tail) {
        ("remove", None) => {
            if let (Some(Value::Array(remove)), Some(Value::Array(list))) =
                (Some(&value), r.get_mut(head))
            {
                list.retain(|item| !remove.iter().any(|x| x["value"] == item["value"]));
            } else {
                r.remove(head);
            }
        }
        ("remove", Some(t)) => {
            if let Some(Value::Object(inner)) = r.get_mut(head) {
                inner.remove(t);
            }
        }
        ("add", None) if value.is_array() => {
            let list = r.entry(head).or_insert_with(|| json!([]));
            if let (Some(list), Value::Array(new)) = (list.as_array_mut(), value) {
                for item in new {
                    if !list.iter().any(|x| x["value"] == item["value"]) {
                        list.push(item);
                    }
                }
            }
        }
        (_, None) => {
            r.insert(head.to_owned(), value);
        }
        (_, Some(t)) => {
            let inner = r.entry(head).or_insert_with(|| json!({}));
            if !inner.is_object() {
                *inner = json!({});
            }
            inner[t] = value;
        }
    }
    Ok(())
}

fn delete(org: &mut Org, ctx: &Ctx<'_>, kind: Kind) -> Result<Reply, ApiError> {
    let id = id_param(ctx, kind);
    let i = find(org, kind, &id)?;
    kind.store(org).remove(i);
    if kind == Kind::User {
        for g in &mut org.scim_groups {
            if let Some(members) = g.get_mut("members").and_then(Value::as_array_mut) {
                members.retain(|m| m["value"] != id.as_str());
            }
        }
    }
    org.record(
        ctx.now_ms,
        &format!("scim_{}_deleted", kind.name().to_lowercase()),
        &[&id],
    );
    Ok(Reply::empty(204))
}

fn list_of(items: Vec<Value>) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": items.len(),
        "startIndex": 1,
        "itemsPerPage": items.len(),
        "Resources": items,
    })
}

fn attribute(name: &str, ty: &str, required: bool, multi: bool) -> Value {
    json!({
        "name": name,
        "type": ty,
        "multiValued": multi,
        "required": required,
        "caseExact": false,
        "mutability": "readWrite",
        "returned": "default",
        "uniqueness": if required { "server" } else { "none" },
    })
}

fn schema_json(org: &Org, id: &str, name: &str, attributes: Vec<Value>) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
        "id": id,
        "name": name,
        "description": format!("{name} attributes the twin stores"),
        "attributes": attributes,
        "meta": {"resourceType": "Schema", "location": format!("{}/Schemas/{id}", base(org))},
    })
}

fn user_schema(org: &Org) -> Value {
    schema_json(
        org,
        USER_SCHEMA,
        "User",
        vec![
            attribute("userName", "string", true, false),
            attribute("name", "complex", false, false),
            attribute("displayName", "string", false, false),
            attribute("active", "boolean", false, false),
            attribute("emails", "complex", false, true),
        ],
    )
}

fn group_schema(org: &Org) -> Value {
    schema_json(
        org,
        GROUP_SCHEMA,
        "Group",
        vec![
            attribute("displayName", "string", true, false),
            attribute("members", "complex", false, true),
        ],
    )
}

fn enterprise_schema(org: &Org) -> Value {
    schema_json(
        org,
        ENTERPRISE_SCHEMA,
        "EnterpriseUser",
        vec![
            attribute("department", "string", false, false),
            attribute("organization", "string", false, false),
        ],
    )
}

fn resource_type(org: &Org, kind: Kind) -> Value {
    let (endpoint, schema) = match kind {
        Kind::User => ("/Users", USER_SCHEMA),
        Kind::Group => ("/Groups", GROUP_SCHEMA),
    };
    let mut v = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": kind.name(),
        "name": kind.name(),
        "endpoint": endpoint,
        "schema": schema,
        "meta": {"location": format!("{}/ResourceTypes/{}", base(org), kind.name())},
    });
    if kind == Kind::User {
        v["schemaExtensions"] = json!([{"schema": ENTERPRISE_SCHEMA, "required": false}]);
    }
    v
}

fn service_provider_config() -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": 100},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": false},
        "authenticationSchemes": [{"type": "oauthbearertoken", "name": "OAuth Bearer Token", "description": "The directory's SCIM API key", "primary": true}],
    })
}
