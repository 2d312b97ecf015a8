//! Comparing two schemas at matching positions, as Rust types: shape changes,
//! renamed generated types, struct fields and enum values. The contents of a
//! named type are compared once per direction and remembered, so a shared
//! component is walked (and reported) once however many operations reach it.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::checks::Check;
use super::model::{type_name, Def, Doc, Kind, Pos, Ty};

/// Which way data flows through a schema: callers build requests and read responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Dir {
    Request,
    Response,
}

/// What a compared type is to the operation: decides the check for a type change.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Role {
    Param,
    Body,
    Success,
    Error,
    Field,
}

impl Role {
    fn type_check(self, dir: Dir) -> Check {
        match (self, dir) {
            (Role::Param, _) => Check::ParamTypeChanged,
            (Role::Body, _) => Check::RequestTypeChanged,
            (Role::Success, _) => Check::SuccessTypeChanged,
            (Role::Error, _) => Check::ErrorTypeChanged,
            (Role::Field, Dir::Request) => Check::RequestFieldTypeChanged,
            (Role::Field, Dir::Response) => Check::ResponseFieldTypeChanged,
        }
    }
}

/// One finding, before findings are merged across operations.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub check: Check,
    pub ptr: Vec<String>,
    pub loc: String,
    pub message: String,
}

impl Raw {
    pub fn new(check: Check, at: &Pos<'_>, loc: String, message: String) -> Raw {
        Raw {
            check,
            ptr: at.ptr.clone(),
            loc,
            message,
        }
    }
}

/// A pair of compared definitions: the direction and the addresses of the two schemas.
type Key = (Dir, usize, usize);

/// Compares positions of an old and a new document.
pub(crate) struct Comparer<'a> {
    pub old: Doc<'a>,
    pub new: Doc<'a>,
    memo: HashMap<Key, Rc<Vec<Raw>>>,
    busy: HashSet<Key>,
}

impl<'a> Comparer<'a> {
    pub fn new(old: Doc<'a>, new: Doc<'a>) -> Self {
        Comparer {
            old,
            new,
            memo: HashMap::new(),
            busy: HashSet::new(),
        }
    }

    /// Compares the schemas at two positions; `new_pos` locates the findings.
    pub fn compare(
        &mut self,
        dir: Dir,
        role: Role,
        old_pos: &Pos<'a>,
        new_pos: &Pos<'a>,
        out: &mut Vec<Raw>,
    ) {
        let (old, new) = (self.old.ty(old_pos), self.new.ty(new_pos));
        self.compare_tys(dir, role, &old, &new, new_pos, out);
    }

    /// Compares two Rust types found at `at`.
    pub fn compare_tys(
        &mut self,
        dir: Dir,
        role: Role,
        old: &Ty<'a>,
        new: &Ty<'a>,
        at: &Pos<'a>,
        out: &mut Vec<Raw>,
    ) {
        if !old.same_shape(new) {
            let message = format!("type changes from `{}` to `{}`", old.render(), new.render());
            out.push(Raw::new(role.type_check(dir), at, at.loc.clone(), message));
            return;
        }
        let mut pairs = Vec::new();
        old.named_pairs(new, &mut pairs);
        for (a, b) in pairs {
            let (
                Ty::Named {
                    raw: old_raw,
                    def: old_def,
                    ..
                },
                Ty::Named {
                    raw,
                    kind,
                    def: new_def,
                },
            ) = (a, b)
            else {
                continue;
            };
            let def_pos = new_def.as_ref().map_or(at, |d| &d.pos);
            // Equal spec names give equal Rust names; only differing ones are worth spelling.
            let names = (old_raw != raw)
                .then(|| (type_name(old_raw), type_name(raw)))
                .filter(|(old_name, name)| old_name != name);
            if let Some((old_name, name)) = names {
                if self.swapped(old_def.as_ref(), new_def.as_ref()) {
                    // Another existing type took the place: not a rename.
                    let message = format!("type changes from `{old_name}` to `{name}`");
                    out.push(Raw::new(role.type_check(dir), at, at.loc.clone(), message));
                    continue;
                }
                let message = format!("generated type `{old_name}` is now `{name}`");
                out.push(Raw::new(
                    Check::TypeRenamed,
                    def_pos,
                    def_pos.loc.clone(),
                    message,
                ));
            }
            if let (Some(od), Some(nd)) = (old_def, new_def) {
                let found = self.compare_def(dir, kind, od, nd);
                out.extend(found.iter().cloned());
            }
        }
    }

    /// Whether two differently named types are two types of both documents
    /// (a component of one that exists in the other) rather than one renamed type.
    fn swapped(&self, old: Option<&Def<'a>>, new: Option<&Def<'a>>) -> bool {
        fn component<'d>(d: Option<&'d Def<'_>>) -> Option<&'d str> {
            d.and_then(|d| d.pos.component_name())
        }
        component(old).is_some_and(|n| self.new.has_component(n))
            || component(new).is_some_and(|n| self.old.has_component(n))
    }

