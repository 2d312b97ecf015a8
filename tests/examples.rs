//! Example responses decode into the generated success types: the user's own
//! samples (`*.seed.json`, copied verbatim from seeds 000 and 002) and at least
//! one realistic response per API family, written for this project.

use atlassian_admin_api::types;
use serde::de::DeserializeOwned;

type Decoder = fn(&str) -> Result<(), serde_json::Error>;

fn decode<T: DeserializeOwned>(text: &str) -> Result<(), serde_json::Error> {
    serde_json::from_str::<T>(text).map(drop)
}

/// Every example file, with the success type of its operation (the file name
/// starts with the operationId).
fn examples() -> Vec<(&'static str, Decoder)> {
    vec![
        ("api-access/countOrgApiTokens.json", decode::<i64>),
        (
            "api-access/countServiceAccountApiTokens.json",
            decode::<types::ServiceAccountCredentialCounts>,
        ),
        (
            "api-access/createServiceAccount.json",
            decode::<types::ServiceAccountCreated>,
        ),
        (
            "api-access/getOAuthClient.json",
            decode::<types::OAuthClient>,
        ),
        (
            "api-access/listOAuthClients.json",
            decode::<types::OAuthClientPage>,
        ),
        (
            "api-access/listOrgApiKeys.json",
            decode::<types::ApiKeyPage>,
        ),
        (
            "api-access/listOrgApiTokens.json",
            decode::<types::ApiTokenPage>,
        ),
        (
            "api-access/listServiceAccountApiTokens.json",
            decode::<Vec<types::ServiceAccountApiToken>>,
        ),
        (
            "api-access/listServiceAccountOAuthClients.json",
            decode::<Vec<types::ServiceAccountOAuthClient>>,
        ),
        (
            "api-access/listServiceAccounts.json",
            decode::<types::ServiceAccountPage>,
        ),
        (
            "control/addUsersToAuthPolicy.json",
            decode::<types::AuthPolicyTask>,
        ),
        (
            "control/addUsersToAuthPolicy.seed.json",
            decode::<types::AuthPolicyTask>,
        ),
        (
            "control/bulkFetchUserAuthPolicies.json",
            decode::<Vec<types::AuthPolicyUserInfo>>,
        ),
        (
            "control/bulkFetchUserAuthPolicies.seed.json",
            decode::<Vec<types::AuthPolicyUserInfo>>,
        ),
        (
            "control/getAuthPolicyTaskStatus.failure.seed.json",
            decode::<types::AuthPolicyTaskStatus>,
        ),
        (
            "control/getAuthPolicyTaskStatus.json",
            decode::<types::AuthPolicyTaskStatus>,
        ),
        (
            "control/getAuthPolicyTaskStatus.seed.json",
            decode::<types::AuthPolicyTaskStatus>,
        ),
        (
            "control/getControlPolicyV2.json",
            decode::<types::ControlPolicyResponseV2>,
        ),
        (
            "control/listControlPolicies.json",
            decode::<types::ControlPolicyPage>,
        ),
        (
            "control/listControlPoliciesV2.json",
            decode::<types::ControlPolicyPageV2>,
        ),
        (
            "control/listControlPolicyResources.json",
            decode::<types::ControlPolicyResourcePage>,
        ),
        (
            "control/listControlPolicyResourcesV2.json",
            decode::<types::ControlPolicyResourcePageV2>,
        ),
        (
            "control/publishControlDraftPolicies.json",
            decode::<types::ControlPublishDraftPoliciesResponse>,
        ),
        (
            "org-v1/addUserToOrgGroup.seed.json",
            decode::<types::OrgActionMessage>,
        ),
        (
            "org-v1/assignRoleToGroup.json",
            decode::<types::OrgGroupRolesChange>,
        ),
        (
            "org-v1/assignRoleToGroup.seed.json",
            decode::<types::OrgGroupRolesChange>,
        ),
        (
            "org-v1/createOrgGroup.json",
            decode::<types::OrgGroupCreated>,
        ),
        (
            "org-v1/createOrgGroup.seed.json",
            decode::<types::OrgGroupCreated>,
        ),
        (
            "org-v1/deleteOrgGroup.seed.json",
            decode::<types::OrgActionMessage>,
        ),
        ("org-v1/getDomainById.json", decode::<types::DomainEnvelope>),
        ("org-v1/getDomains.json", decode::<types::DomainPage>),
        (
            "org-v1/getEventActions.json",
            decode::<types::EventActionList>,
        ),
        ("org-v1/getEventById.json", decode::<types::EventEnvelope>),
        ("org-v1/getEvents.json", decode::<types::EventPage>),
        ("org-v1/getOrgById.json", decode::<types::OrgEnvelope>),
        ("org-v1/getOrgs.json", decode::<types::OrgPage>),
        ("org-v1/getPolicies.json", decode::<types::OrgPolicyPage>),
        (
            "org-v1/getPolicyById.json",
            decode::<types::OrgPolicyEnvelope>,
        ),
        (
            "org-v1/getUserLastActiveDates.json",
            decode::<types::UserLastActiveDatesPage>,
        ),
        ("org-v1/getUsers.json", decode::<types::OrgUserPage>),
        (
            "org-v1/inviteUserToOrg.json",
            decode::<types::OrgInvitedAccountIds>,
        ),
        (
            "org-v1/inviteUserToOrg.seed.json",
            decode::<types::OrgInvitedAccountIds>,
        ),
        ("org-v1/pollEvents.json", decode::<types::EventStreamPage>),
        (
            "org-v1/removeUserFromOrgGroup.seed.json",
            decode::<types::OrgActionMessage>,
        ),
        (
            "org-v1/restoreUserAccess.seed.json",
            decode::<types::OrgActionMessage>,
        ),
        (
            "org-v1/revokeRoleFromGroup.seed.json",
            decode::<types::OrgGroupRolesChange>,
        ),
        (
            "org-v1/searchGroups.json",
            decode::<types::OrgGroupSearchPage>,
        ),
        (
            "org-v1/searchUsers.json",
            decode::<types::OrgUserSearchPage>,
        ),
        (
            "org-v1/suspendUserAccess.seed.json",
            decode::<types::OrgActionMessage>,
        ),
        (
            "org-v2/getAppAccessSettingsDomain.json",
            decode::<types::AppAccessDomainDetail>,
        ),
        (
            "org-v2/getDirectoriesForOrg.json",
            decode::<types::DirectorySummaryPage>,
        ),
        (
            "org-v2/getDirectoryGroup.json",
            decode::<types::DirectoryGroupDetails>,
        ),
        (
            "org-v2/getDirectoryGroupRoleAssignments.json",
            decode::<types::DirectoryGroupRoleAssignmentPage>,
        ),
        (
            "org-v2/getDirectoryGroupStats.json",
            decode::<types::DirectoryGroupStats>,
        ),
        (
            "org-v2/getDirectoryGroupsCount.json",
            decode::<types::DirectoryGroupCount>,
        ),
        (
            "org-v2/getDirectoryUserDetails.json",
            decode::<types::DirectoryUserDetails>,
        ),
        (
            "org-v2/getDirectoryUserRoleAssignments.json",
            decode::<types::DirectoryUserRoleAssignmentPage>,
        ),
        (
            "org-v2/getDirectoryUserStats.json",
            decode::<types::DirectoryUserStats>,
        ),
        (
            "org-v2/getDirectoryUsers.json",
            decode::<types::DirectoryUserPage>,
        ),
        (
            "org-v2/getDirectoryUsersCount.json",
            decode::<types::DirectoryUserCount>,
        ),
        ("org-v2/getGroups.json", decode::<types::DirectoryGroupPage>),
        (
            "org-v2/inviteUsers.json",
            decode::<types::InviteUsersResult>,
        ),
        (
            "org-v2/listAppAccessSettingsDomains.json",
            decode::<types::AppAccessDomainPage>,
        ),
        (
            "org-v2/queryWorkspacesV2.json",
            decode::<types::WorkspacePage>,
        ),
        (
            "org-v2/searchDirectoryGroups.json",
            decode::<types::DirectoryGroupSearchPage>,
        ),
        (
            "org-v2/searchDirectoryUsers.json",
            decode::<types::DirectoryUserSearchPage>,
        ),
        (
            "scim/getScimEnterpriseUserSchema.json",
            decode::<types::ScimSchemaDefinition>,
        ),
        (
            "scim/getScimServiceProviderConfig.json",
            decode::<types::ScimServiceProviderConfig>,
        ),
        ("scim/getScimUser.json", decode::<types::ScimUser>),
        ("scim/listScimGroups.json", decode::<types::ScimGroupList>),
        (
            "scim/listScimResourceTypes.json",
            decode::<types::ScimResourceTypeList>,
        ),
        ("scim/listScimUsers.json", decode::<types::ScimUserList>),
        ("scim/patchScimGroup.json", decode::<types::ScimGroup>),
        (
            "user-management/deleteManagedUser.json",
            decode::<types::ManagedUserLifecycleResult>,
        ),
        (
            "user-management/getManagedUserPermissions.json",
            decode::<types::ManagedUserPermissions>,
        ),
        (
            "user-management/getManagedUserProfile.json",
            decode::<types::ManagedUserProfileResponse>,
        ),
        (
            "user-management/listManagedUserApiTokens.json",
            decode::<types::ManagedUserApiTokenList>,
        ),
    ]
}

