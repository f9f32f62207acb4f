//! The client credentials grant: a cached token, renewed ahead of expiry by one caller while
//! the others wait, and renewed at most once per rejected generation.

use super::{AccessToken, BoxFuture, TokenSource};
use crate::endpoint::Method;
use crate::error::{AuthError, Error, Result, TransportError, TransportKind};
use crate::response::correlation_id;
use crate::retry::{Failure, RetryPolicy, parse_retry_after};
use crate::secret::Secret;
use base64::Engine as _;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use serde::Deserialize;
use std::fmt;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// The name used for token requests in spans and errors.
const OPERATION: &str = "oauth_token";

/// The longest token lifetime believed (a year).
const MAX_LIFETIME_SECS: u64 = 365 * 24 * 3600;

/// Renew this long before expiry at most (less for short-lived tokens: a quarter of their life).
const RENEW_AHEAD: Duration = Duration::from_secs(60);

/// Client credentials (`POST {login}/oauth/token`, `grant_type=client_credentials`).
pub struct ClientCredentials {
    client_id: String,
    authorization: Secret,
    token_url: String,
    http: reqwest::Client,
    timeout: Duration,
    retry: RetryPolicy,
    cached: RwLock<Option<Cached>>,
    /// Held by the one caller that renews; the others wait on it.
    renewal: tokio::sync::Mutex<LastExchange>,
    /// How many token exchanges have finished, read before waiting for `renewal`.
    exchanges: AtomicU64,
}

/// The outcome of the last exchange, for the callers that waited for it.
#[derive(Default)]
struct LastExchange {
    failure: Option<Error>,
}

#[derive(Clone)]
struct Cached {
    token: AccessToken,
    renew_at: Instant,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[allow(dead_code)]
    token_type: Option<String>,
    expires_in: Option<u64>,
}

#[derive(Deserialize, Default)]
struct TokenErrorResponse {
    error: Option<String>,
    description: Option<String>,
    error_description: Option<String>,
}

impl ClientCredentials {
    pub(crate) fn new(
        client_id: String,
        secret: Secret,
        login_base: &str,
        http: reqwest::Client,
        timeout: Duration,
        retry: RetryPolicy,
    ) -> ClientCredentials {
        let basic =
            base64::engine::general_purpose::STANDARD.encode(format!("{client_id}:{}", secret.expose()));
        ClientCredentials {
            client_id,
            authorization: Secret::new(format!("Basic {basic}")),
            token_url: format!("{login_base}/oauth/token"),
            http,
            timeout,
            retry,
            cached: RwLock::new(None),
            renewal: tokio::sync::Mutex::new(LastExchange::default()),
            exchanges: AtomicU64::new(0),
        }
    }

    /// The cached token if it is not due for renewal.
    fn fresh(&self) -> Option<AccessToken> {
        let cached = self.cached.read().unwrap_or_else(|e| e.into_inner());
        cached
            .as_ref()
            .filter(|c| Instant::now() < c.renew_at)
            .map(|c| c.token.clone())
    }

    /// Fetches a new token unless another caller did while this one waited. `rejected` is the
    /// generation the API refused, if any. Callers that waited for an exchange that failed get
    /// its error rather than trying again one after the other, so a token endpoint that is
    /// down sees one renewal (with its retries), not one per waiting call.
    async fn renew_unless_done(&self, rejected: Option<u64>) -> Result<AccessToken> {
        let exchanges_before = self.exchanges.load(Ordering::Acquire);
        let mut last = self.renewal.lock().await;
        {
            let cached = self.cached.read().unwrap_or_else(|e| e.into_inner());
            if let Some(current) = cached.as_ref() {
                let still_fresh = Instant::now() < current.renew_at;
                let newer_than_rejected = rejected.is_none_or(|g| current.token.generation() > g);
                if still_fresh && newer_than_rejected {
                    return Ok(current.token.clone());
                }
            }
        }
        if let (true, Some(failure)) = (
            self.exchanges.load(Ordering::Acquire) != exchanges_before,
            &last.failure,
        ) {
            return Err(failure.clone());
        }
        let generation = self
            .cached
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map_or(1, |c| c.token.generation() + 1);
        let fetched = self.fetch().await;
        self.exchanges.fetch_add(1, Ordering::AcqRel);
        last.failure = fetched.as_ref().err().cloned();
        let (value, lifetime) = fetched?;
        let token = AccessToken::new(value, generation);
        let ahead = RENEW_AHEAD.min(lifetime / 4);
        *self.cached.write().unwrap_or_else(|e| e.into_inner()) = Some(Cached {
            token: token.clone(),
            renew_at: Instant::now() + lifetime - ahead,
        });
        Ok(token)
    }

