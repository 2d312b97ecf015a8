//! One operation flattened into comparable facts: each parameter, the request
//! body and every field below it, each response status and the fields of the
//! success answers, with the five attributes `drift` compares (presence, type,
//! format, enum values, requiredness).
//!
//! Both sides go through the same code: the curated spec and an official file
//! are both read as `openapiv3` documents and walked with the generator's
//! `model` (operations, parameters, `$ref` resolution).

use std::collections::BTreeMap;

use admin_api_generator::model::{self, Operation};
use openapiv3::{
    OpenAPI, ParameterSchemaOrContent, ReferenceOr, Schema, SchemaKind, StatusCode, Type,
    VariantOrUnknownOrEmpty,
};

/// How deep a schema is followed: deeper fields (and recursive schemas) stop here.
const MAX_DEPTH: usize = 12;

/// Where a fact sits within its operation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// A parameter: its location (`query`, `path`, `header`) and name.
    Param(&'static str, String),
    /// The request body (`fields` empty) or a field inside it.
    Request(Vec<String>),
    /// A response status: the answer itself (`fields` empty) or a field of its body.
    Response(String, Vec<String>),
}

impl Place {
    /// The place one step up (a field's parent), `None` at the top.
    pub fn parent(&self) -> Option<Place> {
        match self {
            Place::Param(..) => None,
            Place::Request(f) if f.is_empty() => None,
            Place::Request(f) => Some(Place::Request(f[..f.len() - 1].to_vec())),
            Place::Response(_, f) if f.is_empty() => None,
            Place::Response(s, f) => Some(Place::Response(s.clone(), f[..f.len() - 1].to_vec())),
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fields = |fields: &[String]| -> String {
            let mut out = String::new();
            for field in fields {
                if field == "[]" || field == "{}" {
                    out.push_str(field);
                } else {
                    out.push('.');
                    out.push_str(field);
                }
            }
            out
        };
        match self {
            Place::Param(location, name) => write!(f, "{location} {name}"),
            Place::Request(path) if path.is_empty() => f.write_str("request"),
            Place::Request(path) => write!(f, "request {}", fields(path)),
            Place::Response(status, path) if path.is_empty() => write!(f, "response {status}"),
            Place::Response(status, path) => write!(f, "response {status} {}", fields(path)),
        }
    }
}

/// What is compared at a place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fact {
    /// The JSON type (`string`, `integer`, `object`, `array`, `oneOf`, `any`;
    /// empty for a response without a body).
    pub ty: String,
    /// The `format`, empty when none.
    pub format: String,
    /// The enum values (closed `enum` or `x-extensible-enum`), sorted.
    pub values: Vec<String>,
    /// Whether the parameter, body or field is required.
    pub required: bool,
}

/// The facts of one operation.
pub type Facts = BTreeMap<Place, Fact>;

/// Flattens `op` of `api`. `path_names` renames path parameters (by their
/// place in the template) to the names the other side uses.
pub fn facts(api: &OpenAPI, op: &Operation<'_>, path_names: &[(String, String)]) -> Facts {
    let mut out = Facts::new();
    for p in op.parameters(api) {
        let data = p.parameter_data_ref();
        let location = model::location(p);
        let name = path_names
            .iter()
            .find(|(from, _)| location == "path" && *from == data.name)
            .map_or_else(|| data.name.clone(), |(_, to)| to.clone());
        let mut fact = Fact {
            required: data.required,
            ..Fact::default()
        };
        if let ParameterSchemaOrContent::Schema(s) = &data.format {
            if let Some(schema) = model::resolve(api, s) {
                describe(schema, &mut fact);
            }
        }
        out.insert(Place::Param(location, name), fact);
    }
    if let Some(body) = op
        .op
        .request_body
        .as_ref()
        .and_then(|b| model::resolve(api, b))
    {
        let mut walker = Walker {
            api,
            out: &mut out,
            place: Place::Request,
            stack: Vec::new(),
        };
        let schema = json_schema(&body.content);
        walker.schema(schema, Vec::new(), body.required, 0);
    }
    for (status, response) in &op.op.responses.responses {
        let Some(response) = model::resolve(api, response) else {
            continue;
        };
        let status = match status {
            StatusCode::Code(c) => c.to_string(),
            StatusCode::Range(r) => format!("{r}XX"),
        };
        let success = status.starts_with('2');
        let schema = json_schema(&response.content);
        let key = status.clone();
        let mut walker = Walker {
            api,
            out: &mut out,
            place: move |f| Place::Response(key.clone(), f),
            stack: Vec::new(),
        };
        match schema {
            // Error bodies are compared by status only: the curation gives each
            // family one shared error type (CURATION.md, project-wide decisions).
            Some(schema) if success => walker.schema(Some(schema), Vec::new(), true, 0),
            _ => {
                walker.out.insert(
                    Place::Response(status, Vec::new()),
                    Fact {
                        ty: if response.content.is_empty() {
                            ""
                        } else {
                            "body"
                        }
                        .to_owned(),
                        required: true,
                        ..Fact::default()
                    },
                );
            }
        }
    }
    out
}

