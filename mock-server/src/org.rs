//! The in-memory organization: a directory of users and groups, two
//! authentication policies, and the add-users tasks between them.

use serde_json::{json, Value};

use crate::errors::ApiError;

/// How many status polls an add-users task answers "in progress" before it
/// completes, like the real API's short asynchronous processing.
const TASK_POLLS: u32 = 2;

/// A user of the directory.
#[derive(Debug, Clone)]
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
}

/// A group of the directory.
#[derive(Debug, Clone)]
pub struct Group {
    /// Group id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Account ids of the members.
    pub members: Vec<String>,
}

/// An authentication policy.
#[derive(Debug, Clone)]
pub struct AuthPolicy {
    /// Policy id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// An add-users task: emails to move into a policy.
#[derive(Debug, Clone)]
struct Task {
    id: String,
    policy_id: String,
    emails: Vec<String>,
    polls_left: u32,
}

/// The whole organization's state.
#[derive(Debug, Clone)]
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
    tasks: Vec<Task>,
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

impl Org {
    /// A small org: 45 users (2 suspended), 8 groups, a standard and a contractors
    /// authentication policy (everyone starts in the standard one).
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
            tasks: Vec::new(),
        }
    }

    fn user_mut(&mut self, account_id: &str) -> Result<&mut User, ApiError> {
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

    /// Suspends (`true`) or restores (`false`) a user's access.
    pub fn set_suspended(&mut self, account_id: &str, suspended: bool) -> Result<(), ApiError> {
        self.user_mut(account_id)?.suspended = suspended;
        Ok(())
    }

    /// Adds a user of the directory to a group; 409 when already a member.
    pub fn add_member(&mut self, group_id: &str, account_id: &str) -> Result<(), ApiError> {
        self.user(account_id)?;
        let group = self
            .groups
            .iter_mut()
            .find(|g| g.id == group_id)
            .ok_or_else(|| ApiError::not_found(format!("no group with id {group_id}")))?;
        if group.members.iter().any(|m| m == account_id) {
            return Err(ApiError::new(
                409,
                "CONFLICT",
                format!("{account_id} is already a member of {}", group.name),
            ));
        }
        group.members.push(account_id.to_owned());
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
    pub fn poll_task(&mut self, task_id: &str) -> Result<Value, ApiError> {
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
            for email in &emails {
                if let Some(user) = self.users.iter_mut().find(|u| &u.email == email) {
                    user.auth_policy = policy.clone();
                    user.policy_since = 1_767_225_600_000;
                }
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
