//! Page and item streams of every pagination style, against a local server
//! serving three pages built from the example responses.

mod server;

use std::sync::Arc;
use std::time::Duration;

use atlassian_admin_api::clock::ManualClock;
use atlassian_admin_api::{Client, RetryPolicy};
use futures::{StreamExt, TryStreamExt};
use serde_json::{json, Value};
use server::{Reply, Seen, TestServer};

const PAGES: usize = 3;

fn two() -> std::num::NonZeroU32 {
    std::num::NonZeroU32::new(2).expect("non-zero")
}

fn fixture(path: &str) -> Value {
    let file = format!(
        "{}/tests/fixtures/examples/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    serde_json::from_str(&text).expect("fixture JSON")
}

/// Page `index` (0-based) of a list whose items sit under `key` in `fixture`:
/// two copies of the fixture's first item, ids made unique.
fn page(fixture: &Value, key: &str, index: usize) -> Value {
    let mut page = fixture.clone();
    let first = fixture[key][0].clone();
    let items: Vec<Value> = (0..2)
        .map(|i| {
            let mut item = first.clone();
            if item.get("id").is_some() {
                item["id"] = json!(format!("item-{index}-{i}"));
            }
            item
        })
        .collect();
    page[key] = json!(items);
    page
}

/// Which page a request asks for, from a cursor `c1`, `c2` (none: the first).
fn index_of(cursor: Option<&str>) -> usize {
    cursor
        .and_then(|c| c.strip_prefix('c'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn next_cursor(index: usize) -> Value {
    if index + 1 < PAGES {
        json!(format!("c{}", index + 1))
    } else {
        Value::Null
    }
}

fn client(server: &TestServer) -> Client {
    Client::builder()
        .api_key("k")
        .scim_api_key("s")
        .base_url(server.url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client")
}

fn cursors(seen: &[Seen]) -> Vec<Option<String>> {
    seen.iter().map(|s| s.param("cursor")).collect()
}

#[tokio::test]
async fn org_v1_follows_links_next_urls() {
    let example = fixture("org-v1/getOrgs.json");
    let server = TestServer::start(move |req| {
        let index = index_of(req.param("cursor").as_deref());
        let mut body = page(&example, "data", index);
        body["links"] = match next_cursor(index) {
            Value::String(c) => {
                json!({"next": format!("https://api.atlassian.com/admin/v1/orgs?cursor={c}")})
            }
            _ => json!({}),
        };
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let orgs: Vec<_> = client.get_orgs().items().try_collect().await.expect("orgs");
    assert_eq!(orgs.len(), 2 * PAGES);
    assert_eq!(
        cursors(&server.seen()),
        [None, Some("c1".into()), Some("c2".into())]
    );
}

#[tokio::test]
async fn org_v2_sends_the_opaque_cursor_and_the_same_filters() {
    let example = fixture("org-v2/getDirectoryUserRoleAssignments.json");
    let server = TestServer::start(move |req| {
        let index = index_of(req.param("cursor").as_deref());
        let mut body = page(&example, "data", index);
        body["links"] = json!({"next": next_cursor(index)});
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let pages: Vec<_> = client
        .get_directory_user_role_assignments()
        .org_id("o")
        .directory_id("d")
        .account_id("a")
        .limit(std::num::NonZeroU64::new(2).expect("nonzero"))
        .pages()
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(pages.len(), PAGES);
    let seen = server.seen();
    assert_eq!(cursors(&seen), [None, Some("c1".into()), Some("c2".into())]);
    assert!(seen
        .iter()
        .all(|s| s.param("limit").as_deref() == Some("2")));
    assert!(seen
        .iter()
        .all(|s| s.path == "/admin/v2/orgs/o/directories/d/users/a/role-assignments"));
}

#[tokio::test]
async fn api_access_sends_filters_again_with_every_cursor() {
    let example = fixture("api-access/listOrgApiTokens.json");
    let server = TestServer::start(move |req| {
        let index = index_of(req.param("cursor").as_deref());
        let mut body = page(&example, "data", index);
        body["links"] = json!({"self": format!("c{index}"), "next": next_cursor(index)});
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let tokens: Vec<_> = client
        .list_org_api_tokens()
        .org_id("o")
        .q("deploy")
        .page_size(2)
        .items()
        .try_collect()
        .await
        .expect("tokens");
    assert_eq!(tokens.len(), 2 * PAGES);
    let seen = server.seen();
    assert_eq!(cursors(&seen), [None, Some("c1".into()), Some("c2".into())]);
    for req in &seen {
        assert_eq!(req.param("q").as_deref(), Some("deploy"), "{}", req.query);
        assert_eq!(req.param("pageSize").as_deref(), Some("2"), "{}", req.query);
    }
}

#[tokio::test]
async fn control_reads_meta_next() {
    let example = fixture("control/listControlPolicies.json");
    let server = TestServer::start(move |req| {
        let index = index_of(req.param("cursor").as_deref());
        let mut body = page(&example, "data", index);
        body["meta"] = json!({"next": next_cursor(index), "page_size": 2});
        body["links"] = json!({});
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    // Only the deprecated control policy lists page by `meta.next` alone:
    // this tests that style on the deprecated operation itself.
    #[allow(deprecated)]
    let count = client
        .list_control_policies()
        .org_id("o")
        .items()
        .try_fold(0, |n, _| async move { Ok(n + 1) })
        .await;
    assert_eq!(count.expect("policies"), 2 * PAGES);
    assert_eq!(
        cursors(&server.seen()),
        [None, Some("c1".into()), Some("c2".into())]
    );
}

#[tokio::test]
async fn searches_put_the_cursor_in_the_body_and_keep_the_other_fields() {
    let example = fixture("org-v2/searchDirectoryUsers.json");
    let server = TestServer::start(move |req| {
        let sent = req.json();
        let index = index_of(sent["cursor"].as_str());
        let mut body = page(&example, "data", index);
        body["links"] = json!({"next": next_cursor(index)});
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let users: Vec<_> = client
        .search_directory_users()
        .org_id("o")
        .directory_id("d")
        .body_map(|b| b.search_term("priya".to_owned()).limit(two()))
        .items()
        .try_collect()
        .await
        .expect("users");
    assert_eq!(users.len(), 2 * PAGES);
    let bodies: Vec<Value> = server.seen().iter().map(Seen::json).collect();
    let sent: Vec<(Value, Value, Value)> = bodies
        .iter()
        .map(|b| {
            (
                b["cursor"].clone(),
                b["searchTerm"].clone(),
                b["limit"].clone(),
            )
        })
        .collect();
    assert_eq!(
        sent,
        [
            (Value::Null, json!("priya"), json!(2)),
            (json!("c1"), json!("priya"), json!(2)),
            (json!("c2"), json!("priya"), json!(2)),
        ]
    );
}

#[tokio::test]
async fn scim_pages_by_start_index_until_total_results() {
    let example = fixture("scim/listScimUsers.json");
    let server = TestServer::start(move |req| {
        let start: usize = req
            .param("startIndex")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        let mut body = page(&example, "Resources", start);
        let total = 2 * PAGES - 1; // the last page holds one user
        let on_page = 2.min(total + 1 - start);
        body["Resources"]
            .as_array_mut()
            .expect("resources")
            .truncate(on_page);
        body["startIndex"] = json!(start);
        body["itemsPerPage"] = json!(on_page);
        body["totalResults"] = json!(total);
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let users: Vec<_> = client
        .list_scim_users()
        .directory_id("d")
        .count(2)
        .items()
        .try_collect()
        .await
        .expect("users");
    assert_eq!(users.len(), 2 * PAGES - 1);
    let seen = server.seen();
    let starts: Vec<_> = seen.iter().map(|s| s.param("startIndex")).collect();
    assert_eq!(starts, [None, Some("3".into()), Some("5".into())]);
    assert!(seen
        .iter()
        .all(|s| s.header("authorization") == Some("Bearer s")));
}

#[tokio::test]
async fn url_linked_lists_follow_the_link_on_the_same_origin_only() {
    let example = fixture("api-access/listServiceAccounts.json");
    let server = TestServer::start(move |req| {
        let index = index_of(req.param("page").as_deref());
        let mut body = page(&example, "items", index);
        body["links"] = match next_cursor(index) {
            Value::String(c) => {
                json!({"next": format!("/admin/api-access/v1/orgs/o/service-accounts?page={c}")})
            }
            _ => json!({}),
        };
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let accounts: Vec<_> = client
        .list_service_accounts()
        .org_id("o")
        .items()
        .try_collect()
        .await
        .expect("accounts");
    assert_eq!(accounts.len(), 2 * PAGES);
    assert!(server
        .seen()
        .iter()
        .all(|s| s.header("authorization") == Some("Bearer k")));

    let elsewhere = client
        .follow_link::<Value, ()>("https://attacker.example/steal", "list_service_accounts")
        .await
        .expect_err("another origin");
    assert!(elsewhere.to_string().contains("outside"), "{elsewhere}");
}

#[tokio::test]
async fn streams_are_lazy_and_stop_at_an_error() {
    let example = fixture("org-v1/getUsers.json");
    let server = TestServer::start(move |req| {
        let index = index_of(req.param("cursor").as_deref());
        if index == 1 {
            return Reply::json(500, json!({"errors": [{"title": "boom"}]}));
        }
        let mut body = page(&example, "data", index);
        body["links"] = json!({"next": next_cursor(index)});
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let first: Vec<_> = client
        .get_users()
        .org_id("o")
        .items()
        .take(1)
        .collect()
        .await;
    assert_eq!(first.len(), 1);
    assert_eq!(server.seen().len(), 1, "one item needs one page");

    let all: Vec<_> = client.get_users().org_id("o").pages().collect().await;
    assert_eq!(all.len(), 2, "a page, then the error, then the end");
    assert!(all[0].is_ok());
    assert_eq!(
        all[1]
            .as_ref()
            .err()
            .and_then(|e| e.status())
            .map(|s| s.as_u16()),
        Some(500)
    );
}

#[tokio::test]
async fn the_event_stream_ends_at_the_last_page_or_keeps_polling() {
    let example = fixture("org-v1/pollEvents.json");
    // Three pages, then empty pages that hand back the last cursor; after a
    // while a new event arrives at that position.
    let polls = std::sync::atomic::AtomicUsize::new(0);
    let server = TestServer::start(move |req| {
        let index = index_of(req.param("cursor").as_deref());
        let mut body = page(&example, "data", index);
        if index + 1 < PAGES {
            body["meta"] = json!({"next": format!("c{}", index + 1)});
        } else {
            let n = polls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if n < 3 {
                body["data"] = json!([]);
            }
            body["meta"] = json!({"next": format!("c{index}")});
        }
        Reply::json(200, body)
    })
    .await;
    let clock = ManualClock::default();
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("client");
    let pages: Vec<_> = client
        .poll_events()
        .org_id("o")
        .pages()
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(
        pages.len(),
        PAGES,
        "stops when the cursor comes back unchanged"
    );

    let events: Vec<_> = client
        .poll_events()
        .org_id("o")
        .follow(Duration::from_secs(30))
        .take(2 * PAGES + 2)
        .try_collect()
        .await
        .expect("events");
    assert_eq!(events.len(), 2 * PAGES + 2);
    // Two full pages, two empty polls of the last cursor, then a full page
    // that hands back the same cursor (the end again), then the last events.
    assert_eq!(clock.sleeps(), vec![Duration::from_secs(30); 3]);
}

/// Reads at most `limit` results of `stream`: enough to see a cycle end the
/// stream, and a bound so that an endless stream fails the test instead of
/// hanging it.
async fn at_most<T, S: futures::Stream<Item = T> + Unpin>(stream: S, limit: usize) -> Vec<T> {
    stream.take(limit).collect().await
}

/// The pages that came before the error, and the error, which must be last.
fn split_at_error<P, E: std::fmt::Debug>(results: Vec<Result<P, E>>) -> (usize, E) {
    let pages = results.iter().take_while(|r| r.is_ok()).count();
    let mut results = results;
    assert_eq!(
        pages + 1,
        results.len(),
        "the stream must end right after its error (read {} results)",
        results.len()
    );
    let last = results.pop().expect("one result at least");
    (pages, last.err().expect("an error last"))
}

#[tokio::test]
async fn a_cursor_cycle_a_b_a_ends_the_stream_with_an_error_naming_the_operation() {
    let example = fixture("org-v2/getDirectoryUserRoleAssignments.json");
    let server = TestServer::start(move |req| {
        let next = match req.param("cursor").as_deref() {
            None => "a",
            Some("a") => "b",
            _ => "a", // b -> a: back to a page already served
        };
        let mut body = page(&example, "data", 0);
        body["links"] = json!({ "next": next });
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let results = at_most(
        client
            .get_directory_user_role_assignments()
            .org_id("o")
            .directory_id("d")
            .account_id("a")
            .pages(),
        20,
    )
    .await;
    let (pages, error) = split_at_error(results);
    assert_eq!(pages, 3, "first, a, b: each served once");
    assert!(error.is_cycle(), "{error}");
    let atlassian_admin_api::pagination::PageError::Cycle {
        operation_id,
        pages,
        ..
    } = error
    else {
        panic!("not a cycle: {error}");
    };
    assert_eq!(
        (operation_id, pages),
        ("getDirectoryUserRoleAssignments", 3)
    );
    assert!(
        error.to_string()
            == "getDirectoryUserRoleAssignments: pagination cycle: after 3 pages the server pointed back to a page it had already served",
        "{error}"
    );
    assert_eq!(error.status(), None);
    assert_eq!(
        cursors(&server.seen()),
        [None, Some("a".into()), Some("b".into())],
        "no page fetched twice"
    );
}

#[tokio::test]
async fn url_links_alternating_between_two_pages_end_with_a_cycle_error() {
    let example = fixture("api-access/listServiceAccounts.json");
    let server = TestServer::start(move |req| {
        let other = if req.param("page").as_deref() == Some("1") {
            "2"
        } else {
            "1"
        };
        let mut body = page(&example, "items", 0);
        body["links"] =
            json!({"next": format!("/admin/api-access/v1/orgs/o/service-accounts?page={other}")});
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let results = at_most(client.list_service_accounts().org_id("o").pages(), 20).await;
    let (pages, error) = split_at_error(results);
    assert_eq!(
        pages, 3,
        "the first page, then ?page=1 and ?page=2 once each"
    );
    assert!(
        error.to_string()
            == "listServiceAccounts: pagination cycle: after 3 pages the server pointed back to a page it had already served",
        "{error}"
    );
    assert!(error.is_cycle());
    assert_eq!(server.seen().len(), 3);
}

#[tokio::test]
async fn a_scim_start_index_cycling_3_5_3_5_ends_with_a_cycle_error() {
    let example = fixture("scim/listScimUsers.json");
    let server = TestServer::start(move |req| {
        // Asked for 5, the server claims the page started at 1: the next
        // index is 3 again.
        let claimed = match req.param("startIndex").as_deref() {
            Some("3") => 3,
            _ => 1,
        };
        let mut body = page(&example, "Resources", 0);
        body["startIndex"] = json!(claimed);
        body["itemsPerPage"] = json!(2);
        body["totalResults"] = json!(100);
        Reply::json(200, body)
    })
    .await;
    let client = client(&server);
    let results = at_most(client.list_scim_users().directory_id("d").items(), 50).await;
    let (users, error) = split_at_error(results);
    assert_eq!(users, 6, "three pages of two users");
    assert!(error.to_string()
            == "listScimUsers: pagination cycle: after 3 pages the server pointed back to a page it had already served", "{error}");
    let starts: Vec<_> = server
        .seen()
        .iter()
        .map(|s| s.param("startIndex"))
        .collect();
    assert_eq!(starts, [None, Some("3".into()), Some("5".into())]);
}

#[tokio::test]
async fn a_followed_event_stream_that_cycles_ends_instead_of_spinning() {
    let example = fixture("org-v1/pollEvents.json");
    let server = TestServer::start(move |req| {
        let next = match req.param("cursor").as_deref() {
            None => "a",
            Some("a") => "b",
            _ => "a",
        };
        let mut body = page(&example, "data", 0);
        body["meta"] = json!({ "next": next });
        Reply::json(200, body)
    })
    .await;
    let clock = ManualClock::default();
    let client = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .clock(Arc::new(clock.clone()))
        .build()
        .expect("client");
    let results = at_most(
        client
            .poll_events()
            .org_id("o")
            .follow(Duration::from_secs(30)),
        50,
    )
    .await;
    let (events, error) = split_at_error(results);
    assert_eq!(events, 6, "three pages of two events");
    assert!(error.to_string()
            == "pollEvents: pagination cycle: after 3 pages the server pointed back to a page it had already served", "{error}");
    assert!(clock.sleeps().is_empty(), "full pages never wait");
}
