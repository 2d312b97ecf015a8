//! `pages()` and `items()` on the builder of every paginated operation.
//!
//! They return boxed streams (`Unpin + Send`), so callers can `try_next()`
//! them in a loop or hand them to another task without pinning first.
//!
//! The one place that knows, per operation, where the next cursor is and how
//! it goes back into the request. The builder is cloned for each page, so
//! every filter and page size the caller set is sent again with the cursor
//! (as the API-access lists require).

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use futures::stream::{BoxStream, StreamExt};
use progenitor_client::ResponseValue;

use super::{cursor_of, items, pages, poll, scim_next_index, PageError};
use crate::clock::Clock;
use crate::{builder, types, Client};

/// The cursor in an optional `next` link.
fn link(next: Option<&String>) -> Option<String> {
    next.and_then(|l| cursor_of(l))
}

/// `pages()`/`items()` for a builder whose cursor is set with `$set`.
macro_rules! paginated {
    ($builder:ident -> $page:ident, $item:ty, $err:ident, $op:literal;
     cursor: $cursor:ty = $set:expr;
     next: $next:expr;
     items: $items:expr;) => {
        impl<'a> builder::$builder<'a> {
            #[doc = concat!("All pages of [`types::", stringify!($page), "`], fetched one at a time as the stream is read.")]
            pub fn pages(
                self,
            ) -> BoxStream<'a, Result<types::$page, PageError<types::$err>>> {
                let set: fn(Self, $cursor) -> Self = $set;
                let next: fn(&types::$page) -> Option<$cursor> = $next;
                pages(
                    $op,
                    None,
                    move |cursor: Option<$cursor>| {
                        let request = match cursor {
                            Some(c) => set(self.clone(), c),
                            None => self.clone(),
                        };
                        async move { request.send().await.map(ResponseValue::into_inner) }
                    },
                    next,
                )
                .boxed()
            }

            /// Every item of every page, in order; one page in memory at a time.
            pub fn items(self) -> BoxStream<'a, Result<$item, PageError<types::$err>>> {
                let into_items: fn(types::$page) -> Vec<$item> = $items;
                items(self.pages(), into_items).boxed()
            }
        }
    };
}

// Organization v1 and v2: `cursor` query parameter, next in `links.next` (a
// cursor, or in v1 sometimes a URL carrying it).
macro_rules! links_next_cursor {
    ($($builder:ident -> $page:ident, $item:ty, $op:literal;)*) => {$(
        paginated! { $builder -> $page, $item, OrganizationErrors, $op;
            cursor: String = |b, c| b.cursor(c);
            next: |p| link(p.links.as_ref().and_then(|l| l.next.as_ref()));
            items: |p| p.data; }
    )*};
}
links_next_cursor! {
    GetOrgs -> OrgPage, types::Org, "get_orgs";
    GetDomains -> DomainPage, types::Domain, "get_domains";
    GetUsers -> OrgUserPage, types::OrgUser, "get_users";
}

// Organization v1 lists whose next cursor is in `meta.next` (`links.next` as fallback).
macro_rules! org_meta {
    ($($builder:ident -> $page:ident, $item:ty, $op:literal;)*) => {$(
        paginated! { $builder -> $page, $item, OrganizationErrors, $op;
            cursor: String = |b, c| b.cursor(c);
            next: |p| p.meta.as_ref().and_then(|m| m.next.clone())
                .or_else(|| link(p.links.as_ref().and_then(|l| l.next.as_ref())));
            items: |p| p.data; }
    )*};
}
org_meta! {
    GetEvents -> EventPage, types::Event, "get_events";
    GetPolicies -> OrgPolicyPage, types::OrgPolicy, "get_policies";
    PollEvents -> EventStreamPage, types::PolledEvent, "poll_events";
}

paginated! { GetUserLastActiveDates -> UserLastActiveDatesPage, types::UserLastActiveDates, OrganizationErrors, "get_user_last_active_dates";
cursor: String = |b, c| b.cursor(c);
next: |p| link(p.links.as_ref().and_then(|l| l.next.as_ref()));
items: |p| p.data.into_iter().collect(); }

