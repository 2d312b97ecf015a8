//! The one typed view of the spec that every stage after the parse shares:
//! the operations in document order, `$ref` resolution for each component
//! kind, the parameters an operation really has, and the Rust names the
//! generator gives to schemas, properties and operations.
//!
//! (The `check` rules read the raw YAML tree instead, through `check::doc`,
//! so that they can still speak when this typed parse fails; they share
//! [`METHODS`] and the naming functions with it.)

use std::collections::BTreeMap;

use heck::{ToPascalCase, ToSnakeCase};

use crate::extensions::{
    Credential, Pagination, RateLimit, ReplacedBy, CREDENTIAL, PAGINATION, RATE_LIMIT, REPLACED_BY,
};
use openapiv3::{
    Components, OpenAPI, Parameter, PathItem, ReferenceOr, RequestBody, Response, Schema,
    SchemaKind, Type,
};

/// The HTTP methods of a path item that progenitor generates, in the order
/// `openapiv3::PathItem::iter` yields them.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Methods of the generated `Client` that are not operations: progenitor's
/// own, and the client crate's hand-written ones (`admin-api/`: `config.rs`,
/// `pagination/`, `auth_policy.rs`; `tests/reserved_names.rs` keeps this list
/// in step with them). An operationId may not become one of them.
pub const CLIENT_METHODS: &[&str] = &[
    // progenitor
    "new",
    "new_with_client",
    "baseurl",
    "client",
    "api_version",
    "inner",
    // hand-written
    "builder",
    "with_api_key",
    "from_env",
    "state",
    "follow_link",
    "follow_link_of",
    "exchange_link",
    "resolve_link",
    "move_users_to_auth_policy",
    "move_users_to_auth_policy_with",
    "find_user_by_email",
    "plan_offboarding",
    "plan_account",
    "groups_of",
    "offboard",
    "export_events",
    "export_events_with",
];

/// Methods of every operation builder that are not parameter setters:
/// progenitor's own, the generated sends (`generate/operations.rs`) and the
/// generated streams. A parameter may not become one of them.
pub const BUILDER_METHODS: &[&str] = &[
    "client",
    "new",
    "send",
    "send_raw",
    "send_as",
    "exchange",
    "body",
    "body_map",
    "pages",
    "items",
    "pages_from",
    "raw_pages_from",
    "follow",
];

/// How many `$ref` hops [`resolve`] follows before it calls the chain a
/// cycle. A real chain is never near this; a cycle is found after it at the
/// latest, so resolution stays linear in the chain's length.
const MAX_REF_HOPS: usize = 4096;

/// One operation of the spec.
#[derive(Clone, Copy, Debug)]
pub struct Operation<'a> {
    /// The path template, as written (`/admin/v1/orgs/{orgId}`).
    pub path: &'a str,
    /// Lowercase HTTP method (`get`).
    pub method: &'static str,
    /// The path item holding it (for path-level parameters).
    pub item: &'a PathItem,
    /// The operation object.
    pub op: &'a openapiv3::Operation,
}

impl<'a> Operation<'a> {
    /// The `operationId`, or `""` when it has none (`check` rejects that).
    pub fn id(&self) -> &'a str {
        self.op.operation_id.as_deref().unwrap_or_default()
    }

    /// The Rust method progenitor generates for it.
    pub fn method_name(&self) -> String {
        method_name(self.id())
    }

    /// The JSON pointer of the operation object.
    pub fn pointer(&self) -> String {
        format!(
            "/paths/{}/{}",
            crate::position::escape_segment(self.path),
            self.method
        )
    }

    /// `operationId`, or `METHOD path` when it has none: how messages name it.
    pub fn label(&self) -> String {
        match self.op.operation_id.as_deref() {
            Some(id) => id.to_owned(),
            None => format!("{} {}", self.method.to_uppercase(), self.path),
        }
    }

    /// Its valid `x-pagination` (`check` reports invalid ones).
    pub fn pagination(&self) -> Option<Pagination> {
        Pagination::parse(self.op.extensions.get(PAGINATION)?).ok()
    }

    /// Its valid `x-rate-limit` (`check` reports invalid ones).
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::parse(self.op.extensions.get(RATE_LIMIT)?).ok()
    }

    /// Its valid `x-replaced-by` (`check` reports invalid ones).
    pub fn replaced_by(&self) -> Option<ReplacedBy> {
        ReplacedBy::parse(self.op.extensions.get(REPLACED_BY)?).ok()
    }

    /// The parameters the operation sends: path-level ones, overridden by the
    /// operation's own of the same name and location; unresolvable references
    /// are left out (`check` reports them).
    pub fn parameters(&self, api: &'a OpenAPI) -> Vec<&'a Parameter> {
        let mut out: Vec<&Parameter> = Vec::new();
        for p in self.item.parameters.iter().chain(self.op.parameters.iter()) {
            let Some(p) = resolve(api, p) else { continue };
            let key = |p: &Parameter| (p.parameter_data_ref().name.clone(), location(p));
            match out.iter_mut().find(|q| key(q) == key(p)) {
                Some(slot) => *slot = p,
                None => out.push(p),
            }
        }
        out
    }
}

