//! Runs the `atlassian-admin` binary against the embedded admin API of
//! `mock-server/` on 127.0.0.1: generated commands, the three workflows and
//! their dry runs (the server's request log proves a dry run sends nothing),
//! an interrupted export that resumes, `--since` in both its forms, the
//! config file's permissions, and the README's session, command by command.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use atlassian_admin_mock_server::{
    MockAdminApi, Reply, Server, API_KEY, EVENTS_START_MS, EVENT_COUNT,
};
use heck::ToKebabCase;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_atlassian-admin");

/// The binary with a clean environment: the mock's key and org, no config.
fn command(base_url: &str, org: &str, home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("ATLASSIAN_SCIM_API_KEY")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", home)
        .env("ATLASSIAN_ADMIN_API_KEY", API_KEY)
        .env("ATLASSIAN_ORG_ID", org)
        .env("ATLASSIAN_ADMIN_BASE_URL", base_url);
    cmd
}

struct Env {
    api: MockAdminApi,
    server: Server,
    home: tempfile::TempDir,
}

impl Env {
    async fn start() -> Self {
        let api = MockAdminApi::default();
        let server = Server::start(api.handler())
            .await
            .expect("mock server starts");
        Env {
            api,
            server,
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        let org = self.api.snapshot().org_id;
        command(&self.server.base_url(), &org, self.home.path())
            .args(args)
            .output()
            .expect("the binary runs")
    }

    fn path(&self, name: &str) -> String {
        self.home.path().join(name).display().to_string()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_ok(o: &Output) {
    assert!(
        o.status.success(),
        "failed: {}\nstdout: {}\nstderr: {}",
        o.status,
        stdout(o),
        stderr(o)
    );
}

fn audit_lines(path: &str) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("audit file written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("audit line is JSON"))
        .collect()
}

/// The command names `atlassian-admin FAMILY --help` lists.
fn listed_commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  ") || l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_spec_operation_has_a_command() {
    let spec_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/atlassian-admin.yaml");
    let spec = admin_api_generator::load_spec(&spec_path).expect("spec loads");
    let wanted: BTreeSet<String> = admin_api_generator::model::operations(&spec.openapi)
        .iter()
        .map(|op| op.id().to_kebab_case())
        .collect();
    let home = tempfile::tempdir().expect("temp dir");
    let top = command("http://127.0.0.1:9", "org", home.path())
        .arg("--help")
        .output()
        .expect("runs");
    assert_ok(&top);
    let families = [
        "organization",
        "control",
        "api-access",
        "user-management",
        "scim",
    ];
    let top_listed = listed_commands(&stdout(&top));
    for family in families {
        assert!(
            top_listed.iter().any(|c| c == family),
            "--help lists {family}: {top_listed:?}"
        );
    }
    let mut found = BTreeSet::new();
    let mut count = 0;
    for family in families {
        let help = command("http://127.0.0.1:9", "org", home.path())
            .args([family, "--help"])
            .output()
            .expect("runs");
        assert_ok(&help);
        for c in listed_commands(&stdout(&help)) {
            count += 1;
            found.insert(c);
        }
    }
    let missing: Vec<_> = wanted.difference(&found).collect();
    let extra: Vec<_> = found.difference(&wanted).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
    assert_eq!(count, wanted.len(), "one command per operation");
    assert!(
        wanted.len() > 100,
        "the spec has its operations: {}",
        wanted.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_commands_send_typed_requests() {
    let env = Env::start().await;
    let out = env.run(&["organization", "get-orgs"]);
    assert_ok(&out);
    let answer: Value = serde_json::from_str(&stdout(&out)).expect("JSON answer");
    assert_eq!(answer["data"][0]["attributes"]["name"], "Acme Rocketry");

    let snapshot = env.api.snapshot();
    let dir = snapshot.directory_id.clone();
    // --all streams every page as JSON lines (45 users, 2 pages of the mock's default 50? no: limit 20).
    let body = env.path("search.json");
    std::fs::write(&body, r#"{"limit": 20}"#).expect("body written");
    let out = env.run(&[
        "organization",
        "search-directory-users",
        "--directory-id",
        &dir,
        "--body",
        &body,
        "--all",
    ]);
    assert_ok(&out);
    assert_eq!(stdout(&out).lines().count(), snapshot.users.len());

    let out = env.run(&[
        "--output",
        "table",
        "organization",
        "search-directory-groups",
        "--directory-id",
        &dir,
        "--body",
        &body,
    ]);
    assert_ok(&out);
    let table = stdout(&out);
    let header = table.lines().next().unwrap_or_default();
    assert!(header.contains("id") && header.contains("name"), "{table}");
    assert!(table.contains("engineering"), "{table}");

    // An API error is reported with its status, and the exit code says so.
    let out = env.run(&[
        "organization",
        "get-directory-user-details",
        "--directory-id",
        &dir,
        "--account-id",
        "nobody",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("404"), "{}", stderr(&out));
}

/// Operations that only read (the searches are POSTs).
const READS: [&str; 4] = [
    "searchDirectoryUsers",
    "searchDirectoryGroups",
    "listManagedUserApiTokens",
    "getDirectoryUser",
];

/// The operations of the requests made since `from`, as `OPERATION PATH`.
fn writes_since(api: &MockAdminApi, from: usize) -> Vec<String> {
    api.request_log()[from..]
        .iter()
        .filter(|r| r.method != "GET")
        .filter(|r| !r.operation.as_deref().is_some_and(|o| READS.contains(&o)))
        .map(|r| format!("{} {}", r.operation.as_deref().unwrap_or("?"), r.path))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offboard_dry_run_lists_the_plan_then_the_run_writes_exactly_it() {
    let env = Env::start().await;
    let snapshot = env.api.snapshot();
    let user = snapshot.users[3].clone();
    let groups: Vec<(String, String)> = snapshot
        .groups
        .iter()
        .filter(|g| g.members.contains(&user.account_id))
        .map(|g| (g.id.clone(), g.name.clone()))
        .collect();
    assert!(!groups.is_empty(), "the seeded user is in a group");
    let audit = env.path("audit.jsonl");
    let out = env.run(&["offboard", &user.email, "--dry-run", "--audit", &audit]);
    assert_ok(&out);
    assert_eq!(
        writes_since(&env.api, 0),
        Vec::<String>::new(),
        "a dry run writes nothing"
    );
    let plan = stdout(&out);
    assert!(
        plan.contains(&format!("account {}", user.account_id)),
        "{plan}"
    );
    for (id, name) in &groups {
        assert!(
            plan.contains(&format!("remove from group {name} ({id})")),
            "{plan}"
        );
    }
    let planned_tokens = plan.matches("revoke API token ").count();
    assert_eq!(planned_tokens, 2, "{plan}");
    let records = audit_lines(&audit);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["outcome"], "planned");
    assert_eq!(records[0]["dry_run"], true);

    // Without a terminal and without --yes, nothing is written.
    let before = env.api.request_log().len();
    let out = env.run(&["offboard", &user.email]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("pass --yes"), "{}", stderr(&out));
    assert_eq!(writes_since(&env.api, before), Vec::<String>::new());

    let before = env.api.request_log().len();
    let audit = env.path("audit-real.jsonl");
    let out = env.run(&["offboard", &user.email, "--yes", "--audit", &audit]);
    assert_ok(&out);
    let writes = writes_since(&env.api, before);
    // Exactly the plan: one suspension, one removal per planned group, one
    // revocation per planned token, and nothing else.
    assert_eq!(
        writes.len(),
        1 + groups.len() + planned_tokens,
        "{writes:#?}"
    );
    assert_eq!(
        writes
            .iter()
            .filter(|w| w.starts_with("suspendDirectoryUser "))
            .count(),
        1
    );
    for (id, _) in &groups {
        assert_eq!(
            writes
                .iter()
                .filter(|w| w.starts_with("removeDirectoryGroupMember ") && w.contains(id.as_str()))
                .count(),
            1,
            "{id}: {writes:#?}"
        );
    }
    assert_eq!(
        writes
            .iter()
            .filter(|w| w.starts_with("deleteManagedUserApiToken "))
            .count(),
        planned_tokens
    );
    let after = env.api.snapshot();
    let now = after
        .users
        .iter()
        .find(|u| u.account_id == user.account_id)
        .expect("user");
    assert!(now.suspended);
    assert!(after
        .groups
        .iter()
        .all(|g| !g.members.contains(&user.account_id)));
    let report = stdout(&out);
    assert!(report.contains("suspend access: done"), "{report}");
    assert_eq!(report.matches(": done").count(), writes.len(), "{report}");
    assert_eq!(audit_lines(&audit).len(), 1 + writes.len());
    // The tokens are gone.
    let out = env.run(&[
        "user-management",
        "list-managed-user-api-tokens",
        "--account-id",
        &user.account_id,
    ]);
    assert_ok(&out);
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).expect("JSON"),
        serde_json::json!([])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_policy_add_users_dry_run_then_move() {
    let env = Env::start().await;
    let snapshot = env.api.snapshot();
    let policy = snapshot.policies[1].id.clone();
    let emails: Vec<String> = snapshot
        .users
        .iter()
        .take(3)
        .map(|u| u.email.clone())
        .collect();
    let file = env.path("emails.txt");
    std::fs::write(&file, format!("# to move\n{}\n\n", emails.join("\n"))).expect("written");
    let out = env.run(&[
        "auth-policy",
        "add-users",
        "--policy",
        &policy,
        "--from-file",
        &file,
        "--dry-run",
    ]);
    assert_ok(&out);
    assert!(
        env.api.requests().is_empty(),
        "a dry run sent {:?}",
        env.api.requests()
    );
    assert!(stdout(&out).contains(&format!("would POST /admin/control/v1/orgs/{}/auth-policy/{policy}/add-users  (batch 1 of 1: 3 users)", snapshot.org_id)), "{}", stdout(&out));

    let audit = env.path("audit.jsonl");
    let out = env.run(&[
        "auth-policy",
        "add-users",
        "--policy",
        &policy,
        "--from-file",
        &file,
        "--poll-interval-ms",
        "10",
        "--audit",
        &audit,
    ]);
    assert_ok(&out);
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    assert_eq!(report["moved"], 3);
    assert_eq!(report["failed"], serde_json::json!([]));
    assert!(
        stderr(&out).contains("[3/3] users processed: 3 moved, 0 failed"),
        "{}",
        stderr(&out)
    );
    let after = env.api.snapshot();
    assert!(emails.iter().all(|e| after
        .users
        .iter()
        .any(|u| &u.email == e && u.auth_policy == policy)));
    assert_eq!(audit_lines(&audit)[0]["outcome"], "done");
}

fn event_ids(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("export written")
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("JSON line")["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_export_fetches_only_the_events_added_since_the_first() {
    let env = Env::start().await;
    let out_file = env.path("events.jsonl");
    let since = EVENTS_START_MS.to_string();
    let export = |extra: &[&str]| {
        let mut args = vec![
            "events",
            "export",
            "--out",
            out_file.as_str(),
            "--page-size",
            "7",
        ];
        args.extend_from_slice(extra);
        env.run(&args)
    };
    let out = export(&["--since", &since]);
    assert_ok(&out);
    assert_eq!(
        stdout(&out).trim(),
        format!("{EVENT_COUNT} new events in {out_file} ({EVENT_COUNT} exported in all)")
    );
    let mut expected: Vec<String> = (0..EVENT_COUNT).map(|n| format!("event-{n:03}")).collect();
    assert_eq!(event_ids(&out_file), expected);
    assert_eq!(env.api.requests().len(), EVENT_COUNT.div_ceil(7));

    // Nothing new: exit 4, the file unchanged.
    let out = export(&[]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("0 new events in "),
        "{}",
        stderr(&out)
    );
    assert_eq!(event_ids(&out_file), expected);

    // Two events happen in the organization; the nightly run takes only them.
    let mut org = env.api.snapshot();
    let last = org
        .events
        .iter()
        .map(|e| e.time_ms)
        .max()
        .unwrap_or(EVENTS_START_MS);
    org.record(last + 60_000, "group_created", &["g-new-1"]);
    org.record(last + 120_000, "group_deleted", &["g-new-1"]);
    let added: Vec<String> = org.events[EVENT_COUNT..]
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(added.len(), 2);
    env.api.replace_state(org);
    let out = export(&["--since", &since]);
    assert_ok(&out);
    assert!(
        stdout(&out).starts_with("2 new events in "),
        "{}",
        stdout(&out)
    );
    expected.extend(added);
    assert_eq!(event_ids(&out_file), expected, "no loss, no duplicate");

    // --audit records the run like the other workflows.
    let audit = env.path("export-audit.jsonl");
    let out = export(&["--audit", &audit]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let records = audit_lines(&audit);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["workflow"], "events export");
    assert_eq!(records[0]["outcome"], "done");
    assert_eq!(records[0]["summary"]["events"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_concurrent_export_fails_fast_with_the_lock_message() {
    let env = Env::start().await;
    let out_file = env.path("events.jsonl");
    // The first run holds the lock while its first answer is slow.
    env.api.inject(
        atlassian_admin_mock_server::Fault::on(
            "getEvents",
            atlassian_admin_mock_server::FaultKind::Latency(std::time::Duration::from_secs(4)),
        )
        .times(1),
    );
    let org = env.api.snapshot().org_id;
    let mut first = command(&env.server.base_url(), &org, env.home.path())
        .args(["events", "export", "--out", &out_file])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("first run starts");
    let lock = format!("{out_file}.checkpoint.lock");
    // The first run takes the lock at once and then waits 4 s for its answer.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let second = env.run(&["events", "export", "--out", &out_file]);
    assert_eq!(second.status.code(), Some(1), "{}", stderr(&second));
    assert_eq!(
        stderr(&second).trim(),
        format!(
            "error: another export is running on this checkpoint (it holds {lock}); try again when it has finished"
        )
    );
    assert!(first.wait().expect("first run ends").success());
    let expected: Vec<String> = (0..EVENT_COUNT).map(|n| format!("event-{n:03}")).collect();
    assert_eq!(event_ids(&out_file), expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupted_export_resumes_without_loss_or_duplicates() {
    let api = MockAdminApi::default();
    let inner = api.handler();
    let events_seen = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&events_seen);
    // The third page request fails once (as a network cut would end the run).
    let server = Server::start(Arc::new(
        move |req: atlassian_admin_mock_server::Request| {
            if req.raw_path.ends_with("/events") && seen.fetch_add(1, Ordering::SeqCst) == 2 {
                return Reply::json(
                    400,
                    serde_json::json!({"errors": [{"title": "injected failure"}]}),
                );
            }
            inner(req)
        },
    ))
    .await
    .expect("server starts");
    let home = tempfile::tempdir().expect("temp dir");
    let org = api.snapshot().org_id;
    let to = home.path().join("events.jsonl").display().to_string();
    let since = (EVENTS_START_MS + 60_000 * 2).to_string(); // skips the first two events
    let run = || {
        command(&server.base_url(), &org, home.path())
            .args([
                "events",
                "export",
                "--since",
                &since,
                "--out",
                &to,
                "--page-size",
                "5",
            ])
            .output()
            .expect("runs")
    };
    let first = run();
    assert!(!first.status.success());
    assert!(
        stderr(&first).contains("run the same command again to continue; nothing is lost"),
        "{}",
        stderr(&first)
    );
    assert_eq!(event_ids(&to).len(), 10);
    // A crash mid-write leaves half a line after the checkpoint: it is dropped.
    let mut text = std::fs::read_to_string(&to).expect("read");
    text.push_str("{\"id\": \"event-0");
    std::fs::write(&to, text).expect("write");

    let second = run();
    assert_ok(&second);
    let expected: Vec<String> = (2..EVENT_COUNT).map(|n| format!("event-{n:03}")).collect();
    assert_eq!(event_ids(&to), expected);
}

#[cfg(unix)]
#[test]
fn config_file_must_be_private_and_keys_never_print() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("temp dir");
    let config = home.path().join("config.toml");
    let secret = "super-secret-key-value-123";
    std::fs::write(
        &config,
        format!("api_key = \"{secret}\"\norg_id = \"o\"\nbase_url = \"http://127.0.0.1:9\"\n"),
    )
    .expect("written");
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let run = || {
        Command::new(BIN)
            .env_remove("ATLASSIAN_ADMIN_API_KEY")
            .env_remove("ATLASSIAN_ORG_ID")
            .env_remove("ATLASSIAN_ADMIN_BASE_URL")
            .env("HOME", home.path())
            .args([
                "--config",
                &config.display().to_string(),
                "organization",
                "get-orgs",
            ])
            .output()
            .expect("runs")
    };
    let out = run();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("has permissions 0644"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("chmod 600"), "{}", stderr(&out));
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = run();
    // Accepted; the request fails (nothing listens on port 9) without showing the key.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!stderr(&out).contains(secret) && !stdout(&out).contains(secret));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_export_since_takes_rfc3339_or_epoch_ms() {
    let env = Env::start().await;
    let to = env.path("events.jsonl");
    // 2026-01-01T00:20:00Z: the mock's twenty-first event onwards.
    let out = env.run(&[
        "events",
        "export",
        "--since",
        "2026-01-01T00:20:00Z",
        "--out",
        &to,
    ]);
    assert_ok(&out);
    let expected: Vec<String> = (20..EVENT_COUNT).map(|n| format!("event-{n:03}")).collect();
    assert_eq!(event_ids(&to), expected);
    let from = (EVENTS_START_MS + 20 * 60_000).to_string();
    // The checkpoint holds epoch ms: the same instant, typed with an offset or
    // as milliseconds, continues the same export (nothing new: exit 4).
    for same in ["2026-01-01T09:20:00+09:00", from.as_str()] {
        let out = env.run(&["events", "export", "--since", same, "--out", &to]);
        assert_eq!(out.status.code(), Some(4), "{same}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("0 new events in ")
                && stderr(&out).contains("(5 exported in all)"),
            "{same}: {}",
            stderr(&out)
        );
    }
    // Another instant is another export: the checkpoint says which it is for.
    let out = env.run(&[
        "events",
        "export",
        "--since",
        "2026-01-01T00:00:00Z",
        "--out",
        &to,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "it continues an export from 2026-01-01T00:20:00Z, not from 2026-01-01T00:00:00Z"
        ),
        "{}",
        stderr(&out)
    );
    // Anything else is refused before any request, naming both forms.
    let requests = env.api.requests().len();
    for bad in ["yesterday", "2026-01-01", "2026-01-01T00:20:00"] {
        let out = env.run(&[
            "events",
            "export",
            "--since",
            bad,
            "--out",
            &env.path("bad.jsonl"),
        ]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("RFC 3339 timestamp such as 2026-11-01T00:00:00Z")
                && err.contains("UNIX epoch milliseconds"),
            "{bad}: {err}"
        );
    }
    assert_eq!(env.api.requests().len(), requests);
}

/// The `console` block after `<!-- cli session` in the README: commands
/// (`$ atlassian-admin ...`) each followed by the lines it prints.
fn readme_session() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let block = readme
        .split_once("<!-- cli session")
        .and_then(|(_, after)| after.split_once("```console\n"))
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .map(|(block, _)| block)
        .expect("README has a ```console block after a `<!-- cli session` marker");
    let mut session: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        match (line.strip_prefix("$ "), session.last_mut()) {
            (Some(command), _) => session.push((command.to_owned(), String::new())),
            (None, Some((_, printed))) => {
                printed.push_str(line);
                printed.push('\n');
            }
            (None, None) => panic!("the session starts with a command, not {line:?}"),
        }
    }
    session
}

/// Runs the README's session, command by command, against the embedded admin
/// API in an empty directory, and compares what each command prints (stdout
/// and stderr through one pipe, in the order written, as a terminal shows
/// them) with the README. Nothing is normalised: the mock's org, users and
/// events are fixed, the base URL (whose port varies) is never printed, and
/// files are named relative to the working directory.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readme_session_prints_what_the_readme_shows() {
    let env = Env::start().await;
    let org = env.api.snapshot().org_id;
    let session = readme_session();
    assert!(
        session.len() >= 4,
        "the session shows its commands: {session:?}"
    );
    let mut shown = String::new();
    let mut printed = String::new();
    for (n, (line, expected)) in session.iter().enumerate() {
        let mut words = line.split_whitespace();
        assert_eq!(
            words.next(),
            Some("atlassian-admin"),
            "only atlassian-admin runs: {line}"
        );
        let log = env.home.path().join(format!(".session-{n}.out"));
        let file = std::fs::File::create(&log).expect("output file");
        let out = command(&env.server.base_url(), &org, env.home.path())
            .current_dir(env.home.path())
            .args(words)
            .stdout(file.try_clone().expect("dup"))
            .stderr(file)
            .status()
            .expect("the binary runs");
        let got = std::fs::read_to_string(&log).expect("output read");
        // A failing command belongs in the session only with its error shown
        // (exit code 4 is the export's "nothing new", not a failure).
        assert!(
            out.success() || out.code() == Some(4) || got.contains("error: "),
            "{line}: {out}\n{got}"
        );
        shown.push_str(&format!("$ {line}\n{expected}"));
        printed.push_str(&format!("$ {line}\n{got}"));
    }
    assert_eq!(
        shown, printed,
        "the README's session (left) differs from what the binary prints (right)"
    );
}

/// Progress lines go to stderr when it is a terminal (here a pseudo-terminal
/// made by `script`), and never into a pipe.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_progress_shows_on_a_terminal_and_not_in_a_pipe() {
    let env = Env::start().await;
    let org = env.api.snapshot().org_id;
    let bin = BIN;
    let piped = env.path("piped.jsonl");
    let out = env.run(&["events", "export", "--out", &piped, "--page-size", "10"]);
    assert_ok(&out);
    assert!(!stderr(&out).contains("page "), "{}", stderr(&out));
    assert!(!stdout(&out).contains("page "), "{}", stdout(&out));

    let on_tty = env.path("tty.jsonl");
    let inner = format!("'{bin}' events export --out '{on_tty}' --page-size 10");
    let typescript = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &inner, "/dev/null"])
        .envs(
            command(&env.server.base_url(), &org, env.home.path())
                .get_envs()
                .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))),
        )
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs");
    let shown = String::from_utf8_lossy(&typescript.stdout);
    assert!(typescript.status.success(), "{shown}");
    for page in 1..=3 {
        assert!(
            shown.contains(&format!("page {page}: ")),
            "page {page} missing from the terminal:\n{shown}"
        );
    }
    assert!(shown.contains("25 new events in "), "{shown}");
}

/// Completions for bash, zsh and fish and the man page come from the same
/// command tree as `--help`: they name the workflows and their flags, and
/// the bash script parses.
#[test]
fn completions_and_man_page_are_generated_from_the_command_tree() {
    let home = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        let out = command("http://127.0.0.1:9", "org", home.path())
            .args(args)
            .output()
            .expect("the binary runs");
        assert_ok(&out);
        stdout(&out)
    };
    for shell in ["bash", "zsh", "fish"] {
        let script = run(&["completions", shell]);
        // fish names a long flag `-l out`, the others `--out`.
        let flag = |name: &str| match shell {
            "fish" => format!("-l {name}"),
            _ => format!("--{name}"),
        };
        for word in [
            "offboard".to_owned(),
            "get-orgs".to_owned(),
            flag("out"),
            flag("dry-run"),
            flag("yes"),
        ] {
            assert!(script.contains(&word), "{shell} completion lacks {word}");
        }
    }
    let bash = home.path().join("atlassian-admin.bash");
    std::fs::write(&bash, run(&["completions", "bash"])).expect("write");
    let parsed = Command::new("bash")
        .arg("-n")
        .arg(&bash)
        .output()
        .expect("bash runs");
    assert!(parsed.status.success(), "{}", stderr(&parsed));
    let man = run(&["man"]);
    assert!(man.contains(".TH atlassian-admin 1"), "{man}");
    for command in ["offboard", "events", "auth\\-policy", "completions"] {
        assert!(man.contains(command), "the man page lacks {command}");
    }
}

