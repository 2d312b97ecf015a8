//! `atlassian-admin`: the Atlassian Cloud Admin APIs from the command line.
//!
//! - `atlassian-admin <family> <operation> [--param value]...`: one command per
//!   operation of the curated spec, generated at build time (`build.rs`).
//!   Families follow the API paths: `organization` (`/admin/v1`, `/admin/v2`),
//!   `control` (`/admin/control`), `api-access` (`/admin/api-access`),
//!   `user-management` (`/users`), `scim` (`/scim`). Operation names are the
//!   operationIds in kebab case; flags are the parameter names in kebab case.
//! - Workflows: `offboard`, `auth-policy add-users`, `events export`, each with
//!   `--dry-run` and `--audit FILE`.
//!
//! Keys come from the environment or a private config file ([`config`]); they
//! are never printed.

mod config;
mod ops;
mod output;
mod workflows;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::Value;

use crate::config::Settings;
use crate::ops::{Arguments, OPERATIONS};

/// The families, in the order `--help` lists them, with their description.
const FAMILIES: &[(&str, &str)] = &[
    (
        "organization",
        "Organization API: orgs, domains, events, directories, users, groups, policies",
    ),
    (
        "control",
        "Control API: policies, policy resources, authentication policies",
    ),
    (
        "api-access",
        "API access: API keys, API tokens, OAuth clients, service accounts",
    ),
    (
        "user-management",
        "User management API: managed accounts' profile, email, lifecycle, API tokens",
    ),
    (
        "scim",
        "User provisioning (SCIM) API: users, groups, schemas, configuration",
    ),
];

/// The exit code of a run that found nothing new to do.
pub const EXIT_NOTHING_NEW: u8 = 4;

/// A failure, with the exit code it gives.
#[derive(Debug)]
pub struct CliError {
    code: u8,
    message: String,
}

impl CliError {
    /// Bad arguments or input (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }
    /// Bad configuration (exit code 3).
    pub fn config(message: impl Into<String>) -> Self {
        Self {
            code: 3,
            message: message.into(),
        }
    }
    /// A failed request or step (exit code 1).
    pub fn api(message: impl Into<String>) -> Self {
        Self {
            code: 1,
            message: message.into(),
        }
    }
    /// A run that found nothing to do (exit code 4): `events export` with no
    /// new events. Printed without the `error:` prefix.
    pub fn nothing_new(message: impl Into<String>) -> Self {
        Self {
            code: EXIT_NOTHING_NEW,
            message: message.into(),
        }
    }
    /// A local I/O failure (exit code 1).
    pub fn io(what: impl std::fmt::Display, e: std::io::Error) -> Self {
        Self::api(format!("{what}: {e}"))
    }
}

fn cli() -> Command {
    let mut root = Command::new("atlassian-admin")
        .version(env!("CARGO_PKG_VERSION"))
        .about("The Atlassian Cloud Admin APIs from the command line (keys: ATLASSIAN_ADMIN_API_KEY, ATLASSIAN_SCIM_API_KEY, ATLASSIAN_ORG_ID, ATLASSIAN_ADMIN_BASE_URL, or ~/.config/atlassian-admin/config.toml with mode 0600)")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .arg(
            Arg::new("config")
                .long("config")
                .global(true)
                .value_name("FILE")
                .help("Config file with the keys (must have mode 0600)"),
        )
        .arg(
            Arg::new("output")
                .long("output")
                .short('o')
                .global(true)
                .value_parser(output::Format::IDS)
                .default_value("json")
                .help("Answer format: JSON, a table for people, or CSV for spreadsheets"),
        );
    for (family, about) in FAMILIES {
        let mut cmd = Command::new(*family)
            .about(*about)
            .subcommand_required(true)
            .arg_required_else_help(true);
        for op in OPERATIONS.iter().filter(|op| op.family == *family) {
            cmd = cmd.subcommand(operation_command(op));
        }
        root = root.subcommand(cmd);
    }
    root.subcommand(workflows::offboard_command())
        .subcommand(workflows::auth_policy_command())
        .subcommand(workflows::events_command())
        .subcommand(
            Command::new("completions")
                .about("Print the shell completion script for SHELL (from the same command tree as --help)")
                .arg(
                    Arg::new("shell")
                        .value_name("SHELL")
                        .required(true)
                        .value_parser(clap::value_parser!(clap_complete::Shell))
                        .help("bash, zsh, fish, elvish or powershell"),
                ),
        )
        .subcommand(
            Command::new("man").about("Print the man page (roff), e.g. `atlassian-admin man > atlassian-admin.1`"),
        )
}

/// `completions SHELL` and `man`: printed from the command tree, so they
/// list every command and flag `--help` does.
fn print_shell_support(name: &str, sub: &ArgMatches) -> Result<(), CliError> {
    let mut cmd = cli();
    let mut out = std::io::stdout().lock();
    match name {
        "completions" => {
            let shell = sub
                .get_one::<clap_complete::Shell>("shell")
                .copied()
                .ok_or_else(|| CliError::usage("completions: name a shell"))?;
            clap_complete::generate(shell, &mut cmd, "atlassian-admin", &mut out);
            Ok(())
        }
        _ => clap_mangen::Man::new(cmd)
            .render(&mut out)
            .map_err(|e| CliError::io("cannot write the man page", e)),
    }
}

