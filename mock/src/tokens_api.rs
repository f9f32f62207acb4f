//! The Tokens API: `/api/v2/tokens/...` with the real semantics.

use crate::Shared;
use crate::answer::{Answer, error, missing_permission, not_found};
use crate::state::TokenRejection;
use hyper::{Method, StatusCode};
use serde_json::{Value, json};

/// Answers a request under `/api/v2/tokens/`; `rest` is the path after that prefix.
pub(crate) fn tokens_api(
    shared: &Shared,
    method: &Method,
    rest: &str,
    query: Option<&str>,
    headers: &hyper::HeaderMap,
    body: &[u8],
    correlation_id: &str,
) -> Answer {
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
        _ => not_found(&format!("/api/v2/tokens/{rest}"), correlation_id),
    }
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
