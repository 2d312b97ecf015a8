//! The generated public API, as a reviewer reads it: any change to an
//! operation, parameter or type shows up as a snapshot diff in review.

mod support;

#[test]
fn surface_listing_matches_snapshot() {
    let text = std::fs::read_to_string(support::spec_path()).expect("read the spec");
    insta::assert_snapshot!("surface", support::surface_of(&text));
}

/// Editing one parameter of a copy of the spec changes exactly the lines of the
/// listing that describe it.
#[test]
fn editing_a_parameter_changes_the_surface() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("atlassian-admin.yaml");
    std::fs::copy(support::spec_path(), &copy).expect("copy the spec");
    let original = std::fs::read_to_string(&copy).expect("read the copy");

    // Make `taskId` of the task-status operation an integer.
    let mut doc: serde_yaml::Value = serde_yaml::from_str(&original).expect("yaml");
    let params = doc["paths"]["/admin/control/v1/orgs/{orgId}/auth-policy/task/{taskId}"]["get"]
        ["parameters"]
        .as_sequence_mut()
        .expect("task-status parameters");
    let task_id = params
        .iter_mut()
        .find(|p| p["name"] == "taskId")
        .expect("taskId parameter");
    task_id["schema"] = serde_yaml::from_str("{type: integer, format: int64}").expect("schema");
    let edited = serde_yaml::to_string(&doc).expect("serialize");
    std::fs::write(&copy, &edited).expect("write the copy");

    let changes = support::line_changes(
        &support::surface_of(&original),
        &support::surface_of(&edited),
    );
    insta::assert_snapshot!("surface_after_param_edit", changes);
}
