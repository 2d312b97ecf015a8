//! Scripted servers for the end-to-end tests and benchmarks: each request is
//! recorded and answered by a handler closure (handlers keep their own state
//! behind a `Mutex` or atomics). They run on the workspace's one loopback
//! server, `atlassian_admin_mock_server::Server`.
#![allow(dead_code)]

use std::sync::Arc;

use bytes::Bytes;

pub use atlassian_admin_mock_server::Reply;
use atlassian_admin_mock_server::{Request, Server};

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

impl From<&Request> for Seen {
    fn from(request: &Request) -> Self {
        Self {
            method: request.method.clone(),
            path: request.raw_path.clone(),
            query: request.raw_query.clone(),
            headers: request
                .headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
                .collect(),
            body: request.body.clone(),
        }
    }
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The value of query parameter `name`.
    pub fn param(&self, name: &str) -> Option<String> {
        serde_urlencoded::from_str::<Vec<(String, String)>>(&self.query)
            .ok()?
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }
}

/// A running server; it stops when dropped.
pub struct TestServer {
    server: Server,
}

impl TestServer {
    pub async fn start(handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Self {
        Self::start_with(handler, true).await
    }

    /// `record: false` keeps no log (for benchmarks).
    pub async fn start_with(
        handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static,
        record: bool,
    ) -> Self {
        let handler = Arc::new(move |request: Request| handler(&Seen::from(&request)));
        let server = if record {
            Server::start_logged(handler).await
        } else {
            Server::start(handler).await
        };
        Self {
            server: server.expect("bind 127.0.0.1"),
        }
    }

    pub fn url(&self) -> String {
        self.server.base_url()
    }

    /// Every request so far, in arrival order.
    pub fn seen(&self) -> Vec<Seen> {
        self.server.requests().iter().map(Seen::from).collect()
    }

    pub fn count(&self, method: &str, path_contains: &str) -> usize {
        self.seen()
            .iter()
            .filter(|s| s.method == method && s.path.contains(path_contains))
            .count()
    }
}
