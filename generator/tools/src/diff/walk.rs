//! Walking two documents operation by operation: matching operations (by
//! method and path, then by operationId to see moves), and comparing their
//! parameters, request bodies and success and error responses.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use admin_api_generator::extensions::{Credential, CursorIn, FieldPath, Pagination, RateLimit};
use admin_api_generator::{features, model};
use heck::ToSnakeCase;
use openapiv3::{
    OpenAPI, Operation, Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr, StatusCode,
};

use super::checks::Check;
use super::model::{Doc, Pos, Ty};
use super::schema::{Comparer, Dir, Raw, Role};

/// One operation of a document.
struct Op<'a> {
    method: String,
    path: &'a str,
    item: &'a PathItem,
    op: &'a Operation,
    model: model::Operation<'a>,
}

impl Op<'_> {
    fn id(&self) -> String {
        self.op.operation_id.clone().unwrap_or_default()
    }

    /// How reports name the operation: its operationId, else method and path.
    fn label(&self) -> String {
        match &self.op.operation_id {
            Some(id) => id.clone(),
            None => self.key(),
        }
    }

    fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The operation as a position; its node is a placeholder until a body or
    /// response schema is put there.
    fn pos(&self) -> Pos<'static> {
        Pos {
            node: super::model::Node::Ref(""),
            ptr: vec!["paths".into(), self.path.into(), self.method.to_lowercase()],
            loc: self.key(),
            name: self.id(),
        }
    }
}

fn operations(api: &OpenAPI) -> Vec<Op<'_>> {
    model::operations(api)
        .into_iter()
        .map(|o| Op {
            method: o.method.to_uppercase(),
            path: o.path,
            item: o.item,
            op: o.op,
            model: o,
        })
        .collect()
}

/// Findings merged across operations: (check, pointer, location, message) → operations.
pub(crate) type Findings = BTreeMap<(Check, Vec<String>, String, String), BTreeSet<String>>;

/// Compares every operation of `old` with its counterpart in `new`.
pub(crate) fn walk(old: &OpenAPI, new: &OpenAPI) -> Findings {
    let mut cmp = Comparer::new(Doc::new(old), Doc::new(new));
    let mut findings = Findings::new();
    let old_ops = operations(old);
    let new_ops = operations(new);
    let mut matched_new = vec![false; new_ops.len()];
    let mut unmatched_old = Vec::new();

    let new_by_key: HashMap<String, usize> = new_ops
        .iter()
        .enumerate()
        .map(|(i, n)| (n.key(), i))
        .collect();
    for o in &old_ops {
        match new_by_key.get(&o.key()).copied() {
            Some(i) => {
                matched_new[i] = true;
                compare_op(&mut cmp, o, &new_ops[i], &mut findings);
            }
            None => unmatched_old.push(o),
        }
    }
    // An operationId found again under another method or path: the operation moved.
    for o in unmatched_old {
        let moved = new_ops.iter().enumerate().position(|(i, n)| {
            !matched_new[i] && o.op.operation_id.is_some() && n.op.operation_id == o.op.operation_id
        });
        match moved {
            Some(i) => {
                matched_new[i] = true;
                compare_op(&mut cmp, o, &new_ops[i], &mut findings);
            }
            None => {
                let raw = Raw::new(
                    Check::OperationRemoved,
                    &o.pos(),
                    o.key(),
                    format!("operation `{}` removed", o.label()),
                );
                record(&mut findings, &o.label(), vec![raw]);
            }
        }
    }
    for (n, _) in new_ops.iter().zip(&matched_new).filter(|(_, m)| !**m) {
        let raw = Raw::new(
            Check::OperationAdded,
            &n.pos(),
            n.key(),
            format!("operation `{}` added", n.label()),
        );
        record(&mut findings, &n.label(), vec![raw]);
    }
    findings
}

fn record(findings: &mut Findings, op: &str, raws: Vec<Raw>) {
    for r in raws {
        findings
            .entry((r.check, r.ptr, r.loc, r.message))
            .or_default()
            .insert(op.to_owned());
    }
}

