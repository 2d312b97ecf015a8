//! Per-family cargo features: a crate that enables only some API families
//! compiles only their operations and the types those reach.
//!
//! Each tag of the spec names the cargo feature its operations belong to
//! (`x-feature`, see `spec/EXTENSIONS.md`); `check` makes sure every
//! operation has exactly one. [`select`] keeps the operations of the enabled
//! features and drops every component that nothing kept refers to (security schemes
//! stay: requirements name them, not `$ref`s), so progenitor generates no
//! type for it.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::OpenAPI;
use serde_json::Value;

use crate::extensions::FEATURE;
use crate::load::Spec;
use crate::model;

/// Which operations to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Every operation (what the tools and the default features build).
    All,
    /// The operations of these features, by `x-feature` name.
    Features(BTreeSet<String>),
}

impl Selection {
    /// The features of `api` that `enabled` says are on; [`Selection::All`]
    /// when the spec declares no feature, or when every declared one is on.
    pub fn from_enabled(api: &OpenAPI, enabled: impl Fn(&str) -> bool) -> Selection {
        let declared = declared(api);
        let on: BTreeSet<String> = declared.iter().filter(|f| enabled(f)).cloned().collect();
        if declared.is_empty() || on.len() == declared.len() {
            Selection::All
        } else {
            Selection::Features(on)
        }
    }
}

/// The cargo feature each tag declares (`x-feature`), by tag name; tags with
/// none or an invalid one are left out (`check` reports those).
pub fn tag_features(api: &OpenAPI) -> BTreeMap<&str, &str> {
    api.tags
        .iter()
        .filter_map(|tag| {
            let feature = tag.extensions.get(FEATURE)?.as_str()?;
            valid_name(feature).then_some((tag.name.as_str(), feature))
        })
        .collect()
}

/// Every feature the spec declares, sorted.
pub fn declared(api: &OpenAPI) -> BTreeSet<String> {
    tag_features(api).into_values().map(str::to_owned).collect()
}

/// The features an operation's tags name (one, in a spec `check` accepts).
pub fn of_operation<'a>(
    tags: &BTreeMap<&'a str, &'a str>,
    op: &openapiv3::Operation,
) -> BTreeSet<&'a str> {
    op.tags
        .iter()
        .filter_map(|t| tags.get(t.as_str()).copied())
        .collect()
}

/// Cargo's own names and the client crate's other features, which a family
/// may not take.
pub const RESERVED: [&str; 6] = [
    "default",
    "full",
    "rustls",
    "rustls-aws-lc",
    "native-tls",
    "test-util",
];

/// A feature name cargo accepts and the build script can see: lowercase
/// ASCII letters, digits and `-`, starting with a letter, not reserved.
pub fn valid_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !RESERVED.contains(&name)
}

/// The environment variable cargo sets for an enabled feature, as a build
/// script sees it (`api-access` → `CARGO_FEATURE_API_ACCESS`).
pub fn cargo_env_var(feature: &str) -> String {
    format!(
        "CARGO_FEATURE_{}",
        feature.to_ascii_uppercase().replace('-', "_")
    )
}

/// `spec` reduced to the operations of `features`, without the components
/// that nothing left refers to. Unchanged for [`Selection::All`].
pub fn select(spec: &Spec, selection: &Selection) -> Spec {
    let Selection::Features(features) = selection else {
        return spec.clone();
    };
    let tags = tag_features(&spec.openapi);
    let mut openapi = spec.openapi.clone();
    for (_, item) in openapi.paths.paths.iter_mut() {
        let openapiv3::ReferenceOr::Item(item) = item else {
            continue;
        };
        for method in model::METHODS {
            let slot = model::operation_mut(item, method);
            let keep = slot.as_ref().is_some_and(|op| {
                of_operation(&tags, op)
                    .iter()
                    .any(|f| features.contains(*f))
            });
            if !keep {
                *slot = None;
            }
        }
    }
    openapi.paths.paths.retain(|_, item| match item {
        openapiv3::ReferenceOr::Item(item) => item.iter().next().is_some(),
        openapiv3::ReferenceOr::Reference { .. } => true,
    });
    Spec {
        path: spec.path.clone(),
        text: spec.text.clone(),
        openapi: without_unreferenced_components(openapi),
    }
}

/// `api` without the components that no `$ref` reachable from outside
/// `components` names. The references are found in the JSON form, where
/// every `$ref` looks the same whatever object holds it; the entries are
/// removed from the typed document, which keeps its order.
fn without_unreferenced_components(mut api: OpenAPI) -> OpenAPI {
    let Ok(doc) = serde_json::to_value(&api) else {
        return api;
    };
    let mut reached = BTreeSet::new();
    let mut pending = Vec::new();
    if let Value::Object(root) = &doc {
        for (key, value) in root {
            if key != "components" {
                refs_in(value, &mut pending);
            }
        }
    }
    while let Some(reference) = pending.pop() {
        if !reached.insert(reference.clone()) {
            continue;
        }
        if let Some(target) = component(&doc, &reference) {
            refs_in(target, &mut pending);
        }
    }
    let Some(components) = api.components.as_mut() else {
        return api;
    };
    let kept =
        |section: &str, name: &String| reached.contains(&format!("#/components/{section}/{name}"));
    components.schemas.retain(|name, _| kept("schemas", name));
    components
        .responses
        .retain(|name, _| kept("responses", name));
    components
        .parameters
        .retain(|name, _| kept("parameters", name));
    components
        .request_bodies
        .retain(|name, _| kept("requestBodies", name));
    components.headers.retain(|name, _| kept("headers", name));
    components.examples.retain(|name, _| kept("examples", name));
    components.links.retain(|name, _| kept("links", name));
    api
}

