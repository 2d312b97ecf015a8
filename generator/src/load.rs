//! Reading the spec: YAML text into an `openapiv3::OpenAPI`, keeping the text
//! so that later stages can point at lines.

use std::fmt;
use std::path::{Path, PathBuf};

/// A parsed spec together with where it came from.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Path the spec was read from (for messages).
    pub path: PathBuf,
    /// The raw YAML text.
    pub text: String,
    /// The parsed document.
    pub openapi: openapiv3::OpenAPI,
}

/// Why a spec could not be loaded.
#[derive(Debug)]
pub struct LoadError {
    /// The file concerned.
    pub path: PathBuf,
    /// 1-based line and column of the problem, when the parser knows it.
    pub location: Option<(usize, usize)>,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, col)) => write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                line,
                col,
                self.message
            ),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for LoadError {}

/// The largest spec file any tool reads, in bytes: 4 MiB, 9.8x the curated
/// spec and 13x the largest official file. Parsing is linear but costly per
/// byte (a 50 MB spec took 71 s and 2.9 GB in a debug build), so a larger
/// file is refused from its length alone, before it is read.
pub const MAX_SPEC_BYTES: u64 = 4 * 1024 * 1024;

/// The error for a spec of `len` bytes, if that is over [`MAX_SPEC_BYTES`].
pub fn too_large(path: &Path, len: u64) -> Option<LoadError> {
    (len > MAX_SPEC_BYTES).then(|| LoadError {
        path: path.to_owned(),
        location: Some((1, 1)),
        message: format!(
            "the spec is {len} bytes, over the {MAX_SPEC_BYTES}-byte limit of the spec tools \
             (the curated spec is under 0.5 MB): split it, or drop what the client does not need"
        ),
    })
}

/// Reads and parses the spec file at `path`; a file over [`MAX_SPEC_BYTES`]
/// is refused before it is read.
pub fn load_spec(path: &Path) -> Result<Spec, LoadError> {
    if let Some(e) = std::fs::metadata(path)
        .ok()
        .and_then(|m| too_large(path, m.len()))
    {
        return Err(e);
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError {
        path: path.to_owned(),
        location: Some((1, 1)),
        message: format!("cannot read the spec: {e}"),
    })?;
    parse_spec(path, decode(path, bytes)?)
}

/// The spec text of raw file contents: UTF-8 (a leading byte order mark is
/// dropped), or an error located at the first invalid byte.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(strip_bom(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..at]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError {
                path: path.to_owned(),
                location: Some((line, column)),
                message: format!(
                    "not UTF-8 text: invalid byte 0x{:02X} at byte offset {at} (save the spec as UTF-8)",
                    bytes[at]
                ),
            })
        }
    }
}

/// `text` without a leading UTF-8 byte order mark.
pub fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Whether the text is a JSON document (its first non-blank character is `{`).
pub fn is_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// Parses spec text that was read from `path` (the path is used in messages only).
///
/// The text is first read once as a plain tree under the same guards as
/// `check` ([`parse_tree`]: bounded alias expansion, no duplicate keys, no
/// integer beyond 64 bits), so that an alias bomb fails fast and a duplicate
/// key is an error here too rather than a silent last-wins or a panic inside
/// openapiv3. JSON text is read by serde_json (several times faster than the
/// YAML parser on the official specs).
pub fn parse_spec(path: &Path, text: String) -> Result<Spec, LoadError> {
    if let Some(e) = too_large(path, text.len() as u64) {
        return Err(e);
    }
    let text = strip_bom(text);
    if is_json(&text) {
        json_keys_unique(path, &text)?;
        return parse_spec_unbounded(path, text);
    }
    let tree = parse_tree(path, &text)?;
    spec_from_tree(path, text, tree)
}

/// The typed document of `tree`, which [`parse_tree`] read from `text`:
/// converted from the tree rather than by parsing the text a second time
/// (about half of a YAML spec's load time). Where the conversion is stricter
/// than a text parse (an unquoted `version: 1.0` is a number in the tree, a
/// string to the text parser) or fails, the text is parsed, which also
/// locates a real error.
pub(crate) fn spec_from_tree(
    path: &Path,
    text: String,
    tree: serde_yaml::Value,
) -> Result<Spec, LoadError> {
    match serde_yaml::from_value::<openapiv3::OpenAPI>(tree) {
        Ok(openapi) => Ok(Spec {
            path: path.to_owned(),
            text,
            openapi,
        }),
        Err(_) => parse_spec_unbounded(path, text),
    }
}

/// [`parse_spec`] for text already read by [`parse_tree`].
pub(crate) fn parse_spec_unbounded(path: &Path, text: String) -> Result<Spec, LoadError> {
    let parsed = if is_json(&text) {
        serde_json::from_str::<openapiv3::OpenAPI>(&text).map_err(|e| {
            (
                (e.line().max(1), e.column().max(1)),
                strip_json_location(&e),
            )
        })
    } else {
        serde_yaml::from_str::<openapiv3::OpenAPI>(&text)
            .map_err(|e| (yaml_location(&e, &text), strip_location(&e)))
    };
    match parsed {
        Ok(openapi) => Ok(Spec {
            path: path.to_owned(),
            text,
            openapi,
        }),
        Err((location, reason)) => Err(LoadError {
            path: path.to_owned(),
            location: Some(location),
            message: format!("not a valid OpenAPI 3.0 document: {reason}"),
        }),
    }
}