fn compare_op<'a>(cmp: &mut Comparer<'a>, o: &Op<'a>, n: &Op<'a>, findings: &mut Findings) {
    let at = n.pos();
    let mut out = Vec::new();
    let mut op_change = |check, message: String| out.push(Raw::new(check, &at, n.key(), message));
    // Only the Rust method name matters: `getUser` and `GetUser` both give `get_user`.
    let (old_method, new_method) = (o.id().to_snake_case(), n.id().to_snake_case());
    if o.path == n.path && o.method == n.method && old_method != new_method {
        op_change(
            Check::OperationRenamed,
            format!(
                "operationId `{}` is now `{}`: method `{old_method}` is now `{new_method}`",
                o.label(),
                n.label()
            ),
        );
    }
    if o.path != n.path {
        op_change(
            Check::PathChanged,
            format!("`{}` moved from `{}` to `{}`", n.label(), o.path, n.path),
        );
    }
    if o.method != n.method {
        op_change(
            Check::MethodChanged,
            format!("`{}` changed from {} to {}", n.label(), o.method, n.method),
        );
    }
    match (o.op.deprecated, n.op.deprecated) {
        (false, true) => op_change(
            Check::DeprecationAdded,
            format!("`{}` is now deprecated", n.label()),
        ),
        (true, false) => op_change(
            Check::DeprecationRemoved,
            format!("`{}` is no longer deprecated", n.label()),
        ),
        _ => {}
    }
    compare_runtime(cmp, o, n, &mut |check, message| {
        out.push(Raw::new(check, &at, n.key(), message))
    });
    compare_params(cmp, o, n, &mut out);
    compare_body(cmp, o, n, &mut out);
    compare_statuses(o, n, &mut out);
    for (role, success) in [(Role::Success, true), (Role::Error, false)] {
        let (old_ty, _) = response_ty(&cmp.old, o, success);
        let (new_ty, new_pos) = response_ty(&cmp.new, n, success);
        if !success && !matches!(old_ty, Ty::Unit) && matches!(new_ty, Ty::Unit) {
            let message = format!(
                "`{}` no longer declares an error body: its error type `{}` is gone",
                n.label(),
                old_ty.render()
            );
            out.push(Raw::new(
                Check::ErrorTypeRemoved,
                &new_pos,
                new_pos.loc.clone(),
                message,
            ));
            continue;
        }
        cmp.compare_tys(Dir::Response, role, &old_ty, &new_ty, &new_pos, &mut out);
    }
    record(findings, &n.label(), out);
}

/// The success statuses (`200`, `2XX`) an operation declares.
fn success_statuses(op: &Op<'_>) -> Vec<String> {
    op.op
        .responses
        .responses
        .keys()
        .filter(|code| match code {
            StatusCode::Code(c) => (200..300).contains(c),
            StatusCode::Range(r) => *r == 2,
        })
        .map(ToString::to_string)
        .collect()
}

/// Success statuses added or removed: the generated method returns the same
/// type, but a client built from the old spec rejects a status it does not know.
fn compare_statuses(o: &Op<'_>, n: &Op<'_>, out: &mut Vec<Raw>) {
    let (old, new) = (success_statuses(o), success_statuses(n));
    let at = n.pos();
    for status in new.iter().filter(|s| !old.contains(s)) {
        let message = format!("`{}` may now answer {status}", n.label());
        let loc = format!("{} response {status}", n.key());
        out.push(Raw::new(Check::SuccessStatusAdded, &at, loc, message));
    }
    for status in old.iter().filter(|s| !new.contains(s)) {
        let message = format!("`{}` no longer answers {status}", n.label());
        let loc = format!("{} response {status}", n.key());
        out.push(Raw::new(Check::SuccessStatusRemoved, &at, loc, message));
    }
}

