//! A realistic tour of the client.
//!
//! With no credentials set, it starts an embedded admin API on 127.0.0.1 (in
//! memory, seeded with a small org) and runs the whole flow: stream the users
//! page by page, find a user by email, suspend and restore them, add them to
//! a group, move users into an authentication policy and wait for the task.
//!
//! With `ATLASSIAN_ADMIN_API_KEY` and `ATLASSIAN_ORG_ID` set, it runs the
//! read-only part against https://api.atlassian.com instead.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use std::error::Error;
use std::io::Write;
use std::num::NonZeroU32;
use std::time::Duration;

use atlassian_admin_api::auth_policy::BulkMoveOptions;
use atlassian_admin_api::{types, Client};
use atlassian_admin_mock_server::{MockAdminApi, Server, API_KEY};
use futures::TryStreamExt;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Users per page while streaming (small, so the embedded org spans pages).
const PAGE_SIZE: u32 = 20;

/// Where the flow runs.
pub struct Target {
    /// The client, authenticated for the target.
    pub client: Client,
    /// The organization to work on.
    pub org_id: String,
    /// Whether writes are allowed (only against the embedded server).
    pub writable: bool,
    /// The policy to move users into, when known.
    pub policy: Option<(String, String)>,
    /// How long to wait between task status polls.
    pub poll_interval: Duration,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let mut out = std::io::stdout();
    let key = std::env::var("ATLASSIAN_ADMIN_API_KEY").ok();
    let org = std::env::var("ATLASSIAN_ORG_ID").ok();
    match (key, org) {
        (Some(key), Some(org_id)) if !key.trim().is_empty() && !org_id.is_empty() => {
            writeln!(out, "Using the real Admin API (read-only).")?;
            let target = Target {
                // The key, and ATLASSIAN_ADMIN_BASE_URL if set, come from the environment.
                client: Client::from_env()?,
                org_id,
                writable: false,
                policy: None,
                poll_interval: Duration::from_secs(5),
            };
            run(&target, &mut out).await
        }
        _ => run_embedded(&mut out).await,
    }
}

/// The offline flow: the embedded server, every step, writes included.
pub async fn run_embedded(out: &mut dyn Write) -> Result<()> {
    let (_server, target) = embedded().await?;
    writeln!(
        out,
        "No ATLASSIAN_ADMIN_API_KEY/ATLASSIAN_ORG_ID set: using the embedded admin API \
         (in memory, on 127.0.0.1)."
    )?;
    run(&target, out).await
}

/// Starts the embedded admin API and a client for it; keep the server alive
/// while the client is used.
pub async fn embedded() -> Result<(Server, Target)> {
    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await?;
    let org = api.snapshot();
    let contractors = org
        .policies
        .iter()
        .find(|p| p.name.starts_with("Contractors"))
        .map(|p| (p.id.clone(), p.name.clone()));
    let target = Target {
        client: Client::builder()
            .api_key(API_KEY)
            .base_url(server.base_url())
            .build()?,
        org_id: org.org_id,
        writable: true,
        policy: contractors,
        poll_interval: Duration::from_millis(50),
    };
    Ok((server, target))
}

