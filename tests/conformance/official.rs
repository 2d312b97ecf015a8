//! Atlassian's official API descriptions, as the conformance check serves
//! them: every file of a directory (`organization.json`, `control.json`, ...),
//! with its paths written from the host like the curated spec, and the
//! known official defects that would hide everything else fixed in the
//! served copy (each one reported, with its reason).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// The official files, newest first: where two files describe the same
/// operation (the 2026-07-22 organization file repeats most of the current
/// one), the first wins.
pub const FILES: &[&str] = &[
    "organization.json",
    "organization-2026-07-22.json",
    "control.json",
    "api-access.json",
    "user-management.json",
    "user-provisioning.json",
];

/// One official file.
pub struct OfficialFile {
    pub name: &'static str,
    /// The document as served: paths prefixed with the server's base path,
    /// known defects patched.
    pub served: Value,
    /// What was patched, and why.
    pub patches: Vec<Patch>,
}

/// A known official defect, fixed in the served copy so that the rest of the
/// operation can still be checked.
#[derive(Clone)]
pub struct Patch {
    /// The curated operationIds it affects.
    pub operations: &'static [&'static str],
    pub reason: &'static str,
}

/// A known official defect that the check cannot work around: the answers of
/// these operations are expected not to decode, and are reported as known.
pub struct KnownAnswerDefect {
    pub operations: &'static [&'static str],
    pub reason: &'static str,
}

pub const KNOWN_ANSWER_DEFECTS: &[KnownAnswerDefect] = &[
    KnownAnswerDefect {
        operations: &[
            "listScimSchemas",
            "getScimUserSchema",
            "getScimGroupSchema",
            "getScimEnterpriseUserSchema",
            "listScimResourceTypes",
            "getScimUserResourceType",
            "getScimGroupResourceType",
            "getScimServiceProviderConfig",
        ],
        reason: "the official file types the SCIM discovery bodies as `type: string`; they are JSON objects \
                 (RFC 7643 §5-7), typed so in the curated spec (CURATION.md, SCIM 6)",
    },
];

/// Loads every official file found in `dir` (at least one must be there).
pub fn load(dir: &Path) -> Vec<OfficialFile> {
    let mut files = Vec::new();
    for &name in FILES {
        let path = dir.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let doc: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
        let (served, patches) = serve(name, doc);
        files.push(OfficialFile {
            name,
            served,
            patches,
        });
    }
    assert!(
        !files.is_empty(),
        "no official file ({}) in {}",
        FILES.join(", "),
        dir.display()
    );
    files
}

/// The base path of the file's first server (`/admin` for
/// `https://api.atlassian.com/admin`), which the curated paths include.
fn base_path(doc: &Value) -> String {
    let url = doc["servers"][0]["url"].as_str().unwrap_or("/");
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    path.trim_end_matches('/').to_owned()
}

