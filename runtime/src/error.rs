//! The one error type of the SDK and the Genesys error body.

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

/// The result of every SDK call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in a call. Messages say what happened and what to do;
/// none contains a secret or a token.
///
/// ```
/// use purecloud_runtime::Error;
///
/// fn report(error: &Error) -> String {
///     match error {
///         Error::Api(api) if api.status.as_u16() == 403 => {
///             format!("missing permission {:?} (ask support about {:?})", api.permissions, api.correlation_id)
///         }
///         Error::Auth(auth) => format!("login refused: {}", auth.error),
///         other if other.is_retryable() => format!("try again later: {other}"),
///         other => other.to_string(),
///     }
/// }
/// ```
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with a status other than 2xx.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The OAuth service refused to issue a token.
    #[error(transparent)]
    Auth(Box<AuthError>),
    /// The request did not get an answer: connection failure, reset, timeout, oversized body.
    #[error(transparent)]
    Transport(Box<TransportError>),
    /// A 2xx answer whose body does not match the expected type.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// The client is misconfigured (unknown region, missing credentials, insecure URL).
    #[error("configuration error: {message}")]
    Config {
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A request argument cannot be sent (a header value with CR/LF, an empty path value).
    /// Nothing was sent.
    #[error("invalid request for {operation}: {message}")]
    InvalidRequest {
        /// The operation's name.
        operation: &'static str,
        /// What is wrong with the argument.
        message: String,
    },
}

impl Error {
    pub(crate) fn config(message: impl Into<String>) -> Error {
        Error::Config {
            message: message.into(),
        }
    }

    /// The HTTP status, for `Api` errors and for `Auth` errors that had one.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Auth(e) => e.status,
            Error::Decode(e) => Some(e.status),
            _ => None,
        }
    }

    /// The `ININ-Correlation-Id` of the answer, to quote to Genesys support.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.correlation_id.as_deref(),
            Error::Auth(e) => e.correlation_id.as_deref(),
            Error::Decode(e) => e.correlation_id.as_deref(),
            _ => None,
        }
    }

    /// Whether trying the same call again later may succeed (429, 502-504, transport failures).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => is_retryable_status(e.status),
            Error::Auth(e) => e.status.is_none_or(is_retryable_status),
            Error::Transport(e) => e.kind != TransportKind::BodyTooLarge,
            _ => false,
        }
    }

    /// The wait the server asked for with `Retry-After`, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api(e) => e.retry_after,
            _ => None,
        }
    }
}

pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 502 | 503 | 504)
}

/// A non-2xx answer from the API.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The `ININ-Correlation-Id` header.
    pub correlation_id: Option<String>,
    /// The `Retry-After` header, as a wait from when the answer arrived.
    pub retry_after: Option<Duration>,
    /// The body: a Genesys [`ErrorBody`] when it is one, else the raw text.
    pub body: ApiErrorBody,
    /// The operation's name, e.g. `delete_token`.
    pub operation: &'static str,
    /// The permissions the operation requires, as declared.
    pub permissions: &'static [&'static str],
    /// How many attempts were made.
    pub attempts: u32,
}

/// The body of an error answer.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ApiErrorBody {
    /// A Genesys error body.
    Genesys(Box<ErrorBody>),
    /// Anything else (an HTML page from a gateway, plain text), possibly truncated.
    Text(String),
    /// No body.
    Empty,
}

