//! The runtime of the `purecloud` Genesys Cloud SDK: [`Client`], [`Environment`] and
//! [`Region`], OAuth client credentials with a single-flight token cache, request sending with
//! retries and timeouts, the typed [`Error`], and tracing.
//!
//! Most users depend on the `purecloud` crate, which re-exports everything here.

#![warn(missing_docs)]

mod auth;
mod client;
pub mod decode;
mod encode;
mod endpoint;
mod environment;
mod error;
mod params;
mod request;
mod response;
mod retry;
mod secret;
mod send;

pub use auth::{AccessToken, BoxFuture, ClientCredentials, StaticToken, TokenSource};
pub use client::{
    Api, Client, ClientBuilder, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT,
    ENV_CLIENT_ID, ENV_ENVIRONMENT, ENV_SECRET,
};
pub use endpoint::{Endpoint, Method};
pub use environment::{Environment, Region};
pub use error::{
    ApiError, ApiErrorBody, AuthError, DecodeError, Error, ErrorBody, ErrorDetail, ErrorLimit, Result,
    TransportError, TransportKind,
};
pub use params::{ArgValues, ParamValue};
pub use request::Request;
pub use reqwest::StatusCode;
pub use reqwest::header::HeaderMap;
pub use response::{CORRELATION_ID, RawResponse, Response};
pub use retry::RetryPolicy;
pub use secret::Secret;

/// What `#[endpoint]` expansions use. Not a stable API: do not name it in your code.
#[doc(hidden)]
pub mod __private {
    pub use crate::client::{Api, Client};
    pub use crate::decode::{Full, Json, Text, Unit};
    pub use crate::endpoint::{Endpoint, Method};
    pub use crate::request::Request;
}