/// The schema of the first JSON media type.
fn json_schema(content: &openapiv3::Content) -> Option<&ReferenceOr<Schema>> {
    content
        .iter()
        .find(|(media, _)| media.contains("json"))
        .and_then(|(_, m)| m.schema.as_ref())
}

struct Walker<'a, 'o, F: Fn(Vec<String>) -> Place> {
    api: &'a OpenAPI,
    out: &'o mut Facts,
    place: F,
    /// The component schemas on the way down: a recursive schema is
    /// described once, not unrolled.
    stack: Vec<&'a str>,
}

impl<'a, F: Fn(Vec<String>) -> Place> Walker<'a, '_, F> {
    fn schema(
        &mut self,
        schema: Option<&'a ReferenceOr<Schema>>,
        at: Vec<String>,
        required: bool,
        depth: usize,
    ) {
        let reference = schema.and_then(reference_name);
        let resolved = schema.and_then(|s| model::resolve(self.api, s));
        self.named(reference, resolved, at, required, depth);
    }

    /// A schema reached through `reference` (when it is one): described, and
    /// followed unless it is already being followed further up.
    fn named(
        &mut self,
        reference: Option<&'a str>,
        schema: Option<&'a Schema>,
        at: Vec<String>,
        required: bool,
        depth: usize,
    ) {
        match reference {
            Some(name) if self.stack.contains(&name) => {
                let mut fact = Fact {
                    required,
                    ..Fact::default()
                };
                if let Some(schema) = schema {
                    describe(single_variant(self.api, schema), &mut fact);
                }
                self.out.insert((self.place)(at), fact);
            }
            Some(name) => {
                self.stack.push(name);
                self.resolved(schema, at, required, depth);
                self.stack.pop();
            }
            None => self.resolved(schema, at, required, depth),
        }
    }

    fn resolved(
        &mut self,
        schema: Option<&'a Schema>,
        at: Vec<String>,
        required: bool,
        depth: usize,
    ) {
        let mut fact = Fact {
            required,
            ..Fact::default()
        };
        let Some(schema) = schema else {
            fact.ty = "any".to_owned();
            self.out.insert((self.place)(at), fact);
            return;
        };
        let schema = single_variant(self.api, schema);
        describe(schema, &mut fact);
        self.out.insert((self.place)(at.clone()), fact);
        if depth >= MAX_DEPTH {
            return;
        }
        for (name, prop, required) in properties(self.api, schema) {
            let mut below = at.clone();
            below.push(name);
            let reference = boxed_reference_name(prop);
            let prop = model::resolve_schema(self.api, prop);
            self.named(reference, prop, below, required, depth + 1);
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::Array(a)) => {
                let mut below = at;
                below.push("[]".to_owned());
                let reference = a.items.as_ref().and_then(boxed_reference_name);
                let items = a
                    .items
                    .as_ref()
                    .and_then(|i| model::resolve_schema(self.api, i));
                self.named(reference, items, below, true, depth + 1);
            }
            SchemaKind::Type(Type::Object(o)) => {
                if let Some(openapiv3::AdditionalProperties::Schema(v)) = &o.additional_properties {
                    let mut below = at;
                    below.push("{}".to_owned());
                    let value = model::resolve(self.api, v);
                    self.named(reference_name(v), value, below, true, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// The component a schema `$ref` names.
fn reference_name(schema: &ReferenceOr<Schema>) -> Option<&str> {
    match schema {
        ReferenceOr::Reference { reference } => model::component_name::<Schema>(reference),
        ReferenceOr::Item(_) => None,
    }
}

/// The component a (boxed) schema `$ref` names.
fn boxed_reference_name(schema: &ReferenceOr<Box<Schema>>) -> Option<&str> {
    match schema {
        ReferenceOr::Reference { reference } => model::component_name::<Schema>(reference),
        ReferenceOr::Item(_) => None,
    }
}

/// A `oneOf`/`anyOf`/`allOf` of a single member stands for that member (with
/// `type: object` beside it or not).
fn single_variant<'a>(api: &'a OpenAPI, schema: &'a Schema) -> &'a Schema {
    let members = match &schema.schema_kind {
        SchemaKind::OneOf { one_of: m }
        | SchemaKind::AnyOf { any_of: m }
        | SchemaKind::AllOf { all_of: m } => m,
        SchemaKind::Any(a) if a.properties.is_empty() => {
            match (a.one_of.len(), a.any_of.len(), a.all_of.len()) {
                (1, 0, 0) => &a.one_of,
                (0, 1, 0) => &a.any_of,
                (0, 0, 1) => &a.all_of,
                _ => return schema,
            }
        }
        _ => return schema,
    };
    match members.as_slice() {
        [only] => model::resolve(api, only).map_or(schema, |s| single_variant(api, s)),
        _ => schema,
    }
}

/// The properties of an object schema (members of `allOf` and the variants of
/// `oneOf`/`anyOf` merged), with whether each is required.
fn properties<'a>(api: &'a OpenAPI, schema: &'a Schema) -> Vec<Property<'a>> {
    let mut out = Vec::new();
    collect_properties(api, schema, &mut out, 0);
    out
}

fn collect_properties<'a>(
    api: &'a OpenAPI,
    schema: &'a Schema,
    out: &mut Vec<Property<'a>>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let members: &[ReferenceOr<Schema>] = match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            add_properties(out, &o.properties, &o.required);
            &[]
        }
        SchemaKind::Any(a) => {
            add_properties(out, &a.properties, &a.required);
            for member in a.all_of.iter().chain(&a.one_of).chain(&a.any_of) {
                if let Some(member) = model::resolve(api, member) {
                    collect_properties(api, member, out, depth + 1);
                }
            }
            &[]
        }
        SchemaKind::AllOf { all_of } => all_of,
        SchemaKind::OneOf { one_of: m } | SchemaKind::AnyOf { any_of: m } => m,
        _ => &[],
    };
    for member in members {
        if let Some(member) = model::resolve(api, member) {
            collect_properties(api, member, out, depth + 1);
        }
    }
}

type Property<'a> = (String, &'a ReferenceOr<Box<Schema>>, bool);

