//! The project's `x-` extensions: what the spec declares beyond OpenAPI about
//! how an operation behaves at run time. `spec/EXTENSIONS.md` documents them
//! for spec authors; this module is their one parser, used by `check` (which
//! locates every problem) and by the generator (which emits the runtime
//! tables and streams from them).

use serde_json::Value;

/// Response enums that may gain values: generated with an `Unknown(String)`
/// variant (see `open_enum`).
pub const OPEN_ENUM: &str = "x-extensible-enum";
/// How a list operation pages (an operation extension).
pub const PAGINATION: &str = "x-pagination";
/// The rate limit and batch size the API documents for an operation.
pub const RATE_LIMIT: &str = "x-rate-limit";
/// Which of the client's keys a security scheme stands for (a security
/// scheme extension).
pub const CREDENTIAL: &str = "x-credential";
/// How a string schema encodes a moment (a component schema extension):
/// `epoch-millis` makes the generated parameters and fields the client's
/// `EpochMillis`, which converts from `chrono` times.
pub const TIME: &str = "x-time";
/// The one value [`TIME`] takes today.
pub const TIME_EPOCH_MILLIS: &str = "epoch-millis";
/// The cargo feature that generates a tag's operations (a tag extension; see
/// [`crate::features`]).
pub const FEATURE: &str = "x-feature";
/// The operation that replaces a deprecated one (an operation extension: its
/// `operationId`, or `null` when the API names no replacement).
pub const REPLACED_BY: &str = "x-replaced-by";

/// A problem in an extension's value: where inside it, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtensionError {
    /// JSON pointer below the extension's own node (`""` for the node).
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

fn error(pointer: impl Into<String>, message: impl Into<String>) -> ExtensionError {
    ExtensionError {
        pointer: pointer.into(),
        message: message.into(),
    }
}

/// A dot-separated path of property names into a response body
/// (`links.next`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath(pub Vec<String>);

impl FieldPath {
    fn parse(value: &Value, at: &str) -> Result<Self, ExtensionError> {
        let text = value
            .as_str()
            .ok_or_else(|| error(at, "expected a field path such as `links.next`"))?;
        let parts: Vec<String> = text.split('.').map(str::to_owned).collect();
        if parts.iter().any(String::is_empty) {
            return Err(error(at, format!("`{text}` has an empty segment")));
        }
        Ok(Self(parts))
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("."))
    }
}

/// Where the next page's position goes in the request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CursorIn {
    /// A query parameter.
    Query(String),
    /// A field of the JSON request body; with `alone`, the next request's
    /// body carries the cursor and nothing else (the API rejects anything
    /// beside it).
    Body {
        /// The body field.
        field: String,
        /// Whether the other fields are dropped.
        alone: bool,
    },
    /// Nowhere: the next page is fetched from the URL the page links to.
    Link,
}

/// How a list operation pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pagination {
    /// Deliberately no stream, although the operation looks paginated.
    None {
        /// Why.
        reason: String,
    },
    /// An opaque cursor (or a link carrying a `cursor` query parameter) read
    /// from the page and sent back.
    Cursor {
        /// Where it goes.
        cursor: CursorIn,
        /// Where it is read; the first one present wins.
        next: Vec<FieldPath>,
        /// The page's items.
        items: FieldPath,
        /// The list grows at its end (an event feed): also a `follow` stream.
        feed: bool,
    },
    /// A 1-based index (SCIM `startIndex`): the next one is computed from
    /// the page's own start, size and total.
    Index {
        /// The query parameter taking the index.
        param: String,
        /// The page's start index.
        start: FieldPath,
        /// How many items the page holds.
        count: FieldPath,
        /// How many items the whole list holds.
        total: FieldPath,
        /// The page's items.
        items: FieldPath,
    },
}

