//! The HTTP plumbing: a loopback server that hands each request, fully read,
//! to a synchronous handler and writes back its JSON reply.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use percent_encoding::percent_decode_str;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// One request as the handler sees it: everything already read.
#[derive(Debug, Clone)]
pub struct Request {
    /// HTTP method, upper case (`GET`, `POST`, ...).
    pub method: String,
    /// The path as sent, still percent-encoded.
    pub raw_path: String,
    /// Query pairs, decoded, in the order sent.
    pub query: Vec<(String, String)>,
    /// Request headers.
    pub headers: HeaderMap,
    /// The body bytes (empty when none was sent).
    pub body: Bytes,
}

impl Request {
    /// The path's segments, percent-decoded (`/a/b%3Ac` → `["a", "b:c"]`).
    pub fn segments(&self) -> Vec<String> {
        self.raw_path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
            .collect()
    }

    /// A header's value as text, if present and valid.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// All values of one query parameter, in order.
    pub fn query_values(&self, name: &str) -> Vec<&str> {
        self.query
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The body parsed as JSON (`Ok(None)` when the body is empty).
    pub fn json(&self) -> Result<Option<Value>, serde_json::Error> {
        if self.body.is_empty() {
            return Ok(None);
        }
        serde_json::from_slice(&self.body).map(Some)
    }
}

/// What the handler answers: a status and an optional JSON body.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// HTTP status code.
    pub status: u16,
    /// JSON body; `None` sends an empty body.
    pub body: Option<Value>,
}

impl Reply {
    /// A reply with a JSON body.
    pub fn json(status: u16, body: Value) -> Self {
        Self {
            status,
            body: Some(body),
        }
    }

    /// A reply without a body (e.g. `204 No Content`).
    pub fn empty(status: u16) -> Self {
        Self { status, body: None }
    }
}

/// Answers requests; called once per request, from any thread.
pub type Handler = Arc<dyn Fn(Request) -> Reply + Send + Sync>;

/// A running loopback server; it stops when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Server {
    /// Binds a free port on 127.0.0.1 and serves `handler` on the current
    /// tokio runtime.
    pub async fn start(handler: Handler) -> io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(accept_loop(listener, handler));
        Ok(Self { addr, task })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL to give a client (`http://127.0.0.1:PORT`).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, handler: Handler) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let handler = Arc::clone(&handler);
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let handler = Arc::clone(&handler);
                async move { Ok::<_, Infallible>(answer(&handler, req).await) }
            });
            // A client that hangs up mid-request is not the server's problem.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer(handler: &Handler, req: hyper::Request<Incoming>) -> hyper::Response<Full<Bytes>> {
    let (parts, body) = req.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return respond(Reply::empty(400)),
    };
    let query = parts
        .uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let request = Request {
        method: parts.method.as_str().to_owned(),
        raw_path: parts.uri.path().to_owned(),
        query,
        headers: parts.headers,
        body,
    };
    respond(handler(request))
}

fn respond(reply: Reply) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(match &reply.body {
        Some(body) => Full::new(Bytes::from(body.to_string())),
        None => Full::new(Bytes::new()),
    });
    *response.status_mut() = hyper::StatusCode::from_u16(reply.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    if reply.body.is_some() {
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    response
}
