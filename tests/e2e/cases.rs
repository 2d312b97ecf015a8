//! End-to-end cases, one per operation: generated from spec/atlassian-admin.yaml by
//! `cargo admin-api-gen e2e -o tests/e2e/cases.rs`. Do not edit;
//! `tests/e2e.rs` fails when this file is stale.
use atlassian_admin_api::Client;
use super::harness::{outcome, sample, Case};
/// One case per operation of the spec, sorted by operationId.
pub fn cases() -> Vec<Case> {
    Vec::from([
        Case {
            operation_id: "addControlPolicyResource",
            method: "POST",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId/resources",
            query: &[],
            request: Some(
                r#"{"id":"sample-id","links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDateTime":"sample-migrationEndDateTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"applicationStatus":"validating","id":"sample-id","links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDateTime":"sample-migrationEndDateTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .add_control_policy_resource()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .policy_id(sample::<::std::string::String>(r#""sample-policyId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::ControlPolicyResourceCreate,
                        >(
                            r#"{"id":"sample-id","links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDateTime":"sample-migrationEndDateTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "addDirectoryGroupMember",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/sample-groupId/memberships",
            query: &[],
            request: Some(r#"{"accountId":"sample-accountId"}"#),
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .add_directory_group_member()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::DirectoryGroupMembershipRequest,
                            >(r#"{"accountId":"sample-accountId"}"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "addResourceToPolicy",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/policies/sample-policyId/resources",
            query: &[],
            request: Some(
                r#"{"id":"sample-id","links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDataTime":"sample-migrationEndDataTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"name":"sample-name","resources":[{"applicationStatus":"applying","id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .add_resource_to_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::OrgPolicyResourceInput,
                            >(
                                r#"{"id":"sample-id","links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDataTime":"sample-migrationEndDataTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "addUserToOrgGroup",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/directory/groups/sample-groupId/memberships",
            query: &[],
            request: Some(r#"{"account_id":"sample-account_id"}"#),
            success: (200, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .add_user_to_org_group()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::OrgGroupMembershipRequest,
                        >(r#"{"account_id":"sample-account_id"}"#),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "addUsersToAuthPolicy",
            method: "POST",
            path: "/admin/control/v1/orgs/sample-orgId/auth-policy/sample-policyId/add-users",
            query: &[],
            request: Some(r#"{"users":["ada@example.com"]}"#),
            success: (
                202,
                Some(r#"{"taskId":"sample-taskId","taskLink":"sample-taskLink"}"#),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .add_users_to_auth_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::AuthPolicyAddUsersRequest,
                            >(r#"{"users":["ada@example.com"]}"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "assignGroupRoles",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/sample-groupId/role-assignments/assign",
            query: &[],
            request: Some(
                r#"{"resourceId":"sample-resourceId","roleId":"sample-roleId"}"#,
            ),
            success: (200, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .assign_group_roles()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::DirectoryGroupRoleRequest,
                            >(
                                r#"{"resourceId":"sample-resourceId","roleId":"sample-roleId"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "assignOrgRole",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/users/sample-userId/role-assignments/assign",
            query: &[],
            request: Some(r#"{"role":"atlassian/org-admin"}"#),
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .assign_org_role()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::OrgLevelRoleRequest,
                            >(r#"{"role":"atlassian/org-admin"}"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "assignRole",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/users/sample-userId/roles/assign",
            query: &[],
            request: Some(r#"{"resource":"sample-resource","role":"atlassian/user"}"#),
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .assign_role()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::UserRoleRequest,
                            >(
                                r#"{"resource":"sample-resource","role":"atlassian/user"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "assignRoleToGroup",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/directory/groups/sample-groupId/roles/assign",
            query: &[],
            request: Some(
                r#"{"roleAssociations":[{"resource":"sample-resource","role":"atlassian/user"}]}"#,
            ),
            success: (202, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .assign_role_to_group()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::OrgGroupRolesRequest,
                        >(
                            r#"{"roleAssociations":[{"resource":"sample-resource","role":"atlassian/user"}]}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "bulkFetchUserAuthPolicies",
            method: "POST",
            path: "/admin/control/v1/orgs/sample-orgId/users/auth-policies/bulk-fetch",
            query: &[],
            request: Some(r#"{"accountIds":["sample-accountIds"]}"#),
            success: (
                200,
                Some(
                    r#"[{"accountId":"sample-accountId","authPolicyInfo":{"dateAdded":1.5,"policyId":"sample-policyId"},"email":"sample-email","name":"sample-name"}]"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .bulk_fetch_user_auth_policies()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::AuthPolicyBulkFetchRequest,
                            >(r#"{"accountIds":["sample-accountIds"]}"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "cancelManagedUserDeletion",
            method: "POST",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/lifecycle/cancel-delete",
            query: &[],
            request: None,
            success: (200, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                401,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .cancel_managed_user_deletion()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "countOAuthClients",
            method: "POST",
            path: "/admin/api-access/v1/orgs/sample-orgId/oauth-clients/count",
            query: &[],
            request: None,
            success: (200, Some(r#"{"total":2}"#)),
            error: Some((
                401,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .count_o_auth_clients()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "countOrgApiKeys",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/api-keys/count",
            query: &[
                ("q", "sample-q"),
                ("keyType", "CLOUD_ADMIN"),
                ("expiresAtSearchType", "range"),
                ("expiresAtUom", "day"),
                ("expiresAtValue", "2"),
                ("expiresAtFrom", "2024-05-01T12:30:00Z"),
                ("expiresAtTo", "2024-05-01T12:30:00Z"),
                ("expiresAtRangeFrom", "sample-expiresAtRangeFrom"),
                ("expiresAtRangeTo", "sample-expiresAtRangeTo"),
                ("lastActiveAtSearchType", "range"),
                ("lastActiveAtUom", "day"),
                ("lastActiveAtValue", "2"),
                ("lastActiveAtFrom", "2024-05-01T12:30:00Z"),
                ("lastActiveAtTo", "2024-05-01T12:30:00Z"),
                ("lastActiveAtRangeFrom", "sample-lastActiveAtRangeFrom"),
                ("lastActiveAtRangeTo", "sample-lastActiveAtRangeTo"),
            ],
            request: None,
            success: (200, Some(r#"2"#)),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .count_org_api_keys()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .expires_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .expires_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-expiresAtRangeFrom""#),
                        )
                        .expires_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-expiresAtRangeTo""#),
                        )
                        .expires_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .expires_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .expires_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .expires_at_value(sample::<i64>(r#"2"#))
                        .key_type(
                            sample::<
                                atlassian_admin_api::types::ApiKeyType,
                            >(r#""CLOUD_ADMIN""#),
                        )
                        .last_active_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeFrom""#),
                        )
                        .last_active_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeTo""#),
                        )
                        .last_active_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .last_active_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .last_active_at_value(sample::<i64>(r#"2"#))
                        .q(sample::<::std::string::String>(r#""sample-q""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "countOrgApiTokens",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/api-tokens/count",
            query: &[
                ("q", "sample-q"),
                ("status", "allowed"),
                ("createdAtSearchType", "range"),
                ("createdAtUom", "day"),
                ("createdAtValue", "2"),
                ("createdAtFrom", "2024-05-01T12:30:00Z"),
                ("createdAtTo", "2024-05-01T12:30:00Z"),
                ("createdAtRangeFrom", "sample-createdAtRangeFrom"),
                ("createdAtRangeTo", "sample-createdAtRangeTo"),
                ("lastActiveAtSearchType", "range"),
                ("lastActiveAtUom", "day"),
                ("lastActiveAtValue", "2"),
                ("lastActiveAtFrom", "2024-05-01T12:30:00Z"),
                ("lastActiveAtTo", "2024-05-01T12:30:00Z"),
                ("lastActiveAtRangeFrom", "sample-lastActiveAtRangeFrom"),
                ("lastActiveAtRangeTo", "sample-lastActiveAtRangeTo"),
            ],
            request: None,
            success: (200, Some(r#"2"#)),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .count_org_api_tokens()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .created_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .created_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-createdAtRangeFrom""#),
                        )
                        .created_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-createdAtRangeTo""#),
                        )
                        .created_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .created_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .created_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .created_at_value(sample::<i64>(r#"2"#))
                        .last_active_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeFrom""#),
                        )
                        .last_active_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeTo""#),
                        )
                        .last_active_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .last_active_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .last_active_at_value(sample::<i64>(r#"2"#))
                        .q(sample::<::std::string::String>(r#""sample-q""#))
                        .status(
                            sample::<
                                atlassian_admin_api::types::ApiTokenStatusQuery,
                            >(r#""allowed""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "countServiceAccountApiTokens",
            method: "POST",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts/count",
            query: &[],
            request: Some(r#"["sample-value"]"#),
            success: (
                200,
                Some(
                    r#"{"invalidServiceAccountIds":["sample-invalidServiceAccountIds"],"validServiceAccountIds":[{"credentialsCount":2,"serviceAccountId":"sample-serviceAccountId"}]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .count_service_account_api_tokens()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::ServiceAccountIdList,
                            >(r#"["sample-value"]"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "createAppAccessSettingsDomain",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/app-access-settings/domains",
            query: &[],
            request: Some(
                r#"{"adminNotifications":true,"domain":"sample-domain","products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
            ),
            success: (
                201,
                Some(
                    r#"{"adminNotifications":true,"domain":"sample-domain","enabled":true,"products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .create_app_access_settings_domain()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::AppAccessDomainCreateRequest,
                            >(
                                r#"{"adminNotifications":true,"domain":"sample-domain","products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "createControlPolicy",
            method: "POST",
            path: "/admin/control/v1/orgs/sample-orgId/policies",
            query: &[],
            request: Some(
                r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"type":"policy"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .create_control_policy()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::ControlPolicyCreateRequest,
                        >(
                            r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"type":"policy"}}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "createControlPolicyV2",
            method: "POST",
            path: "/admin/control/v2/orgs/sample-orgId/policies",
            query: &[],
            request: Some(
                r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"export":{}},"status":"draft","type":"data-security","updatedAt":"2024-05-01T12:30:00Z"},"type":"policy"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"export":{}},"status":"draft","type":"data-security","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .create_control_policy_v2()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::ControlPolicyCreateRequestV2,
                        >(
                            r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"export":{}},"status":"draft","type":"data-security","updatedAt":"2024-05-01T12:30:00Z"},"type":"policy"}}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "createDirectoryGroup",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups",
            query: &[],
            request: Some(
                r#"{"description":"sample-description","name":"sample-name"}"#,
            ),
            success: (201, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .create_directory_group()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::DirectoryGroupCreateRequest,
                            >(
                                r#"{"description":"sample-description","name":"sample-name"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "createOAuthClient",
            method: "POST",
            path: "/admin/api-access/v1/orgs/sample-orgId/oauth-clients",
            query: &[],
            request: Some(
                r#"{"name":"sample-name","serviceAccountId":"sample-serviceAccountId"}"#,
            ),
            success: (
                201,
                Some(
                    r#"{"clientId":"sample-clientId","createdAt":2,"name":"sample-name","status":"ACTIVE","updatedAt":2}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .create_o_auth_client()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::OAuthClientCreateRequest,
                            >(
                                r#"{"name":"sample-name","serviceAccountId":"sample-serviceAccountId"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "createOrgGroup",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/directory/groups",
            query: &[],
            request: Some(
                r#"{"description":"sample-description","name":"sample-name"}"#,
            ),
            success: (
                200,
                Some(r#"{"groupId":"sample-groupId","message":"sample-message"}"#),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .create_org_group()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::OrgGroupCreateRequest,
                        >(r#"{"description":"sample-description","name":"sample-name"}"#),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "createPolicy",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/policies",
            query: &[],
            request: Some(
                r#"{"data":{"attributes":{"name":"sample-name","resources":[{"id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"type":"policy"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"name":"sample-name","resources":[{"applicationStatus":"applying","id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .create_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::OrgPolicyCreateRequest,
                            >(
                                r#"{"data":{"attributes":{"name":"sample-name","resources":[{"id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"type":"policy"}}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "createScimGroup",
            method: "POST",
            path: "/scim/directory/sample-directoryId/Groups",
            query: &[],
            request: Some(
                r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
            ),
            success: (
                201,
                Some(
                    r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .create_scim_group()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ScimGroup,
                            >(
                                r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "createScimUser",
            method: "POST",
            path: "/scim/directory/sample-directoryId/Users",
            query: &[
                ("attributes", "sample-attributes"),
                ("excludedAttributes", "sample-excludedAttributes"),
            ],
            request: Some(
                r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
            ),
            success: (
                201,
                Some(
                    r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .create_scim_user()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .attributes(
                            sample::<::std::string::String>(r#""sample-attributes""#),
                        )
                        .excluded_attributes(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-excludedAttributes""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ScimUser,
                            >(
                                r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "createServiceAccount",
            method: "POST",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts",
            query: &[],
            request: Some(
                r#"{"additionalGroups":[{"directoryId":"sample-directoryId","groupId":"sample-groupId"}],"description":"sample-description","displayName":"sample-displayName","permissionRules":[{"resource":"sample-resource","role":"sample-role"}]}"#,
            ),
            success: (
                201,
                Some(
                    r#"{"atlassianId":"sample-atlassianId","container":"sample-container","displayName":"sample-displayName","email":"sample-email","id":"sample-id","status":"sample-status","updatedAt":2}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .create_service_account()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::ServiceAccountCreateRequest,
                            >(
                                r#"{"additionalGroups":[{"directoryId":"sample-directoryId","groupId":"sample-groupId"}],"description":"sample-description","displayName":"sample-displayName","permissionRules":[{"resource":"sample-resource","role":"sample-role"}]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteAllControlPolicyResources",
            method: "DELETE",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId/resources",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .delete_all_control_policy_resources()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .policy_id(sample::<::std::string::String>(r#""sample-policyId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "deleteAllControlPolicyResourcesV2",
            method: "DELETE",
            path: "/admin/control/v2/orgs/sample-orgId/policies/sample-policyId/resources",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_all_control_policy_resources_v2()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteControlPolicy",
            method: "DELETE",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: None,
            success: (202, None),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_control_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteControlPolicyResource",
            method: "DELETE",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId/resources/sample-resourceId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_control_policy_resource()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .resource_id(
                            sample::<::std::string::String>(r#""sample-resourceId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteDirectoryGroup",
            method: "DELETE",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/sample-groupId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_directory_group()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteManagedUser",
            method: "POST",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/lifecycle/delete",
            query: &[],
            request: None,
            success: (200, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                401,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_managed_user()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteManagedUserApiToken",
            method: "DELETE",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/api-tokens/sample-tokenId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_managed_user_api_token()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .token_id(sample::<::std::string::String>(r#""sample-tokenId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteOAuthClient",
            method: "DELETE",
            path: "/admin/api-access/v1/orgs/sample-orgId/oauth-clients/sample-clientId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                401,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_o_auth_client()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .client_id(
                            sample::<::std::string::String>(r#""sample-clientId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteOrgGroup",
            method: "DELETE",
            path: "/admin/v1/orgs/sample-orgId/directory/groups/sample-groupId",
            query: &[("forceIfNotEmpty", "true")],
            request: None,
            success: (200, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .delete_org_group()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                    .force_if_not_empty(sample::<bool>(r#"true"#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "deletePolicy",
            method: "DELETE",
            path: "/admin/v1/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: None,
            success: (202, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deletePolicyResource",
            method: "DELETE",
            path: "/admin/v1/orgs/sample-orgId/policies/sample-policyId/resources/sample-resourceId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"attributes":{"name":"sample-name","resources":[{"applicationStatus":"applying","id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_policy_resource()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .resource_id(
                            sample::<::std::string::String>(r#""sample-resourceId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteScimGroup",
            method: "DELETE",
            path: "/scim/directory/sample-directoryId/Groups/sample-groupId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_scim_group()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteScimUser",
            method: "DELETE",
            path: "/scim/directory/sample-directoryId/Users/sample-userId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_scim_user()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "deleteServiceAccount",
            method: "DELETE",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts/sample-serviceAccountId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                401,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .delete_service_account()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .service_account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-serviceAccountId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "disableManagedUser",
            method: "POST",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/lifecycle/disable",
            query: &[],
            request: Some(r#"{"message":"sample-message"}"#),
            success: (204, None),
            error: Some((
                401,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .disable_managed_user()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ManagedUserDisableRequest,
                            >(r#"{"message":"sample-message"}"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "enableManagedUser",
            method: "POST",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/lifecycle/enable",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                401,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .enable_managed_user()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getAppAccessSettingsDomain",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/app-access-settings/domains/sample-domain",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"adminNotifications":true,"domain":"sample-domain","enabled":true,"products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_app_access_settings_domain()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .domain(sample::<::std::string::String>(r#""sample-domain""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getAuthPolicyTaskStatus",
            method: "GET",
            path: "/admin/control/v1/orgs/sample-orgId/auth-policy/task/sample-taskId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"failureCount":2,"failureReasons":[{"details":{"detail":"sample-detail","status":2,"title":"sample-title"},"emails":["sample-emails"]}],"inProgressCount":2,"successCount":2}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_auth_policy_task_status()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .task_id(sample::<::std::string::String>(r#""sample-taskId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getControlPolicy",
            method: "GET",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .get_control_policy()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .policy_id(sample::<::std::string::String>(r#""sample-policyId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "getControlPolicyV2",
            method: "GET",
            path: "/admin/control/v2/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"export":{}},"status":"draft","type":"data-security","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .get_control_policy_v2()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .policy_id(sample::<::std::string::String>(r#""sample-policyId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "getDirectoriesForOrg",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories",
            query: &[
                ("accountId", "sample-accountId"),
                ("directoryIds", "sample-directoryIds"),
                ("searchTerm", "sample-searchTerm"),
                ("cursor", "sample-cursor"),
                ("limit", "2"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"directoryId":"sample-directoryId","icon":"sample-icon","name":"sample-name"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directories_for_org()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .directory_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-directoryIds"]"#),
                        )
                        .limit(sample::<::std::num::NonZeroU64>(r#"2"#))
                        .search_term(
                            sample::<::std::string::String>(r#""sample-searchTerm""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryGroup",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/sample-groupId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"counts":{"resources":2,"users":2},"description":"sample-description","directoryId":"sample-directoryId","externalSynced":true,"id":"sample-id","links":{"self":"sample-self"},"managedBy":"external","managementAccess":{"deletable":true,"modifiable":true,"readable":true},"name":"sample-name"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_group()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryGroupRoleAssignments",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/sample-groupId/role-assignments",
            query: &[
                ("cursor", "sample-cursor"),
                ("limit", "2"),
                ("directoryIds", "sample-directoryIds"),
                ("resourceOwners", "sample-resourceOwners"),
                ("resourceIds", "sample-resourceIds"),
                ("roleIds", "atlassian/user"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"defaultRole":"sample-defaultRole","resourceId":"sample-resourceId","resourceOwner":"sample-resourceOwner","roles":["sample-roles"]}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_group_role_assignments()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .directory_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-directoryIds"]"#),
                        )
                        .limit(sample::<::std::num::NonZeroU64>(r#"2"#))
                        .resource_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-resourceIds"]"#),
                        )
                        .resource_owners(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-resourceOwners"]"#),
                        )
                        .role_ids(
                            sample::<
                                ::std::vec::Vec<atlassian_admin_api::types::DirectoryRoleId>,
                            >(r#"["atlassian/user"]"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryGroupStats",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/stats",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"totals":{"all":2,"managed":2,"synced":2},"types":[{"count":2,"type":"TEAM"}]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_group_stats()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryGroupsCount",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/count",
            query: &[
                ("directoryIds", "sample-directoryIds"),
                ("accountIds", "sample-accountIds"),
                ("groupIds", "sample-groupIds"),
                ("resourceOwners", "sample-resourceOwners"),
                ("resourceIds", "sample-resourceIds"),
                ("searchTerm", "sample-searchTerm"),
                ("roleIds", "atlassian/user"),
            ],
            request: None,
            success: (200, Some(r#"{"count":2}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_groups_count()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .account_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-accountIds"]"#),
                        )
                        .directory_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-directoryIds"]"#),
                        )
                        .group_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-groupIds"]"#),
                        )
                        .resource_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-resourceIds"]"#),
                        )
                        .resource_owners(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-resourceOwners"]"#),
                        )
                        .role_ids(
                            sample::<
                                ::std::vec::Vec<atlassian_admin_api::types::DirectoryRoleId>,
                            >(r#"["atlassian/user"]"#),
                        )
                        .search_term(
                            sample::<::std::string::String>(r#""sample-searchTerm""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryUserDetails",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/sample-accountId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"accountId":"sample-accountId","accountStatus":"active","accountType":"atlassian","addedToOrg":"sample-addedToOrg","avatar":"sample-avatar","claimStatus":"managed","counts":{"resources":2},"deactivatedOn":"sample-deactivatedOn","department":"sample-department","email":"sample-email","emailVerified":true,"jobTitle":"sample-jobTitle","location":"sample-location","managementSource":"invited","membershipStatus":"active","mfaEnabled":true,"name":"sample-name","nickname":"sample-nickname","organization":"sample-organization","picture":"sample-picture","platformRoles":["atlassian/org-admin"],"status":"active","timeZone":"sample-timeZone"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_user_details()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryUserRoleAssignments",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/sample-accountId/role-assignments",
            query: &[
                ("cursor", "sample-cursor"),
                ("limit", "2"),
                ("directoryIds", "sample-directoryIds"),
                ("resourceOwners", "sample-resourceOwners"),
                ("resourceIds", "sample-resourceIds"),
                ("roleIds", "atlassian/user"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"directoryId":"sample-directoryId","resourceId":"sample-resourceId","resourceOwner":"sample-resourceOwner","roleAssignments":[{"role":"atlassian/user","roleAssignmentMethods":["inferred"]}],"roles":["sample-roles"],"userDirectoryStatus":"active"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_user_role_assignments()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .directory_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-directoryIds"]"#),
                        )
                        .limit(sample::<::std::num::NonZeroU64>(r#"2"#))
                        .resource_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-resourceIds"]"#),
                        )
                        .resource_owners(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-resourceOwners"]"#),
                        )
                        .role_ids(
                            sample::<
                                ::std::vec::Vec<atlassian_admin_api::types::DirectoryRoleId>,
                            >(r#"["atlassian/user"]"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryUserStats",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/stats",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"accountStatus":[{"count":2,"status":"active"}],"roles":[{"count":2,"roleId":"sample-roleId"}]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_user_stats()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDirectoryUsers",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users",
            query: &[
                ("cursor", "sample-cursor"),
                ("limit", "2"),
                ("accountIds", "sample-accountIds"),
                ("directoryIds", "sample-directoryIds"),
                ("resourceIds", "sample-resourceIds"),
                ("groupIds", "sample-groupIds"),
                ("mfaEnabled", "true"),
                ("claimStatus", "managed"),
                ("status", "active"),
                ("accountStatus", "active"),
                ("membershipStatus", "active"),
                ("roleIds", "atlassian/user"),
                ("emailDomains", "sample-emailDomains"),
                ("searchTerm", "sample-searchTerm"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"accountId":"sample-accountId","accountStatus":"active","accountType":"atlassian","addedToOrg":"sample-addedToOrg","avatar":"sample-avatar","claimStatus":"managed","counts":{"resources":2},"department":"sample-department","email":"sample-email","emailVerified":true,"groups":[{"description":"sample-description","id":"sample-id","name":"sample-name"}],"jobTitle":"sample-jobTitle","links":{"self":"sample-self"},"location":"sample-location","managementSource":"invited","membershipStatus":"active","mfaEnabled":true,"name":"sample-name","nickname":"sample-nickname","organization":"sample-organization","picture":"sample-picture","platformRoles":["atlassian/org-admin"],"productAccess":[{"id":"sample-id","key":"sample-key","lastActiveTimestamp":"2024-05-01T12:30:00Z"}],"status":"active","timeZone":"sample-timeZone"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .get_directory_users()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .directory_id(
                        sample::<::std::string::String>(r#""sample-directoryId""#),
                    )
                    .account_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-accountIds"]"#),
                    )
                    .account_status(
                        sample::<
                            ::std::vec::Vec<
                                atlassian_admin_api::types::DirectoryAccountStatus,
                            >,
                        >(r#"["active"]"#),
                    )
                    .claim_status(
                        sample::<
                            atlassian_admin_api::types::DirectoryClaimStatus,
                        >(r#""managed""#),
                    )
                    .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                    .directory_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-directoryIds"]"#),
                    )
                    .email_domains(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-emailDomains"]"#),
                    )
                    .group_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-groupIds"]"#),
                    )
                    .limit(sample::<::std::num::NonZeroU64>(r#"2"#))
                    .membership_status(
                        sample::<
                            ::std::vec::Vec<
                                atlassian_admin_api::types::DirectoryMembershipStatus,
                            >,
                        >(r#"["active"]"#),
                    )
                    .mfa_enabled(sample::<bool>(r#"true"#))
                    .resource_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-resourceIds"]"#),
                    )
                    .role_ids(
                        sample::<
                            ::std::vec::Vec<atlassian_admin_api::types::DirectoryRoleId>,
                        >(r#"["atlassian/user"]"#),
                    )
                    .search_term(
                        sample::<::std::string::String>(r#""sample-searchTerm""#),
                    )
                    .status(
                        sample::<
                            ::std::vec::Vec<
                                atlassian_admin_api::types::DirectoryUserStatus,
                            >,
                        >(r#"["active"]"#),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "getDirectoryUsersCount",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/count",
            query: &[
                ("accountIds", "sample-accountIds"),
                ("directoryIds", "sample-directoryIds"),
                ("resourceIds", "sample-resourceIds"),
                ("groupIds", "sample-groupIds"),
                ("mfaEnabled", "true"),
                ("claimStatus", "managed"),
                ("status", "active"),
                ("accountStatus", "active"),
                ("membershipStatus", "active"),
                ("roleIds", "atlassian/user"),
                ("searchTerm", "sample-searchTerm"),
                ("emailDomains", "sample-emailDomains"),
            ],
            request: None,
            success: (200, Some(r#"{"count":2}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_directory_users_count()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .account_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-accountIds"]"#),
                        )
                        .account_status(
                            sample::<
                                ::std::vec::Vec<
                                    atlassian_admin_api::types::DirectoryAccountStatus,
                                >,
                            >(r#"["active"]"#),
                        )
                        .claim_status(
                            sample::<
                                atlassian_admin_api::types::DirectoryClaimStatus,
                            >(r#""managed""#),
                        )
                        .directory_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-directoryIds"]"#),
                        )
                        .email_domains(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-emailDomains"]"#),
                        )
                        .group_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-groupIds"]"#),
                        )
                        .membership_status(
                            sample::<
                                ::std::vec::Vec<
                                    atlassian_admin_api::types::DirectoryMembershipStatus,
                                >,
                            >(r#"["active"]"#),
                        )
                        .mfa_enabled(sample::<bool>(r#"true"#))
                        .resource_ids(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-resourceIds"]"#),
                        )
                        .role_ids(
                            sample::<
                                ::std::vec::Vec<atlassian_admin_api::types::DirectoryRoleId>,
                            >(r#"["atlassian/user"]"#),
                        )
                        .search_term(
                            sample::<::std::string::String>(r#""sample-searchTerm""#),
                        )
                        .status(
                            sample::<
                                ::std::vec::Vec<
                                    atlassian_admin_api::types::DirectoryUserStatus,
                                >,
                            >(r#"["active"]"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDomainById",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/domains/sample-domainId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"attributes":{"claim":{"status":"verified","type":"http"},"name":"sample-name"},"id":"sample-id","links":{"self":"sample-self"},"relationships":{"sample-key":{"links":{"related":"sample-related"},"related":"sample-related"}},"type":"domains"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_domain_by_id()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .domain_id(
                            sample::<::std::string::String>(r#""sample-domainId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getDomains",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/domains",
            query: &[("cursor", "sample-cursor")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"claim":{"status":"verified","type":"http"},"name":"sample-name"},"id":"sample-id","links":{"self":"sample-self"},"relationships":{"sample-key":{"links":{"related":"sample-related"},"related":"sample-related"}},"type":"domains"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_domains()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getEventActions",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/event-actions",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"displayName":"sample-displayName","groupDisplayName":"sample-groupDisplayName"},"id":"sample-id","type":"sample-type"}]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_event_actions()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getEventById",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/events/sample-eventId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"attributes":{"action":"sample-action","actor":{"app":{"id":"sample-id"},"auth":{"authType":"container-token"},"email":"sample-email","id":"sample-id","links":{"self":"sample-self"},"name":"sample-name","onBehalfOf":{"id":"sample-id"}},"container":[{"attributes":{"sample-key":"sample-extra"},"id":"sample-id","links":{},"type":"sample-type"}],"context":[{"attributes":{"sample-key":"sample-extra"},"id":"sample-id","links":{},"type":"sample-type"}],"location":{"city":"sample-city","countryName":"sample-countryName","geo":"sample-geo","ip":"sample-ip","regionName":"sample-regionName"},"time":"2024-05-01T12:30:00Z"},"id":"sample-id","links":{"self":"sample-self"},"message":{"content":"sample-content","format":"sample-format"},"type":"events"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_event_by_id()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .event_id(sample::<::std::string::String>(r#""sample-eventId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getEvents",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/events",
            query: &[
                ("cursor", "sample-cursor"),
                ("q", "sample-q"),
                ("from", "1767225600000"),
                ("to", "1767225600000"),
                ("action", "sample-action"),
                ("actor", "sample-actor"),
                ("ip", "sample-ip"),
                ("product", "bitbucket"),
                ("location", "sample-location"),
                ("limit", "2"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"action":"sample-action","actor":{"app":{"id":"sample-id"},"auth":{"authType":"container-token"},"email":"sample-email","id":"sample-id","links":{"self":"sample-self"},"name":"sample-name","onBehalfOf":{"id":"sample-id"}},"container":[{"attributes":{"sample-key":"sample-extra"},"id":"sample-id","links":{},"type":"sample-type"}],"context":[{"attributes":{"sample-key":"sample-extra"},"id":"sample-id","links":{},"type":"sample-type"}],"location":{"city":"sample-city","countryName":"sample-countryName","geo":"sample-geo","ip":"sample-ip","regionName":"sample-regionName"},"time":"2024-05-01T12:30:00Z"},"id":"sample-id","links":{"self":"sample-self"},"message":{"content":"sample-content","format":"sample-format"},"type":"events"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"},"meta":{"next":"sample-next","page_size":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_events()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .action(sample::<::std::string::String>(r#""sample-action""#))
                        .actor(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-actor"]"#),
                        )
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .from(
                            sample::<
                                atlassian_admin_api::EpochMillis,
                            >(r#""1767225600000""#),
                        )
                        .ip(
                            sample::<
                                ::std::vec::Vec<::std::string::String>,
                            >(r#"["sample-ip"]"#),
                        )
                        .limit(sample::<::std::num::NonZeroU32>(r#"2"#))
                        .location(
                            sample::<::std::string::String>(r#""sample-location""#),
                        )
                        .product(
                            sample::<
                                ::std::vec::Vec<
                                    atlassian_admin_api::types::EventProductFilter,
                                >,
                            >(r#"["bitbucket"]"#),
                        )
                        .q(sample::<::std::string::String>(r#""sample-q""#))
                        .to(
                            sample::<
                                atlassian_admin_api::EpochMillis,
                            >(r#""1767225600000""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getGroups",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups",
            query: &[
                ("cursor", "sample-cursor"),
                ("limit", "2"),
                ("directoryIds", "sample-directoryIds"),
                ("accountIds", "sample-accountIds"),
                ("groupIds", "sample-groupIds"),
                ("resourceOwners", "sample-resourceOwners"),
                ("resourceIds", "sample-resourceIds"),
                ("searchTerm", "sample-searchTerm"),
                ("includeResources", "true"),
                ("includeUsers", "true"),
                ("roleIds", "atlassian/user"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"counts":{"resources":2,"users":2},"description":"sample-description","directoryId":"sample-directoryId","externalSynced":true,"id":"sample-id","links":{"self":"sample-self"},"managedBy":"external","managementAccess":{"deletable":true,"modifiable":true,"readable":true},"name":"sample-name"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .get_groups()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .directory_id(
                        sample::<::std::string::String>(r#""sample-directoryId""#),
                    )
                    .account_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-accountIds"]"#),
                    )
                    .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                    .directory_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-directoryIds"]"#),
                    )
                    .group_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-groupIds"]"#),
                    )
                    .include_resources(sample::<bool>(r#"true"#))
                    .include_users(sample::<bool>(r#"true"#))
                    .limit(sample::<::std::num::NonZeroU64>(r#"2"#))
                    .resource_ids(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-resourceIds"]"#),
                    )
                    .resource_owners(
                        sample::<
                            ::std::vec::Vec<::std::string::String>,
                        >(r#"["sample-resourceOwners"]"#),
                    )
                    .role_ids(
                        sample::<
                            ::std::vec::Vec<atlassian_admin_api::types::DirectoryRoleId>,
                        >(r#"["atlassian/user"]"#),
                    )
                    .search_term(
                        sample::<::std::string::String>(r#""sample-searchTerm""#),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "getManagedUserPermissions",
            method: "GET",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage",
            query: &[("privileges", "profile")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"apiToken.delete":{"allowed":true,"reason":{"key":"administrative"}},"apiToken.read":{"allowed":true,"reason":{"key":"administrative"}},"avatar":{"allowed":true,"reason":{"key":"administrative"}},"email.set":{"allowed":true,"reason":{"key":"administrative"}},"lifecycle.delete":{"allowed":true,"reason":{"key":"administrative"}},"lifecycle.enablement":{"allowed":true,"reason":{"key":"administrative"}},"linkedAccounts.read":{"allowed":true,"reason":{"key":"administrative"}},"privacy.set":{"allowed":true,"reason":{"key":"administrative"}},"profile":{"sample-key":{"allowed":true,"reason":{"key":"administrative"}}},"profile.read":{"allowed":true,"reason":{"key":"administrative"}},"profile.write":{"sample-key":{"allowed":true,"reason":{"key":"administrative"}}},"session.read":{"allowed":true,"reason":{"key":"administrative"}}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_managed_user_permissions()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .privileges(
                            sample::<
                                ::std::vec::Vec<
                                    atlassian_admin_api::types::ManagedUserPrivilege,
                                >,
                            >(r#"["profile"]"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getManagedUserProfile",
            method: "GET",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/profile",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"account":{"account_id":"712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f","account_status":"active","account_type":"atlassian","characteristics":{"not_mentionable":true},"email":"sample-email","email_verified":true,"extended_profile":{"department":"sample-department","job_title":"sample-job_title","location":"sample-location","organization":"sample-organization"},"locale":"sample-locale","name":"sample-name","nickname":"sample-nickname","picture":"sample-picture","privacy_settings":{"sample-key":"sample-extra"},"team_type":"sample-team_type","zoneinfo":"sample-zoneinfo"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_managed_user_profile()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getOAuthClient",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/oauth-clients/sample-clientId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"clientId":"sample-clientId","createdAt":2,"name":"sample-name","status":"ACTIVE","updatedAt":2}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_o_auth_client()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .client_id(
                            sample::<::std::string::String>(r#""sample-clientId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getOrgById",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"attributes":{"name":"sample-name"},"id":"sample-id","links":{"self":"sample-self"},"relationships":{"domains":{"links":{"related":"sample-related"},"related":"sample-related"},"users":{"links":{"related":"sample-related"},"related":"sample-related"}},"type":"orgs"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_org_by_id()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getOrgs",
            method: "GET",
            path: "/admin/v1/orgs",
            query: &[("cursor", "sample-cursor")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"name":"sample-name"},"id":"sample-id","links":{"self":"sample-self"},"relationships":{"domains":{"links":{"related":"sample-related"},"related":"sample-related"},"users":{"links":{"related":"sample-related"},"related":"sample-related"}},"type":"orgs"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_orgs()
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getPolicies",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/policies",
            query: &[("cursor", "sample-cursor"), ("type", "sample-type")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"name":"sample-name","resources":[{"applicationStatus":"applying","id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"},"meta":{"next":"sample-next","page_size":2}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_policies()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .type_(sample::<::std::string::String>(r#""sample-type""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getPolicyById",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"attributes":{"name":"sample-name","resources":[{"applicationStatus":"applying","id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_policy_by_id()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimEnterpriseUserSchema",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"attributes":[{"canonicalValues":["sample-canonicalValues"],"caseExact":true,"description":"sample-description","multiValued":true,"mutability":"readOnly","name":"sample-name","referenceTypes":["sample-referenceTypes"],"required":true,"returned":"always","type":"string","uniqueness":"none"}],"description":"sample-description","id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":"sample-name","schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_enterprise_user_schema()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimGroup",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Groups/sample-groupId",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_group()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimGroupResourceType",
            method: "GET",
            path: "/scim/directory/sample-directoryId/ResourceTypes/Group",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"description":"sample-description","endpoint":"sample-endpoint","id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":"sample-name","schema":"sample-schema","schemaExtensions":[{"required":true,"schema":"sample-schema"}],"schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_group_resource_type()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimGroupSchema",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"attributes":[{"canonicalValues":["sample-canonicalValues"],"caseExact":true,"description":"sample-description","multiValued":true,"mutability":"readOnly","name":"sample-name","referenceTypes":["sample-referenceTypes"],"required":true,"returned":"always","type":"string","uniqueness":"none"}],"description":"sample-description","id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":"sample-name","schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_group_schema()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimServiceProviderConfig",
            method: "GET",
            path: "/scim/directory/sample-directoryId/ServiceProviderConfig",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"authenticationSchemes":[{"description":"sample-description","documentationUri":"sample-documentationUri","name":"sample-name","primary":true,"specUri":"sample-specUri","type":"sample-type"}],"bulk":{"maxOperations":2,"maxPayloadSize":2,"supported":true},"changePassword":{"supported":true},"documentationUri":"sample-documentationUri","etag":{"supported":true},"filter":{"maxResults":2,"supported":true},"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"patch":{"supported":true},"schemas":["sample-schemas"],"sort":{"supported":true}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_service_provider_config()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimUser",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Users/sample-userId",
            query: &[
                ("attributes", "sample-attributes"),
                ("excludedAttributes", "sample-excludedAttributes"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_user()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .attributes(
                            sample::<::std::string::String>(r#""sample-attributes""#),
                        )
                        .excluded_attributes(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-excludedAttributes""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimUserResourceType",
            method: "GET",
            path: "/scim/directory/sample-directoryId/ResourceTypes/User",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"description":"sample-description","endpoint":"sample-endpoint","id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":"sample-name","schema":"sample-schema","schemaExtensions":[{"required":true,"schema":"sample-schema"}],"schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_user_resource_type()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getScimUserSchema",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Schemas/urn:ietf:params:scim:schemas:core:2.0:User",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"attributes":[{"canonicalValues":["sample-canonicalValues"],"caseExact":true,"description":"sample-description","multiValued":true,"mutability":"readOnly","name":"sample-name","referenceTypes":["sample-referenceTypes"],"required":true,"returned":"always","type":"string","uniqueness":"none"}],"description":"sample-description","id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":"sample-name","schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_scim_user_schema()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getUserLastActiveDates",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/directory/users/sample-accountId/last-active-dates",
            query: &[("cursor", "sample-cursor")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":{"added_to_org":"2024-05-01","added_to_org_timestamp":"2024-05-01T12:30:00Z","product_access":[{"id":"sample-id","key":"jira-software","last_active":"2024-05-01","last_active_timestamp":"2024-05-01T12:30:00Z"}]},"links":{"next":"sample-next"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_user_last_active_dates()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "getUsers",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/users",
            query: &[("cursor", "sample-cursor")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"access_billable":true,"account_id":"sample-account_id","account_status":"active","account_type":"atlassian","email":"sample-email","last_active":"2024-05-01T12:30:00Z","links":{"self":"sample-self"},"name":"sample-name","picture":"sample-picture","product_access":[{"key":"jira-software","last_active":"2024-05-01T12:30:00Z","name":"sample-name","url":"sample-url"}]}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"},"meta":{"total":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .get_users()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "inviteUserToOrg",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/users/invite",
            query: &[],
            request: Some(
                r#"{"email":"ada@example.com","notificationText":"sample-notificationText","permissionRule":{"resource":"sample-resource","role":"atlassian/user"},"sendNotification":true}"#,
            ),
            success: (202, Some(r#"["sample-value"]"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .invite_user_to_org()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::OrgInviteRequest,
                        >(
                            r#"{"email":"ada@example.com","notificationText":"sample-notificationText","permissionRule":{"resource":"sample-resource","role":"atlassian/user"},"sendNotification":true}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "inviteUsers",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/users/invite",
            query: &[],
            request: Some(
                r#"{"additionalGroups":["sample-additionalGroups"],"emails":["sample-emails"],"notificationText":"sample-notificationText","permissionRules":[{"resource":"sample-resource","role":"sample-role"}],"sendNotification":true}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"data":[{"email":"sample-email","id":"sample-id","results":[{"groupAssignmentResult":[{"group":"sample-group","status":"INVITED","statusReason":"sample-statusReason"}],"roleAssignmentResult":[{"resource":"sample-resource","role":"sample-role","status":"INVITED","statusReason":"sample-statusReason"}]}]}]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .invite_users()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::InviteUsersRequest,
                            >(
                                r#"{"additionalGroups":["sample-additionalGroups"],"emails":["sample-emails"],"notificationText":"sample-notificationText","permissionRules":[{"resource":"sample-resource","role":"sample-role"}],"sendNotification":true}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listApiTokensForServiceAccount",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts/sample-serviceAccountId/api-tokens",
            query: &[("tokenLabel", "sample-tokenLabel")],
            request: None,
            success: (
                200,
                Some(
                    r#"[{"createdAt":"sample-createdAt","expiresAt":"sample-expiresAt","id":"sample-id","label":"sample-label","lastActiveAt":"sample-lastActiveAt","scopes":["sample-scopes"],"status":"ALLOWED","user":{"email":"sample-email","id":"sample-id","name":"sample-name","orgId":"sample-orgId"}}]"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_api_tokens_for_service_account()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .service_account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-serviceAccountId""#),
                        )
                        .token_label(
                            sample::<::std::string::String>(r#""sample-tokenLabel""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listAppAccessSettingsDomains",
            method: "GET",
            path: "/admin/v2/orgs/sample-orgId/app-access-settings/domains",
            query: &[("cursor", "sample-cursor"), ("limit", "2")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"domain":"sample-domain","enabled":true,"numberOfProductsAppliesTo":2}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_app_access_settings_domains()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .limit(sample::<::std::num::NonZeroU64>(r#"2"#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listControlPolicies",
            method: "GET",
            path: "/admin/control/v1/orgs/sample-orgId/policies",
            query: &[("cursor", "sample-cursor"), ("type", "data-residency")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}],"links":{"next":"sample-next","page_size":"sample-page_size","prev":"sample-prev","self":"sample-self"},"meta":{"next":"sample-next","page_size":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .list_control_policies()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                    .type_(
                        sample::<
                            atlassian_admin_api::types::ControlPolicyType,
                        >(r#""data-residency""#),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "listControlPoliciesV2",
            method: "GET",
            path: "/admin/control/v2/orgs/sample-orgId/policies",
            query: &[("cursor", "sample-cursor"), ("type", "data-residency")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"export":{}},"status":"draft","type":"data-security","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}],"links":{"next":"sample-next","page_size":"sample-page_size","prev":"sample-prev","self":"sample-self"},"meta":{"next":"sample-next","page_size":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .list_control_policies_v2()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                    .type_(
                        sample::<
                            atlassian_admin_api::types::ControlPolicyType,
                        >(r#""data-residency""#),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "listControlPolicyResources",
            method: "GET",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId/resources",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"applicationStatus":"validating","id":"sample-id","links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDateTime":"sample-migrationEndDateTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}],"links":{"next":"sample-next","page_size":"sample-page_size","prev":"sample-prev","self":"sample-self"},"meta":{"next":"sample-next","page_size":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .list_control_policy_resources()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .policy_id(sample::<::std::string::String>(r#""sample-policyId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "listControlPolicyResourcesV2",
            method: "GET",
            path: "/admin/control/v2/orgs/sample-orgId/policies/sample-policyId/resources",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"applicationStatus":"validating","createdAt":"2024-05-01T12:30:00Z","parentResourceId":"sample-parentResourceId","projectType":"sample-projectType","resourceId":"sample-resourceId","resourceKey":"sample-resourceKey","resourceLogoUrls":{"16x16":"sample-16x16","24x24":"sample-24x24","32x32":"sample-32x32","48x48":"sample-48x48","default":"sample-default"},"resourceName":"sample-resourceName","self":"sample-self","type":"sample-type","updatedAt":"2024-05-01T12:30:00Z"}],"links":{"next":"sample-next","page_size":"sample-page_size","prev":"sample-prev","self":"sample-self"},"meta":{"next":"sample-next","page_size":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_control_policy_resources_v2()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listManagedUserApiTokens",
            method: "GET",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/api-tokens",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"[{"createdAt":"sample-createdAt","expiry":"sample-expiry","id":"sample-id","label":"sample-label","lastAccess":"sample-lastAccess"}]"#,
                ),
            ),
            error: Some((
                400,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_managed_user_api_tokens()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listOAuthClients",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/oauth-clients",
            query: &[("pageSize", "2"), ("cursor", "sample-cursor")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"clientId":"sample-clientId","createdAt":2,"name":"sample-name","status":"ACTIVE","updatedAt":2}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_o_auth_clients()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .page_size(sample::<::std::num::NonZeroU64>(r#"2"#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listOAuthClientsForServiceAccount",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts/sample-serviceAccountId/oauth-clients",
            query: &[("clientName", "sample-clientName")],
            request: None,
            success: (
                200,
                Some(
                    r#"[{"clientId":"sample-clientId","clientName":"sample-clientName","clientRevocationTime":"2024-05-01T12:30:00Z","clientRevokerId":"sample-clientRevokerId","createdAt":"2024-05-01T12:30:00Z","createdBy":{"appType":"sample-appType","email":"sample-email","id":"sample-id","name":"sample-name","orgId":"sample-orgId","userStatus":"sample-userStatus"},"expiresAt":"2024-05-01T12:30:00Z","scopes":["sample-scopes"],"serviceAccount":{"appType":"sample-appType","email":"sample-email","id":"sample-id","name":"sample-name","orgId":"sample-orgId","userStatus":"sample-userStatus"}}]"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_o_auth_clients_for_service_account()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .service_account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-serviceAccountId""#),
                        )
                        .client_name(
                            sample::<::std::string::String>(r#""sample-clientName""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listOrgApiKeys",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/api-keys",
            query: &[
                ("q", "sample-q"),
                ("keyType", "CLOUD_ADMIN"),
                ("expiresAtSearchType", "range"),
                ("expiresAtUom", "day"),
                ("expiresAtValue", "2"),
                ("expiresAtFrom", "2024-05-01T12:30:00Z"),
                ("expiresAtTo", "2024-05-01T12:30:00Z"),
                ("expiresAtRangeFrom", "sample-expiresAtRangeFrom"),
                ("expiresAtRangeTo", "sample-expiresAtRangeTo"),
                ("lastActiveAtSearchType", "range"),
                ("lastActiveAtUom", "day"),
                ("lastActiveAtValue", "2"),
                ("lastActiveAtFrom", "2024-05-01T12:30:00Z"),
                ("lastActiveAtTo", "2024-05-01T12:30:00Z"),
                ("lastActiveAtRangeFrom", "sample-lastActiveAtRangeFrom"),
                ("lastActiveAtRangeTo", "sample-lastActiveAtRangeTo"),
                ("sort", "label"),
                ("pageSize", "5"),
                ("cursor", "sample-cursor"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"createdAt":"sample-createdAt","createdBy":{"email":"sample-email","id":"sample-id","name":"sample-name"},"expiresAt":"sample-expiresAt","id":"sample-id","keyType":"CLOUD_ADMIN","label":"sample-label","lastActiveAt":"sample-lastActiveAt","orgId":"sample-orgId","resource":"sample-resource","scopes":["sample-scopes"],"systemAccountId":"sample-systemAccountId"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_org_api_keys()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .expires_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .expires_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-expiresAtRangeFrom""#),
                        )
                        .expires_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-expiresAtRangeTo""#),
                        )
                        .expires_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .expires_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .expires_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .expires_at_value(sample::<i64>(r#"2"#))
                        .key_type(
                            sample::<
                                atlassian_admin_api::types::ApiKeyType,
                            >(r#""CLOUD_ADMIN""#),
                        )
                        .last_active_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeFrom""#),
                        )
                        .last_active_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeTo""#),
                        )
                        .last_active_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .last_active_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .last_active_at_value(sample::<i64>(r#"2"#))
                        .page_size(
                            sample::<atlassian_admin_api::types::ApiKeyPageSize>(r#"5"#),
                        )
                        .q(sample::<::std::string::String>(r#""sample-q""#))
                        .sort(
                            sample::<
                                atlassian_admin_api::types::ApiKeySort,
                            >(r#""label""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listOrgApiTokens",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/api-tokens",
            query: &[
                ("q", "sample-q"),
                ("status", "allowed"),
                ("createdAtSearchType", "range"),
                ("createdAtUom", "day"),
                ("createdAtValue", "2"),
                ("createdAtFrom", "2024-05-01T12:30:00Z"),
                ("createdAtTo", "2024-05-01T12:30:00Z"),
                ("createdAtRangeFrom", "sample-createdAtRangeFrom"),
                ("createdAtRangeTo", "sample-createdAtRangeTo"),
                ("lastActiveAtSearchType", "range"),
                ("lastActiveAtUom", "day"),
                ("lastActiveAtValue", "2"),
                ("lastActiveAtFrom", "2024-05-01T12:30:00Z"),
                ("lastActiveAtTo", "2024-05-01T12:30:00Z"),
                ("lastActiveAtRangeFrom", "sample-lastActiveAtRangeFrom"),
                ("lastActiveAtRangeTo", "sample-lastActiveAtRangeTo"),
                ("sort", "label"),
                ("pageSize", "2"),
                ("cursor", "sample-cursor"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"createdAt":"sample-createdAt","expiresAt":"sample-expiresAt","id":"sample-id","label":"sample-label","lastActiveAt":"sample-lastActiveAt","scopes":["sample-scopes"],"status":"ALLOWED","user":{"email":"sample-email","id":"sample-id","name":"sample-name","orgId":"sample-orgId"}}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_org_api_tokens()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .created_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .created_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-createdAtRangeFrom""#),
                        )
                        .created_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-createdAtRangeTo""#),
                        )
                        .created_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .created_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .created_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .created_at_value(sample::<i64>(r#"2"#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .last_active_at_from(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_range_from(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeFrom""#),
                        )
                        .last_active_at_range_to(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-lastActiveAtRangeTo""#),
                        )
                        .last_active_at_search_type(
                            sample::<
                                atlassian_admin_api::types::ApiAccessDateSearchType,
                            >(r#""range""#),
                        )
                        .last_active_at_to(
                            sample::<
                                ::chrono::DateTime<::chrono::offset::Utc>,
                            >(r#""2024-05-01T12:30:00Z""#),
                        )
                        .last_active_at_uom(
                            sample::<
                                atlassian_admin_api::types::ApiAccessTimeUnit,
                            >(r#""day""#),
                        )
                        .last_active_at_value(sample::<i64>(r#"2"#))
                        .page_size(sample::<::std::num::NonZeroU64>(r#"2"#))
                        .q(sample::<::std::string::String>(r#""sample-q""#))
                        .sort(
                            sample::<
                                atlassian_admin_api::types::ApiTokenSort,
                            >(r#""label""#),
                        )
                        .status(
                            sample::<
                                atlassian_admin_api::types::ApiTokenStatusQuery,
                            >(r#""allowed""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listScimGroups",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Groups",
            query: &[("filter", "sample-filter"), ("startIndex", "2"), ("count", "2")],
            request: None,
            success: (
                200,
                Some(
                    r#"{"Resources":[{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}],"itemsPerPage":2,"schemas":["sample-schemas"],"startIndex":2,"totalResults":2}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_scim_groups()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .count(sample::<i32>(r#"2"#))
                        .filter(sample::<::std::string::String>(r#""sample-filter""#))
                        .start_index(sample::<::std::num::NonZeroU32>(r#"2"#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listScimResourceTypes",
            method: "GET",
            path: "/scim/directory/sample-directoryId/ResourceTypes",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"Resources":[{"description":"sample-description","endpoint":"sample-endpoint","id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":"sample-name","schema":"sample-schema","schemaExtensions":[{"required":true,"schema":"sample-schema"}],"schemas":["sample-schemas"]}],"itemsPerPage":2,"schemas":["sample-schemas"],"startIndex":2,"totalResults":2}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_scim_resource_types()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listScimSchemas",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Schemas",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"Resources":[{"attributes":[{"canonicalValues":["sample-canonicalValues"],"caseExact":true,"description":"sample-description","multiValued":true,"mutability":"readOnly","name":"sample-name","referenceTypes":["sample-referenceTypes"],"required":true,"returned":"always","type":"string","uniqueness":"none"}],"description":"sample-description","id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":"sample-name","schemas":["sample-schemas"]}],"itemsPerPage":2,"schemas":["sample-schemas"],"startIndex":2,"totalResults":2}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_scim_schemas()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listScimUsers",
            method: "GET",
            path: "/scim/directory/sample-directoryId/Users",
            query: &[
                ("attributes", "sample-attributes"),
                ("excludedAttributes", "sample-excludedAttributes"),
                ("filter", "sample-filter"),
                ("startIndex", "2"),
                ("count", "2"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"Resources":[{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}],"itemsPerPage":2,"schemas":["sample-schemas"],"startIndex":2,"totalResults":2}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_scim_users()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .attributes(
                            sample::<::std::string::String>(r#""sample-attributes""#),
                        )
                        .count(sample::<i32>(r#"2"#))
                        .excluded_attributes(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-excludedAttributes""#),
                        )
                        .filter(sample::<::std::string::String>(r#""sample-filter""#))
                        .start_index(sample::<::std::num::NonZeroU32>(r#"2"#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listServiceAccountApiTokens",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts/api-tokens",
            query: &[("tokenLabel", "sample-tokenLabel")],
            request: None,
            success: (
                200,
                Some(
                    r#"[{"createdAt":"sample-createdAt","expiresAt":"sample-expiresAt","id":"sample-id","label":"sample-label","lastActiveAt":"sample-lastActiveAt","scopes":["sample-scopes"],"status":"ALLOWED","user":{"email":"sample-email","id":"sample-id","name":"sample-name","orgId":"sample-orgId"}}]"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_service_account_api_tokens()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .token_label(
                            sample::<::std::string::String>(r#""sample-tokenLabel""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listServiceAccountOAuthClients",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts/oauth-clients",
            query: &[("clientName", "sample-clientName")],
            request: None,
            success: (
                200,
                Some(
                    r#"[{"clientId":"sample-clientId","clientName":"sample-clientName","clientRevocationTime":"2024-05-01T12:30:00Z","clientRevokerId":"sample-clientRevokerId","createdAt":"2024-05-01T12:30:00Z","createdBy":{"appType":"sample-appType","email":"sample-email","id":"sample-id","name":"sample-name","orgId":"sample-orgId","userStatus":"sample-userStatus"},"expiresAt":"2024-05-01T12:30:00Z","scopes":["sample-scopes"],"serviceAccount":{"appType":"sample-appType","email":"sample-email","id":"sample-id","name":"sample-name","orgId":"sample-orgId","userStatus":"sample-userStatus"}}]"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_service_account_o_auth_clients()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .client_name(
                            sample::<::std::string::String>(r#""sample-clientName""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "listServiceAccounts",
            method: "GET",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts",
            query: &[],
            request: None,
            success: (
                200,
                Some(
                    r#"{"items":[{"atlassianId":"sample-atlassianId","container":"sample-container","createdById":"sample-createdById","description":"sample-description","displayName":"sample-displayName","email":"sample-email","id":"sample-id","picture":"sample-picture","status":"sample-status","updatedAt":2}],"links":{"next":"sample-next","prev":"sample-prev"},"total":2}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .list_service_accounts()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "modifyControlPolicyResourcesV2",
            method: "POST",
            path: "/admin/control/v2/orgs/sample-orgId/policies/sample-policyId/resources",
            query: &[],
            request: Some(r#"[{"operation":"ADD","resourceAri":"sample-resourceAri"}]"#),
            success: (202, None),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .modify_control_policy_resources_v2()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ControlPolicyResourceChanges,
                            >(
                                r#"[{"operation":"ADD","resourceAri":"sample-resourceAri"}]"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "patchScimGroup",
            method: "PATCH",
            path: "/scim/directory/sample-directoryId/Groups/sample-groupId",
            query: &[],
            request: Some(
                r#"{"Operations":[{"op":"add","path":"sample-path","value":"sample-value"}],"schemas":["sample-schemas"]}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .patch_scim_group()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::ScimPatchRequest,
                            >(
                                r#"{"Operations":[{"op":"add","path":"sample-path","value":"sample-value"}],"schemas":["sample-schemas"]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "patchScimUser",
            method: "PATCH",
            path: "/scim/directory/sample-directoryId/Users/sample-userId",
            query: &[
                ("attributes", "sample-attributes"),
                ("excludedAttributes", "sample-excludedAttributes"),
            ],
            request: Some(
                r#"{"Operations":[{"op":"add","path":"sample-path","value":"sample-value"}],"schemas":["sample-schemas"]}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .patch_scim_user()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .attributes(
                            sample::<::std::string::String>(r#""sample-attributes""#),
                        )
                        .excluded_attributes(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-excludedAttributes""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ScimPatchRequest,
                            >(
                                r#"{"Operations":[{"op":"add","path":"sample-path","value":"sample-value"}],"schemas":["sample-schemas"]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "pollEvents",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/events-stream",
            query: &[
                ("cursor", "sample-cursor"),
                ("from", "1767225600000"),
                ("to", "1767225600000"),
                ("limit", "2"),
                ("sortOrder", "asc"),
            ],
            request: None,
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"action":"sample-action","actor":{"app":{"id":"sample-id"},"auth":{"authType":"container-token"},"email":"sample-email","id":"sample-id","links":{"self":"sample-self"},"name":"sample-name","onBehalfOf":{"id":"sample-id"}},"container":[{"attributes":{"sample-key":"sample-extra"},"id":"sample-id","links":{},"type":"sample-type"}],"context":[{"attributes":{"sample-key":"sample-extra"},"id":"sample-id","links":{},"type":"sample-type"}],"location":{"city":"sample-city","countryName":"sample-countryName","geo":"sample-geo","ip":"sample-ip","regionName":"sample-regionName"},"processedAt":"2024-05-01T12:30:00Z","time":"2024-05-01T12:30:00Z"},"id":"sample-id","links":{"self":"sample-self"},"message":{"content":"sample-content","format":"sample-format"},"type":"events"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"},"meta":{"next":"sample-next","page_size":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .poll_events()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .cursor(sample::<::std::string::String>(r#""sample-cursor""#))
                        .from(
                            sample::<
                                atlassian_admin_api::EpochMillis,
                            >(r#""1767225600000""#),
                        )
                        .limit(sample::<::std::num::NonZeroU32>(r#"2"#))
                        .sort_order(
                            sample::<
                                atlassian_admin_api::types::EventSortOrder,
                            >(r#""asc""#),
                        )
                        .to(
                            sample::<
                                atlassian_admin_api::EpochMillis,
                            >(r#""1767225600000""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "publishControlDraftPolicies",
            method: "POST",
            path: "/admin/control/v2/orgs/sample-orgId/policies/publishDraftPolicies",
            query: &[],
            request: Some(
                r#"{"policyOperations":[{"action":"UPDATE","policyCoverageLevel":"WORKSPACE","policyId":"sample-policyId"}],"ruleName":"sample-ruleName","type":"data-security"}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"messages":[{"messageId":"sample-messageId","ticket":{"containerAri":"sample-containerAri","id":"sample-id","scope":"sample-scope"}}]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .publish_control_draft_policies()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::ControlPublishDraftPoliciesRequest,
                            >(
                                r#"{"policyOperations":[{"action":"UPDATE","policyCoverageLevel":"WORKSPACE","policyId":"sample-policyId"}],"ruleName":"sample-ruleName","type":"data-security"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "queryWorkspacesV2",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/workspaces",
            query: &[],
            request: Some(
                r#"{"cursor":"sample-cursor","limit":2,"query":{"and":[]},"sort":[{"field":"sample-field","order":"asc"}]}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"data":[{"attributes":{"avatars":{"sample-key":"sample-extra"},"capacity":2,"createdAt":"sample-createdAt","createdBy":"sample-createdBy","hostUrl":"sample-hostUrl","icons":{"sample-key":"sample-extra"},"labels":["sample-labels"],"name":"sample-name","owner":"sample-owner","realm":"sample-realm","regions":["sample-regions"],"sandbox":{"type":"CHILD"},"status":"online","statusDetails":["sample-statusDetails"],"type":"sample-type","typeKey":"sample-typeKey","updatedAt":"sample-updatedAt","usage":2},"id":"sample-id","links":{"self":"sample-self"},"relationships":{"sample-key":[{"attributes":{"fields":{"sample-key":"sample-extra"},"key":"sample-key","plan":"sample-plan","planKey":"sample-planKey"},"id":"sample-id","type":"sample-type"}]},"type":"sample-type"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"},"meta":{"endIndex":2,"pageSize":2,"startIndex":2,"total":2}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .query_workspaces_v2()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::WorkspaceSearchRequest,
                            >(
                                r#"{"cursor":"sample-cursor","limit":2,"query":{"and":[]},"sort":[{"field":"sample-field","order":"asc"}]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "removeDirectoryGroupMember",
            method: "DELETE",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/sample-groupId/memberships/sample-accountId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .remove_directory_group_member()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "removeDirectoryUser",
            method: "DELETE",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/sample-accountId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .remove_directory_user()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "removeUserAccess",
            method: "DELETE",
            path: "/admin/v1/orgs/sample-orgId/directory/users/sample-accountId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .remove_user_access()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .account_id(sample::<::std::string::String>(r#""sample-accountId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "removeUserFromOrgGroup",
            method: "DELETE",
            path: "/admin/v1/orgs/sample-orgId/directory/groups/sample-groupId/memberships/sample-accountId",
            query: &[],
            request: None,
            success: (200, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .remove_user_from_org_group()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                    .account_id(sample::<::std::string::String>(r#""sample-accountId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "replaceAppAccessSettingsDomain",
            method: "PUT",
            path: "/admin/v2/orgs/sample-orgId/app-access-settings/domains/sample-domain",
            query: &[],
            request: Some(
                r#"{"adminNotifications":true,"products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"adminNotifications":true,"domain":"sample-domain","enabled":true,"products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .replace_app_access_settings_domain()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .domain(sample::<::std::string::String>(r#""sample-domain""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::AppAccessDomainUpdateRequest,
                            >(
                                r#"{"adminNotifications":true,"products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "replaceScimGroup",
            method: "PUT",
            path: "/scim/directory/sample-directoryId/Groups/sample-groupId",
            query: &[],
            request: Some(
                r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .replace_scim_group()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::ScimGroup,
                            >(
                                r#"{"displayName":"sample-displayName","externalId":"sample-externalId","id":"sample-id","members":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"schemas":["sample-schemas"]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "replaceScimUser",
            method: "PUT",
            path: "/scim/directory/sample-directoryId/Users/sample-userId",
            query: &[
                ("attributes", "sample-attributes"),
                ("excludedAttributes", "sample-excludedAttributes"),
            ],
            request: Some(
                r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"detail":"sample-detail","error":"sample-error","schemas":["sample-schemas"],"scimType":"invalidFilter","status":"sample-status","traceId":"sample-traceId"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .replace_scim_user()
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .attributes(
                            sample::<::std::string::String>(r#""sample-attributes""#),
                        )
                        .excluded_attributes(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-excludedAttributes""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ScimUser,
                            >(
                                r#"{"active":true,"department":"sample-department","displayName":"sample-displayName","emails":[{"primary":true,"type":"sample-type","value":"sample-value"}],"externalId":"sample-externalId","groups":[{"$ref":"sample-$ref","display":"sample-display","type":"sample-type","value":"sample-value"}],"id":"sample-id","meta":{"created":"2024-05-01T12:30:00Z","lastModified":"2024-05-01T12:30:00Z","location":"sample-location","resourceType":"User","version":"sample-version"},"name":{"familyName":"sample-familyName","formatted":"sample-formatted","givenName":"sample-givenName","honorificPrefix":"sample-honorificPrefix","honorificSuffix":"sample-honorificSuffix","middleName":"sample-middleName"},"nickName":"sample-nickName","organization":"sample-organization","phoneNumbers":[{"primary":true,"type":"sample-type","value":"sample-value"}],"preferredLanguage":"sample-preferredLanguage","schemas":["sample-schemas"],"timezone":"sample-timezone","title":"sample-title","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"sample-department","organization":"sample-organization"},"urn:scim:schemas:extension:atlassian-external:1.0":{"atlassianAccountId":"sample-atlassianAccountId"},"userName":"sample-userName"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "restoreDirectoryUser",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/sample-accountId/restore",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .restore_directory_user()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "restoreUserAccess",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/directory/users/sample-accountId/restore-access",
            query: &[],
            request: None,
            success: (200, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .restore_user_access()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .account_id(sample::<::std::string::String>(r#""sample-accountId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "revokeAllOrgApiTokens",
            method: "DELETE",
            path: "/admin/api-access/v1/orgs/sample-orgId/api-tokens",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                401,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .revoke_all_org_api_tokens()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "revokeGroupRoles",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/sample-groupId/role-assignments/revoke",
            query: &[],
            request: Some(
                r#"{"resourceId":"sample-resourceId","roleId":"sample-roleId"}"#,
            ),
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .revoke_group_roles()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::DirectoryGroupRoleRequest,
                            >(
                                r#"{"resourceId":"sample-resourceId","roleId":"sample-roleId"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "revokeOrgApiKey",
            method: "PATCH",
            path: "/admin/api-access/v1/orgs/sample-orgId/api-keys/revoke/sample-apiKeyId",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .revoke_org_api_key()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .api_key_id(
                            sample::<::std::string::String>(r#""sample-apiKeyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "revokeOrgRole",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/users/sample-userId/role-assignments/revoke",
            query: &[],
            request: Some(r#"{"role":"atlassian/org-admin"}"#),
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .revoke_org_role()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::OrgLevelRoleRequest,
                            >(r#"{"role":"atlassian/org-admin"}"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "revokeRole",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/users/sample-userId/roles/revoke",
            query: &[],
            request: Some(r#"{"resource":"sample-resource","role":"atlassian/user"}"#),
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .revoke_role()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .user_id(sample::<::std::string::String>(r#""sample-userId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::UserRoleRequest,
                            >(
                                r#"{"resource":"sample-resource","role":"atlassian/user"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "revokeRoleFromGroup",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/directory/groups/sample-groupId/roles/revoke",
            query: &[],
            request: Some(
                r#"{"roleAssociations":[{"resource":"sample-resource","role":"atlassian/user"}]}"#,
            ),
            success: (202, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .revoke_role_from_group()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .group_id(sample::<::std::string::String>(r#""sample-groupId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::OrgGroupRolesRequest,
                        >(
                            r#"{"roleAssociations":[{"resource":"sample-resource","role":"atlassian/user"}]}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "revokeServiceAccountApiTokens",
            method: "DELETE",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts/sample-serviceAccountId/api-tokens",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .revoke_service_account_api_tokens()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .service_account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""sample-serviceAccountId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "searchDirectoryGroups",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/groups/search",
            query: &[],
            request: Some(
                r#"{"accountIds":["sample-accountIds"],"cursor":"sample-cursor","directoryIds":["sample-directoryIds"],"expand":["counts.resources"],"groupIds":["sample-groupIds"],"groupNames":["sample-groupNames"],"limit":2,"resourceIds":["sample-resourceIds"],"resourceOwners":["sample-resourceOwners"],"roleIds":["sample-roleIds"],"searchTerm":"sample-searchTerm","sortBy":[{"direction":"asc","field":"name"}]}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"data":[{"counts":{"resources":2,"users":2},"description":"sample-description","directoryId":"sample-directoryId","externalSynced":true,"id":"sample-id","links":{"self":"sample-self"},"managedBy":"external","managementAccess":{"deletable":true,"modifiable":true,"readable":true},"name":"sample-name"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .search_directory_groups()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::DirectoryGroupSearchRequest,
                            >(
                                r#"{"accountIds":["sample-accountIds"],"cursor":"sample-cursor","directoryIds":["sample-directoryIds"],"expand":["counts.resources"],"groupIds":["sample-groupIds"],"groupNames":["sample-groupNames"],"limit":2,"resourceIds":["sample-resourceIds"],"resourceOwners":["sample-resourceOwners"],"roleIds":["sample-roleIds"],"searchTerm":"sample-searchTerm","sortBy":[{"direction":"asc","field":"name"}]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "searchDirectoryUsers",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/search",
            query: &[],
            request: Some(
                r#"{"accountIds":["sample-accountIds"],"accountStatus":["active"],"claimStatus":"managed","cursor":"sample-cursor","directoryIds":["sample-directoryIds"],"emailDomains":["sample-emailDomains"],"emails":["sample-emails"],"expand":["platformRoles"],"groupIds":["sample-groupIds"],"limit":2,"membershipStatus":["active"],"mfaEnabled":true,"resourceIds":["sample-resourceIds"],"roleIds":["atlassian/user"],"searchTerm":"sample-searchTerm","sortBy":[{"direction":"asc","field":"nick_name"}],"status":["active"]}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"data":[{"accountId":"sample-accountId","accountStatus":"active","accountType":"atlassian","addedToOrg":"sample-addedToOrg","avatar":"sample-avatar","claimStatus":"managed","counts":{"resources":2},"department":"sample-department","email":"sample-email","emailVerified":true,"groups":[{"description":"sample-description","id":"sample-id","name":"sample-name"}],"jobTitle":"sample-jobTitle","links":{"self":"sample-self"},"location":"sample-location","managementSource":"invited","membershipStatus":"active","mfaEnabled":true,"name":"sample-name","nickname":"sample-nickname","organization":"sample-organization","picture":"sample-picture","platformRoles":["atlassian/org-admin"],"productAccess":[{"id":"sample-id","key":"sample-key","lastActiveTimestamp":"2024-05-01T12:30:00Z"}],"status":"active","timeZone":"sample-timeZone"}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .search_directory_users()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::DirectoryUserSearchRequest,
                            >(
                                r#"{"accountIds":["sample-accountIds"],"accountStatus":["active"],"claimStatus":"managed","cursor":"sample-cursor","directoryIds":["sample-directoryIds"],"emailDomains":["sample-emailDomains"],"emails":["sample-emails"],"expand":["platformRoles"],"groupIds":["sample-groupIds"],"limit":2,"membershipStatus":["active"],"mfaEnabled":true,"resourceIds":["sample-resourceIds"],"roleIds":["atlassian/user"],"searchTerm":"sample-searchTerm","sortBy":[{"direction":"asc","field":"nick_name"}],"status":["active"]}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "searchGroups",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/groups/search",
            query: &[],
            request: Some(
                r#"{"cursor":"sample-cursor","expand":["USERS"],"groupIds":["sample-groupIds"],"groupNames":{"contains":"sample-contains","eq":["sample-eq"]},"limit":2}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"data":[{"description":"sample-description","id":"sample-id","name":"sample-name","roleAssignments":[{"principalId":"sample-principalId","resourceId":"sample-resourceId","roleId":"sample-roleId"}]}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .search_groups()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::OrgGroupSearchRequest,
                        >(
                            r#"{"cursor":"sample-cursor","expand":["USERS"],"groupIds":["sample-groupIds"],"groupNames":{"contains":"sample-contains","eq":["sample-eq"]},"limit":2}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "searchUsers",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/users/search",
            query: &[],
            request: Some(
                r#"{"accountIds":["sample-accountIds"],"accountStatuses":["ACTIVE"],"accountTypes":["atlassian"],"cursor":"sample-cursor","emailDomains":{"contains":"sample-contains","eq":["sample-eq"]},"emailUsernames":{"contains":"sample-contains","eq":["sample-eq"]},"expand":["NAME"],"isSuspended":true,"limit":2,"namesOrNicknames":{"contains":"sample-contains","eq":["sample-eq"]}}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"data":[{"accountId":"sample-accountId","accountStatus":"active","accountType":"atlassian","email":"sample-email","emailVerified":true,"name":"sample-name","nickname":"sample-nickname","statusInUserbase":true}],"links":{"next":"sample-next","prev":"sample-prev","self":"sample-self"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .search_users()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::OrgUserSearchRequest,
                        >(
                            r#"{"accountIds":["sample-accountIds"],"accountStatuses":["ACTIVE"],"accountTypes":["atlassian"],"cursor":"sample-cursor","emailDomains":{"contains":"sample-contains","eq":["sample-eq"]},"emailUsernames":{"contains":"sample-contains","eq":["sample-eq"]},"expand":["NAME"],"isSuspended":true,"limit":2,"namesOrNicknames":{"contains":"sample-contains","eq":["sample-eq"]}}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "setManagedUserEmail",
            method: "PUT",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/email",
            query: &[],
            request: Some(r#"{"email":"sample-email"}"#),
            success: (204, None),
            error: Some((
                400,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .set_managed_user_email()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ManagedUserEmailUpdate,
                            >(r#"{"email":"sample-email"}"#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "suspendDirectoryUser",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/directories/sample-directoryId/users/sample-accountId/suspend",
            query: &[],
            request: None,
            success: (204, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .suspend_directory_user()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .directory_id(
                            sample::<::std::string::String>(r#""sample-directoryId""#),
                        )
                        .account_id(
                            sample::<::std::string::String>(r#""sample-accountId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "suspendUserAccess",
            method: "POST",
            path: "/admin/v1/orgs/sample-orgId/directory/users/sample-accountId/suspend-access",
            query: &[],
            request: None,
            success: (200, Some(r#"{"message":"sample-message"}"#)),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .suspend_user_access()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .account_id(sample::<::std::string::String>(r#""sample-accountId""#))
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "updateControlPolicy",
            method: "PUT",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: Some(
                r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .update_control_policy()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .policy_id(sample::<::std::string::String>(r#""sample-policyId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::ControlPolicyUpdateRequest,
                        >(
                            r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "updateControlPolicyResource",
            method: "PUT",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId/resources/sample-resourceId",
            query: &[],
            request: Some(
                r#"{"links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDateTime":"sample-migrationEndDateTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"applicationStatus":"validating","id":"sample-id","links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDateTime":"sample-migrationEndDateTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .update_control_policy_resource()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .resource_id(
                            sample::<::std::string::String>(r#""sample-resourceId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ControlPolicyResourceUpdate,
                            >(
                                r#"{"links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDateTime":"sample-migrationEndDateTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "updateControlPolicyV2",
            method: "PUT",
            path: "/admin/control/v2/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: Some(
                r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"export":{}},"status":"draft","type":"data-security","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                #[allow(deprecated)]
                let result = client
                    .update_control_policy_v2()
                    .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                    .policy_id(sample::<::std::string::String>(r#""sample-policyId""#))
                    .body(
                        sample::<
                            atlassian_admin_api::types::ControlPolicyUpdateRequest,
                        >(
                            r#"{"data":{"attributes":{"createdAt":"2024-05-01T12:30:00Z","id":"sample-id","metadata":{"createdBy":"sample-createdBy","description":"sample-description","hasHadCoverage":true,"lastUpdatedBy":"sample-lastUpdatedBy","policyCoverageLevel":"UNASSIGNED","systemTag":"sample-systemTag"},"name":"sample-name","ownerId":"sample-ownerId","queryData":{"sample-key":"sample-extra"},"rule":{"allowMobileBypass":true,"export":{},"in":["sample-in"]},"status":"enabled","type":"data-residency","updatedAt":"2024-05-01T12:30:00Z"},"id":"sample-id","type":"policy"}}"#,
                        ),
                    )
                    .send()
                    .await;
                outcome(result)
            }),
        },
        Case {
            operation_id: "updateManagedUserProfile",
            method: "PATCH",
            path: "/users/712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f/manage/profile",
            query: &[],
            request: Some(
                r#"{"account_id":"sample-account_id","account_status":"active","account_type":"atlassian","characteristics":{"not_mentionable":true},"email":"sample-email","extended_profile":{"department":"sample-department","job_title":"sample-job_title","location":"sample-location","organization":"sample-organization"},"locale":"sample-locale","name":"sample-name","nickname":"sample-nickname","picture":"sample-picture","zoneinfo":"sample-zoneinfo"}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"account":{"account_id":"712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f","account_status":"active","account_type":"atlassian","characteristics":{"not_mentionable":true},"email":"sample-email","email_verified":true,"extended_profile":{"department":"sample-department","job_title":"sample-job_title","location":"sample-location","organization":"sample-organization"},"locale":"sample-locale","name":"sample-name","nickname":"sample-nickname","picture":"sample-picture","privacy_settings":{"sample-key":"sample-extra"},"team_type":"sample-team_type","zoneinfo":"sample-zoneinfo"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"context":{"accountId":"sample-accountId","allowed":true,"domain":"sample-domain","errorCodes":[{"code":"sample-code","link":"sample-link","message":"sample-message"}],"fieldViolations":[{"field":"sample-field","violations":[{"key":"sample-key"}]}],"message":"sample-message","reason":{"key":"administrative"}},"key":"unauthorized"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .update_managed_user_profile()
                        .account_id(
                            sample::<
                                ::std::string::String,
                            >(r#""712020:5f0b8d4e-2c1a-4e7b-9d3f-0a1b2c3d4e5f""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::ManagedUserProfileUpdate,
                            >(
                                r#"{"account_id":"sample-account_id","account_status":"active","account_type":"atlassian","characteristics":{"not_mentionable":true},"email":"sample-email","extended_profile":{"department":"sample-department","job_title":"sample-job_title","location":"sample-location","organization":"sample-organization"},"locale":"sample-locale","name":"sample-name","nickname":"sample-nickname","picture":"sample-picture","zoneinfo":"sample-zoneinfo"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "updatePolicy",
            method: "PUT",
            path: "/admin/v1/orgs/sample-orgId/policies/sample-policyId",
            query: &[],
            request: Some(
                r#"{"data":{"attributes":{"name":"sample-name","resources":[{"id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"name":"sample-name","resources":[{"applicationStatus":"applying","id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .update_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::OrgPolicyUpdateRequest,
                            >(
                                r#"{"data":{"attributes":{"name":"sample-name","resources":[{"id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "updatePolicyResource",
            method: "PUT",
            path: "/admin/v1/orgs/sample-orgId/policies/sample-policyId/resources/sample-resourceId",
            query: &[],
            request: Some(
                r#"{"links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDataTime":"sample-migrationEndDataTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
            ),
            success: (
                202,
                Some(
                    r#"{"data":{"attributes":{"name":"sample-name","resources":[{"applicationStatus":"applying","id":"sample-id","links":{},"meta":{}}],"rule":{"in":["sample-in"]},"status":"enabled","type":"ip-allowlist"},"id":"sample-id","type":"policy"}}"#,
                ),
            ),
            error: Some((
                401,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .update_policy_resource()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .resource_id(
                            sample::<::std::string::String>(r#""sample-resourceId""#),
                        )
                        .body(
                            sample::<
                                atlassian_admin_api::types::OrgPolicyResourceUpdate,
                            >(
                                r#"{"links":{"ticket":"sample-ticket"},"meta":{"atlassianAccountId":"sample-atlassianAccountId","migrationEndDataTime":"sample-migrationEndDataTime","migrationStartDateTime":"sample-migrationStartDateTime","scheduledDate":"sample-scheduledDate"}}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "updateServiceAccount",
            method: "PATCH",
            path: "/admin/api-access/v1/orgs/sample-orgId/service-accounts",
            query: &[],
            request: Some(
                r#"{"atlassianId":"sample-atlassianId","description":"sample-description","displayName":"sample-displayName"}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"atlassianId":"sample-atlassianId","container":"sample-container","createdById":"sample-createdById","description":"sample-description","displayName":"sample-displayName","email":"sample-email","id":"sample-id","picture":"sample-picture","status":"sample-status","updatedAt":2}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"errors":[{"code":"INVALID_API_TOKEN_SEARCH_QUERY","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}]}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .update_service_account()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::ServiceAccountUpdateRequest,
                            >(
                                r#"{"atlassianId":"sample-atlassianId","description":"sample-description","displayName":"sample-displayName"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "upsertAppAccessSettingsProduct",
            method: "POST",
            path: "/admin/v2/orgs/sample-orgId/app-access-settings/domains/sample-domain/products",
            query: &[],
            request: Some(
                r#"{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}"#,
            ),
            success: (
                200,
                Some(
                    r#"{"adminNotifications":true,"domain":"sample-domain","enabled":true,"products":[{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}]}"#,
                ),
            ),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .upsert_app_access_settings_product()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .domain(sample::<::std::string::String>(r#""sample-domain""#))
                        .body(
                            sample::<
                                atlassian_admin_api::types::AppAccessProductSetting,
                            >(
                                r#"{"adminApprovalRequired":true,"productId":"sample-productId","role":"sample-role"}"#,
                            ),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "validateControlPolicy",
            method: "GET",
            path: "/admin/control/v1/orgs/sample-orgId/policies/sample-policyId/validate",
            query: &[],
            request: None,
            success: (202, None),
            error: Some((
                400,
                r#"{"code":2,"errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message"}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .validate_control_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
        Case {
            operation_id: "validatePolicy",
            method: "GET",
            path: "/admin/v1/orgs/sample-orgId/policies/sample-policyId/validate",
            query: &[],
            request: None,
            success: (202, None),
            error: Some((
                400,
                r#"{"code":1.5,"error":"sample-error","errors":[{"code":"sample-code","detail":"sample-detail","id":"sample-id","status":"sample-status","title":"sample-title"}],"message":"sample-message","path":"sample-path","requestId":"sample-requestId","status":2}"#,
            )),
            call: |client: Client| Box::pin(async move {
                outcome(
                    client
                        .validate_policy()
                        .org_id(sample::<::std::string::String>(r#""sample-orgId""#))
                        .policy_id(
                            sample::<::std::string::String>(r#""sample-policyId""#),
                        )
                        .send()
                        .await,
                )
            }),
        },
    ])
}
