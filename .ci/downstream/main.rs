//! A user's first call, built from the packaged crates: start the embedded
//! admin API, list the organizations the key sees and check the answer.

use atlassian_admin_api::Client;
use atlassian_admin_mock_server::{MockAdminApi, Server, API_KEY};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let api = MockAdminApi::default();
    let server = Server::start(api.handler()).await?;
    let client = Client::builder()
        .api_key(API_KEY)
        .base_url(server.base_url())
        .build()?;
    let orgs = client.get_orgs().send().await?.into_inner();
    let expected = api.snapshot().org_id;
    if !orgs.data.iter().any(|o| o.id == expected) {
        return Err(format!("get_orgs did not list the embedded org {expected}").into());
    }
    println!(
        "downstream-check: get_orgs listed {} organization(s), {expected} among them",
        orgs.data.len()
    );
    Ok(())
}