fn serve(name: &str, mut doc: Value) -> (Value, Vec<Patch>) {
    let prefix = base_path(&doc);
    let mut patches = Vec::new();
    if let Some(paths) = doc["paths"].as_object_mut() {
        let old = std::mem::take(paths);
        for (path, item) in old {
            let mut full = format!("{prefix}{path}");
            if full.ends_with('\'') {
                full.pop();
                patches.push(Patch {
                    operations: &["revokeGroupRoles"],
                    reason: "a path ends with a stray quote (`.../role-assignments/revoke'`); served without it",
                });
            }
            paths.insert(full, item);
        }
    }
    doc["servers"] = serde_json::json!([{ "url": "/" }]);
    match name {
        "organization.json" | "organization-2026-07-22.json" => {
            let key = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{userId}";
            let mut renamed = false;
            let declared: Vec<Value> = doc["paths"][key]["get"]["parameters"]
                .as_array()
                .map(|ps| ps.iter().map(|p| deref(&doc, p).clone()).collect())
                .unwrap_or_default();
            if let Some(params) = doc["paths"][key]["get"]["parameters"].as_array_mut() {
                for (slot, mut param) in params.iter_mut().zip(declared) {
                    if param["in"] == "path" && param["name"] == "accountId" {
                        param["name"] = Value::from("userId");
                        *slot = param;
                        renamed = true;
                    }
                }
            }
            let mut uuids = 0;
            strip_uuid_formats(&mut doc, &mut uuids);
            if uuids > 0 {
                patches.push(Patch {
                    operations: &[
                        "assignOrgRole",
                        "revokeOrgRole",
                        "assignRole",
                        "revokeRole",
                        "assignRoleToGroup",
                        "revokeRoleFromGroup",
                        "searchUsers",
                        "searchGroups",
                    ],
                    reason: "org, account and group ids are declared `format: uuid`, but account ids look like \
                             `712020:...` and org ids are not UUIDs either; served without the uuid format \
                             (CURATION.md, Organization v1 5)",
                });
            }
            if renamed {
                patches.push(Patch {
                    operations: &["getDirectoryUserDetails"],
                    reason: "the `{userId}` path declares its parameter as `accountId`; served as `userId`",
                });
            }
        }
        "user-management.json" => {
            let mut fixed = 0;
            strip_pattern_newlines(&mut doc, &mut fixed);
            if fixed > 0 {
                patches.push(Patch {
                    operations: &[
                        "getManagedUserPermissions",
                        "getManagedUserProfile",
                        "updateManagedUserProfile",
                        "setManagedUserEmail",
                        "listManagedUserApiTokens",
                        "deleteManagedUserApiToken",
                        "disableManagedUser",
                        "enableManagedUser",
                        "deleteManagedUser",
                        "cancelManagedUserDeletion",
                    ],
                    reason: "the `account_id` pattern ends in a newline, so no account id matches it; served without \
                             the newline",
                });
            }
        }
        "control.json" => {
            // The data security attributes extend the base attributes, whose
            // `status` (enabled/disabled) contradicts their own (draft/active).
            let attrs = &mut doc["components"]["schemas"]["Models.DataSecurityPolicyAttributes"];
            if attrs["properties"].get("status").is_some() {
                if let Some(map) = attrs.as_object_mut() {
                    if map.remove("allOf").is_some() {
                        patches.push(Patch {
                            operations: &[
                                "createControlPolicyV2",
                                "updateControlPolicyV2",
                                "getControlPolicyV2",
                                "listControlPoliciesV2",
                            ],
                            reason: "data security policy attributes extend the base attributes, whose `status` \
                                     (enabled/disabled) contradicts their own (draft/active), so no policy is \
                                     valid; served without the base",
                        });
                    }
                }
            }
            let item =
                &mut doc["components"]["schemas"]["Models.PolicyResourcesAttachDetach"]["items"];
            let undefined = item["properties"].get("id").is_none();
            if let Some(required) = item["required"].as_array_mut() {
                if undefined && required.iter().any(|r| r == "id") {
                    required.retain(|r| r != "id");
                    patches.push(Patch {
                        operations: &["modifyControlPolicyResourcesV2"],
                        reason: "each item requires an `id` the schema never defines (the resource is named by \
                                 `resourceAri`); served without that requirement (CURATION.md, control)",
                    });
                }
            }
        }
        _ => {}
    }
    (doc, patches)
}

fn strip_uuid_formats(value: &mut Value, fixed: &mut usize) {
    match value {
        Value::Object(map) => {
            if map.get("format").is_some_and(|f| f == "uuid") {
                map.remove("format");
                *fixed += 1;
            }
            for v in map.values_mut() {
                strip_uuid_formats(v, fixed);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| strip_uuid_formats(v, fixed)),
        _ => {}
    }
}

fn strip_pattern_newlines(value: &mut Value, fixed: &mut usize) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(p)) = map.get_mut("pattern") {
                if p.ends_with('\n') {
                    *p = p.trim_end_matches('\n').to_owned();
                    *fixed += 1;
                }
            }
            for v in map.values_mut() {
                strip_pattern_newlines(v, fixed);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| strip_pattern_newlines(v, fixed)),
        _ => {}
    }
}

