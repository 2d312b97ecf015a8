//! A resumable, lossless export of the audit log into a JSON-lines file.
//!
//! [`Client::export_events`] appends every event not exported yet to the
//! output file, one event a line, exactly as the API sent it (unknown
//! members kept, timestamps such as `.120+00:00` unchanged), and keeps a
//! checkpoint beside it:
//!
//! - **After each page**, once the page's events are durably in the output
//!   file (written and synced), the checkpoint is replaced atomically
//!   (temporary file, sync, rename). A run stopped at any point (a crash, a
//!   kill, a full disk, mid-write included) loses and duplicates nothing:
//!   the next run cuts the output back to the length the checkpoint
//!   records and asks for the page again.
//! - **Run again**, an export continues where the last one ended: a finished
//!   export asks the API again from its last position and writes only the
//!   events that arrived since (the nightly job). The last page's events are
//!   remembered by id, so a page asked again is never written twice.
//! - **One run at a time**: a run holds an OS lock on `CHECKPOINT.lock` (released when the
//!   process ends, even by a kill); a second run on the same checkpoint fails
//!   at once with [`ExportError::Locked`].
//! - **Dated files**: the checkpoint, not the output file, holds the
//!   position, so each run may write to a new file (`audit-2026-12-03.jsonl`)
//!   with the same checkpoint; the previous file is left complete.
//!
//! ```no_run
//! # async fn run(client: atlassian_admin_api::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use atlassian_admin_api::audit_export::ExportOptions;
//!
//! let options = ExportOptions::new("audit.jsonl"); // checkpoint: audit.jsonl.checkpoint
//! let summary = client.export_events(&options).await?;
//! println!("{} new events ({} in all)", summary.events, summary.total_events);
//! # Ok(()) }
//! ```
//!
//! A line break between JSON tokens (a pretty-printed answer) cannot stand
//! in a JSON-lines file; it is written as a space. Everything else is the
//! API's text byte for byte.

mod checkpoint;
mod output;

use std::collections::BTreeSet;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use futures::StreamExt as _;
use progenitor_client::ClientInfo as _;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::pagination::PageError;
use crate::{types, Client};

use checkpoint::{sibling, Checkpoint, VERSION};
use output::Output;

/// Which operation the export reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum EventSource {
    /// `getEvents` (`/events`): the audit log search, 10 requests a minute.
    #[default]
    Search,
    /// `pollEvents` (`/events-stream`): the event stream, ordered by
    /// processing time, whose last cursor is made to be asked again later
    /// (60 requests a minute). The better source for scheduled exports
    /// where the API serves it.
    Stream,
}

impl EventSource {
    /// The operation's id in the spec.
    pub fn operation_id(self) -> &'static str {
        match self {
            EventSource::Search => "getEvents",
            EventSource::Stream => "pollEvents",
        }
    }
}

/// What to export, where to. Start from [`ExportOptions::new`]:
///
/// ```
/// use atlassian_admin_api::audit_export::ExportOptions;
/// let options = ExportOptions::new("audit.jsonl")
///     .checkpoint("state/audit.checkpoint")
///     .page_size(500);
/// assert_eq!(options.checkpoint.to_str(), Some("state/audit.checkpoint"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportOptions {
    /// The JSON-lines file events are appended to.
    pub output: PathBuf,
    /// The checkpoint (default: the output's path with `.checkpoint` added).
    pub checkpoint: PathBuf,
    /// The earliest event to export. Only the first run uses it; later runs
    /// continue from the checkpoint and refuse a different value.
    pub from: Option<DateTime<Utc>>,
    /// Events per page (1 to 500).
    pub page_size: NonZeroU32,
    /// The operation read.
    pub source: EventSource,
    /// The organization (default: the client's configured one).
    pub org_id: Option<String>,
}

