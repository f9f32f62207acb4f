//! The Tokens API: the current token, revoking tokens, the idle token timeout.

use crate::models::{IdleTokenTimeout, TokenInfo};
use crate::{Api, Client, Result, endpoint};

/// The Tokens API (`/api/v2/tokens`).
///
/// ```no_run
/// # async fn run() -> purecloud::Result<()> {
/// use purecloud::{Client, TokensApi};
/// let client = Client::from_env()?;
/// let tokens = TokensApi::new(&client);
/// let info = tokens.get_tokens_me(None).await?;
/// println!("{:?}", info.organization);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct TokensApi {
    client: Client,
}

impl TokensApi {
    /// The Tokens API through `client` (a cheap clone).
    pub fn new(client: &Client) -> TokensApi {
        TokensApi {
            client: client.clone(),
        }
    }
}

impl Api for TokensApi {
    fn client(&self) -> &Client {
        &self.client
    }
}

impl TokensApi {
    /// Delete all auth tokens for the specified user.
    #[endpoint(DELETE "/api/v2/tokens/{userId}", permissions = ["oauth:token:delete"])]
    pub async fn delete_token(&self, user_id: &str) -> Result<()>;

    /// Delete auth token used to make the request.
    #[endpoint(DELETE "/api/v2/tokens/me")]
    pub async fn delete_tokens_me(&self) -> Result<()>;

    /// Fetch information about the current token.
    ///
    /// With `preserve_idle_ttl` `Some(true)` the token's idle timer is not reset; unset or
    /// false resets it.
    #[endpoint(GET "/api/v2/tokens/me")]
    pub async fn get_tokens_me(
        &self,
        #[query("preserveIdleTTL")] preserve_idle_ttl: Option<bool>,
    ) -> Result<TokenInfo>;

    /// Get the current Idle Token Timeout Value.
    #[endpoint(GET "/api/v2/tokens/timeout", preview)]
    pub async fn get_tokens_timeout(&self) -> Result<IdleTokenTimeout>;

    /// Verify user token.
    #[endpoint(HEAD "/api/v2/tokens/me")]
    pub async fn head_tokens_me(&self) -> Result<()>;

    /// Update or Enable/Disable the Idle Token Timeout.
    #[endpoint(PUT "/api/v2/tokens/timeout", permissions = ["directory:organization:admin"], preview)]
    pub async fn put_tokens_timeout(
        &self,
        #[body] body: Option<&IdleTokenTimeout>,
    ) -> Result<IdleTokenTimeout>;
}
