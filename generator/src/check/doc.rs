//! Reading the raw YAML tree: keys as strings, JSON pointers, `$ref`
//! resolution, the list of operations, and a walk that knows what each node
//! is (schema, parameter, response...). The rules work on the raw tree so that
//! they still speak when the typed parse would fail.

use serde_yaml::Value;

use crate::position::escape_segment;

pub use crate::model::METHODS;

/// A mapping key as text (YAML allows `200:` as a number key).
pub fn key_str(key: &Value) -> Option<String> {
    match key {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The entries of a mapping with textual keys; nothing for other nodes.
pub fn entries(v: &Value) -> Vec<(String, &Value)> {
    match v {
        Value::Mapping(m) => m
            .iter()
            .filter_map(|(k, v)| key_str(k).map(|k| (k, v)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The value under `key` of a mapping; an explicit `null` counts as absent,
/// as it does for the typed parse.
pub fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    match v {
        // A hashed lookup first: a linear scan here made every `$ref` lookup
        // in `components` cost the section's size (a 8k-link chain: minutes).
        Value::Mapping(m) => m
            .get(key)
            .or_else(|| {
                m.iter()
                    .find(|(k, _)| !k.is_string() && key_str(k).as_deref() == Some(key))
                    .map(|(_, v)| v)
            })
            .filter(|v| !v.is_null()),
        _ => None,
    }
}

/// The string under `key`, if it is one.
pub fn get_str<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    get(v, key).and_then(Value::as_str)
}

/// The items of a sequence; nothing for other nodes.
pub fn items(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_sequence).map_or(&[], |s| s.as_slice())
}

/// `pointer` extended by one segment.
pub fn child(pointer: &str, segment: &str) -> String {
    format!("{pointer}/{}", escape_segment(segment))
}

/// The node a local JSON pointer (`/components/schemas/A`) designates.
pub fn lookup<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(root);
    }
    let mut node = root;
    for seg in pointer.strip_prefix('/')?.split('/') {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        node = match node {
            Value::Sequence(s) => s.get(seg.parse::<usize>().ok()?)?,
            other => get(other, &seg)?,
        };
    }
    Some(node)
}

/// The `$ref` string of a node, if it is a reference.
pub fn ref_of(v: &Value) -> Option<&str> {
    get_str(v, "$ref")
}

/// The longest chain of `$ref` links `check` accepts (`ref-chain-too-long`
/// beyond): real specs use one to three links. The bound keeps the per-node
/// resolution of the rules cheap and progenitor's generation (superlinear in
/// the chain: 300 links take seconds) short, while a chain of any length is
/// still classified in linear time by [`RefChains`].
pub const MAX_REF_CHAIN: usize = 100;

/// Follows `$ref`s from `v` (found at `pointer`) to the node they end at, and
/// that node's pointer. `None` when a reference dangles, leaves the document,
/// loops, is longer than [`MAX_REF_CHAIN`] links, or (with `section`) leaves
/// `components/<section>`; the `refs` rule reports those.
pub fn resolve_in<'a>(
    root: &'a Value,
    v: &'a Value,
    pointer: &str,
    section: Option<&str>,
) -> Option<(&'a Value, String)> {
    let mut node = v;
    let mut at = pointer.to_owned();
    for _ in 0..=MAX_REF_CHAIN {
        match ref_of(node) {
            None => return Some((node, at)),
            Some(r) => {
                let target = r.strip_prefix('#')?;
                if let Some(section) = section {
                    let name = target.strip_prefix("/components/")?.strip_prefix(section)?;
                    if !name.starts_with('/') || name[1..].contains('/') {
                        return None;
                    }
                }
                node = lookup(root, target)?;
                at = target.to_owned();
            }
        }
    }
    None
}

/// Where the chain of references starting at a target ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chain {
    /// At a definition, after this many more links.
    Ends(usize),
    /// In a loop: it never reaches a definition.
    Cycle,
    /// At a dangling or external reference (reported where it stands).
    Broken,
}

impl Chain {
    fn step(self) -> Chain {
        match self {
            Chain::Ends(n) => Chain::Ends(n + 1),
            other => other,
        }
    }
}

/// Memoized classification of reference chains: each target is followed
/// once, so classifying every `$ref` of a document is linear in its size,
/// whatever the length of its chains.
#[derive(Debug, Default)]
pub struct RefChains {
    memo: std::collections::HashMap<String, Chain>,
}

impl RefChains {
    /// Where the chain through the local pointer `target` ends.
    pub fn classify(&mut self, root: &Value, target: &str) -> Chain {
        let mut path: Vec<String> = Vec::new();
        let mut on_path = std::collections::HashSet::new();
        let mut cur = target.to_owned();
        let mut result = loop {
            if let Some(c) = self.memo.get(&cur) {
                break *c;
            }
            if !on_path.insert(cur.clone()) {
                break Chain::Cycle;
            }
            let Some(node) = lookup(root, &cur) else {
                break Chain::Broken;
            };
            match ref_of(node) {
                None => {
                    self.memo.insert(cur, Chain::Ends(0));
                    break Chain::Ends(0);
                }
                Some(r) => {
                    path.push(cur);
                    match r.strip_prefix('#') {
                        Some(t) => cur = t.to_owned(),
                        None => break Chain::Broken,
                    }
                }
            }
        };
        for p in path.into_iter().rev() {
            result = result.step();
            self.memo.insert(p, result);
        }
        self.memo.get(target).copied().unwrap_or(result)
    }
}

