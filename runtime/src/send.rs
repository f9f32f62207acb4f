//! Sends a built request: authentication, attempts, the retry loop, the body cap, tracing.

use crate::auth::AccessToken;
use crate::client::Client;
use crate::error::{
    ApiError, ApiErrorBody, Error, ErrorBody, Result, TransportError, TransportKind, snippet,
};
use crate::request::Request;
use crate::response::{RawResponse, correlation_id};
use crate::retry::{Failure, parse_retry_after};
use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use std::time::{Duration, Instant, SystemTime};
use tracing::Instrument as _;
use tracing::field::Empty;

/// An attempt that did not end in a 2xx answer.
enum AttemptFailure {
    Status {
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    },
    Transport {
        kind: TransportKind,
        message: String,
    },
}

impl Client {
    /// Sends `request`, retrying as the policy allows and renewing a rejected token once.
    pub(crate) async fn execute(&self, request: Request) -> Result<RawResponse> {
        let endpoint = request.endpoint;
        let span = tracing::info_span!(
            "purecloud.call",
            operation = endpoint.name,
            method = endpoint.method.as_str(),
            path = endpoint.path,
            status = Empty,
            attempt = Empty,
            correlation_id = Empty,
        );
        self.execute_in_span(request).instrument(span).await
    }

    async fn execute_in_span(&self, request: Request) -> Result<RawResponse> {
        let inner = &self.inner;
        let endpoint = request.endpoint;
        let url = request_url(&inner.api_base, &request);
        let body = request.body.clone().map(Bytes::from);
        let timeout = endpoint.timeout.unwrap_or(inner.timeout);
        let started = Instant::now();
        let span = tracing::Span::current();
        let mut attempt = 0;
        let mut renewed = false;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            let token = self.token_for(&request).await?;
            let failure = match self
                .attempt(&request, &url, body.clone(), token.as_ref(), timeout)
                .await
            {
                Ok(response) => {
                    span.record("status", response.status.as_u16());
                    record_correlation(&span, &response.headers);
                    tracing::debug!(
                        attempt,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "call succeeded"
                    );
                    return Ok(response);
                }
                Err(failure) => failure,
            };
            let decision = match &failure {
                AttemptFailure::Status { status, headers, .. } => {
                    span.record("status", status.as_u16());
                    record_correlation(&span, headers);
                    if *status == StatusCode::UNAUTHORIZED
                        && !renewed
                        && let (Some(source), Some(token)) = (&inner.auth, &token)
                    {
                        renewed = true;
                        if source.renew(token).await?.is_some() {
                            tracing::info!(attempt, "token rejected with 401; renewed it and retrying once");
                            continue;
                        }
                    }
                    Failure::Status {
                        status: *status,
                        retry_after: parse_retry_after(headers, SystemTime::now()),
                    }
                }
                AttemptFailure::Transport {
                    kind: TransportKind::BodyTooLarge,
                    ..
                } => {
                    return Err(self.failure_error(&request, failure, attempt));
                }
                AttemptFailure::Transport { kind, .. } => Failure::from_transport(*kind),
            };
            match inner
                .retry
                .next_delay(decision, endpoint.method, attempt, started.elapsed())
            {
                Some(delay) => {
                    tracing::warn!(attempt, delay_ms = delay.as_millis() as u64, reason = %describe_failure(&failure), "retrying");
                    tokio::time::sleep(delay).await;
                }
                None => return Err(self.failure_error(&request, failure, attempt)),
            }
        }
    }

    async fn token_for(&self, request: &Request) -> Result<Option<AccessToken>> {
        if !request.endpoint.authenticated {
            return Ok(None);
        }
        match &self.inner.auth {
            Some(source) => source.token().await.map(Some),
            None => Err(Error::config(format!(
                "{} needs an access token: configure credentials with ClientBuilder::client_credentials or Client::from_env",
                request.endpoint.name
            ))),
        }
    }

    /// One attempt, bounded by `timeout` from connecting to the last byte of the body.
    async fn attempt(
        &self,
        request: &Request,
        url: &reqwest::Url,
        body: Option<Bytes>,
        token: Option<&AccessToken>,
        timeout: Duration,
    ) -> std::result::Result<RawResponse, AttemptFailure> {
        let mut builder = self
            .inner
            .http
            .request(request.endpoint.method.to_reqwest(), url.clone());
        if let Some(token) = token {
            let value = token.authorization().ok_or_else(|| AttemptFailure::Transport {
                kind: TransportKind::Io,
                message: "the access token contains characters that cannot be sent in a header".into(),
            })?;
            builder = builder.header(AUTHORIZATION, value.clone());
        }
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body);
        }
        tracing::debug!("sending request");
        let exchange = async {
            let mut response = builder.send().await.map_err(transport_failure)?;
            let status = response.status();
            let headers = std::mem::take(response.headers_mut());
            let body = read_capped(response, self.inner.max_response_bytes).await?;
            Ok::<_, AttemptFailure>((status, headers, body))
        };
        let (status, headers, body) =
            tokio::time::timeout(timeout, exchange)
                .await
                .map_err(|_| AttemptFailure::Transport {
                    kind: TransportKind::Timeout,
                    message: format!("no complete answer within {} ms", timeout.as_millis()),
                })??;
        tracing::debug!(status = status.as_u16(), "answer received");
        if status.is_success() {
            Ok(RawResponse {
                endpoint: request.endpoint,
                status,
                headers,
                body,
            })
        } else {
            Err(AttemptFailure::Status {
                status,
                headers,
                body,
            })
        }
    }

    fn failure_error(&self, request: &Request, failure: AttemptFailure, attempts: u32) -> Error {
        let endpoint = request.endpoint;
        match failure {
            AttemptFailure::Status {
                status,
                headers,
                body,
            } => Error::Api(Box::new(ApiError {
                status,
                correlation_id: correlation_id(&headers),
                retry_after: parse_retry_after(&headers, SystemTime::now()),
                body: error_body(&body),
                headers,
                operation: endpoint.name,
                permissions: endpoint.permissions,
                attempts,
            })),
            AttemptFailure::Transport { kind, message } => Error::Transport(Box::new(TransportError {
                kind,
                operation: endpoint.name,
                attempts,
                message,
            })),
        }
    }
}