/// The whole flow; writes happen only when the target allows them.
pub async fn run(target: &Target, out: &mut dyn Write) -> Result<()> {
    let Target { client, org_id, .. } = target;
    let directory = first_directory(client, org_id, out).await?;

    writeln!(
        out,
        "\n1. Streaming the directory's users, {PAGE_SIZE} a page"
    )?;
    let users = all_users(client, org_id, &directory, out).await?;
    let Some(email) = users.iter().rev().find_map(|u| u.email.clone()) else {
        writeln!(out, "The directory has no users; nothing more to show.")?;
        return Ok(());
    };

    writeln!(out, "\n2. Finding a user by email")?;
    let user = find_by_email(client, org_id, &directory, &email).await?;
    let account_id = user.account_id.clone().unwrap_or_default();
    writeln!(
        out,
        "   {} <{email}>: {}, account {account_id}",
        user.name.as_deref().unwrap_or("(no name)"),
        status_of(&user),
    )?;

    if !target.writable {
        let policies = auth_policies(client, org_id, std::slice::from_ref(&account_id)).await?;
        writeln!(
            out,
            "   authentication policy: {}",
            policies.first().map_or("unknown", String::as_str)
        )?;
        writeln!(
            out,
            "\nRead-only run: skipping suspend/restore, group and policy changes."
        )?;
        return Ok(());
    }

    writeln!(out, "\n3. Suspending and restoring their access")?;
    set_suspended(client, org_id, &directory, &account_id, true).await?;
    let user = find_by_email(client, org_id, &directory, &email).await?;
    writeln!(out, "   suspended: status is now {}", status_of(&user))?;
    set_suspended(client, org_id, &directory, &account_id, false).await?;
    let user = find_by_email(client, org_id, &directory, &email).await?;
    writeln!(out, "   restored: status is now {}", status_of(&user))?;

    writeln!(out, "\n4. Adding them to the group \"contractors\"")?;
    add_to_group(client, org_id, &directory, "contractors", &account_id, out).await?;

    if let Some((policy_id, policy_name)) = &target.policy {
        writeln!(
            out,
            "\n5. Moving users into the authentication policy \"{policy_name}\""
        )?;
        let movers: Vec<&types::DirectoryUser> = users.iter().rev().take(3).collect();
        move_into_policy(target, policy_id, &movers, out).await?;
    }
    writeln!(out, "\nDone.")?;
    Ok(())
}

/// The org's first directory (an org has one unless it has several IdPs).
async fn first_directory(client: &Client, org_id: &str, out: &mut dyn Write) -> Result<String> {
    let orgs = client.get_orgs().send().await?.into_inner();
    let name = orgs
        .data
        .iter()
        .find(|o| o.id == org_id)
        .and_then(|o| o.attributes.name.clone())
        .unwrap_or_else(|| org_id.to_owned());
    let directories = client
        .get_directories_for_org()
        .org_id(org_id)
        .send()
        .await?
        .into_inner();
    let directory = directories
        .data
        .first()
        .and_then(|d| d.directory_id.clone())
        .ok_or("the organization has no directory")?;
    writeln!(out, "Organization: {name}")?;
    writeln!(out, "Directory:    {directory}")?;
    Ok(directory)
}

/// Every user of the directory, streamed page by page, with progress.
async fn all_users(
    client: &Client,
    org_id: &str,
    directory: &str,
    out: &mut dyn Write,
) -> Result<Vec<types::DirectoryUser>> {
    let mut pages = client
        .search_directory_users()
        .org_id(org_id)
        .directory_id(directory)
        .body_map(|b| b.limit(NonZeroU32::new(PAGE_SIZE)))
        .pages();
    let mut users = Vec::new();
    let mut page_number = 0;
    while let Some(page) = pages.try_next().await? {
        page_number += 1;
        users.extend(page.data);
        writeln!(out, "   page {page_number}: {} users so far", users.len())?;
    }
    let suspended = users.iter().filter(|u| status_of(u) == "suspended").count();
    writeln!(out, "   {} users, {suspended} suspended", users.len())?;
    Ok(users)
}

/// The user with exactly this email address.
async fn find_by_email(
    client: &Client,
    org_id: &str,
    directory: &str,
    email: &str,
) -> Result<types::DirectoryUser> {
    let page = client
        .search_directory_users()
        .org_id(org_id)
        .directory_id(directory)
        .body_map(|b| b.emails(Some(vec![email.to_owned()])))
        .send()
        .await?
        .into_inner();
    Ok(page
        .data
        .into_iter()
        .next()
        .ok_or_else(|| format!("no user with email {email}"))?)
}

