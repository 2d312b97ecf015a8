//! The Rust view of a schema: which Rust type progenitor (through typify)
//! generates at a position of the spec, and under which name.
//!
//! Naming follows progenitor: a component keeps its (PascalCase) name; an inline
//! schema that needs a type of its own is named after where it sits: the
//! operation (`{operationId}-body`, `{operationId}-response`,
//! `{operationId}-{param}`), then each property (`{parent}-{property}`) and array
//! item (`{parent}-item`), all in PascalCase. So moving an inline schema into a
//! component renames its type, which the diff reports as `type-renamed`.

use std::collections::BTreeMap;

use openapiv3::{
    IntegerFormat, NumberFormat, OpenAPI, ReferenceOr, Schema, SchemaKind, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// A schema as written at a position: a reference or an inline schema.
#[derive(Clone, Copy)]
pub(crate) enum Node<'a> {
    /// `$ref` to a component schema.
    Ref(&'a str),
    /// An inline schema.
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for Node<'a> {
    fn from(r: &'a ReferenceOr<Schema>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => Node::Ref(reference),
            ReferenceOr::Item(s) => Node::Inline(s),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for Node<'a> {
    fn from(r: &'a ReferenceOr<Box<Schema>>) -> Self {
        match r {
            ReferenceOr::Reference { reference } => Node::Ref(reference),
            ReferenceOr::Item(s) => Node::Inline(s),
        }
    }
}

/// A schema together with where it is: its JSON pointer segments, a readable
/// location, and the name a type generated for it would get.
#[derive(Clone)]
pub(crate) struct Pos<'a> {
    pub node: Node<'a>,
    pub ptr: Vec<String>,
    pub loc: String,
    pub name: String,
}

impl<'a> Pos<'a> {
    /// The component name, when this is a component schema itself.
    pub fn component_name(&self) -> Option<&str> {
        match self.ptr.as_slice() {
            [c, s, name] if c == "components" && s == "schemas" => Some(name),
            _ => None,
        }
    }

    /// A position one step below this one.
    pub fn child(&self, node: Node<'a>, ptr: &[&str], loc: &str, name: &str) -> Pos<'a> {
        let mut p = self.ptr.clone();
        p.extend(ptr.iter().map(|s| (*s).to_owned()));
        Pos {
            node,
            ptr: p,
            loc: format!("{}{loc}", self.loc),
            name: format!("{}-{name}", self.name),
        }
    }
}

/// What kind of named type is generated.
#[derive(Clone)]
pub(crate) enum Kind<'a> {
    Struct,
    Enum { extensible: bool },
    Union(usize),
    Newtype(Box<Ty<'a>>),
}

/// Where a named type is defined: its (resolved) schema and position.
#[derive(Clone)]
pub(crate) struct Def<'a> {
    pub pos: Pos<'a>,
    pub schema: &'a Schema,
}

/// A generated Rust type, with named types carrying the spec position that
/// defines them (so their contents can be compared).
#[derive(Clone)]
pub(crate) enum Ty<'a> {
    Named {
        /// The name as the spec has it; [`Ty::name`] is the Rust spelling
        /// (computed only when shown or when two raw names differ).
        raw: String,
        kind: Kind<'a>,
        /// The defining schema; `None` for a component that is only an alias.
        def: Option<Def<'a>>,
    },
    Vec(Box<Ty<'a>>),
    Map(Box<Ty<'a>>),
    Option(Box<Ty<'a>>),
    Prim(&'static str),
    Unit,
}

impl<'a> Ty<'a> {
    /// The Rust spelling of the type, as a reviewer reads it.
    pub fn render(&self) -> String {
        match self {
            Ty::Named { raw, .. } => type_name(raw),
            Ty::Vec(t) => format!("Vec<{}>", t.render()),
            Ty::Map(t) => format!("Map<String, {}>", t.render()),
            Ty::Option(t) => format!("Option<{}>", t.render()),
            Ty::Prim(p) => (*p).to_owned(),
            Ty::Unit => "()".to_owned(),
        }
    }

    /// Same Rust type up to the names of generated types.
    pub fn same_shape(&self, other: &Ty<'_>) -> bool {
        match (self, other) {
            (Ty::Named { kind: a, .. }, Ty::Named { kind: b, .. }) => match (a, b) {
                (Kind::Struct, Kind::Struct) => true,
                (Kind::Enum { extensible: x }, Kind::Enum { extensible: y }) => x == y,
                (Kind::Union(x), Kind::Union(y)) => x == y,
                (Kind::Newtype(x), Kind::Newtype(y)) => x.same_shape(y),
                _ => false,
            },
            (Ty::Vec(a), Ty::Vec(b))
            | (Ty::Map(a), Ty::Map(b))
            | (Ty::Option(a), Ty::Option(b)) => a.same_shape(b),
            (Ty::Prim(a), Ty::Prim(b)) => a == b,
            (Ty::Unit, Ty::Unit) => true,
            _ => false,
        }
    }

    /// The pairs of named types found at the same places of two same-shaped types.
    pub fn named_pairs<'t>(&'t self, other: &'t Ty<'a>, out: &mut Vec<(&'t Ty<'a>, &'t Ty<'a>)>) {
        match (self, other) {
            (Ty::Named { kind: a, .. }, Ty::Named { kind: b, .. }) => {
                out.push((self, other));
                if let (Kind::Newtype(x), Kind::Newtype(y)) = (a, b) {
                    x.named_pairs(y, out);
                }
            }
            (Ty::Vec(a), Ty::Vec(b))
            | (Ty::Map(a), Ty::Map(b))
            | (Ty::Option(a), Ty::Option(b)) => a.named_pairs(b, out),
            _ => {}
        }
    }

    /// The type without one outer `Option`, and whether there was one.
    pub fn strip_option(self) -> (Ty<'a>, bool) {
        match self {
            Ty::Option(t) => (*t, true),
            t => (t, false),
        }
    }
}

/// Resolves component schema references of one document.
pub(crate) struct Doc<'a> {
    pub api: &'a OpenAPI,
    /// The cargo feature each tag declares (`x-feature`), read once.
    pub tag_features: BTreeMap<&'a str, &'a str>,
}

impl<'a> Doc<'a> {
    /// The document `api`.
    pub fn new(api: &'a OpenAPI) -> Self {
        Self {
            api,
            tag_features: admin_api_generator::features::tag_features(api),
        }
    }

    /// The component a `$ref` names, as a position of its own.
    pub fn component(&self, reference: &str) -> Option<Pos<'a>> {
        let name = reference.strip_prefix(SCHEMA_PREFIX)?;
        let schema = self.api.components.as_ref()?.schemas.get(name)?;
        Some(Pos {
            node: schema.into(),
            ptr: vec!["components".into(), "schemas".into(), name.into()],
            loc: name.to_owned(),
            name: name.to_owned(),
        })
    }

    /// Whether the document has a component schema called `name`.
    pub fn has_component(&self, name: &str) -> bool {
        self.api
            .components
            .as_ref()
            .is_some_and(|c| c.schemas.contains_key(name))
    }

    /// Follows `$ref`s (component aliases included) to an inline schema.
    pub fn resolve(&self, pos: &Pos<'a>) -> Option<(Pos<'a>, &'a Schema)> {
        let mut cur = pos.clone();
        for _ in 0..32 {
            match cur.node {
                Node::Inline(s) => return Some((cur, s)),
                Node::Ref(r) => cur = self.component(r)?,
            }
        }
        None
    }

    /// The Rust type generated at `pos`.
    pub fn ty(&self, pos: &Pos<'a>) -> Ty<'a> {
        match pos.node {
            Node::Ref(r) => match self.component(r) {
                Some(target) => {
                    let (kind, def) = match target.node {
                        Node::Ref(_) => (Kind::Newtype(Box::new(self.ty(&target))), None),
                        Node::Inline(schema) => (
                            self.kind(&target, schema),
                            Some(Def {
                                pos: target.clone(),
                                schema,
                            }),
                        ),
                    };
                    Ty::Named {
                        raw: target.name.clone(),
                        kind,
                        def,
                    }
                }
                // A dangling reference: `check` reports it; here it is opaque.
                None => Ty::Prim("serde_json::Value"),
            },
            Node::Inline(s) => {
                let ty = self.inline_ty(pos, s);
                if s.schema_data.nullable && !matches!(ty, Ty::Option(_)) {
                    Ty::Option(Box::new(ty))
                } else {
                    ty
                }
            }
        }
    }

    /// The kind of named type a component schema generates.
    fn kind(&self, pos: &Pos<'a>, s: &'a Schema) -> Kind<'a> {
        match self.inline_ty(pos, s) {
            Ty::Named { kind, .. } => kind,
            other => Kind::Newtype(Box::new(other)),
        }
    }

    fn named(&self, pos: &Pos<'a>, schema: &'a Schema, kind: Kind<'a>) -> Ty<'a> {
        Ty::Named {
            raw: pos.name.clone(),
            kind,
            def: Some(Def {
                pos: pos.clone(),
                schema,
            }),
        }
    }

    fn inline_ty(&self, pos: &Pos<'a>, s: &'a Schema) -> Ty<'a> {
        match &s.schema_kind {
            SchemaKind::Type(Type::String(st)) => {
                if !st.enumeration.is_empty() || s.schema_data.extensions.contains_key(EXTENSIBLE) {
                    let extensible = s.schema_data.extensions.contains_key(EXTENSIBLE);
                    return self.named(pos, s, Kind::Enum { extensible });
                }
                match string_format(&st.format) {
                    Some("uuid") => Ty::Prim("uuid::Uuid"),
                    Some("date") => Ty::Prim("chrono::NaiveDate"),
                    Some("date-time") => Ty::Prim("chrono::DateTime<Utc>"),
                    Some("ip") => Ty::Prim("std::net::IpAddr"),
                    Some("ipv4") => Ty::Prim("std::net::Ipv4Addr"),
                    Some("ipv6") => Ty::Prim("std::net::Ipv6Addr"),
                    _ if st.min_length.is_some() || st.max_length.is_some() => {
                        // typify wraps length-constrained strings in a validating
                        // newtype (a `pattern` is only documented: generate/patterns.rs).
                        self.named(pos, s, Kind::Newtype(Box::new(Ty::Prim("String"))))
                    }
                    _ => Ty::Prim("String"),
                }
            }
            SchemaKind::Type(Type::Integer(it)) => Ty::Prim(integer_type(it)),
            SchemaKind::Type(Type::Number(nt)) => match nt.format {
                VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => Ty::Prim("f32"),
                _ => Ty::Prim("f64"),
            },
            SchemaKind::Type(Type::Boolean(_)) => Ty::Prim("bool"),
            SchemaKind::Type(Type::Array(at)) => match &at.items {
                Some(items) => Ty::Vec(Box::new(self.ty(&pos.child(
                    items.into(),
                    &["items"],
                    "[]",
                    "item",
                )))),
                None => Ty::Vec(Box::new(Ty::Prim("serde_json::Value"))),
            },
            SchemaKind::Type(Type::Object(ot)) => {
                if !ot.properties.is_empty() {
                    return self.named(pos, s, Kind::Struct);
                }
                match &ot.additional_properties {
                    Some(openapiv3::AdditionalProperties::Schema(v)) => {
                        Ty::Map(Box::new(self.ty(&pos.child(
                            (&**v).into(),
                            &["additionalProperties"],
                            "{}",
                            "value",
                        ))))
                    }
                    _ => Ty::Map(Box::new(Ty::Prim("serde_json::Value"))),
                }
            }
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => {
                self.ty(&pos.child((&all_of[0]).into(), &["allOf", "0"], "", "subtype0"))
            }
            SchemaKind::AllOf { .. } => self.named(pos, s, Kind::Struct),
            SchemaKind::OneOf { one_of: v } | SchemaKind::AnyOf { any_of: v } => {
                self.named(pos, s, Kind::Union(v.len()))
            }
            SchemaKind::Any(any) if !any.properties.is_empty() => self.named(pos, s, Kind::Struct),
            SchemaKind::Any(_) | SchemaKind::Not { .. } => Ty::Prim("serde_json::Value"),
        }
    }
}

/// The extension the project uses for response enums with a catch-all variant.
pub(crate) const EXTENSIBLE: &str = admin_api_generator::extensions::OPEN_ENUM;

/// The Rust name progenitor gives a type named `raw` in the spec.
pub(crate) use admin_api_generator::model::type_name;

fn string_format(f: &VariantOrUnknownOrEmpty<StringFormat>) -> Option<&str> {
    match f {
        VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Some("date"),
        VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Some("date-time"),
        VariantOrUnknownOrEmpty::Item(_) | VariantOrUnknownOrEmpty::Empty => None,
        VariantOrUnknownOrEmpty::Unknown(s) => Some(s),
    }
}

/// typify's choice of integer type: the format's type when the bounds fit it
/// (a `NonZero` one for `minimum: 1`), else a type whose exact range the
/// bounds spell, else `i64`.
fn integer_type(it: &openapiv3::IntegerType) -> &'static str {
    // (format, type, non-zero type, min, max), most restrictive first.
    const FORMATS: &[(&str, &str, &str, i128, i128)] = &[
        ("int8", "i8", "NonZeroU8", i8::MIN as i128, i8::MAX as i128),
        ("uint8", "u8", "NonZeroU8", 0, u8::MAX as i128),
        (
            "int16",
            "i16",
            "NonZeroU16",
            i16::MIN as i128,
            i16::MAX as i128,
        ),
        ("uint16", "u16", "NonZeroU16", 0, u16::MAX as i128),
        (
            "int32",
            "i32",
            "NonZeroU32",
            i32::MIN as i128,
            i32::MAX as i128,
        ),
        ("uint", "u32", "NonZeroU32", 0, u32::MAX as i128),
        ("uint32", "u32", "NonZeroU32", 0, u32::MAX as i128),
        (
            "int64",
            "i64",
            "NonZeroU64",
            i64::MIN as i128,
            i64::MAX as i128,
        ),
        ("uint64", "u64", "NonZeroU64", 0, u64::MAX as i128),
    ];
    let format = match &it.format {
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => Some("int32"),
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int64) => Some("int64"),
        VariantOrUnknownOrEmpty::Unknown(s) => Some(s.as_str()),
        VariantOrUnknownOrEmpty::Empty => None,
    };
    let (min, max) = (it.minimum.map(i128::from), it.maximum.map(i128::from));
    if let Some(&(_, ty, nz, lo, hi)) = FORMATS.iter().find(|f| Some(f.0) == format) {
        if it.multiple_of.is_none() && min.is_none_or(|m| m >= lo) && max.is_none_or(|m| m <= hi) {
            return if min == Some(1) { nz } else { ty };
        }
    }
    let by_bounds = FORMATS
        .iter()
        .rev()
        .find_map(|&(_, ty, nz, lo, hi)| match (min, max) {
            (Some(1), _) => Some(nz),
            (None, Some(x)) if x == hi => Some(ty),
            (Some(n), None) if n == lo => Some(ty),
            (Some(n), Some(x)) if n == lo && x == hi => Some(ty),
            _ => None,
        });
    by_bounds.unwrap_or("i64")
}

