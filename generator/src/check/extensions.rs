//! `pagination-*`, `rate-limit-*`, `credential-*`, `feature-*`: the project's `x-`
//! extensions (see `spec/EXTENSIONS.md`) say what they claim. These rules
//! run on the typed spec, after the parse, because they follow field paths
//! through response and request schemas.

use openapiv3::{OpenAPI, Parameter, Schema, SchemaKind, Type};

use crate::diagnostic::Diagnostic;
use crate::extensions::{
    Credential, CursorIn, ExtensionError, FieldPath, Pagination, RateLimit, ReplacedBy, CREDENTIAL,
    FEATURE, PAGINATION, RATE_LIMIT, REPLACED_BY, TIME, TIME_EPOCH_MILLIS,
};
use crate::features;
use crate::model::{self, Operation};

/// Query parameters and body fields that carry a page position: an
/// operation that has one pages, and must say how (or say why it does not).
const POSITION_NAMES: [&str; 3] = ["cursor", "startIndex", "pageToken"];

/// Checks every extension of `api`.
pub fn check(api: &OpenAPI, out: &mut Vec<Diagnostic>) {
    credentials(api, out);
    features(api, out);
    times(api, out);
    let ops = model::operations(api);
    for op in &ops {
        pagination(api, op, out);
        rate_limit(api, op, out);
        replaced_by(&ops, op, out);
    }
    shared_windows(&ops, out);
}