impl ExportOptions {
    /// Exports into `output`, with the checkpoint `output.checkpoint`, 100
    /// events a page, from the start of the log.
    pub fn new(output: impl Into<PathBuf>) -> Self {
        let output = output.into();
        Self {
            checkpoint: sibling(&output, ".checkpoint"),
            output,
            from: None,
            page_size: NonZeroU32::new(100).unwrap_or(NonZeroU32::MIN),
            source: EventSource::default(),
            org_id: None,
        }
    }

    /// Another checkpoint file (one per export: the position lives there).
    pub fn checkpoint(mut self, path: impl Into<PathBuf>) -> Self {
        self.checkpoint = path.into();
        self
    }

    /// Another output file, keeping the checkpoint (a dated file per run).
    pub fn output(mut self, path: impl Into<PathBuf>) -> Self {
        self.output = path.into();
        self
    }

    /// The earliest event to export (first run).
    pub fn from(mut self, time: DateTime<Utc>) -> Self {
        self.from = Some(time);
        self
    }

    /// Events per page, clamped to 1 to 500.
    pub fn page_size(mut self, events: u32) -> Self {
        self.page_size = NonZeroU32::new(events.clamp(1, 500)).unwrap_or(NonZeroU32::MIN);
        self
    }

    /// The operation read.
    pub fn source(mut self, source: EventSource) -> Self {
        self.source = source;
        self
    }

    /// The organization to export.
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }
}

/// How a run went: serialisable for an audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ExportSummary {
    /// Events this run appended.
    pub events: u64,
    /// Pages this run fetched.
    pub pages: u64,
    /// Events exported by every run on this checkpoint.
    pub total_events: u64,
    /// The file the events went to.
    pub output: PathBuf,
    /// Whether the run continued an earlier one.
    pub continued: bool,
    /// Bytes an interrupted run had written after its last checkpoint, cut
    /// before this run fetched them again.
    pub discarded_bytes: u64,
}

/// One page written, for progress reports.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportProgress {
    /// Pages fetched by this run.
    pub pages: u64,
    /// Events this run has appended so far.
    pub events: u64,
    /// Events exported by every run so far.
    pub total_events: u64,
}

