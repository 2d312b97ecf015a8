//! `atlassian-admin-twin serve [SEED.json] [--port N] [--export FILE]`: serves
//! a local twin of an Atlassian organization until interrupted, printing its
//! URL, org id and keys; with `--export`, writes the final state as a seed on
//! exit (Ctrl-C).

use std::process::ExitCode;

use atlassian_admin_mock_server::{MockAdminApi, API_KEY, SCIM_API_KEY};

const USAGE: &str = "usage: atlassian-admin-twin serve [SEED.json] [--port N] [--export FILE]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut args = args.into_iter();
    match args.next().as_deref() {
        Some("serve") => {}
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return Ok(());
        }
        _ => return Err(USAGE.to_owned()),
    }
    let (mut seed, mut port, mut export) = (None, 0u16, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                port = args
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port takes a port number")?;
            }
            "--export" => export = Some(args.next().ok_or("--export takes a file")?),
            other if other.starts_with('-') => {
                return Err(format!("unknown option {other:?}\n{USAGE}"))
            }
            other => seed = Some(other.to_owned()),
        }
    }
    let api = match &seed {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            MockAdminApi::from_seed(&text).map_err(|e| format!("{path}: {e}"))?
        }
        None => MockAdminApi::default(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))?;
    runtime.block_on(async {
        let server = atlassian_admin_mock_server::Server::bind_port(api.handler(), port)
            .await
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let org = api.snapshot();
        println!(
            "twin of {:?} serving on {}",
            org.org_name,
            server.base_url()
        );
        println!("ATLASSIAN_ADMIN_BASE_URL={}", server.base_url());
        println!("ATLASSIAN_ORG_ID={}", org.org_id);
        println!("ATLASSIAN_ADMIN_API_KEY={API_KEY}");
        println!("ATLASSIAN_SCIM_API_KEY={SCIM_API_KEY}");
        println!("SCIM directory: {}", org.directory_id);
        tokio::signal::ctrl_c()
            .await
            .map_err(|e| format!("waiting for Ctrl-C: {e}"))?;
        if let Some(path) = &export {
            std::fs::write(path, api.export()).map_err(|e| format!("{path}: {e}"))?;
            eprintln!("state exported to {path}");
        }
        Ok(())
    })
}