/// The JSON counterpart of [`parse_tree`]'s guards: a duplicate key is a
/// located error (JSON has no aliases, serde_json bounds the nesting itself
/// and reads integers beyond 64 bits as floats). Only the keys are looked at,
/// borrowed from the text where they have no escapes, so the guard costs a
/// fraction of the typed parse.
fn json_keys_unique(path: &Path, text: &str) -> Result<(), LoadError> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(unique_keys::UniqueKeys, &mut de)
        .and_then(|()| de.end())
        .map_err(|e| LoadError {
            path: path.to_owned(),
            location: Some((e.line().max(1), e.column().max(1))),
            message: format!("not valid JSON: {}", strip_json_location(&e)),
        })
}

mod unique_keys {
    //! A visitor that walks a document and fails on the first duplicate key
    //! of a mapping, building nothing.
    use std::borrow::Cow;
    use std::collections::HashSet;
    use std::fmt;

    use serde::de::{self, DeserializeSeed, Visitor};

    #[derive(Clone, Copy)]
    pub struct UniqueKeys;

    impl<'de> DeserializeSeed<'de> for UniqueKeys {
        type Value = ();
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for UniqueKeys {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(self)?.is_some() {}
            Ok(())
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut seen: HashSet<Cow<'de, str>> = HashSet::new();
            while let Some(key) = map.next_key_seed(Key)? {
                if seen.contains(&key) {
                    return Err(de::Error::custom(format_args!(
                        "duplicate entry with key {key:?}"
                    )));
                }
                seen.insert(key);
                map.next_value_seed(self)?;
            }
            Ok(())
        }
    }

    /// A mapping key, borrowed from the text when it has no escapes.
    struct Key;

    impl<'de> DeserializeSeed<'de> for Key {
        type Value = Cow<'de, str>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
    }

    impl<'de> Visitor<'de> for Key {
        type Value = Cow<'de, str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a key")
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }
    }
}

/// How many YAML nodes beyond the text's length in bytes alias expansion may
/// produce. Without aliases a document has fewer nodes than bytes, so this
/// only ever stops alias bombs (a 1.5 MB bomb expands to billions of nodes).
pub const ALIAS_EXPANSION_ALLOWANCE: usize = 100_000;

/// Parses YAML text into a tree, counting every node that alias expansion
/// produces: more than the text's length plus [`ALIAS_EXPANSION_ALLOWANCE`]
/// fails, located where the expansion ran over. Integers that fit in no 64-bit
/// type are reported as such (located), not as invalid YAML.
pub fn parse_tree(path: &Path, text: &str) -> Result<serde_yaml::Value, LoadError> {
    flow_depth_within_bounds(path, text)?;
    let budget = std::cell::Cell::new(text.len() + ALIAS_EXPANSION_ALLOWANCE);
    let de = serde_yaml::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(bounded::Bounded { budget: &budget }, de).map_err(|e| {
        let message = strip_location(&e);
        let message =
            if message.contains(bounded::TOO_MANY) || message.contains(bounded::OUT_OF_RANGE) {
                message
            } else {
                format!("not valid YAML: {message}")
            };
        LoadError {
            path: path.to_owned(),
            location: Some(yaml_location(&e, text)),
            message,
        }
    })
}

/// The deepest flow nesting (`[[[...`, `{{{...`) let through to the YAML
/// parser: libyaml's scanner is quadratic in it (500,000 levels: minutes),
/// and serde_yaml rejects anything deeper than 128 levels anyway.
pub const MAX_FLOW_DEPTH: usize = 1000;

/// A linear pre-scan of the flow brackets that open a node (after `:`, `-`,
/// `[`, `{`, `,` or at the start of a line), skipping quoted scalars and
/// comments: deeper than [`MAX_FLOW_DEPTH`] fails, located at the bracket.
fn flow_depth_within_bounds(path: &Path, text: &str) -> Result<(), LoadError> {
    let bytes = text.as_bytes();
    let (mut depth, mut line, mut line_start) = (0usize, 1usize, 0usize);
    let mut prev = b'\n'; // last non-blank byte
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let node_start = matches!(prev, b'\n' | b':' | b'-' | b'[' | b'{' | b',');
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                prev = b'\n';
            }
            b' ' | b'\t' | b'\r' => {}
            b'#' if matches!(
                bytes.get(i.wrapping_sub(1)),
                None | Some(b' ' | b'\t' | b'\n')
            ) =>
            {
                while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                    i += 1;
                }
            }
            b'"' | b'\'' if node_start => {
                i += 1;
                while i < bytes.len() && bytes[i] != b {
                    if bytes[i] == b'\\' && b == b'"' {
                        i += 1;
                    } else if bytes[i] == b'\n' {
                        line += 1;
                        line_start = i + 1;
                    }
                    i += 1;
                }
                prev = b;
            }
            b'[' | b'{' if node_start => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(LoadError {
                        path: path.to_owned(),
                        location: Some((line, text[line_start..i].chars().count() + 1)),
                        message: format!(
                            "not valid YAML: flow collections nested more than {MAX_FLOW_DEPTH} levels deep"
                        ),
                    });
                }
                prev = b;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                prev = b;
            }
            _ => prev = b,
        }
        i += 1;
    }
    Ok(())
}

