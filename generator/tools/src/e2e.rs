//! End-to-end test cases, one per operation, derived from the spec.
//!
//! For every operation this emits a `Case`: the request the client must send
//! (method, path with the sample path values, query pairs, JSON body), the
//! success and error answers a local server gives back (built from the
//! response schemas), and a call through the generated client that sets every
//! parameter to its sample value. The output is committed as
//! `tests/e2e/cases.rs`; a test regenerates it and fails when it is stale, so
//! the cases grow with the spec. The harness that runs them (server, `Case`,
//! `sample`, `outcome`) is hand-written beside it.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use heck::ToSnakeCase;
use openapiv3::{Operation, Parameter, ReferenceOr, RequestBody, Response, StatusCode};
use quote::ToTokens;
use serde_json::Value;
use syn::visit_mut::VisitMut;
use syn::Type;

use crate::generated::{client_builders, Builder, BuilderParam};
use crate::sample::Sampler;
use admin_api_generator::load::Spec;

/// Why the cases could not be generated.
#[derive(Debug)]
pub struct E2eError(pub String);

impl fmt::Display for E2eError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot generate end-to-end cases: {}", self.0)
    }
}

impl std::error::Error for E2eError {}

fn err(message: impl Into<String>) -> E2eError {
    E2eError(message.into())
}

/// Renders the cases file for `spec`, whose generated client is `code`;
/// `crate_path` is how the test crate names the client crate.
pub fn generate_cases(spec: &Spec, code: &str, crate_path: &str) -> Result<String, E2eError> {
    let file = syn::parse_file(code).map_err(|e| err(format!("generated code: {e}")))?;
    let builders = client_builders(&file);
    let sampler = Sampler::new(&spec.openapi);
    let mut ops: Vec<(&str, &str, &Operation, Vec<&Parameter>)> = Vec::new();
    for (path, item) in spec.openapi.paths.iter() {
        let item = item
            .as_item()
            .ok_or_else(|| err(format!("{path}: path item is a reference")))?;
        for (method, op) in item.iter() {
            let params = item
                .parameters
                .iter()
                .chain(op.parameters.iter())
                .map(|p| resolve(spec, p, "parameters"))
                .collect::<Result<Vec<_>, _>>()?;
            ops.push((path, method, op, params));
        }
    }
    ops.sort_by_key(|(_, _, op, _)| op.operation_id.clone());

    let mut out = String::new();
    out.push_str(HEADER);
    let _ = writeln!(out, "use {crate_path}::Client;");
    out.push_str("use super::harness::{outcome, sample, Case};\n\n");
    out.push_str("/// One case per operation of the spec, sorted by operationId.\n");
    out.push_str("pub fn cases() -> Vec<Case> {\nVec::from([\n");
    for (path, method, op, params) in &ops {
        let id = op
            .operation_id
            .as_deref()
            .ok_or_else(|| err(format!("{method} {path}: no operationId")))?;
        let case = OpCase::new(spec, &sampler, &builders, id, path, method, op, params)?;
        case.write(&mut out, crate_path)?;
    }
    out.push_str("])\n}\n");
    let parsed = syn::parse_file(&out).map_err(|e| err(format!("cases do not parse: {e}")))?;
    Ok(prettyplease::unparse(&parsed))
}

const HEADER: &str = "\
//! End-to-end cases, one per operation: generated from spec/atlassian-admin.yaml by
//! `cargo admin-api-gen e2e -o tests/e2e/cases.rs`. Do not edit;
//! `tests/e2e.rs` fails when this file is stale.

";

/// Everything one case needs, with JSON already rendered.
struct OpCase {
    id: String,
    method: String,
    path: String,
    query: Vec<(String, String)>,
    /// (builder setter, Rust type, sample JSON), in builder order.
    setters: Vec<(String, String, String)>,
    request: Option<String>,
    success: (u16, Option<String>),
    error: Option<(u16, String)>,
    /// The method carries `#[deprecated]`: the case tests it all the same.
    deprecated: bool,
}

