//! Open ("extensible") enums.
//!
//! Atlassian adds values to the enums it returns. A closed Rust enum would then
//! fail to decode the whole response, so the spec marks such enums as
//! `type: string` with `x-extensible-enum: [...]` on a named schema. For each of
//! them this module emits a Rust enum with one variant per known value plus
//! `Unknown(String)`, which keeps any value a later API version sends, and tells
//! progenitor (through typify's replacement mechanism) to use it wherever the
//! schema is referenced.

use heck::ToUpperCamelCase;
use openapiv3::{OpenAPI, ReferenceOr, SchemaKind, Type};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// The spec extension that marks an open enum.
pub const EXTENSION: &str = crate::extensions::OPEN_ENUM;

/// One open enum found in the spec.
#[derive(Debug, Clone)]
pub struct OpenEnum {
    /// The component schema name (and Rust type name).
    pub name: String,
    /// Schema description, carried into the type's docs.
    pub description: Option<String>,
    /// The known wire values, in spec order.
    pub values: Vec<String>,
}

/// Every named string schema that carries `x-extensible-enum`.
pub fn find(spec: &OpenAPI) -> Vec<OpenEnum> {
    let Some(components) = &spec.components else {
        return Vec::new();
    };
    components
        .schemas
        .iter()
        .filter_map(|(name, schema)| {
            let ReferenceOr::Item(schema) = schema else {
                return None;
            };
            if !matches!(schema.schema_kind, SchemaKind::Type(Type::String(_))) {
                return None;
            }
            let values = schema.schema_data.extensions.get(EXTENSION)?.as_array()?;
            let values: Vec<String> = values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect();
            Some(OpenEnum {
                name: name.clone(),
                description: schema.schema_data.description.clone(),
                values,
            })
        })
        .collect()
}

/// The Rust variant names for `values`: UpperCamelCase, made valid and unique.
pub fn variant_names(values: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let mut name = value.to_upper_camel_case();
        if name.is_empty() {
            name = "Empty".to_owned();
        }
        if name.starts_with(|c: char| c.is_ascii_digit()) {
            name.insert(0, 'V');
        }
        if name == "Unknown" || name == "Self" {
            name.push_str("Value");
        }
        // `USER` beside `User`: name the all-caps spelling after its case.
        if names.contains(&name)
            && value.chars().any(|c| c.is_ascii_uppercase())
            && !value.chars().any(|c| c.is_ascii_lowercase())
        {
            name.push_str("Uppercase");
        }
        let base = name.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// The Rust items for one open enum (placed inside the generated `types` module).
pub fn tokens(e: &OpenEnum) -> TokenStream {
    let ident = Ident::new(&e.name, Span::call_site());
    let variants: Vec<Ident> = variant_names(&e.values)
        .iter()
        .map(|v| Ident::new(v, Span::call_site()))
        .collect();
    let values = &e.values;
    let doc = match &e.description {
        Some(d) => {
            format!("{d}\n\nOpen enum: values added by Atlassian later decode as `Unknown`.")
        }
        None => "Open enum: values added by Atlassian later decode as `Unknown`.".to_owned(),
    };
    let variant_docs: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #ident {
            #( #[doc = #variant_docs] #variants, )*
            /// A value this version of the crate does not know, kept verbatim.
            Unknown(::std::string::String),
        }

        impl #ident {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#variants => #values, )*
                    Self::Unknown(other) => other.as_str(),
                }
            }
        }

        impl ::std::convert::From<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => Self::#variants, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #ident {
            fn from(value: ::std::string::String) -> Self {
                Self::from(value.as_str())
            }
        }

        impl ::std::str::FromStr for #ident {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #ident {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from(value))
            }
        }
    }
}