/// The component a `#/components/<section>/<name>` reference names (names
/// taken literally, as [`model::component_name`] does).
fn component<'v>(doc: &'v Value, reference: &str) -> Option<&'v Value> {
    let (section, name) = reference.strip_prefix("#/components/")?.split_once('/')?;
    doc.get("components")?.get(section)?.get(name)
}

/// Every `$ref` string inside `value`, depth first, without recursion (a
/// deep document cannot overflow the stack).
fn refs_in(value: &Value, out: &mut Vec<String>) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (key, child) in map {
                    match (key.as_str(), child) {
                        ("$ref", Value::String(r)) => out.push(r.clone()),
                        _ => stack.push(child),
                    }
                }
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(yaml: &str) -> Spec {
        crate::load::parse_spec(std::path::Path::new("t.yaml"), yaml.to_owned())
            .unwrap_or_else(|e| panic!("test spec does not parse: {e}"))
    }

    const TWO_FAMILIES: &str = r##"
openapi: 3.0.3
info: {title: t, version: '1'}
tags:
- {name: 'A: things', x-feature: alpha}
- {name: 'B: stuff', x-feature: beta}
paths:
  /a:
    get:
      operationId: getA
      tags: ['A: things']
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}
  /b:
    get:
      operationId: getB
      tags: ['B: stuff']
      parameters: [{$ref: '#/components/parameters/Q'}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}
        '400': {$ref: '#/components/responses/Bad'}
components:
  parameters:
    Q: {name: q, in: query, schema: {$ref: '#/components/schemas/Q'}}
  responses:
    Bad: {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Err'}}}}
  schemas:
    A: {type: object, properties: {shared: {$ref: '#/components/schemas/Shared'}}}
    B: {type: object, properties: {shared: {$ref: '#/components/schemas/Shared'}, own: {$ref: '#/components/schemas/BOwn'}}}
    BOwn: {type: string}
    Q: {type: string}
    Err: {type: object, properties: {message: {type: string}}}
    Shared: {type: object, properties: {next: {$ref: '#/components/schemas/Shared'}}}
    Orphan: {type: string}
"##;

    fn only(features: &[&str]) -> Selection {
        Selection::Features(features.iter().map(|f| (*f).to_owned()).collect())
    }

    fn names<'m>(keys: impl Iterator<Item = &'m String>) -> Vec<&'m str> {
        keys.map(String::as_str).collect()
    }

    #[test]
    fn one_feature_keeps_its_operations_and_what_they_reach() {
        let selected = select(&spec(TWO_FAMILIES), &only(&["alpha"]));
        let api = &selected.openapi;
        let ids: Vec<&str> = model::operations(api).iter().map(|o| o.id()).collect();
        assert_eq!(ids, ["getA"]);
        let components = api.components.as_ref().expect("components kept");
        // `Shared` is reached through `A` (and refers to itself: no loop).
        assert_eq!(names(components.schemas.keys()), ["A", "Shared"]);
        assert!(components.parameters.is_empty());
        assert!(components.responses.is_empty());
    }

    #[test]
    fn references_through_parameters_and_responses_are_followed() {
        let selected = select(&spec(TWO_FAMILIES), &only(&["beta"]));
        let components = selected.openapi.components.expect("components kept");
        // In the spec's order.
        assert_eq!(
            names(components.schemas.keys()),
            ["B", "BOwn", "Q", "Err", "Shared"]
        );
        assert_eq!(names(components.parameters.keys()), ["Q"]);
        assert_eq!(names(components.responses.keys()), ["Bad"]);
    }

    #[test]
    fn all_or_every_feature_changes_nothing() {
        let full = spec(TWO_FAMILIES);
        let all = Selection::from_enabled(&full.openapi, |_| true);
        assert_eq!(all, Selection::All);
        let unchanged = select(&full, &all);
        assert_eq!(unchanged.openapi, full.openapi);
        let some = Selection::from_enabled(&full.openapi, |f| f == "beta");
        assert_eq!(some, only(&["beta"]));
        let none = Selection::from_enabled(&full.openapi, |_| false);
        assert_eq!(none, only(&[]));
        assert!(model::operations(&select(&full, &none).openapi).is_empty());
    }

    #[test]
    fn feature_names_follow_cargo_and_avoid_the_crate_s_own() {
        assert!(valid_name("api-access"));
        assert!(valid_name("scim2"));
        for bad in [
            "",
            "Api",
            "api_access",
            "-x",
            "2fa",
            "full",
            "rustls",
            "default",
        ] {
            assert!(!valid_name(bad), "{bad:?} accepted");
        }
        assert_eq!(cargo_env_var("api-access"), "CARGO_FEATURE_API_ACCESS");
    }
}