impl Pagination {
    /// Parses the value of `x-pagination`.
    pub fn parse(value: &Value) -> Result<Self, ExtensionError> {
        let map = value.as_object().ok_or_else(|| {
            error(
                "",
                "expected a mapping with `style` (cursor, link, index or none)",
            )
        })?;
        let allowed: &[&str] = match map.get("style").and_then(Value::as_str) {
            Some("none") => &["style", "reason"],
            Some("cursor") => &[
                "style",
                "param",
                "body-field",
                "body-alone",
                "next",
                "items",
                "feed",
            ],
            Some("link") => &["style", "next", "items"],
            Some("index") => &["style", "param", "start", "count", "total", "items"],
            Some(other) => {
                return Err(error(
                    "/style",
                    format!(
                        "unknown pagination style `{other}`: expected cursor, link, index or none"
                    ),
                ))
            }
            None => return Err(error("", "`style` is missing: cursor, link, index or none")),
        };
        if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(error(
                format!("/{key}"),
                format!(
                    "`{key}` does not belong here: expected one of {}",
                    allowed.join(", ")
                ),
            ));
        }
        let text = |key: &str| -> Result<String, ExtensionError> {
            match map.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
                Some(_) => Err(error(
                    format!("/{key}"),
                    format!("`{key}` must be a non-empty string"),
                )),
                None => Err(error("", format!("`{key}` is missing"))),
            }
        };
        let path = |key: &str| -> Result<FieldPath, ExtensionError> {
            let v = map
                .get(key)
                .ok_or_else(|| error("", format!("`{key}` is missing")))?;
            FieldPath::parse(v, &format!("/{key}"))
        };
        let next = || -> Result<Vec<FieldPath>, ExtensionError> {
            match map.get("next") {
                Some(Value::Array(list)) if !list.is_empty() => list
                    .iter()
                    .enumerate()
                    .map(|(i, v)| FieldPath::parse(v, &format!("/next/{i}")))
                    .collect(),
                Some(Value::Array(_)) => Err(error("/next", "`next` lists no field")),
                Some(v) => Ok(vec![FieldPath::parse(v, "/next")?]),
                None => Err(error("", "`next` is missing")),
            }
        };
        let flag = |key: &str| -> Result<bool, ExtensionError> {
            match map.get(key) {
                None => Ok(false),
                Some(Value::Bool(b)) => Ok(*b),
                Some(_) => Err(error(
                    format!("/{key}"),
                    format!("`{key}` must be true or false"),
                )),
            }
        };
        match map.get("style").and_then(Value::as_str) {
            Some("none") => Ok(Pagination::None {
                reason: text("reason")?,
            }),
            Some("link") => Ok(Pagination::Cursor {
                cursor: CursorIn::Link,
                next: next()?,
                items: path("items")?,
                feed: false,
            }),
            Some("index") => Ok(Pagination::Index {
                param: text("param")?,
                start: path("start")?,
                count: path("count")?,
                total: path("total")?,
                items: path("items")?,
            }),
            _ => {
                let cursor =
                    match (map.contains_key("param"), map.contains_key("body-field")) {
                        (true, false) if !map.contains_key("body-alone") => {
                            CursorIn::Query(text("param")?)
                        }
                        (true, false) => {
                            return Err(error("/body-alone", "`body-alone` goes with `body-field`"))
                        }
                        (false, true) => CursorIn::Body {
                            field: text("body-field")?,
                            alone: flag("body-alone")?,
                        },
                        _ => return Err(error(
                            "",
                            "a cursor goes in exactly one place: `param` (query) or `body-field`",
                        )),
                    };
                Ok(Pagination::Cursor {
                    cursor,
                    next: next()?,
                    items: path("items")?,
                    feed: flag("feed")?,
                })
            }
        }
    }
}

/// A documented rate limit and batch size of one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window.
    pub requests: u32,
    /// The window, in seconds.
    pub per_seconds: u32,
    /// The largest batch one request may carry: (body field, items).
    pub batch: Option<(String, u32)>,
    /// The name of a window several operations count against together
    /// (`shared: events`); `None`: the operation's own.
    pub shared: Option<String>,
}

