//! The HTTP side: routing, the login service, the Tokens API and fault answers.

use crate::Shared;
use crate::faults::Fault;
use crate::log::LoggedRequest;
use crate::state::{TokenRejection, random_hex};
use base64::Engine as _;
use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::body::{Frame, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{Value, json};
use std::convert::Infallible;

/// The body type of every answer.
pub(crate) type Body = http_body_util::combinators::BoxBody<Bytes, std::io::Error>;

/// Returned to hyper to close the connection without answering.
#[derive(Debug)]
pub(crate) struct DropConnection;

impl std::fmt::Display for DropConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("fault injection: connection dropped")
    }
}

impl std::error::Error for DropConnection {}

/// What a handler decided, before the correlation id is added.
struct Answer {
    status: StatusCode,
    content_type: &'static str,
    body: Bytes,
}

impl Answer {
    fn json(status: StatusCode, value: Value) -> Answer {
        Answer {
            status,
            content_type: "application/json",
            body: Bytes::from(value.to_string()),
        }
    }

    fn empty(status: StatusCode) -> Answer {
        Answer {
            status,
            content_type: "application/json",
            body: Bytes::new(),
        }
    }
}

/// Handles one request.
pub(crate) async fn handle(
    shared: Shared,
    request: Request<Incoming>,
) -> Result<Response<Body>, DropConnection> {
    let (parts, body) = request.into_parts();
    let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().map(str::to_owned);
    shared.log(LoggedRequest {
        method: parts.method.to_string(),
        path: path.clone(),
        query: query.clone(),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| {
                let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
                let text = if name == hyper::header::AUTHORIZATION {
                    redact(&text)
                } else {
                    text
                };
                (name.as_str().to_owned(), text)
            })
            .collect(),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    let correlation_id = format!(
        "{}-{}-{}-{}-{}",
        random_hex(8),
        random_hex(4),
        random_hex(4),
        random_hex(4),
        random_hex(12)
    );
    let fault = shared.take_fault(&path);
    if let Some(Fault::Delay(delay)) = &fault {
        tokio::time::sleep(*delay).await;
    }
    let answer = match fault {
        Some(Fault::DropConnection) => return Err(DropConnection),
        Some(Fault::TooManyRequests { retry_after }) => {
            let answer = error(
                StatusCode::TOO_MANY_REQUESTS,
                "too.many.requests",
                "Rate limit exceeded the maximum.",
                &correlation_id,
            );
            let mut response = finish(answer, &correlation_id);
            if let Some(seconds) = retry_after {
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(seconds));
            }
            return Ok(response);
        }
        Some(Fault::Status(code)) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            error(status, "fault.injected", "Injected failure.", &correlation_id)
        }
        Some(Fault::MalformedJson) => Answer {
            status: StatusCode::OK,
            content_type: "application/json",
            body: Bytes::from_static(b"{\"organization\": {\"id\": "),
        },
        Some(Fault::Html(code)) => Answer {
            status: StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_GATEWAY),
            content_type: "text/html",
            body: Bytes::from_static(b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
        },
        Some(Fault::OversizedBody(size)) => {
            let filler = "x".repeat(size.saturating_sub(16));
            Answer::json(StatusCode::OK, json!({ "padding": filler }))
        }
        Some(Fault::TruncatedBody) => return Ok(truncated(&correlation_id)),
        Some(Fault::Delay(_)) | None => route(
            &shared,
            &parts.method,
            &path,
            query.as_deref(),
            &parts.headers,
            &body,
            &correlation_id,
        ),
    };
    Ok(finish(answer, &correlation_id))
}

/// Keeps the scheme of an `Authorization` value and hides the credentials.
fn redact(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} [REDACTED]"),
        None => "[REDACTED]".into(),
    }
}

fn finish(answer: Answer, correlation_id: &str) -> Response<Body> {
    let mut response = Response::new(full(answer.body));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(correlation_id) {
        headers.insert("inin-correlation-id", id);
    }
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(answer.content_type));
    response
}

fn full(bytes: Bytes) -> Body {
    Full::new(bytes)
        .map_err(|never: Infallible| match never {})
        .boxed()
}

/// A 200 announcing 1,000 bytes and sending 20 before failing, which closes the connection.
fn truncated(correlation_id: &str) -> Response<Body> {
    let mut response = Response::new(TruncatedBody { sent: false }.boxed());
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Ok(id) = HeaderValue::from_str(correlation_id) {
        headers.insert("inin-correlation-id", id);
    }
    response
}

/// A body that sends one chunk of a promised 1,000 bytes, then fails.
struct TruncatedBody {
    sent: bool,
}

impl hyper::body::Body for TruncatedBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        if self.sent {
            return std::task::Poll::Ready(Some(Err(std::io::Error::other(
                "fault injection: body truncated",
            ))));
        }
        self.sent = true;
        std::task::Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(
            b"{\"organization\": {\"",
        )))))
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        hyper::body::SizeHint::with_exact(1000)
    }
}

/// A Genesys error body.
fn error(status: StatusCode, code: &str, message: &str, correlation_id: &str) -> Answer {
    Answer::json(
        status,
        json!({
            "message": message,
            "code": code,
            "status": status.as_u16(),
            "messageWithParams": message,
            "messageParams": {},
            "contextId": correlation_id,
            "details": [],
            "errors": []
        }),
    )
}

