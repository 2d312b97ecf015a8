//! `pages()`, `items()` (and `follow()` for feeds) on the builder of every
//! operation the spec declares paginated with `x-pagination`.
//!
//! For each one the generator writes an impl of the client's
//! `pagination::Paginated` trait (how to ask for the page at a position,
//! where the next position is, where the items are) and three one-line
//! inherent methods that hand the builder to the client's stream engine. The
//! field accesses are written against the types progenitor generated (read
//! back by [`Output`]), so they follow typify's names and optionality.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::Type;

use super::output::{generic_args, last_ident, Output};
use super::GenerateError;
use crate::extensions::{CursorIn, FieldPath, Pagination};
use crate::model::{self, Operation};

/// The module of pagination impls for the `builder` module of the client.
pub(crate) fn tokens(
    api: &openapiv3::OpenAPI,
    output: &Output,
) -> Result<TokenStream, GenerateError> {
    let mut impls = Vec::new();
    for op in model::operations(api) {
        let Some(pagination) = op.pagination() else {
            continue;
        };
        if matches!(pagination, Pagination::None { .. }) {
            continue;
        }
        impls.push(
            operation(&op, &pagination, output).map_err(|message| GenerateError {
                message: format!("x-pagination of `{}`: {message}", op.label()),
                panicked: false,
            })?,
        );
    }
    Ok(quote! {
        /// The streams of the paginated operations, from the spec's `x-pagination`.
        mod paginated {
            #[allow(unused_imports)]
            use super::*;
            #(#impls)*
        }
    })
}

