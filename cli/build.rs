//! Generates the CLI's per-operation commands from the spec the client is
//! generated from (`spec/atlassian-admin.yaml`, or `ATLASSIAN_ADMIN_API_SPEC`
//! like the client's own build script).
//!
//! Output (`OUT_DIR/commands.rs`): `OPERATIONS`, one table row per operation
//! (family, command name, method, path, parameters, body, pagination, key),
//! and `call`, one `match` arm per operation that sets the typed builder's
//! parameters from strings and sends it, so every request goes through the
//! client's own authentication, retries and pagination. The Rust type of each
//! setter is read from the generated client (progenitor's output), so the
//! table and the client cannot disagree.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use admin_api_generator::extensions::{Credential, Pagination};
use admin_api_generator::model;
use heck::ToKebabCase;
use quote::ToTokens;
use syn::visit_mut::VisitMut;

fn main() {
    println!("cargo::rerun-if-env-changed=ATLASSIAN_ADMIN_API_SPEC");
    let spec = match std::env::var_os("ATLASSIAN_ADMIN_API_SPEC") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default())
            .join("..")
            .join("spec")
            .join("atlassian-admin.yaml"),
    };
    println!("cargo::rerun-if-changed={}", spec.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("commands.rs");
    match generate(&spec) {
        Ok(code) => {
            if let Err(e) = std::fs::write(&out, code) {
                println!("cargo::error=cannot write {}: {e}", out.display());
            }
        }
        Err(e) => {
            for line in e.lines() {
                println!("cargo::error={line}");
            }
        }
    }
}

/// Setter name → the type its `V: TryInto<T>` bound converts to, per builder.
fn setter_types(code: &str) -> Result<BTreeMap<String, BTreeMap<String, String>>, String> {
    let file = syn::parse_file(code).map_err(|e| format!("generated client: {e}"))?;
    let items = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "builder" => m.content.as_ref().map(|(_, i)| i),
            _ => None,
        })
        .ok_or("generated client: no `builder` module")?;
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for item in items {
        let syn::Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() {
            continue;
        }
        let syn::Type::Path(self_ty) = &*imp.self_ty else {
            continue;
        };
        let Some(name) = self_ty.path.segments.last().map(|s| s.ident.to_string()) else {
            continue;
        };
        for it in &imp.items {
            let syn::ImplItem::Fn(f) = it else { continue };
            let Some(ty) = try_into_target(&f.sig) else {
                continue;
            };
            out.entry(name.clone())
                .or_default()
                .insert(f.sig.ident.to_string(), ty);
        }
    }
    Ok(out)
}

/// `T` of a setter's `where V: std::convert::TryInto<T>`, with `types::`
/// paths made absolute (`atlassian_admin_api::types::`).
fn try_into_target(sig: &syn::Signature) -> Option<String> {
    let clause = sig.generics.where_clause.as_ref()?;
    for predicate in &clause.predicates {
        let syn::WherePredicate::Type(pt) = predicate else {
            continue;
        };
        for bound in &pt.bounds {
            let syn::TypeParamBound::Trait(tb) = bound else {
                continue;
            };
            let last = tb.path.segments.last()?;
            if last.ident != "TryInto" {
                continue;
            }
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                continue;
            };
            for arg in &args.args {
                if let syn::GenericArgument::Type(ty) = arg {
                    let mut ty = ty.clone();
                    AbsoluteTypes.visit_type_mut(&mut ty);
                    return Some(ty.to_token_stream().to_string());
                }
            }
        }
    }
    None
}

/// Rewrites `types::X` and `crate::X` to `atlassian_admin_api::...`.
struct AbsoluteTypes;

