//! The organization's state: directory users and groups, authentication
//! policies and their add-users tasks, domains, the audit log, and the SCIM
//! directory's users and groups. Serializable: the seed and export format
//! (see [`crate::seed`]).

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::errors::ApiError;

/// How many status polls an add-users task answers "in progress" before it
/// completes, like the real API's short asynchronous processing.
const TASK_POLLS: u32 = 2;

/// A user of the directory (a managed account).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    /// Atlassian account id.
    pub account_id: String,
    /// Full name.
    pub name: String,
    /// Email address (unique in the org).
    pub email: String,
    /// Whether two-step verification is on.
    pub mfa_enabled: bool,
    /// Whether the user's access is suspended.
    pub suspended: bool,
    /// Id of the authentication policy the user is in.
    pub auth_policy: String,
    /// Epoch milliseconds of joining that policy.
    pub policy_since: i64,
    /// Public name; the user management API's profile field.
    #[serde(default)]
    pub nickname: String,
    /// Job title (profile).
    #[serde(default)]
    pub job_title: String,
    /// Account lifecycle: `active`, `inactive` (deactivated) or `closed`.
    #[serde(default = "active")]
    pub account_status: String,
    /// Scheduled for deletion (user management `lifecycle/delete`).
    #[serde(default)]
    pub pending_deletion: bool,
    /// The user's personal API tokens.
    #[serde(default)]
    pub api_tokens: Vec<ApiToken>,
    /// Roles granted to the user directly (platform, product and org roles).
    #[serde(default)]
    pub roles: Vec<RoleGrant>,
    /// When the user joined the organization, epoch ms (unknown: none).
    #[serde(default)]
    pub added_to_org_ms: Option<i64>,
    /// The user's last activity in each workspace (`getUserLastActiveDates`).
    #[serde(default)]
    pub last_active: Vec<LastActive>,
}

/// A user's last activity in one workspace (product instance).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LastActive {
    /// The workspace id (see [`Org::workspaces`]).
    pub workspace_id: String,
    /// The product key (`jira-software`, `confluence`, ...).
    pub product_key: String,
    /// Time of the last activity, epoch ms.
    pub at_ms: i64,
}

/// One role on one resource (a product instance, or the org for org-level roles).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RoleGrant {
    /// The resource id (the org id for org-level and platform roles).
    pub resource: String,
    /// The role id (`atlassian/admin`, ...).
    pub role: String,
}

fn active() -> String {
    "active".to_owned()
}

/// A personal API token of a managed account.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ApiToken {
    /// Token id (unique across the org).
    pub id: String,
    /// The label its owner gave it.
    pub label: String,
    /// Creation time, RFC 3339.
    pub created_at: String,
}

/// A service account of the org (API access).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccount {
    /// Service account id.
    pub id: String,
    /// Its Atlassian account id.
    pub atlassian_id: String,
    /// Display name.
    pub display_name: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Its (generated) email address.
    pub email: String,
    /// Last change, epoch ms.
    #[serde(default)]
    pub updated_at: i64,
    /// Its API tokens (created outside the admin API; seed them).
    #[serde(default)]
    pub api_tokens: Vec<ApiToken>,
}

/// An OAuth client of a service account.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OAuthClient {
    /// Client id.
    pub client_id: String,
    /// Name.
    pub name: String,
    /// The service account it acts as.
    pub service_account_id: String,
    /// Creation time, epoch ms.
    #[serde(default)]
    pub created_at: i64,
}

/// An organization API key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgApiKey {
    /// Key id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Creation time, RFC 3339.
    pub created_at: String,
    /// Expiry, RFC 3339.
    pub expires_at: String,
    /// Last use, RFC 3339.
    pub last_active_at: String,
    /// Account id, name and email of the admin who created it.
    pub created_by: [String; 3],
}

/// A control API policy (v1) and the resources it applies to, as served.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ControlPolicy {
    /// The policy (`ControlPolicy` of the spec).
    pub policy: Value,
    /// Its resources (`ControlPolicyResource`s).
    #[serde(default)]
    pub resources: Vec<Value>,
}

/// A group of the directory.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// Group id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Account ids of the members.
    pub members: Vec<String>,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Roles the group grants its members.
    #[serde(default)]
    pub roles: Vec<RoleGrant>,
}

/// An authentication policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthPolicy {
    /// Policy id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A domain of the organization.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    /// Domain id.
    pub id: String,
    /// The domain name.
    pub name: String,
    /// Whether the org has verified it.
    pub verified: bool,
}