/// What the spec's `x-` extensions declare about the operation's runtime:
/// how it pages, which key it sends, its rate limit.
fn compare_runtime(
    cmp: &Comparer<'_>,
    o: &Op<'_>,
    n: &Op<'_>,
    change: &mut dyn FnMut(Check, String),
) {
    let label = n.label();
    match (o.model.pagination(), n.model.pagination()) {
        (old, new) if old == new => {}
        (Some(old), None) | (Some(old), Some(Pagination::None { .. })) if !matches!(old, Pagination::None { .. }) => change(
            Check::PaginationRemoved,
            format!("`{label}` no longer declares pagination: its builder loses `pages()` and `items()`"),
        ),
        (None | Some(Pagination::None { .. }), Some(new)) if !matches!(new, Pagination::None { .. }) => change(
            Check::PaginationAdded,
            format!("`{label}` now pages ({}): its builder gains `pages()` and `items()`", style(&new)),
        ),
        (Some(old), Some(new)) if old != new && !matches!(old, Pagination::None { .. }) => change(
            Check::PaginationChanged,
            format!("`{label}` pages differently: was {}, now {}", style(&old), style(&new)),
        ),
        _ => {}
    }
    let (old_schemes, new_schemes) = (
        model::scheme_credentials(cmp.old.api),
        model::scheme_credentials(cmp.new.api),
    );
    let old_key = model::credential(cmp.old.api, &o.model, &old_schemes);
    let new_key = model::credential(cmp.new.api, &n.model, &new_schemes);
    if old_key != new_key {
        change(
            Check::CredentialChanged,
            format!(
                "`{label}` sends another key: was {}, now {}",
                key(old_key),
                key(new_key)
            ),
        );
    }
    let old_family = features::of_operation(&cmp.old.tag_features, o.op);
    let new_family = features::of_operation(&cmp.new.tag_features, n.op);
    if old_family != new_family {
        change(
            Check::FeatureChanged,
            format!(
                "`{label}` belongs to another cargo feature: was {}, now {}",
                family(&old_family),
                family(&new_family)
            ),
        );
    }
    let (old_limit, new_limit) = (o.model.rate_limit(), n.model.rate_limit());
    if old_limit != new_limit {
        let describe = |l: Option<RateLimit>| l.map_or("none".to_owned(), |l| l.describe());
        change(
            Check::RateLimitChanged,
            format!(
                "`{label}`'s documented limits changed: was \"{}\", now \"{}\"",
                describe(old_limit),
                describe(new_limit)
            ),
        );
    }
}

fn style(p: &Pagination) -> String {
    match p {
        Pagination::None { .. } => "not paginated".to_owned(),
        Pagination::Cursor {
            cursor: CursorIn::Query(param),
            next,
            ..
        } => {
            format!("a cursor in `{param}` from `{}`", join(next))
        }
        Pagination::Cursor {
            cursor: CursorIn::Body { field, alone },
            next,
            ..
        } => format!(
            "a cursor in the body's `{field}`{} from `{}`",
            if *alone { " alone" } else { "" },
            join(next)
        ),
        Pagination::Cursor {
            cursor: CursorIn::Link,
            next,
            ..
        } => format!("links from `{}`", join(next)),
        Pagination::Index { param, total, .. } => format!("an index in `{param}` up to `{total}`"),
    }
}

fn join(paths: &[FieldPath]) -> String {
    paths
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("` or `")
}

/// The cargo feature(s) that compile an operation, for a message.
fn family(features: &BTreeSet<&str>) -> String {
    if features.is_empty() {
        return "none (compiled in every build)".to_owned();
    }
    let names: Vec<String> = features.iter().map(|f| format!("`{f}`")).collect();
    names.join(" and ")
}

fn key(credential: Option<Credential>) -> &'static str {
    match credential {
        Some(Credential::Organization) => "the organization key",
        Some(Credential::Scim) => "the SCIM directory key",
        None => "no key",
    }
}

/// A parameter resolved: its location, whether required, and its schema position.
struct Param<'a> {
    location: &'static str,
    name: String,
    required: bool,
    pos: Option<Pos<'a>>,
}

