//! `docs/OPERATIONS.md`, the operation index users read, is the one the spec
//! generates today.

use std::path::Path;

use admin_api_generator::load::load_spec;
use admin_api_tools::index::render_index;

#[test]
fn the_operation_index_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let spec = load_spec(&root.join("spec/atlassian-admin.yaml")).expect("the curated spec loads");
    let expected = render_index(&spec);
    let committed = std::fs::read_to_string(root.join("docs/OPERATIONS.md")).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/OPERATIONS.md is out of date; regenerate it with\n  cargo admin-api-gen index -o docs/OPERATIONS.md"
    );
    // Every operation has its row, with the method users call.
    for op in admin_api_generator::model::operations(&spec.openapi) {
        let method = format!("| `{}` |", admin_api_generator::model::method_name(op.id()));
        assert!(expected.contains(&method), "{} has no row", op.id());
    }
}