/// One audit log event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Event id.
    pub id: String,
    /// When it happened, UNIX epoch milliseconds.
    pub time_ms: i64,
    /// The action (`user_suspended`, `group_created`, ...).
    pub action: String,
    /// Who did it (an account id, or `admin` for the API key).
    pub actor: String,
    /// What it was done to (ids).
    #[serde(default)]
    pub context: Vec<String>,
}

/// An add-users task: emails to move into a policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    /// Task id.
    pub id: String,
    /// The policy the users move into.
    pub policy_id: String,
    /// The emails to move.
    pub emails: Vec<String>,
    /// Status polls left before it completes.
    pub polls_left: u32,
}

/// The whole organization's state.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Org {
    /// Organization id.
    pub org_id: String,
    /// Organization name.
    pub org_name: String,
    /// Id of the org's one directory.
    pub directory_id: String,
    /// Directory name.
    pub directory_name: String,
    /// Users, in directory order.
    pub users: Vec<User>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Authentication policies; the first is the default.
    pub policies: Vec<AuthPolicy>,
    /// Domains.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// The audit log, oldest first.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Add-users tasks, finished or not.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Organization policies (v1: IP allowlists, data residency), as served.
    #[serde(default)]
    pub org_policies: Vec<Value>,
    /// App access settings: one `AppAccessDomainDetail` per email domain, as served.
    #[serde(default)]
    pub app_access: Vec<Value>,
    /// Control API policies (v1).
    #[serde(default)]
    pub control_policies: Vec<ControlPolicy>,
    /// Service accounts.
    #[serde(default)]
    pub service_accounts: Vec<ServiceAccount>,
    /// OAuth clients of the service accounts.
    #[serde(default)]
    pub oauth_clients: Vec<OAuthClient>,
    /// Organization API keys.
    #[serde(default)]
    pub api_keys: Vec<OrgApiKey>,
    /// SCIM users of the directory (RFC 7643 resources, as served).
    #[serde(default)]
    pub scim_users: Vec<Value>,
    /// SCIM groups of the directory.
    #[serde(default)]
    pub scim_groups: Vec<Value>,
    /// Workspaces (product instances), one `Workspace` of the spec each, as served.
    #[serde(default)]
    pub workspaces: Vec<Value>,
    /// Next number for generated ids (groups, tasks, events, SCIM resources).
    #[serde(default)]
    pub next_id: u64,
}

const FIRST: [&str; 9] = [
    "Ada",
    "Grace",
    "Alan",
    "Katherine",
    "Linus",
    "Margaret",
    "Dennis",
    "Barbara",
    "Ken",
];
const LAST: [&str; 5] = ["Lovelace", "Hopper", "Turing", "Johnson", "Hamilton"];

/// How many audit events the seeded org's log holds (one a minute from
/// [`EVENTS_START_MS`]).
pub const EVENT_COUNT: usize = 25;

/// The time of the seeded org's first audit event, in UNIX epoch milliseconds
/// (2026-01-01T00:00:00Z).
pub const EVENTS_START_MS: i64 = 1_767_225_600_000;

/// The seeded org's workspaces: id, product key, name, address.
const SEEDED_WORKSPACES: [(&str, &str, &str, &str); 3] = [
    (
        "a1b2c3d4-0001-4000-8000-00000000f001",
        "jira-software",
        "Acme Jira",
        "https://acme.atlassian.net",
    ),
    (
        "a1b2c3d4-0002-4000-8000-00000000f002",
        "confluence",
        "Acme Confluence",
        "https://acme.atlassian.net/wiki",
    ),
    (
        "a1b2c3d4-0003-4000-8000-00000000f003",
        "bitbucket",
        "acme-rocketry",
        "https://bitbucket.org/acme-rocketry",
    ),
];

/// A `Workspace` of the spec.
fn workspace(id: &str, key: &str, name: &str, host: &str) -> Value {
    json!({
        "id": id,
        "type": "workspace",
        "attributes": {
            "name": name,
            "type": key.split('-').next().unwrap_or(key),
            "typeKey": key,
            "hostUrl": host,
            "status": "online",
            "statusDetails": [],
            "realm": "us",
            "regions": ["us-east-1"],
            "labels": [],
            "owner": null,
            "sandbox": null,
        },
        "relationships": {},
    })
}