/// One field of a generated struct.
pub(crate) struct Field<'a> {
    pub name: String,
    pub pos: Pos<'a>,
    pub required: bool,
}

impl<'a> Doc<'a> {
    /// The fields of the struct defined at `def`, `allOf` members merged.
    pub fn fields(&self, def: &Def<'a>) -> Vec<Field<'a>> {
        let mut out: Vec<Field<'a>> = Vec::new();
        self.collect_fields(def, &mut out, 0);
        out
    }

    fn collect_fields(&self, def: &Def<'a>, out: &mut Vec<Field<'a>>, depth: usize) {
        let (props, required) = match &def.schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => (&o.properties, &o.required),
            SchemaKind::Any(a) => (&a.properties, &a.required),
            SchemaKind::AllOf { all_of } if depth < 16 => {
                for (i, member) in all_of.iter().enumerate() {
                    let mut at = def.pos.clone();
                    at.node = member.into();
                    at.ptr.extend(["allOf".to_owned(), i.to_string()]);
                    if let Some((pos, schema)) = self.resolve(&at) {
                        // Inline members merge under the parent's name and location.
                        let pos = if matches!(at.node, Node::Inline(_)) {
                            at
                        } else {
                            pos
                        };
                        self.collect_fields(&Def { pos, schema }, out, depth + 1);
                    }
                }
                return;
            }
            _ => return,
        };
        for (name, prop) in props {
            let required = required.contains(name);
            if let Some(existing) = out.iter_mut().find(|f| &f.name == name) {
                existing.required |= required;
                continue;
            }
            out.push(Field {
                name: name.clone(),
                pos: def.pos.child(
                    prop.into(),
                    &["properties", name],
                    &format!(".{name}"),
                    name,
                ),
                required,
            });
        }
    }