impl ApiError {
    /// The Genesys error body, when the server sent one.
    pub fn error_body(&self) -> Option<&ErrorBody> {
        match &self.body {
            ApiErrorBody::Genesys(body) => Some(body),
            _ => None,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed with HTTP {}", self.operation, self.status)?;
        match &self.body {
            ApiErrorBody::Genesys(body) => {
                if let Some(message) = &body.message {
                    write!(f, ": {message}")?;
                }
                if let Some(code) = &body.code {
                    write!(f, " (code {code})")?;
                }
            }
            ApiErrorBody::Text(text) => write!(f, ": {}", snippet(text, 200))?,
            ApiErrorBody::Empty => {}
        }
        if let Some(id) = &self.correlation_id {
            write!(f, " [correlation id {id}]")?;
        }
        match self.status.as_u16() {
            403 if !self.permissions.is_empty() => write!(
                f,
                ". This operation requires the permission {}: grant it to the OAuth client's role",
                self.permissions.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
            ),
            401 => f.write_str(". The access token was rejected even after renewing it: check the credentials, and that the token was not revoked"),
            429 => write!(f, ". Rate limited after {} attempt(s): slow down or raise the retry budget", self.attempts),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for ApiError {}

/// The OAuth service refused to issue a token.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AuthError {
    /// The status of the token endpoint's answer, when there was one.
    pub status: Option<StatusCode>,
    /// The OAuth `error` code, e.g. `invalid_client`.
    pub error: String,
    /// `error_description` (or `description`).
    pub description: Option<String>,
    /// The `ININ-Correlation-Id` header.
    pub correlation_id: Option<String>,
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("authentication failed")?;
        if let Some(status) = self.status {
            write!(f, " with HTTP {status}")?;
        }
        write!(f, ": {}", self.error)?;
        if let Some(description) = &self.description {
            write!(f, " ({})", snippet(description, 200))?;
        }
        if self.error == "invalid_client" || self.status.is_some_and(|s| s == StatusCode::UNAUTHORIZED) {
            f.write_str(". Check the client id and secret, and that they belong to this region")?;
        }
        Ok(())
    }
}

impl std::error::Error for AuthError {}

/// What kind of transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportKind {
    /// No connection could be made; the request was surely not processed.
    Connect,
    /// An attempt took longer than the per-attempt timeout.
    Timeout,
    /// The connection failed after the request was sent, or the body was cut short.
    Io,
    /// The response body was larger than the client's limit.
    BodyTooLarge,
}

impl TransportKind {
    /// The kind of a failure of the HTTP stack.
    pub(crate) fn of(error: &reqwest::Error) -> TransportKind {
        if error.is_connect() {
            TransportKind::Connect
        } else if error.is_timeout() {
            TransportKind::Timeout
        } else {
            TransportKind::Io
        }
    }
}

/// The request did not get a complete answer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TransportError {
    /// What happened.
    pub kind: TransportKind,
    /// The operation's name.
    pub operation: &'static str,
    /// How many attempts were made.
    pub attempts: u32,
    /// Details from the HTTP stack.
    pub message: String,
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportKind::Connect => "could not connect",
            TransportKind::Timeout => "timed out",
            TransportKind::Io => "lost the connection",
            TransportKind::BodyTooLarge => "received a body over the size limit",
        };
        write!(
            f,
            "{} {what} after {} attempt(s): {}",
            self.operation, self.attempts, self.message
        )?;
        if self.kind == TransportKind::Connect {
            f.write_str(". Check the region or base URL and the network")?;
        }
        Ok(())
    }
}

impl std::error::Error for TransportError {}

/// A 2xx body that does not match the expected type.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DecodeError {
    /// The operation's name.
    pub operation: &'static str,
    /// The HTTP status of the answer.
    pub status: StatusCode,
    /// The JSON path of the field that failed, e.g. `OAuthClient.dateCreated`.
    pub path: String,
    /// What serde said.
    pub message: String,
    /// The start of the body (at most 256 characters).
    pub snippet: String,
    /// The `ININ-Correlation-Id` header.
    pub correlation_id: Option<String>,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the response body does not match the expected type at `{}`: {} (body starts {:?})",
            self.operation, self.path, self.message, self.snippet
        )
    }
}

impl std::error::Error for DecodeError {}

/// The error body Genesys Cloud sends with most non-2xx answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErrorBody {
    /// Human-readable message.
    pub message: Option<String>,
    /// Machine-readable code, e.g. `not.authorized`.
    pub code: Option<String>,
    /// The HTTP status, repeated.
    pub status: Option<i64>,
    /// Entity id concerned.
    pub entity_id: Option<String>,
    /// Entity name concerned.
    pub entity_name: Option<String>,
    /// The message with `{placeholders}`.
    pub message_with_params: Option<String>,
    /// Values of the placeholders.
    pub message_params: Option<BTreeMap<String, String>>,
    /// Genesys' id of the failing request.
    pub context_id: Option<String>,
    /// Field-level details.
    pub details: Option<Vec<ErrorDetail>>,
    /// Nested errors.
    pub errors: Option<Vec<ErrorBody>>,
    /// The limit that was hit.
    pub limit: Option<ErrorLimit>,
}

/// One detail of an [`ErrorBody`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErrorDetail {
    /// Code of the detail.
    pub error_code: Option<String>,
    /// The field concerned.
    pub field_name: Option<String>,
    /// Entity id concerned.
    pub entity_id: Option<String>,
    /// Entity name concerned.
    pub entity_name: Option<String>,
}

/// The limit of an [`ErrorBody`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorLimit {
    /// The limit's key.
    pub key: Option<String>,
    /// Its namespace, e.g. `platform.api` (kept as text: new namespaces appear).
    pub namespace: Option<String>,
    /// Its value.
    pub value: Option<i64>,
}

impl ErrorBody {
    /// Parses `text` as an error body; `None` unless it is a JSON object with a `message`,
    /// `code` or `status`.
    pub fn parse(text: &[u8]) -> Option<ErrorBody> {
        let body: ErrorBody = serde_json::from_slice(text).ok()?;
        (body.message.is_some() || body.code.is_some() || body.status.is_some()).then_some(body)
    }
}

/// The first `max` characters of `text`, with `…` when cut.
pub(crate) fn snippet(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
