//! Answers: the body type, Genesys error bodies, and the headers every answer carries.

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Response, StatusCode};
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
pub(crate) struct Answer {
    /// The status.
    pub status: StatusCode,
    /// The `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Bytes,
}

impl Answer {
    /// A JSON answer.
    pub(crate) fn json(status: StatusCode, value: Value) -> Answer {
        Answer {
            status,
            content_type: "application/json",
            body: Bytes::from(value.to_string()),
        }
    }

    /// An answer without a body.
    pub(crate) fn empty(status: StatusCode) -> Answer {
        Answer {
            status,
            content_type: "application/json",
            body: Bytes::new(),
        }
    }
}

/// The HTTP response for `answer`, with `ININ-Correlation-Id` and `Content-Type`.
pub(crate) fn finish(answer: Answer, correlation_id: &str) -> Response<Body> {
    let mut response = Response::new(full(answer.body));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    if let Ok(id) = HeaderValue::from_str(correlation_id) {
        headers.insert("inin-correlation-id", id);
    }
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(answer.content_type));
    response
}

/// A complete body.
pub(crate) fn full(bytes: Bytes) -> Body {
    Full::new(bytes)
        .map_err(|never: Infallible| match never {})
        .boxed()
}

/// A Genesys error body.
pub(crate) fn error(status: StatusCode, code: &str, message: &str, correlation_id: &str) -> Answer {
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

/// The Genesys-shaped 404 for an unknown route.
pub(crate) fn not_found(path: &str, correlation_id: &str) -> Answer {
    error(
        StatusCode::NOT_FOUND,
        "not.found",
        &format!("The requested resource {path} was not found."),
        correlation_id,
    )
}

/// The 403 Genesys sends when the token's role lacks `permission`.
pub(crate) fn missing_permission(permission: &str, correlation_id: &str) -> Answer {
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
