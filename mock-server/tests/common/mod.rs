//! The twin's test harness: a twin on a loopback port, and a plain HTTP/1.1
//! client that calls an operation by its `operationId` (the path filled from
//! the spec's template, the operation's own key) and checks every answer
//! against the curated spec's schema for that status.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use atlassian_admin_mock_server::schema::{validate, Direction};
use atlassian_admin_mock_server::spec::{Credential, Spec};
use atlassian_admin_mock_server::{MockAdminApi, Org, Server, API_KEY, SCIM_API_KEY};
use serde_json::Value;

/// One answer: status, headers (lower-case names) and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

pub struct Twin {
    pub api: MockAdminApi,
    pub server: Server,
    // Kept alive for the server; dropped last.
    _runtime: tokio::runtime::Runtime,
    pub org: String,
    pub dir: String,
}

impl Twin {
    pub fn seeded() -> Self {
        Self::with(MockAdminApi::default())
    }

    pub fn with(api: MockAdminApi) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let server = runtime.block_on(api.serve()).expect("twin starts");
        let snapshot: Org = api.snapshot();
        Self {
            org: snapshot.org_id.clone(),
            dir: snapshot.directory_id.clone(),
            api,
            server,
            _runtime: runtime,
        }
    }

    /// Calls `operation` with the path parameters (orgId and directoryId
    /// default to the twin's), the query pairs and a JSON body, with the
    /// operation's key; checks the answer against the spec.
    pub fn call(
        &self,
        operation: &str,
        path: &[(&str, &str)],
        query: &[(&str, &str)],
        body: Option<Value>,
    ) -> Answer {
        let op = Spec::get()
            .operation(operation)
            .unwrap_or_else(|| panic!("no operation {operation} in the spec"));
        let key = match op.credential {
            Credential::Scim => SCIM_API_KEY,
            _ => API_KEY,
        };
        self.call_with_key(operation, path, query, body, key)
    }

    pub fn call_with_key(
        &self,
        operation: &str,
        path: &[(&str, &str)],
        query: &[(&str, &str)],
        body: Option<Value>,
        key: &str,
    ) -> Answer {
        let spec = Spec::get();
        let op = spec.operation(operation).expect("operation");
        let mut values: Vec<(&str, &str)> = vec![("orgId", &self.org), ("directoryId", &self.dir)];
        values.splice(0..0, path.iter().copied());
        let mut target = op.fill(&values);
        if !query.is_empty() {
            let q: Vec<String> = query
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{k}={}",
                        form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
                    )
                })
                .collect();
            target = format!("{target}?{}", q.join("&"));
        }
        let answer = self.raw(&op.method, &target, body.map(|b| b.to_string()), key);
        check_answer(operation, &answer);
        answer
    }

    /// A raw request; the answer is not checked.
    pub fn raw(&self, method: &str, target: &str, body: Option<String>, key: &str) -> Answer {
        let mut stream = TcpStream::connect(self.server.addr()).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let body = body.unwrap_or_default();
        let content_type = if body.is_empty() {
            ""
        } else {
            "content-type: application/json\r\n"
        };
        let request = format!(
            "{method} {target} HTTP/1.1\r\nhost: {}\r\nauthorization: Bearer {key}\r\n{content_type}content-length: {}\r\nconnection: close\r\n\r\n{body}",
            self.server.addr(),
            body.len()
        );
        stream.write_all(request.as_bytes()).expect("send");
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        parse(&raw).unwrap_or_else(|| {
            panic!(
                "no HTTP answer to {method} {target}: {:?}",
                String::from_utf8_lossy(&raw)
            )
        })
    }
}

/// Parses an HTTP/1.1 answer (content-length bodies; the twin never chunks).
pub fn parse(raw: &[u8]) -> Option<Answer> {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n")?;
    let mut lines = head.lines();
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_owned()))
        .collect();
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).unwrap_or(Value::String(body.to_owned()))
    };
    Some(Answer {
        status,
        headers,
        body,
    })
}

/// The answer must be one the spec declares for the operation, with a body
/// that fits the schema for its status (or no body where it declares none).
pub fn check_answer(operation: &str, answer: &Answer) {
    let spec = Spec::get();
    let op = spec.operation(operation).expect("operation");
    if answer.status == 501 {
        return;
    }
    assert!(
        op.declares(answer.status),
        "{operation} answered {} which the spec does not declare: {}",
        answer.status,
        answer.body
    );
    match op.response_schema(answer.status) {
        Some(schema) => {
            if let Err(e) = validate(&spec.doc, schema, &answer.body, Direction::Response) {
                panic!(
                    "{operation} {}: the answer does not fit the spec: {e}\n{}",
                    answer.status, answer.body
                );
            }
        }
        None => assert!(
            answer.body.is_null(),
            "{operation} {}: the spec declares no body, got {}",
            answer.status,
            answer.body
        ),
    }
}
