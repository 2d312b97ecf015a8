//! The operation index users read: for each task (the spec's tag and the
//! operation's summary), the Rust method, the CLI command and the cargo
//! feature, generated from the spec into `docs/OPERATIONS.md` and kept in
//! step by a test (`cargo admin-api-gen index -o docs/OPERATIONS.md`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use admin_api_generator::features::{of_operation, tag_features};
use admin_api_generator::load::Spec;
use admin_api_generator::model;
use admin_api_generator::printable::cell;

/// The Markdown index of every operation of `spec`, grouped by tag in the
/// order the spec lists its tags.
pub fn render_index(spec: &Spec) -> String {
    let api = &spec.openapi;
    let features = tag_features(api);
    let mut by_tag: BTreeMap<usize, (&str, Vec<String>)> = BTreeMap::new();
    let order: Vec<&str> = api.tags.iter().map(|t| t.name.as_str()).collect();
    let operations = model::operations(api);
    let replaced_by = |op: &model::Operation<'_>| -> Option<String> {
        op.op
            .extensions
            .get("x-replaced-by")
            .and_then(|v| v.as_str())
            .map(model::method_name)
    };
    for op in &operations {
        let tag = op.op.tags.first().map_or("Other", String::as_str);
        let position = order.iter().position(|t| *t == tag).unwrap_or(order.len());
        let feature = of_operation(&features, op.op)
            .into_iter()
            .next()
            .unwrap_or("-");
        let method = model::method_name(op.id());
        let mut notes = Vec::new();
        if op
            .pagination()
            .is_some_and(|p| !matches!(p, admin_api_generator::extensions::Pagination::None { .. }))
        {
            notes.push("pages".to_owned());
        }
        if let Some(limit) = op.rate_limit() {
            notes.push(format!("{} per {} s", limit.requests, limit.per_seconds));
        }
        if op.op.deprecated {
            notes.push(match replaced_by(op) {
                Some(m) => format!("**deprecated**: use `{m}`"),
                None => "**deprecated**".to_owned(),
            });
        }
        let row = format!(
            "| {} | `{method}` | `atlassian-admin {} {}` | `{feature}` | `{} {}` | {} |",
            cell(op.op.summary.as_deref().unwrap_or(op.id())),
            model::cli_family(op.path),
            heck::AsKebabCase(op.id()),
            op.method.to_uppercase(),
            cell(op.path),
            notes.join(", "),
        );
        by_tag
            .entry(position)
            .or_insert((tag, Vec::new()))
            .1
            .push(row);
    }
    let mut out = String::new();
    let _ = writeln!(out, "# Operations by task");
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "<!-- Generated from spec/atlassian-admin.yaml by `cargo admin-api-gen index -o docs/OPERATIONS.md`; \
         generator/tools/tests/index.rs fails when it is out of date. -->"
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{} operations. Each row: what it does, the method on `atlassian_admin_api::Client` (set the parameters \
         on the builder it returns, then `.send().await`; `pages()`/`items()`/`pages_from()` when it pages), the \
         `atlassian-admin` command, the cargo feature that compiles it (all are on by default), the HTTP call, \
         and notes (paging, the rate limit the client keeps to, deprecation).",
        operations.len()
    );
    for (_, (tag, rows)) in by_tag {
        let _ = writeln!(out);
        let _ = writeln!(out, "## {}", cell(tag));
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| task | Rust method | CLI command | feature | HTTP | notes |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for row in rows {
            let _ = writeln!(out, "{row}");
        }
    }
    out
}