/// One operation of the document.
pub struct Operation<'a> {
    /// The path template (`/users/{id}`).
    pub path: String,
    /// Lowercase HTTP method.
    pub method: &'static str,
    /// Pointer to the operation object.
    pub pointer: String,
    /// The operation object.
    pub node: &'a Value,
    /// The path item holding it (for path-level parameters).
    pub path_item: &'a Value,
    /// Pointer to the path item.
    pub path_pointer: String,
}

impl Operation<'_> {
    /// The operationId, if present and a string.
    pub fn id(&self) -> Option<&str> {
        get_str(self.node, "operationId")
    }

    /// `operationId` when known, else `METHOD path`: how messages name it.
    pub fn label(&self) -> String {
        match self.id() {
            Some(id) => format!("`{id}`"),
            None => format!("`{} {}`", self.method.to_uppercase(), self.path),
        }
    }
}

/// Every operation under `paths`, in document order.
pub fn operations(root: &Value) -> Vec<Operation<'_>> {
    let mut out = Vec::new();
    let Some(paths) = get(root, "paths") else {
        return out;
    };
    for (path, item) in entries(paths) {
        let path_pointer = child("/paths", &path);
        for method in METHODS {
            if let Some(node) = get(item, method) {
                out.push(Operation {
                    path: path.clone(),
                    method,
                    pointer: child(&path_pointer, method),
                    node,
                    path_item: item,
                    path_pointer: path_pointer.clone(),
                });
            }
        }
    }
    out
}

/// What a node of the document is, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Schema Object.
    Schema,
    /// A Parameter Object.
    Parameter,
    /// A Response Object.
    Response,
    /// A Request Body Object.
    RequestBody,
    /// A Header Object.
    Header,
    /// A Path Item Object.
    PathItem,
    /// Anything else that can hold the above.
    Other,
}

impl Kind {
    /// The `components` section references of this kind must point into.
    pub fn section(self) -> Option<&'static str> {
        match self {
            Kind::Schema => Some("schemas"),
            Kind::Parameter => Some("parameters"),
            Kind::Response => Some("responses"),
            Kind::RequestBody => Some("requestBodies"),
            Kind::Header => Some("headers"),
            Kind::PathItem | Kind::Other => None,
        }
    }
}

/// Visits every structural node with its kind, skipping example values and
/// extensions (their content is data, not spec).
pub fn walk(root: &Value, visit: &mut dyn FnMut(Kind, &str, &Value)) {
    for (key, v) in entries(root) {
        let p = child("", &key);
        match key.as_str() {
            "paths" => each_entry(v, &p, Kind::PathItem, visit),
            "components" => {
                for (section, m) in entries(v) {
                    let kind = match section.as_str() {
                        "schemas" => Kind::Schema,
                        "parameters" => Kind::Parameter,
                        "responses" => Kind::Response,
                        "requestBodies" => Kind::RequestBody,
                        "headers" => Kind::Header,
                        _ => Kind::Other,
                    };
                    each_entry(m, &child(&p, &section), kind, visit);
                }
            }
            _ if is_data(&key) => {}
            _ => node(v, &p, Kind::Other, visit),
        }
    }
}

/// Keys whose values are free data rather than spec structure.
fn is_data(key: &str) -> bool {
    key.starts_with("x-") || matches!(key, "example" | "examples" | "default" | "enum")
}

fn each_entry(v: &Value, pointer: &str, kind: Kind, visit: &mut dyn FnMut(Kind, &str, &Value)) {
    for (k, c) in entries(v) {
        node(c, &child(pointer, &k), kind, visit);
    }
}

fn each_item(v: &Value, pointer: &str, kind: Kind, visit: &mut dyn FnMut(Kind, &str, &Value)) {
    for (i, c) in items(Some(v)).iter().enumerate() {
        node(c, &format!("{pointer}/{i}"), kind, visit);
    }
}

fn node(v: &Value, pointer: &str, kind: Kind, visit: &mut dyn FnMut(Kind, &str, &Value)) {
    visit(kind, pointer, v);
    if ref_of(v).is_some() {
        return;
    }
    for (key, c) in entries(v) {
        let p = child(pointer, &key);
        if is_data(&key) {
            continue;
        }
        let sub = match (kind, key.as_str()) {
            (Kind::Schema, "properties") => {
                each_entry(c, &p, Kind::Schema, visit);
                continue;
            }
            (Kind::Schema, "allOf" | "anyOf" | "oneOf") => {
                each_item(c, &p, Kind::Schema, visit);
                continue;
            }
            (Kind::Schema, "items" | "additionalProperties" | "not") => Kind::Schema,
            (Kind::Schema, _) => continue,
            (_, "schema") => Kind::Schema,
            (Kind::PathItem, "parameters") | (Kind::Other, "parameters") => {
                each_item(c, &p, Kind::Parameter, visit);
                continue;
            }
            (Kind::Other, "requestBody") => Kind::RequestBody,
            (Kind::Other, "responses") => {
                each_entry(c, &p, Kind::Response, visit);
                continue;
            }
            (_, "headers") => {
                each_entry(c, &p, Kind::Header, visit);
                continue;
            }
            (_, "content") => {
                each_entry(c, &p, Kind::Other, visit);
                continue;
            }
            _ => Kind::Other,
        };
        if matches!(c, Value::Sequence(_)) {
            each_item(c, &p, sub, visit);
        } else {
            node(c, &p, sub, visit);
        }
    }
}