// Searches (v1 and v2): the cursor goes into the request body; the other
// fields of the body stay as the caller set them.
macro_rules! body_cursor {
    ($($builder:ident -> $page:ident, $item:ty, $op:literal;)*) => {$(
        paginated! { $builder -> $page, $item, OrganizationErrors, $op;
            cursor: String = |b, c| b.body_map(|body| body.cursor(c));
            next: |p| link(p.links.as_ref().and_then(|l| l.next.as_ref()));
            items: |p| p.data; }
    )*};
}
body_cursor! {
    SearchUsers -> OrgUserSearchPage, types::OrgSearchUser, "search_users";
    SearchGroups -> OrgGroupSearchPage, types::OrgGroup, "search_groups";
    SearchDirectoryUsers -> DirectoryUserSearchPage, types::DirectoryUser, "search_directory_users";
    SearchDirectoryGroups -> DirectoryGroupSearchPage, types::DirectoryGroup, "search_directory_groups";
}

// Workspaces: "when `cursor` is set, nothing else may be", so the next
// request's body is the cursor alone.
paginated! { QueryWorkspacesV2 -> WorkspacePage, types::Workspace, OrganizationErrors, "query_workspaces_v2";
cursor: String = |b, c| b.body(types::WorkspaceSearchRequest::builder().cursor(c));
next: |p| link(p.links.as_ref().and_then(|l| l.next.as_ref()));
items: |p| p.data; }

// Organization v2 (directories) and app access: the same shape, with an
// opaque cursor in `links.next`.
links_next_cursor! {
    GetDirectoriesForOrg -> DirectorySummaryPage, types::DirectorySummary, "get_directories_for_org";
    GetDirectoryUsers -> DirectoryUserPage, types::DirectoryUser, "get_directory_users";
    GetDirectoryUserRoleAssignments -> DirectoryUserRoleAssignmentPage, types::DirectoryUserRoleAssignment, "get_directory_user_role_assignments";
    GetGroups -> DirectoryGroupPage, types::DirectoryGroup, "get_groups";
    GetDirectoryGroupRoleAssignments -> DirectoryGroupRoleAssignmentPage, types::DirectoryGroupRoleAssignment, "get_directory_group_role_assignments";
    ListAppAccessSettingsDomains -> AppAccessDomainPage, types::AppAccessDomainSummary, "list_app_access_settings_domains";
}

// Control: cursor in `meta.next`.
macro_rules! control {
    ($($builder:ident -> $page:ident, $item:ty, $op:literal;)*) => {$(
        paginated! { $builder -> $page, $item, ControlErrors, $op;
            cursor: String = |b, c| b.cursor(c);
            next: |p| p.meta.as_ref().and_then(|m| m.next.clone());
            items: |p| p.data; }
    )*};
}
control! {
    ListControlPolicies -> ControlPolicyPage, types::ControlPolicy, "list_control_policies";
    ListControlPoliciesV2 -> ControlPolicyPageV2, types::ControlDataSecurityPolicy, "list_control_policies_v2";
}

// API access: cursor in `links.next`; the builder clone re-sends the filters,
// `sort` and `pageSize` with it, as these lists demand.
paginated! { ListOrgApiTokens -> ApiTokenPage, types::ApiToken, ApiAccessErrors, "list_org_api_tokens";
cursor: String = |b, c| b.cursor(c);
next: |p| link(p.links.next.as_ref());
items: |p| p.data; }
paginated! { ListOrgApiKeys -> ApiKeyPage, types::ApiKey, ApiAccessErrors, "list_org_api_keys";
cursor: String = |b, c| b.cursor(c);
next: |p| link(p.links.next.as_ref());
items: |p| p.data; }
paginated! { ListOAuthClients -> OAuthClientPage, types::OAuthClient, ApiAccessErrors, "list_o_auth_clients";
cursor: String = |b, c| b.cursor(c);
next: |p| link(p.links.as_ref().and_then(|l| l.next.as_ref()));
items: |p| p.data; }

