//! The hand-written workflows: `offboard`, `auth-policy add-users` and
//! `events export`. Each takes `--dry-run` (print every request it would make,
//! make none) and `--audit FILE` (append one JSON line per step: what was
//! done, or planned, and how it went).

use std::fs::{File, OpenOptions};
use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use atlassian_admin_api::auth_policy::{BulkMoveOptions, MAX_USERS_PER_REQUEST};
use atlassian_admin_api::Client;
use clap::{Arg, ArgAction, ArgMatches, Command};
use futures::StreamExt as _;
use serde_json::{json, Value};

use crate::config::Settings;
use crate::ops::{api_error, json};
use crate::CliError;

fn common(cmd: Command) -> Command {
    cmd.arg(
        Arg::new("dry-run")
            .long("dry-run")
            .action(ArgAction::SetTrue)
            .help("Print every request it would make, and make none"),
    )
    .arg(
        Arg::new("audit")
            .long("audit")
            .value_name("FILE")
            .help("Append a JSON line per step to FILE"),
    )
    .arg(
        Arg::new("org-id")
            .long("org-id")
            .value_name("ID")
            .help("Organization (default: ATLASSIAN_ORG_ID or the config's org_id)"),
    )
}

/// `offboard USER...`.
pub fn offboard_command() -> Command {
    common(
        Command::new("offboard")
            .about("Offboard users: suspend their access, remove them from every group, revoke their API tokens")
            .arg(
                Arg::new("users")
                    .value_name("USER")
                    .num_args(1..)
                    .required(true)
                    .help("Account IDs or email addresses"),
            )
            .arg(
                Arg::new("directory-id")
                    .long("directory-id")
                    .value_name("ID")
                    .help("Directory of the users (default: the organization's first directory)"),
            ),
    )
}

/// `auth-policy add-users`.
pub fn auth_policy_command() -> Command {
    Command::new("auth-policy")
        .about("Authentication policy workflows")
        .subcommand_required(true)
        .subcommand(common(
            Command::new("add-users")
                .about("Move users (emails from a file, one a line) into an authentication policy")
                .arg(
                    Arg::new("policy")
                        .long("policy")
                        .value_name("POLICY_ID")
                        .required(true),
                )
                .arg(
                    Arg::new("from-file")
                        .long("from-file")
                        .value_name("FILE")
                        .required(true)
                        .help("Emails, one a line (blank lines and # comments skipped)"),
                )
                .arg(
                    Arg::new("poll-interval-ms")
                        .long("poll-interval-ms")
                        .value_name("MS")
                        .value_parser(clap::value_parser!(u64))
                        .default_value("5000")
                        .help("Wait between two polls of the move tasks"),
                ),
        ))
}

/// `events export`.
pub fn events_command() -> Command {
    Command::new("events")
        .about("Audit log workflows")
        .subcommand_required(true)
        .subcommand(common(
            Command::new("export")
                .about("Export the audit log to a JSON lines file, resumably")
                .arg(
                    Arg::new("since")
                        .long("since")
                        .value_name("TIME")
                        .required(true)
                        .value_parser(parse_since)
                        .help(
                            "Earliest event: an RFC 3339 timestamp (2026-11-01T00:00:00Z, \
                             2026-11-01T09:00:00+09:00) or UNIX epoch milliseconds",
                        ),
                )
                .arg(Arg::new("to").long("to").value_name("FILE").required(true))
                .arg(
                    Arg::new("checkpoint")
                        .long("checkpoint")
                        .value_name("FILE")
                        .help(
                            "Checkpoint file (default: FILE.checkpoint); an export resumes from it",
                        ),
                )
                .arg(
                    Arg::new("page-size")
                        .long("page-size")
                        .value_name("N")
                        .value_parser(clap::value_parser!(u32).range(1..=500))
                        .default_value("100"),
                ),
        ))
}

/// Epoch-millisecond values below this are read as seconds typed by mistake.
const SECONDS_BOUNDARY_MS: i64 = 100_000_000_000;

