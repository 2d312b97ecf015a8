//! The checkpoint file: where an export stands, written atomically after
//! each page is durably in the output file.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{EventSource, ExportError};

/// Where an export stands. The output file's first `output_bytes` bytes are
/// exported events; anything after them was written by a run that stopped
/// before checkpointing, and is cut on the next run (and fetched again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Checkpoint {
    /// Format version, for a future change of this file.
    pub version: u32,
    /// The operation read (`search` or `stream`).
    pub source: EventSource,
    /// The organization exported.
    pub org_id: String,
    /// The earliest event time asked for, UNIX epoch milliseconds.
    pub from_ms: Option<i64>,
    /// Where the next request starts (`None`: the first page).
    pub position: Option<String>,
    /// The ids of the events already written from the page at `position`
    /// (it is asked again when it was the last page).
    pub seen: BTreeSet<String>,
    /// The file the last page went to.
    pub output: PathBuf,
    /// Its length after that page.
    pub output_bytes: u64,
    /// Events exported by every run so far.
    pub events: u64,
}

pub(crate) const VERSION: u32 = 1;

impl Checkpoint {
    /// The checkpoint at `path`; `None` when there is none yet.
    pub fn read(path: &Path) -> Result<Option<Self>, ExportError> {
        let text = match std::fs::read(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(ExportError::io("cannot read the checkpoint", path, e)),
        };
        let checkpoint: Self =
            serde_json::from_slice(&text).map_err(|e| ExportError::Checkpoint {
                path: path.to_owned(),
                message: format!("not a checkpoint of this exporter: {e}"),
            })?;
        if checkpoint.version != VERSION {
            return Err(ExportError::Checkpoint {
                path: path.to_owned(),
                message: format!(
                    "format version {} (this exporter writes {VERSION})",
                    checkpoint.version
                ),
            });
        }
        Ok(Some(checkpoint))
    }

    /// Replaces the checkpoint at `path` atomically: a temporary file beside
    /// it, synced, renamed over it, and the directory synced, so a crash
    /// leaves the old checkpoint or the new one, never a mix.
    pub fn write(&self, path: &Path) -> Result<(), ExportError> {
        let tmp = sibling(path, ".tmp");
        let text = serde_json::to_vec_pretty(self).map_err(|e| ExportError::Checkpoint {
            path: path.to_owned(),
            message: format!("cannot encode: {e}"),
        })?;
        let write = || -> std::io::Result<()> {
            let mut f = File::create(&tmp)?;
            f.write_all(&text)?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)?;
            sync_dir(path)
        };
        write().map_err(|e| ExportError::io("cannot write the checkpoint", path, e))
    }
}

/// `path` with `suffix` appended to its file name (`a.ckpt` → `a.ckpt.tmp`).
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    path.with_file_name(name)
}

/// Makes a rename in `path`'s directory durable (a no-op where directories
/// cannot be opened).
pub(crate) fn sync_dir(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
