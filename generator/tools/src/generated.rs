//! Reading progenitor's output: which builder each `Client` method returns,
//! the builder's parameters and what its `send()` yields. Shared by the
//! surface listing and the end-to-end case generator.

use std::collections::BTreeMap;

use quote::ToTokens;
use syn::{FnArg, ImplItem, Item, ReturnType, Type};

/// One settable parameter of a builder (a field other than `client`).
pub(crate) struct BuilderParam {
    /// Field (and setter) name.
    pub name: String,
    /// The value type, without the `Result<_, String>` / `Option<_>` wrapping.
    pub ty: Type,
    /// Whether the field is not an `Option` (the call fails unless it is set).
    pub required: bool,
}

/// A builder as the client's method returns it.
pub(crate) struct Builder {
    /// Its parameters, in declaration order.
    pub params: Vec<BuilderParam>,
    /// The return type of its `send(self)`.
    pub send_result: Option<Type>,
    /// The attributes of the `Client` method other than its docs
    /// (`#[deprecated(note = "...")]`), as written.
    pub method_attrs: Vec<String>,
}

/// Every `Client` method that returns a builder, by method name.
pub(crate) fn client_builders(file: &syn::File) -> BTreeMap<String, Builder> {
    let mut builders: BTreeMap<String, Builder> = BTreeMap::new();
    let items = module_items(&file.items, "builder").unwrap_or_default();
    for item in items {
        let Item::Struct(s) = item else { continue };
        let params = s
            .fields
            .iter()
            .filter_map(|f| {
                let name = f.ident.as_ref()?.to_string();
                if name == "client" {
                    return None;
                }
                let inner = generic_arg(&f.ty, "Result")?;
                let (ty, required) = match generic_arg(&inner, "Option") {
                    Some(ty) => (ty, false),
                    None => (inner, true),
                };
                Some(BuilderParam { name, ty, required })
            })
            .collect();
        let builder = Builder {
            params,
            send_result: None,
            method_attrs: Vec::new(),
        };
        builders.insert(s.ident.to_string(), builder);
    }
    for item in items {
        let Item::Impl(imp) = item else { continue };
        let Some(builder) = last_ident(&imp.self_ty).and_then(|n| builders.get_mut(&n)) else {
            continue;
        };
        for it in &imp.items {
            let ImplItem::Fn(f) = it else { continue };
            let is_send =
                f.sig.ident == "send" && matches!(f.sig.inputs.first(), Some(FnArg::Receiver(_)));
            if let (true, ReturnType::Type(_, ty)) = (is_send, &f.sig.output) {
                builder.send_result = Some((**ty).clone());
            }
        }
    }

    let mut methods = BTreeMap::new();
    for item in &file.items {
        let Item::Impl(imp) = item else { continue };
        if imp.trait_.is_some() || last_ident(&imp.self_ty).as_deref() != Some("Client") {
            continue;
        }
        for it in &imp.items {
            let ImplItem::Fn(f) = it else { continue };
            let ReturnType::Type(_, ty) = &f.sig.output else {
                continue;
            };
            if let Some(mut builder) = last_ident(ty).and_then(|name| builders.remove(&name)) {
                builder.method_attrs = f
                    .attrs
                    .iter()
                    .filter(|a| !a.path().is_ident("doc"))
                    .map(attribute_text)
                    .collect();
                methods.insert(f.sig.ident.to_string(), builder);
            }
        }
    }
    methods
}

/// An attribute as a reader writes it: `#[deprecated(note = "...")]`
/// (others as their tokens print).
fn attribute_text(attr: &syn::Attribute) -> String {
    if attr.path().is_ident("deprecated") {
        let mut note = None;
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("note") {
                note = Some(meta.value()?.parse::<syn::LitStr>()?.value());
            }
            Ok(())
        });
        if let (Ok(()), Some(note)) = (parsed, note) {
            return format!("#[deprecated(note = {note:?})]");
        }
    }
    attr.to_token_stream().to_string()
}

/// The items of the top-level module `name` of the generated file.
pub(crate) fn module_items<'a>(items: &'a [Item], name: &str) -> Option<&'a [Item]> {
    items.iter().find_map(|item| match item {
        Item::Mod(m) if m.ident == name => m.content.as_ref().map(|(_, items)| items.as_slice()),
        _ => None,
    })
}

/// The last path segment of a type (`builder::Foo<'_>` → `Foo`).
pub(crate) fn last_ident(ty: &Type) -> Option<String> {
    let Type::Path(p) = ty else { return None };
    p.path.segments.last().map(|s| s.ident.to_string())
}

/// `T` of `Wrapper<T, ...>` when the type's last segment is `wrapper`.
pub(crate) fn generic_arg(ty: &Type, wrapper: &str) -> Option<Type> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if seg.ident != wrapper {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t.clone()),
        _ => None,
    })
}