/// A SCIM provisioning lifecycle through the CLI with the SCIM key: create,
/// find by filter, deactivate with a PATCH, delete; the twin's state follows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scim_provisioning_lifecycle_through_the_cli() {
    let env = Env::start().await;
    let dir = env.api.snapshot().directory_id;
    let scim = |args: &[&str]| -> Output {
        command(&env.server.base_url(), "unused", env.home.path())
            .env(
                "ATLASSIAN_SCIM_API_KEY",
                atlassian_admin_mock_server::SCIM_API_KEY,
            )
            .arg("scim")
            .args(args)
            .args(["--directory-id", &dir])
            .output()
            .expect("the binary runs")
    };
    let user = env.path("user.json");
    std::fs::write(
        &user,
        r#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "rosalind@acme.example",
            "emails": [{"value": "rosalind@acme.example", "primary": true}], "displayName": "Rosalind", "active": true}"#,
    )
    .expect("body written");
    let out = scim(&["create-scim-user", "--body", &user]);
    assert_ok(&out);
    let created: Value = serde_json::from_str(&stdout(&out)).expect("JSON answer");
    let id = created["id"].as_str().expect("id").to_owned();

    let out = scim(&[
        "list-scim-users",
        "--filter",
        r#"userName eq "rosalind@acme.example""#,
    ]);
    assert_ok(&out);
    let found: Value = serde_json::from_str(&stdout(&out)).expect("JSON answer");
    assert_eq!(found["totalResults"], 1);
    assert_eq!(found["Resources"][0]["id"], id.as_str());

    let patch = env.path("patch.json");
    std::fs::write(
        &patch,
        r#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "replace", "path": "active", "value": false}]}"#,
    )
    .expect("body written");
    let out = scim(&["patch-scim-user", "--user-id", &id, "--body", &patch]);
    assert_ok(&out);
    assert_eq!(env.api.snapshot().scim_users[0]["active"], false);

    assert_ok(&scim(&["delete-scim-user", "--user-id", &id]));
    assert!(env.api.snapshot().scim_users.is_empty());
    let out = scim(&["get-scim-user", "--user-id", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("404"), "{}", stderr(&out));
}
