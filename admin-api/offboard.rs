//! Offboarding: find a leaver's managed account, suspend it, take it out of
//! every group it is in, revoke its API tokens, and account for each step.
//!
//! Two phases, so that what is written is exactly what was shown:
//! [`Client::plan_offboarding`] only reads (the account of each email or
//! account id, each group the account is in, each of its API tokens) and
//! returns an [`OffboardPlan`]; [`Client::offboard`] carries out that plan
//! and touches nothing else, returning an [`OffboardReport`] with one
//! [`Step`] per planned write: `Done`, `AlreadyDone` (already suspended, no
//! longer a member, token already gone) or `Failed` with the error's one
//! line. Both serialise (serde) for audit files.
//!
//! ```no_run
//! # async fn run(client: atlassian_admin_api::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use atlassian_admin_api::offboard::OffboardOptions;
//!
//! let plan = client
//!     .plan_offboarding(&["leaver@acme.example"], &OffboardOptions::default())
//!     .await;
//! println!("{}", serde_json::to_string_pretty(&plan)?); // what will be touched
//! let report = client.offboard(&plan).await;
//! for step in &report.steps {
//!     println!("{}: {:?} {:?}", step.user, step.action, step.outcome);
//! }
//! assert!(report.is_complete(), "{} steps failed", report.failed().count());
//! # Ok(()) }
//! ```
//!
//! Needs the `organization` (accounts, groups) and `user-management` (API
//! tokens) features, both on by default.

use futures::TryStreamExt;
use serde::{Deserialize, Serialize};

use crate::types::DirectoryUserStatus;
use crate::types::{DirectoryGroupSearchRequest, DirectoryUser, DirectoryUserSearchRequest};
use crate::Client;

/// What to offboard, and where.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct OffboardOptions {
    /// The organization (default: the client's, [`crate::ClientBuilder::org_id`]).
    pub org_id: Option<String>,
    /// The directory the accounts are in; `-` (the default) means every
    /// directory of the organization.
    pub directory_id: String,
    /// Suspend the account's access (default: yes).
    pub suspend: bool,
    /// Remove the account from every group it is in (default: yes).
    pub remove_from_groups: bool,
    /// Revoke the account's API tokens (default: yes).
    pub revoke_api_tokens: bool,
}

impl Default for OffboardOptions {
    fn default() -> Self {
        Self {
            org_id: None,
            directory_id: "-".to_owned(),
            suspend: true,
            remove_from_groups: true,
            revoke_api_tokens: true,
        }
    }
}

impl OffboardOptions {
    /// Another organization than the client's.
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// One directory instead of every one (`-`).
    pub fn directory_id(mut self, directory_id: impl Into<String>) -> Self {
        self.directory_id = directory_id.into();
        self
    }

    /// Whether to suspend access.
    pub fn suspend(mut self, yes: bool) -> Self {
        self.suspend = yes;
        self
    }

    /// Whether to remove the account from its groups.
    pub fn remove_from_groups(mut self, yes: bool) -> Self {
        self.remove_from_groups = yes;
        self
    }

    /// Whether to revoke the account's API tokens.
    pub fn revoke_api_tokens(mut self, yes: bool) -> Self {
        self.revoke_api_tokens = yes;
        self
    }
}

/// What an offboarding will touch: one entry per user asked for, in order.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct OffboardPlan {
    /// The organization.
    pub org_id: String,
    /// The directory (`-`: every one).
    pub directory_id: String,
    /// Each user asked for.
    pub users: Vec<UserPlan>,
}

/// One user's part of a plan.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct UserPlan {
    /// The email or account id as given.
    pub user: String,
    /// The account found, or why none could be (the offboarding skips it
    /// and reports it as failed). In JSON: the account's object, or
    /// `{"error": "..."}`.
    #[serde(with = "account_or_error")]
    pub account: Result<PlannedAccount, String>,
}

/// A plan's `account` in JSON: the account itself, or `{"error": why}`
/// (serde's own `{"Ok": ..}` / `{"Err": ..}` reads badly in a plan people review).
mod account_or_error {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::PlannedAccount;

    #[derive(Serialize, Deserialize)]
    #[serde(untagged)]
    enum Json<A> {
        Error { error: String },
        Account(A),
    }