/// The credential each security scheme stands for.
pub fn scheme_credentials(api: &OpenAPI) -> BTreeMap<&str, Credential> {
    let Some(components) = &api.components else {
        return BTreeMap::new();
    };
    components
        .security_schemes
        .iter()
        .filter_map(|(name, scheme)| {
            let extensions = match scheme.as_item()? {
                openapiv3::SecurityScheme::APIKey { extensions, .. }
                | openapiv3::SecurityScheme::HTTP { extensions, .. }
                | openapiv3::SecurityScheme::OAuth2 { extensions, .. }
                | openapiv3::SecurityScheme::OpenIDConnect { extensions, .. } => extensions,
            };
            let credential = Credential::parse(extensions.get(CREDENTIAL)?).ok()?;
            Some((name.as_str(), credential))
        })
        .collect()
}

/// The security requirement in force for `op`: its own, else the document's.
pub fn requirement<'a>(
    api: &'a OpenAPI,
    op: &Operation<'a>,
) -> &'a [openapiv3::SecurityRequirement] {
    op.op
        .security
        .as_deref()
        .or(api.security.as_deref())
        .unwrap_or_default()
}

/// The key `op` needs: the credential of the first scheme of its first
/// requirement; `None` for operations that need none.
pub fn credential(
    api: &OpenAPI,
    op: &Operation<'_>,
    schemes: &BTreeMap<&str, Credential>,
) -> Option<Credential> {
    requirement(api, op)
        .first()?
        .keys()
        .find_map(|scheme| schemes.get(scheme.as_str()).copied())
}

/// The slot of `item` that holds the operation of `method` (one of
/// [`METHODS`]; anything else is `trace`), to set or clear it.
pub fn operation_mut<'a>(
    item: &'a mut PathItem,
    method: &str,
) -> &'a mut Option<openapiv3::Operation> {
    match method {
        "get" => &mut item.get,
        "put" => &mut item.put,
        "post" => &mut item.post,
        "delete" => &mut item.delete,
        "options" => &mut item.options,
        "head" => &mut item.head,
        "patch" => &mut item.patch,
        _ => &mut item.trace,
    }
}

/// Every operation of `item`, mutably, in [`METHODS`] order.
pub fn item_operations_mut(item: &mut PathItem) -> impl Iterator<Item = &mut openapiv3::Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
}

/// Every operation of `api` in document order.
pub fn operations(api: &OpenAPI) -> Vec<Operation<'_>> {
    let mut out = Vec::new();
    for (path, item) in api.paths.iter() {
        let Some(item) = item.as_item() else { continue };
        for (method, op) in item.iter() {
            let method = METHODS.into_iter().find(|m| *m == method).unwrap_or("get");
            out.push(Operation {
                path,
                method,
                item,
                op,
            });
        }
    }
    out
}

/// Where a parameter goes: `path`, `query`, `header` or `cookie`.
pub fn location(p: &Parameter) -> &'static str {
    match p {
        Parameter::Query { .. } => "query",
        Parameter::Header { .. } => "header",
        Parameter::Path { .. } => "path",
        Parameter::Cookie { .. } => "cookie",
    }
}

