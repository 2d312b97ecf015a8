//! Organization API against the twin: orgs, domains, the audit log and its
//! stream, directories, users and groups (v2 and the deprecated v1), each
//! call's answer checked against the spec.

mod common;

use common::Twin;
use serde_json::json;

#[test]
fn orgs_and_domains() {
    let t = Twin::seeded();
    let orgs = t.call("getOrgs", &[], &[], None);
    assert_eq!(orgs.status, 200);
    assert_eq!(orgs.body["data"][0]["id"], t.org.as_str());
    let org = t.call("getOrgById", &[], &[], None);
    assert_eq!(org.body["data"]["attributes"]["name"], "Acme Rocketry");
    let other = t.call("getOrgById", &[("orgId", "someone-else")], &[], None);
    assert_eq!(other.status, 404);

    let domains = t.call("getDomains", &[], &[], None);
    let first = domains.body["data"][0]["id"]
        .as_str()
        .expect("domain id")
        .to_owned();
    assert_eq!(domains.body["data"].as_array().map(Vec::len), Some(2));
    let one = t.call("getDomainById", &[("domainId", &first)], &[], None);
    assert_eq!(one.body["data"]["attributes"]["name"], "acme.example");
    assert_eq!(
        t.call("getDomainById", &[("domainId", "nope")], &[], None)
            .status,
        404
    );
}