fn params<'a>(doc: &Doc<'a>, op: &Op<'a>) -> Vec<Param<'a>> {
    let base = op.pos();
    let mut out: Vec<Param<'a>> = Vec::new();
    let lists = [
        (
            &op.item.parameters,
            vec!["paths".to_owned(), op.path.to_owned()],
        ),
        (&op.op.parameters, base.ptr.clone()),
    ];
    for (list, owner) in lists {
        for (i, p) in list.iter().enumerate() {
            let mut ptr = owner.clone();
            ptr.extend(["parameters".to_owned(), i.to_string()]);
            let components = doc
                .api
                .components
                .as_ref()
                .map(|c| |k: &str| c.parameters.get(k));
            let Some((param, ptr)) = resolve(p, components, "parameters", ptr) else {
                continue;
            };
            let data = param.parameter_data_ref();
            let location = match param {
                Parameter::Query { .. } => "query",
                Parameter::Header { .. } => "header",
                Parameter::Path { .. } => "path",
                Parameter::Cookie { .. } => "cookie",
            };
            let pos = match &data.format {
                ParameterSchemaOrContent::Schema(s) => {
                    let mut schema_ptr = ptr;
                    schema_ptr.push("schema".to_owned());
                    Some(Pos {
                        node: s.into(),
                        ptr: schema_ptr,
                        loc: format!("{} {location} parameter `{}`", op.key(), data.name),
                        name: format!("{}-{}", op.id(), data.name),
                    })
                }
                ParameterSchemaOrContent::Content(_) => None,
            };
            // An operation's parameter overrides the path item's of the same name and place.
            out.retain(|q| !(q.location == location && q.name == data.name));
            out.push(Param {
                location,
                name: data.name.clone(),
                required: data.required || location == "path",
                pos,
            });
        }
    }
    out
}

fn compare_params<'a>(cmp: &mut Comparer<'a>, o: &Op<'a>, n: &Op<'a>, out: &mut Vec<Raw>) {
    let old_params = params(&cmp.old, o);
    let new_params = params(&cmp.new, n);
    let at = n.pos();
    let same = |a: &Param<'_>, b: &Param<'_>| a.location == b.location && a.name == b.name;
    for p in old_params
        .iter()
        .filter(|p| !new_params.iter().any(|q| same(p, q)))
    {
        let message = format!(
            "{} parameter `{}` removed from `{}`",
            p.location,
            p.name,
            n.label()
        );
        out.push(Raw::new(Check::ParamRemoved, &at, n.key(), message));
    }
    for p in &new_params {
        let loc = format!("{} {} parameter `{}`", n.key(), p.location, p.name);
        let at = p.pos.clone().unwrap_or_else(|| at.clone());
        let Some(old) = old_params.iter().find(|q| same(p, q)) else {
            let (check, what) = if p.required {
                (Check::RequiredParamAdded, "required")
            } else {
                (Check::OptionalParamAdded, "optional")
            };
            let message = format!(
                "{what} {} parameter `{}` added to `{}`",
                p.location,
                p.name,
                n.label()
            );
            out.push(Raw::new(check, &at, loc, message));
            continue;
        };
        match (old.required, p.required) {
            (false, true) => {
                let message = format!("parameter `{}` of `{}` is now required", p.name, n.label());
                out.push(Raw::new(Check::ParamMadeRequired, &at, loc, message));
            }
            (true, false) => {
                let message = format!("parameter `{}` of `{}` is now optional", p.name, n.label());
                out.push(Raw::new(Check::ParamMadeOptional, &at, loc, message));
            }
            _ => {}
        }
        if let (Some(a), Some(b)) = (&old.pos, &p.pos) {
            cmp.compare(Dir::Request, Role::Param, a, b, out);
        }
    }
}

fn compare_body<'a>(cmp: &mut Comparer<'a>, o: &Op<'a>, n: &Op<'a>, out: &mut Vec<Raw>) {
    let (old_ty, _) = body_ty(&cmp.old, o);
    let (new_ty, new_pos) = body_ty(&cmp.new, n);
    cmp.compare_tys(Dir::Request, Role::Body, &old_ty, &new_ty, &new_pos, out);
}