// SCIM: 1-based `startIndex`, until `totalResults` is reached.
macro_rules! scim {
    ($($builder:ident -> $page:ident, $item:ty, $op:literal;)*) => {$(
        paginated! { $builder -> $page, $item, ScimError, $op;
            cursor: NonZeroU32 = |b, start| b.start_index(start);
            next: |p| scim_next_index(
                    i64::from(p.start_index.unwrap_or(1)),
                    i64::from(p.items_per_page.unwrap_or(p.resources.len() as i32)),
                    i64::from(p.total_results),
                ).and_then(|n| u32::try_from(n).ok()).and_then(NonZeroU32::new);
            items: |p| p.resources; }
    )*};
}
scim! {
    ListScimUsers -> ScimUserList, types::ScimUser, "list_scim_users";
    ListScimGroups -> ScimGroupList, types::ScimGroup, "list_scim_groups";
}

// Lists with no cursor parameter: their `links.next` is a URL to follow. The
// builder cannot hand out its client, so these take it as an argument.
macro_rules! url_linked {
    ($($builder:ident -> $page:ident, $item:ty, $err:ident, $op:literal, $next:expr, $items:expr;)*) => {$(
        impl<'a> builder::$builder<'a> {
            #[doc = concat!("All pages of [`types::", stringify!($page), "`]: the first from this request, the next ones by following `links.next` with `client`.")]
            pub fn pages(
                self,
                client: &'a Client,
            ) -> BoxStream<'a, Result<types::$page, PageError<types::$err>>> {
                let next: fn(&types::$page) -> Option<String> = $next;
                pages(
                    $op,
                    None,
                    move |url: Option<String>| {
                        let first = self.clone();
                        async move {
                            match url {
                                None => first.send().await.map(ResponseValue::into_inner),
                                Some(url) => client.follow_link(&url, $op).await.map(ResponseValue::into_inner),
                            }
                        }
                    },
                    next,
                )
                .boxed()
            }

            /// Every item of every page, in order; one page in memory at a time.
            pub fn items(self, client: &'a Client) -> BoxStream<'a, Result<$item, PageError<types::$err>>> {
                let into_items: fn(types::$page) -> Vec<$item> = $items;
                items(self.pages(client), into_items).boxed()
            }
        }
    )*};
}
url_linked! {
    ListServiceAccounts -> ServiceAccountPage, types::ServiceAccount, ApiAccessErrors, "list_service_accounts",
        |p| p.links.next.clone(), |p| p.items;
    ListControlPolicyResources -> ControlPolicyResourcePage, types::ControlPolicyResource, ControlErrors, "list_control_policy_resources",
        |p| p.links.as_ref().and_then(|l| l.next.clone()), |p| p.data;
    ListControlPolicyResourcesV2 -> ControlPolicyResourcePageV2, types::ControlPolicyResourceV2, ControlErrors, "list_control_policy_resources_v2",
        |p| p.links.as_ref().and_then(|l| l.next.clone()), |p| p.data;
}

impl<'a> builder::PollEvents<'a> {
    /// Follows the audit event stream without end: reads to the last page,
    /// then waits `every` on `clock` and replays the last cursor to pick up
    /// events that arrived since. Pass `client.state().clock().clone()`.
    pub fn follow(
        self,
        every: Duration,
        clock: Arc<dyn Clock>,
    ) -> BoxStream<'a, Result<types::PolledEvent, PageError<types::OrganizationErrors>>> {
        let pages = poll(
            "poll_events",
            move |cursor: Option<String>| {
                let request = match cursor {
                    Some(c) => self.clone().cursor(c),
                    None => self.clone(),
                };
                async move { request.send().await.map(ResponseValue::into_inner) }
            },
            |p: &types::EventStreamPage| p.meta.as_ref().and_then(|m| m.next.clone()),
            |p: &types::EventStreamPage| p.data.is_empty(),
            clock,
            every,
        );
        items(pages, |p: types::EventStreamPage| p.data).boxed()
    }
}