/// Where a serde_yaml error is: its own mark, else (a second document, the
/// repetition limit) the second document's `---`, else the start.
pub(crate) fn yaml_location(e: &serde_yaml::Error, text: &str) -> (usize, usize) {
    if let Some(l) = e.location() {
        return (l.line(), l.column());
    }
    text.lines()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.starts_with("---") || l.starts_with("..."))
        .map_or((1, 1), |(i, _)| (i + 1, 1))
}

fn strip_json_location(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

mod bounded {
    //! A `serde_yaml::Value` built under a node budget.
    use std::cell::Cell;
    use std::fmt;

    use serde::de::{self, DeserializeSeed, Visitor};
    use serde_yaml::value::{Tag, TaggedValue};
    use serde_yaml::{Mapping, Number, Value};

    pub const TOO_MANY: &str = "YAML aliases expand to too many nodes";
    pub const OUT_OF_RANGE: &str = "is out of range";

    #[derive(Clone, Copy)]
    pub struct Bounded<'c> {
        pub budget: &'c Cell<usize>,
    }

    impl Bounded<'_> {
        fn take<E: de::Error>(self) -> Result<(), E> {
            match self.budget.get().checked_sub(1) {
                Some(left) => {
                    self.budget.set(left);
                    Ok(())
                }
                None => Err(E::custom(format!(
                    "{TOO_MANY} (more than the text's length plus {}): an alias bomb? Write the repeated parts out or use `$ref`",
                    super::ALIAS_EXPANSION_ALLOWANCE
                ))),
            }
        }
    }

    impl<'de> DeserializeSeed<'de> for Bounded<'_> {
        type Value = Value;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Bounded<'_> {
        type Value = Value;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any YAML value")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
            self.take()?;
            Ok(Value::Bool(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
            self.take()?;
            Ok(Value::Number(v.into()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
            self.take()?;
            Ok(Value::Number(v.into()))
        }
        fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
            Err(E::custom(format!(
                "integer literal `{v}` {OUT_OF_RANGE}: integers must fit in 64 bits (quote it, or write it as a float)"
            )))
        }
        fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
            Err(E::custom(format!(
                "integer literal `{v}` {OUT_OF_RANGE}: integers must fit in 64 bits (quote it, or write it as a float)"
            )))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
            self.take()?;
            Ok(Value::Number(Number::from(v)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
            self.take()?;
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
            self.take()?;
            Ok(Value::String(v))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
            self.take()?;
            Ok(Value::Null)
        }
        fn visit_none<E: de::Error>(self) -> Result<Value, E> {
            self.visit_unit()
        }
        fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            self.deserialize(d)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            self.take()?;
            let mut out = Vec::new();
            while let Some(v) = seq.next_element_seed(self)? {
                out.push(v);
            }
            Ok(Value::Sequence(out))
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            self.take()?;
            let mut out = Mapping::new();
            while let Some(k) = map.next_key_seed(self)? {
                let v = map.next_value_seed(self)?;
                // As serde_yaml's own `Value` does (openapiv3 panics on some
                // duplicate keys).
                if out.contains_key(&k) {
                    let key = match &k {
                        Value::String(s) => format!("{s:?}"),
                        other => serde_yaml::to_string(other)
                            .unwrap_or_default()
                            .trim()
                            .to_owned(),
                    };
                    return Err(de::Error::custom(format_args!(
                        "duplicate entry with key {key}"
                    )));
                }
                out.insert(k, v);
            }
            Ok(Value::Mapping(out))
        }
        fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
            use de::VariantAccess;
            self.take()?;
            let (tag, variant) = data.variant::<String>()?;
            let value = variant.newtype_variant_seed(self)?;
            Ok(Value::Tagged(Box::new(TaggedValue {
                tag: Tag::new(tag),
                value,
            })))
        }
    }
}

/// serde_yaml appends " at line L column C" to its messages; we report the
/// location separately, so drop the suffix.
pub(crate) fn strip_location(e: &serde_yaml::Error) -> String {
    let msg = e.to_string();
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

/// The parameter `p` refers to: itself, or the component it references.
pub fn resolve_parameter<'a>(
    spec: &'a openapiv3::OpenAPI,
    p: &'a openapiv3::ReferenceOr<openapiv3::Parameter>,
) -> Option<&'a openapiv3::Parameter> {
    match p {
        openapiv3::ReferenceOr::Item(p) => Some(p),
        openapiv3::ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/parameters/")?;
            spec.components.as_ref()?.parameters.get(name)?.as_item()
        }
    }
}