impl Org {
    /// A small org: 45 users (2 suspended, two API tokens each), 8 groups, a
    /// standard and a contractors authentication policy (everyone starts in
    /// the standard one), two domains, three workspaces (Jira, Confluence,
    /// Bitbucket; each user last active in one or two) and [`EVENT_COUNT`]
    /// audit events.
    pub fn seeded() -> Self {
        let policies = vec![
            AuthPolicy {
                id: "c0ffee00-0000-4000-8000-00000000a001".to_owned(),
                name: "Standard (SSO)".to_owned(),
            },
            AuthPolicy {
                id: "c0ffee00-0000-4000-8000-00000000a002".to_owned(),
                name: "Contractors (password + 2FA)".to_owned(),
            },
        ];
        let users = (0..45)
            .map(|i| {
                let first = FIRST[i % FIRST.len()];
                let last = LAST[(i / FIRST.len()) % LAST.len()];
                User {
                    account_id: format!("712020:5f1e{i:04}-7a3c-4d2b-9e8f-0c1d2e3f4a5b"),
                    name: format!("{first} {last}"),
                    email: format!("{}.{}@acme.example", first, last).to_lowercase(),
                    mfa_enabled: i % 3 != 0,
                    // Two users start suspended, as in any real directory.
                    suspended: i == 13 || i == 29,
                    auth_policy: policies[0].id.clone(),
                    policy_since: 1_704_067_200_000 + i as i64 * 86_400_000,
                    nickname: first.to_owned(),
                    job_title: String::new(),
                    account_status: active(),
                    pending_deletion: false,
                    // Each token id is the user's own: revoking one user's tokens leaves everyone else's.
                    api_tokens: (1..=2)
                        .map(|n| ApiToken {
                            id: format!("tok-{i:04}-{n}"),
                            label: format!("token {n} of {first}"),
                            created_at: "2025-06-01T00:00:00Z".to_owned(),
                        })
                        .collect(),
                    roles: Vec::new(),
                    added_to_org_ms: Some(1_704_067_200_000 + i as i64 * 86_400_000),
                    // Everyone has used Jira; every other user Confluence too.
                    last_active: SEEDED_WORKSPACES
                        .iter()
                        .take(if i % 2 == 0 { 2 } else { 1 })
                        .map(|(id, key, _, _)| LastActive {
                            workspace_id: (*id).to_owned(),
                            product_key: (*key).to_owned(),
                            at_ms: EVENTS_START_MS - (i as i64 + 1) * 3_600_000,
                        })
                        .collect(),
                }
            })
            .collect::<Vec<_>>();
        let groups = [
            "engineering",
            "design",
            "support",
            "finance",
            "site-admins",
            "contractors",
            "on-call",
            "alumni",
        ]
        .iter()
        .enumerate()
        .map(|(i, name)| Group {
            id: format!("9a7c{i:04}-1b2c-4d3e-8f4a-5b6c7d8e9f00"),
            name: (*name).to_owned(),
            members: users
                .iter()
                .skip(i)
                .step_by(7)
                .map(|u| u.account_id.clone())
                .collect(),
            description: String::new(),
            roles: Vec::new(),
        })
        .collect();
        let events = (0..EVENT_COUNT)
            .map(|n| Event {
                id: format!("event-{n:03}"),
                time_ms: EVENTS_START_MS + 60_000 * n as i64,
                action: "user_suspended".to_owned(),
                actor: "admin".to_owned(),
                context: Vec::new(),
            })
            .collect();
        Self {
            org_id: "4f9d1c2a-6b3e-4a7d-9c8b-1e2f3a4b5c6d".to_owned(),
            org_name: "Acme Rocketry".to_owned(),
            directory_id: "d1e2c3b4-a5f6-4789-8abc-def012345678".to_owned(),
            directory_name: "Acme Rocketry".to_owned(),
            users,
            groups,
            policies,
            domains: vec![
                Domain {
                    id: "dom-0001".to_owned(),
                    name: "acme.example".to_owned(),
                    verified: true,
                },
                Domain {
                    id: "dom-0002".to_owned(),
                    name: "acme-rocketry.example".to_owned(),
                    verified: false,
                },
            ],
            events,
            service_accounts: vec![ServiceAccount {
                id: "sa-build-bot".to_owned(),
                atlassian_id: "712020:service-account-build-bot".to_owned(),
                display_name: "build-bot".to_owned(),
                description: "CI deployments".to_owned(),
                email: "build-bot@serviceaccount.acme.example".to_owned(),
                updated_at: EVENTS_START_MS,
                api_tokens: vec![ApiToken {
                    id: "sa-tok-build-bot-deploy".to_owned(),
                    label: "deploy".to_owned(),
                    created_at: "2025-09-01T00:00:00Z".to_owned(),
                }],
            }],
            oauth_clients: Vec::new(),
            api_keys: vec![OrgApiKey {
                id: "key-admin-automation".to_owned(),
                label: "admin automation".to_owned(),
                created_at: "2025-06-01T00:00:00Z".to_owned(),
                expires_at: "2026-06-01T00:00:00Z".to_owned(),
                last_active_at: "2025-12-01T00:00:00Z".to_owned(),
                created_by: [
                    "712020:5f1e0000-7a3c-4d2b-9e8f-0c1d2e3f4a5b".to_owned(),
                    "Ada Lovelace".to_owned(),
                    "ada.lovelace@acme.example".to_owned(),
                ],
            }],
            org_policies: Vec::new(),
            control_policies: Vec::new(),
            app_access: Vec::new(),
            tasks: Vec::new(),
            scim_users: Vec::new(),
            scim_groups: Vec::new(),
            workspaces: SEEDED_WORKSPACES
                .iter()
                .map(|(id, key, name, host)| workspace(id, key, name, host))
                .collect(),
            next_id: 1,
        }
    }

