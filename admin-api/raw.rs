//! A decoded value beside the exact JSON text it came from.
//!
//! The generated types keep what the spec names, typed, and skip members it
//! does not name; `chrono` times re-serialise in their own form
//! (`.120+00:00` becomes `.120Z`). Where data is stored or forwarded (an
//! audit log export, a backup of policies), [`Raw<T>`] keeps both: the typed
//! value to read, and the bytes the API sent, which it serialises unchanged.
//! Every operation with a JSON answer has `send_raw()`, and every paginated
//! one `raw_pages_from()`, yielding `Raw` items.
//!
//! ```
//! use atlassian_admin_api::Raw;
//!
//! #[derive(serde::Deserialize)]
//! struct Event { id: String }
//!
//! let text = r#"{"id":"e1","time":"2026-01-01T10:00:00.120+00:00","new":[1]}"#;
//! let event: Raw<Event> = serde_json::from_str(text)?;
//! assert_eq!(event.id, "e1"); // the typed view
//! assert_eq!(serde_json::to_string(&event)?, text); // the exact text
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;
use std::ops::Deref;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A value of type `T` and the exact JSON text it was decoded from.
///
/// `Deref`s to `T`; [`json`](Self::json) is the text; serialising with
/// `serde_json` writes the text unchanged (with another serializer, the
/// typed value would be lost: use [`json`](Self::json)).
#[derive(Clone)]
pub struct Raw<T> {
    json: Box<RawValue>,
    value: T,
}

impl<T> Raw<T> {
    /// The JSON text as the API sent it.
    pub fn json(&self) -> &str {
        self.json.get()
    }

    /// The typed value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The typed value, without the text.
    pub fn into_value(self) -> T {
        self.value
    }

    /// The text and the typed value.
    pub fn into_parts(self) -> (Box<RawValue>, T) {
        (self.json, self.value)
    }

    /// Joins a text with the value decoded from it (callers guarantee they match).
    pub(crate) fn from_parts(json: Box<RawValue>, value: T) -> Self {
        Self { json, value }
    }
}

impl<T: DeserializeOwned> Raw<T> {
    /// Decodes `json` into `T`, keeping the text.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        let value = serde_json::from_str(json)?;
        let json = RawValue::from_string(json.to_owned())?;
        Ok(Self { json, value })
    }
}

impl<T> Deref for Raw<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Raw<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Raw")
            .field("value", &self.value)
            .field("json", &self.json.get())
            .finish()
    }
}

impl<T> Serialize for Raw<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.json.serialize(serializer)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Raw<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = Box::<RawValue>::deserialize(deserializer)?;
        let value = serde_json::from_str(json.get()).map_err(D::Error::custom)?;
        Ok(Self { json, value })
    }
}

/// The JSON values at `path` (property names) in `json`: the elements of the
/// array there, or the one object there. `None` when the path is missing or
/// null, an error when the text does not parse.
pub(crate) fn values_at(
    json: &str,
    path: &[&str],
) -> Result<Vec<Box<RawValue>>, serde_json::Error> {
    let mut here: &RawValue = serde_json::from_str(json)?;
    for segment in path {
        let object: Option<std::collections::BTreeMap<String, &RawValue>> =
            serde_json::from_str(here.get())?;
        match object.and_then(|mut o| o.remove(*segment)) {
            Some(value) => here = value,
            None => return Ok(Vec::new()),
        }
    }
    let text = here.get();
    if text.starts_with('[') {
        let values: Vec<&RawValue> = serde_json::from_str(text)?;
        Ok(values.into_iter().map(RawValue::to_owned).collect())
    } else if text == "null" {
        Ok(Vec::new())
    } else {
        Ok(vec![here.to_owned()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_at_a_path_keep_their_text() {
        let page = r#"{"data": [ {"a": 1.50, "t": "2026-01-01T00:00:00.120+00:00"}, {"b":[]} ], "meta": {"next": null}}"#;
        let items = values_at(page, &["data"]).expect("parses");
        let texts: Vec<&str> = items.iter().map(|v| v.get()).collect();
        assert_eq!(
            texts,
            [
                r#"{"a": 1.50, "t": "2026-01-01T00:00:00.120+00:00"}"#,
                r#"{"b":[]}"#
            ]
        );
        assert!(values_at(page, &["missing"]).expect("parses").is_empty());
        assert!(values_at(r#"{"data": null}"#, &["data"])
            .expect("parses")
            .is_empty());
        let one = values_at(r#"{"x": {"y": {"id": 1}}}"#, &["x", "y"]).expect("parses");
        assert_eq!(one.len(), 1);
        assert!(values_at("{", &["data"]).is_err());
    }

    #[test]
    fn raw_round_trips_unknown_members_and_offsets() {
        #[derive(Deserialize, Serialize)]
        struct T {
            id: String,
        }
        let text = r#"{"id":"e1","time":"2026-01-01T10:00:00.120+00:00","extra":{"k":[1,2]}}"#;
        let raw: Raw<T> = serde_json::from_str(text).expect("decodes");
        assert_eq!(raw.id, "e1");
        assert_eq!(serde_json::to_string(&raw).expect("encodes"), text);
        let list: Vec<Raw<T>> = serde_json::from_str(&format!("[{text}, {text}]")).expect("list");
        assert_eq!(list[1].json(), text);
    }
}
