//! What each generated method's documentation says beyond the spec's prose:
//! the runtime facts its `x-` extensions and `security` declare (the key it
//! sends, how it pages, its rate limit and how the client keeps to it) and,
//! for a deprecated operation, what replaces it. progenitor adds the HTTP
//! method and path after them.

use openapiv3::OpenAPI;

use crate::extensions::{Credential, Pagination, ReplacedBy};
use crate::load::Spec;
use crate::model::{self, Operation};

use super::pagination;

/// `spec` with each operation's description extended by its runtime facts,
/// so that the generated method's documentation says them.
pub(crate) fn with_runtime_docs(spec: &Spec) -> Spec {
    let notes: Vec<(String, String)> = model::operations(&spec.openapi)
        .iter()
        .map(|op| (op.id().to_owned(), notes(&spec.openapi, op).join("\n\n")))
        .collect();
    let mut spec = spec.clone();
    for (_, item) in spec.openapi.paths.paths.iter_mut() {
        let openapiv3::ReferenceOr::Item(item) = item else {
            continue;
        };
        for op in crate::model::item_operations_mut(item) {
            let id = op.operation_id.as_deref().unwrap_or_default();
            let Some((_, text)) = notes.iter().find(|(op_id, _)| op_id == id) else {
                continue;
            };
            let description = op.description.get_or_insert_with(String::new);
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(text);
        }
    }
    spec
}

/// The paragraphs `op`'s documentation gets, in reading order.
pub(crate) fn notes(api: &OpenAPI, op: &Operation<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    if op.op.deprecated {
        notes.push(deprecation(api, op));
    }
    let schemes = model::scheme_credentials(api);
    notes.push(match model::credential(api, op, &schemes) {
        Some(Credential::Organization) => "**Key:** the organization API key \
            ([`ClientBuilder::api_key`](crate::ClientBuilder::api_key), `ATLASSIAN_ADMIN_API_KEY`)."
            .to_owned(),
        Some(Credential::Scim) => "**Key:** the SCIM directory key \
            ([`ClientBuilder::scim_api_key`](crate::ClientBuilder::scim_api_key), `ATLASSIAN_SCIM_API_KEY`)."
            .to_owned(),
        None => "**Key:** none; the request is sent without one.".to_owned(),
    });
    match op.pagination() {
        Some(p @ Pagination::None { .. }) => {
            notes.push(format!("**Paging:** {}", pagination::describe(&p)));
        }
        Some(p) => notes.push(format!(
            "**Paging:** {} The builder's `pages()` and `items()` stream every page.",
            pagination::describe(&p)
        )),
        None => {}
    }
    notes.push(match op.rate_limit() {
        Some(limit) => {
            let constant = format!("rate_limits::{}", op.method_name().to_uppercase());
            let sharing: Vec<String> = model::operations(api)
                .iter()
                .filter(|o| o.id() != op.id())
                .filter(|o| {
                    limit.shared.is_some() && o.rate_limit().and_then(|l| l.shared) == limit.shared
                })
                .map(|o| format!("[`{m}`](Self::{m})", m = o.method_name()))
                .collect();
            let shared = if sharing.is_empty() {
                String::new()
            } else {
                format!(" It shares the window with {}.", sharing.join(", "))
            };
            let described = limit.describe();
            let limit = described.strip_prefix("Rate limit: ").unwrap_or(&described);
            format!(
                "**Rate limit:** {limit}{shared} The client keeps to it: a request waits for \
                 room in the window before it is sent (see [`{constant}`](crate::{constant}))."
            )
        }
        None => "**Rate limit:** none documented for this operation; a `429` answer \
                 is retried after the wait the server asks for."
            .to_owned(),
    });
    notes
}

/// The deprecation paragraph: the replacement's method (linked when this
/// build generates it) and its HTTP method and path.
fn deprecation(api: &OpenAPI, op: &Operation<'_>) -> String {
    match op.replaced_by() {
        Some(ReplacedBy::Operation(id)) => {
            let method = model::method_name(&id);
            match model::operations(api).into_iter().find(|o| o.id() == id) {
                Some(replacement) => format!(
                    "**Deprecated:** use [`{method}`](Self::{method}) (`{} {}`) instead.",
                    replacement.method.to_uppercase(),
                    replacement.path
                ),
                // Left out of this build (another family): named, not linked.
                None => format!("**Deprecated:** use `{method}` instead."),
            }
        }
        Some(ReplacedBy::Nothing) => "**Deprecated:** the API names no replacement.".to_owned(),
        None => "**Deprecated.**".to_owned(),
    }
}
