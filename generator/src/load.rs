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

/// Reads and parses the spec file at `path`.
pub fn load_spec(path: &Path) -> Result<Spec, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| LoadError {
        path: path.to_owned(),
        location: None,
        message: format!("cannot read the spec: {e}"),
    })?;
    parse_spec(path, text)
}

/// Parses spec text that was read from `path` (the path is used in messages only).
pub fn parse_spec(path: &Path, text: String) -> Result<Spec, LoadError> {
    match serde_yaml::from_str::<openapiv3::OpenAPI>(&text) {
        Ok(openapi) => Ok(Spec {
            path: path.to_owned(),
            text,
            openapi,
        }),
        Err(e) => Err(LoadError {
            path: path.to_owned(),
            location: e.location().map(|l| (l.line(), l.column())),
            message: format!("not a valid OpenAPI 3.0 document: {}", strip_location(&e)),
        }),
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
