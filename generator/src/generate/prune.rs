//! Struct builders only where a request needs them.
//!
//! typify writes a builder (`types::builder::X`, with `X::builder()`) for
//! every struct: about 40 % of the generated client, compiled by every user.
//! A builder helps to *make* a value, which callers do for request bodies
//! (progenitor's `body_map` and `body(...)` take them) and the types nested
//! in them; response types are only read. This pass keeps the builders of
//! the types reachable from a request body and removes the others.

use std::collections::{BTreeSet, HashMap};

use syn::visit::Visit;
use syn::{Item, Type};

/// Removes from `file` (progenitor's output) the struct builders that no
/// request body reaches.
pub(crate) fn unused_struct_builders(file: &mut syn::File) {
    let keep = request_types(file);
    let Some(types) = module_mut(&mut file.items, "types") else {
        return;
    };
    if let Some(builders) = module_mut(types, "builder") {
        builders.retain(|item| match builder_subject(item) {
            Some(name) => keep.contains(&name),
            None => true,
        });
    }
    for item in types.iter_mut() {
        let Item::Impl(block) = item else { continue };
        if block.trait_.is_some() {
            continue;
        }
        let Some(name) = last_ident(&block.self_ty) else {
            continue;
        };
        if !keep.contains(&name) {
            block.items.retain(
                |member| !matches!(member, syn::ImplItem::Fn(f) if f.sig.ident == "builder"),
            );
        }
    }
    types.retain(|item| !matches!(item, Item::Impl(block) if block.trait_.is_none() && block.items.is_empty()));
}

/// The types whose builders callers use: those the operation builders take
/// as `types::builder::X`, and every type their fields (or, for enums,
/// variants) reach.
fn request_types(file: &syn::File) -> BTreeSet<String> {
    let mut roots = BuilderPaths::default();
    for item in &file.items {
        if let Item::Mod(m) = item {
            if m.ident == "builder" {
                roots.visit_item_mod(m);
            }
        }
    }
    let mut fields: HashMap<String, Vec<String>> = HashMap::new();
    if let Some((_, types)) = file.items.iter().find_map(|item| match item {
        Item::Mod(m) if m.ident == "types" => m.content.as_ref(),
        _ => None,
    }) {
        for item in types {
            let (name, mut names) = match item {
                Item::Struct(s) => (s.ident.to_string(), Names::default()),
                Item::Enum(e) => (e.ident.to_string(), Names::default()),
                _ => continue,
            };
            names.visit_item(item);
            fields.insert(name, names.0);
        }
    }
    let mut keep = BTreeSet::new();
    let mut todo: Vec<String> = roots.0;
    while let Some(name) = todo.pop() {
        if !keep.insert(name.clone()) {
            continue;
        }
        if let Some(reached) = fields.get(&name) {
            todo.extend(reached.iter().filter(|n| fields.contains_key(*n)).cloned());
        }
    }
    keep
}

/// `X` of every `types::builder::X` path.
#[derive(Default)]
struct BuilderPaths(Vec<String>);

impl<'ast> Visit<'ast> for BuilderPaths {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if let [.., a, b, name] = segments.as_slice() {
            if a == "types" && b == "builder" {
                self.0.push(name.clone());
            }
        }
        syn::visit::visit_path(self, path);
    }
}

/// Every identifier used in a type inside an item (its fields' types).
#[derive(Default)]
struct Names(Vec<String>);

impl<'ast> Visit<'ast> for Names {
    fn visit_type_path(&mut self, path: &'ast syn::TypePath) {
        for segment in &path.path.segments {
            self.0.push(segment.ident.to_string());
        }
        syn::visit::visit_type_path(self, path);
    }
}

/// The type a `types::builder` item belongs to: the struct's name, or the
/// last segment of an impl's self type (`X` or `super::X`).
fn builder_subject(item: &Item) -> Option<String> {
    match item {
        Item::Struct(s) => Some(s.ident.to_string()),
        Item::Impl(block) => last_ident(&block.self_ty),
        _ => None,
    }
}

fn last_ident(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn module_mut<'a>(items: &'a mut [Item], name: &str) -> Option<&'a mut Vec<Item>> {
    items.iter_mut().find_map(|item| match item {
        Item::Mod(m) if m.ident == name => m.content.as_mut().map(|(_, items)| items),
        _ => None,
    })
}
