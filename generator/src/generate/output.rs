//! What progenitor generated, read back from its syntax tree: the fields of
//! each struct in `types` (with their wire names) and the page and error
//! types of each operation builder's `send`. The runtime code generated from
//! the spec's extensions is written against these, so it follows whatever
//! names and types typify chose.

use std::collections::{HashMap, HashSet};

use syn::{GenericArgument, Item, PathArguments, ReturnType, Type};

/// A field of a generated struct.
#[derive(Clone)]
pub(crate) struct Field {
    /// The Rust field name.
    pub ident: syn::Ident,
    /// Its type as written inside `types`.
    pub ty: Type,
}

/// The parts of progenitor's output the runtime generation reads.
#[derive(Default)]
pub(crate) struct Output {
    /// Struct name → (wire name → field), for the structs of `types`.
    structs: HashMap<String, HashMap<String, Field>>,
    /// The names of every type of `types`.
    types: HashSet<String>,
    /// Builder name → (success type, error type) of its `send`, as written
    /// inside `builder`.
    sends: HashMap<String, (Type, Type)>,
    /// Builder name → its setter names.
    setters: HashMap<String, Vec<String>>,
}

impl Output {
    /// Indexes `file`, progenitor's parsed output.
    pub fn read(file: &syn::File) -> Self {
        let mut out = Output::default();
        for item in &file.items {
            let Item::Mod(m) = item else { continue };
            let Some((_, items)) = &m.content else {
                continue;
            };
            if m.ident == "types" {
                out.read_types(items);
            } else if m.ident == "builder" {
                out.read_builders(items);
            }
        }
        out
    }

    fn read_types(&mut self, items: &[Item]) {
        for item in items {
            match item {
                Item::Struct(s) => self.types.insert(s.ident.to_string()),
                Item::Enum(e) => self.types.insert(e.ident.to_string()),
                Item::Type(t) => self.types.insert(t.ident.to_string()),
                _ => false,
            };
            let Item::Struct(s) = item else { continue };
            let syn::Fields::Named(named) = &s.fields else {
                continue;
            };
            let fields = named
                .named
                .iter()
                .filter_map(|f| {
                    let ident = f.ident.clone()?;
                    let wire = serde_rename(&f.attrs)
                        .unwrap_or_else(|| ident.to_string().trim_start_matches("r#").to_owned());
                    Some((
                        wire,
                        Field {
                            ident,
                            ty: f.ty.clone(),
                        },
                    ))
                })
                .collect();
            self.structs.insert(s.ident.to_string(), fields);
        }
    }

    fn read_builders(&mut self, items: &[Item]) {
        for item in items {
            let Item::Impl(imp) = item else { continue };
            let Type::Path(self_ty) = imp.self_ty.as_ref() else {
                continue;
            };
            let Some(name) = self_ty.path.segments.last().map(|s| s.ident.to_string()) else {
                continue;
            };
            for member in &imp.items {
                let syn::ImplItem::Fn(f) = member else {
                    continue;
                };
                if f.sig.ident == "send" {
                    if let Some(types) = result_types(&f.sig.output) {
                        self.sends.insert(name.clone(), types);
                    }
                } else if f.sig.ident != "new" {
                    self.setters
                        .entry(name.clone())
                        .or_default()
                        .push(f.sig.ident.to_string());
                }
            }
        }
    }

    /// The field with wire name `wire` of the struct `name`.
    pub fn field(&self, name: &str, wire: &str) -> Option<&Field> {
        self.structs.get(name)?.get(wire)
    }

    /// Whether `types` has a type named `name`.
    pub fn is_type(&self, name: &str) -> bool {
        self.types.contains(name)
    }

    /// Whether `types` has a struct named `name`.
    pub fn has_struct(&self, name: &str) -> bool {
        self.structs.contains_key(name)
    }

    /// The success and error types of the builder `name`'s `send`.
    pub fn send_types(&self, name: &str) -> Option<&(Type, Type)> {
        self.sends.get(name)
    }

    /// Whether the builder `name` has the setter `setter`.
    pub fn has_setter(&self, name: &str, setter: &str) -> bool {
        self.setters
            .get(name)
            .is_some_and(|s| s.iter().any(|x| x == setter))
    }
}

/// `rename = "..."` of a `#[serde(...)]` attribute.
fn serde_rename(attrs: &[syn::Attribute]) -> Option<String> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                let lit: syn::LitStr = meta.value()?.parse()?;
                found = Some(lit.value());
            } else if meta.input.peek(syn::Token![=]) {
                // Skip the value of any other `key = value`.
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
    }
    found
}

/// `(T, E)` of `-> Result<ResponseValue<T>, Error<E>>`.
fn result_types(output: &ReturnType) -> Option<(Type, Type)> {
    let ReturnType::Type(_, ty) = output else {
        return None;
    };
    let [ok, err] = generic_args(ty)?[..] else {
        return None;
    };
    let [page] = generic_args(ok)?[..] else {
        return None;
    };
    let [error] = generic_args(err)?[..] else {
        return None;
    };
    Some((page.clone(), error.clone()))
}

/// The type arguments of the last segment of a path type.
pub(crate) fn generic_args(ty: &Type) -> Option<Vec<&Type>> {
    let Type::Path(p) = ty else { return None };
    let PathArguments::AngleBracketed(args) = &p.path.segments.last()?.arguments else {
        return None;
    };
    Some(
        args.args
            .iter()
            .filter_map(|a| match a {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
    )
}

/// The name of the last segment of a path type (`Option`, `Vec`, `OrgPage`).
pub(crate) fn last_ident(ty: &Type) -> Option<String> {
    let Type::Path(p) = ty else { return None };
    p.path.segments.last().map(|s| s.ident.to_string())
}