    /// An org with nothing in it but its ids and one authentication policy.
    pub fn empty(org_id: &str, org_name: &str, directory_id: &str) -> Self {
        Self {
            org_id: org_id.to_owned(),
            org_name: org_name.to_owned(),
            directory_id: directory_id.to_owned(),
            directory_name: org_name.to_owned(),
            users: Vec::new(),
            groups: Vec::new(),
            policies: vec![AuthPolicy {
                id: "default-auth-policy".to_owned(),
                name: "Default".to_owned(),
            }],
            domains: Vec::new(),
            events: Vec::new(),
            service_accounts: Vec::new(),
            oauth_clients: Vec::new(),
            api_keys: Vec::new(),
            org_policies: Vec::new(),
            control_policies: Vec::new(),
            app_access: Vec::new(),
            tasks: Vec::new(),
            scim_users: Vec::new(),
            scim_groups: Vec::new(),
            workspaces: Vec::new(),
            next_id: 1,
        }
    }

    /// The account id of the user with `email`, inviting a new one (active,
    /// in the default authentication policy, in no group) when there is
    /// none; `true` with a new account.
    pub fn invite(&mut self, email: &str, now_ms: i64) -> (String, bool) {
        if let Some(u) = self
            .users
            .iter()
            .find(|u| u.email.eq_ignore_ascii_case(email))
        {
            return (u.account_id.clone(), false);
        }
        let account_id = self.new_id("712020:invited");
        let local = email.split('@').next().unwrap_or(email);
        self.users.push(User {
            account_id: account_id.clone(),
            name: local.to_owned(),
            email: email.to_owned(),
            mfa_enabled: false,
            suspended: false,
            auth_policy: self
                .policies
                .first()
                .map(|p| p.id.clone())
                .unwrap_or_default(),
            policy_since: now_ms,
            nickname: local.to_owned(),
            job_title: String::new(),
            account_status: active(),
            pending_deletion: false,
            api_tokens: Vec::new(),
            roles: Vec::new(),
            added_to_org_ms: Some(now_ms),
            last_active: Vec::new(),
        });
        self.record(now_ms, "user_invited", &[&account_id]);
        (account_id, true)
    }

    /// A fresh id with `prefix` (`grp-0007`). Seeded ids never take this form.
    pub fn new_id(&mut self, prefix: &str) -> String {
        let n = self.next_id.max(1);
        self.next_id = n + 1;
        format!("{prefix}-{n:04}")
    }

    /// Appends an audit event at `time_ms` (what Atlassian records for a write).
    pub fn record(&mut self, time_ms: i64, action: &str, context: &[&str]) {
        let n = self.events.len();
        // The seeded ids are event-NNN; keep counting in that form.
        let id = format!("event-{n:03}");
        let time_ms = time_ms.max(self.events.last().map_or(0, |e| e.time_ms));
        self.events.push(Event {
            id,
            time_ms,
            action: action.to_owned(),
            actor: "admin".to_owned(),
            context: context.iter().map(|c| (*c).to_owned()).collect(),
        });
    }

    pub(crate) fn user_mut(&mut self, account_id: &str) -> Result<&mut User, ApiError> {
        self.users
            .iter_mut()
            .find(|u| u.account_id == account_id)
            .ok_or_else(|| ApiError::not_found(format!("no user with account id {account_id}")))
    }