/// A kind of component that `#/components/<section>/<name>` references name.
pub trait Component: Sized {
    /// The section of `components` (`schemas`, `parameters`...).
    const SECTION: &'static str;
    /// The entry `name` of that section, with its key as stored.
    fn lookup<'a>(
        components: &'a Components,
        name: &str,
    ) -> Option<(&'a str, &'a ReferenceOr<Self>)>;
}

macro_rules! component {
    ($ty:ty, $section:literal, $field:ident) => {
        impl Component for $ty {
            const SECTION: &'static str = $section;
            fn lookup<'a>(
                c: &'a Components,
                name: &str,
            ) -> Option<(&'a str, &'a ReferenceOr<Self>)> {
                c.$field.get_key_value(name).map(|(k, v)| (k.as_str(), v))
            }
        }
    };
}
component!(Schema, "schemas", schemas);
component!(Parameter, "parameters", parameters);
component!(RequestBody, "requestBodies", request_bodies);
component!(Response, "responses", responses);

/// What `item` stands for, following references through `components`;
/// `None` for a dangling, foreign or cyclic reference.
pub fn resolve<'a, T: Component>(api: &'a OpenAPI, item: &'a ReferenceOr<T>) -> Option<&'a T> {
    resolve_named(api, item).map(|(t, _)| t)
}

/// Like [`resolve`], also giving the component name the chain ended at
/// (`None` when `item` is inline).
pub fn resolve_named<'a, T: Component>(
    api: &'a OpenAPI,
    item: &'a ReferenceOr<T>,
) -> Option<(&'a T, Option<&'a str>)> {
    let mut current = item;
    let mut name = None;
    for _ in 0..MAX_REF_HOPS {
        match current {
            ReferenceOr::Item(t) => return Some((t, name)),
            ReferenceOr::Reference { reference } => {
                let target = component_name::<T>(reference)?;
                let (key, next) = T::lookup(api.components.as_ref()?, target)?;
                name = Some(key);
                current = next;
            }
        }
    }
    None
}

/// `Name` of `#/components/<T's section>/Name`.
pub fn component_name<T: Component>(reference: &str) -> Option<&str> {
    reference
        .strip_prefix("#/components/")?
        .strip_prefix(T::SECTION)?
        .strip_prefix('/')
        .filter(|name| !name.contains('/'))
}

/// What a (boxed, as inside schemas) schema reference stands for.
pub fn resolve_schema<'a>(
    api: &'a OpenAPI,
    item: &'a ReferenceOr<Box<Schema>>,
) -> Option<&'a Schema> {
    match item {
        ReferenceOr::Item(schema) => Some(schema),
        ReferenceOr::Reference { reference } => {
            let name = component_name::<Schema>(reference)?;
            let (_, target) = Schema::lookup(api.components.as_ref()?, name)?;
            resolve(api, target)
        }
    }
}

/// The schema of property `name` of the object schema `schema`, looking into
/// `allOf` members too.
pub fn property<'a>(api: &'a OpenAPI, schema: &'a Schema, name: &str) -> Option<&'a Schema> {
    property_within(api, schema, name, 0)
}

fn property_within<'a>(
    api: &'a OpenAPI,
    schema: &'a Schema,
    name: &str,
    depth: usize,
) -> Option<&'a Schema> {
    if depth > 64 {
        return None;
    }
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => resolve_schema(api, object.properties.get(name)?),
        SchemaKind::Any(any) if any.properties.contains_key(name) => {
            resolve_schema(api, any.properties.get(name)?)
        }
        SchemaKind::AllOf { all_of } => all_of
            .iter()
            .filter_map(|member| resolve(api, member))
            .find_map(|member| property_within(api, member, name, depth + 1)),
        _ => None,
    }
}

/// The JSON schema of the operation's success answer (the first 2xx with a
/// JSON body).
pub fn success_schema<'a>(api: &'a OpenAPI, op: &'a openapiv3::Operation) -> Option<&'a Schema> {
    op.responses
        .responses
        .iter()
        .find_map(|(status, response)| {
            let openapiv3::StatusCode::Code(code) = status else {
                return None;
            };
            if !(200..300).contains(code) {
                return None;
            }
            json_schema(api, &resolve(api, response)?.content)
        })
}

