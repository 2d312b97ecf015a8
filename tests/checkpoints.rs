//! Streams that can be checkpointed: every page's next position is public
//! (`pages_from`), a fresh builder resumes from a saved one without a page
//! skipped or fetched twice, for every pagination style (cursor in the
//! query, cursor in the body, link, index, feed); `raw_pages_from` keeps
//! each item's exact text. Also the client's organization default and the
//! message of a parameter left unset.

mod server;

use atlassian_admin_api::{types, Client, RetryPolicy};
use futures::TryStreamExt;
use serde_json::{json, Value};
use server::{Reply, TestServer};

/// Items `0..total`, `per_page` a page: the page starting at `start`.
fn slice(total: usize, per_page: usize, start: usize) -> (Vec<usize>, Option<usize>) {
    let end = (start + per_page).min(total);
    let next = (end < total).then_some(end);
    ((start..end).collect(), next)
}

fn client(server: &TestServer) -> Client {
    Client::builder()
        .api_key("k")
        .scim_api_key("s")
        .org_id("org-from-config")
        .base_url(server.url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("client")
}

/// An event whose text matters: an offset timestamp serde would rewrite,
/// a member the spec does not name, a number with a trailing zero.
fn event(n: usize) -> String {
    format!(
        r#"{{"id": "e{n}", "type": "events", "attributes": {{"time": "2026-01-01T10:00:0{}.120+00:00", "processedAt": "2026-01-01T10:00:09.5+01:00", "action": "user_suspended", "actor": {{"id": "a1"}}, "context": [], "newMember": {{"k": [1, 2.50]}}}}, "links": {{"self": "https://api.atlassian.com/e{n}"}}}}"#,
        n % 10
    )
}

fn events_page(items: &[usize], next: Option<usize>) -> String {
    let data: Vec<String> = items.iter().map(|&n| event(n)).collect();
    let next = next.map_or("null".to_owned(), |n| format!("\"c{n}\""));
    format!(
        r#"{{"data": [{}], "meta": {{"next": {next}, "page_size": 3}}, "links": {{}}}}"#,
        data.join(", ")
    )
}

fn cursor_start(cursor: Option<String>) -> usize {
    cursor
        .and_then(|c| c.strip_prefix('c').and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

#[tokio::test]
async fn a_cursor_list_resumes_from_every_saved_position() {
    let server = TestServer::start(|req| {
        let (items, next) = slice(8, 3, cursor_start(req.param("cursor")));
        Reply::raw(200, "application/json", events_page(&items, next))
    })
    .await;
    let client = client(&server);
    // One run, keeping each page's position.
    let pages: Vec<_> = client
        .get_events()
        .pages_from(None)
        .try_collect()
        .await
        .expect("pages");
    let positions: Vec<Option<String>> = pages.iter().map(|p| p.next.clone()).collect();
    assert_eq!(
        positions,
        [Some("c3".to_owned()), Some("c6".to_owned()), None]
    );
    let ids = |pages: &[atlassian_admin_api::Page<types::Event>]| -> Vec<String> {
        pages
            .iter()
            .flat_map(|p| p.items.iter().map(|e| e.id.clone()))
            .collect()
    };
    let all = ids(&pages);
    assert_eq!(all.len(), 8);
    // A crash after any page: a fresh builder resumes at its position.
    for (done, page) in pages.iter().enumerate() {
        let Some(saved) = page.next.clone() else {
            continue;
        };
        let rest: Vec<_> = client
            .get_events()
            .pages_from(Some(saved))
            .try_collect()
            .await
            .expect("rest");
        let mut seen = ids(&pages[..=done]);
        seen.extend(ids(&rest));
        assert_eq!(seen, all, "resumed after page {}", done + 1);
    }
    // The organization came from the client's configuration.
    assert!(server
        .seen()
        .iter()
        .all(|s| s.path == "/admin/v1/orgs/org-from-config/events"));
}

#[tokio::test]
async fn raw_pages_keep_each_events_exact_text() {
    let server = TestServer::start(|req| {
        let (items, next) = slice(5, 2, cursor_start(req.param("cursor")));
        Reply::raw(200, "application/json", events_page(&items, next))
    })
    .await;
    let client = client(&server);
    let pages: Vec<_> = client
        .get_events()
        .raw_pages_from(Some("c2".to_owned()))
        .try_collect()
        .await
        .expect("pages");
    let items: Vec<_> = pages.into_iter().flat_map(|p| p.items).collect();
    assert_eq!(items.len(), 3, "from item 2 on");
    for (item, n) in items.iter().zip(2..) {
        assert_eq!(item.id, format!("e{n}"), "the typed view");
        assert_eq!(item.json(), event(n), "the exact text");
        assert_eq!(serde_json::to_string(item).expect("serialises"), event(n));
    }
    // The typed view alone re-serialises differently: why `Raw` exists.
    let typed = serde_json::to_string(items[0].value()).expect("serialises");
    assert!(
        !typed.contains("newMember") && !typed.contains(".120+00:00"),
        "{typed}"
    );
}

#[tokio::test]
async fn a_body_cursor_search_resumes_with_the_same_filters() {
    let server = TestServer::start(|req| {
        let body: Value = serde_json::from_slice(&req.body).unwrap_or_default();
        let start = cursor_start(body["cursor"].as_str().map(str::to_owned));
        let (items, next) = slice(5, 2, start);
        let data: Vec<Value> = items
            .iter()
            .map(|n| json!({"accountId": format!("a{n}"), "name": format!("User {n}"), "email": format!("u{n}@x.example"), "status": "active"}))
            .collect();
        Reply::json(
            200,
            json!({"data": data, "links": {"next": next.map(|n| format!("c{n}"))}}),
        )
    })
    .await;
    let client = client(&server);
    let request = || {
        client
            .search_directory_users()
            .directory_id("d")
            .body_map(|b| b.emails(vec!["u@x.example".to_owned()]))
    };
    let first: Vec<_> = request()
        .pages_from(None)
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(first[0].next.as_deref(), Some("c2"));
    let rest: Vec<_> = request()
        .pages_from(first[0].next.clone())
        .try_collect()
        .await
        .expect("rest");
    let ids: Vec<String> = rest
        .iter()
        .flat_map(|p| p.items.iter().filter_map(|u| u.account_id.clone()))
        .collect();
    assert_eq!(ids, ["a2", "a3", "a4"]);
    let bodies: Vec<Value> = server.seen().iter().map(|s| s.json()).collect();
    let resumed = &bodies[first.len()];
    assert_eq!(resumed["cursor"], "c2");
    assert_eq!(resumed["emails"], json!(["u@x.example"]));
}

#[tokio::test]
async fn a_linked_list_resumes_from_a_saved_link() {
    let server = TestServer::start(|req| {
        let (items, next) = slice(5, 2, cursor_start(req.param("page")));
        let data: Vec<Value> = items
            .iter()
            .map(|n| json!({"atlassianId": format!("sa{n}"), "id": format!("sa{n}"), "email": "bot@serviceaccount.atlassian.com", "displayName": format!("bot {n}"), "container": "ari:cloud:platform::org/o", "status": "active"}))
            .collect();
        let links = match next {
            Some(n) => json!({"next": format!("/admin/api-access/v1/orgs/o/service-accounts?page=c{n}")}),
            None => json!({}),
        };
        Reply::json(200, json!({"items": data, "links": links, "total": 5}))
    })
    .await;
    let client = client(&server);
    let first: Vec<_> = client
        .list_service_accounts()
        .org_id("o")
        .pages_from(None)
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(first.len(), 3);
    let saved = first[0].next.clone().expect("a link");
    assert_eq!(
        saved,
        "/admin/api-access/v1/orgs/o/service-accounts?page=c2"
    );
    let rest: Vec<_> = client
        .list_service_accounts()
        .org_id("o")
        .pages_from(Some(saved))
        .try_collect()
        .await
        .expect("rest");
    assert_eq!(rest.len(), 2);
    assert!(rest.last().is_some_and(|p| p.next.is_none()));
}

#[tokio::test]
async fn a_scim_list_resumes_from_a_saved_start_index() {
    let server = TestServer::start(|req| {
        let start: usize = req
            .param("startIndex")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        let (items, _) = slice(6, 2, start - 1);
        let resources: Vec<Value> = items
            .iter()
            .map(|n| json!({"id": format!("u{n}"), "userName": format!("u{n}@x.example"), "schemas": []}))
            .collect();
        Reply::json(
            200,
            json!({"Resources": resources, "startIndex": start, "itemsPerPage": items.len(), "totalResults": 6, "schemas": []}),
        )
    })
    .await;
    let client = client(&server);
    let first: Vec<_> = client
        .list_scim_users()
        .directory_id("d")
        .pages_from(None)
        .try_collect()
        .await
        .expect("pages");
    let positions: Vec<Option<u32>> = first.iter().map(|p| p.next).collect();
    assert_eq!(positions, [Some(3), Some(5), None]);
    let rest: Vec<_> = client
        .list_scim_users()
        .directory_id("d")
        .pages_from(Some(5))
        .try_collect()
        .await
        .expect("rest");
    let ids: Vec<String> = rest
        .iter()
        .flat_map(|p| p.items.iter().filter_map(|u| u.id.clone()))
        .collect();
    assert_eq!(ids, ["u4", "u5"]);
}

#[tokio::test]
async fn a_feed_ends_with_the_position_to_ask_again_later() {
    // The event stream hands the same cursor back at its end; events that
    // arrive later are served from it.
    let arrived = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(5));
    let total = std::sync::Arc::clone(&arrived);
    let server = TestServer::start(move |req| {
        let total = total.load(std::sync::atomic::Ordering::SeqCst);
        let start = cursor_start(req.param("cursor"));
        let (items, next) = slice(total, 2, start);
        let next = next.or(Some(start + items.len()));
        Reply::raw(200, "application/json", events_page(&items, next))
    })
    .await;
    let client = client(&server);
    let pages: Vec<_> = client
        .poll_events()
        .pages_from(None)
        .try_collect()
        .await
        .expect("pages");
    let count: usize = pages.iter().map(|p| p.items.len()).sum();
    assert_eq!(count, 5);
    let replay = pages.last().and_then(|p| p.next.clone());
    assert_eq!(
        replay.as_deref(),
        Some("c5"),
        "the last page keeps its position"
    );
    arrived.store(8, std::sync::atomic::Ordering::SeqCst);
    let later: Vec<_> = client
        .poll_events()
        .pages_from(replay)
        .try_collect()
        .await
        .expect("later");
    let ids: Vec<String> = later
        .iter()
        .flat_map(|p| p.items.iter().map(|e| e.id.clone()))
        .collect();
    assert_eq!(ids, ["e5", "e6", "e7"], "only what arrived since");
}

#[tokio::test]
async fn a_missing_parameter_names_the_operation_and_the_parameter() {
    let server = TestServer::start(|_| Reply::json(200, json!({}))).await;
    let configured = client(&server);
    let err = configured
        .get_directory_group()
        .group_id("g")
        .send()
        .await
        .expect_err("no directory id");
    assert_eq!(
        err.to_string(),
        "getDirectoryGroup: invalid request: the required parameter `directory_id` was not set (call `.directory_id(...)`)"
    );
    let unconfigured = Client::builder()
        .api_key("k")
        .base_url(server.url())
        .build()
        .expect("client");
    let err = unconfigured
        .get_directory_group()
        .directory_id("d")
        .group_id("g")
        .send()
        .await
        .expect_err("no org id");
    assert_eq!(
        err.to_string(),
        "getDirectoryGroup: invalid request: the required parameter `org_id` was not set: call `.org_id(...)`, or configure the client's organization (ClientBuilder::org_id or ATLASSIAN_ORG_ID)"
    );
    assert!(server.seen().is_empty(), "nothing was sent");
}
