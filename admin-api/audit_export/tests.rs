//! The export against loopback servers: the embedded admin API, and a log
//! that grows between runs with events whose text matters (offset
//! timestamps, members the spec does not name, a line break between
//! tokens). Crashes are injected at every page boundary and mid-write.

use std::path::Path;
use std::sync::{Arc, Mutex};

use atlassian_admin_mock_server::{MockAdminApi, Reply, Request, Server};

use super::output::Faults;
use super::*;
use crate::RetryPolicy;

/// A growing audit log served as `getEvents` (no `meta.next` on the last
/// page, like the embedded API) and `pollEvents` (the last page's
/// `meta.next` is the position to ask again).
#[derive(Clone, Default)]
struct Log {
    events: Arc<Mutex<Vec<String>>>,
    seen: Arc<Mutex<Vec<String>>>,
}

fn event(n: usize) -> String {
    let text = format!(
        r#"{{"id": "e{n:03}", "type": "events", "attributes": {{"time": "2026-01-01T10:{:02}:00.120+00:00", "processedAt": "2026-01-01T10:{:02}:01.5+01:00", "action": "user_suspended", "actor": {{"id": "a1"}}, "context": [], "newMember": {{"k": [1, 2.50]}}}}, "links": {{"self": "https://api.example/e{n}"}}}}"#,
        n % 60,
        n % 60
    );
    if n % 7 == 3 {
        // A pretty-printer's line break between two tokens.
        text.replacen(", \"links\"", ",\n  \"links\"", 1)
    } else {
        text
    }
}

impl Log {
    fn push(&self, count: usize) {
        let mut events = self.events.lock().unwrap();
        let start = events.len();
        events.extend((start..start + count).map(event));
    }

    fn expected(&self) -> String {
        self.events
            .lock()
            .unwrap()
            .iter()
            .map(|e| format!("{}\n", e.replace('\n', " ")))
            .collect()
    }

    fn requests(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }

