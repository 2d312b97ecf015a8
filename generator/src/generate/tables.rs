//! Per-operation tables the client's runtime reads, generated from the spec:
//! which key each operation needs (from its `security` and the schemes'
//! `x-credential`), and the rate limits and batch sizes `x-rate-limit`
//! declares (public constants, and the lookup the client's pacing reads).

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
    let mut limit_arms = Vec::new();
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
                "The documented limits of [`Client::{method}`](crate::Client::{method}). {} \
                 The client waits for room in this window before it sends a request of the \
                 operation (every attempt counts, retries included).",
                limit.describe()
            );
            limit_arms.push(quote!(#method => ::core::option::Option::Some(rate_limits::#name),));
            let RateLimit {
                requests,
                per_seconds,
                batch,
                shared,
            } = limit;
            let batch = match batch {
                Some((_, max)) => quote!(::core::option::Option::Some(#max)),
                None => quote!(::core::option::Option::None),
            };
            let shared = match shared {
                Some(window) => quote!(.shared(#window)),
                None => quote!(),
            };
            limits.push(quote! {
                #[doc = #doc]
                pub const #name: crate::limiter::RateLimit =
                    crate::limiter::RateLimit::new(#requests, ::std::time::Duration::from_secs(#per_seconds as u64), #batch)#shared;
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
        /// one constant per operation that has them. The client paces each of
        /// these operations to its limit (see
        /// [`ClientBuilder::pace_rate_limits`](crate::ClientBuilder::pace_rate_limits)).
        pub mod rate_limits {
            #(#limits)*
        }

        /// The documented rate limit of an operation (by the operation name
        /// progenitor passes to the hooks), which the client paces it to.
        pub(crate) fn rate_limit_for_operation(operation: &str) -> ::core::option::Option<crate::limiter::RateLimit> {
            match operation {
                #(#limit_arms)*
                _ => ::core::option::Option::None,
            }
        }
    }
}
