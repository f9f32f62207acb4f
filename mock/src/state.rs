//! The fake organisation: OAuth clients, issued tokens and the idle-timeout settings.

use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::{Duration, SystemTime};
use time::OffsetDateTime;

/// The organisation every token belongs to.
pub const ORG_ID: &str = "6e4b2c1a-0d3f-4a8e-9b57-1c2d3e4f5a6b";
/// Its name.
pub const ORG_NAME: &str = "Mock Organization";

/// An OAuth client with the client credentials grant.
#[derive(Clone, Debug)]
pub struct OAuthClient {
    /// The client id.
    pub id: String,
    /// The client secret.
    pub secret: String,
    /// A display name.
    pub name: String,
    /// The permissions its role grants, e.g. `oauth:token:delete`.
    pub permissions: Vec<String>,
    /// How long its tokens live.
    pub token_lifetime: Duration,
}

#[derive(Clone, Debug)]
pub(crate) struct IssuedToken {
    pub client_id: String,
    /// The user the token acts for; `None` for client credentials.
    pub user_id: Option<String>,
    pub expires_at: SystemTime,
    pub last_used: SystemTime,
}

/// Why a bearer token was refused.
pub(crate) enum TokenRejection {
    Missing,
    Unknown,
    Expired,
    Idle,
}

pub(crate) struct State {
    pub clients: HashMap<String, OAuthClient>,
    pub tokens: HashMap<String, IssuedToken>,
    pub idle_timeout: Value,
    pub created: OffsetDateTime,
}

impl State {
    pub fn new() -> State {
        State {
            clients: HashMap::new(),
            tokens: HashMap::new(),
            idle_timeout: json!({
                "idleTokenTimeoutSeconds": 900,
                "enableIdleTokenTimeout": false,
                "inactivityTimeoutUnit": "Minutes",
                "inactivityTimeoutGroupsEnabled": false,
                "inactivityTimeoutGroupBundles": []
            }),
            created: OffsetDateTime::now_utc(),
        }
    }

    /// Issues a token for `client_id` (and `user_id`, for user tokens).
    pub fn issue(&mut self, client_id: &str, user_id: Option<String>, lifetime: Duration) -> String {
        let token = random_hex(40);
        let now = SystemTime::now();
        self.tokens.insert(
            token.clone(),
            IssuedToken {
                client_id: client_id.to_owned(),
                user_id,
                expires_at: now
                    .checked_add(lifetime)
                    .unwrap_or(now + Duration::from_secs(365 * 24 * 3600)),
                last_used: now,
            },
        );
        token
    }

    fn idle_limit(&self) -> Option<Duration> {
        let enabled = self.idle_timeout["enableIdleTokenTimeout"]
            .as_bool()
            .unwrap_or(false);
        let seconds = self.idle_timeout["idleTokenTimeoutSeconds"]
            .as_u64()
            .unwrap_or(900);
        enabled.then(|| Duration::from_secs(seconds))
    }

    /// Checks a bearer token; `touch` resets its idle timer.
    pub fn authenticate(&mut self, token: Option<&str>, touch: bool) -> Result<String, TokenRejection> {
        let token = token.ok_or(TokenRejection::Missing)?;
        let idle_limit = self.idle_limit();
        let issued = self.tokens.get_mut(token).ok_or(TokenRejection::Unknown)?;
        let now = SystemTime::now();
        if now >= issued.expires_at {
            return Err(TokenRejection::Expired);
        }
        if idle_limit.is_some_and(|limit| now >= issued.last_used + limit) {
            return Err(TokenRejection::Idle);
        }
        if touch {
            issued.last_used = now;
        }
        Ok(token.to_owned())
    }

    pub fn client_of(&self, token: &str) -> Option<&OAuthClient> {
        self.tokens
            .get(token)
            .and_then(|t| self.clients.get(&t.client_id))
    }

    pub fn has_permission(&self, token: &str, permission: &str) -> bool {
        self.client_of(token)
            .is_some_and(|c| c.permissions.iter().any(|p| p == permission || p == "*"))
    }

    /// The `TokenInfo` of `token`.
    pub fn token_info(&self, token: &str) -> Value {
        let issued = &self.tokens[token];
        let client = self.client_of(token);
        let idle = self.idle_limit().unwrap_or(Duration::from_secs(
            self.idle_timeout["idleTokenTimeoutSeconds"]
                .as_u64()
                .unwrap_or(900),
        ));
        let idles_at = (issued.last_used + idle).min(issued.expires_at);
        let org =
            json!({ "id": ORG_ID, "name": ORG_NAME, "selfUri": format!("/api/v2/organizations/{ORG_ID}") });
        json!({
            "organization": org,
            "homeOrganization": org,
            "authorizedScope": client.map(|c| c.permissions.clone()).unwrap_or_default(),
            "dateTokenIdles": rfc3339(idles_at),
            "OAuthClient": {
                "id": issued.client_id,
                "name": client.map(|c| c.name.clone()),
                "dateCreated": rfc3339(self.created.into()),
                "authorizedGrantType": "CLIENT-CREDENTIALS",
                "roleDivisions": [{ "roleId": "mock-role", "divisionId": "*" }],
                "state": "active",
                "organization": { "id": ORG_ID, "name": ORG_NAME },
                "selfUri": format!("/api/v2/oauth/clients/{}", issued.client_id)
            }
        })
    }
}

/// `2026-12-04T19:57:50.123Z`.
pub(crate) fn rfc3339(time: SystemTime) -> String {
    let time = OffsetDateTime::from(time);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        time.year(),
        u8::from(time.month()),
        time.day(),
        time.hour(),
        time.minute(),
        time.second(),
        time.millisecond()
    )
}

/// `len` random lower-case hex digits.
pub(crate) fn random_hex(len: usize) -> String {
    (0..len)
        .map(|_| char::from_digit(fastrand::u32(0..16), 16).unwrap_or('0'))
        .collect()
}