impl OpCase {
    #[allow(clippy::too_many_arguments)]
    fn new(
        spec: &Spec,
        sampler: &Sampler<'_>,
        builders: &BTreeMap<String, Builder>,
        id: &str,
        path: &str,
        method: &str,
        op: &Operation,
        params: &[&Parameter],
    ) -> Result<Self, E2eError> {
        let builder = builders
            .get(&id.to_snake_case())
            .ok_or_else(|| err(format!("{id}: no generated builder")))?;
        let mut values: BTreeMap<String, Value> = BTreeMap::new();
        let mut query = Vec::new();
        let mut wire_path = path.to_owned();
        for p in params {
            let name = &p.parameter_data_ref().name;
            let value = sampler
                .parameter(p)
                .ok_or_else(|| err(format!("{id}: no sample for parameter `{name}`")))?;
            match p {
                Parameter::Path { .. } => {
                    wire_path = wire_path.replace(&format!("{{{name}}}"), &scalar(&value));
                }
                Parameter::Query { .. } => query.extend(query_pairs(name, &value)),
                Parameter::Header { .. } | Parameter::Cookie { .. } => {
                    return Err(err(format!(
                        "{id}: `{name}`: only path and query parameters are supported"
                    )));
                }
            }
            values.insert(name.to_snake_case(), value);
        }
        let request = match &op.request_body {
            Some(body) => {
                let body = resolve(spec, body, "requestBodies")?;
                Some(json_sample(sampler, body_schema(body), id, "request body")?)
            }
            None => None,
        };
        let mut setters = Vec::new();
        for BuilderParam {
            name: field, ty, ..
        } in &builder.params
        {
            let json = if field == "body" {
                request
                    .clone()
                    .ok_or_else(|| err(format!("{id}: builder has a body, the spec none")))?
            } else {
                let key = field.trim_end_matches('_');
                let value = values.get(key).ok_or_else(|| {
                    err(format!(
                        "{id}: builder field `{field}` matches no parameter"
                    ))
                })?;
                value.to_string()
            };
            setters.push((field.clone(), ty.to_token_stream().to_string(), json));
        }
        let success = answer(spec, sampler, op, id, |c| (200..300).contains(&c))?
            .ok_or_else(|| err(format!("{id}: no success response")))?;
        let error = answer(spec, sampler, op, id, |c| (400..500).contains(&c))?
            .and_then(|(status, body)| body.map(|b| (status, b)));
        Ok(Self {
            id: id.to_owned(),
            method: method.to_uppercase(),
            path: wire_path,
            query,
            setters,
            request,
            success,
            error,
            deprecated: op.deprecated,
        })
    }

    fn write(&self, out: &mut String, crate_path: &str) -> Result<(), E2eError> {
        let opt = |s: &Option<String>| match s {
            Some(s) => format!("Some(r#\"{s}\"#)"),
            None => "None".to_owned(),
        };
        let query: Vec<String> = self
            .query
            .iter()
            .map(|(k, v)| format!("({k:?}, {v:?})"))
            .collect();
        let mut call = format!("client.{}()", self.id.to_snake_case());
        for (field, ty, json) in &self.setters {
            let ty = client_type(ty, crate_path)?;
            let _ = write!(call, ".{field}(sample::<{ty}>(r#\"{json}\"#))");
        }
        let error = match &self.error {
            Some((status, body)) => format!("Some(({status}, r#\"{body}\"#))"),
            None => "None".to_owned(),
        };
        // The case of a deprecated operation tests that operation itself.
        let body = if self.deprecated {
            format!("#[allow(deprecated)] let result = {call}.send().await; outcome(result)")
        } else {
            format!("outcome({call}.send().await)")
        };
        let _ = writeln!(
            out,
            "Case {{ operation_id: {:?}, method: {:?}, path: {:?}, query: &[{}], request: {}, \
             success: ({}, {}), error: {error}, \
             call: |client: Client| Box::pin(async move {{ {body} }}) }},",
            self.id,
            self.method,
            self.path,
            query.join(", "),
            opt(&self.request),
            self.success.0,
            opt(&self.success.1),
        );
        Ok(())
    }
}

/// The first response whose status satisfies `want`: its status and sample body.
fn answer(
    spec: &Spec,
    sampler: &Sampler<'_>,
    op: &Operation,
    id: &str,
    want: impl Fn(u16) -> bool,
) -> Result<Option<(u16, Option<String>)>, E2eError> {
    for (status, response) in &op.responses.responses {
        let StatusCode::Code(code) = status else {
            continue;
        };
        if !want(*code) {
            continue;
        }
        let response: &Response = resolve(spec, response, "responses")?;
        let body = match response.content.get("application/json") {
            Some(media) => match &media.schema {
                Some(schema) => Some(json_sample(sampler, Some(schema), id, "response")?),
                None => None,
            },
            None => None,
        };
        return Ok(Some((*code, body)));
    }
    Ok(None)
}

