//! The hand-written workflows: `offboard`, `auth-policy add-users` and
//! `events export`. Each takes `--dry-run` (print every request it would make,
//! make none) and `--audit FILE` (append one JSON line per step: what was
//! done, or planned, and how it went).

use std::fs::{File, OpenOptions};
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use atlassian_admin_api::audit_export::{ExportError, ExportOptions};
use atlassian_admin_api::auth_policy::{BulkMoveOptions, MAX_USERS_PER_REQUEST};
use atlassian_admin_api::offboard::{Action, OffboardOptions, OffboardPlan, Outcome};
use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{json, Value};

use crate::config::Settings;
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
                    .help("Directory of the users (default: every directory, `-`)"),
            )
            .arg(
                Arg::new("yes")
                    .long("yes")
                    .short('y')
                    .action(ArgAction::SetTrue)
                    .help("Make the changes without asking (needed when stdin is not a terminal)"),
            )
            .after_help(
                "It reads first and prints the plan: each account, each group it is in, each API token. \
                 With --dry-run it stops there; otherwise it asks (unless --yes) and then makes exactly \
                 the planned changes, one line per step (done, already done, FAILED with the error).\n\n\
                 Exit codes: 0 every step done; 1 a step failed or a user was not found; 2 bad arguments \
                 or not confirmed; 3 bad configuration.",
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
                        .required(true)
                        .help("The authentication policy the users move into (its id)"),
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

/// `events export`'s exit codes (beside 2, 3: usage and configuration).
pub const EVENTS_EXIT_HELP: &str = "\
Run it again (nightly, say) and it continues from where the last run ended, writing only the events that \
arrived since, without loss or duplicates, even after a crash. A second run on the same checkpoint fails at \
once while the first holds it.

Exit codes: 0 new events exported; 4 nothing new since the last run; 1 failed (run again to continue; \
nothing is lost); 2 bad arguments; 3 bad configuration.";

/// `events export`.
pub fn events_command() -> Command {
    Command::new("events")
        .about("Audit log workflows")
        .subcommand_required(true)
        .subcommand(
            Command::new("export")
                .about("Export the audit log to a JSON lines file, resumably and incrementally")
                .after_help(EVENTS_EXIT_HELP)
                .arg(
                    Arg::new("since")
                        .long("since")
                        .value_name("TIME")
                        .value_parser(parse_since)
                        .help(
                            "Earliest event of the first run: an RFC 3339 timestamp (2026-11-01T00:00:00Z, \
                             2026-11-01T09:00:00+09:00) or UNIX epoch milliseconds; later runs continue \
                             from the checkpoint and must give the same value or none",
                        ),
                )
                .arg(
                    Arg::new("out")
                        .long("out")
                        .value_name("FILE")
                        .required(true)
                        .help(
                            "File the events are appended to, one JSON object a line, as the API sent \
                             them; `{date}` in the name becomes today's UTC date (a dated file per run; \
                             then --checkpoint is required)",
                        ),
                )
                .arg(
                    Arg::new("checkpoint")
                        .long("checkpoint")
                        .value_name("FILE")
                        .help(
                            "Checkpoint file holding the position (default: the --out file's name \
                             followed by .checkpoint); every run on it continues the same export",
                        ),
                )
                .arg(
                    Arg::new("page-size")
                        .long("page-size")
                        .value_name("N")
                        .value_parser(clap::value_parser!(u32).range(1..=500))
                        .default_value("100")
                        .help("Events asked for per request (1 to 500)"),
                )
                .arg(
                    Arg::new("audit")
                        .long("audit")
                        .value_name("FILE")
                        .help("Append a JSON line with the run's summary (or its error) to FILE"),
                )
                .arg(
                    Arg::new("org-id")
                        .long("org-id")
                        .value_name("ID")
                        .help("Organization (default: ATLASSIAN_ORG_ID or the config's org_id)"),
                ),
        )
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
            // `events export` has no --dry-run: the export only reads and appends.
            dry_run: m
                .try_get_one::<bool>("dry-run")
                .ok()
                .flatten()
                .copied()
                .unwrap_or(false),
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

/// `offboard`: reads the plan (each account, each group it is in, each API
/// token), prints it, and with `--dry-run` stops there; otherwise asks for
/// confirmation (unless `--yes`) and writes exactly the plan, printing a line
/// per step.
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
    let mut options = OffboardOptions::default().org_id(&org);
    if let Some(directory) = m.get_one::<String>("directory-id") {
        options = options.directory_id(directory);
    }
    let plan = client.plan_offboarding(&users, &options).await;
    print_plan(&plan);
    run.audit(json!({"step": "plan", "outcome": "planned", "plan": plan}))?;
    let unplanned = plan.users.iter().filter(|u| u.account.is_err()).count();
    if run.dry_run {
        return if unplanned == 0 {
            Ok(())
        } else {
            Err(CliError::api(format!(
                "{unplanned} of {} users cannot be offboarded (see the plan)",
                users.len()
            )))
        };
    }
    let writes = plan_writes(&plan);
    if writes == 0 {
        println!("nothing to do");
        return if unplanned == 0 {
            Ok(())
        } else {
            Err(CliError::api(format!(
                "{unplanned} of {} users not found",
                users.len()
            )))
        };
    }
    confirm(m, &format!("Make these {writes} changes?"))?;
    let report = client.offboard(&plan).await;
    for step in &report.steps {
        let outcome = match &step.outcome {
            Outcome::Done => "done".to_owned(),
            Outcome::AlreadyDone => "already done".to_owned(),
            Outcome::Failed { message, .. } => format!("FAILED: {}", printable(message)),
            _ => "unknown".to_owned(),
        };
        println!(
            "{}: {}: {outcome}",
            printable(&step.user),
            action_text(&step.action)
        );
        run.audit(json!({"step": "write", "record": step}))?;
    }
    let failed = report.failed().count();
    if failed > 0 {
        return Err(CliError::api(format!(
            "{failed} of {} steps failed (run the same command again: what is done is skipped)",
            report.steps.len()
        )));
    }
    Ok(())
}

/// How many writes `plan` makes.
fn plan_writes(plan: &OffboardPlan) -> usize {
    plan.users
        .iter()
        .filter_map(|u| u.account.as_ref().ok())
        .map(|a| {
            usize::from(a.suspend && !a.already_suspended) + a.groups.len() + a.api_tokens.len()
        })
        .sum()
}

/// The plan, one line per user and one per write.
fn print_plan(plan: &OffboardPlan) {
    println!(
        "plan for organization {} (directory {}):",
        printable(&plan.org_id),
        printable(&plan.directory_id)
    );
    for user in &plan.users {
        match &user.account {
            Err(why) => println!(
                "  {}: cannot offboard: {}",
                printable(&user.user),
                printable(why)
            ),
            Ok(a) => {
                let name = a
                    .name
                    .as_deref()
                    .map(|n| format!(" ({})", printable(n)))
                    .unwrap_or_default();
                println!(
                    "  {}: account {}{name}",
                    printable(&user.user),
                    printable(&a.account_id)
                );
                if a.suspend {
                    if a.already_suspended {
                        println!("    suspend access: already suspended");
                    } else {
                        println!("    suspend access");
                    }
                }
                for g in &a.groups {
                    println!(
                        "    remove from group {} ({})",
                        printable(g.name.as_deref().unwrap_or("unnamed")),
                        printable(&g.id)
                    );
                }
                for t in &a.api_tokens {
                    println!(
                        "    revoke API token {} ({})",
                        printable(&t.label),
                        printable(&t.id)
                    );
                }
            }
        }
    }
}

/// One write, for people.
fn action_text(action: &Action) -> String {
    match action {
        Action::Find => "find account".to_owned(),
        Action::Suspend => "suspend access".to_owned(),
        Action::RemoveFromGroup { group_id, name } => format!(
            "remove from group {} ({})",
            printable(name.as_deref().unwrap_or("unnamed")),
            printable(group_id)
        ),
        Action::RevokeApiToken { token_id, label } => {
            format!(
                "revoke API token {} ({})",
                printable(label),
                printable(token_id)
            )
        }
        _ => "another step".to_owned(),
    }
}

/// Asks before a destructive run: on a terminal, `PROMPT [y/N]`; without a
/// terminal the run is refused unless `--yes` was given (a scheduled job
/// states its consent).
fn confirm(m: &ArgMatches, prompt: &str) -> Result<(), CliError> {
    if m.get_flag("yes") {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::usage(
            "refusing to write without confirmation: stdin is not a terminal; pass --yes \
             (or --dry-run to see the plan)",
        ));
    }
    eprint!("{prompt} [y/N] ");
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| CliError::io("cannot read the answer", e))?;
    if matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
        Ok(())
    } else {
        Err(CliError::usage("not confirmed: nothing was changed"))
    }
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
    let progress = Progress::on_terminal();
    let total = client
        .move_users_to_auth_policy_with(&org, &policy, emails.clone(), &options, |p| {
            let wait = p
                .window_wait
                .map(|w| {
                    format!(
                        "; waiting {} s for the rate-limit window",
                        w.as_secs().max(1)
                    )
                })
                .unwrap_or_default();
            progress.line(&format!(
                "{} of {} users sent, {} settled{wait}",
                p.sent, p.users, p.settled
            ))
        })
        .await;
    progress.done();
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