/// Why an export stopped. Nothing is lost: run it again to continue.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExportError {
    /// Another run holds the checkpoint's lock.
    Locked {
        /// The lock file.
        lock: PathBuf,
    },
    /// A local file could not be read or written.
    Io {
        /// What was being done.
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The checkpoint does not fit this export (another organization,
    /// source or start time, a damaged file, an output changed by hand).
    Checkpoint {
        /// The checkpoint file.
        path: PathBuf,
        /// What does not fit.
        message: String,
    },
    /// The output file has content but no checkpoint describes it.
    OutputExists {
        /// The output file.
        path: PathBuf,
    },
    /// A page request failed (after the client's retries).
    Api(Box<PageError<types::OrganizationErrors>>),
    /// No organization given and none configured.
    NoOrganization,
}

impl ExportError {
    fn io(what: &'static str, path: &Path, source: std::io::Error) -> Self {
        ExportError::Io {
            what,
            path: path.to_owned(),
            source,
        }
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::Locked { lock } => write!(
                f,
                "another export is running on this checkpoint (it holds {}); try again when it has finished",
                lock.display()
            ),
            ExportError::Io { what, path, source } => {
                write!(f, "{what} {}: {source}", path.display())
            }
            ExportError::Checkpoint { path, message } => {
                write!(f, "the checkpoint {}: {message}", path.display())
            }
            ExportError::OutputExists { path } => write!(
                f,
                "{} already holds data and no checkpoint describes it: pick another file, or give its checkpoint",
                path.display()
            ),
            ExportError::Api(e) => write!(f, "{e}"),
            ExportError::NoOrganization => f.write_str(
                "no organization: set ExportOptions::org_id or configure the client's (ATLASSIAN_ORG_ID)",
            ),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Io { source, .. } => Some(source),
            ExportError::Api(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}

impl From<PageError<types::OrganizationErrors>> for ExportError {
    fn from(e: PageError<types::OrganizationErrors>) -> Self {
        ExportError::Api(Box::new(e))
    }
}

/// An event as exported: its id (to recognise it on a page asked again)
/// and its exact text.
struct Line {
    id: String,
    json: Box<RawValue>,
}

type LinePages<'a> = BoxStream<'a, Result<crate::Page<Line>, PageError<types::OrganizationErrors>>>;

// Page errors are as large as every stream's; the pagination engine allows the same.
#[allow(clippy::result_large_err)]
/// The one place the export meets the generated operations: the pages of
/// `source` from `position`, each event as its id and text.
fn pages<'a>(
    client: &'a Client,
    source: EventSource,
    org_id: &str,
    from_ms: Option<i64>,
    limit: NonZeroU32,
    position: Option<String>,
) -> LinePages<'a> {
    fn lines<T>(page: crate::Page<crate::Raw<T>>, id: impl Fn(&T) -> String) -> crate::Page<Line> {
        crate::Page {
            items: page
                .items
                .into_iter()
                .map(|raw| {
                    let id = id(raw.value());
                    Line {
                        id,
                        json: raw.into_parts().0,
                    }
                })
                .collect(),
            next: page.next,
        }
    }
    let from = from_ms.map(|ms| ms.to_string());
    match source {
        EventSource::Search => {
            let mut request = client.get_events().org_id(org_id).limit(limit);
            if let Some(from) = from {
                request = request.from(from);
            }
            request
                .raw_pages_from(position)
                .map(|page| page.map(|p| lines(p, |e: &types::Event| e.id.clone())))
                .boxed()
        }
        EventSource::Stream => {
            let mut request = client.poll_events().org_id(org_id).limit(limit);
            if let Some(from) = from {
                request = request.from(from);
            }
            request
                .raw_pages_from(position)
                .map(|page| page.map(|p| lines(p, |e: &types::PolledEvent| e.id.clone())))
                .boxed()
        }
    }
}

impl Client {
    /// Appends the audit events not exported yet to `options.output` (see
    /// the [module docs](crate::audit_export)).
    pub async fn export_events(
        &self,
        options: &ExportOptions,
    ) -> Result<ExportSummary, ExportError> {
        self.export_events_with(options, |_| {}).await
    }

    /// [`export_events`](Self::export_events), calling `progress` after
    /// each page is durably written.
    pub async fn export_events_with(
        &self,
        options: &ExportOptions,
        progress: impl FnMut(&ExportProgress),
    ) -> Result<ExportSummary, ExportError> {
        run(self, options, progress, &output::Faults::default()).await
    }
}

/// Holds the checkpoint's lock until dropped (the OS releases it when the
/// process ends, however it ends).
struct Lock(#[allow(dead_code)] std::fs::File);

fn lock(checkpoint: &Path) -> Result<Lock, ExportError> {
    let path = sibling(checkpoint, ".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| ExportError::io("cannot open the lock file", &path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(Lock(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(ExportError::Locked { lock: path }),
        Err(std::fs::TryLockError::Error(e)) => Err(ExportError::io("cannot lock", &path, e)),
    }
}

/// The checkpoint to continue from: the saved one (checked against
/// `options`), or a fresh one for a first run.
fn start(options: &ExportOptions, org_id: &str) -> Result<(Checkpoint, bool), ExportError> {
    let from_ms = options.from.map(|t| t.timestamp_millis());
    let path = &options.checkpoint;
    let Some(saved) = Checkpoint::read(path)? else {
        return Ok((
            Checkpoint {
                version: VERSION,
                source: options.source,
                org_id: org_id.to_owned(),
                from_ms,
                position: None,
                seen: BTreeSet::new(),
                output: options.output.clone(),
                output_bytes: 0,
                events: 0,
            },
            false,
        ));
    };
    let mismatch = |message: String| ExportError::Checkpoint {
        path: path.clone(),
        message,
    };
    if saved.org_id != org_id {
        return Err(mismatch(format!(
            "it exports organization {}, not {org_id}",
            saved.org_id
        )));
    }
    if saved.source != options.source {
        return Err(mismatch(format!(
            "it reads {}, not {}",
            saved.source.operation_id(),
            options.source.operation_id()
        )));
    }
    if from_ms.is_some() && from_ms != saved.from_ms {
        let shown = |ms: Option<i64>| match ms.and_then(DateTime::from_timestamp_millis) {
            Some(t) => t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            None => "the start of the log".to_owned(),
        };
        return Err(mismatch(format!(
            "it continues an export from {}, not from {}; leave the start time out to continue it, \
             or use another checkpoint for a new export",
            shown(saved.from_ms),
            shown(from_ms)
        )));
    }
    Ok((saved, true))
}

async fn run(
    client: &Client,
    options: &ExportOptions,
    mut progress: impl FnMut(&ExportProgress),
    faults: &output::Faults,
) -> Result<ExportSummary, ExportError> {
    let org_id = match &options.org_id {
        Some(id) => id.clone(),
        None => client
            .inner()
            .org_id()
            .map(str::to_owned)
            .ok_or(ExportError::NoOrganization)?,
    };
    let _lock = lock(&options.checkpoint)?;
    let (mut state, continued) = start(options, &org_id)?;
    let mut discarded_bytes = 0;
    let mut out = if continued && state.output == options.output {
        let (out, cut) = Output::resume(&options.output, state.output_bytes, faults)?;
        discarded_bytes = cut;
        out
    } else {
        if std::fs::metadata(&options.output).is_ok_and(|m| m.len() > 0) {
            return Err(ExportError::OutputExists {
                path: options.output.clone(),
            });
        }
        if continued {
            // A new (dated) file: the previous one keeps what its checkpoint covers.
            discarded_bytes = output::cut_to(&state.output, state.output_bytes)?;
        }
        let out = Output::create(&options.output, faults)?;
        state.output = options.output.clone();
        state.output_bytes = out.len();
        state.write_checked(&options.checkpoint, faults)?;
        out
    };

    let mut summary = ExportSummary {
        events: 0,
        pages: 0,
        total_events: state.events,
        output: options.output.clone(),
        continued,
        discarded_bytes,
    };
    let mut stream = pages(
        client,
        state.source,
        &org_id,
        state.from_ms,
        options.page_size,
        state.position.clone(),
    );
    while let Some(page) = stream.next().await {
        let page = page?;
        let fresh: Vec<&Line> = page
            .items
            .iter()
            .filter(|line| !state.seen.contains(&line.id))
            .collect();
        out.append(fresh.iter().map(|line| line.json.get()))?;
        let written = fresh.len() as u64;
        // The page at `position` is asked again only when it was the last:
        // then its events are remembered, not to be written twice.
        match page.next {
            Some(next) if Some(&next) != state.position.as_ref() => {
                state.position = Some(next);
                state.seen.clear();
            }
            _ => state.seen.extend(page.items.iter().map(|l| l.id.clone())),
        }
        state.events += written;
        state.output_bytes = out.len();
        state.write_checked(&options.checkpoint, faults)?;
        summary.pages += 1;
        summary.events += written;
        summary.total_events = state.events;
        progress(&ExportProgress {
            pages: summary.pages,
            events: summary.events,
            total_events: summary.total_events,
        });
    }
    Ok(summary)
}

impl Checkpoint {
    /// Writes the checkpoint, unless a test fault stops the run first.
    fn write_checked(&self, path: &Path, faults: &output::Faults) -> Result<(), ExportError> {
        faults.before_checkpoint(path)?;
        self.write(path)
    }
}

#[cfg(test)]
mod tests;
