//! The builders' `send` as users call it: the client's own error type, the
//! raw answer beside the typed one, the configured organization, and
//! messages that name the operation.
//!
//! progenitor's `send` returns `progenitor_client::Error`, whose `Display`
//! is a `Debug` dump without the operation, and its builders start every
//! required parameter as `Err("x was not initialized")`. This pass, over
//! the builders of progenitor's output:
//! - renames progenitor's `send` to a private `exchange` (generic over the
//!   decoded success type when the answer is JSON) and adds `send()`
//!   returning `crate::Error<E>` (one line: operation, status, the API's
//!   message), plus `send_raw()` (the answer as `crate::Raw<T>`, its exact
//!   text kept) for JSON answers;
//! - starts a required `org_id` from the client's configured organization;
//! - says which parameter a missing value belongs to (the error names the
//!   operation).

use std::collections::HashMap;

use proc_macro2::Span;
use quote::quote;
use syn::visit_mut::{self, VisitMut};
use syn::{ImplItem, Item, Type};

use super::output::{generic_args, last_ident};
use crate::model;

/// Applies the pass to `file`, progenitor's output for `api`.
pub(crate) fn rewrite(file: &mut syn::File, api: &openapiv3::OpenAPI) {
    let ids: HashMap<String, String> = model::operations(api)
        .iter()
        .map(|op| (model::builder_name(op.id()), op.id().to_owned()))
        .collect();
    for item in &mut file.items {
        let Item::Mod(m) = item else { continue };
        if m.ident != "builder" {
            continue;
        }
        let Some((_, items)) = &mut m.content else {
            continue;
        };
        let org_ids: Vec<String> = items
            .iter()
            .filter_map(|item| match item {
                Item::Struct(s) if has_string_org_id(s) => Some(s.ident.to_string()),
                _ => None,
            })
            .collect();
        for item in items.iter_mut() {
            let Item::Impl(imp) = item else { continue };
            let Some(name) = last_ident(&imp.self_ty) else {
                continue;
            };
            let Some(operation_id) = ids.get(&name) else {
                continue;
            };
            rewrite_builder(imp, operation_id, org_ids.contains(&name));
        }
    }
}

/// Whether the builder struct has a required `org_id: Result<String, String>`.
fn has_string_org_id(s: &syn::ItemStruct) -> bool {
    s.fields.iter().any(|f| {
        f.ident.as_ref().is_some_and(|i| i == "org_id") && {
            let ty = &f.ty;
            quote!(#ty).to_string() == quote!(Result<::std::string::String, String>).to_string()
        }
    })
}

fn rewrite_builder(imp: &mut syn::ItemImpl, operation_id: &str, org_id: bool) {
    let mut added = Vec::new();
    for member in &mut imp.items {
        let ImplItem::Fn(f) = member else { continue };
        if f.sig.ident == "new" {
            Messages { org_id }.visit_block_mut(&mut f.block);
        } else if f.sig.ident == "send" {
            added = wrap_send(f, operation_id);
        } else {
            Messages { org_id: false }.visit_block_mut(&mut f.block);
        }
    }
    imp.items.extend(added);
}

/// Turns progenitor's `send` into `exchange` and returns the public methods
/// that call it.
fn wrap_send(f: &mut syn::ImplItemFn, operation_id: &str) -> Vec<ImplItem> {
    let Some((ok, error)) = result_types(&f.sig.output) else {
        return Vec::new();
    };
    let docs: Vec<syn::Attribute> = f
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .cloned()
        .collect();
    f.attrs.retain(|a| !a.path().is_ident("doc"));
    f.sig.ident = syn::Ident::new("exchange", Span::call_site());
    f.vis = syn::Visibility::Inherited;
    let json = !matches!(last_ident(&ok).as_deref(), Some("ByteStream") | None)
        && !matches!(&ok, Type::Tuple(t) if t.elems.is_empty());
    if !json {
        let send: ImplItem = syn::parse_quote! {
            #(#docs)*
            pub async fn send(self) -> Result<ResponseValue<#ok>, crate::Error<#error>> {
                match self.exchange().await {
                    Ok(value) => Ok(value),
                    Err(e) => Err(crate::Error::from_progenitor(#operation_id, e).await),
                }
            }
        };
        return vec![send];
    }
    f.sig.generics = syn::parse_quote!(<__T: ::serde::de::DeserializeOwned>);
    f.sig.output = syn::parse_quote!(-> Result<ResponseValue<__T>, Error<#error>>);
    let raw_doc = format!(
        "Like [`send`](Self::send), with the answer as [`Raw`](crate::Raw): the typed value beside the exact JSON text `{operation_id}` answered (members the spec does not name, timestamps as sent), for data that is stored or forwarded."
    );
    let items: [ImplItem; 3] = [
        syn::parse_quote! {
            #(#docs)*
            pub async fn send(self) -> Result<ResponseValue<#ok>, crate::Error<#error>> {
                self.send_as().await
            }
        },
        syn::parse_quote! {
            #[doc = #raw_doc]
            pub async fn send_raw(self) -> Result<ResponseValue<crate::Raw<#ok>>, crate::Error<#error>> {
                self.send_as().await
            }
        },
        syn::parse_quote! {
            /// `send`, decoding the answer into `T`.
            pub(crate) async fn send_as<__T: ::serde::de::DeserializeOwned>(self) -> Result<ResponseValue<__T>, crate::Error<#error>> {
                match self.exchange().await {
                    Ok(value) => Ok(value),
                    Err(e) => Err(crate::Error::from_progenitor(#operation_id, e).await),
                }
            }
        },
    ];
    items.into()
}

/// `(T, E)` of `-> Result<ResponseValue<T>, Error<E>>`.
fn result_types(output: &syn::ReturnType) -> Option<(Type, Type)> {
    let syn::ReturnType::Type(_, ty) = output else {
        return None;
    };
    let [ok, err] = generic_args(ty)?[..] else {
        return None;
    };
    let [value] = generic_args(ok)?[..] else {
        return None;
    };
    let [error] = generic_args(err)?[..] else {
        return None;
    };
    Some((value.clone(), error.clone()))
}

/// Rewrites progenitor's messages for a parameter that was never set or did
/// not convert, and starts `org_id` from the client's configuration.
struct Messages {
    org_id: bool,
}

impl VisitMut for Messages {
    fn visit_field_value_mut(&mut self, field: &mut syn::FieldValue) {
        visit_mut::visit_field_value_mut(self, field);
        let syn::Member::Named(name) = &field.member else {
            return;
        };
        if self.org_id && name == "org_id" {
            field.expr = syn::parse_quote!(client.state().configured_org_id());
        }
    }

    fn visit_lit_str_mut(&mut self, lit: &mut syn::LitStr) {
        let value = lit.value();
        let text = if let Some(param) = value.strip_suffix(" was not initialized") {
            format!("the required parameter `{param}` was not set (call `.{param}(...)`)")
        } else if let Some(rest) = value.strip_prefix("conversion to `") {
            let Some((ty, param)) = rest
                .strip_suffix(" failed")
                .and_then(|r| r.split_once("` for "))
            else {
                return;
            };
            let ty = ty.replace(' ', "");
            let ty = ty
                .trim_start_matches("crate::")
                .trim_start_matches("types::")
                .trim_start_matches("::std::string::");
            format!("the value given for `{param}` does not convert to `{ty}`")
        } else {
            return;
        };
        *lit = syn::LitStr::new(&text, lit.span());
    }
}