    fn answer(&self, req: &Request) -> Reply {
        let cursor = req.query_values("cursor").first().map(|c| c.to_string());
        self.seen.lock().unwrap().push(format!(
            "{} cursor={}",
            req.raw_path,
            cursor.as_deref().unwrap_or("-")
        ));
        let stream = req.raw_path.ends_with("/events-stream");
        let limit: usize = req
            .query_values("limit")
            .first()
            .and_then(|l| l.parse().ok())
            .unwrap_or(30);
        let start: usize = cursor
            .as_deref()
            .and_then(|c| c.strip_prefix("ev-after-"))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let events = self.events.lock().unwrap();
        let end = (start + limit).min(events.len());
        let data = events[start.min(end)..end].join(", ");
        let next = if end < events.len() || stream {
            format!(r#""ev-after-{end}""#)
        } else {
            "null".to_owned()
        };
        Reply::raw(
            200,
            "application/json",
            format!(
                r#"{{"data": [{data}], "links": {{}}, "meta": {{"next": {next}, "page_size": {}}}}}"#,
                end - start.min(end)
            ),
        )
    }

    async fn serve(&self) -> Server {
        let log = self.clone();
        Server::start(Arc::new(move |req: Request| log.answer(&req)))
            .await
            .expect("server starts")
    }
}

fn client(url: &str) -> Client {
    Client::builder()
        .api_key(atlassian_admin_mock_server::API_KEY)
        .org_id("org-1")
        .base_url(url)
        .retry(RetryPolicy::disabled())
        // Dozens of exports in a row: the documented 10 calls a minute would
        // make the test wait in real time (tests/rate_limits.rs covers pacing).
        .pace_rate_limits(false)
        .build()
        .expect("client")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[tokio::test]
async fn the_events_are_written_as_sent_and_a_second_run_fetches_only_new_ones() {
    let log = Log::default();
    log.push(7);
    let server = log.serve().await;
    let client = client(&server.base_url());
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions::new(dir.path().join("audit.jsonl")).page_size(3);

    let first = client.export_events(&options).await.expect("first run");
    assert_eq!((first.events, first.pages, first.total_events), (7, 3, 7));
    assert!(!first.continued);
    let text = read(&options.output);
    assert_eq!(text, log.expected(), "each event's exact text, one a line");
    assert!(text.contains(r#""time": "2026-01-01T10:00:00.120+00:00""#));
    assert!(text.contains(r#""newMember": {"k": [1, 2.50]}"#));

    // Nightly: four events arrive; the next run asks from the last position.
    log.push(4);
    let before = log.requests().len();
    let second = client.export_events(&options).await.expect("second run");
    assert_eq!((second.events, second.total_events), (4, 11));
    assert!(second.continued);
    assert_eq!(
        log.requests()[before..],
        [
            "/admin/v1/orgs/org-1/events cursor=ev-after-6",
            "/admin/v1/orgs/org-1/events cursor=ev-after-9",
        ]
    );
    assert_eq!(read(&options.output), log.expected());

    // Nothing new: nothing written.
    let third = client.export_events(&options).await.expect("third run");
    assert_eq!((third.events, third.pages), (0, 1));
    assert_eq!(read(&options.output), log.expected());
}

#[tokio::test]
async fn the_event_stream_source_continues_from_its_replay_cursor() {
    let log = Log::default();
    log.push(5);
    let server = log.serve().await;
    let client = client(&server.base_url());
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions::new(dir.path().join("a.jsonl"))
        .page_size(2)
        .source(EventSource::Stream);
    let first = client.export_events(&options).await.expect("first run");
    assert_eq!(first.events, 5);
    log.push(3);
    let before = log.requests().len();
    let second = client.export_events(&options).await.expect("second run");
    assert_eq!(second.events, 3);
    assert_eq!(
        log.requests()[before],
        "/admin/v1/orgs/org-1/events-stream cursor=ev-after-5"
    );
    assert_eq!(read(&options.output), log.expected());
}

/// The byte offsets at which an uninterrupted export's pages end.
fn page_ends(text: &str, per_page: usize) -> Vec<u64> {
    let mut ends = Vec::new();
    let mut offset = 0u64;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        offset += line.len() as u64;
        if (i + 1) % per_page == 0 {
            ends.push(offset);
        }
    }
    ends.push(offset);
    ends
}

#[tokio::test]
async fn a_crash_at_any_page_boundary_or_mid_write_loses_and_duplicates_nothing() {
    let log = Log::default();
    log.push(10);
    let server = log.serve().await;
    let client = client(&server.base_url());
    let expected = log.expected();
    let mut cases: Vec<Faults> = Vec::new();
    // Mid-write and at every page boundary of the output: one byte before,
    // at, and after each page's end, and in the middle of each page.
    let mut start = 0;
    for end in page_ends(&expected, 3) {
        for bytes in [start + 1, (start + end) / 2, end - 1, end, end + 1] {
            cases.push(Faults {
                output_bytes: Some(bytes),
                ..Faults::default()
            });
        }
        start = end;
    }
    // After a page is written and synced, before its checkpoint.
    for checkpoints in 0..=5 {
        cases.push(Faults {
            checkpoints: Some(checkpoints),
            ..Faults::default()
        });
    }
    for (i, faults) in cases.iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let options = ExportOptions::new(dir.path().join("a.jsonl")).page_size(3);
        let crashed = run(&client, &options, |_| {}, faults).await;
        let resumed = client.export_events(&options).await.expect("resumes");
        let text = read(&options.output);
        assert_eq!(
            text, expected,
            "case {i}: {faults:?}, first run {crashed:?}"
        );
        assert_eq!(resumed.total_events, 10, "case {i}");
        if crashed.is_err() {
            assert!(resumed.continued || resumed.events == 10, "case {i}");
        }
    }
}

#[tokio::test]
async fn repeated_crashes_then_new_events_still_give_each_event_once() {
    let log = Log::default();
    log.push(8);
    let server = log.serve().await;
    let client = client(&server.base_url());
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions::new(dir.path().join("a.jsonl")).page_size(2);
    for bytes in [10, 400, 900, 1500] {
        let faults = Faults {
            output_bytes: Some(bytes),
            ..Faults::default()
        };
        let _ = run(&client, &options, |_| {}, &faults).await;
        log.push(1);
    }
    client.export_events(&options).await.expect("finishes");
    assert_eq!(read(&options.output), log.expected());
}

#[tokio::test]
async fn a_second_run_on_a_locked_checkpoint_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions::new(dir.path().join("a.jsonl"));
    let held = lock(&options.checkpoint).expect("first lock");
    // No server: the second run must fail before any request.
    let client = client("http://127.0.0.1:9");
    let err = client.export_events(&options).await.expect_err("locked");
    assert!(matches!(err, ExportError::Locked { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "another export is running on this checkpoint (it holds {}); try again when it has finished",
            dir.path().join("a.jsonl.checkpoint.lock").display()
        )
    );
    drop(held);
    assert!(lock(&options.checkpoint).is_ok(), "released on drop");
}

#[tokio::test]
async fn dated_files_share_one_checkpoint() {
    let log = Log::default();
    log.push(4);
    let server = log.serve().await;
    let client = client(&server.base_url());
    let dir = tempfile::tempdir().unwrap();
    let checkpoint = dir.path().join("audit.checkpoint");
    let day1 =
        ExportOptions::new(dir.path().join("audit-2026-12-01.jsonl")).checkpoint(&checkpoint);
    client.export_events(&day1).await.expect("day 1");
    log.push(3);
    let day2 = day1
        .clone()
        .output(dir.path().join("audit-2026-12-02.jsonl"));
    let summary = client.export_events(&day2).await.expect("day 2");
    assert_eq!(summary.events, 3);
    let all = log.expected();
    let lines: Vec<&str> = all.split_inclusive('\n').collect();
    assert_eq!(read(&day1.output), lines[..4].concat());
    assert_eq!(read(&day2.output), lines[4..].concat());
}

#[tokio::test]
async fn a_checkpoint_for_another_start_or_an_unknown_file_is_refused() {
    let log = Log::default();
    log.push(2);
    let server = log.serve().await;
    let client = client(&server.base_url());
    let dir = tempfile::tempdir().unwrap();
    let from = DateTime::from_timestamp_millis(1_767_225_600_000).unwrap();
    let options = ExportOptions::new(dir.path().join("a.jsonl")).from(from);
    client.export_events(&options).await.expect("first run");
    // The same start, or none, continues; another is refused.
    client.export_events(&options).await.expect("same start");
    let mut unset = options.clone();
    unset.from = None;
    client.export_events(&unset).await.expect("no start");
    let later = options.clone().from(from + chrono::Duration::days(1));
    let err = client.export_events(&later).await.expect_err("other start");
    assert_eq!(
        err.to_string(),
        format!(
            "the checkpoint {}: it continues an export from 2026-01-01T00:00:00Z, not from \
             2026-01-02T00:00:00Z; leave the start time out to continue it, or use another \
             checkpoint for a new export",
            options.checkpoint.display()
        )
    );
    // A file with data and no checkpoint is not appended to.
    let other = dir.path().join("b.jsonl");
    std::fs::write(&other, "precious\n").unwrap();
    let err = client
        .export_events(&ExportOptions::new(&other))
        .await
        .expect_err("refused");
    assert!(matches!(err, ExportError::OutputExists { .. }), "{err:?}");
    assert_eq!(read(&other), "precious\n");
    // An output cut by hand below the checkpoint's length is not guessed at.
    std::fs::write(&options.output, "").unwrap();
    let err = client.export_events(&options).await.expect_err("shorter");
    assert!(
        err.to_string().contains("it was changed after the export"),
        "{err}"
    );
}

#[tokio::test]
async fn the_embedded_admin_api_exports_its_whole_log() {
    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await.expect("server");
    let org = api.snapshot().org_id;
    let client = client(&server.base_url());
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions::new(dir.path().join("a.jsonl"))
        .org_id(org)
        .page_size(10);
    let mut pages = Vec::new();
    let summary = client
        .export_events_with(&options, |p| pages.push(p.total_events))
        .await
        .expect("export");
    assert_eq!(
        summary.events,
        atlassian_admin_mock_server::EVENT_COUNT as u64
    );
    assert_eq!(pages, [10, 20, 25]);
    let ids: Vec<String> = read(&options.output)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let expected: Vec<String> = (0..25).map(|n| format!("event-{n:03}")).collect();
    assert_eq!(ids, expected);
    let again = client.export_events(&options).await.expect("again");
    assert_eq!(again.events, 0);
}