    /// One token exchange, retried on connection failures, 429 and 5xx like an idempotent call.
    async fn fetch(&self) -> Result<(String, Duration)> {
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            tracing::debug!(token_url = %self.token_url, attempt, "requesting an access token (client credentials)");
            let failure = match self.exchange(attempt).await {
                Ok(done) => return Ok(done),
                Err((error, failure)) => (error, failure),
            };
            match self
                .retry
                .next_delay(failure.1, Method::Get, attempt, started.elapsed())
            {
                Some(delay) => {
                    tracing::warn!(
                        attempt,
                        delay_ms = delay.as_millis() as u64,
                        "token request failed; retrying"
                    );
                    tokio::time::sleep(delay).await;
                }
                None => return Err(failure.0),
            }
        }
    }

    async fn exchange(&self, attempt: u32) -> std::result::Result<(String, Duration), (Error, Failure)> {
        let mut authorization = HeaderValue::from_str(self.authorization.expose()).map_err(|_| {
            (
                Error::config("the client id or secret contains characters that cannot be sent"),
                Failure::MaybeProcessed,
            )
        })?;
        authorization.set_sensitive(true);
        let request = self
            .http
            .post(&self.token_url)
            .header(AUTHORIZATION, authorization)
            .header(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            )
            .body("grant_type=client_credentials")
            .timeout(self.timeout);
        let transport = |e: reqwest::Error| {
            let kind = TransportKind::of(&e);
            let failure = Failure::from_transport(kind);
            let error = Error::Transport(Box::new(TransportError {
                kind,
                operation: OPERATION,
                attempts: attempt,
                message: crate::send::describe(&e),
            }));
            (error, failure)
        };
        let response = request.send().await.map_err(transport)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.map_err(transport)?;
        if status.is_success() {
            let parsed: TokenResponse = serde_json::from_slice(&body).map_err(|e| {
                (
                    auth_error(
                        status,
                        &headers,
                        "invalid_token_response",
                        Some(format!(
                            "the token response is not valid JSON with an access_token: {e}"
                        )),
                    ),
                    Failure::MaybeProcessed,
                )
            })?;
            // Clamped, so that no `expires_in` a server sends can overflow the clock.
            let lifetime = Duration::from_secs(parsed.expires_in.unwrap_or(3600).clamp(1, MAX_LIFETIME_SECS));
            return Ok((parsed.access_token, lifetime));
        }
        let parsed: TokenErrorResponse = serde_json::from_slice(&body).unwrap_or_default();
        let description = parsed.error_description.or(parsed.description);
        let error_code = parsed
            .error
            .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_owned());
        let failure = Failure::Status {
            status,
            retry_after: parse_retry_after(&headers, SystemTime::now()),
        };
        Err((auth_error(status, &headers, &error_code, description), failure))
    }
}

fn auth_error(
    status: reqwest::StatusCode,
    headers: &reqwest::header::HeaderMap,
    error: &str,
    description: Option<String>,
) -> Error {
    Error::Auth(Box::new(AuthError {
        status: Some(status),
        error: error.to_owned(),
        description,
        correlation_id: correlation_id(headers),
    }))
}

impl TokenSource for ClientCredentials {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken>> {
        Box::pin(async move {
            match self.fresh() {
                Some(token) => Ok(token),
                None => self.renew_unless_done(None).await,
            }
        })
    }

    fn renew<'a>(&'a self, rejected: &'a AccessToken) -> BoxFuture<'a, Result<Option<AccessToken>>> {
        Box::pin(async move {
            self.renew_unless_done(Some(rejected.generation()))
                .await
                .map(Some)
        })
    }
}

impl fmt::Debug for ClientCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCredentials")
            .field("client_id", &self.client_id)
            .field("secret", &"[redacted]")
            .field("token_url", &self.token_url)
            .finish_non_exhaustive()
    }
}
