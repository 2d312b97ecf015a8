//! A deterministic, plain-text listing of the generated public API.
//!
//! The listing is what a reviewer reads in a pull request: for every operation
//! the Rust method, HTTP method and path, its attributes (`#[deprecated]`
//! with its note), each parameter with its Rust type, the body, the success
//! and error types; then every generated
//! type with its fields or variants. It is derived from the generated code
//! itself (so the Rust types are the real ones) joined with the spec (for HTTP
//! facts and parameter locations).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use heck::ToSnakeCase;
use quote::ToTokens;
use syn::{Fields, Item, Type};

use crate::generated::{client_builders, module_items};
use admin_api_generator::load::{resolve_parameter, Spec};

/// Renders the surface listing of `code` (the generated client for `spec`).
pub fn render_surface(spec: &Spec, code: &str) -> Result<String, syn::Error> {
    let file = syn::parse_file(code)?;
    let builders = client_builders(&file);
    let mut out = String::new();

    let ops = operations(spec);
    let types = type_listing(&file);
    let _ = writeln!(
        out,
        "# Generated API surface of {}",
        spec.openapi.info.title
    );
    let _ = writeln!(out, "# {} operations, {} types", ops.len(), types.len());
    let _ = writeln!(out);
    let _ = writeln!(out, "## Operations");
    for op in &ops {
        let method = op.operation_id.to_snake_case();
        let _ = writeln!(out);
        let _ = writeln!(out, "{method}  ({})", op.operation_id);
        let _ = writeln!(out, "  {} {}", op.http_method, op.path);
        let Some(builder) = builders.get(&method) else {
            let _ = writeln!(out, "  (no generated method found)");
            continue;
        };
        // The method's attributes as generated (`#[deprecated(note = ..)]`);
        // a deprecated operation whose method lacks one says so.
        for attr in &builder.method_attrs {
            let _ = writeln!(out, "  {attr}");
        }
        let marked = builder
            .method_attrs
            .iter()
            .any(|a| a.starts_with("#[deprecated"));
        if op.deprecated && !marked {
            let _ = writeln!(
                out,
                "  DEPRECATED in the spec, but the method has no #[deprecated]"
            );
        }
        for field in &builder.params {
            let location = if field.name == "body" {
                "body".to_owned()
            } else {
                op.params
                    .iter()
                    .find(|(name, _)| name.to_snake_case() == field.name)
                    .map(|(_, loc)| loc.clone())
                    .unwrap_or_else(|| "?".to_owned())
            };
            let need = if field.required {
                "required"
            } else {
                "optional"
            };
            let ty = pretty_type(&field.ty).replace("types::builder::", "types::");
            let _ = writeln!(out, "  .{}({ty})  {need} {location}", field.name);
        }
        let result = builder
            .send_result
            .as_ref()
            .map(pretty_type)
            .unwrap_or_default();
        let _ = writeln!(out, "  -> {result}");
    }

    let _ = writeln!(out);
    let _ = writeln!(out, "## Types");
    for (name, body) in &types {
        let _ = writeln!(out);
        let _ = writeln!(out, "{name}");
        for line in body {
            let _ = writeln!(out, "  {line}");
        }
    }
    Ok(out)
}

/// Operation facts taken from the spec, in document order.
struct OpFacts {
    operation_id: String,
    http_method: String,
    path: String,
    deprecated: bool,
    /// (name, location) of each parameter.
    params: Vec<(String, String)>,
}

