//! The operations the twin models, one handler per `operationId`, grouped
//! by API family, and what they share: the request context, the page
//! builder that serves each `x-pagination` style as declared, and the scope
//! checks (the org and directory in the path).

use serde_json::{json, Map, Value};

use crate::errors::ApiError;
use crate::http::{Reply, Request};
use crate::org::Org;
use crate::spec::{resolve, Operation, Spec};

mod api_access;
mod app_access;
mod control;
mod control_v2;
mod directory;
mod invitations;
mod org_policies;
mod organization;
mod roles;
mod scim;
mod user_management;
mod workspaces;

/// One checked request, as a handler sees it.
pub(crate) struct Ctx<'a> {
    pub op: &'a Operation,
    pub path: Vec<(String, String)>,
    pub req: &'a Request,
    pub body: Option<Value>,
    pub now_ms: i64,
}

impl Ctx<'_> {
    /// A path parameter (present: the router matched it).
    pub fn param(&self, name: &str) -> &str {
        self.path
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// A query parameter's first value.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.req.query_values(name).first().copied()
    }

    /// The body's fields (empty when there is no body).
    pub fn fields(&self) -> Map<String, Value> {
        match &self.body {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        }
    }

    /// A string field of the body.
    pub fn field(&self, name: &str) -> Option<String> {
        self.body
            .as_ref()
            .and_then(|b| b.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// A list-of-strings field of the body.
    pub fn list(&self, name: &str) -> Option<Vec<String>> {
        self.body
            .as_ref()
            .and_then(|b| b.get(name))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
    }

    /// The default of a query parameter or body field, from the spec.
    fn default_of(&self, name: &str) -> Option<u64> {
        let doc = &Spec::get().doc;
        let from_param = self
            .op
            .params
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| {
                resolve(doc, &p.schema)
                    .get("default")
                    .and_then(Value::as_u64)
            });
        from_param.or_else(|| {
            let (_, schema) = self.op.body.as_ref()?;
            resolve(doc, resolve(doc, schema).get("properties")?.get(name)?)
                .get("default")
                .and_then(Value::as_u64)
        })
    }

    /// One page of `items`, shaped as the operation's `x-pagination` declares.
    pub fn page(&self, items: Vec<Value>) -> Result<Value, ApiError> {
        self.page_of(items, 50)
    }

    /// Like [`page`](Self::page), with the page size the API uses when
    /// neither the request nor the spec's `default` says.
    pub fn page_of(&self, items: Vec<Value>, fallback: u64) -> Result<Value, ApiError> {
        let p = self.op.pagination.clone().unwrap_or(Value::Null);
        let style = p.get("style").and_then(Value::as_str).unwrap_or("none");
        let items_at = p.get("items").and_then(Value::as_str).unwrap_or("data");
        if style == "index" {
            return self.index_page(items, items_at);
        }
        let number = |name: &str| -> Result<Option<u64>, ApiError> {
            let from_query = self.query(name).map(|v| {
                v.parse::<u64>()
                    .map_err(|_| ApiError::bad_request(format!("`{name}` must be a number")))
            });
            match from_query {
                Some(v) => v.map(Some),
                None => Ok(self
                    .body
                    .as_ref()
                    .and_then(|b| b.get(name))
                    .and_then(Value::as_u64)),
            }
        };
        let limit = number("limit")?
            .or(number("pageSize")?)
            .or_else(|| self.default_of("limit"))
            .or_else(|| self.default_of("pageSize"))
            .unwrap_or(fallback)
            .max(1) as usize;
        let cursor = match (
            p.get("param").and_then(Value::as_str),
            p.get("body-field").and_then(Value::as_str),
        ) {
            (Some(param), _) => self.query(param).map(str::to_owned),
            (_, Some(field)) => self.field(field),
            _ => self.query("cursor").map(str::to_owned),
        };
        let offset = match cursor {
            None => 0,
            Some(c) => c
                .strip_prefix("after-")
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| *n <= items.len().max(1) * 2 + 1_000_000)
                .ok_or_else(|| ApiError::bad_request(format!("unknown cursor `{c}`")))?,
        };
        let total = items.len();
        let data: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
        let end = (offset + data.len()).min(total);
        let feed = p.get("feed").and_then(Value::as_bool).unwrap_or(false);
        let mut page = json!({});
        set(&mut page, items_at, Value::Array(data));
        if end < total || feed {
            let next_at = match p.get("next") {
                Some(Value::Array(a)) => a.first().and_then(Value::as_str).unwrap_or("links.next"),
                Some(Value::String(s)) => s.as_str(),
                _ => "links.next",
            };
            let cursor = format!("after-{end}");
            let next = if style == "link" {
                let host = self.req.header("host").unwrap_or("127.0.0.1");
                format!("http://{host}{}?cursor={cursor}", self.req.raw_path)
            } else {
                cursor
            };
            set(&mut page, next_at, Value::String(next));
        }
        Ok(page)
    }

    /// A SCIM list: 1-based `startIndex`, `count`, and the totals.
    fn index_page(&self, items: Vec<Value>, items_at: &str) -> Result<Value, ApiError> {
        let number = |name: &str, default: u64| -> Result<u64, ApiError> {
            self.query(name).map_or(Ok(default), |v| {
                v.parse()
                    .map_err(|_| ApiError::bad_request(format!("`{name}` must be a number")))
            })
        };
        let start = number("startIndex", 1)?.max(1) as usize;
        let count = number("count", self.default_of("count").unwrap_or(100))? as usize;
        let total = items.len();
        let data: Vec<Value> = items.into_iter().skip(start - 1).take(count).collect();
        let mut page = json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
            "totalResults": total,
            "startIndex": start,
            "itemsPerPage": data.len(),
        });
        set(&mut page, items_at, Value::Array(data));
        Ok(page)
    }
}

