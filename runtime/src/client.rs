//! The [`Client`], its builder and the [`Api`] trait that API groups implement.

use crate::auth::{ClientCredentials, StaticToken, TokenSource};
use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use reqwest::header::{ACCEPT, HeaderMap, HeaderName, HeaderValue, USER_AGENT};
use std::fmt;
use std::sync::{Arc, Once};
use std::time::Duration;

/// The `User-Agent` of every request: the crate's name and version.
pub const DEFAULT_USER_AGENT: &str = concat!("purecloud-rs/", env!("CARGO_PKG_VERSION"));

/// The default per-attempt timeout (connect, send, and read the whole answer).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The default cap on the bytes of one response body buffered in memory.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// The environment variables [`Client::from_env`] reads, each with its Genesys CLI/Terraform
/// alias.
pub const ENV_CLIENT_ID: [&str; 2] = ["PURECLOUD_CLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_ID"];
/// See [`ENV_CLIENT_ID`].
pub const ENV_SECRET: [&str; 2] = ["PURECLOUD_SECRET", "GENESYSCLOUD_OAUTHCLIENT_SECRET"];
/// See [`ENV_CLIENT_ID`].
pub const ENV_ENVIRONMENT: [&str; 2] = ["PURECLOUD_ENVIRONMENT", "GENESYSCLOUD_REGION"];

/// A Genesys Cloud client: one connection pool, one token cache, the retry policy.
///
/// Cheap to clone (an `Arc` inside) and `Send + Sync`: share one across tasks.
///
/// ```no_run
/// # async fn run() -> purecloud_runtime::Result<()> {
/// use purecloud_runtime::Client;
/// // PURECLOUD_CLIENT_ID, PURECLOUD_SECRET, optionally PURECLOUD_ENVIRONMENT=mypurecloud.ie
/// let client = Client::from_env()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) http: reqwest::Client,
    /// The API base, parsed once; each call only sets its path and query.
    pub(crate) api_base: reqwest::Url,
    pub(crate) environment: Environment,
    pub(crate) auth: Option<Arc<dyn TokenSource>>,
    pub(crate) retry: RetryPolicy,
    pub(crate) timeout: Duration,
    pub(crate) max_response_bytes: usize,
}

/// A type that hands out a [`Client`]: API groups such as `TokensApi` implement it, and
/// `#[endpoint]` methods taking `&self` call it.
pub trait Api {
    /// The client requests are sent with.
    fn client(&self) -> &Client;
}

impl Api for Client {
    fn client(&self) -> &Client {
        self
    }
}

impl Client {
    /// A builder with the defaults: region `us_east_1`, no credentials, retries on.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client with client credentials and region from the environment: `PURECLOUD_CLIENT_ID`,
    /// `PURECLOUD_SECRET` and optionally `PURECLOUD_ENVIRONMENT` (or `GENESYSCLOUD_OAUTHCLIENT_ID`,
    /// `GENESYSCLOUD_OAUTHCLIENT_SECRET`, `GENESYSCLOUD_REGION`).
    pub fn from_env() -> Result<Client> {
        Client::builder().credentials_from_env()?.build()
    }

    /// Like the official SDKs' call of the same name: builds a client for `environment` (a
    /// region name, host or base URL) and fetches a first token, so that bad credentials or a
    /// wrong region fail here.
    pub async fn authenticate_with_client_credentials(
        client_id: &str,
        client_secret: &str,
        environment: &str,
    ) -> Result<Client> {
        let client = Client::builder()
            .environment(environment.parse()?)
            .client_credentials(client_id, client_secret)
            .build()?;
        client.authenticate().await?;
        Ok(client)
    }

    /// Fetches a token now (if none is cached), reporting credential problems early.
    pub async fn authenticate(&self) -> Result<()> {
        match &self.inner.auth {
            Some(source) => source.token().await.map(drop),
            None => Err(Error::config(
                "no credentials configured: use ClientBuilder::client_credentials or Client::from_env",
            )),
        }
    }

    /// The environment requests go to.
    pub fn environment(&self) -> &Environment {
        &self.inner.environment
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("environment", &self.inner.environment)
            .field("auth", &self.inner.auth)
            .field("retry", &self.inner.retry)
            .field("timeout", &self.inner.timeout)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Client`].
///
/// ```
/// use purecloud_runtime::{Client, Environment, Region, RetryPolicy};
/// use std::time::Duration;
/// let client = Client::builder()
///     .environment(Environment::Region(Region::EuWest1))
///     .client_credentials("my-client-id", "my-secret")
///     .timeout(Duration::from_secs(10))
///     .retry(RetryPolicy::default().max_attempts(6))
///     .build()
///     .unwrap();
/// assert_eq!(client.environment().api_base(), "https://api.mypurecloud.ie");
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    environment: Environment,
    credentials: Option<Credentials>,
    retry: Option<RetryPolicy>,
    timeout: Option<Duration>,
    max_response_bytes: Option<usize>,
    allow_insecure_http: bool,
    headers: Vec<(String, String)>,
}

enum Credentials {
    ClientCredentials { id: String, secret: Secret },
    Source(Arc<dyn TokenSource>),
}

impl ClientBuilder {
    /// Where requests go (default: `us_east_1`).
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = environment;
        self
    }

