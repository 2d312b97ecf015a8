//! The quickstart example runs offline against the embedded admin API, and
//! the README shows exactly what it prints.

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

/// The fenced block after `<!-- quickstart output -->` in the README.
fn readme_output() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let after = readme
        .split("<!-- quickstart output -->")
        .nth(1)
        .expect("README has a `<!-- quickstart output -->` marker");
    let block = after
        .split_once("```text\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .expect("a ```text block follows the marker");
    block.to_owned()
}

#[tokio::test(flavor = "current_thread")]
async fn quickstart_runs_offline_and_matches_the_readme() {
    let mut printed = Vec::new();
    quickstart::run_embedded(&mut printed)
        .await
        .expect("the quickstart flow succeeds");
    let printed = String::from_utf8(printed).expect("utf-8");
    assert!(
        printed.contains("3 of 3 users are now in the policy"),
        "{printed}"
    );
    assert_eq!(
        printed,
        readme_output(),
        "README's quickstart output differs from what the example prints"
    );
}
