//! The README's CLI session stays true: every `$ atlassian-admin ...` line of
//! the block after `<!-- cli session -->` is run against the embedded admin
//! API, and its output must be the lines that follow it, exactly.

use std::path::Path;
use std::process::Command;

use atlassian_admin_mock_server::{MockAdminApi, Server, API_KEY};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readme_cli_session_is_exact() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("README readable");
    let block: Vec<&str> = readme
        .split("<!-- cli session -->")
        .nth(1)
        .expect("README has a `<!-- cli session -->` marker")
        .lines()
        .skip_while(|l| !l.starts_with("```"))
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .collect();
    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await.expect("server starts");
    let home = tempfile::tempdir().expect("temp dir");
    let mut commands = 0;
    let mut i = 0;
    while i < block.len() {
        let line = block[i];
        let args = line
            .strip_prefix("$ atlassian-admin ")
            .unwrap_or_else(|| panic!("expected a `$ atlassian-admin` line, got {line:?}"));
        let expected: Vec<&str> = block[i + 1..]
            .iter()
            .take_while(|l| !l.starts_with("$ "))
            .copied()
            .collect();
        i += 1 + expected.len();
        let out = Command::new(env!("CARGO_BIN_EXE_atlassian-admin"))
            .args(args.split_whitespace())
            .env_remove("XDG_CONFIG_HOME")
            .env("HOME", home.path())
            .env("ATLASSIAN_ADMIN_API_KEY", API_KEY)
            .env("ATLASSIAN_ORG_ID", api.snapshot().org_id)
            .env("ATLASSIAN_ADMIN_BASE_URL", server.base_url())
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let got: Vec<&str> = stdout.lines().collect();
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(got, expected, "output of `{line}`");
        commands += 1;
    }
    assert!(
        commands >= 3,
        "the session shows the CLI: {commands} commands"
    );
}