    /// Authenticates with the client credentials grant.
    pub fn client_credentials(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        self.credentials = Some(Credentials::ClientCredentials {
            id: client_id.into(),
            secret: client_secret.into(),
        });
        self
    }

    /// Sends this token on every request, never renewing it.
    pub fn access_token(self, token: impl Into<Secret>) -> Self {
        self.token_source(Arc::new(StaticToken::new(token)))
    }

    /// Uses your own token source.
    pub fn token_source(mut self, source: Arc<dyn TokenSource>) -> Self {
        self.credentials = Some(Credentials::Source(source));
        self
    }

    /// Reads client credentials and the environment from the variables [`Client::from_env`]
    /// names.
    pub fn credentials_from_env(self) -> Result<Self> {
        self.credentials_from(|name| std::env::var(name).ok())
    }

    /// Like [`credentials_from_env`](Self::credentials_from_env) with another lookup (for tests).
    pub fn credentials_from(mut self, lookup: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let first = |names: [&str; 2]| {
            names
                .into_iter()
                .find_map(|n| lookup(n).filter(|v| !v.trim().is_empty()))
        };
        let (Some(id), Some(secret)) = (first(ENV_CLIENT_ID), first(ENV_SECRET)) else {
            return Err(Error::config(
                "set PURECLOUD_CLIENT_ID and PURECLOUD_SECRET (or GENESYSCLOUD_OAUTHCLIENT_ID and \
                 GENESYSCLOUD_OAUTHCLIENT_SECRET) to an OAuth client with the client credentials grant",
            ));
        };
        if let Some(environment) = first(ENV_ENVIRONMENT) {
            self.environment = environment.parse()?;
        }
        Ok(self.client_credentials(id.trim(), secret))
    }

    /// The retry policy (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The per-attempt timeout (default: [`DEFAULT_TIMEOUT`], 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The largest response body read into memory (default: [`DEFAULT_MAX_RESPONSE_BYTES`],
    /// 32 MiB); a larger one fails the call with a transport error of kind `BodyTooLarge`.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = Some(bytes);
        self
    }

    /// Allows plain `http://` to hosts other than this machine (off: only loopback may use
    /// plain HTTP, so tokens never cross a network in clear).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Adds a header to every API request.
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client> {
        let environment = self.environment;
        if !environment.is_https() && !environment.is_loopback() && !self.allow_insecure_http {
            return Err(Error::config(format!(
                "`{}` uses plain http on a host that is not this machine; use https, or call \
                 allow_insecure_http(true) if the network path is trusted",
                environment.api_base()
            )));
        }
        let api_base = reqwest::Url::parse(&environment.api_base()).map_err(|e| {
            Error::config(format!(
                "`{}` is not a valid base URL: {e}",
                environment.api_base()
            ))
        })?;
        let headers = default_headers(&self.headers)?;
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let retry = self.retry.unwrap_or_default();
        let http = http_client(headers)?;
        let auth: Option<Arc<dyn TokenSource>> = match self.credentials {
            None => None,
            Some(Credentials::Source(source)) => Some(source),
            Some(Credentials::ClientCredentials { id, secret }) => {
                if id.trim().is_empty() || secret.expose().is_empty() {
                    return Err(Error::config(
                        "the client id and secret must not be empty: copy them from Admin > Integrations > OAuth",
                    ));
                }
                Some(Arc::new(ClientCredentials::new(
                    id,
                    secret,
                    &environment.login_base(),
                    http.clone(),
                    timeout,
                    retry.clone(),
                )))
            }
        };
        Ok(Client {
            inner: Arc::new(ClientInner {
                http,
                api_base,
                environment,
                auth,
                retry,
                timeout,
                max_response_bytes: self.max_response_bytes.unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
            }),
        })
    }
}

fn default_headers(extra: &[(String, String)]) -> Result<HeaderMap> {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
    headers.insert(USER_AGENT, HeaderValue::from_static(DEFAULT_USER_AGENT));
    headers.insert(
        "purecloud-sdk",
        HeaderValue::from_static(env!("CARGO_PKG_VERSION")),
    );
    for (name, value) in extra {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::config(format!("`{name}` is not a valid header name")))?;
        let value = HeaderValue::from_str(value).map_err(|_| {
            Error::config(format!(
                "the value of header `{name}` contains a control character"
            ))
        })?;
        headers.insert(name, value);
    }
    Ok(headers)
}

fn http_client(headers: HeaderMap) -> Result<reqwest::Client> {
    static TLS_PROVIDER: Once = Once::new();
    TLS_PROVIDER.call_once(|| {
        // An application may have installed its own provider already; keep it then.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .tcp_nodelay(true)
        .build()
        .map_err(|e| Error::config(format!("the HTTP client cannot be built: {e}")))
}