    pub fn serialize<S: Serializer>(
        account: &Result<PlannedAccount, String>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match account {
            Ok(a) => Json::Account(a).serialize(s),
            Err(e) => Json::<&PlannedAccount>::Error { error: e.clone() }.serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Result<PlannedAccount, String>, D::Error> {
        Ok(match Json::<PlannedAccount>::deserialize(d)? {
            Json::Account(a) => Ok(a),
            Json::Error { error } => Err(error),
        })
    }
}

/// A managed account and what will be done to it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlannedAccount {
    /// Atlassian account id.
    pub account_id: String,
    /// Email, when the directory shows it.
    pub email: Option<String>,
    /// Name, when the directory shows it.
    pub name: Option<String>,
    /// Whether its access is suspended already (then suspending is `AlreadyDone`).
    pub already_suspended: bool,
    /// Whether access will be suspended.
    pub suspend: bool,
    /// Each group it will be removed from.
    pub groups: Vec<PlannedGroup>,
    /// Each API token that will be revoked.
    pub api_tokens: Vec<PlannedToken>,
}

/// A group membership to remove.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PlannedGroup {
    /// Group id.
    pub id: String,
    /// Group name.
    pub name: Option<String>,
    /// The group's directory (`-` when the answer does not say).
    pub directory_id: String,
}

/// An API token to revoke.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PlannedToken {
    /// Token id.
    pub id: String,
    /// The label its owner gave it.
    pub label: String,
}

/// What an offboarding did: one step per planned write (and one failed
/// `Find` step per user whose account could not be planned).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct OffboardReport {
    /// Every step, in the order they ran.
    pub steps: Vec<Step>,
}

impl OffboardReport {
    /// Whether every step is done or was already done.
    pub fn is_complete(&self) -> bool {
        self.failed().next().is_none()
    }

    /// The steps that failed.
    pub fn failed(&self) -> impl Iterator<Item = &Step> {
        self.steps
            .iter()
            .filter(|s| matches!(s.outcome, Outcome::Failed { .. }))
    }
}

/// One write of an offboarding and how it went.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct Step {
    /// The email or account id as given.
    pub user: String,
    /// The account (none when it could not be found).
    pub account_id: Option<String>,
    /// What was done.
    #[serde(flatten)]
    pub action: Action,
    /// How it went.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// A write of an offboarding.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "action", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// Finding the account (only ever failed: a user who could not be planned).
    Find,
    /// Suspending the account's access.
    Suspend,
    /// Removing the account from a group.
    RemoveFromGroup {
        /// Group id.
        group_id: String,
        /// Group name.
        name: Option<String>,
    },
    /// Revoking an API token.
    RevokeApiToken {
        /// Token id.
        token_id: String,
        /// Its label.
        label: String,
    },
}

/// How a step went.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The write was made.
    Done,
    /// Nothing to do: already suspended, no longer a member, token gone.
    AlreadyDone,
    /// The write failed.
    Failed {
        /// The HTTP status, when an answer came.
        status: Option<u16>,
        /// The error's one line.
        message: String,
    },
}

impl Outcome {
    /// The outcome of a write; with `gone_is_done`, a 404 (the membership
    /// or token is gone already) is what the step wanted.
    fn of<E: Serialize>(result: Result<(), crate::Error<E>>, gone_is_done: bool) -> Self {
        match result {
            Ok(()) => Outcome::Done,
            Err(e) if gone_is_done && e.is_not_found() => Outcome::AlreadyDone,
            Err(e) => Outcome::Failed {
                status: e.status().map(|s| s.as_u16()),
                message: e.to_string(),
            },
        }
    }
}

