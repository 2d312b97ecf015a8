//! The output file: appended to a page at a time, synced before the
//! checkpoint moves, cut back to the checkpoint's length on resume.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ExportError;

/// The JSON-lines file being appended to.
pub(super) struct Output<'f> {
    file: File,
    path: PathBuf,
    len: u64,
    faults: &'f Faults,
}

impl<'f> Output<'f> {
    /// Opens (or creates, empty) `path` for appending.
    pub fn create(path: &Path, faults: &'f Faults) -> Result<Self, ExportError> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| ExportError::io("cannot open", path, e))?;
        let len = file
            .metadata()
            .map_err(|e| ExportError::io("cannot read", path, e))?
            .len();
        super::checkpoint::sync_dir(path).map_err(|e| ExportError::io("cannot sync", path, e))?;
        Ok(Self {
            file,
            path: path.to_owned(),
            len,
            faults,
        })
    }

    /// Opens `path` to continue after its first `bytes` bytes (cutting what
    /// an interrupted run wrote after them); also returns how much was cut.
    pub fn resume(path: &Path, bytes: u64, faults: &'f Faults) -> Result<(Self, u64), ExportError> {
        let cut = cut_to(path, bytes)?;
        let out = Self::create(path, faults)?;
        Ok((out, cut))
    }

    /// The file's length (what the checkpoint records).
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Appends one line per JSON text and syncs the file.
    pub fn append<'a>(&mut self, texts: impl Iterator<Item = &'a str>) -> Result<(), ExportError> {
        let mut buf = Vec::new();
        for text in texts {
            // A JSON text has line breaks only between tokens (inside strings
            // they are escaped): there, a space means the same.
            buf.extend(
                text.bytes()
                    .map(|b| if b == b'\n' || b == b'\r' { b' ' } else { b }),
            );
            buf.push(b'\n');
        }
        if buf.is_empty() {
            return Ok(());
        }
        let err = |e| ExportError::io("cannot write", &self.path, e);
        self.faults
            .write(&mut self.file, &buf)
            .and_then(|()| self.file.sync_data())
            .map_err(err)?;
        self.len += buf.len() as u64;
        Ok(())
    }
}

/// Cuts `path` to `bytes` bytes; how many were cut. A file shorter than
/// `bytes` was changed by something else: an error, nothing touched.
pub(super) fn cut_to(path: &Path, bytes: u64) -> Result<u64, ExportError> {
    let file = match OpenOptions::new().write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && bytes == 0 => return Ok(0),
        Err(e) => return Err(ExportError::io("cannot open", path, e)),
    };
    let len = file
        .metadata()
        .map_err(|e| ExportError::io("cannot read", path, e))?
        .len();
    if len < bytes {
        return Err(ExportError::Checkpoint {
            path: path.to_owned(),
            message: format!(
                "the checkpoint records {bytes} bytes of exported events in it, but it holds {len}: \
                 it was changed after the export; restore it or start a new export"
            ),
        });
    }
    if len > bytes {
        file.set_len(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| ExportError::io("cannot cut", path, e))?;
    }
    Ok(len - bytes)
}

/// Failures injected by the tests, to stop a run where a crash could: after
/// some bytes of the output are written, or before a checkpoint is. None
/// by default.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    /// Output bytes the run may write; the write that crosses it writes only
    /// up to it, then fails.
    pub output_bytes: Option<u64>,
    /// Checkpoint writes the run may make; the next one fails first.
    pub checkpoints: Option<u64>,
    pub(super) written: AtomicU64,
    pub(super) checkpointed: AtomicU64,
}

impl Faults {
    fn write(&self, file: &mut File, buf: &[u8]) -> std::io::Result<()> {
        let Some(limit) = self.output_bytes else {
            return file.write_all(buf);
        };
        let room = limit.saturating_sub(self.written.load(Ordering::Relaxed));
        let n = usize::try_from(room).unwrap_or(usize::MAX).min(buf.len());
        file.write_all(&buf[..n])?;
        self.written.fetch_add(n as u64, Ordering::Relaxed);
        if n < buf.len() {
            return Err(std::io::Error::other("injected: the disk is full"));
        }
        Ok(())
    }

    pub(super) fn before_checkpoint(&self, path: &Path) -> Result<(), ExportError> {
        if let Some(limit) = self.checkpoints {
            if self.checkpointed.load(Ordering::Relaxed) >= limit {
                return Err(ExportError::io(
                    "cannot write the checkpoint",
                    path,
                    std::io::Error::other("injected: crash before the checkpoint"),
                ));
            }
        }
        self.checkpointed.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}
