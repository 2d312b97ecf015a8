//! The curated spec, embedded and read once: the twin's routing table
//! (operations with their path templates, parameters, bodies, keys,
//! pagination and rate limits) and the schemas its answers follow.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

/// The curated spec's text, as the client crate is generated from it.
pub const SPEC_YAML: &str = include_str!("../../spec/atlassian-admin.yaml");

/// Which key an operation takes (the `x-credential` of its security scheme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credential {
    /// The organization API key.
    Organization,
    /// A SCIM directory key.
    Scim,
    /// No key (`security: []`).
    None,
}

/// One parameter of an operation.
#[derive(Debug, Clone)]
pub struct Param {
    /// The parameter's name.
    pub name: String,
    /// `path`, `query` or `header`.
    pub location: String,
    /// Whether the request must carry it.
    pub required: bool,
    /// Its schema (may be a `$ref`).
    pub schema: Value,
}

/// An `x-rate-limit`: `requests` per `per_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed in one window.
    pub requests: u32,
    /// The window's length in seconds.
    pub per_seconds: u64,
}

/// One operation of the spec.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The `operationId`.
    pub id: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// The path template (`/admin/v1/orgs/{orgId}`).
    pub path: String,
    /// The first tag (`Organization: Orgs`).
    pub tag: String,
    /// The key it takes.
    pub credential: Credential,
    /// Its parameters (path item's and operation's).
    pub params: Vec<Param>,
    /// The request body: required flag and JSON schema.
    pub body: Option<(bool, Value)>,
    /// Its `x-pagination`, if any.
    pub pagination: Option<Value>,
    /// Its `x-rate-limit`, if any.
    pub rate_limit: Option<RateLimit>,
    /// Status → JSON schema of the answer (`None`: no body).
    pub responses: BTreeMap<String, Option<Value>>,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone)]
enum Segment {
    Literal(String),
    Param(String),
}

impl Operation {
    /// The name of the schema the operation's errors use
    /// (`OrganizationErrors`, `ControlErrors`, `ApiAccessErrors`,
    /// `UserManagementErrors`, `ScimError`).
    pub fn error_schema(&self) -> &str {
        self.responses
            .iter()
            .filter(|(status, _)| status.starts_with('4') || status.starts_with('5'))
            .find_map(|(_, schema)| schema.as_ref().and_then(ref_name))
            .unwrap_or("OrganizationErrors")
    }

    /// The schema of the answer for `status`, if the spec declares one.
    pub fn response_schema(&self, status: u16) -> Option<&Value> {
        self.responses
            .get(&status.to_string())
            .and_then(Option::as_ref)
    }

    /// Whether the spec declares `status` for this operation.
    pub fn declares(&self, status: u16) -> bool {
        self.responses.contains_key(&status.to_string())
    }

    /// The path parameters, when `segments` (decoded) fit the template.
    fn matches(&self, segments: &[String]) -> Option<Vec<(String, String)>> {
        if segments.len() != self.segments.len() {
            return None;
        }
        let mut params = Vec::new();
        for (seg, want) in segments.iter().zip(&self.segments) {
            match want {
                Segment::Literal(l) if l == seg => {}
                Segment::Literal(_) => return None,
                Segment::Param(name) => params.push((name.clone(), seg.clone())),
            }
        }
        Some(params)
    }

    /// How specific the template is: literal segments earlier win
    /// (`/users/count` over `/users/{accountId}`).
    fn specificity(&self) -> Vec<bool> {
        self.segments
            .iter()
            .map(|s| matches!(s, Segment::Literal(_)))
            .collect()
    }

    /// A concrete path: the template with `values` filled in, percent-encoded.
    pub fn fill(&self, values: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for seg in &self.segments {
            out.push('/');
            match seg {
                Segment::Literal(l) => out.push_str(l),
                Segment::Param(name) => {
                    let v = values
                        .iter()
                        .find(|(k, _)| k == name)
                        .map_or("", |(_, v)| *v);
                    out.extend(percent_encoding::utf8_percent_encode(
                        v,
                        percent_encoding::NON_ALPHANUMERIC,
                    ));
                }
            }
        }
        out
    }
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
}

/// The parsed spec.
#[derive(Debug)]
pub struct Spec {
    /// The whole document as JSON (for `$ref`s).
    pub doc: Value,
    /// Every operation, in document order.
    pub operations: Vec<Operation>,
}

/// How a request's method and path fit the spec.
#[derive(Debug)]
pub enum Routed<'a> {
    /// An operation, with its path parameters.
    Operation(&'a Operation, Vec<(String, String)>),
    /// The path exists, the method does not.
    WrongMethod,
    /// No operation has this path.
    NoPath,
}