/// `/a/{x}/b` and `/a/{y}/b` are the same path.
pub fn normalize(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.trim_end_matches('\'').chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if in_param => {}
            _ => out.push(c),
        }
    }
    out
}

/// One official operation.
pub struct OfficialOp<'a> {
    pub file: &'a OfficialFile,
    pub path: String,
    pub op: &'a Value,
}

/// Official operations by (METHOD, normalized path); the newest file wins.
pub fn operations(files: &[OfficialFile]) -> BTreeMap<(String, String), OfficialOp<'_>> {
    let mut ops = BTreeMap::new();
    for file in files {
        let Some(paths) = file.served["paths"].as_object() else {
            continue;
        };
        for (path, item) in paths {
            for method in ["get", "put", "post", "delete", "patch"] {
                if let Some(op) = item.get(method) {
                    ops.entry((method.to_uppercase(), normalize(path)))
                        .or_insert(OfficialOp {
                            file,
                            path: path.clone(),
                            op,
                        });
                }
            }
        }
    }
    ops
}

/// Follows local `$ref`s.
pub fn deref<'a>(doc: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..16 {
        let Some(target) = node.get("$ref").and_then(Value::as_str) else {
            return node;
        };
        let Some(pointer) = target.strip_prefix('#') else {
            return node;
        };
        match doc.pointer(pointer) {
            Some(next) => node = next,
            None => return node,
        }
    }
    node
}

/// One answer the official file describes for an operation.
pub struct Answer {
    pub status: u16,
    /// `Prefer` header value that makes Prism give this answer.
    pub prefer: String,
    /// `example` (a named or the single example), `static` (built from the
    /// schema's property examples) or `generated` (random, from the schema).
    pub kind: &'static str,
    pub label: String,
}

/// Every answer to ask Prism for: each example of each JSON response, one
/// static answer where a status has none, and `generated` random answers per
/// status. Statuses without a JSON body are asked once (success statuses
/// only: an empty error has nothing to decode).
pub fn answers(file: &OfficialFile, op: &Value, generated: usize) -> Vec<Answer> {
    let mut out = Vec::new();
    let Some(responses) = op["responses"].as_object() else {
        return out;
    };
    for (code, response) in responses {
        let Ok(status) = code.parse::<u16>() else {
            continue;
        };
        let response = deref(&file.served, response);
        let media = response["content"]
            .as_object()
            .and_then(|c| c.iter().find(|(m, _)| m.contains("json")).map(|(_, v)| v));
        let success = (200..300).contains(&status);
        let Some(media) = media else {
            if success {
                out.push(Answer {
                    status,
                    prefer: format!("code={status}"),
                    kind: "static",
                    label: format!("{status} without body"),
                });
            }
            continue;
        };
        let mut examples = 0;
        if let Some(named) = media["examples"].as_object() {
            for name in named.keys() {
                examples += 1;
                out.push(Answer {
                    status,
                    prefer: format!("code={status}, example={name}"),
                    kind: "example",
                    label: format!("{status} example `{name}`"),
                });
            }
        }
        if media.get("example").is_some() && examples == 0 {
            examples += 1;
            out.push(Answer {
                status,
                prefer: format!("code={status}"),
                kind: "example",
                label: format!("{status} example"),
            });
        }
        if examples == 0 {
            out.push(Answer {
                status,
                prefer: format!("code={status}"),
                kind: "static",
                label: format!("{status} static"),
            });
        }
        if media.get("schema").is_some() {
            for i in 0..generated {
                out.push(Answer {
                    status,
                    prefer: format!("code={status}, dynamic=true"),
                    kind: "generated",
                    label: format!("{status} generated #{}", i + 1),
                });
            }
        }
    }
    out
}
