//! The inventory of official operations: method, full path and official
//! operationId of every operation in Atlassian's reference files. Facts only;
//! the coverage test checks each entry against the curated spec.

use std::fmt::Write as _;
use std::path::Path;

/// One official operation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct InventoryEntry {
    /// File name of the reference spec it comes from.
    pub source: String,
    /// Upper-case HTTP method.
    pub method: String,
    /// The path written in full from the host (server base path prepended).
    pub path: String,
    /// The official operationId, when the file has one.
    pub operation_id: Option<String>,
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Reads the operations of one reference file (JSON or YAML, OpenAPI 3.0).
///
/// Parsed loosely as YAML values, since the official files do not all satisfy
/// a strict OpenAPI model.
pub fn read_reference(path: &Path) -> Result<Vec<InventoryEntry>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc: serde_yaml::Value =
        serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let base = doc["servers"][0]["url"]
        .as_str()
        .map(server_base_path)
        .unwrap_or_default();
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut entries = Vec::new();
    if let Some(paths) = doc["paths"].as_mapping() {
        for (p, item) in paths {
            let Some(p) = p.as_str() else { continue };
            let Some(item) = item.as_mapping() else {
                continue;
            };
            for (m, op) in item {
                let Some(m) = m.as_str().filter(|m| METHODS.contains(m)) else {
                    continue;
                };
                entries.push(InventoryEntry {
                    source: source.clone(),
                    method: m.to_uppercase(),
                    path: format!("{base}{p}"),
                    operation_id: op["operationId"].as_str().map(str::to_owned),
                });
            }
        }
    }
    entries.sort();
    Ok(entries)
}

/// The path part of a server URL, without a trailing slash
/// (`https://api.atlassian.com/admin/` → `/admin`).
pub fn server_base_path(url: &str) -> String {
    let without_scheme = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    match without_scheme.find('/') {
        Some(i) => without_scheme[i..].trim_end_matches('/').to_owned(),
        None => String::new(),
    }
}

/// Tab-separated rendering: `source  method  path  operationId` (`-` when absent).
pub fn to_tsv(entries: &[InventoryEntry]) -> String {
    let mut out = String::from("# source\tmethod\tpath\tofficial_operation_id\n");
    for e in entries {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            e.source,
            e.method,
            e.path,
            e.operation_id.as_deref().unwrap_or("-")
        );
    }
    out
}

/// Parses the TSV written by [`to_tsv`].
pub fn from_tsv(text: &str) -> Result<Vec<InventoryEntry>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                [source, method, path, id] => Ok(InventoryEntry {
                    source: (*source).to_owned(),
                    method: (*method).to_owned(),
                    path: (*path).to_owned(),
                    operation_id: (*id != "-").then(|| (*id).to_owned()),
                }),
                _ => Err(format!("line {}: expected 4 tab-separated columns", i + 1)),
            }
        })
        .collect()
}

/// A path with every `{parameter}` replaced by `{}`, so that operations match
/// even where curation renamed a path parameter.
pub fn path_shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_base_paths() {
        assert_eq!(
            server_base_path("https://api.atlassian.com/admin"),
            "/admin"
        );
        assert_eq!(server_base_path("https://api.atlassian.com/"), "");
        assert_eq!(
            server_base_path("https://api.atlassian.com/admin/api-access/v1"),
            "/admin/api-access/v1"
        );
    }

    #[test]
    fn shapes_ignore_parameter_names() {
        assert_eq!(path_shape("/users/{account_id}/manage"), "/users/{}/manage");
        assert_eq!(path_shape("/a/{x}/b/{y}"), path_shape("/a/{p}/b/{q}"));
    }

    #[test]
    fn tsv_round_trips() {
        let entries = vec![InventoryEntry {
            source: "control.json".into(),
            method: "GET".into(),
            path: "/admin/control/v1/orgs/{orgId}/policies".into(),
            operation_id: None,
        }];
        assert_eq!(from_tsv(&to_tsv(&entries)), Ok(entries));
    }
}
