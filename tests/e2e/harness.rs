//! Runs the generated cases: a loopback server checks each request against
//! its case and answers the case's sample body; the client must decode it.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use atlassian_admin_api::{Client, Error, ResponseValue};
use atlassian_admin_mock_server::{Reply, Request, Server};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// The token every case sends; the server checks it.
pub const TOKEN: &str = "test-token";

/// One operation's end-to-end case (generated in `cases.rs`).
pub struct Case {
    pub operation_id: &'static str,
    pub method: &'static str,
    /// The expected path, with the sample path values (decoded).
    pub path: &'static str,
    /// The expected query pairs (decoded), in any order.
    pub query: &'static [(&'static str, &'static str)],
    /// The expected JSON body.
    pub request: Option<&'static str>,
    /// The success status and body the server answers.
    pub success: (u16, Option<&'static str>),
    /// An error status and body of the operation's error schema.
    pub error: Option<(u16, &'static str)>,
    /// Calls the operation with every parameter set to its sample value.
    pub call: fn(Client) -> Pin<Box<dyn Future<Output = Outcome>>>,
}

/// What the client made of the server's answer.
#[derive(Debug)]
pub enum Outcome {
    /// A decoded success body, serialized back to JSON.
    Success(u16, Value),
    /// A decoded error body, serialized back to JSON.
    Failure(u16, Value),
    /// Anything else (a decoding failure, a transport error).
    Other(String),
}

/// A parameter or body value from its JSON sample.
pub fn sample<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("sample {json} does not decode: {e}"))
}

/// Reduces a call's result to an [`Outcome`].
pub fn outcome<T: Serialize, E: Serialize + std::fmt::Debug>(
    result: Result<ResponseValue<T>, Error<E>>,
) -> Outcome {
    match result {
        Ok(rv) => {
            let status = rv.status().as_u16();
            match serde_json::to_value(rv.into_inner()) {
                Ok(v) => Outcome::Success(status, v),
                Err(e) => Outcome::Other(format!("success body does not serialize: {e}")),
            }
        }
        Err(error) => match (error.status(), error.error_body()) {
            (Some(status), Some(body)) => match serde_json::to_value(body) {
                Ok(v) => Outcome::Failure(status.as_u16(), v),
                Err(e) => Outcome::Other(format!("error body does not serialize: {e}")),
            },
            // The answer's text rides along so a caller can tell which body
            // failed to decode (Prism's stand-ins, for example).
            _ => Outcome::Other(match error.answer() {
                Some(answer) => format!("{error}; body: {}", answer.text()),
                None => error.to_string(),
            }),
        },
    }
}

/// `actual` carries every value of `expected` (objects may have more keys:
/// defaults the types fill in).
pub fn contains(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e
            .iter()
            .all(|(k, ev)| a.get(k).is_some_and(|av| contains(av, ev))),
        (Value::Array(a), Value::Array(e)) => {
            a.len() == e.len() && a.iter().zip(e).all(|(av, ev)| contains(av, ev))
        }
        (Value::Number(a), Value::Number(e)) => a.as_f64() == e.as_f64(),
        _ => actual == expected,
    }
}

/// The answer the server gives to the case under test.
#[derive(Clone, Copy)]
enum Answer {
    Success,
    Error,
}

