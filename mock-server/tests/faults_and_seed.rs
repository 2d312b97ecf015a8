//! Faults on demand, the seed/export format, the request log and the
//! `atlassian-admin-twin serve` binary.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use atlassian_admin_mock_server::{Fault, FaultKind, MockAdminApi, Org, API_KEY};
use common::Twin;
use serde_json::json;

#[test]
fn faults_per_operation_and_counted() {
    let t = Twin::seeded();
    t.api
        .inject(Fault::on("getOrgs", FaultKind::ServerError(500)).times(1));
    t.api.inject(Fault::on(
        "getDomains",
        FaultKind::RateLimited {
            retry_after: Duration::from_secs(3),
        },
    ));
    assert_eq!(t.call("getOrgs", &[], &[], None).status, 500);
    assert_eq!(t.call("getOrgs", &[], &[], None).status, 200);
    let limited = t.call("getDomains", &[], &[], None);
    assert_eq!(
        (limited.status, limited.header("retry-after")),
        (429, Some("3"))
    );
    t.api.clear_faults();
    assert_eq!(t.call("getDomains", &[], &[], None).status, 200);

    t.api
        .inject(Fault::on("getOrgById", FaultKind::Latency(Duration::from_millis(300))).times(1));
    let started = Instant::now();
    assert_eq!(t.call("getOrgById", &[], &[], None).status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

/// The raw bytes of an answer, read until the server closes.
fn raw_bytes(t: &Twin, target: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(t.server.addr()).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(stream, "GET {target} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {API_KEY}\r\nconnection: close\r\n\r\n").expect("send");
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    raw
}

#[test]
fn dropped_connections_and_truncated_bodies() {
    let t = Twin::seeded();
    let target = format!("/admin/v1/orgs/{}/events", t.org);
    t.api
        .inject(Fault::on("getEvents", FaultKind::DropConnection).times(1));
    assert!(
        raw_bytes(&t, &target).is_empty(),
        "a dropped connection answers nothing"
    );
    t.api
        .inject(Fault::on("getEvents", FaultKind::TruncateBody).times(1));
    let raw = String::from_utf8(raw_bytes(&t, &target)).expect("text");
    let (head, body) = raw.split_once("\r\n\r\n").expect("headers arrive");
    let announced: usize = head
        .lines()
        .find_map(|l| {
            l.to_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().expect("number"))
        })
        .expect("content-length");
    assert!(
        body.len() < announced,
        "{} of {announced} bytes",
        body.len()
    );
    assert!(serde_json::from_str::<serde_json::Value>(body).is_err());
    // The fault is spent: the next answer is whole.
    assert_eq!(t.call("getEvents", &[], &[], None).status, 200);
}

#[test]
fn seeded_random_faults_repeat_with_the_seed() {
    let run = |seed| {
        let t = Twin::seeded();
        t.api
            .inject(Fault::random(seed, 0.4, FaultKind::ServerError(500)));
        (0..30)
            .map(|_| t.call("getOrgs", &[], &[], None).status)
            .collect::<Vec<u16>>()
    };
    let (a, b, c) = (run(7), run(7), run(8));
    assert_eq!(a, b);
    assert_ne!(a, c);
    let failures = a.iter().filter(|s| **s == 500).count();
    assert!((4..=20).contains(&failures), "{failures} of 30 at p=0.4");
}

#[test]
fn export_is_a_seed_of_the_same_state_and_bad_seeds_are_refused() {
    let t = Twin::seeded();
    assert_eq!(
        t.call(
            "createDirectoryGroup",
            &[],
            &[],
            Some(json!({"name": "exported"}))
        )
        .status,
        201
    );
    let exported = t.api.export();
    let again = MockAdminApi::from_seed(&exported).expect("an export is a seed");
    assert_eq!(again.export(), exported);
    let t2 = Twin::with(again);
    let found = t2.call(
        "searchDirectoryGroups",
        &[],
        &[],
        Some(json!({"groupNames": ["exported"]})),
    );
    assert_eq!(found.body["data"].as_array().map(Vec::len), Some(1));

    let minimal = json!({"version": 1, "org": {
        "orgId": "o-1", "orgName": "Tiny", "directoryId": "d-1", "directoryName": "Tiny",
        "users": [{"accountId": "a-1", "name": "Solo", "email": "solo@tiny.example", "mfaEnabled": false,
                   "suspended": false, "authPolicy": "p-1", "policySince": 0}],
        "groups": [], "policies": [{"id": "p-1", "name": "Default"}],
    }});
    let tiny = Twin::with(MockAdminApi::from_seed(&minimal.to_string()).expect("minimal seed"));
    assert_eq!(
        tiny.call("getDirectoryUsersCount", &[], &[], None).body["count"],
        1
    );
    assert_eq!(
        tiny.call("getEvents", &[], &[], None).body["data"],
        json!([])
    );

    let newer = MockAdminApi::from_seed(r#"{"version": 2, "org": {}}"#).expect_err("version 2");
    assert!(
        newer.to_string().contains("version 2 is not supported"),
        "{newer}"
    );
    let broken =
        MockAdminApi::from_seed(r#"{"version": 1, "org": {"orgId": 5}}"#).expect_err("shape");
    assert!(
        broken.to_string().contains("orgId") || broken.to_string().contains("invalid type"),
        "{broken}"
    );
    assert_eq!(Org::empty("o", "n", "d").users.len(), 0);
}

#[test]
fn the_request_log_names_operations_and_statuses() {
    let t = Twin::seeded();
    t.call("getOrgs", &[], &[], None);
    t.call("getDomainById", &[("domainId", "nope")], &[], None);
    t.raw("GET", "/admin/v9/nothing", None, API_KEY);
    let log = t.api.request_log();
    let summary: Vec<(Option<&str>, u16)> = log
        .iter()
        .map(|r| (r.operation.as_deref(), r.status))
        .collect();
    assert_eq!(
        summary,
        [
            (Some("getOrgs"), 200),
            (Some("getDomainById"), 404),
            (None, 404)
        ]
    );
    assert_eq!(t.api.requests()[0], format!("GET /admin/v1/orgs"));
}

#[test]
fn the_binary_serves_a_seed_and_prints_url_and_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = dir.path().join("seed.json");
    std::fs::write(&seed, MockAdminApi::default().export()).expect("seed written");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_atlassian-admin-twin"))
        .arg("serve")
        .arg(&seed)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut printed = Vec::new();
    for _ in 0..6 {
        printed.push(lines.next().expect("a line").expect("text"));
    }
    let url = printed
        .iter()
        .find_map(|l| l.strip_prefix("ATLASSIAN_ADMIN_BASE_URL="))
        .expect("the URL is printed")
        .to_owned();
    assert!(
        printed.contains(&format!("ATLASSIAN_ADMIN_API_KEY={API_KEY}")),
        "{printed:?}"
    );
    assert!(
        printed
            .iter()
            .any(|l| l.starts_with("ATLASSIAN_SCIM_API_KEY=")),
        "{printed:?}"
    );
    let addr = url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(stream, "GET /admin/v1/orgs HTTP/1.1\r\nhost: x\r\nauthorization: Bearer {API_KEY}\r\nconnection: close\r\n\r\n").expect("send");
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    child.kill().expect("stopped");
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("Acme Rocketry"), "{answer}");

    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_atlassian-admin-twin"))
        .args(["serve", "/nonexistent/seed.json"])
        .output()
        .expect("runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("/nonexistent/seed.json"));
}
