//! `path-*` and `param-*`: the path template parses; every template name is a
//! declared, required path parameter and every declared path parameter is in
//! the template (progenitor panics otherwise); parameters use a schema and a
//! style progenitor supports; no cookie parameters; no two parameters become
//! the same builder method.

use std::collections::{BTreeMap, HashMap};

use heck::ToSnakeCase;
use serde_yaml::Value;

use super::doc::{self, Operation};
use crate::diagnostic::Diagnostic;

/// One parameter in effect for an operation.
struct Param<'a> {
    name: String,
    location: String,
    node: &'a Value,
    /// Where it is listed (the entry of `parameters`).
    pointer: String,
    /// Where it is defined: the entry itself, or the component it refers to.
    def: String,
}

/// Checks the parameters of `op`.
pub fn check(root: &Value, op: &Operation<'_>, out: &mut Vec<Diagnostic>) {
    let template = match template_names(&op.path) {
        Ok(names) => Some(names),
        Err(problem) => {
            out.push(
                Diagnostic::error(
                    "path-template",
                    op.path_pointer.clone(),
                    format!("path `{}` is not a valid template: {problem}", op.path),
                )
                .with_hint("paths start with `/` and name parameters as `{name}`"),
            );
            None
        }
    };
    // Path-level parameters first; operation parameters override by name,
    // the way progenitor merges them.
    let mut params: BTreeMap<String, Param<'_>> = BTreeMap::new();
    // A parameter that cannot be read may be the missing path parameter:
    // then the template checks would only echo the `refs` diagnostic.
    let mut all_read = true;
    for (list, pointer) in [
        (op.path_item, op.path_pointer.as_str()),
        (op.node, op.pointer.as_str()),
    ] {
        let mut seen = HashMap::new();
        for (i, entry) in doc::items(doc::get(list, "parameters")).iter().enumerate() {
            let at = format!("{pointer}/parameters/{i}");
            let Some(p) = parameter(root, entry, &at, out) else {
                all_read = false;
                continue;
            };
            if let Some(first) = seen.insert((p.name.clone(), p.location.clone()), i) {
                out.push(
                    Diagnostic::error(
                        "param-duplicate",
                        at.clone(),
                        format!(
                            "{} parameter `{}` is declared twice (also at index {first})",
                            p.location, p.name
                        ),
                    )
                    .with_hint("declare each parameter once"),
                );
            }
            check_style(root, &p, out);
            params.insert(p.name.clone(), p);
        }
    }
    let path_params: Vec<&Param<'_>> = params.values().filter(|p| p.location == "path").collect();
    for p in &path_params {
        if doc::get(p.node, "required").and_then(Value::as_bool) != Some(true) {
            out.push(
                Diagnostic::error(
                    "path-param-optional",
                    p.def.clone(),
                    format!(
                        "path parameter `{}` of {} is not required",
                        p.name,
                        op.label()
                    ),
                )
                .with_hint("path parameters must say `required: true`"),
            );
        }
        if let Some(names) = &template {
            if !names.contains(&p.name) {
                out.push(
                    Diagnostic::error(
                        "path-param-not-in-template",
                        p.pointer.clone(),
                        format!(
                            "path parameter `{}` does not appear in the path `{}`",
                            p.name, op.path
                        ),
                    )
                    .with_hint(format!(
                        "add `{{{}}}` to the path, or declare the parameter `in: query`",
                        p.name
                    )),
                );
            }
        }
    }
    for name in template.iter().flatten().filter(|_| all_read) {
        if !path_params.iter().any(|p| &p.name == name) {
            out.push(
                Diagnostic::error(
                    "path-param-undeclared",
                    op.pointer.clone(),
                    format!("path `{}` uses `{{{name}}}` but {} declares no path parameter `{name}`", op.path, op.label()),
                )
                .with_hint(format!(
                    "add `- {{name: {name}, in: path, required: true, schema: {{type: string}}}}` to the parameters"
                )),
            );
        }
    }
    check_names(op, &params, out);
}

/// Reads one parameter entry (following its `$ref`); reports malformed ones.
fn parameter<'a>(
    root: &'a Value,
    entry: &'a Value,
    at: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Param<'a>> {
    // Dangling references are the `refs` rule's to report.
    let (node, def) = doc::resolve_in(root, entry, at, Some("parameters"))?;
    let name = doc::get_str(node, "name");
    let location = doc::get_str(node, "in");
    let (Some(name), Some(location)) = (name, location) else {
        out.push(
            Diagnostic::error(
                "param-invalid",
                at,
                "a parameter needs a string `name` and `in`",
            )
            .with_hint("write `{name: id, in: path, required: true, schema: {type: string}}`"),
        );
        return None;
    };
    if !matches!(location, "path" | "query" | "header" | "cookie") {
        out.push(
            Diagnostic::error(
                "param-invalid",
                at,
                format!("parameter `{name}` is `in: {location}`"),
            )
            .with_hint("`in` is one of path, query or header"),
        );
        return None;
    }
    Some(Param {
        name: name.to_owned(),
        location: location.to_owned(),
        node,
        pointer: at.to_owned(),
        def,
    })
}

