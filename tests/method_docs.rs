//! Every generated method's documentation says what a caller needs beyond
//! the operation's prose: the HTTP method and path, the key it sends, how
//! it pages, its rate limit, and, when deprecated, what replaces it.

mod support;

use admin_api_generator::{generate_client, load_spec, model};
use syn::{ImplItem, Item};

/// The doc text and attributes of each `Client` method of the generated code.
fn client_methods(code: &str) -> Vec<(String, String, Vec<String>)> {
    let file = syn::parse_file(code).expect("generated code parses");
    let mut out = Vec::new();
    for item in &file.items {
        let Item::Impl(imp) = item else { continue };
        let is_client = imp.trait_.is_none()
            && matches!(&*imp.self_ty, syn::Type::Path(p) if p.path.is_ident("Client"));
        if !is_client {
            continue;
        }
        for member in &imp.items {
            let ImplItem::Fn(f) = member else { continue };
            let mut doc = String::new();
            let mut attrs = Vec::new();
            for attr in &f.attrs {
                match &attr.meta {
                    syn::Meta::NameValue(nv) if attr.path().is_ident("doc") => {
                        if let syn::Expr::Lit(syn::ExprLit {
                            lit: syn::Lit::Str(s),
                            ..
                        }) = &nv.value
                        {
                            doc.push_str(&s.value());
                            doc.push('\n');
                        }
                    }
                    _ => attrs.push(quote_attr(attr)),
                }
            }
            out.push((f.sig.ident.to_string(), doc, attrs));
        }
    }
    out
}

fn quote_attr(attr: &syn::Attribute) -> String {
    let mut note = String::new();
    if attr.path().is_ident("deprecated") {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("note") {
                note = meta.value()?.parse::<syn::LitStr>()?.value();
            }
            Ok(())
        });
        return format!("deprecated: {note}");
    }
    String::new()
}

#[test]
fn every_method_documents_its_path_key_paging_rate_limit_and_replacement() {
    let spec = load_spec(&support::spec_path()).expect("spec loads");
    let code = generate_client(&spec).expect("client generates");
    let methods = client_methods(&code);
    let ops = model::operations(&spec.openapi);
    assert_eq!(ops.len(), 137, "every operation is looked at");
    for op in &ops {
        let name = op.method_name();
        let (_, doc, attrs) = methods
            .iter()
            .find(|(m, _, _)| *m == name)
            .unwrap_or_else(|| panic!("no method `{name}`"));
        let says = |text: &str| assert!(doc.contains(text), "`{name}` docs lack {text:?}:\n{doc}");
        says(&format!(
            "Sends a `{}` request to `{}`",
            op.method.to_uppercase(),
            op.path
        ));
        let key = if op.path.starts_with("/scim/") {
            "**Key:** the SCIM directory key"
        } else {
            "**Key:** the organization API key"
        };
        says(key);
        if op.pagination().is_some() {
            says("**Paging:**");
        }
        match op.rate_limit() {
            Some(limit) => {
                says(&format!("**Rate limit:** {} request", limit.requests));
                says(&format!("rate_limits::{}", name.to_uppercase()));
            }
            None => says("**Rate limit:** none documented"),
        }
        let deprecated: Vec<&String> = attrs
            .iter()
            .filter(|a| a.starts_with("deprecated"))
            .collect();
        if op.op.deprecated {
            says("**Deprecated:**");
            assert_eq!(deprecated.len(), 1, "`{name}` has no #[deprecated]");
            if let Some(admin_api_generator::extensions::ReplacedBy::Operation(id)) =
                op.replaced_by()
            {
                let replacement = model::method_name(&id);
                assert!(
                    deprecated[0].contains(&format!("`{replacement}`")),
                    "`{name}`'s note does not name `{replacement}`: {}",
                    deprecated[0]
                );
                says(&format!("[`{replacement}`](Self::{replacement})"));
            }
        } else {
            assert!(deprecated.is_empty(), "`{name}` is not deprecated");
        }
    }
}