/// `events export`.
pub async fn events(settings: &Settings, m: &ArgMatches) -> Result<(), CliError> {
    let Some(("export", m)) = m.subcommand() else {
        return Err(CliError::usage("events: expected `export`"));
    };
    let mut run = Run::new("events export", m)?;
    let org = settings.require_org(m.get_one::<String>("org-id").map(String::as_str))?;
    let out = m.get_one::<String>("out").cloned().unwrap_or_default();
    let checkpoint = m.get_one::<String>("checkpoint");
    let dated = out.contains("{date}");
    if dated && checkpoint.is_none() {
        return Err(CliError::usage(
            "events export: a dated --out file ({date}) needs --checkpoint FILE (the position \
             must outlive each day's file)",
        ));
    }
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let out = PathBuf::from(out.replace("{date}", &today));
    let page_size = m.get_one::<u32>("page-size").copied().unwrap_or(100);
    let mut options = ExportOptions::new(&out).page_size(page_size).org_id(&org);
    if let Some(c) = checkpoint {
        options = options.checkpoint(c);
    }
    if let Some(ms) = m.get_one::<i64>("since") {
        let from = chrono::DateTime::from_timestamp_millis(*ms)
            .ok_or_else(|| CliError::usage(format!("--since {ms} is out of range")))?;
        options = options.from(from);
    }
    let client = settings.client()?;
    let progress = Progress::on_terminal();
    let result = client
        .export_events_with(&options, |p| {
            progress.line(&format!(
                "page {}: {} new events ({} in all)",
                p.pages, p.events, p.total_events
            ))
        })
        .await;
    progress.done();
    match result {
        Ok(summary) => {
            run.audit(json!({"outcome": "done", "summary": summary}))?;
            let line = format!(
                "{} new events in {} ({} exported in all)",
                summary.events,
                printable(&summary.output.display().to_string()),
                summary.total_events
            );
            if summary.events == 0 {
                return Err(CliError::nothing_new(line));
            }
            println!("{line}");
            Ok(())
        }
        Err(e) => {
            run.audit(json!({"outcome": "failed", "error": e.to_string()}))?;
            let hint = match e {
                ExportError::Locked { .. } => "",
                _ => " (run the same command again to continue; nothing is lost)",
            };
            Err(CliError::api(format!(
                "{}{hint}",
                printable(&e.to_string())
            )))
        }
    }
}

/// Progress lines on stderr when it is a terminal (rewritten in place);
/// nothing otherwise, so pipes and logs see only the result.
pub struct Progress {
    terminal: bool,
}

impl Progress {
    /// Progress for this process: shown when stderr is a terminal.
    pub fn on_terminal() -> Self {
        Self {
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Shows `text` as the current progress.
    pub fn line(&self, text: &str) {
        if self.terminal {
            eprint!("\r\x1b[2K{text}");
        }
    }

    /// Ends the progress line.
    pub fn done(&self) {
        if self.terminal {
            eprintln!();
        }
    }
}

/// Text from an answer or a file name made safe for a terminal: control
/// characters as `\u{..}` escapes.
pub fn printable(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", u32::from(c))
                    .chars()
                    .collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
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
