//! The login service: `POST /oauth/token` with the client credentials grant.

use crate::Shared;
use crate::answer::Answer;
use base64::Engine as _;
use hyper::StatusCode;
use serde_json::json;

/// `POST /oauth/token` with client credentials.
pub(crate) fn token_endpoint(shared: &Shared, headers: &hyper::HeaderMap, body: &[u8]) -> Answer {
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
