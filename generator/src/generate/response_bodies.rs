//! Routes progenitor's answer decoding through the client crate's runtime.
//!
//! progenitor decodes a JSON answer with `ResponseValue::from_response`, which
//! turns an error status with a non-JSON body (a gateway's HTML page) into
//! `InvalidResponsePayload` without the status, and hands undocumented answers
//! back with their body unread and unbounded. The client crate's
//! `crate::response` keeps the status and a bounded body prefix instead; this
//! pass points the generated calls there. It only renames calls with the same
//! signature, so the generated code's shape is unchanged.

use syn::visit_mut::{self, VisitMut};

/// Rewrites, in the generated client:
/// - `ResponseValue::from_response(r)` → `crate::response::from_response(r)`;
/// - `Error::UnexpectedResponse(response)` → `crate::response::unexpected(response).await`.
pub(crate) fn route_through_runtime(file: &mut syn::File) {
    Router.visit_file_mut(file);
}

struct Router;

impl VisitMut for Router {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        visit_mut::visit_expr_mut(self, expr);
        match expr {
            syn::Expr::Path(p) if is_path(&p.path, &["ResponseValue", "from_response"]) => {
                *expr = syn::parse_quote!(crate::response::from_response);
            }
            syn::Expr::Call(call)
                if call.args.len() == 1
                    && matches!(&*call.func, syn::Expr::Path(f)
                        if is_path(&f.path, &["Error", "UnexpectedResponse"]))
                    && matches!(&call.args[0], syn::Expr::Path(a)
                        if is_path(&a.path, &["response"])) =>
            {
                *expr = syn::parse_quote!(crate::response::unexpected(response).await);
            }
            _ => {}
        }
    }
}

fn is_path(path: &syn::Path, segments: &[&str]) -> bool {
    path.leading_colon.is_none()
        && path.segments.len() == segments.len()
        && path
            .segments
            .iter()
            .zip(segments)
            .all(|(s, name)| s.ident == name && s.arguments.is_none())
}