fn operations(spec: &Spec) -> Vec<OpFacts> {
    let mut ops = Vec::new();
    for (path, item) in spec.openapi.paths.iter() {
        let Some(item) = item.as_item() else { continue };
        for (method, op) in item.iter() {
            let params = item
                .parameters
                .iter()
                .chain(op.parameters.iter())
                .filter_map(|p| resolve_parameter(&spec.openapi, p))
                .map(|p| {
                    let data = p.parameter_data_ref();
                    let loc = match p {
                        openapiv3::Parameter::Query { .. } => "query",
                        openapiv3::Parameter::Header { .. } => "header",
                        openapiv3::Parameter::Path { .. } => "path",
                        openapiv3::Parameter::Cookie { .. } => "cookie",
                    };
                    (data.name.clone(), loc.to_owned())
                })
                .collect();
            ops.push(OpFacts {
                operation_id: op.operation_id.clone().unwrap_or_default(),
                http_method: method.to_uppercase(),
                path: path.clone(),
                deprecated: op.deprecated,
                params,
            });
        }
    }
    ops.sort_by(|a, b| a.operation_id.cmp(&b.operation_id));
    ops
}

/// Every type in `mod types` with its fields or variants, sorted by name.
fn type_listing(file: &syn::File) -> BTreeMap<String, Vec<String>> {
    let mut map = BTreeMap::new();
    let Some(items) = module_items(&file.items, "types") else {
        return map;
    };
    for item in items {
        match item {
            Item::Struct(s) => {
                let lines = match &s.fields {
                    Fields::Named(named) => named
                        .named
                        .iter()
                        .map(|f| {
                            let name = f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default();
                            let wire = serde_rename(&f.attrs)
                                .filter(|w| *w != name)
                                .map(|w| format!("  (json: {w})"))
                                .unwrap_or_default();
                            format!("{name}: {}{wire}", pretty_type(&f.ty))
                        })
                        .collect(),
                    Fields::Unnamed(unnamed) => unnamed
                        .unnamed
                        .iter()
                        .map(|f| format!("newtype of {}", pretty_type(&f.ty)))
                        .collect(),
                    Fields::Unit => vec!["unit struct".to_owned()],
                };
                map.insert(format!("struct {}", s.ident), lines);
            }
            Item::Enum(e) => {
                let lines = e
                    .variants
                    .iter()
                    .map(|v| {
                        let payload = match &v.fields {
                            Fields::Unit => String::new(),
                            Fields::Unnamed(u) => format!(
                                "({})",
                                u.unnamed
                                    .iter()
                                    .map(|f| pretty_type(&f.ty))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            Fields::Named(n) => format!(
                                " {{ {} }}",
                                n.named
                                    .iter()
                                    .map(|f| format!(
                                        "{}: {}",
                                        f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default(),
                                        pretty_type(&f.ty)
                                    ))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        };
                        let wire = serde_rename(&v.attrs)
                            .map(|w| format!("  (json: {w})"))
                            .unwrap_or_default();
                        format!("| {}{payload}{wire}", v.ident)
                    })
                    .collect();
                map.insert(format!("enum {}", e.ident), lines);
            }
            Item::Type(t) => {
                map.insert(
                    format!("type {}", t.ident),
                    vec![format!("= {}", pretty_type(&t.ty))],
                );
            }
            _ => {}
        }
    }
    map
}

/// The `rename = "..."` of a `#[serde(...)]` attribute, if any.
fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .find_map(|a| {
            let mut found = None;
            let _ = a.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    let value: syn::LitStr = meta.value()?.parse()?;
                    found = Some(value.value());
                } else if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
                Ok(())
            });
            found
        })
}

/// A type as a short, readable string: std/chrono paths shortened, spacing tidied.
pub fn pretty_type(ty: &Type) -> String {
    let raw = ty.to_token_stream().to_string();
    let mut s = raw
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" ::", "::")
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" <", "<")
        .replace(" > ", ">")
        .replace(" >", ">")
        .replace(" , ", ", ")
        .replace(",>", ">")
        .replace("& '", "&'")
        .replace("& ", "&");
    for prefix in [
        "::std::string::",
        "::std::option::",
        "::std::vec::",
        "::std::collections::",
        "::std::boxed::",
        "::std::primitive::",
        "::std::num::",
        "std::string::",
        "::chrono::offset::",
        "::chrono::naive::",
        "::chrono::",
        "::uuid::",
        "super::",
    ] {
        s = s.replace(prefix, "");
    }
    s
}