impl Spec {
    /// The embedded spec, parsed on first use.
    pub fn get() -> &'static Spec {
        static SPEC: OnceLock<Spec> = OnceLock::new();
        SPEC.get_or_init(|| {
            // The embedded text is the workspace's own curated spec, which every build checks.
            Spec::parse(SPEC_YAML).unwrap_or_else(|e| panic!("embedded spec: {e}"))
        })
    }

    /// Parses a spec text.
    pub fn parse(text: &str) -> Result<Spec, String> {
        let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let doc = to_json(yaml);
        let schemes = doc
            .pointer("/components/securitySchemes")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let default_security = doc.get("security").cloned();
        let mut operations = Vec::new();
        let paths = doc
            .get("paths")
            .and_then(Value::as_object)
            .ok_or("no paths")?;
        for (path, item) in paths {
            let shared = item.get("parameters").cloned().unwrap_or(Value::Null);
            for method in ["get", "put", "post", "delete", "patch"] {
                let Some(op) = item.get(method) else { continue };
                let id = op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("{method} {path}: no operationId"))?
                    .to_owned();
                let mut params = Vec::new();
                for p in array(&shared)
                    .iter()
                    .chain(array(op.get("parameters").unwrap_or(&Value::Null)))
                {
                    let p = resolve(&doc, p);
                    params.push(Param {
                        name: str_of(p, "name").to_owned(),
                        location: str_of(p, "in").to_owned(),
                        required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                        schema: p.get("schema").cloned().unwrap_or(Value::Null),
                    });
                }
                let body = op.get("requestBody").map(|b| {
                    let b = resolve(&doc, b);
                    let schema = b
                        .pointer("/content/application~1json/schema")
                        .or_else(|| b.pointer("/content/application~1scim+json/schema"))
                        .cloned()
                        .unwrap_or(Value::Null);
                    (
                        b.get("required").and_then(Value::as_bool).unwrap_or(false),
                        schema,
                    )
                });
                let mut responses = BTreeMap::new();
                if let Some(rs) = op.get("responses").and_then(Value::as_object) {
                    for (status, r) in rs {
                        let r = resolve(&doc, r);
                        let schema = r
                            .get("content")
                            .and_then(Value::as_object)
                            .and_then(|c| c.values().next().and_then(|m| m.get("schema")).cloned());
                        responses.insert(status.clone(), schema);
                    }
                }
                let security = op.get("security").or(default_security.as_ref());
                let credential = match security.and_then(Value::as_array).and_then(|a| a.first()) {
                    None => Credential::None,
                    Some(req) => {
                        let scheme = req
                            .as_object()
                            .and_then(|o| o.keys().next())
                            .cloned()
                            .unwrap_or_default();
                        match schemes
                            .get(&scheme)
                            .and_then(|s| s.get("x-credential"))
                            .and_then(Value::as_str)
                        {
                            Some("scim") => Credential::Scim,
                            _ => Credential::Organization,
                        }
                    }
                };
                let rate_limit = op.get("x-rate-limit").map(|r| RateLimit {
                    requests: r
                        .get("requests")
                        .and_then(Value::as_u64)
                        .unwrap_or(u64::from(u32::MAX)) as u32,
                    per_seconds: r.get("per-seconds").and_then(Value::as_u64).unwrap_or(1),
                });
                let segments = path
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(
                        |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                            Some(name) => Segment::Param(name.to_owned()),
                            None => Segment::Literal(s.to_owned()),
                        },
                    )
                    .collect();
                operations.push(Operation {
                    id,
                    method: method.to_uppercase(),
                    path: path.clone(),
                    tag: op
                        .pointer("/tags/0")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    credential,
                    params,
                    body,
                    pagination: op.get("x-pagination").cloned(),
                    rate_limit,
                    responses,
                    segments,
                });
            }
        }
        Ok(Spec { doc, operations })
    }

    /// The operation with this `operationId`.
    pub fn operation(&self, id: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.id == id)
    }

    /// Which operation serves `method` on the decoded path `segments`.
    pub fn route(&self, method: &str, segments: &[String]) -> Routed<'_> {
        let mut best: Option<(&Operation, Vec<(String, String)>)> = None;
        let mut path_exists = false;
        for op in &self.operations {
            let Some(params) = op.matches(segments) else {
                continue;
            };
            path_exists = true;
            if op.method != method {
                continue;
            }
            if best
                .as_ref()
                .is_none_or(|(b, _)| op.specificity() > b.specificity())
            {
                best = Some((op, params));
            }
        }
        match best {
            Some((op, params)) => Routed::Operation(op, params),
            None if path_exists => Routed::WrongMethod,
            None => Routed::NoPath,
        }
    }
}

fn array(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// Follows a local `$ref` (one or more hops) to the value it names.
pub fn resolve<'a>(doc: &'a Value, mut v: &'a Value) -> &'a Value {
    for _ in 0..16 {
        match v.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| doc.pointer(p)) {
                Some(target) => v = target,
                None => return v,
            },
            None => return v,
        }
    }
    v
}

/// YAML to JSON, map keys as text (`200:` becomes `"200"`).
fn to_json(v: serde_yaml::Value) -> Value {
    match v {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64().map_or(Value::Null, Value::from)
            }
        }
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(s) => Value::Array(s.into_iter().map(to_json).collect()),
        serde_yaml::Value::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                let key = match k {
                    serde_yaml::Value::String(s) => s,
                    serde_yaml::Value::Number(n) => n.to_string(),
                    serde_yaml::Value::Bool(b) => b.to_string(),
                    other => serde_yaml::to_string(&other)
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                };
                out.insert(key, to_json(v));
            }
            Value::Object(out)
        }
        serde_yaml::Value::Tagged(t) => to_json(t.value),
    }
}