fn add_properties<'a>(
    out: &mut Vec<Property<'a>>,
    props: impl IntoIterator<Item = (&'a String, &'a ReferenceOr<Box<Schema>>)>,
    required: &[String],
) {
    for (name, prop) in props {
        let req = required.contains(name);
        match out.iter_mut().find(|(n, _, _)| n == name) {
            Some(existing) => existing.2 |= req,
            None => out.push((name.clone(), prop, req)),
        }
    }
}

/// Type, format and enum values of a schema.
fn describe(schema: &Schema, fact: &mut Fact) {
    let (ty, fmt) = match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            fact.values = s.enumeration.iter().flatten().cloned().collect();
            ("string", format(&s.format))
        }
        SchemaKind::Type(Type::Integer(i)) => {
            fact.values = i
                .enumeration
                .iter()
                .flatten()
                .map(ToString::to_string)
                .collect();
            ("integer", format(&i.format))
        }
        SchemaKind::Type(Type::Number(n)) => {
            fact.values = n
                .enumeration
                .iter()
                .flatten()
                .map(ToString::to_string)
                .collect();
            ("number", format(&n.format))
        }
        SchemaKind::Type(Type::Boolean(_)) => ("boolean", String::new()),
        SchemaKind::Type(Type::Object(_)) => ("object", String::new()),
        SchemaKind::Type(Type::Array(_)) => ("array", String::new()),
        SchemaKind::OneOf { .. } => ("oneOf", String::new()),
        SchemaKind::AnyOf { .. } => ("anyOf", String::new()),
        SchemaKind::AllOf { .. } => ("object", String::new()),
        SchemaKind::Any(a) if !a.properties.is_empty() || !a.all_of.is_empty() => {
            ("object", String::new())
        }
        SchemaKind::Any(a) if !a.one_of.is_empty() => ("oneOf", String::new()),
        SchemaKind::Any(a) if !a.any_of.is_empty() => ("anyOf", String::new()),
        SchemaKind::Any(_) | SchemaKind::Not { .. } => ("any", String::new()),
    };
    if let Some(values) = schema
        .schema_data
        .extensions
        .get(admin_api_generator::extensions::OPEN_ENUM)
        .and_then(|v| v.as_array())
    {
        fact.values = values
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect();
    }
    fact.values.sort();
    fact.values.dedup();
    fact.ty = ty.to_owned();
    fact.format = fmt;
}

/// The `format` as written (`uuid`, `date-time`, `int64`), empty when none.
fn format<T: serde::Serialize>(f: &VariantOrUnknownOrEmpty<T>) -> String {
    match f {
        VariantOrUnknownOrEmpty::Item(item) => serde_json::to_value(item)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        VariantOrUnknownOrEmpty::Unknown(s) => s.clone(),
        VariantOrUnknownOrEmpty::Empty => String::new(),
    }
}