fn operation_command(op: &'static ops::Operation) -> Command {
    let mut cmd =
        Command::new(op.name).about(format!("{} {} (key: {})", op.method, op.path, op.key));
    for p in op.params {
        let defaulted = p.flag == "org-id";
        let mut help = format!("{} parameter `{}`", p.location, p.name);
        if defaulted {
            help.push_str(" (default: ATLASSIAN_ORG_ID or the config's org_id)");
        }
        cmd = cmd.arg(
            Arg::new(p.flag)
                .long(p.flag)
                .value_name("VALUE")
                .required(p.required && !defaulted)
                .help(help),
        );
    }
    if op.body {
        cmd = cmd.arg(
            Arg::new("body")
                .long("body")
                .value_name("FILE")
                .help("JSON request body from FILE, or `-` for stdin"),
        );
    }
    if op.paginated {
        cmd = cmd.arg(
            Arg::new("all")
                .long("all")
                .action(ArgAction::SetTrue)
                .help("Stream every item of every page (JSON lines)"),
        );
    }
    cmd
}

struct OpArgs<'a> {
    matches: &'a ArgMatches,
    org_id: Option<String>,
    body: Option<Value>,
    all: bool,
}

impl Arguments for OpArgs<'_> {
    fn param(&self, flag: &str) -> Option<&str> {
        let given = self
            .matches
            .try_get_one::<String>(flag)
            .ok()
            .flatten()
            .map(String::as_str);
        match (given, flag) {
            (None, "org-id") => self.org_id.as_deref(),
            _ => given,
        }
    }
    fn body(&self) -> Option<&Value> {
        self.body.as_ref()
    }
    fn all(&self) -> bool {
        self.all
    }
}

/// The JSON of `--body FILE` (`-`: stdin).
fn read_body(source: &str) -> Result<Value, CliError> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| CliError::io("cannot read the body from stdin", e))?;
        text
    } else {
        std::fs::read_to_string(source)
            .map_err(|e| CliError::io(format!("cannot read the body file {source}"), e))?
    };
    serde_json::from_str(&text).map_err(|e| CliError::usage(format!("the body is not JSON: {e}")))
}

async fn run_operation(
    settings: &Settings,
    op: &'static ops::Operation,
    matches: &ArgMatches,
    format: output::Format,
) -> Result<(), CliError> {
    let body = match matches.try_get_one::<String>("body").ok().flatten() {
        Some(source) => Some(read_body(source)?),
        None => None,
    };
    if op.body && body.is_none() {
        return Err(CliError::usage(format!(
            "{} {} takes a JSON body: --body FILE (or - for stdin)",
            op.family, op.name
        )));
    }
    let org_id = settings.org_id.clone();
    if op.params.iter().any(|p| p.flag == "org-id" && p.required)
        && matches
            .try_get_one::<String>("org-id")
            .ok()
            .flatten()
            .is_none()
    {
        settings.require_org(None)?;
    }
    let args = OpArgs {
        matches,
        org_id,
        body,
        all: matches
            .try_get_one::<bool>("all")
            .ok()
            .flatten()
            .copied()
            .unwrap_or(false),
    };
    let client = settings.client()?;
    let mut items = Vec::new();
    let mut sink = |item: Value| -> Result<(), CliError> {
        if format == output::Format::Json {
            output::print_line(&item)
        } else {
            items.push(item);
            Ok(())
        }
    };
    let answer = ops::call(&client, op.operation_id, &args, &mut sink).await?;
    match answer {
        Some(value) => output::print(&value, format),
        None if format == output::Format::Json => Ok(()),
        None => output::print(&Value::Array(items), format),
    }
}

async fn run(matches: ArgMatches) -> Result<(), CliError> {
    if let Some((name @ ("completions" | "man"), sub)) = matches.subcommand() {
        return print_shell_support(name, sub);
    }
    let config = matches.get_one::<String>("config").map(PathBuf::from);
    let settings = Settings::load(config.as_deref())?;
    let format = output::Format::from_id(
        matches
            .get_one::<String>("output")
            .map_or("json", String::as_str),
    );
    let Some((family, sub)) = matches.subcommand() else {
        return Err(CliError::usage("no command given; see --help"));
    };
    match family {
        "offboard" => workflows::offboard(&settings, sub).await,
        "auth-policy" => workflows::auth_policy(&settings, sub).await,
        "events" => workflows::events(&settings, sub).await,
        _ => {
            let Some((name, op_matches)) = sub.subcommand() else {
                return Err(CliError::usage(format!(
                    "{family}: no operation given; see --help"
                )));
            };
            let op = OPERATIONS
                .iter()
                .find(|op| op.family == family && op.name == name)
                .ok_or_else(|| CliError::usage(format!("unknown command {family} {name}")))?;
            run_operation(&settings, op, op_matches, format).await
        }
    }
}

fn main() -> ExitCode {
    let matches = cli().get_matches();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(matches)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.code == EXIT_NOTHING_NEW => {
            eprintln!("{}", e.message);
            ExitCode::from(e.code)
        }
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cli;

    /// Every argument of every command says what it is for in `--help`.
    #[test]
    fn every_argument_has_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if arg
                    .get_help()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&cli(), "atlassian-admin", &mut missing);
        assert!(missing.is_empty(), "arguments without help: {missing:#?}");
    }
}