/// The JSON schema of the operation's request body.
pub fn body_schema<'a>(api: &'a OpenAPI, op: &'a openapiv3::Operation) -> Option<&'a Schema> {
    let body = resolve(api, op.request_body.as_ref()?)?;
    json_schema(api, &body.content)
}

fn json_schema<'a>(api: &'a OpenAPI, content: &'a openapiv3::Content) -> Option<&'a Schema> {
    content
        .iter()
        .find(|(media, _)| media.contains("json"))
        .and_then(|(_, m)| m.schema.as_ref())
        .and_then(|s| resolve(api, s))
}

/// The Rust type name typify gives the schema named `name`.
pub fn type_name(name: &str) -> String {
    name.replace('\'', "")
        .replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-")
        .to_pascal_case()
}

/// The `atlassian-admin` command family of an operation, from its path
/// (`/admin/control/...` is `control`): the CLI's first word, and the
/// operation index's.
pub fn cli_family(path: &str) -> &'static str {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        ["admin", "control", ..] => "control",
        ["admin", "api-access", ..] => "api-access",
        ["admin", ..] => "organization",
        ["scim", ..] => "scim",
        ["users", ..] => "user-management",
        _ => "other",
    }
}

/// The Rust method (and builder setter) name progenitor gives an
/// operationId or a parameter name.
pub fn method_name(name: &str) -> String {
    name.to_snake_case()
}

/// The builder struct progenitor generates for an operationId.
pub fn builder_name(operation_id: &str) -> String {
    operation_id.to_pascal_case()
}

/// The Rust field name typify gives a property (before keyword escaping,
/// which [`field_ident`] adds).
pub fn field_name(property: &str) -> String {
    let snake = property
        .replace(|c: char| !(c.is_alphanumeric() || c == '_'), "_")
        .to_snake_case();
    if snake.is_empty() {
        "_".to_owned()
    } else {
        snake
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(yaml: &str) -> OpenAPI {
        serde_yaml::from_str(yaml).expect("test spec parses")
    }

    #[test]
    fn references_resolve_through_chains_and_stop_on_cycles() {
        let api = spec(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/C'}\n    C: {type: string}\n    X: {$ref: '#/components/schemas/Y'}\n    Y: {$ref: '#/components/schemas/X'}\n",
        );
        let a = ReferenceOr::<Schema>::ref_("#/components/schemas/A");
        let (_, name) = resolve_named(&api, &a).expect("chain resolves");
        assert_eq!(name, Some("C"));
        let x = ReferenceOr::<Schema>::ref_("#/components/schemas/X");
        assert!(resolve(&api, &x).is_none(), "a cycle resolves to nothing");
        let foreign = ReferenceOr::<Schema>::ref_("#/components/parameters/A");
        assert!(resolve(&api, &foreign).is_none());
    }

    #[test]
    fn operation_parameters_override_path_level_ones() {
        let api = spec(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a/{id}:\n    parameters:\n    - {name: id, in: path, required: true, schema: {type: string}}\n    - {name: q, in: query, schema: {type: string}}\n    get:\n      operationId: getA\n      parameters:\n      - {name: q, in: query, required: true, schema: {type: integer}}\n      responses: {'204': {description: none}}\n",
        );
        let ops = operations(&api);
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].pointer(), "/paths/~1a~1{id}/get");
        let params = ops[0].parameters(&api);
        assert_eq!(params.len(), 2);
        assert!(
            params[1].parameter_data_ref().required,
            "the operation's own `q` wins"
        );
    }

    #[test]
    fn names_follow_progenitor_and_typify() {
        assert_eq!(type_name("scim-user"), "ScimUser");
        assert_eq!(
            method_name("getAuthPolicyTaskStatus"),
            "get_auth_policy_task_status"
        );
        assert_eq!(builder_name("getOrgs"), "GetOrgs");
        assert_eq!(field_name("totalResults"), "total_results");
        assert_eq!(field_name("Resources"), "resources");
    }
}
