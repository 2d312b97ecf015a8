//! Per-operation tables the client's runtime reads, generated from the spec:
//! which key each operation needs (from its `security` and the schemes'
//! `x-credential`), and the rate limits and batch sizes `x-rate-limit`
//! declares.

use std::collections::BTreeMap;

use openapiv3::OpenAPI;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::extensions::{Credential, RateLimit, CREDENTIAL, RATE_LIMIT};
use crate::model::{self, Operation};

/// The credential each security scheme stands for.
pub(crate) fn scheme_credentials(api: &OpenAPI) -> BTreeMap<&str, Credential> {
    let Some(components) = &api.components else {
        return BTreeMap::new();
    };
    components
        .security_schemes
        .iter()
        .filter_map(|(name, scheme)| {
            let extensions = match scheme.as_item()? {
                openapiv3::SecurityScheme::APIKey { extensions, .. }
                | openapiv3::SecurityScheme::HTTP { extensions, .. }
                | openapiv3::SecurityScheme::OAuth2 { extensions, .. }
                | openapiv3::SecurityScheme::OpenIDConnect { extensions, .. } => extensions,
            };
            let credential = Credential::parse(extensions.get(CREDENTIAL)?).ok()?;
            Some((name.as_str(), credential))
        })
        .collect()
}

/// The security requirement in force for `op`: its own, else the document's.
pub(crate) fn requirement<'a>(
    api: &'a OpenAPI,
    op: &Operation<'a>,
) -> &'a [openapiv3::SecurityRequirement] {
    op.op
        .security
        .as_deref()
        .or(api.security.as_deref())
        .unwrap_or_default()
}

/// The key `op` needs: the credential of the first scheme of its first
/// requirement; `None` for operations that need none.
pub(crate) fn credential(
    api: &OpenAPI,
    op: &Operation<'_>,
    schemes: &BTreeMap<&str, Credential>,
) -> Option<Credential> {
    requirement(api, op)
        .first()?
        .keys()
        .find_map(|scheme| schemes.get(scheme.as_str()).copied())
}

/// The valid `x-rate-limit` of `op`.
pub(crate) fn rate_limit(op: &Operation<'_>) -> Option<RateLimit> {
    RateLimit::parse(op.op.extensions.get(RATE_LIMIT)?).ok()
}

/// The tables as Rust items for the generated file.
pub(crate) fn tokens(api: &OpenAPI) -> TokenStream {
    let schemes = scheme_credentials(api);
    let mut by_credential: BTreeMap<Credential, Vec<String>> = BTreeMap::new();
    let mut limits = Vec::new();
    for op in model::operations(api) {
        let method = model::method_name(op.id());
        if let Some(credential) = credential(api, &op, &schemes) {
            by_credential
                .entry(credential)
                .or_default()
                .push(method.clone());
        }
        if let Some(limit) = rate_limit(&op) {
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