/// `--since`: an RFC 3339 timestamp (`2026-11-01T00:00:00Z`, or with an
/// offset such as `+09:00`) or UNIX epoch milliseconds, as epoch milliseconds
/// (what the API's `from` takes and the checkpoint stores, so a resumed export
/// compares the same number whichever form was typed).
fn parse_since(value: &str) -> Result<i64, String> {
    let value = value.trim();
    if let Ok(ms) = value.parse::<i64>() {
        // 0 means "from the start"; other values below 10^11 ms (before
        // March 1973) are almost surely epoch seconds typed by mistake.
        return match ms {
            0 | SECONDS_BOUNDARY_MS.. => Ok(ms),
            1.. => Err(format!(
                "{value} looks like epoch seconds (as milliseconds it is {}): write {value}000, \
                 or an RFC 3339 timestamp such as 2026-11-01T00:00:00Z",
                rfc3339(ms)
            )),
            _ => Err(format!(
                "{value} is before 1970: give a moment after the epoch"
            )),
        };
    }
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|t| t.timestamp_millis())
        .map_err(|_| {
            "expected an RFC 3339 timestamp such as 2026-11-01T00:00:00Z or \
             2026-11-01T09:00:00+09:00 (date, time and a Z or ±HH:MM offset), \
             or UNIX epoch milliseconds such as 1793491200000"
                .to_owned()
        })
}

/// Epoch milliseconds as RFC 3339 (UTC), for messages.
fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
        .unwrap_or_else(|| "out of range".to_owned())
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default()
}

/// Dry-run printing and the audit file.
struct Run {
    workflow: &'static str,
    dry_run: bool,
    audit: Option<File>,
}

impl Run {
    fn new(workflow: &'static str, m: &ArgMatches) -> Result<Self, CliError> {
        let audit = match m.get_one::<String>("audit") {
            Some(path) => Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|e| CliError::io(format!("cannot open the audit file {path}"), e))?,
            ),
            None => None,
        };
        Ok(Self {
            workflow,
            dry_run: m.get_flag("dry-run"),
            audit,
        })
    }

    /// Announces a request: on a dry run, prints it (and the caller makes
    /// none); returns whether to make it.
    fn request(&mut self, method: &str, path: &str, note: &str) -> Result<bool, CliError> {
        if self.dry_run {
            let note = if note.is_empty() {
                String::new()
            } else {
                format!("  ({note})")
            };
            println!("would {method} {path}{note}");
            self.audit(json!({"step": "request", "outcome": "planned", "request": format!("{method} {path}"), "note": note.trim()}))?;
        }
        Ok(!self.dry_run)
    }

    /// Appends one record to the audit file.
    fn audit(&mut self, mut record: Value) -> Result<(), CliError> {
        let Some(file) = &mut self.audit else {
            return Ok(());
        };
        record["time_ms"] = json!(now_ms() as u64);
        record["workflow"] = json!(self.workflow);
        record["dry_run"] = json!(self.dry_run);
        writeln!(file, "{record}").map_err(|e| CliError::io("cannot write the audit file", e))
    }
}

// ----------------------------------------------------------------- offboard

/// One step's outcome, printed and audited.
fn step(
    run: &mut Run,
    user: &str,
    step: &str,
    outcome: Result<String, String>,
) -> Result<bool, CliError> {
    let (ok, text) = match &outcome {
        Ok(detail) => (
            true,
            format!(
                "done{}",
                if detail.is_empty() {
                    String::new()
                } else {
                    format!(": {detail}")
                }
            ),
        ),
        Err(e) => (false, format!("FAILED: {e}")),
    };
    println!("{user}: {step}: {text}");
    run.audit(json!({
        "user": user,
        "step": step,
        "outcome": if ok { "done" } else { "failed" },
        "detail": outcome.unwrap_or_else(|e| e),
    }))?;
    Ok(ok)
}