    /// Compares the contents of two named types (remembered per direction).
    fn compare_def(
        &mut self,
        dir: Dir,
        kind: &Kind<'a>,
        od: &Def<'a>,
        nd: &Def<'a>,
    ) -> Rc<Vec<Raw>> {
        // A schema node is at one place of its document, so its address names the position.
        let key = (
            dir,
            std::ptr::from_ref(od.schema) as usize,
            std::ptr::from_ref(nd.schema) as usize,
        );
        if let Some(found) = self.memo.get(&key) {
            return Rc::clone(found);
        }
        // A recursive type: its contents are being compared further up.
        if !self.busy.insert(key) {
            return Rc::default();
        }
        let mut out = Vec::new();
        match kind {
            Kind::Struct => self.compare_fields(dir, od, nd, &mut out),
            Kind::Enum { extensible } => self.compare_values(dir, *extensible, od, nd, &mut out),
            Kind::Union(_) => {
                let pairs = self.old.variants(od).into_iter().zip(self.new.variants(nd));
                for (o, n) in pairs {
                    self.compare(dir, Role::Field, &o, &n, &mut out);
                }
            }
            // The wrapped type is part of the shape, compared by the caller.
            Kind::Newtype(_) => {}
        }
        self.busy.remove(&key);
        let found = Rc::new(out);
        self.memo.insert(key, Rc::clone(&found));
        found
    }

    fn compare_fields(&mut self, dir: Dir, od: &Def<'a>, nd: &Def<'a>, out: &mut Vec<Raw>) {
        let ty = type_name(&nd.pos.name);
        let old_fields = self.old.fields(od);
        let new_fields = self.new.fields(nd);
        for f in &old_fields {
            if !new_fields.iter().any(|n| n.name == f.name) {
                let check = match dir {
                    Dir::Request => Check::RequestFieldRemoved,
                    Dir::Response => Check::ResponseFieldRemoved,
                };
                let loc = format!("{}.{}", nd.pos.loc, f.name);
                let message = format!("field `{}` removed from `{ty}`", f.name);
                out.push(Raw::new(check, &nd.pos, loc, message));
            }
        }
        for n in &new_fields {
            let Some(o) = old_fields.iter().find(|o| o.name == n.name) else {
                let (check, what) = match (dir, n.required) {
                    (Dir::Request, true) => (Check::RequiredRequestFieldAdded, "required field"),
                    (Dir::Request, false) => (Check::RequestFieldAdded, "optional field"),
                    (Dir::Response, _) => (Check::ResponseFieldAdded, "field"),
                };
                let message = format!("{what} `{}` added to `{ty}`", n.name);
                out.push(Raw::new(check, &n.pos, n.pos.loc.clone(), message));
                continue;
            };
            let (old_full, new_full) = (self.old.field_ty(o), self.new.field_ty(n));
            let (old_ty, was_opt) = old_full.clone().strip_option();
            let (new_ty, is_opt) = new_full.clone().strip_option();
            if !old_ty.same_shape(&new_ty) {
                // Optionality may follow from the new type (optional arrays are
                // plain `Vec`s): one finding for the whole field type.
                self.compare_tys(dir, Role::Field, &old_full, &new_full, &n.pos, out);
                continue;
            }
            let optionality = match (dir, was_opt, is_opt) {
                (Dir::Request, true, false) => Some((Check::RequestFieldRequired, "required")),
                (Dir::Request, false, true) => Some((Check::RequestFieldOptional, "optional")),
                (Dir::Response, true, false) => Some((Check::ResponseFieldRequired, "required")),
                (Dir::Response, false, true) => Some((Check::ResponseFieldOptional, "optional")),
                _ => None,
            };
            if let Some((check, now)) = optionality {
                let message = format!(
                    "field `{}` of `{ty}` is now {now} (`{}` → `{}`)",
                    n.name,
                    old_full.render(),
                    new_full.render()
                );
                out.push(Raw::new(check, &n.pos, n.pos.loc.clone(), message));
            }
            self.compare_tys(dir, Role::Field, &old_ty, &new_ty, &n.pos, out);
        }
    }

    fn compare_values(
        &mut self,
        dir: Dir,
        extensible: bool,
        od: &Def<'a>,
        nd: &Def<'a>,
        out: &mut Vec<Raw>,
    ) {
        let ty = type_name(&nd.pos.name);
        let old_values = self.old.enum_values(od);
        let new_values = self.new.enum_values(nd);
        for v in new_values.iter().filter(|v| !old_values.contains(v)) {
            let (check, message) = match (dir, extensible) {
                (Dir::Response, true) => (
                    Check::ResponseExtensibleEnumValueAdded,
                    format!("value `{v}` added to extensible enum `{ty}` (older clients read it as the catch-all variant)"),
                ),
                (Dir::Response, false) => (
                    Check::ResponseEnumValueAdded,
                    format!("value `{v}` added to closed enum `{ty}`"),
                ),
                (Dir::Request, _) => (
                    Check::RequestEnumValueAdded,
                    format!("value `{v}` added to enum `{ty}`"),
                ),
            };
            out.push(Raw::new(check, &nd.pos, nd.pos.loc.clone(), message));
        }
        for v in old_values.iter().filter(|v| !new_values.contains(v)) {
            let check = match dir {
                Dir::Request => Check::RequestEnumValueRemoved,
                Dir::Response => Check::ResponseEnumValueRemoved,
            };
            let message = format!("value `{v}` removed from enum `{ty}`");
            out.push(Raw::new(check, &nd.pos, nd.pos.loc.clone(), message));
        }
    }
}
