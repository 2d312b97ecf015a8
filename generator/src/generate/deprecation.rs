//! `#[deprecated]` on the method of every operation the spec marks
//! `deprecated: true`, with a note naming its replacement (`x-replaced-by`),
//! so that a caller's build warns where the call is.

use openapiv3::OpenAPI;
use syn::{ImplItem, Item};

use crate::extensions::ReplacedBy;
use crate::model::{self, Operation};

/// Adds the attribute to each deprecated operation's method on `Client`.
pub(crate) fn mark(file: &mut syn::File, api: &OpenAPI) {
    let notes: Vec<(String, String)> = model::operations(api)
        .iter()
        .filter(|op| op.op.deprecated)
        .map(|op| (op.method_name(), note(api, op)))
        .collect();
    if notes.is_empty() {
        return;
    }
    for item in &mut file.items {
        let Item::Impl(imp) = item else { continue };
        let is_client = imp.trait_.is_none()
            && matches!(&*imp.self_ty, syn::Type::Path(p) if p.path.is_ident("Client"));
        if !is_client {
            continue;
        }
        for member in &mut imp.items {
            let ImplItem::Fn(f) = member else { continue };
            let name = f.sig.ident.to_string();
            if let Some((_, note)) = notes.iter().find(|(method, _)| *method == name) {
                f.attrs.push(syn::parse_quote!(#[deprecated(note = #note)]));
            }
        }
    }
}

/// The note: what to call instead (the replacement's method, HTTP method
/// and path when this build has it), or that the API names nothing.
pub(crate) fn note(api: &OpenAPI, op: &Operation<'_>) -> String {
    match op.replaced_by() {
        Some(ReplacedBy::Operation(id)) => {
            let method = model::method_name(&id);
            match model::operations(api).into_iter().find(|o| o.id() == id) {
                Some(r) => format!(
                    "the API deprecated it: use `{method}` ({} {}) instead",
                    r.method.to_uppercase(),
                    r.path
                ),
                // Its family is left out of this build.
                None => format!("the API deprecated it: use `{method}` instead"),
            }
        }
        Some(ReplacedBy::Nothing) => "the API deprecated it and names no replacement".to_owned(),
        None => "the API deprecated it".to_owned(),
    }
}