/// `offboard`.
pub async fn offboard(settings: &Settings, m: &ArgMatches) -> Result<(), CliError> {
    let mut run = Run::new("offboard", m)?;
    let org = settings.require_org(m.get_one::<String>("org-id").map(String::as_str))?;
    let client = settings.client()?;
    let users: Vec<String> = m
        .get_many::<String>("users")
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let directory = match m.get_one::<String>("directory-id") {
        Some(d) => d.clone(),
        None => {
            if run.request(
                "GET",
                &format!("/admin/v2/orgs/{org}/directories"),
                "find the directory",
            )? {
                let page = client
                    .get_directories_for_org()
                    .org_id(&org)
                    .send()
                    .await
                    .map_err(api_error)?;
                let page = json(page.into_inner())?;
                page["data"][0]["directoryId"]
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| CliError::api(format!("organization {org} has no directory")))?
            } else {
                "{directoryId}".to_owned()
            }
        }
    };
    let base = format!("/admin/v2/orgs/{org}/directories/{directory}");
    let mut failures = 0;
    for user in &users {
        let account = if user.contains('@') {
            if run.request(
                "POST",
                &format!("{base}/users/search"),
                &format!("find the account of {user}"),
            )? {
                match find_account(&client, &org, &directory, user).await {
                    Ok(a) => a,
                    Err(e) => {
                        step(&mut run, user, "find account", Err(e))?;
                        failures += 1;
                        continue;
                    }
                }
            } else {
                format!("{{accountId of {user}}}")
            }
        } else {
            user.clone()
        };
        if !offboard_one(&mut run, &client, &org, &directory, &base, user, &account).await? {
            failures += 1;
        }
    }
    if failures > 0 {
        return Err(CliError::api(format!(
            "{failures} of {} users not fully offboarded",
            users.len()
        )));
    }
    Ok(())
}