/// The Rust type of the request body (`()` when there is none) and its position.
fn body_ty<'a>(doc: &Doc<'a>, op: &Op<'a>) -> (Ty<'a>, Pos<'a>) {
    let mut at = op.pos();
    at.loc = format!("{} request body", op.key());
    at.name = format!("{}-body", op.id());
    let Some(body) = &op.op.request_body else {
        return (Ty::Unit, at);
    };
    let mut ptr = at.ptr.clone();
    ptr.push("requestBody".to_owned());
    let components = doc
        .api
        .components
        .as_ref()
        .map(|c| |k: &str| c.request_bodies.get(k));
    let Some((body, ptr)) = resolve(body, components, "requestBodies", ptr) else {
        return (Ty::Prim("serde_json::Value"), at);
    };
    at.ptr = ptr;
    content_ty(doc, &body.content, at, "reqwest::Body")
}

/// The Rust type of the success (or error) response and its position.
fn response_ty<'a>(doc: &Doc<'a>, op: &Op<'a>, success: bool) -> (Ty<'a>, Pos<'a>) {
    let mut at = op.pos();
    at.name = format!("{}-response", op.id());
    let wanted = |code: &StatusCode| match code {
        StatusCode::Code(c) if success => (200..300).contains(c),
        StatusCode::Range(r) if success => *r == 2,
        StatusCode::Code(c) => (400..600).contains(c),
        StatusCode::Range(r) => *r == 4 || *r == 5,
    };
    let found = op
        .op
        .responses
        .responses
        .iter()
        .find(|(code, _)| wanted(code))
        .map(|(code, r)| (code.to_string(), r))
        .or_else(|| {
            op.op
                .responses
                .default
                .as_ref()
                .filter(|_| !success)
                .map(|r| ("default".to_owned(), r))
        });
    at.loc = format!(
        "{} {} response",
        op.key(),
        if success { "success" } else { "error" }
    );
    let Some((code, response)) = found else {
        return (Ty::Unit, at);
    };
    let mut ptr = at.ptr.clone();
    ptr.extend(["responses".to_owned(), code]);
    let components = doc
        .api
        .components
        .as_ref()
        .map(|c| |k: &str| c.responses.get(k));
    let Some((response, ptr)) = resolve(response, components, "responses", ptr) else {
        return (Ty::Prim("serde_json::Value"), at);
    };
    at.ptr = ptr;
    if response.content.is_empty() {
        return (Ty::Unit, at);
    }
    content_ty(doc, &response.content, at, "ByteStream")
}

/// The type of a body: the schema of its first media type when that is JSON
/// (or a form), else the raw type progenitor uses for other media.
fn content_ty<'a>(
    doc: &Doc<'a>,
    content: impl IntoIterator<Item = (&'a String, &'a openapiv3::MediaType)>,
    mut at: Pos<'a>,
    raw: &'static str,
) -> (Ty<'a>, Pos<'a>) {
    let Some((media, mt)) = content.into_iter().next() else {
        return (Ty::Prim(raw), at);
    };
    if !(media.contains("json") || media == "application/x-www-form-urlencoded") {
        return (Ty::Prim(raw), at);
    }
    let Some(schema) = &mt.schema else {
        return (Ty::Prim("serde_json::Value"), at);
    };
    at.ptr
        .extend(["content".to_owned(), media.clone(), "schema".to_owned()]);
    at.node = schema.into();
    (doc.ty(&at), at)
}

/// Follows a `#/components/{kind}/` reference; returns the item and its pointer.
fn resolve<'a, T>(
    item: &'a ReferenceOr<T>,
    components: Option<impl Fn(&str) -> Option<&'a ReferenceOr<T>>>,
    kind: &str,
    ptr: Vec<String>,
) -> Option<(&'a T, Vec<String>)> {
    let mut cur = (item, ptr);
    for _ in 0..8 {
        match cur.0 {
            ReferenceOr::Item(t) => return Some((t, cur.1)),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix(&format!("#/components/{kind}/"))?;
                let next = components.as_ref()?(name)?;
                cur = (
                    next,
                    vec!["components".to_owned(), kind.to_owned(), name.to_owned()],
                );
            }
        }
    }
    None
}
