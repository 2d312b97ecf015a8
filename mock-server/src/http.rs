//! The HTTP plumbing: a loopback server that hands each request, fully read,
//! to a synchronous handler and writes back its reply. It is the one loopback
//! server of the workspace: the embedded admin API runs on it, and so do the
//! tests' scripted servers (`tests/server/`), which use its request log.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{HeaderMap, HeaderValue};
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
    /// The query string as sent (without `?`; empty when none).
    pub raw_query: String,
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

/// What the handler answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// HTTP status code.
    pub status: u16,
    /// Response headers (a JSON reply carries its `content-type`).
    pub headers: Vec<(String, String)>,
    /// The body (empty for none).
    pub body: Bytes,
    /// How long the server waits before answering (a slow or hanging server).
    pub delay: Duration,
    /// How the answer reaches the wire (whole, cut short, or not at all).
    pub wire: Wire,
}

/// How an answer reaches the wire: the faults a network or a crashing
/// server produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Wire {
    /// The whole answer.
    #[default]
    Whole,
    /// The connection closes without an answer.
    Drop,
    /// The headers announce the whole body, half of it is sent, then the
    /// connection closes.
    Truncate,
}

impl Reply {
    /// A reply with a JSON body.
    pub fn json(status: u16, body: Value) -> Self {
        Self::raw(status, "application/json", body.to_string())
    }

    /// A reply with any body and its content type (HTML from a gateway, say).
    pub fn raw(status: u16, content_type: &str, body: impl Into<Bytes>) -> Self {
        Self {
            status,
            headers: vec![("content-type".to_owned(), content_type.to_owned())],
            body: body.into(),
            delay: Duration::ZERO,
            wire: Wire::Whole,
        }
    }

    /// A reply without a body (e.g. `204 No Content`).
    pub fn empty(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Bytes::new(),
            delay: Duration::ZERO,
            wire: Wire::Whole,
        }
    }

    /// The same reply with one more header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The same reply, sent as `wire` says.
    pub fn on_wire(mut self, wire: Wire) -> Self {
        self.wire = wire;
        self
    }

    /// The same reply, sent after `delay`.
    pub fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// Answers requests; called once per request, from any thread.
pub type Handler = Arc<dyn Fn(Request) -> Reply + Send + Sync>;

/// The requests a server has answered, in arrival order.
type Log = Arc<Mutex<Vec<Request>>>;

/// A running loopback server; it stops when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    task: JoinHandle<()>,
    log: Option<Log>,
}

impl Server {
    /// Binds a free port on 127.0.0.1 and serves `handler` on the current
    /// tokio runtime.
    pub async fn start(handler: Handler) -> io::Result<Self> {
        Self::bind(handler, None).await
    }

    /// Like [`start`](Self::start), keeping every request for
    /// [`requests`](Self::requests).
    pub async fn start_logged(handler: Handler) -> io::Result<Self> {
        Self::bind(handler, Some(Log::default())).await
    }

    /// Like [`start`](Self::start) on a chosen port of 127.0.0.1 (0: any free one).
    pub async fn bind_port(handler: Handler, port: u16) -> io::Result<Self> {
        Self::bind_on(handler, None, port).await
    }

    async fn bind(handler: Handler, log: Option<Log>) -> io::Result<Self> {
        Self::bind_on(handler, log, 0).await
    }

    async fn bind_on(handler: Handler, log: Option<Log>, port: u16) -> io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(accept_loop(listener, handler, log.clone()));
        Ok(Self { addr, task, log })
    }

    /// Every request answered so far, in arrival order (none unless started
    /// with [`start_logged`](Self::start_logged)).
    pub fn requests(&self) -> Vec<Request> {
        self.log.as_ref().map_or_else(Vec::new, |log| {
            // A poisoned log only means a handler panicked; the list is intact.
            log.lock().unwrap_or_else(|e| e.into_inner()).clone()
        })
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

async fn accept_loop(listener: TcpListener, handler: Handler, log: Option<Log>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let handler = Arc::clone(&handler);
        let log = log.clone();
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let handler = Arc::clone(&handler);
                let log = log.clone();
                async move { answer(&handler, log.as_ref(), req).await }
            });
            // A client that hangs up mid-request is not the server's problem.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn answer(
    handler: &Handler,
    log: Option<&Log>,
    req: hyper::Request<Incoming>,
) -> Result<hyper::Response<WireBody>, DroppedConnection> {
    let (parts, body) = req.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Ok(respond(Reply::empty(400))),
    };
    let query = parts
        .uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let request = Request {
        method: parts.method.as_str().to_owned(),
        raw_path: parts.uri.path().to_owned(),
        raw_query: parts.uri.query().unwrap_or_default().to_owned(),
        query,
        headers: parts.headers,
        body,
    };
    if let Some(log) = log {
        log.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(request.clone());
    }
    let reply = handler(request);
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    if reply.wire == Wire::Drop {
        // An error from the service makes hyper close the connection unanswered.
        return Err(DroppedConnection);
    }
    Ok(respond(reply))
}

/// The error that makes hyper close a connection without answering.
#[derive(Debug)]
struct DroppedConnection;

impl std::fmt::Display for DroppedConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose (fault injection)")
    }
}

impl std::error::Error for DroppedConnection {}

fn respond(reply: Reply) -> hyper::Response<WireBody> {
    let full_len = reply.body.len();
    let body = match reply.wire {
        Wire::Truncate => reply.body.slice(..full_len / 2),
        _ => reply.body,
    };
    let mut response = hyper::Response::new(WireBody {
        data: Some(body).filter(|b| !b.is_empty()),
        exact: reply.wire != Wire::Truncate,
        paused: false,
    });
    if reply.wire == Wire::Truncate {
        // Announce the whole body: the client sees the connection end early.
        response.headers_mut().insert(
            hyper::header::CONTENT_LENGTH,
            HeaderValue::from(full_len as u64),
        );
    }
    *response.status_mut() = hyper::StatusCode::from_u16(reply.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in &reply.headers {
        if let (Ok(name), Ok(value)) = (
            hyper::header::HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

/// A response body sent in one frame. A truncated one does not announce its
/// size, so hyper sends the header's length and closes the connection when
/// the body ends short.
struct WireBody {
    data: Option<Bytes>,
    exact: bool,
    /// A truncated body pauses once after its data, so hyper flushes what
    /// it has before the early end closes the connection.
    paused: bool,
}

impl hyper::body::Body for WireBody {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Bytes>, Self::Error>>> {
        if let Some(d) = self.data.take() {
            return std::task::Poll::Ready(Some(Ok(hyper::body::Frame::data(d))));
        }
        if !self.exact && !self.paused {
            self.paused = true;
            cx.waker().wake_by_ref();
            return std::task::Poll::Pending;
        }
        std::task::Poll::Ready(None)
    }

    fn is_end_stream(&self) -> bool {
        self.exact && self.data.is_none()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        match (&self.data, self.exact) {
            (Some(d), true) => hyper::body::SizeHint::with_exact(d.len() as u64),
            (None, true) => hyper::body::SizeHint::with_exact(0),
            _ => hyper::body::SizeHint::default(),
        }
    }
}