async fn find_account(
    client: &Client,
    org: &str,
    directory: &str,
    email: &str,
) -> Result<String, String> {
    let body = json!({"emails": [email], "limit": 1});
    let page = client
        .search_directory_users()
        .org_id(org)
        .directory_id(directory)
        .body(
            serde_json::from_value::<atlassian_admin_api::types::DirectoryUserSearchRequest>(body)
                .map_err(|e| e.to_string())?,
        )
        .send()
        .await
        .map_err(|e| api_error(e).message)?;
    let page = serde_json::to_value(page.into_inner()).map_err(|e| e.to_string())?;
    page["data"][0]["accountId"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no user with the email {email}"))
}

async fn offboard_one(
    run: &mut Run,
    client: &Client,
    org: &str,
    directory: &str,
    base: &str,
    user: &str,
    account: &str,
) -> Result<bool, CliError> {
    let mut ok = true;
    // 1. Suspend.
    if run.request(
        "POST",
        &format!("{base}/users/{account}/suspend"),
        &format!("suspend {user}"),
    )? {
        let r = client
            .suspend_directory_user()
            .org_id(org)
            .directory_id(directory)
            .account_id(account)
            .send()
            .await
            .map(|_| String::new())
            .map_err(|e| api_error(e).message);
        ok &= step(run, user, "suspend access", r)?;
    }
    // 2. Groups: every group of the directory, removing the membership where
    // there is one (the API lists no user's groups directly).
    if run.request(
        "POST",
        &format!("{base}/groups/search"),
        "list the groups, every page",
    )? {
        let mut groups = Vec::new();
        let mut stream = client
            .search_directory_groups()
            .org_id(org)
            .directory_id(directory)
            .body(atlassian_admin_api::types::DirectoryGroupSearchRequest::default())
            .items();
        while let Some(g) = stream.next().await {
            match g {
                Ok(g) => groups.push(json(g)?),
                Err(e) => {
                    ok &= step(
                        run,
                        user,
                        "list groups",
                        Err(crate::ops::page_error(e).message),
                    )?;
                    break;
                }
            }
        }
        let mut removed = Vec::new();
        for g in &groups {
            let (Some(id), name) = (g["id"].as_str(), g["name"].as_str().unwrap_or_default())
            else {
                continue;
            };
            let r = client
                .remove_directory_group_member()
                .org_id(org)
                .directory_id(directory)
                .group_id(id)
                .account_id(account)
                .send()
                .await;
            match r {
                Ok(_) => removed.push(name.to_owned()),
                Err(e) if e.is_not_found() => {}
                Err(e) => {
                    ok &= step(
                        run,
                        user,
                        &format!("remove from group {name}"),
                        Err(api_error(e).message),
                    )?
                }
            }
        }
        let detail = if removed.is_empty() {
            "in no group".to_owned()
        } else {
            format!("removed from {}", removed.join(", "))
        };
        ok &= step(run, user, "remove from groups", Ok(detail))?;
    } else {
        run.request(
            "DELETE",
            &format!("{base}/groups/{{groupId}}/memberships/{account}"),
            "for each group listed",
        )?;
    }
    // 3. API tokens.
    let tokens_path = format!("/users/{account}/manage/api-tokens");
    if run.request("GET", &tokens_path, "list the API tokens")? {
        match client
            .list_managed_user_api_tokens()
            .account_id(account)
            .send()
            .await
        {
            Ok(list) => {
                let tokens = json(list.into_inner())?;
                let mut revoked = 0;
                for t in tokens.as_array().into_iter().flatten() {
                    let Some(id) = t["id"].as_str() else { continue };
                    let r = client
                        .delete_managed_user_api_token()
                        .account_id(account)
                        .token_id(id)
                        .send()
                        .await;
                    match r {
                        Ok(_) => revoked += 1,
                        Err(e) => {
                            ok &= step(
                                run,
                                user,
                                &format!("revoke API token {id}"),
                                Err(api_error(e).message),
                            )?
                        }
                    }
                }
                ok &= step(
                    run,
                    user,
                    "revoke API tokens",
                    Ok(format!("{revoked} revoked")),
                )?;
            }
            Err(e) => ok &= step(run, user, "revoke API tokens", Err(api_error(e).message))?,
        }
    } else {
        run.request(
            "DELETE",
            &format!("{tokens_path}/{{tokenId}}"),
            "for each token listed",
        )?;
    }
    Ok(ok)
}

// --------------------------------------------------------------- auth-policy

/// `auth-policy add-users`.
pub async fn auth_policy(settings: &Settings, m: &ArgMatches) -> Result<(), CliError> {
    let Some(("add-users", m)) = m.subcommand() else {
        return Err(CliError::usage("auth-policy: expected `add-users`"));
    };
    let mut run = Run::new("auth-policy add-users", m)?;
    let org = settings.require_org(m.get_one::<String>("org-id").map(String::as_str))?;
    let policy = m.get_one::<String>("policy").cloned().unwrap_or_default();
    let file = m
        .get_one::<String>("from-file")
        .cloned()
        .unwrap_or_default();
    let text = std::fs::read_to_string(&file)
        .map_err(|e| CliError::io(format!("cannot read {file}"), e))?;
    let emails: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    if emails.is_empty() {
        return Err(CliError::usage(format!("{file} holds no email address")));
    }
    let chunks: Vec<&[String]> = emails.chunks(MAX_USERS_PER_REQUEST).collect();
    let add_path = format!("/admin/control/v1/orgs/{org}/auth-policy/{policy}/add-users");
    if run.dry_run {
        for (i, chunk) in chunks.iter().enumerate() {
            run.request(
                "POST",
                &add_path,
                &format!("batch {} of {}: {} users", i + 1, chunks.len(), chunk.len()),
            )?;
        }
        run.request(
            "GET",
            &format!("/admin/control/v1/orgs/{org}/auth-policy/task/{{taskId}}"),
            "for each task, until it is done",
        )?;
        return Ok(());
    }
    let client = settings.client()?;
    let options = BulkMoveOptions::default().poll_interval(Duration::from_millis(
        m.get_one::<u64>("poll-interval-ms")
            .copied()
            .unwrap_or(5000),
    ));
    // The client chunks, paces (every add-users request counted against the
    // documented limit) and polls; its report accounts for every email.
    eprintln!(
        "moving {} users in {} batches of at most {MAX_USERS_PER_REQUEST}...",
        emails.len(),
        chunks.len()
    );
    let total = client
        .move_users_to_auth_policy(&org, &policy, emails.clone(), &options)
        .await;
    eprintln!(
        "[{}/{}] users processed: {} moved, {} failed",
        total.accounted_for(),
        emails.len(),
        total.moved.len(),
        total.failed_count()
    );
    let failed: Vec<Value> = total
        .failed
        .iter()
        .map(|f| json!({"emails": f.emails, "status": f.status, "reason": f.reason, "task": f.task_id}))
        .collect();
    let pending: Vec<Value> = total
        .in_progress
        .iter()
        .map(|t| json!({"task": t.task_id, "emails": t.emails, "in_progress": t.in_progress}))
        .collect();
    let report = json!({
        "policy": policy,
        "requested": total.requested,
        "moved": total.moved.len(),
        "failed": failed,
        "duplicates": total.duplicates,
        "in_progress": pending,
        "add_calls": total.add_calls,
        "status_calls": total.status_calls,
    });
    run.audit(json!({"step": "move users", "outcome": if total.is_complete_success() { "done" } else { "partial" }, "report": report}))?;
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
    if total.is_complete_success() {
        Ok(())
    } else {
        Err(CliError::api(format!(
            "{} users failed, {} still in progress",
            total.failed_count(),
            total.in_progress_count()
        )))
    }
}

// -------------------------------------------------------------------- events

/// Where an export stands: written after every page, after the page's events
/// are on disk.
#[derive(Debug, PartialEq)]
struct Checkpoint {
    since: i64,
    cursor: Option<String>,
    written: u64,
    done: bool,
}

impl Checkpoint {
    fn read(path: &Path) -> Result<Option<Self>, CliError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(CliError::io(
                    format!("cannot read the checkpoint {}", path.display()),
                    e,
                ))
            }
        };
        let v: Value = serde_json::from_str(&text).map_err(|e| {
            CliError::usage(format!(
                "the checkpoint {} is not valid: {e}",
                path.display()
            ))
        })?;
        Ok(Some(Self {
            since: v["since"].as_i64().unwrap_or_default(),
            cursor: v["cursor"].as_str().map(str::to_owned),
            written: v["written"].as_u64().unwrap_or_default(),
            done: v["done"].as_bool().unwrap_or_default(),
        }))
    }

    /// Writes atomically: a temporary file renamed over the old one.
    fn write(&self, path: &Path) -> Result<(), CliError> {
        let tmp = path.with_extension("checkpoint-tmp");
        let text = json!({"since": self.since, "cursor": self.cursor, "written": self.written, "done": self.done}).to_string();
        let write = || -> std::io::Result<()> {
            let mut f = File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        };
        write()
            .map_err(|e| CliError::io(format!("cannot write the checkpoint {}", path.display()), e))
    }
}

