//! Query arrays serialized as one comma-separated value.
//!
//! OpenAPI's `style: form, explode: false` sends `actor=a,b`; progenitor 0.15
//! ignores `explode` and always sends `actor=a&actor=b`. The generator records
//! which operations have such parameters in a table that the client's `pre`
//! hook uses to join the repeated keys before the request leaves.

use heck::ToSnakeCase;
use openapiv3::{OpenAPI, Parameter, QueryStyle};

use crate::load::resolve_parameter;
use proc_macro2::TokenStream;
use quote::quote;

/// `(snake_case operation id, [query parameter names])` for every operation
/// with at least one `form`/`explode: false` query parameter, sorted.
pub fn comma_separated_params(spec: &OpenAPI) -> Vec<(String, Vec<String>)> {
    let mut table = Vec::new();
    for (_, item) in spec.paths.iter() {
        let Some(item) = item.as_item() else { continue };
        for (_, op) in item.iter() {
            let Some(id) = &op.operation_id else { continue };
            let names: Vec<String> = item
                .parameters
                .iter()
                .chain(op.parameters.iter())
                .filter_map(|p| resolve_parameter(spec, p))
                .filter_map(|p| match p {
                    Parameter::Query {
                        parameter_data,
                        style: QueryStyle::Form,
                        ..
                    } if parameter_data.explode == Some(false) => Some(parameter_data.name.clone()),
                    _ => None,
                })
                .collect();
            if !names.is_empty() {
                table.push((id.to_snake_case(), names));
            }
        }
    }
    table.sort();
    table
}

/// The table as a Rust item for the generated file.
pub fn tokens(spec: &OpenAPI) -> TokenStream {
    let entries = comma_separated_params(spec).into_iter().map(|(op, names)| {
        quote! { (#op, &[#(#names),*]) }
    });
    quote! {
        /// Query parameters the API expects as one comma-separated value
        /// (`style: form, explode: false`), by operation id.
        #[allow(dead_code)]
        pub(crate) const COMMA_SEPARATED_QUERY: &[(&str, &[&str])] = &[#(#entries),*];
    }
}