impl VisitMut for AbsoluteTypes {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        if path.segments.first().is_some_and(|s| s.ident == "crate") {
            path.segments[0] = syn::PathSegment::from(quote::format_ident!("atlassian_admin_api"));
        } else if path.leading_colon.is_none()
            && path.segments.first().is_some_and(|s| s.ident == "types")
        {
            path.segments.insert(
                0,
                syn::PathSegment::from(quote::format_ident!("atlassian_admin_api")),
            );
        }
        syn::visit_mut::visit_path_mut(self, path);
    }
}

fn generate(spec_path: &std::path::Path) -> Result<String, String> {
    let built = admin_api_generator::build(spec_path).map_err(|e| match e {
        admin_api_generator::Error::Check(report) => report.render_cargo(),
        other => other.to_string(),
    })?;
    let setters = setter_types(&built.code)?;
    let api = &built.spec.openapi;
    let schemes = model::scheme_credentials(api);
    let mut table = String::new();
    let mut arms = String::new();
    for op in model::operations(api) {
        let id = op.id();
        let builder = model::builder_name(id);
        let Some(types) = setters.get(&builder) else {
            return Err(format!(
                "{id}: no builder `{builder}` in the generated client"
            ));
        };
        let paginated = !matches!(op.pagination(), None | Some(Pagination::None { .. }));
        let key = match model::credential(api, &op, &schemes) {
            Some(Credential::Organization) => "organization",
            Some(Credential::Scim) => "scim",
            None => "none",
        };
        let mut params = String::new();
        let mut sets = String::new();
        for p in op.parameters(api) {
            let data = p.parameter_data_ref();
            let setter = model::method_name(&data.name);
            let setter = types
                .keys()
                .find(|s| s.trim_end_matches('_') == setter)
                .ok_or_else(|| format!("{id}: no setter for parameter `{}`", data.name))?;
            let ty = &types[setter];
            let flag = data.name.to_kebab_case();
            write!(
                params,
                "Param {{ name: {:?}, flag: {flag:?}, location: {:?}, required: {} }}, ",
                data.name,
                model::location(p),
                data.required
            )
            .ok();
            writeln!(
                sets,
                "if let Some(v) = a.param({flag:?}) {{ b = b.{setter}(parse::<{ty}>({flag:?}, v)?); }}"
            )
            .ok();
        }
        let body = types.get("body");
        if let Some(ty) = body {
            writeln!(
                sets,
                "if let Some(v) = a.body() {{ b = b.body(body::<{ty}>(v)?); }}"
            )
            .ok();
        }
        writeln!(
            table,
            "Operation {{ family: {:?}, name: {:?}, operation_id: {id:?}, method: {:?}, path: {:?}, \
             params: &[{params}], body: {}, paginated: {paginated}, key: {key:?} }},",
            model::cli_family(op.path),
            id.to_kebab_case(),
            op.method.to_uppercase(),
            op.path,
            body.is_some(),
        )
        .ok();
        let send = if paginated {
            "send_or_stream!"
        } else {
            "send!"
        };
        // The CLI offers every operation, the deprecated ones included.
        let allow = if op.op.deprecated {
            "#[allow(deprecated)] "
        } else {
            ""
        };
        writeln!(
            arms,
            "{id:?} => {{ {allow}let mut b = c.{}(); {sets} {send}(b, a, sink) }}",
            model::method_name(id)
        )
        .ok();
    }
    Ok(format!(
        "/// Every operation of the spec, in document order.\n\
         pub static OPERATIONS: &[Operation] = &[\n{table}];\n\n\
         /// Sends operation `operation_id` with the arguments `a`; items of a streamed\n\
         /// (`--all`) answer go to `sink` one by one.\n\
         pub async fn call(c: &atlassian_admin_api::Client, operation_id: &str, a: &dyn Arguments, sink: &mut dyn FnMut(serde_json::Value) -> Result<(), CliError>) -> Result<Option<serde_json::Value>, CliError> {{\n\
         match operation_id {{\n{arms}\
         other => Err(CliError::usage(format!(\"unknown operation {{other}}\"))),\n}}\n}}\n"
    ))
}