impl RateLimit {
    /// Parses the value of `x-rate-limit`:
    /// `{requests: 10, per-seconds: 60, batch: {field: emails, max: 500}, shared: events}`.
    pub fn parse(value: &Value) -> Result<Self, ExtensionError> {
        let map = value
            .as_object()
            .ok_or_else(|| error("", "expected a mapping with `requests` and `per-seconds`"))?;
        if let Some(key) = map
            .keys()
            .find(|k| !["requests", "per-seconds", "batch", "shared"].contains(&k.as_str()))
        {
            return Err(error(
                format!("/{key}"),
                format!(
                    "`{key}` does not belong here: expected requests, per-seconds, batch, shared"
                ),
            ));
        }
        let shared = match map.get("shared") {
            None => None,
            Some(v) => Some(
                v.as_str()
                    .filter(|s| crate::features::valid_name(s))
                    .ok_or_else(|| {
                        error(
                            "/shared",
                            "expected a window name: lowercase letters, digits and `-`",
                        )
                    })?
                    .to_owned(),
            ),
        };
        let positive = |v: Option<&Value>, at: &str| -> Result<u32, ExtensionError> {
            v.and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n > 0)
                .ok_or_else(|| error(at, "expected a whole number from 1 to 4294967295"))
        };
        let batch = match map.get("batch") {
            None => None,
            Some(b) => {
                let field = b
                    .get("field")
                    .and_then(Value::as_str)
                    .filter(|f| !f.is_empty())
                    .ok_or_else(|| {
                        error("/batch/field", "expected the body field holding the batch")
                    })?;
                Some((field.to_owned(), positive(b.get("max"), "/batch/max")?))
            }
        };
        Ok(RateLimit {
            requests: positive(map.get("requests"), "/requests")?,
            per_seconds: positive(map.get("per-seconds"), "/per-seconds")?,
            batch,
            shared,
        })
    }

    /// The sentence the method's documentation gets.
    pub fn describe(&self) -> String {
        let window = match self.per_seconds {
            60 => "a minute".to_owned(),
            3600 => "an hour".to_owned(),
            1 => "a second".to_owned(),
            s => format!("per {s} seconds"),
        };
        let mut text = format!(
            "Rate limit: {} request{} {window}.",
            self.requests,
            if self.requests == 1 { "" } else { "s" }
        );
        if let Some(shared) = &self.shared {
            text.push_str(&format!(
                " The window `{shared}` counts the requests of every operation that shares it."
            ));
        }
        if let Some((field, max)) = &self.batch {
            text.push_str(&format!(" At most {max} items in `{field}` per request."));
        }
        text
    }
}

/// What `x-replaced-by` declares about a deprecated operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplacedBy {
    /// The API names no replacement (`x-replaced-by: null`).
    Nothing,
    /// This operation (by `operationId`) replaces it.
    Operation(String),
}

impl ReplacedBy {
    /// Parses the value of `x-replaced-by`: an `operationId` or `null`.
    pub fn parse(value: &Value) -> Result<Self, ExtensionError> {
        match value {
            Value::Null => Ok(ReplacedBy::Nothing),
            Value::String(id) if !id.trim().is_empty() => Ok(ReplacedBy::Operation(id.clone())),
            _ => Err(error(
                "",
                "expected the operationId of the replacement, or `null` when there is none",
            )),
        }
    }
}

/// The client key a security scheme stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Credential {
    /// The organization API key (`ATLASSIAN_ADMIN_API_KEY`).
    Organization,
    /// A SCIM directory key (`ATLASSIAN_SCIM_API_KEY`).
    Scim,
}