fn body_schema(body: &RequestBody) -> Option<&ReferenceOr<openapiv3::Schema>> {
    body.content.get("application/json")?.schema.as_ref()
}

fn json_sample(
    sampler: &Sampler<'_>,
    schema: Option<&ReferenceOr<openapiv3::Schema>>,
    id: &str,
    what: &str,
) -> Result<String, E2eError> {
    let value = schema
        .and_then(|s| sampler.value(s))
        .ok_or_else(|| err(format!("{id}: no sample {what}")))?;
    let text = value.to_string();
    if text.contains("\"#") {
        return Err(err(format!("{id}: sample {what} cannot be a raw string")));
    }
    Ok(text)
}

/// A scalar as it appears on the wire (strings without quotes).
fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Query pairs of one parameter: arrays repeat the name (`form`, exploded).
fn query_pairs(name: &str, value: &Value) -> Vec<(String, String)> {
    match value {
        Value::Array(items) => items.iter().map(|v| (name.to_owned(), scalar(v))).collect(),
        other => vec![(name.to_owned(), scalar(other))],
    }
}

fn resolve<'a, T>(spec: &'a Spec, item: &'a ReferenceOr<T>, kind: &str) -> Result<&'a T, E2eError>
where
    T: ComponentKind,
{
    match item {
        ReferenceOr::Item(t) => Ok(t),
        ReferenceOr::Reference { reference } => {
            let prefix = format!("#/components/{kind}/");
            reference
                .strip_prefix(&prefix)
                .and_then(|name| T::lookup(spec.openapi.components.as_ref()?, name))
                .ok_or_else(|| err(format!("dangling reference {reference}")))
        }
    }
}

/// Component maps that references resolve into.
trait ComponentKind: Sized {
    fn lookup<'a>(components: &'a openapiv3::Components, name: &str) -> Option<&'a Self>;
}

impl ComponentKind for Parameter {
    fn lookup<'a>(c: &'a openapiv3::Components, name: &str) -> Option<&'a Self> {
        c.parameters.get(name)?.as_item()
    }
}

impl ComponentKind for RequestBody {
    fn lookup<'a>(c: &'a openapiv3::Components, name: &str) -> Option<&'a Self> {
        c.request_bodies.get(name)?.as_item()
    }
}

impl ComponentKind for Response {
    fn lookup<'a>(c: &'a openapiv3::Components, name: &str) -> Option<&'a Self> {
        c.responses.get(name)?.as_item()
    }
}

/// A generated-code type as the test crate spells it (`types::X`,
/// `types::builder::X` and `crate::types::X` become `<crate_path>::types::X`;
/// the crate's own types at its root, `crate::X`, become `<crate_path>::X`).
fn client_type(ty: &str, crate_path: &str) -> Result<String, E2eError> {
    let mut ty: Type = syn::parse_str(ty).map_err(|e| err(format!("type `{ty}`: {e}")))?;
    let prefix: syn::Path =
        syn::parse_str(crate_path).map_err(|e| err(format!("crate path `{crate_path}`: {e}")))?;
    RootTypes(prefix).visit_type_mut(&mut ty);
    Ok(ty.to_token_stream().to_string())
}

struct RootTypes(syn::Path);

impl VisitMut for RootTypes {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        let idents: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let skip = match idents.first().map(String::as_str) {
            Some("crate" | "super") if idents.get(1).map(String::as_str) == Some("types") => 1,
            Some("crate") if idents.len() == 2 => 1,
            Some("types") if path.leading_colon.is_none() => 0,
            _ => usize::MAX,
        };
        if skip != usize::MAX {
            // Bodies are stored as `types::builder::X`; callers pass `types::X`.
            let rest: Vec<syn::PathSegment> = path
                .segments
                .iter()
                .skip(skip)
                .filter(|s| s.ident != "builder")
                .cloned()
                .collect();
            let mut rooted = self.0.clone();
            rooted.segments.extend(rest);
            *path = rooted;
        }
        syn::visit_mut::visit_path_mut(self, path);
    }
}
