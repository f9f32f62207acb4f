//! The whole client-credentials flow against the Tokens API.
//!
//! ```text
//! cargo run --example quickstart
//! ```
//! With `PURECLOUD_CLIENT_ID` and `PURECLOUD_SECRET` set (and optionally
//! `PURECLOUD_ENVIRONMENT`, e.g. `mypurecloud.ie`) it talks to your Genesys Cloud region;
//! without them it starts `purecloud-mock` in process and says so.

use purecloud::models::TokenInfo;
use purecloud::{Client, Error, TokensApi};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nThe quickstart failed: {error}\n\n{}", explain(&error));
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Error> {
    let has_credentials = std::env::var("PURECLOUD_CLIENT_ID").is_ok_and(|v| !v.is_empty())
        && std::env::var("PURECLOUD_SECRET").is_ok_and(|v| !v.is_empty());
    // Kept alive for the whole run when used.
    let mut _mock = None;
    let client = if has_credentials {
        let client = Client::from_env()?;
        println!(
            "Using Genesys Cloud region {} (from the environment).",
            client.environment()
        );
        client
    } else {
        let mock = purecloud_mock::MockServer::start()
            .await
            .map_err(|e| Error::Config {
                message: format!("cannot start the mock: {e}"),
            })?;
        println!(
            "No PURECLOUD_CLIENT_ID/PURECLOUD_SECRET set: using purecloud-mock at {}.",
            mock.base_url()
        );
        let client = Client::builder()
            .environment(mock.base_url().parse()?)
            .client_credentials(mock.client_id(), mock.client_secret())
            .build()?;
        _mock = Some(mock);
        client
    };

    client.authenticate().await?;
    println!("1. Authenticated with client credentials.");

    let tokens = TokensApi::new(&client);
    let info = tokens.get_tokens_me(None).await?;
    println!("2. The token:");
    print_token(&info);

    tokens.head_tokens_me().await?;
    println!("3. HEAD /api/v2/tokens/me: the token is valid.");

    let timeout = tokens.get_tokens_timeout().await?;
    println!(
        "4. Idle token timeout: {} ({} s).",
        if timeout.enable_idle_token_timeout == Some(true) {
            "enabled"
        } else {
            "disabled"
        },
        timeout
            .idle_token_timeout_seconds
            .map_or("unknown".into(), |s| s.to_string())
    );

    tokens.delete_tokens_me().await?;
    println!("5. Deleted the token (DELETE /api/v2/tokens/me).");

    let again = tokens.get_tokens_me(Some(true)).await?;
    println!(
        "6. The next call was refused with 401; the client renewed its token once and went on: organization {}.",
        again.organization.and_then(|o| o.name).unwrap_or_default()
    );
    println!("Done.");
    Ok(())
}

fn print_token(info: &TokenInfo) {
    let organization = info
        .organization
        .as_ref()
        .and_then(|o| o.name.as_deref())
        .unwrap_or("(unknown)");
    println!("   organization: {organization}");
    if let Some(client) = &info.oauth_client {
        println!(
            "   OAuth client: {} ({})",
            client.name.as_deref().unwrap_or("(unnamed)"),
            client.id.as_deref().unwrap_or("?")
        );
        if let Some(grant) = &client.authorized_grant_type {
            println!("   grant:        {grant}");
        }
    }
    let scopes = info.authorized_scope.as_deref().unwrap_or_default();
    println!(
        "   scopes:       {}",
        if scopes.is_empty() {
            "(none)".into()
        } else {
            scopes.join(", ")
        }
    );
    match info.date_token_idles {
        Some(when) => {
            let left = when - time::OffsetDateTime::now_utc();
            println!("   idles at:     {when} (in {} min)", left.whole_minutes());
        }
        None => println!("   idles at:     (not reported)"),
    }
}

/// One paragraph on what to do, for the errors a newcomer meets.
fn explain(error: &Error) -> String {
    let status = error.status().map(|s| s.as_u16());
    match error {
        Error::Auth(_) => {
            "The login service refused the credentials. Check PURECLOUD_CLIENT_ID and PURECLOUD_SECRET \
            (Admin > Integrations > OAuth, a client with the Client Credentials grant), and that \
            PURECLOUD_ENVIRONMENT names the region the client lives in (e.g. mypurecloud.ie)."
                .into()
        }
        Error::Transport(_) => "No answer from Genesys Cloud. Check PURECLOUD_ENVIRONMENT (a region such as \
            us_east_1 or a host such as mypurecloud.ie) and your network or proxy."
            .into(),
        Error::Config { .. } => {
            "The configuration is incomplete or wrong; the message above says which setting.".into()
        }
        _ if status == Some(403) => {
            "The OAuth client's role lacks a permission this step needs; the message above \
            names it. Add it to the role in Admin > Roles/Permissions."
                .into()
        }
        _ if status == Some(401) => {
            "The token was refused. It may have been revoked, or the client disabled.".into()
        }
        _ => "The API answered with an error; the message above has its code and correlation id.".into(),
    }
}