/// Operations that share a rate-limit window (`shared: name`) declare the
/// same limit: the client makes one window per name, from the first.
fn shared_windows(ops: &[Operation<'_>], out: &mut Vec<Diagnostic>) {
    let mut first: Vec<(String, &Operation<'_>, RateLimit)> = Vec::new();
    for op in ops {
        let Some(limit) = op.rate_limit() else {
            continue;
        };
        let Some(name) = limit.shared.clone() else {
            continue;
        };
        match first.iter().find(|(n, _, _)| *n == name) {
            None => first.push((name, op, limit)),
            Some((_, other, l))
                if (l.requests, l.per_seconds) != (limit.requests, limit.per_seconds) =>
            {
                out.push(
                    Diagnostic::error(
                        "rate-limit-invalid",
                        format!("{}/{RATE_LIMIT}", op.pointer()),
                        format!(
                            "`{}` shares the window `{name}` with `{}` but declares another limit",
                            op.label(),
                            other.label()
                        ),
                    )
                    .with_hint("operations that share a window declare the same `requests` and `per-seconds`"),
                );
            }
            Some(_) => {}
        }
    }
}

/// `time-invalid`: `x-time` sits on a named string schema and says
/// `epoch-millis`.
fn times(api: &OpenAPI, out: &mut Vec<Diagnostic>) {
    let Some(components) = &api.components else {
        return;
    };
    for (name, schema) in &components.schemas {
        let openapiv3::ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let Some(value) = schema.schema_data.extensions.get(TIME) else {
            continue;
        };
        let at = format!(
            "/components/schemas/{}/{TIME}",
            crate::position::escape_segment(name)
        );
        let problem = if value.as_str() != Some(TIME_EPOCH_MILLIS) {
            Some(format!(
                "`{TIME}` of `{name}` must be `{TIME_EPOCH_MILLIS}`"
            ))
        } else if !matches!(schema.schema_kind, SchemaKind::Type(Type::String(_))) {
            Some(format!(
                "`{TIME}` of `{name}` is on a schema that is not `type: string`"
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            out.push(Diagnostic::error("time-invalid", at, message).with_hint(
                "see spec/EXTENSIONS.md: `x-time: epoch-millis` on a named string schema",
            ));
        }
    }
}

fn invalid(rule: &'static str, at: &str, e: ExtensionError, extension: &str) -> Diagnostic {
    Diagnostic::error(
        rule,
        format!("{at}{}", e.pointer),
        format!("invalid `{extension}`: {}", e.message),
    )
    .with_hint("see spec/EXTENSIONS.md for the extension's fields")
}

fn pagination(api: &OpenAPI, op: &Operation<'_>, out: &mut Vec<Diagnostic>) {
    let at = format!("{}/{PAGINATION}", op.pointer());
    let params = op.parameters(api);
    let body = model::body_schema(api, op.op);
    let Some(value) = op.op.extensions.get(PAGINATION) else {
        let position = params
            .iter()
            .filter(|p| matches!(p, Parameter::Query { .. }))
            .map(|p| p.parameter_data_ref().name.as_str())
            .chain(body.into_iter().flat_map(|b| {
                POSITION_NAMES
                    .into_iter()
                    .filter(|name| model::property(api, b, name).is_some())
            }))
            .find(|name| POSITION_NAMES.contains(name));
        if let Some(name) = position {
            out.push(
                Diagnostic::error(
                    "pagination-missing",
                    op.pointer(),
                    format!("operation `{}` takes a page position (`{name}`) but declares no `{PAGINATION}`", op.label()),
                )
                .with_hint("declare how it pages (its builder then gets `pages()` and `items()`), or `x-pagination: {style: none, reason: ...}`"),
            );
        }
        return;
    };
    let pagination = match Pagination::parse(value) {
        Ok(p) => p,
        Err(e) => return out.push(invalid("pagination-invalid", &at, e, PAGINATION)),
    };
    let page = model::success_schema(api, op.op);
    let has_query = |name: &str| {
        params
            .iter()
            .any(|p| matches!(p, Parameter::Query { .. }) && p.parameter_data_ref().name == name)
    };
    let mut field = |key: &str, path: &FieldPath, want: Want| {
        let Some(page) = page else { return };
        if let Err(message) = follow(api, page, path, want) {
            out.push(
                Diagnostic::error(
                    "pagination-field",
                    format!("{at}/{key}"),
                    format!("`{key}: {path}` of `{}`: {message}", op.label()),
                )
                .with_hint(
                    "field paths are dot-separated property names of the success response's schema",
                ),
            );
        }
    };
    match &pagination {
        Pagination::None { .. } => return,
        Pagination::Cursor {
            cursor,
            next,
            items,
            ..
        } => {
            for (i, path) in next.iter().enumerate() {
                let key = if next.len() > 1 {
                    format!("next/{i}")
                } else {
                    "next".to_owned()
                };
                field(&key, path, Want::String);
            }
            field("items", items, Want::Items);
            match cursor {
                CursorIn::Query(param) if !has_query(param) => out.push(
                    Diagnostic::error(
                        "pagination-param",
                        format!("{at}/param"),
                        format!("`{}` has no query parameter `{param}` to send the cursor in", op.label()),
                    )
                    .with_hint("name one of the operation's query parameters"),
                ),
                CursorIn::Body { field: name, .. }
                    if body.is_none_or(|b| model::property(api, b, name).is_none()) =>
                {
                    out.push(
                        Diagnostic::error(
                            "pagination-param",
                            format!("{at}/body-field"),
                            format!("the JSON request body of `{}` has no field `{name}` for the cursor", op.label()),
                        )
                        .with_hint("name a property of the request body's schema"),
                    )
                }
                _ => {}
            }
        }
        Pagination::Index {
            param,
            start,
            count,
            total,
            items,
        } => {
            field("start", start, Want::Integer);
            field("count", count, Want::Integer);
            field("total", total, Want::Integer);
            field("items", items, Want::Items);
            if !has_query(param) {
                out.push(
                    Diagnostic::error(
                        "pagination-param",
                        format!("{at}/param"),
                        format!(
                            "`{}` has no query parameter `{param}` to send the index in",
                            op.label()
                        ),
                    )
                    .with_hint("name one of the operation's query parameters"),
                );
            }
        }
    }
    if page.is_none() {
        out.push(
            Diagnostic::error(
                "pagination-field",
                at,
                format!(
                    "`{}` declares pagination but has no JSON success answer to read pages from",
                    op.label()
                ),
            )
            .with_hint("paginated operations answer 2xx with a JSON object holding the items"),
        );
    }
}

/// What a field path must end at.
#[derive(Clone, Copy)]
enum Want {
    String,
    Integer,
    /// An array of items, or one object (a page of one).
    Items,
}

/// Follows `path` from `schema`; an error says where it stops.
fn follow(api: &OpenAPI, schema: &Schema, path: &FieldPath, want: Want) -> Result<(), String> {
    let mut current = schema;
    for segment in &path.0 {
        // The generated accessors read struct fields: only object schemas
        // (or `allOf`s of them) become structs.
        if !matches!(
            current.schema_kind,
            SchemaKind::Type(Type::Object(_)) | SchemaKind::AllOf { .. }
        ) {
            return Err(format!(
                "`{segment}` is read from a schema that is not `type: object`"
            ));
        }
        current = model::property(api, current, segment)
            .ok_or_else(|| format!("the schema has no property `{segment}` there"))?;
    }
    let ok = matches!(
        (want, &current.schema_kind),
        (Want::String, SchemaKind::Type(Type::String(_)))
            | (Want::Integer, SchemaKind::Type(Type::Integer(_)))
            | (
                Want::Items,
                SchemaKind::Type(Type::Array(_) | Type::Object(_))
            )
            | (Want::Items, SchemaKind::AllOf { .. })
    );
    if ok {
        Ok(())
    } else {
        Err(match want {
            Want::String => "it is not a string".to_owned(),
            Want::Integer => "it is not an integer".to_owned(),
            Want::Items => "it is neither an array nor an object".to_owned(),
        })
    }
}

fn rate_limit(api: &OpenAPI, op: &Operation<'_>, out: &mut Vec<Diagnostic>) {
    let Some(value) = op.op.extensions.get(RATE_LIMIT) else {
        return;
    };
    let at = format!("{}/{RATE_LIMIT}", op.pointer());
    let limit = match RateLimit::parse(value) {
        Ok(limit) => limit,
        Err(e) => return out.push(invalid("rate-limit-invalid", &at, e, RATE_LIMIT)),
    };
    if let Some((field, _)) = &limit.batch {
        let is_array = model::body_schema(api, op.op)
            .and_then(|body| model::property(api, body, field))
            .is_some_and(|s| matches!(s.schema_kind, SchemaKind::Type(Type::Array(_))));
        if !is_array {
            out.push(
                Diagnostic::error(
                    "rate-limit-invalid",
                    format!("{at}/batch/field"),
                    format!(
                        "the JSON request body of `{}` has no array field `{field}` to batch",
                        op.label()
                    ),
                )
                .with_hint("name the request body's array property that the batch limit counts"),
            );
        }
    }
}

/// `x-replaced-by` names another operation of the spec, on a deprecated one:
/// the generated `#[deprecated]` note links to that operation's method.
fn replaced_by(ops: &[Operation<'_>], op: &Operation<'_>, out: &mut Vec<Diagnostic>) {
    let Some(value) = op.op.extensions.get(REPLACED_BY) else {
        return;
    };
    let at = format!("{}/{REPLACED_BY}", op.pointer());
    let replacement = match ReplacedBy::parse(value) {
        Ok(r) => r,
        Err(e) => return out.push(invalid("replaced-by-invalid", &at, e, REPLACED_BY)),
    };
    let problem = match &replacement {
        _ if !op.op.deprecated => Some((
            format!(
                "`{}` names a replacement but is not `deprecated: true`",
                op.label()
            ),
            "mark the operation `deprecated: true`, or remove `x-replaced-by`".to_owned(),
        )),
        ReplacedBy::Operation(id) if id == op.id() => Some((
            format!("`{}` names itself as its replacement", op.label()),
            "name the operationId of the operation that replaces it".to_owned(),
        )),
        ReplacedBy::Operation(id) if !ops.iter().any(|o| o.id() == id) => Some((
            format!(
                "`{}` is replaced by `{id}`, which no operation of the spec is",
                op.label()
            ),
            "name an existing operationId (they are case-sensitive), or `null` for none".to_owned(),
        )),
        _ => None,
    };
    if let Some((message, hint)) = problem {
        out.push(Diagnostic::error("replaced-by-invalid", at, message).with_hint(hint));
    }
}

fn credentials(api: &OpenAPI, out: &mut Vec<Diagnostic>) {
    let Some(components) = &api.components else {
        return;
    };
    for (name, scheme) in &components.security_schemes {
        let Some(scheme) = scheme.as_item() else {
            continue;
        };
        let extensions = match scheme {
            openapiv3::SecurityScheme::APIKey { extensions, .. }
            | openapiv3::SecurityScheme::HTTP { extensions, .. }
            | openapiv3::SecurityScheme::OAuth2 { extensions, .. }
            | openapiv3::SecurityScheme::OpenIDConnect { extensions, .. } => extensions,
        };
        let at = format!(
            "/components/securitySchemes/{}",
            crate::position::escape_segment(name)
        );
        match extensions.get(CREDENTIAL).map(Credential::parse) {
            Some(Ok(_)) => {}
            Some(Err(e)) => out.push(invalid(
                "credential-invalid",
                &format!("{at}/{CREDENTIAL}"),
                e,
                CREDENTIAL,
            )),
            None => out.push(
                Diagnostic::error(
                    "credential-missing",
                    at,
                    format!(
                        "security scheme `{name}` does not say which of the client's keys it is"
                    ),
                )
                .with_hint("add `x-credential: organization` or `x-credential: scim`"),
            ),
        }
    }
    let mut check = |requirements: &[openapiv3::SecurityRequirement], at: String| {
        for (i, requirement) in requirements.iter().enumerate() {
            for scheme in requirement.keys() {
                if !components.security_schemes.contains_key(scheme) {
                    out.push(
                        Diagnostic::error(
                            "credential-unknown-scheme",
                            format!("{at}/{i}"),
                            format!("security requirement names `{scheme}`, which `components/securitySchemes` does not declare"),
                        )
                        .with_hint("declare the scheme, or name a declared one"),
                    );
                }
            }
        }
    };
    if let Some(security) = &api.security {
        check(security, "/security".to_owned());
    }
    for op in model::operations(api) {
        if let Some(security) = &op.op.security {
            check(security, format!("{}/security", op.pointer()));
        }
    }
}

/// `x-feature` on tags: a valid cargo feature name, and, once the spec
/// declares any, exactly one feature for every operation (an operation
/// without one could not be generated by any feature set but all; one with
/// two would come with either).
fn features(api: &OpenAPI, out: &mut Vec<Diagnostic>) {
    for (i, tag) in api.tags.iter().enumerate() {
        let Some(value) = tag.extensions.get(FEATURE) else {
            continue;
        };
        if !value.as_str().is_some_and(features::valid_name) {
            out.push(
                Diagnostic::error(
                    "feature-invalid",
                    format!("/tags/{i}/{FEATURE}"),
                    format!(
                        "`{FEATURE}` of tag `{}` is {value}, not a cargo feature name the client can have",
                        tag.name
                    ),
                )
                .with_hint(format!(
                    "use lowercase letters, digits and `-`, starting with a letter, other than {}",
                    features::RESERVED.map(|r| format!("`{r}`")).join(", ")
                )),
            );
        }
    }
    let tags = features::tag_features(api);
    if tags.is_empty() {
        return;
    }
    for op in model::operations(api) {
        let found = features::of_operation(&tags, op.op);
        let at = format!("{}/tags", op.pointer());
        match found.len() {
            1 => {}
            0 => out.push(
                Diagnostic::error(
                    "feature-missing",
                    at,
                    format!(
                        "operation `{}` has no tag with an `{FEATURE}`, so no cargo feature generates it",
                        op.label()
                    ),
                )
                .with_hint("tag it with a tag of its family (the top-level `tags` list says each tag's feature)"),
            ),
            _ => out.push(
                Diagnostic::error(
                    "feature-conflict",
                    at,
                    format!(
                        "operation `{}` has tags of several features ({}); it must belong to one",
                        op.label(),
                        found.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
                    ),
                )
                .with_hint("keep the tags of one family"),
            ),
        }
    }
}