fn route(
    shared: &Shared,
    method: &Method,
    path: &str,
    query: Option<&str>,
    headers: &hyper::HeaderMap,
    body: &[u8],
    correlation_id: &str,
) -> Answer {
    if path == "/oauth/token" {
        return if method == Method::POST {
            token_endpoint(shared, headers, body)
        } else {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "method.not.allowed",
                "Use POST for /oauth/token.",
                correlation_id,
            )
        };
    }
    let Some(rest) = path.strip_prefix("/api/v2/tokens/") else {
        return not_found(path, correlation_id);
    };
    let bearer = headers
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")));
    let preserve = query_flag(query, "preserveIdleTTL");
    let mut state = shared.state();
    let touch = !(method == Method::GET && rest == "me" && preserve);
    let token = match state.authenticate(bearer, touch) {
        Ok(token) => token,
        Err(rejection) => {
            let message = match rejection {
                TokenRejection::Missing => {
                    "No authentication bearer token specified in authorization header."
                }
                TokenRejection::Unknown => "Invalid login credentials.",
                TokenRejection::Expired => "The access token has expired.",
                TokenRejection::Idle => "The access token expired after being idle.",
            };
            let code = if matches!(rejection, TokenRejection::Missing) {
                "authentication.required"
            } else {
                "bad.credentials"
            };
            return error(StatusCode::UNAUTHORIZED, code, message, correlation_id);
        }
    };
    match (method.as_str(), rest) {
        ("GET", "me") => Answer::json(StatusCode::OK, state.token_info(&token)),
        ("HEAD", "me") => Answer::empty(StatusCode::OK),
        ("DELETE", "me") => {
            state.tokens.remove(&token);
            Answer::empty(StatusCode::NO_CONTENT)
        }
        ("GET", "timeout") => Answer::json(StatusCode::OK, state.idle_timeout.clone()),
        ("PUT", "timeout") => {
            if !state.has_permission(&token, "directory:organization:admin") {
                return missing_permission("directory:organization:admin", correlation_id);
            }
            match update_idle_timeout(&state.idle_timeout, body) {
                Ok(updated) => {
                    state.idle_timeout = updated.clone();
                    Answer::json(StatusCode::OK, updated)
                }
                Err(message) => error(StatusCode::BAD_REQUEST, "bad.request", &message, correlation_id),
            }
        }
        ("DELETE", user_id) if !user_id.contains('/') && user_id != "timeout" => {
            if !state.has_permission(&token, "oauth:token:delete") {
                return missing_permission("oauth:token:delete", correlation_id);
            }
            let user_id = percent_decode(user_id);
            state
                .tokens
                .retain(|_, t| t.user_id.as_deref() != Some(user_id.as_str()));
            Answer::empty(StatusCode::NO_CONTENT)
        }
        _ => not_found(path, correlation_id),
    }
}

fn not_found(path: &str, correlation_id: &str) -> Answer {
    error(
        StatusCode::NOT_FOUND,
        "not.found",
        &format!("The requested resource {path} was not found."),
        correlation_id,
    )
}

fn missing_permission(permission: &str, correlation_id: &str) -> Answer {
    let mut answer = error(
        StatusCode::FORBIDDEN,
        "missing.permissions",
        &format!(
            "Unable to perform the requested action. You are missing the following permission(s): [{permission}]"
        ),
        correlation_id,
    );
    let mut value: Value = serde_json::from_slice(&answer.body).unwrap_or_default();
    value["messageParams"] = json!({ "permissions": permission });
    answer.body = Bytes::from(value.to_string());
    answer
}

/// Validates and merges a PUT body into the settings.
fn update_idle_timeout(current: &Value, body: &[u8]) -> Result<Value, String> {
    let patch: Value = if body.is_empty() {
        json!({})
    } else {
        serde_json::from_slice(body).map_err(|e| format!("The request body is not valid JSON: {e}"))?
    };
    let Value::Object(fields) = patch else {
        return Err("The request body must be a JSON object.".into());
    };
    let mut updated = current.clone();
    for (key, value) in fields {
        if !value.is_null() {
            updated[key.as_str()] = value;
        }
    }
    let seconds = updated["idleTokenTimeoutSeconds"]
        .as_i64()
        .ok_or("idleTokenTimeoutSeconds must be a whole number of seconds.")?;
    if !(300..=28_800).contains(&seconds) {
        return Err(format!(
            "idleTokenTimeoutSeconds must be between 300 (5 minutes) and 28800 (8 hours); got {seconds}."
        ));
    }
    Ok(updated)
}

/// `POST /oauth/token` with client credentials.
fn token_endpoint(shared: &Shared, headers: &hyper::HeaderMap, body: &[u8]) -> Answer {
    let oauth_error = |status: StatusCode, code: &str, description: &str| {
        Answer::json(
            status,
            json!({ "error": code, "description": description, "error_description": description }),
        )
    };
    let form = String::from_utf8_lossy(body);
    let grant = form.split('&').find_map(|pair| pair.strip_prefix("grant_type="));
    if grant != Some("client_credentials") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Only grant_type=client_credentials is supported by this mock.",
        );
    }
    let credentials = headers
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b64| base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok());
    let Some((id, secret)) = credentials.as_deref().and_then(|c| c.split_once(':')) else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication is required (HTTP Basic)",
        );
    };
    let mut state = shared.state();
    let Some(client) = state.clients.get(id).filter(|c| c.secret == secret).cloned() else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "client not found or bad client credentials",
        );
    };
    let token = state.issue(&client.id, None, client.token_lifetime);
    Answer::json(
        StatusCode::OK,
        json!({ "access_token": token, "token_type": "bearer", "expires_in": client.token_lifetime.as_secs() }),
    )
}

fn query_flag(query: Option<&str>, name: &str) -> bool {
    query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| pair.split_once('='))
        .any(|(key, value)| key == name && value.eq_ignore_ascii_case("true"))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