/// Sets a dot-separated field path in an object, creating objects on the way.
fn set(target: &mut Value, path: &str, value: Value) {
    let mut at = target;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            at[part] = value;
            return;
        }
        if !at.get(part).is_some_and(Value::is_object) {
            at[part] = json!({});
        }
        at = &mut at[part];
    }
}

/// 200 with a JSON body.
pub(crate) fn ok(body: Value) -> Result<Reply, ApiError> {
    Ok(Reply::json(200, body))
}

/// The org in the path must be the twin's; a directory must be its one
/// directory, or `-` (every directory) where the organization API allows it.
pub(crate) fn check_scope(org: &Org, ctx: &Ctx<'_>) -> Result<(), ApiError> {
    // A SCIM key belongs to one directory: `-` is an organization API notion.
    let every_directory_allowed = !ctx.op.path.starts_with("/scim/");
    for (name, value) in &ctx.path {
        let every = value == "-" && every_directory_allowed;
        match name.as_str() {
            "orgId" if *value != org.org_id => {
                return Err(ApiError::not_found(format!("no organization {value}")));
            }
            "directoryId" if *value != org.directory_id && !every => {
                return Err(ApiError::not_found(format!("no directory {value}")));
            }
            _ => {}
        }
    }
    Ok(())
}

/// A handler: the state and the checked request in, an answer out.
pub(crate) type OpFn = fn(&mut Org, &Ctx<'_>) -> Result<Reply, ApiError>;

/// The handler of an operation, if the twin models it.
pub(crate) fn handler(operation_id: &str) -> Option<OpFn> {
    organization::handler(operation_id)
        .or_else(|| directory::handler(operation_id))
        .or_else(|| control::handler(operation_id))
        .or_else(|| user_management::handler(operation_id))
        .or_else(|| scim::handler(operation_id))
        .or_else(|| roles::handler(operation_id))
        .or_else(|| org_policies::handler(operation_id))
        .or_else(|| api_access::handler(operation_id))
        .or_else(|| app_access::handler(operation_id))
        .or_else(|| control_v2::handler(operation_id))
        .or_else(|| invitations::handler(operation_id))
        .or_else(|| workspaces::handler(operation_id))
}
