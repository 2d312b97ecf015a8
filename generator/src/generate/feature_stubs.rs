//! A build that leaves an API family out still has a method on `Client` for
//! each of its operations, hidden from the docs, whose `where` bound no type
//! satisfies: calling it fails to compile with a message that names the
//! cargo feature to enable (`#[diagnostic::on_unimplemented]`), rather than
//! "no method named ..." with a guess at a similar name.
//!
//! The bound is on `&'a Self` with the method's own lifetime, so that it is
//! checked where the method is called, not where it is defined.

use std::collections::BTreeSet;

use heck::ToPascalCase;
use openapiv3::OpenAPI;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::features;
use crate::model;

/// The stubs for every operation whose family is not in `enabled`; empty
/// when nothing is left out.
pub(crate) fn tokens(api: &OpenAPI, enabled: &BTreeSet<String>) -> TokenStream {
    let tags = features::tag_features(api);
    let mut markers = Vec::new();
    let mut methods = Vec::new();
    let mut families = BTreeSet::new();
    for op in model::operations(api) {
        let Some(feature) = features::of_operation(&tags, op.op)
            .into_iter()
            .find(|f| !enabled.contains(*f))
        else {
            continue;
        };
        let method_name = op.method_name();
        let method = Ident::new(&method_name, Span::call_site());
        let marker = Ident::new(&model::builder_name(op.id()), Span::call_site());
        let disabled = disabled_type(feature);
        families.insert(feature);
        let message =
            format!("`{method_name}` needs the cargo feature `{feature}` of atlassian-admin-api");
        let label = format!(
            "an operation of the `{feature}` API family, which this build of atlassian-admin-api leaves out"
        );
        let note = format!(
            "enable it in Cargo.toml: atlassian-admin-api = {{{{ version = \"...\", features = [\"{feature}\"] }}}} (or `full` for every family)"
        );
        markers.push(quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            pub trait #marker {}
        });
        methods.push(quote! {
            #[doc(hidden)]
            pub fn #method<'a>(&'a self) -> feature_off::#disabled
            where
                &'a Self: feature_off::#marker,
            {
                feature_off::#disabled
            }
        });
    }
    if methods.is_empty() {
        return TokenStream::new();
    }
    let disabled = families.iter().map(|feature| {
        let name = disabled_type(feature);
        let doc = format!("What a method of the left-out `{feature}` family returns.");
        quote!(#[doc = #doc] pub struct #name;)
    });
    quote! {
        /// The operations of the API families this build leaves out: one
        /// marker trait each, which nothing implements.
        #[doc(hidden)]
        pub mod feature_off {
            #(#disabled)*
            #(#markers)*
        }

        impl Client {
            #(#methods)*
        }
    }
}

fn disabled_type(feature: &str) -> Ident {
    Ident::new(
        &format!("{}FeatureDisabled", feature.to_pascal_case()),
        Span::call_site(),
    )
}
