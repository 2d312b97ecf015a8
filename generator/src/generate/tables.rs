//! Per-operation tables the client's runtime reads, generated from the spec:
//! which key each operation needs (from its `security` and the schemes'
//! `x-credential`), and the rate limits and batch sizes `x-rate-limit`
//! declares.

use std::collections::BTreeMap;

use openapiv3::OpenAPI;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::extensions::{Credential, RateLimit};
use crate::model;

/// The tables as Rust items for the generated file.
pub(crate) fn tokens(api: &OpenAPI) -> TokenStream {
    let schemes = model::scheme_credentials(api);
    let mut by_credential: BTreeMap<Credential, Vec<String>> = BTreeMap::new();
    let mut limits = Vec::new();
    for op in model::operations(api) {
        let method = model::method_name(op.id());
        if let Some(credential) = model::credential(api, &op, &schemes) {
            by_credential
                .entry(credential)
                .or_default()
                .push(method.clone());
        }
        if let Some(limit) = op.rate_limit() {
            let name = Ident::new(&method.to_uppercase(), Span::call_site());
            let doc = format!(
                "The documented limits of [`Client::{method}`](crate::Client::{method}). {}",
                limit.describe()
            );
            let RateLimit {
                requests,
                per_seconds,
                batch,
            } = limit;
            let batch = match batch {
                Some((_, max)) => quote!(::core::option::Option::Some(#max)),
                None => quote!(::core::option::Option::None),
            };
            limits.push(quote! {
                #[doc = #doc]
                pub const #name: crate::limiter::RateLimit =
                    crate::limiter::RateLimit::new(#requests, ::std::time::Duration::from_secs(#per_seconds as u64), #batch);
            });
        }
    }
    let arms = by_credential.iter().map(|(credential, ops)| {
        let variant = Ident::new(credential.variant(), Span::call_site());
        quote!(#(#ops)|* => ::core::option::Option::Some(crate::auth::KeyKind::#variant),)
    });
    quote! {
        /// The key an operation needs (by the operation name progenitor passes
        /// to the hooks), from the spec's `security` requirements.
        pub(crate) fn key_for_operation(operation: &str) -> ::core::option::Option<crate::auth::KeyKind> {
            match operation {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }

        /// The rate limits and batch sizes the spec documents (`x-rate-limit`),
        /// one constant per operation that has them.
        pub mod rate_limits {
            #(#limits)*
        }
    }
}
