//! A maintainer adds a paginated operation to the spec and gets working
//! streams without writing Rust: this test adds `listWidgets` (with
//! `x-pagination`) to a copy of the spec, builds a small crate that uses the
//! client generated from that copy (`ATLASSIAN_ADMIN_API_SPEC`), and runs it:
//! `items()` must walk three pages served on 127.0.0.1, sending the cursor
//! back each time. The widget's id has a `pattern` the served ids do not
//! match: they decode all the same.
//!
//! The build uses its own target directory (`target/spec-extension`) so that
//! it never invalidates the workspace's own build; its first run compiles the
//! dependencies once.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_yaml::Value;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The curated spec plus `GET /admin/v1/orgs/{orgId}/widgets`, paginated by
/// a `cursor` query parameter with the next cursor in `links.next`.
fn spec_with_widgets() -> String {
    let text =
        std::fs::read_to_string(workspace().join("spec/atlassian-admin.yaml")).expect("spec");
    let mut spec: Value = serde_yaml::from_str(&text).expect("spec parses");
    let operation: Value = serde_yaml::from_str(
        r#"
get:
  operationId: listWidgets
  summary: List widgets
  description: Returns one page of the organization's widgets.
  tags: ['Organization: Orgs']
  x-pagination: {style: cursor, param: cursor, next: links.next, items: data}
  parameters:
  - {name: orgId, in: path, required: true, schema: {type: string}}
  - {name: cursor, in: query, schema: {type: string}}
  responses:
    '200':
      description: A page of widgets.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/WidgetPage'}
    '400':
      description: Invalid request.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/OrganizationErrors'}
"#,
    )
    .expect("operation");
    let schemas: Value = serde_yaml::from_str(
        r#"
WidgetPage:
  type: object
  description: One page of widgets.
  properties:
    data:
      type: array
      items: {$ref: '#/components/schemas/Widget'}
    links:
      type: object
      properties:
        next: {type: string}
Widget:
  type: object
  description: A widget.
  required: [id]
  properties:
    # The served ids do not match: a pattern is documentation, not a
    # client-side check (generate/patterns.rs), and needs no regex crate.
    id: {type: string, pattern: '^[A-Z]+$'}
"#,
    )
    .expect("schemas");
    spec["paths"]
        .as_mapping_mut()
        .expect("paths")
        .insert("/admin/v1/orgs/{orgId}/widgets".into(), operation);
    let components = spec["components"]["schemas"]
        .as_mapping_mut()
        .expect("schemas");
    for (name, schema) in schemas.as_mapping().expect("mapping") {
        components.insert(name.clone(), schema.clone());
    }
    serde_yaml::to_string(&spec).expect("spec serializes")
}

const MAIN: &str = r##"
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use futures::TryStreamExt;

/// Serves three pages of widgets, then stops; prints each request's query.
fn serve(listener: TcpListener) {
    for (i, stream) in listener.incoming().take(3).enumerate() {
        let mut stream = stream.expect("connection");
        let mut request_line = String::new();
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        reader.read_line(&mut request_line).expect("request line");
        loop {
            let mut header = String::new();
            reader.read_line(&mut header).expect("header");
            if header.trim().is_empty() {
                break;
            }
        }
        println!("request {}", request_line.split_whitespace().nth(1).unwrap_or_default());
        let body = match i {
            0 => r#"{"data":[{"id":"w1"},{"id":"w2"}],"links":{"next":"c-2"}}"#,
            1 => r#"{"data":[{"id":"w3"}],"links":{"next":"https://elsewhere.example/admin/v1/orgs/o/widgets?cursor=c-3"}}"#,
            _ => r#"{"data":[{"id":"w4"}],"links":{}}"#,
        };
        write!(stream, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}", body.len()).expect("answer");
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || serve(listener));
    let client = atlassian_admin_api::Client::builder()
        .api_key("key")
        .base_url(url)
        .build()
        .expect("client");
    let widgets: Vec<_> = client.list_widgets().org_id("o").items().try_collect().await.expect("items");
    let ids: Vec<&str> = widgets.iter().map(|w| w.id.as_str()).collect();
    println!("items {}", ids.join(","));
}
"##;

fn manifest(client: &Path) -> String {
    format!(
        r#"[package]
name = "widgets-check"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
atlassian-admin-api = {{ path = "{}" }}
futures = "0.3"
tokio = {{ version = "1", features = ["macros", "rt"] }}

[workspace]
"#,
        client.display()
    )
}

#[test]
fn a_paginated_operation_added_to_the_spec_gets_working_streams() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = dir.path().join("spec-with-widgets.yaml");
    std::fs::write(&spec, spec_with_widgets()).expect("write spec");
    let krate = dir.path().join("widgets-check");
    std::fs::create_dir_all(krate.join("src")).expect("crate dir");
    std::fs::write(krate.join("Cargo.toml"), manifest(&workspace())).expect("manifest");
    std::fs::write(krate.join("src/main.rs"), MAIN).expect("main");
    // The workspace's lock file, so the same dependency versions are used.
    std::fs::copy(workspace().join("Cargo.lock"), krate.join("Cargo.lock")).expect("lock file");

    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(krate.join("Cargo.toml"))
        .env("ATLASSIAN_ADMIN_API_SPEC", &spec)
        .env(
            "CARGO_TARGET_DIR",
            workspace().join("target/spec-extension"),
        )
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the crate using the extended spec did not build or run:\n{}\n{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        stdout.trim(),
        "request /admin/v1/orgs/o/widgets\n\
         request /admin/v1/orgs/o/widgets?cursor=c-2\n\
         request /admin/v1/orgs/o/widgets?cursor=c-3\n\
         items w1,w2,w3,w4",
        "every page fetched once, the cursor sent back (also when the link is a URL), every item in order"
    );
}
