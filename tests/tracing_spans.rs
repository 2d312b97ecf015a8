//! Every attempt is a `tracing` span with the operation, method, attempt and
//! status, and nothing of the key, the URL or the bodies.

mod server;

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use atlassian_admin_api::clock::ManualClock;
use atlassian_admin_api::Client;
use serde_json::json;
use server::{Reply, TestServer};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

const KEY: &str = "key-that-must-not-leak-8f2c";

/// Writes every span and event, with all their fields, as text lines.
#[derive(Default)]
struct Capture {
    text: Arc<Mutex<String>>,
    ids: AtomicU64,
}

struct Fields<'a>(&'a mut String);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Capture {
    fn line(&self, head: &str, record: impl FnOnce(&mut Fields<'_>)) {
        let mut text = self.text.lock().expect("capture");
        text.push_str(head);
        record(&mut Fields(&mut text));
        text.push('\n');
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        self.line(&format!("span {}", span.metadata().name()), |f| {
            span.record(f)
        });
        Id::from_u64(self.ids.fetch_add(1, Ordering::SeqCst) + 1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        self.line("record", |f| values.record(f));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        self.line("event", |f| event.record(f));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test(flavor = "current_thread")]
async fn spans_name_the_operation_and_attempt_but_never_the_key() {
    let calls = AtomicUsize::new(0);
    let server = TestServer::start(move |_| {
        if calls.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::json(429, json!({})).with_header("retry-after", "2")
        } else {
            Reply::json(200, json!({"inProgressCount": 0, "successCount": 1}))
        }
    })
    .await;
    let capture = Capture::default();
    let text = Arc::clone(&capture.text);
    let _guard = tracing::subscriber::set_default(capture);
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .clock(Arc::new(ManualClock::default()))
        .build()
        .expect("client");
    client
        .get_auth_policy_task_status()
        .org_id("org-1")
        .task_id("task-1")
        .send()
        .await
        .expect("second attempt succeeds");

    let text = text.lock().expect("capture").clone();
    let spans: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("span admin_api.request"))
        .collect();
    assert_eq!(spans.len(), 2, "{text}");
    for (attempt, span) in spans.iter().enumerate() {
        assert!(
            span.contains("operation=\"get_auth_policy_task_status\""),
            "{span}"
        );
        assert!(span.contains("method=GET"), "{span}");
        assert!(span.contains(&format!("attempt={}", attempt + 1)), "{span}");
    }
    assert!(
        text.contains("status=429") && text.contains("status=200"),
        "{text}"
    );
    assert!(
        text.contains("RateLimited") && text.contains("wait_ms=2000"),
        "{text}"
    );
    assert!(!text.contains(KEY) && !text.contains("Bearer"), "{text}");
    assert!(
        !text.contains("org-1") && !text.contains("task-1"),
        "no URL: {text}"
    );
}