    /// The Rust type of a struct field: typify wraps optional fields in
    /// `Option`, except arrays and maps, which default to empty instead.
    pub fn field_ty(&self, field: &Field<'a>) -> Ty<'a> {
        let ty = self.ty(&field.pos);
        if field.required || matches!(ty, Ty::Option(_) | Ty::Vec(_) | Ty::Map(_)) {
            ty
        } else {
            Ty::Option(Box::new(ty))
        }
    }

    /// The values of the enum defined at `def` (closed or extensible).
    pub fn enum_values(&self, def: &Def<'a>) -> Vec<String> {
        if let Some(values) = def.schema.schema_data.extensions.get(EXTENSIBLE) {
            return values
                .as_array()
                .map(|v| v.iter().map(json_scalar).collect())
                .unwrap_or_default();
        }
        match &def.schema.schema_kind {
            SchemaKind::Type(Type::String(st)) => {
                st.enumeration.iter().flatten().cloned().collect()
            }
            _ => Vec::new(),
        }
    }

    /// The variants of the `oneOf`/`anyOf` defined at `def`.
    pub fn variants(&self, def: &Def<'a>) -> Vec<Pos<'a>> {
        let (list, key) = match &def.schema.schema_kind {
            SchemaKind::OneOf { one_of } => (one_of, "oneOf"),
            SchemaKind::AnyOf { any_of } => (any_of, "anyOf"),
            _ => return Vec::new(),
        };
        list.iter()
            .enumerate()
            .map(|(i, v)| {
                let i = i.to_string();
                def.pos.child(
                    v.into(),
                    &[key, &i],
                    &format!("#{i}"),
                    &format!("variant{i}"),
                )
            })
            .collect()
    }
}

fn json_scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