fn operation(
    op: &Operation<'_>,
    pagination: &Pagination,
    output: &Output,
) -> Result<TokenStream, String> {
    let builder_name = model::builder_name(op.id());
    let builder = Ident::new(&builder_name, Span::call_site());
    let (page, error) = output.send_types(&builder_name).ok_or_else(|| {
        format!("progenitor generated no builder `{builder_name}` with a JSON answer")
    })?;
    let page_struct = last_ident(page).ok_or("the success type is not a named type")?;
    if !output.has_struct(&page_struct) {
        return Err(format!("the success type `{page_struct}` is not an object"));
    }
    // progenitor names operations by their method in `OperationInfo`.
    let method = model::method_name(op.id());
    let operation_id = &method;
    let spec_id = op.id();
    let pages_doc = format!(
        "Every page of [`Client::{method}`](super::super::Client::{method}), fetched one at a time as the stream is read.\n\n{}\n\nThe stream ends after the last page, or with an error (the failed request's, or a cycle in the positions the API hands out); one page is in memory at a time.",
        describe(pagination)
    );
    let items_doc = format!(
        "Every item of every page of [`Client::{method}`](super::super::Client::{method}), in order (see [`pages`](Self::pages))."
    );
    let position = match pagination {
        Pagination::Index { param, .. } => format!("the `{param}` of the next page"),
        Pagination::Cursor {
            cursor: CursorIn::Link,
            ..
        } => "the link to the next page".to_owned(),
        _ => "the cursor of the next page".to_owned(),
    };
    let pages_from_doc = format!(
        "The pages of [`Client::{method}`](super::super::Client::{method}) from the position `from` (the first page for `None`), each as a [`Page`](crate::Page) of items with `next`, {position} (`None` after the last).\n\nA job that stores `next` after it has handled a page resumes later with `pages_from(Some(next))` on a builder with the same parameters: no page is skipped or fetched twice."
    );
    let raw_pages_from_doc = "Like [`pages_from`](Self::pages_from), each item as a [`Raw`](crate::Raw): the typed item beside the exact JSON text the API sent (members the spec does not name, timestamps as written), for exports and archives.";

    let items_path = match pagination {
        Pagination::Cursor { items, .. } | Pagination::Index { items, .. } => items,
        Pagination::None { .. } => return Ok(TokenStream::new()),
    };
    let items_const: Vec<&str> = items_path.0.iter().map(String::as_str).collect();
    let (cursor_ty, fetch, next, items, feed) = match pagination {
        Pagination::Cursor {
            cursor,
            next,
            items,
            feed,
        } => {
            let chains = next
                .iter()
                .map(|path| ref_chain(output, &page_struct, path).map(|(expr, _)| expr))
                .collect::<Result<Vec<_>, _>>()?;
            let (items_expr, item_ty) = owned_items(output, &page_struct, items)?;
            let fetch = match cursor {
                CursorIn::Query(param) => {
                    let setter = setter(output, &builder_name, param)?;
                    quote! {
                        let request = match cursor {
                            ::core::option::Option::Some(c) => self.#setter(c),
                            ::core::option::Option::None => self,
                        };
                        async move { request.send_as::<__T>().await.map(ResponseValue::into_inner) }
                    }
                }
                CursorIn::Body { field, alone } => {
                    let field = Ident::new(&model::field_name(field), Span::call_site());
                    let body = if *alone {
                        quote!(crate::pagination::fresh(body).#field(c))
                    } else {
                        quote!(body.#field(c))
                    };
                    quote! {
                        let request = match cursor {
                            ::core::option::Option::Some(c) => self.body_map(move |body| #body),
                            ::core::option::Option::None => self,
                        };
                        async move { request.send_as::<__T>().await.map(ResponseValue::into_inner) }
                    }
                }
                CursorIn::Link => quote! {
                    let request = self;
                    let client = request.client;
                    async move {
                        match cursor {
                            ::core::option::Option::None => request.send_as::<__T>().await.map(ResponseValue::into_inner),
                            ::core::option::Option::Some(url) => client
                                .follow_link_of::<__T, #error>(&url, #operation_id, #spec_id)
                                .await
                                .map(ResponseValue::into_inner),
                        }
                    }
                },
            };
            let next = match cursor {
                CursorIn::Link => quote!(crate::pagination::next_link(&[#(#chains),*])),
                _ => quote!(crate::pagination::next_cursor(&[#(#chains),*])),
            };
            (
                quote!(::std::string::String),
                fetch,
                next,
                (items_expr, item_ty),
                *feed,
            )
        }
        Pagination::Index {
            param,
            start,
            count,
            total,
            items,
        } => {
            let setter = setter(output, &builder_name, param)?;
            let number = |path: &FieldPath| -> Result<TokenStream, String> {
                let (expr, _) = ref_chain(output, &page_struct, path)?;
                Ok(quote!(#expr.and_then(crate::pagination::AsIndex::as_index)))
            };
            let (start, count, total) = (number(start)?, number(count)?, number(total)?);
            let (len, _) = ref_chain(output, &page_struct, items)?;
            let fetch = quote! {
                let request = match cursor {
                    ::core::option::Option::Some(i) => self.#setter(i),
                    ::core::option::Option::None => self,
                };
                async move { request.send_as::<__T>().await.map(ResponseValue::into_inner) }
            };
            let next = quote! {
                crate::pagination::next_index(#start, #count, #len.map_or(0, |v| v.len()), #total)
            };
            (
                quote!(u32),
                fetch,
                next,
                owned_items(output, &page_struct, items)?,
                false,
            )
        }
        Pagination::None { .. } => return Ok(TokenStream::new()),
    };
    let (items_expr, item_ty) = items;
    let (items_ref, items_leaf) = ref_chain(output, &page_struct, items_path)?;
    let is_empty = if last_ident(&items_leaf).as_deref() == Some("Vec") {
        quote!(#items_ref.map_or(true, |v| v.is_empty()))
    } else {
        quote!(#items_ref.is_none())
    };
    let follow = feed.then(|| {
        quote! {
            /// Follows the feed without end: reads to the last page, then waits
            /// `every` (on the client's clock) and asks again from the last
            /// position, yielding items as they arrive.
            pub fn follow(self, every: ::std::time::Duration) -> ::futures::stream::BoxStream<'a, Result<#item_ty, crate::pagination::PageError<#error>>> {
                crate::pagination::follow_items(self, every)
            }
        }
    });
    Ok(quote! {
        impl<'a> crate::pagination::Paginated<'a> for #builder<'a> {
            type Page = #page;
            type Item = #item_ty;
            type Error = #error;
            type Cursor = #cursor_ty;
            const OPERATION: &'static str = #operation_id;
            const OPERATION_ID: &'static str = #spec_id;
            const ITEMS: &'static [&'static str] = &[#(#items_const),*];
            const FEED: bool = #feed;
            fn fetch<__T: ::serde::de::DeserializeOwned + Send + 'a>(self, cursor: ::core::option::Option<#cursor_ty>) -> impl ::core::future::Future<Output = Result<__T, crate::Error<#error>>> + Send + 'a {
                #fetch
            }
            fn next(page: &#page) -> ::core::option::Option<#cursor_ty> {
                #next
            }
            fn items(page: #page) -> ::std::vec::Vec<#item_ty> {
                #items_expr
            }
            fn is_empty(page: &#page) -> bool {
                #is_empty
            }
            fn clock(&self) -> &::std::sync::Arc<dyn crate::clock::Clock> {
                self.client.state().clock()
            }
        }
        impl<'a> #builder<'a> {
            #[doc = #pages_doc]
            pub fn pages(self) -> ::futures::stream::BoxStream<'a, Result<#page, crate::pagination::PageError<#error>>> {
                crate::pagination::stream_pages(self)
            }
            #[doc = #items_doc]
            pub fn items(self) -> ::futures::stream::BoxStream<'a, Result<#item_ty, crate::pagination::PageError<#error>>> {
                crate::pagination::stream_items(self)
            }
            #[doc = #pages_from_doc]
            pub fn pages_from(self, from: ::core::option::Option<#cursor_ty>) -> ::futures::stream::BoxStream<'a, Result<crate::Page<#item_ty, #cursor_ty>, crate::pagination::PageError<#error>>> {
                crate::pagination::stream_pages_from(self, from)
            }
            #[doc = #raw_pages_from_doc]
            pub fn raw_pages_from(self, from: ::core::option::Option<#cursor_ty>) -> ::futures::stream::BoxStream<'a, Result<crate::Page<crate::Raw<#item_ty>, #cursor_ty>, crate::pagination::PageError<#error>>> {
                crate::pagination::stream_raw_pages_from(self, from)
            }
            #follow
        }
    })
}

/// The sentence that says how an operation pages.
pub(crate) fn describe(pagination: &Pagination) -> String {
    let list = |paths: &[FieldPath]| {
        paths
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    match pagination {
        Pagination::None { reason } => format!("Not paginated: {reason}"),
        Pagination::Cursor { cursor: CursorIn::Query(param), next, items, .. } => format!(
            "Pages with a cursor: the next one is read from {} and sent back as the `{param}` query parameter, with every other parameter as set; items are in `{items}`.",
            list(next)
        ),
        Pagination::Cursor { cursor: CursorIn::Body { field, alone }, next, items, .. } => format!(
            "Pages with a cursor in the request body: the next one is read from {} and sent back as `{field}`{}; items are in `{items}`.",
            list(next),
            if *alone { " alone (the API takes nothing else beside it)" } else { ", with the rest of the body as set" }
        ),
        Pagination::Cursor { cursor: CursorIn::Link, next, items, .. } => format!(
            "Pages by link: the next page is fetched from the URL in {} (only on the base URL's origin); items are in `{items}`.",
            list(next)
        ),
        Pagination::Index { param, total, items, .. } => format!(
            "Pages by index: `{param}` moves on by the page's size until `{total}` is reached; items are in `{items}`."
        ),
    }
}

/// The builder setter of the parameter `param`.
fn setter(output: &Output, builder: &str, param: &str) -> Result<Ident, String> {
    let name = model::method_name(param);
    if !output.has_setter(builder, &name) {
        return Err(format!(
            "builder `{builder}` has no setter `{name}` for the parameter `{param}`"
        ));
    }
    Ok(Ident::new(&name, Span::call_site()))
}

/// How a field access is written: by reference (`Option<&T>` chains) or by
/// value (taking the items out of the page).
#[derive(Clone, Copy)]
enum Access {
    Ref,
    Owned,
}

/// The chain of field accesses reaching `path` from `page`, starting from
/// `Some(page)`, and the type of the last field (without its `Option`), as
/// written inside `types`.
fn chain(
    output: &Output,
    page: &str,
    path: &FieldPath,
    access: Access,
) -> Result<(TokenStream, Type), String> {
    let mut expr = quote!(::core::option::Option::Some(page));
    let mut owner = page.to_owned();
    let mut leaf = None;
    for (i, segment) in path.0.iter().enumerate() {
        let field = output
            .field(&owner, segment)
            .ok_or_else(|| format!("`{path}`: type `{owner}` has no field `{segment}`"))?;
        let ident = &field.ident;
        let (optional, inner) = unwrap_option(&field.ty);
        expr = match (access, optional) {
            (Access::Ref, true) => quote!(#expr.and_then(|v| v.#ident.as_ref())),
            (Access::Ref, false) => quote!(#expr.map(|v| &v.#ident)),
            (Access::Owned, true) => quote!(#expr.and_then(|v| v.#ident)),
            (Access::Owned, false) => quote!(#expr.map(|v| v.#ident)),
        };
        if i + 1 < path.0.len() {
            owner = last_ident(inner)
                .ok_or_else(|| format!("`{path}`: `{segment}` is not an object"))?;
        }
        leaf = Some(inner.clone());
    }
    Ok((expr, leaf.ok_or("empty field path")?))
}

/// An expression of type `Option<&T>` reaching `path` from `page: &Page`,
/// and `T` as written inside `types`.
fn ref_chain(output: &Output, page: &str, path: &FieldPath) -> Result<(TokenStream, Type), String> {
    chain(output, page, path, Access::Ref)
}

/// An expression of type `Vec<Item>` taking the items at `path` out of
/// `page: Page`, and `Item` qualified for use outside `types`.
fn owned_items(
    output: &Output,
    page: &str,
    path: &FieldPath,
) -> Result<(TokenStream, TokenStream), String> {
    let (expr, leaf) = chain(output, page, path, Access::Owned)?;
    if last_ident(&leaf).as_deref() != Some("Vec") {
        // A page of one: the object itself is the item.
        let item = qualify(output, &leaf);
        return Ok((quote!(#expr.into_iter().collect()), item));
    }
    let item = generic_args(&leaf)
        .and_then(|args| args.first().copied().cloned())
        .ok_or_else(|| format!("`{path}`: cannot read the item type"))?;
    Ok((quote!(#expr.unwrap_or_default()), qualify(output, &item)))
}

/// `(true, T)` for `Option<T>`, else `(false, ty)`.
fn unwrap_option(ty: &Type) -> (bool, &Type) {
    if last_ident(ty).as_deref() == Some("Option") {
        if let Some([inner]) = generic_args(ty).as_deref() {
            return (true, inner);
        }
    }
    (false, ty)
}

/// `ty` as written inside `types`, usable from `builder`: the bare names of
/// generated types get the `types::` prefix.
fn qualify(output: &Output, ty: &Type) -> TokenStream {
    let mut ty = ty.clone();
    syn::visit_mut::visit_type_mut(&mut Qualify(output), &mut ty);
    quote!(#ty)
}

struct Qualify<'a>(&'a Output);

impl syn::visit_mut::VisitMut for Qualify<'_> {
    fn visit_type_path_mut(&mut self, p: &mut syn::TypePath) {
        syn::visit_mut::visit_type_path_mut(self, p);
        if p.qself.is_none() && p.path.leading_colon.is_none() && p.path.segments.len() == 1 {
            let name = p.path.segments[0].ident.to_string();
            if self.0.is_type(&name) {
                let types = format_ident!("types");
                p.path.segments.insert(0, syn::PathSegment::from(types));
            }
        }
    }
}