#[derive(Default)]
struct Exchange {
    case: Option<(&'static Case, Answer)>,
    requests: usize,
    problems: Vec<String>,
}

/// Checks one request against the case; returns what is wrong with it.
fn check_request(case: &Case, req: &Request) -> Vec<String> {
    let mut problems = Vec::new();
    if req.method != case.method {
        problems.push(format!("method {} instead of {}", req.method, case.method));
    }
    let path = format!("/{}", req.segments().join("/"));
    if path != case.path {
        problems.push(format!("path {path} instead of {}", case.path));
    }
    let mut sent: Vec<(&str, &str)> = req
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut want = case.query.to_vec();
    sent.sort_unstable();
    want.sort_unstable();
    if sent != want {
        problems.push(format!("query {sent:?} instead of {want:?}"));
    }
    if req.header("authorization") != Some(&format!("Bearer {TOKEN}")) {
        problems.push("no `Authorization: Bearer <token>` header".to_owned());
    }
    if case.success.1.is_some() && !req.header("accept").is_some_and(|a| a.contains("json")) {
        problems.push(format!("accept {:?} instead of JSON", req.header("accept")));
    }
    match case.request {
        Some(expected) => {
            if !req
                .header("content-type")
                .is_some_and(|c| c.starts_with("application/json"))
            {
                problems.push(format!("content-type {:?}", req.header("content-type")));
            }
            let expected: Value = sample(expected);
            match req.json() {
                Ok(Some(body)) if contains(&body, &expected) => {}
                Ok(body) => problems.push(format!("body {body:?} instead of {expected}")),
                Err(e) => problems.push(format!("body is not JSON: {e}")),
            }
        }
        None if !req.body.is_empty() => problems.push("a body where none is expected".to_owned()),
        None => {}
    }
    problems
}

fn answer(exchange: &Mutex<Exchange>, req: Request) -> Reply {
    let Ok(mut ex) = exchange.lock() else {
        return Reply::empty(500);
    };
    ex.requests += 1;
    let Some((case, answer)) = ex.case else {
        ex.problems.push(format!(
            "unexpected request {} {}",
            req.method, req.raw_path
        ));
        return Reply::empty(500);
    };
    for problem in check_request(case, &req) {
        ex.problems
            .push(format!("{}: {problem}", case.operation_id));
    }
    let (status, body) = match (answer, case.error) {
        (Answer::Error, Some((status, body))) => (status, Some(body)),
        _ => case.success,
    };
    match body {
        Some(body) => Reply::json(status, sample(body)),
        None => Reply::empty(status),
    }
}

/// Runs every case (success, then error answer) against one server; returns
/// the problems found, empty when all passed.
pub async fn run(cases: &'static [Case]) -> Vec<String> {
    let exchange = Arc::new(Mutex::new(Exchange::default()));
    let shared = Arc::clone(&exchange);
    let server = Server::start(Arc::new(move |req| answer(&shared, req)))
        .await
        .expect("server starts");
    let client = client(&server.base_url());
    let mut problems = Vec::new();
    for case in cases {
        for mode in [Answer::Success, Answer::Error] {
            if matches!(mode, Answer::Error) && case.error.is_none() {
                continue;
            }
            exchange.lock().expect("lock").case = Some((case, mode));
            let before = exchange.lock().expect("lock").requests;
            let got = (case.call)(client.clone()).await;
            if exchange.lock().expect("lock").requests != before + 1 {
                problems.push(format!(
                    "{}: did not send exactly one request",
                    case.operation_id
                ));
            }
            if let Some(problem) = judge(case, mode, got) {
                problems.push(format!("{}: {problem}", case.operation_id));
            }
        }
    }
    problems.append(&mut exchange.lock().expect("lock").problems);
    problems
}

/// Whether the client's outcome matches what the server answered.
fn judge(case: &Case, mode: Answer, got: Outcome) -> Option<String> {
    let (want_status, want_body, want_success) = match (mode, case.error) {
        (Answer::Error, Some((status, body))) => (status, Some(body), false),
        _ => (case.success.0, case.success.1, true),
    };
    let want: Value = want_body.map(sample).unwrap_or(Value::Null);
    match got {
        Outcome::Success(status, body) if want_success && status == want_status => {
            (!contains(&body, &want)).then(|| format!("decoded {body} from {want}"))
        }
        Outcome::Failure(status, body) if !want_success && status == want_status => {
            (!contains(&body, &want)).then(|| format!("decoded error {body} from {want}"))
        }
        Outcome::Other(message) => Some(format!(
            "answered {want_status} {want}, client failed: {message}"
        )),
        other => Some(format!(
            "answered {want_status} {want}, client gave {other:?}"
        )),
    }
}

/// A client that sends the test token on every request (organization and
/// SCIM paths alike), without retries: each case expects exactly one request.
pub fn client(base_url: &str) -> Client {
    Client::builder()
        .api_key(TOKEN)
        .scim_api_key(TOKEN)
        .base_url(base_url)
        .retry(atlassian_admin_api::RetryPolicy::disabled())
        .build()
        .expect("client")
}