fn fixture(rel: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/examples/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_example_decodes_into_its_success_type() {
    let failures: Vec<String> = examples()
        .into_iter()
        .filter_map(|(rel, decode)| decode(&fixture(rel)).err().map(|e| format!("{rel}: {e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "examples that do not decode:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_example_file_is_listed() {
    let listed: Vec<&str> = examples().into_iter().map(|(rel, _)| rel).collect();
    let root = format!("{}/tests/fixtures/examples", env!("CARGO_MANIFEST_DIR"));
    let mut families = 0;
    for family in std::fs::read_dir(&root).expect("examples dir") {
        let family = family.expect("entry").path();
        families += 1;
        for file in std::fs::read_dir(&family).expect("family dir") {
            let file = file.expect("entry").path();
            let rel = file
                .strip_prefix(&root)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            assert!(listed.contains(&rel.as_str()), "{rel} is not in examples()");
        }
    }
    assert_eq!(families, 6, "one folder of examples per API family");
}

#[test]
fn seed_000_task_status_keeps_failure_reasons() {
    let status: types::AuthPolicyTaskStatus = serde_json::from_str(&fixture(
        "control/getAuthPolicyTaskStatus.failure.seed.json",
    ))
    .expect("decodes");
    assert_eq!(
        (status.success_count, status.failure_count),
        (Some(1), Some(1))
    );
    assert_eq!(
        status.failure_reasons[0].emails,
        ["doesNotExist@domain.com"]
    );
}

#[test]
fn open_enums_keep_values_added_later() {
    let known: types::DirectoryAccountStatus =
        serde_json::from_str("\"active\"").expect("known value");
    assert_eq!(known, types::DirectoryAccountStatus::Active);
    let later: types::DirectoryAccountStatus =
        serde_json::from_str("\"hibernating\"").expect("new value");
    assert_eq!(
        later,
        types::DirectoryAccountStatus::Unknown("hibernating".to_owned())
    );
    assert_eq!(
        serde_json::to_string(&later).expect("serializes"),
        "\"hibernating\""
    );
}