fn status_of(user: &types::DirectoryUser) -> String {
    user.status
        .as_ref()
        .map_or_else(|| "unknown".to_owned(), ToString::to_string)
}

async fn set_suspended(
    client: &Client,
    org_id: &str,
    directory: &str,
    account_id: &str,
    suspend: bool,
) -> Result<()> {
    if suspend {
        client
            .suspend_directory_user()
            .org_id(org_id)
            .directory_id(directory)
            .account_id(account_id)
            .send()
            .await?;
    } else {
        client
            .restore_directory_user()
            .org_id(org_id)
            .directory_id(directory)
            .account_id(account_id)
            .send()
            .await?;
    }
    Ok(())
}

/// Adds the user to the group named `group`; already being a member is fine.
async fn add_to_group(
    client: &Client,
    org_id: &str,
    directory: &str,
    group: &str,
    account_id: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let groups = client
        .search_directory_groups()
        .org_id(org_id)
        .directory_id(directory)
        .body_map(|b| b.group_names(Some(vec![group.to_owned()])))
        .send()
        .await?
        .into_inner();
    let found = groups
        .data
        .first()
        .ok_or_else(|| format!("no group {group}"))?;
    let group_id = found.id.clone().unwrap_or_default();
    let before = found.counts.as_ref().and_then(|c| c.users).unwrap_or(0);
    let added = client
        .add_directory_group_member()
        .org_id(org_id)
        .directory_id(directory)
        .group_id(&group_id)
        .body_map(|b| b.account_id(account_id))
        .send()
        .await;
    match added {
        Ok(_) => writeln!(
            out,
            "   added; the group had {before} members, now {}",
            before + 1
        )?,
        Err(e) if e.status().is_some_and(|s| s.as_u16() == 409) => {
            writeln!(out, "   already a member")?
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// The policy id each account is in, in order.
async fn auth_policies(
    client: &Client,
    org_id: &str,
    account_ids: &[String],
) -> Result<Vec<String>> {
    let infos = client
        .bulk_fetch_user_auth_policies()
        .org_id(org_id)
        .body_map(|b| b.account_ids(account_ids.to_vec()))
        .send()
        .await?
        .into_inner();
    Ok(infos
        .into_iter()
        .map(|i| {
            i.auth_policy_info
                .and_then(|p| p.policy_id)
                .unwrap_or_else(|| "none".to_owned())
        })
        .collect())
}

/// Moves the users with the bulk helper (chunks of 500, within the rate
/// limit, every task polled to the end), then checks where they landed.
async fn move_into_policy(
    target: &Target,
    policy_id: &str,
    users: &[&types::DirectoryUser],
    out: &mut dyn Write,
) -> Result<()> {
    let client = &target.client;
    let org_id = target.org_id.as_str();
    let emails: Vec<String> = users.iter().filter_map(|u| u.email.clone()).collect();
    let ids: Vec<String> = users.iter().filter_map(|u| u.account_id.clone()).collect();
    for email in &emails {
        writeln!(out, "   - {email}")?;
    }
    writeln!(out, "   waiting for the add-users task...")?;
    let options = BulkMoveOptions::default().poll_interval(target.poll_interval);
    let report = client
        .move_users_to_auth_policy(org_id, policy_id, emails, &options)
        .await;
    writeln!(
        out,
        "   {} moved, {} failed, {} still in progress ({} add-users call, {} status polls)",
        report.moved.len(),
        report.failed_count(),
        report.in_progress_count(),
        report.add_calls,
        report.status_calls
    )?;
    for failure in &report.failed {
        writeln!(out, "   failed: {:?} {}", failure.emails, failure.reason)?;
    }
    let now_in = auth_policies(client, org_id, &ids).await?;
    let moved = now_in.iter().filter(|p| *p == policy_id).count();
    writeln!(
        out,
        "   checked: {moved} of {} users are now in the policy",
        ids.len()
    )?;
    Ok(())
}
