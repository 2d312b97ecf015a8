//! Atlassian's official files: reading them (as `openapiv3` documents, like the
//! curated spec), and finding the official counterpart of each curated
//! operation by method and path shape (the server's base path prepended, path
//! parameter names ignored), as the inventory does.

use std::path::{Path, PathBuf};

use admin_api_generator::load::{load_spec, LoadError};
use admin_api_generator::model::{self, Operation};
use openapiv3::OpenAPI;

use crate::inventory::server_base_path;

/// One official file.
#[derive(Debug)]
pub struct Official {
    /// Its file name (how reports and the deviations file name it).
    pub file: String,
    /// The path part of its server URL (`/admin`), prepended to its paths.
    pub base: String,
    /// The parsed document.
    pub api: OpenAPI,
    /// Whether the deviations file declares it an old copy.
    pub archived: bool,
}

/// An official operation with its full path.
pub struct OfficialOp<'a> {
    /// The path written in full from the host.
    pub full_path: String,
    /// The operation.
    pub op: Operation<'a>,
}

impl Official {
    /// Reads one official file.
    pub fn load(path: &Path) -> Result<Official, LoadError> {
        let spec = load_spec(path)?;
        let base = spec
            .openapi
            .servers
            .first()
            .map(|s| server_base_path(&s.url))
            .unwrap_or_default();
        Ok(Official {
            file: file_name(path),
            base,
            api: spec.openapi,
            archived: false,
        })
    }

    /// Its operations, with full paths.
    pub fn operations(&self) -> Vec<OfficialOp<'_>> {
        model::operations(&self.api)
            .into_iter()
            .map(|op| OfficialOp {
                full_path: format!("{}{}", self.base, op.path),
                op,
            })
            .collect()
    }
}

/// The files named on the command line: files as given, directories as
/// their `.json`, `.yaml` and `.yml` files in name order.
pub fn expand(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .and_then(|e| e.to_str())
                            .is_some_and(|e| matches!(e, "json" | "yaml" | "yml"))
                })
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The path parameter names of a template, in order.
pub fn template_names(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}