#[test]
fn writes_append_audit_events_to_pages_and_stream() {
    let t = Twin::seeded();
    let before = t.call("getEvents", &[], &[("limit", "100")], None);
    assert_eq!(before.body["data"].as_array().map(Vec::len), Some(25));
    let account = t.api.snapshot().users[4].account_id.clone();
    assert_eq!(
        t.call(
            "suspendDirectoryUser",
            &[("accountId", &account)],
            &[],
            None
        )
        .status,
        204
    );

    let after = t.call("getEvents", &[], &[("limit", "100")], None);
    let last = &after.body["data"][25];
    assert_eq!(last["attributes"]["action"], "user_suspended");
    assert_eq!(last["attributes"]["context"][0]["id"], account.as_str());
    let id = last["id"].as_str().expect("event id").to_owned();
    let one = t.call("getEventById", &[("eventId", &id)], &[], None);
    assert_eq!(one.body["data"]["id"], id.as_str());
    assert_eq!(
        t.call("getEventById", &[("eventId", "event-999")], &[], None)
            .status,
        404
    );

    // The stream: every page carries the cursor to poll again; new events appear behind it.
    let mut cursor: Option<String> = None;
    let mut seen = 0;
    loop {
        let q: Vec<(&str, &str)> = match &cursor {
            Some(c) => vec![("limit", "10"), ("cursor", c.as_str())],
            None => vec![("limit", "10")],
        };
        let page = t.call("pollEvents", &[], &q, None);
        let n = page.body["data"].as_array().map_or(0, Vec::len);
        seen += n;
        cursor = page.body["meta"]["next"].as_str().map(str::to_owned);
        assert!(cursor.is_some(), "a feed page always has a next cursor");
        if n == 0 {
            break;
        }
    }
    assert_eq!(seen, 26);
    assert_eq!(
        t.call(
            "restoreDirectoryUser",
            &[("accountId", &account)],
            &[],
            None
        )
        .status,
        204
    );
    let c = cursor.expect("cursor");
    let newer = t.call("pollEvents", &[], &[("cursor", &c)], None);
    assert_eq!(
        newer.body["data"][0]["attributes"]["action"],
        "user_restored"
    );

    let actions = t.call("getEventActions", &[], &[], None);
    let ids: Vec<&str> = actions.body["data"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert_eq!(ids, ["user_restored", "user_suspended"]);

    // A malformed parameter gets a 400 in the organization shape.
    let bad = t.call("getEvents", &[], &[("limit", "0")], None);
    assert_eq!(bad.status, 400);
    assert!(bad.body["errors"][0]["detail"]
        .as_str()
        .unwrap_or("")
        .contains("limit"));
}

#[test]
fn v1_users_list_pages_with_totals() {
    let t = Twin::seeded();
    let page = t.call("getUsers", &[], &[], None);
    assert_eq!(page.body["meta"]["total"], 45);
    assert_eq!(page.body["data"].as_array().map(Vec::len), Some(45));
}

#[test]
fn dash_means_every_directory() {
    let t = Twin::seeded();
    let dirs = t.call("getDirectoriesForOrg", &[], &[], None);
    assert_eq!(dirs.body["data"][0]["directoryId"], t.dir.as_str());
    let all = t.call(
        "getDirectoryUsers",
        &[("directoryId", "-")],
        &[("limit", "100")],
        None,
    );
    assert_eq!(all.status, 200);
    assert_eq!(all.body["data"].as_array().map(Vec::len), Some(45));
    let wrong = t.call(
        "getDirectoryUsers",
        &[("directoryId", "not-a-directory")],
        &[],
        None,
    );
    assert_eq!(wrong.status, 404);
}

#[test]
fn directory_users_filters_counts_stats_and_removal() {
    let t = Twin::seeded();
    let snapshot = t.api.snapshot();
    let group = snapshot.groups[2].clone();
    let in_group = t.call(
        "getDirectoryUsers",
        &[],
        &[("groupIds", &group.id), ("limit", "100")],
        None,
    );
    let ids: Vec<&str> = in_group.body["data"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|u| u["accountId"].as_str())
        .collect();
    assert_eq!(
        ids,
        group.members.iter().map(String::as_str).collect::<Vec<_>>()
    );

    let count = t.call(
        "getDirectoryUsersCount",
        &[],
        &[("status", "suspended")],
        None,
    );
    assert_eq!(count.body["count"], 2);
    let stats = t.call("getDirectoryUserStats", &[], &[], None);
    assert_eq!(
        stats.body["accountStatus"][0],
        json!({"status": "active", "count": 45})
    );

    let ken = t.call(
        "searchDirectoryUsers",
        &[],
        &[],
        Some(json!({"emails": ["ken.hamilton@acme.example"]})),
    );
    let account = ken.body["data"][0]["accountId"]
        .as_str()
        .expect("found")
        .to_owned();
    let details = t.call(
        "getDirectoryUserDetails",
        &[("accountId", &account)],
        &[],
        None,
    );
    assert_eq!(details.body["data"]["email"], "ken.hamilton@acme.example");

    assert_eq!(
        t.call("removeDirectoryUser", &[("accountId", &account)], &[], None)
            .status,
        204
    );
    assert_eq!(
        t.call(
            "getDirectoryUserDetails",
            &[("accountId", &account)],
            &[],
            None
        )
        .status,
        404
    );
    assert_eq!(
        t.call("getDirectoryUsersCount", &[], &[], None).body["count"],
        44
    );
    assert!(t
        .api
        .snapshot()
        .groups
        .iter()
        .all(|g| !g.members.contains(&account)));
    let both = t.call(
        "searchDirectoryUsers",
        &[],
        &[],
        Some(json!({"emails": ["a@b"], "searchTerm": "a"})),
    );
    assert_eq!(both.status, 400);
}

#[test]
fn groups_lifecycle_and_search_by_member() {
    let t = Twin::seeded();
    assert_eq!(
        t.call(
            "createDirectoryGroup",
            &[],
            &[],
            Some(json!({"name": "launch-crew", "description": "T-minus"}))
        )
        .status,
        201
    );
    assert_eq!(
        t.call(
            "createDirectoryGroup",
            &[],
            &[],
            Some(json!({"name": "launch-crew"}))
        )
        .status,
        409
    );
    let found = t.call(
        "searchDirectoryGroups",
        &[],
        &[],
        Some(json!({"groupNames": ["launch-crew"]})),
    );
    let id = found.body["data"][0]["id"]
        .as_str()
        .expect("created group")
        .to_owned();
    let got = t.call("getDirectoryGroup", &[("groupId", &id)], &[], None);
    assert_eq!(got.body["data"]["description"], "T-minus");

    let account = t.api.snapshot().users[40].account_id.clone();
    assert_eq!(
        t.call(
            "addDirectoryGroupMember",
            &[("groupId", &id)],
            &[],
            Some(json!({"accountId": account}))
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "addDirectoryGroupMember",
            &[("groupId", &id)],
            &[],
            Some(json!({"accountId": account}))
        )
        .status,
        409
    );
    // The accountIds filter: only the groups this user is in.
    let theirs = t.call(
        "searchDirectoryGroups",
        &[],
        &[],
        Some(json!({"accountIds": [account]})),
    );
    let expected: Vec<String> = t
        .api
        .snapshot()
        .groups
        .iter()
        .filter(|g| g.members.contains(&account))
        .map(|g| g.id.clone())
        .collect();
    let got: Vec<&str> = theirs.body["data"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|g| g["id"].as_str())
        .collect();
    assert_eq!(got, expected);
    assert!(got.contains(&id.as_str()));
    let listed = t.call("getGroups", &[], &[("accountIds", &account)], None);
    assert_eq!(
        listed.body["data"].as_array().map(Vec::len),
        Some(expected.len())
    );

    assert_eq!(
        t.call("getDirectoryGroupsCount", &[], &[], None).body["count"],
        9
    );
    assert_eq!(
        t.call("getDirectoryGroupStats", &[], &[], None).body["totals"]["all"],
        9
    );
    assert_eq!(
        t.call(
            "removeDirectoryGroupMember",
            &[("groupId", &id), ("accountId", &account)],
            &[],
            None
        )
        .status,
        204
    );
    assert_eq!(
        t.call(
            "removeDirectoryGroupMember",
            &[("groupId", &id), ("accountId", &account)],
            &[],
            None
        )
        .status,
        404
    );
    assert_eq!(
        t.call("deleteDirectoryGroup", &[("groupId", &id)], &[], None)
            .status,
        204
    );
    assert_eq!(
        t.call("getDirectoryGroup", &[("groupId", &id)], &[], None)
            .status,
        404
    );
}

#[test]
fn deprecated_v1_directory_acts_on_the_same_state() {
    let t = Twin::seeded();
    let account = t.api.snapshot().users[1].account_id.clone();
    assert_eq!(
        t.call("restoreUserAccess", &[("accountId", &account)], &[], None)
            .status,
        409
    );
    assert_eq!(
        t.call("suspendUserAccess", &[("accountId", &account)], &[], None)
            .status,
        200
    );
    let details = t.call(
        "getDirectoryUserDetails",
        &[("accountId", &account)],
        &[],
        None,
    );
    assert_eq!(details.body["data"]["status"], "suspended");
    assert_eq!(
        t.call("restoreUserAccess", &[("accountId", &account)], &[], None)
            .status,
        200
    );

    let created = t.call(
        "createOrgGroup",
        &[],
        &[],
        Some(json!({"name": "v1-group"})),
    );
    let gid = created.body["groupId"]
        .as_str()
        .expect("group id")
        .to_owned();
    assert_eq!(
        t.call(
            "addUserToOrgGroup",
            &[("groupId", &gid)],
            &[],
            Some(json!({"account_id": account}))
        )
        .status,
        200
    );
    assert!(t
        .api
        .snapshot()
        .groups
        .iter()
        .any(|g| g.id == gid && g.members == [account.clone()]));
    assert_eq!(
        t.call(
            "removeUserFromOrgGroup",
            &[("groupId", &gid), ("accountId", &account)],
            &[],
            None
        )
        .status,
        200
    );
    assert_eq!(
        t.call("deleteOrgGroup", &[("groupId", &gid)], &[], None)
            .status,
        200
    );
    assert!(t.api.snapshot().groups.iter().all(|g| g.id != gid));

    assert_eq!(
        t.call("removeUserAccess", &[("accountId", &account)], &[], None)
            .status,
        204
    );
    assert!(t
        .api
        .snapshot()
        .users
        .iter()
        .all(|u| u.account_id != account));
}

#[test]
fn v1_user_and_group_searches() {
    let t = Twin::seeded();
    let hamiltons = t.call(
        "searchUsers",
        &[],
        &[],
        Some(json!({"namesOrNicknames": {"contains": "hamilton"}, "limit": 3})),
    );
    assert_eq!(hamiltons.body["data"].as_array().map(Vec::len), Some(3));
    let cursor = hamiltons.body["links"]["next"]
        .as_str()
        .expect("more pages")
        .to_owned();
    // Not `body-alone`: the filters go again beside the cursor.
    let again = json!({"namesOrNicknames": {"contains": "hamilton"}, "cursor": cursor});
    let rest = t.call("searchUsers", &[], &[], Some(again));
    assert_eq!(
        rest.body["data"].as_array().map(Vec::len),
        Some(6),
        "the last page of the nine Hamiltons"
    );
    let suspended = t.call("searchUsers", &[], &[], Some(json!({"isSuspended": true})));
    assert_eq!(suspended.body["data"].as_array().map(Vec::len), Some(2));
    let exact = t.call(
        "searchUsers",
        &[],
        &[],
        Some(json!({"emailUsernames": {"eq": ["ken.hamilton"]}})),
    );
    assert_eq!(exact.body["data"][0]["name"], "Ken Hamilton");
    let groups = t.call(
        "searchGroups",
        &[],
        &[],
        Some(json!({"groupNames": {"contains": "on-"}})),
    );
    let names: Vec<&str> = groups.body["data"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|g| g["name"].as_str())
        .collect();
    assert_eq!(names, ["on-call"]);
}