impl Client {
    /// The managed account with this email in `directory_id` (`-`: every
    /// directory), if there is one.
    pub async fn find_user_by_email(
        &self,
        org_id: Option<&str>,
        directory_id: &str,
        email: &str,
    ) -> Result<Option<DirectoryUser>, crate::Error<crate::types::OrganizationErrors>> {
        let mut request = self.search_directory_users().directory_id(directory_id);
        if let Some(org) = org_id {
            request = request.org_id(org);
        }
        let body = DirectoryUserSearchRequest {
            emails: Some(vec![email.to_owned()]),
            ..Default::default()
        };
        let page = request.body(body).send().await?.into_inner();
        Ok(page.data.into_iter().find(|u| {
            u.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(email))
        }))
    }

    /// Reads what offboarding `users` (emails or account ids) would touch,
    /// without writing anything: each account, each group it is in, each of
    /// its API tokens. A user whose account or groups cannot be read is in
    /// the plan with the reason.
    pub async fn plan_offboarding(
        &self,
        users: &[impl AsRef<str>],
        options: &OffboardOptions,
    ) -> OffboardPlan {
        let org_id = options
            .org_id
            .clone()
            .or_else(|| self.state().org_id().map(str::to_owned))
            .unwrap_or_default();
        let mut planned = Vec::with_capacity(users.len());
        for user in users {
            let user = user.as_ref().trim();
            planned.push(UserPlan {
                user: user.to_owned(),
                account: self.plan_account(&org_id, user, options).await,
            });
        }
        OffboardPlan {
            org_id,
            directory_id: options.directory_id.clone(),
            users: planned,
        }
    }

    async fn plan_account(
        &self,
        org_id: &str,
        user: &str,
        options: &OffboardOptions,
    ) -> Result<PlannedAccount, String> {
        let org = Some(org_id).filter(|o| !o.is_empty());
        let directory = options.directory_id.as_str();
        let found = if user.contains('@') {
            self.find_user_by_email(org, directory, user)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no managed account with the email {user}"))?
        } else {
            let mut request = self.search_directory_users().directory_id(directory);
            if let Some(org) = org {
                request = request.org_id(org);
            }
            let body = DirectoryUserSearchRequest {
                account_ids: vec![user.to_owned()],
                ..Default::default()
            };
            request
                .body(body)
                .send()
                .await
                .map_err(|e| e.to_string())?
                .into_inner()
                .data
                .into_iter()
                .find(|u| u.account_id.as_deref() == Some(user))
                .ok_or_else(|| format!("no managed account with the id {user}"))?
        };
        let account_id = found
            .account_id
            .clone()
            .ok_or_else(|| format!("the directory shows {user} without an account id"))?;
        let groups = if options.remove_from_groups {
            self.groups_of(org, directory, &account_id).await?
        } else {
            Vec::new()
        };
        let api_tokens = if options.revoke_api_tokens {
            self.list_managed_user_api_tokens()
                .account_id(&account_id)
                .send()
                .await
                .map_err(|e| e.to_string())?
                .into_inner()
                .0
                .into_iter()
                .map(|t| PlannedToken {
                    id: t.id,
                    label: t.label,
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(PlannedAccount {
            already_suspended: matches!(found.status, Some(DirectoryUserStatus::Suspended)),
            suspend: options.suspend,
            account_id,
            email: found.email,
            name: found.name,
            groups,
            api_tokens,
        })
    }

    /// The groups `account_id` is in: a group search filtered by the
    /// account, every page.
    async fn groups_of(
        &self,
        org: Option<&str>,
        directory: &str,
        account_id: &str,
    ) -> Result<Vec<PlannedGroup>, String> {
        let mut request = self.search_directory_groups().directory_id(directory);
        if let Some(org) = org {
            request = request.org_id(org);
        }
        let body = DirectoryGroupSearchRequest {
            account_ids: Some(vec![account_id.to_owned()]),
            ..Default::default()
        };
        request
            .body(body)
            .items()
            .map_ok(|g| PlannedGroup {
                directory_id: g.directory_id.unwrap_or_else(|| directory.to_owned()),
                id: g.id.unwrap_or_default(),
                name: g.name,
            })
            .try_filter(|g| futures::future::ready(!g.id.is_empty()))
            .try_collect()
            .await
            .map_err(|e| e.to_string())
    }

    /// Carries out `plan`: for each planned account, suspends it (unless
    /// already suspended), removes it from each planned group, revokes each
    /// planned token; nothing else is written. Every step is in the report.
    pub async fn offboard(&self, plan: &OffboardPlan) -> OffboardReport {
        let mut report = OffboardReport::default();
        let org = Some(plan.org_id.as_str()).filter(|o| !o.is_empty());
        for user in &plan.users {
            let account = match &user.account {
                Ok(account) => account,
                Err(why) => {
                    report.steps.push(Step {
                        user: user.user.clone(),
                        account_id: None,
                        action: Action::Find,
                        outcome: Outcome::Failed {
                            status: None,
                            message: why.clone(),
                        },
                    });
                    continue;
                }
            };
            let step = |action, outcome| Step {
                user: user.user.clone(),
                account_id: Some(account.account_id.clone()),
                action,
                outcome,
            };
            if account.suspend {
                let outcome = if account.already_suspended {
                    Outcome::AlreadyDone
                } else {
                    let mut request = self
                        .suspend_directory_user()
                        .directory_id(&plan.directory_id)
                        .account_id(&account.account_id);
                    if let Some(org) = org {
                        request = request.org_id(org);
                    }
                    Outcome::of(request.send().await.map(drop), false)
                };
                report.steps.push(step(Action::Suspend, outcome));
            }
            for group in &account.groups {
                let mut request = self
                    .remove_directory_group_member()
                    .directory_id(&group.directory_id)
                    .group_id(&group.id)
                    .account_id(&account.account_id);
                if let Some(org) = org {
                    request = request.org_id(org);
                }
                let outcome = Outcome::of(request.send().await.map(drop), true);
                report.steps.push(step(
                    Action::RemoveFromGroup {
                        group_id: group.id.clone(),
                        name: group.name.clone(),
                    },
                    outcome,
                ));
            }
            for token in &account.api_tokens {
                let outcome = Outcome::of(
                    self.delete_managed_user_api_token()
                        .account_id(&account.account_id)
                        .token_id(&token.id)
                        .send()
                        .await
                        .map(drop),
                    true,
                );
                report.steps.push(step(
                    Action::RevokeApiToken {
                        token_id: token.id.clone(),
                        label: token.label.clone(),
                    },
                    outcome,
                ));
            }
        }
        report
    }
}