fn check_style(root: &Value, p: &Param<'_>, out: &mut Vec<Diagnostic>) {
    if p.location == "cookie" {
        out.push(
            Diagnostic::error(
                "param-cookie",
                p.def.clone(),
                format!(
                    "cookie parameter `{}` is not supported by the generator",
                    p.name
                ),
            )
            .with_hint(
                "drop it from the spec, and set the cookie through the client's default headers",
            ),
        );
        return;
    }
    let style = doc::get(p.node, "style");
    let supported = match p.location.as_str() {
        "query" => "form",
        _ => "simple",
    };
    match style {
        None => {}
        Some(Value::String(s)) if s == supported => {}
        Some(Value::String(s)) if s == "deepObject" => out.push(
            Diagnostic::error(
                "param-style",
                format!("{}/style", p.def),
                format!("query parameter `{}` uses `style: deepObject`, which the generator does not support", p.name),
            )
            .with_hint("flatten the object into separate query parameters (`filter[name]` becomes `filterName`)"),
        ),
        Some(s) => out.push(
            Diagnostic::error(
                "param-style",
                format!("{}/style", p.def),
                format!(
                    "{} parameter `{}` uses style `{}`; only `{supported}` is supported there",
                    p.location,
                    p.name,
                    s.as_str().unwrap_or("?")
                ),
            )
            .with_hint(format!("remove `style` or write `style: {supported}`")),
        ),
    }
    if doc::get(p.node, "content").is_some() {
        out.push(
            Diagnostic::error(
                "param-schema",
                format!("{}/content", p.def),
                format!(
                    "parameter `{}` is described by `content`; the generator needs a `schema`",
                    p.name
                ),
            )
            .with_hint("replace `content` by `schema`"),
        );
    } else if let Some(schema) = doc::get(p.node, "schema") {
        let at = format!("{}/schema", p.def);
        let structured =
            doc::resolve_in(root, schema, &at, Some("schemas")).is_some_and(|(s, _)| {
                doc::get_str(s, "type") == Some("object")
                    || [
                        "properties",
                        "additionalProperties",
                        "allOf",
                        "oneOf",
                        "anyOf",
                    ]
                    .iter()
                    .any(|k| doc::get(s, k).is_some())
            });
        if structured {
            out.push(
                Diagnostic::error(
                    "param-schema",
                    at,
                    format!("parameter `{}` has an object or composed schema; the generator passes strings, numbers, booleans, enums and arrays of them", p.name),
                )
                .with_hint("give the parameter a scalar (or enum) schema; split an object into several parameters"),
            );
        }
    } else {
        out.push(
            Diagnostic::error(
                "param-schema",
                p.def.clone(),
                format!("parameter `{}` has no schema", p.name),
            )
            .with_hint("add `schema: {type: string}` (or the parameter's real type)"),
        );
    }
}

/// No two parameters (or a parameter and a builder member) share a method name.
fn check_names(
    op: &Operation<'_>,
    params: &BTreeMap<String, Param<'_>>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for p in params.values().filter(|p| p.location != "cookie") {
        let method = p.name.to_snake_case();
        let reserved = crate::model::BUILDER_METHODS.contains(&method.as_str());
        let clash = if reserved {
            Some(format!("the builder's own `{method}`"))
        } else {
            seen.insert(method.clone(), &p.name)
                .map(|other| format!("parameter `{other}`"))
        };
        if let Some(clash) = clash {
            out.push(
                Diagnostic::error(
                    "param-name-collision",
                    p.pointer.clone(),
                    format!(
                        "parameter `{}` of {} becomes the builder method `{method}`, like {clash}",
                        p.name,
                        op.label()
                    ),
                )
                .with_hint("rename the parameter in the spec (the wire name changes too) or drop one of them"),
            );
        }
    }
}

/// The parameter names of a path template, or why it does not parse.
pub fn template_names(path: &str) -> Result<Vec<String>, String> {
    if !path.starts_with('/') {
        return Err("it does not start with `/`".to_owned());
    }
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a `}` closes nothing".to_owned());
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("a `{` is never closed")?;
        let name = &after[..close];
        if name.is_empty() || name.contains(['{', '/']) {
            return Err("a parameter name is empty, nested or holds a `/`".to_owned());
        }
        if names.iter().any(|n| n == name) {
            return Err(format!("`{{{name}}}` appears twice"));
        }
        names.push(name.to_owned());
        rest = &after[close + 1..];
    }
    Ok(names)
}