    /// The user with `account_id`.
    pub fn user(&self, account_id: &str) -> Result<&User, ApiError> {
        self.users
            .iter()
            .find(|u| u.account_id == account_id)
            .ok_or_else(|| ApiError::not_found(format!("no user with account id {account_id}")))
    }

    pub(crate) fn group_mut(&mut self, group_id: &str) -> Result<&mut Group, ApiError> {
        self.groups
            .iter_mut()
            .find(|g| g.id == group_id)
            .ok_or_else(|| ApiError::not_found(format!("no group with id {group_id}")))
    }

    /// Suspends (`true`) or restores (`false`) a user's access.
    pub fn set_suspended(&mut self, account_id: &str, suspended: bool) -> Result<(), ApiError> {
        self.user_mut(account_id)?.suspended = suspended;
        Ok(())
    }

    /// Adds a user of the directory to a group; 409 when already a member.
    pub fn add_member(&mut self, group_id: &str, account_id: &str) -> Result<(), ApiError> {
        self.user(account_id)?;
        let group = self.group_mut(group_id)?;
        if group.members.iter().any(|m| m == account_id) {
            return Err(ApiError::conflict(format!(
                "{account_id} is already a member of {}",
                group.name
            )));
        }
        group.members.push(account_id.to_owned());
        Ok(())
    }

    /// Removes a member from a group; 404 when not a member.
    pub fn remove_member(&mut self, group_id: &str, account_id: &str) -> Result<(), ApiError> {
        let group = self.group_mut(group_id)?;
        let before = group.members.len();
        group.members.retain(|m| m != account_id);
        if group.members.len() == before {
            return Err(ApiError::not_found(format!(
                "{account_id} is not a member of {}",
                group.id
            )));
        }
        Ok(())
    }

    /// Starts an add-users task; returns its id.
    pub fn start_task(&mut self, policy_id: &str, emails: Vec<String>) -> Result<String, ApiError> {
        if !self.policies.iter().any(|p| p.id == policy_id) {
            return Err(ApiError::not_found(format!(
                "no authentication policy {policy_id}"
            )));
        }
        let id = format!(
            "5e7a{:04}-3c2d-4e1f-8a9b-0c1d2e3f4a5b",
            self.tasks.len() + 1
        );
        self.tasks.push(Task {
            id: id.clone(),
            policy_id: policy_id.to_owned(),
            emails,
            polls_left: TASK_POLLS,
        });
        Ok(id)
    }

    /// One status poll of a task: in progress for the first polls, then the
    /// move happens and the result is reported (unknown emails fail).
    pub fn poll_task(&mut self, task_id: &str, now_ms: i64) -> Result<Value, ApiError> {
        let task = self
            .tasks
            .iter_mut()
            .find(|t| t.id == task_id)
            .ok_or_else(|| ApiError::not_found(format!("no task {task_id}")))?;
        if task.polls_left > 0 {
            task.polls_left -= 1;
            if task.polls_left > 0 {
                return Ok(json!({
                    "inProgressCount": task.emails.len(),
                    "successCount": 0,
                    "failureCount": 0,
                    "failureReasons": [],
                }));
            }
            let (policy, emails) = (task.policy_id.clone(), task.emails.clone());
            let mut moved = Vec::new();
            for email in &emails {
                if let Some(user) = self.users.iter_mut().find(|u| &u.email == email) {
                    user.auth_policy = policy.clone();
                    user.policy_since = 1_767_225_600_000;
                    moved.push(user.account_id.clone());
                }
            }
            for account in moved {
                self.record(now_ms, "user_added_to_auth_policy", &[&account, &policy]);
            }
        }
        let task = self
            .tasks
            .iter()
            .find(|t| t.id == task_id)
            .ok_or_else(|| ApiError::not_found(format!("no task {task_id}")))?;
        let (known, unknown): (Vec<&String>, Vec<&String>) = task
            .emails
            .iter()
            .partition(|e| self.users.iter().any(|u| &&u.email == e));
        let failures = if unknown.is_empty() {
            json!([])
        } else {
            json!([{
                "emails": unknown,
                "details": {"status": 404, "title": "User not found", "detail": "No managed account has this email address."},
            }])
        };
        Ok(json!({
            "inProgressCount": 0,
            "successCount": known.len(),
            "failureCount": unknown.len(),
            "failureReasons": failures,
        }))
    }
}

/// RFC 3339 (UTC, seconds) of UNIX epoch milliseconds.
pub fn rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}