/// The base URL with the request's path and query: the base is parsed once per client, so a
/// call only sets an already-encoded path and query (cheaper than parsing a whole URL).
fn request_url(base: &reqwest::Url, request: &Request) -> reqwest::Url {
    let mut url = base.clone();
    let prefix = base.path().trim_end_matches('/');
    url.set_path(&format!("{prefix}{}", request.rendered_path()));
    url.set_query((!request.query.is_empty()).then_some(request.query.as_str()));
    url
}

fn record_correlation(span: &tracing::Span, headers: &HeaderMap) {
    if let Some(id) = correlation_id(headers) {
        span.record("correlation_id", id.as_str());
    }
}

fn describe_failure(failure: &AttemptFailure) -> String {
    match failure {
        AttemptFailure::Status { status, .. } => format!("HTTP {status}"),
        AttemptFailure::Transport { kind, message } => format!("{kind:?}: {message}"),
    }
}

/// The body of an error answer: a Genesys error body, the text (bounded), or nothing.
fn error_body(body: &[u8]) -> ApiErrorBody {
    if body.iter().all(u8::is_ascii_whitespace) {
        return ApiErrorBody::Empty;
    }
    match ErrorBody::parse(body) {
        Some(parsed) => ApiErrorBody::Genesys(Box::new(parsed)),
        None => ApiErrorBody::Text(snippet(&String::from_utf8_lossy(body), 4096)),
    }
}

/// Reads the whole body, failing once it exceeds `max` bytes.
async fn read_capped(
    mut response: reqwest::Response,
    max: usize,
) -> std::result::Result<Bytes, AttemptFailure> {
    let too_large = || AttemptFailure::Transport {
        kind: TransportKind::BodyTooLarge,
        message: format!(
            "the response body is larger than the limit of {max} bytes (ClientBuilder::max_response_bytes)"
        ),
    };
    if response.content_length().is_some_and(|len| len > max as u64) {
        return Err(too_large());
    }
    let mut first: Option<Bytes> = None;
    let mut rest: Vec<u8> = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport_failure)? {
        let have = first.as_ref().map_or(0, Bytes::len) + rest.len();
        if have + chunk.len() > max {
            return Err(too_large());
        }
        match &first {
            None => first = Some(chunk),
            Some(head) => {
                if rest.is_empty() {
                    rest.extend_from_slice(head);
                }
                rest.extend_from_slice(&chunk);
            }
        }
    }
    Ok(if rest.is_empty() {
        first.unwrap_or_default()
    } else {
        Bytes::from(rest)
    })
}

fn transport_failure(error: reqwest::Error) -> AttemptFailure {
    AttemptFailure::Transport {
        kind: TransportKind::of(&error),
        message: describe(&error),
    }
}

/// A transport error with its causes, e.g. `error sending request: connection refused`.
pub(crate) fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