/// Keeps the first `lines` complete lines of `path` (drops what an
/// interrupted run wrote after its last checkpoint).
fn truncate_to_lines(path: &Path, lines: u64) -> Result<(), CliError> {
    let err = |e| CliError::io(format!("cannot resume {}", path.display()), e);
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && lines == 0 => return Ok(()),
        Err(e) => return Err(err(e)),
    };
    let mut reader = BufReader::new(file);
    let mut keep: u64 = 0;
    let mut buf = Vec::new();
    for _ in 0..lines {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(err)?;
        if n == 0 || buf.last() != Some(&b'\n') {
            return Err(CliError::usage(format!(
                "{} holds fewer events than its checkpoint says; start a new export",
                path.display()
            )));
        }
        keep += n as u64;
    }
    OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| f.set_len(keep))
        .map_err(err)
}

/// `events export`.
pub async fn events(settings: &Settings, m: &ArgMatches) -> Result<(), CliError> {
    let Some(("export", m)) = m.subcommand() else {
        return Err(CliError::usage("events: expected `export`"));
    };
    let mut run = Run::new("events export", m)?;
    let org = settings.require_org(m.get_one::<String>("org-id").map(String::as_str))?;
    let since = m
        .get_one::<i64>("since")
        .copied()
        .ok_or_else(|| CliError::usage("events export: --since is required"))?;
    let to = PathBuf::from(m.get_one::<String>("to").cloned().unwrap_or_default());
    let checkpoint_path = m
        .get_one::<String>("checkpoint")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(format!("{}.checkpoint", to.display())));
    let page_size = m.get_one::<u32>("page-size").copied().unwrap_or(100);

    let mut state = match Checkpoint::read(&checkpoint_path)? {
        Some(c) if c.since != since => {
            return Err(CliError::usage(format!(
                "the checkpoint {} is for --since {} ({}), not {since} ({}); \
                 remove it to start a new export",
                checkpoint_path.display(),
                c.since,
                rfc3339(c.since),
                rfc3339(since)
            )))
        }
        Some(c) => c,
        None => {
            if std::fs::metadata(&to)
                .map(|md| md.len() > 0)
                .unwrap_or(false)
            {
                return Err(CliError::usage(format!(
                    "{} exists and has no checkpoint: remove it or pick another file",
                    to.display()
                )));
            }
            Checkpoint {
                since,
                cursor: None,
                written: 0,
                done: false,
            }
        }
    };
    if state.done {
        eprintln!(
            "{}: already complete ({} events)",
            to.display(),
            state.written
        );
        return Ok(());
    }
    let path = format!("/admin/v1/orgs/{org}/events");
    if run.dry_run {
        let from = match &state.cursor {
            Some(c) => format!("resuming after {} events, cursor {c}", state.written),
            None => "from the start".to_owned(),
        };
        run.request(
            "GET",
            &format!("{path}?from={since}&limit={page_size}"),
            &format!("{from}; then each next page until the last"),
        )?;
        return Ok(());
    }
    if state.written > 0 {
        eprintln!("resuming after {} events", state.written);
    }
    truncate_to_lines(&to, state.written)?;
    let client = settings.client()?;
    let mut out = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&to)
        .map_err(|e| CliError::io(format!("cannot open {}", to.display()), e))?;
    let mut pages = 0;
    loop {
        let mut request = client
            .get_events()
            .org_id(&org)
            .from(since.to_string())
            .limit(
                std::num::NonZeroU32::new(page_size)
                    .ok_or_else(|| CliError::usage("--page-size must be at least 1"))?,
            );
        if let Some(c) = &state.cursor {
            request = request.cursor(c.clone());
        }
        let page = match request.send().await {
            Ok(p) => json(p.into_inner())?,
            Err(e) => {
                let e = api_error(e);
                run.audit(json!({"step": "page", "outcome": "failed", "detail": e.message, "written": state.written}))?;
                return Err(CliError::api(format!(
                    "{} (after {} events; run the same command again to resume)",
                    e.message, state.written
                )));
            }
        };
        let events = page["data"].as_array().cloned().unwrap_or_default();
        let mut text = String::new();
        for e in &events {
            text.push_str(&e.to_string());
            text.push('\n');
        }
        out.write_all(text.as_bytes())
            .and_then(|()| out.sync_data())
            .map_err(|e| CliError::io(format!("cannot write {}", to.display()), e))?;
        let next = page["meta"]["next"]
            .as_str()
            .or_else(|| page["links"]["next"].as_str())
            .map(str::to_owned);
        if next.is_some() && next == state.cursor {
            return Err(CliError::api("the API handed out the same cursor twice"));
        }
        state.written += events.len() as u64;
        state.done = next.is_none();
        state.cursor = next;
        state.write(&checkpoint_path)?;
        pages += 1;
        eprintln!("page {pages}: {} events so far", state.written);
        run.audit(json!({"step": "page", "outcome": "done", "events": events.len(), "written": state.written}))?;
        if state.done {
            break;
        }
    }
    println!("{} events in {}", state.written, to.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{parse_since, rfc3339};

    #[test]
    fn since_takes_rfc3339_with_any_offset_as_epoch_ms() {
        assert_eq!(parse_since("2026-11-01T00:00:00Z"), Ok(1_793_491_200_000));
        assert_eq!(
            parse_since("2026-11-01T09:00:00+09:00"),
            Ok(1_793_491_200_000)
        );
        assert_eq!(
            parse_since("2026-10-31T19:00:00.250-05:00"),
            Ok(1_793_491_200_250)
        );
        assert_eq!(rfc3339(1_793_491_200_000), "2026-11-01T00:00:00Z");
    }

    #[test]
    fn since_takes_epoch_milliseconds() {
        assert_eq!(parse_since("1793491200000"), Ok(1_793_491_200_000));
        assert_eq!(parse_since("0"), Ok(0));
    }

    #[test]
    fn since_refuses_epoch_seconds_and_negative_values() {
        let err = parse_since("1767225600").unwrap_err();
        assert!(err.contains("looks like epoch seconds"), "{err}");
        assert!(err.contains("1970-01-21T10:53:45.600Z"), "{err}");
        assert!(err.contains("1767225600000"), "{err}");
        assert!(parse_since("-5").unwrap_err().contains("before 1970"));
    }

    #[test]
    fn since_rejects_other_forms_naming_both_accepted_ones() {
        for bad in [
            "yesterday",
            "2026-11-01",
            "2026-11-01T00:00:00",
            "1.5e12",
            "",
        ] {
            let e = parse_since(bad).expect_err(bad);
            assert!(
                e.contains("RFC 3339") && e.contains("UNIX epoch milliseconds"),
                "{bad}: {e}"
            );
        }
    }
}