impl Credential {
    /// Parses the value of `x-credential`: `organization` or `scim`.
    pub fn parse(value: &Value) -> Result<Self, ExtensionError> {
        match value.as_str() {
            Some("organization") => Ok(Credential::Organization),
            Some("scim") => Ok(Credential::Scim),
            _ => Err(error("", "expected `organization` or `scim`")),
        }
    }

    /// The variant of the client's `auth::KeyKind` it maps to.
    pub fn variant(self) -> &'static str {
        match self {
            Credential::Organization => "Organization",
            Credential::Scim => "Scim",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pagination_styles_parse() {
        let p = Pagination::parse(&json!({"style": "cursor", "param": "cursor", "next": ["meta.next", "links.next"], "items": "data"}))
            .expect("cursor style");
        assert_eq!(
            p,
            Pagination::Cursor {
                cursor: CursorIn::Query("cursor".into()),
                next: vec![
                    FieldPath(vec!["meta".into(), "next".into()]),
                    FieldPath(vec!["links".into(), "next".into()])
                ],
                items: FieldPath(vec!["data".into()]),
                feed: false,
            }
        );
        let p = Pagination::parse(&json!({"style": "cursor", "body-field": "cursor", "body-alone": true, "next": "links.next", "items": "data"}))
            .expect("body cursor");
        assert!(matches!(
            p,
            Pagination::Cursor {
                cursor: CursorIn::Body { alone: true, .. },
                ..
            }
        ));
        assert!(matches!(
            Pagination::parse(&json!({"style": "none", "reason": "single page"})),
            Ok(Pagination::None { .. })
        ));
    }

    #[test]
    fn pagination_errors_point_inside_the_extension() {
        let cases = [
            (json!({"style": "pages"}), "/style"),
            (
                json!({"style": "cursor", "param": "c", "next": "a", "items": "d", "extra": 1}),
                "/extra",
            ),
            (
                json!({"style": "cursor", "param": "c", "body-field": "c", "next": "a", "items": "d"}),
                "",
            ),
            (
                json!({"style": "cursor", "param": "c", "next": "a..b", "items": "d"}),
                "/next",
            ),
            (json!({"style": "none"}), ""),
            (json!("cursor"), ""),
        ];
        for (value, pointer) in cases {
            let e = Pagination::parse(&value).expect_err("rejected");
            assert_eq!(e.pointer, pointer, "{value}: {}", e.message);
        }
    }

    #[test]
    fn rate_limits_parse_and_describe() {
        let r = RateLimit::parse(
            &json!({"requests": 10, "per-seconds": 60, "batch": {"field": "emails", "max": 500}}),
        )
        .expect("parses");
        assert_eq!(
            r.describe(),
            "Rate limit: 10 requests a minute. At most 500 items in `emails` per request."
        );
        let e = RateLimit::parse(&json!({"requests": 0, "per-seconds": 60})).expect_err("zero");
        assert_eq!(e.pointer, "/requests");
        let r = RateLimit::parse(&json!({"requests": 10, "per-seconds": 60, "shared": "events"}))
            .expect("shared");
        assert_eq!(r.shared.as_deref(), Some("events"));
        assert_eq!(
            r.describe(),
            "Rate limit: 10 requests a minute. The window `events` counts the requests of every operation that shares it."
        );
        let e = RateLimit::parse(&json!({"requests": 1, "per-seconds": 1, "shared": "Two Words"}))
            .expect_err("bad name");
        assert_eq!(e.pointer, "/shared");
    }

    #[test]
    fn replacements_parse() {
        assert_eq!(
            ReplacedBy::parse(&json!("listUsersV2")),
            Ok(ReplacedBy::Operation("listUsersV2".into()))
        );
        assert_eq!(ReplacedBy::parse(&json!(null)), Ok(ReplacedBy::Nothing));
        for bad in [json!(""), json!(3), json!(["a"])] {
            assert!(ReplacedBy::parse(&bad).is_err(), "{bad}");
        }
    }
}
