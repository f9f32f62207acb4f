//! Where access tokens come from: the [`TokenSource`] trait, a static token, and the client
//! credentials grant.

mod client_credentials;

pub use client_credentials::ClientCredentials;

use crate::error::Result;
use crate::secret::Secret;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// A boxed future, as returned by [`TokenSource`] methods.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A bearer token with the generation it belongs to. `Debug` never shows the token.
#[derive(Clone)]
pub struct AccessToken {
    value: Secret,
    generation: u64,
    /// `Bearer <token>`, built once (marked sensitive); `None` if the token cannot be a header.
    header: Option<reqwest::header::HeaderValue>,
}

impl AccessToken {
    /// A token of the given generation (a number that grows with every renewal).
    pub fn new(value: impl Into<Secret>, generation: u64) -> AccessToken {
        let value: Secret = value.into();
        let header = reqwest::header::HeaderValue::try_from(format!("Bearer {}", value.expose()))
            .ok()
            .map(|mut header| {
                header.set_sensitive(true);
                header
            });
        AccessToken {
            value,
            generation,
            header,
        }
    }

    /// The `Authorization` header value, if the token can be sent in one.
    pub(crate) fn authorization(&self) -> Option<&reqwest::header::HeaderValue> {
        self.header.as_ref()
    }

    /// The token itself, for the `Authorization` header. Do not log it.
    pub fn expose(&self) -> &str {
        self.value.expose()
    }

    /// The generation: renewals after a 401 only happen when the rejected token is still the
    /// current generation, so concurrent 401s renew once.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("value", &self.value)
            .field("generation", &self.generation)
            .finish()
    }
}

/// A source of bearer tokens for the [`Client`](crate::Client).
///
/// `token` is called before every attempt and should be cheap when a valid token is cached.
/// `renew` is called once per call when the API answers 401 with `rejected`; it returns a new
/// token, or `None` when the source cannot renew (a static token).
pub trait TokenSource: Send + Sync + fmt::Debug + 'static {
    /// A valid token, fetching one if needed.
    fn token(&self) -> BoxFuture<'_, Result<AccessToken>>;

    /// A token newer than `rejected`, or `None` if this source cannot renew.
    fn renew<'a>(&'a self, rejected: &'a AccessToken) -> BoxFuture<'a, Result<Option<AccessToken>>>;
}

/// A fixed token, e.g. one obtained elsewhere. It is never renewed.
#[derive(Debug, Clone)]
pub struct StaticToken(AccessToken);

impl StaticToken {
    /// Uses `token` for every request.
    pub fn new(token: impl Into<Secret>) -> StaticToken {
        StaticToken(AccessToken::new(token, 0))
    }
}

impl TokenSource for StaticToken {
    fn token(&self) -> BoxFuture<'_, Result<AccessToken>> {
        let token = self.0.clone();
        Box::pin(async move { Ok(token) })
    }

    fn renew<'a>(&'a self, _rejected: &'a AccessToken) -> BoxFuture<'a, Result<Option<AccessToken>>> {
        Box::pin(async { Ok(None) })
    }
}
