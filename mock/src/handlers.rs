//! One request: log it, give it a correlation id, then serve a queued fault or route it.

use crate::Shared;
use crate::answer::{Answer, Body, DropConnection, error, finish, not_found};
use crate::fault_answers::fault_answer;
use crate::faults::Fault;
use crate::log::LoggedRequest;
use crate::login::token_endpoint;
use crate::state::random_hex;
use crate::tokens_api::tokens_api;
use http_body_util::BodyExt as _;
use hyper::body::Incoming;
use hyper::{Method, Request, Response, StatusCode};

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
    match shared.take_fault(&path) {
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        Some(fault) => {
            if let Some(answer) = fault_answer(fault, &correlation_id) {
                return answer;
            }
        }
        None => {}
    }
    let answer = route(&shared, &parts, &path, query.as_deref(), &body, &correlation_id);
    Ok(finish(answer, &correlation_id))
}

/// The login service, the Tokens API, or a Genesys-shaped 404.
fn route(
    shared: &Shared,
    parts: &hyper::http::request::Parts,
    path: &str,
    query: Option<&str>,
    body: &[u8],
    correlation_id: &str,
) -> Answer {
    if path == "/oauth/token" {
        return if parts.method == Method::POST {
            token_endpoint(shared, &parts.headers, body)
        } else {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "method.not.allowed",
                "Use POST for /oauth/token.",
                correlation_id,
            )
        };
    }
    match path.strip_prefix("/api/v2/tokens/") {
        Some(rest) => tokens_api(
            shared,
            &parts.method,
            rest,
            query,
            &parts.headers,
            body,
            correlation_id,
        ),
        None => not_found(path, correlation_id),
    }
}

/// Keeps the scheme of an `Authorization` value and hides the credentials.
fn redact(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} [REDACTED]"),
        None => "[REDACTED]".into(),
    }
}
