//! End to end: the whole Tokens API through `purecloud` against `purecloud-mock`.

use purecloud::models::{IdleTokenTimeout, InactivityTimeoutUnit};
use purecloud::{Client, Environment, Error, RetryPolicy, TokensApi};
use purecloud_mock::{Fault, MockServer, OAuthClient};
use std::time::Duration;

async fn start() -> (MockServer, Client) {
    let mock = MockServer::start().await.unwrap();
    let client = Client::authenticate_with_client_credentials(
        mock.client_id(),
        mock.client_secret(),
        &mock.base_url(),
    )
    .await
    .unwrap();
    (mock, client)
}

fn client_as(mock: &MockServer, id: &str, secret: &str) -> Client {
    Client::builder()
        .environment(Environment::custom(&mock.base_url()).unwrap())
        .client_credentials(id, secret)
        .build()
        .unwrap()
}

#[tokio::test]
async fn get_tokens_me_with_and_without_preserve_idle_ttl() {
    let (mock, client) = start().await;
    let tokens = TokensApi::new(&client);
    let info = tokens.get_tokens_me(None).await.unwrap();
    assert_eq!(
        info.organization.unwrap().name.as_deref(),
        Some(purecloud_mock::ORG_NAME)
    );
    let oauth = info.oauth_client.unwrap();
    assert_eq!(oauth.id.as_deref(), Some(mock.client_id()));
    assert_eq!(
        oauth.authorized_grant_type,
        Some(purecloud::models::AuthorizedGrantType::ClientCredentials)
    );
    assert!(
        info.authorized_scope
            .unwrap()
            .contains(&"oauth:token:delete".to_string())
    );
    let first_idle = info.date_token_idles.unwrap();

    tokio::time::sleep(Duration::from_millis(20)).await;
    let preserved = tokens.get_tokens_me(Some(true)).await.unwrap();
    assert_eq!(
        preserved.date_token_idles.unwrap(),
        first_idle,
        "preserveIdleTTL=true keeps the idle expiry"
    );
    tokio::time::sleep(Duration::from_millis(20)).await;
    let reset = tokens.get_tokens_me(Some(false)).await.unwrap();
    assert!(
        reset.date_token_idles.unwrap() > first_idle,
        "the idle expiry is reset"
    );

    let queries: Vec<_> = mock
        .requests()
        .into_iter()
        .filter(|r| r.path == "/api/v2/tokens/me")
        .map(|r| r.query)
        .collect();
    assert_eq!(
        queries,
        [
            None,
            Some("preserveIdleTTL=true".into()),
            Some("preserveIdleTTL=false".into())
        ]
    );
}

#[tokio::test]
async fn head_verifies_and_a_revoked_token_is_a_typed_401() {
    let (mock, client) = start().await;
    let tokens = TokensApi::new(&client);
    tokens.head_tokens_me().await.unwrap();
    mock.revoke_all_tokens();
    mock.add_client(OAuthClient {
        id: mock.client_id().into(),
        secret: "rotated".into(),
        name: "rotated".into(),
        permissions: vec![],
        token_lifetime: Duration::from_secs(60),
    });
    let error = tokens.head_tokens_me().await.unwrap_err();
    assert!(
        matches!(error, Error::Auth(_)),
        "renewal with the old secret fails: {error:?}"
    );

    let static_client = Client::builder()
        .environment(Environment::custom(&mock.base_url()).unwrap())
        .access_token("revoked-token")
        .build()
        .unwrap();
    let error = TokensApi::new(&static_client).head_tokens_me().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert!(error.correlation_id().is_some());
}

#[tokio::test]
async fn delete_tokens_me_then_the_client_recovers_by_authenticating_again() {
    let (mock, client) = start().await;
    let tokens = TokensApi::new(&client);
    tokens.delete_tokens_me().await.unwrap();
    let info = tokens.get_tokens_me(None).await.unwrap();
    assert!(info.organization.is_some());
    assert_eq!(mock.count("/oauth/token"), 2, "one renewal after the 401");
}

#[tokio::test]
async fn put_tokens_timeout_persists_and_validates_its_bounds() {
    let (_mock, client) = start().await;
    let tokens = TokensApi::new(&client);
    let before = tokens.get_tokens_timeout().await.unwrap();
    assert_eq!(before.enable_idle_token_timeout, Some(false));
    let wanted = IdleTokenTimeout {
        idle_token_timeout_seconds: Some(1800),
        enable_idle_token_timeout: Some(true),
        inactivity_timeout_unit: Some(InactivityTimeoutUnit::Hours),
        ..Default::default()
    };
    let saved = tokens.put_tokens_timeout(Some(&wanted)).await.unwrap();
    assert_eq!(saved.idle_token_timeout_seconds, Some(1800));
    let after = tokens.get_tokens_timeout().await.unwrap();
    assert_eq!(after.idle_token_timeout_seconds, Some(1800));
    assert_eq!(after.enable_idle_token_timeout, Some(true));
    assert_eq!(after.inactivity_timeout_unit, Some(InactivityTimeoutUnit::Hours));

    for bad in [299, 28_801] {
        let body = IdleTokenTimeout {
            idle_token_timeout_seconds: Some(bad),
            ..Default::default()
        };
        let error = tokens.put_tokens_timeout(Some(&body)).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(400), "{bad}");
        assert!(error.to_string().contains("between 300"), "{error}");
    }
    assert_eq!(
        tokens
            .get_tokens_timeout()
            .await
            .unwrap()
            .idle_token_timeout_seconds,
        Some(1800)
    );
    assert_eq!(
        tokens
            .put_tokens_timeout(None)
            .await
            .unwrap()
            .idle_token_timeout_seconds,
        Some(1800)
    );
}

#[tokio::test]
async fn delete_token_revokes_the_users_tokens_and_needs_the_permission() {
    let (mock, client) = start().await;
    let user_token = mock.issue_user_token(mock.client_id(), "user/1");
    assert!(mock.is_token_valid(&user_token));
    TokensApi::new(&client).delete_token("user/1").await.unwrap();
    assert!(
        !mock.is_token_valid(&user_token),
        "the user's tokens stop working"
    );
    assert!(
        mock.requests()
            .iter()
            .any(|r| r.path == "/api/v2/tokens/user%2F1")
    );

    mock.add_client(OAuthClient {
        id: "reader".into(),
        secret: "reader-secret".into(),
        name: "Read only".into(),
        permissions: vec![],
        token_lifetime: Duration::from_secs(3600),
    });
    let reader = client_as(&mock, "reader", "reader-secret");
    let error = TokensApi::new(&reader).delete_token("user-2").await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403));
    let message = error.to_string();
    assert!(message.contains("oauth:token:delete"), "{message}");
    let error = TokensApi::new(&reader)
        .put_tokens_timeout(Some(&IdleTokenTimeout {
            idle_token_timeout_seconds: Some(600),
            ..Default::default()
        }))
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("directory:organization:admin"),
        "{error}"
    );
}

#[tokio::test]
async fn wrong_credentials_are_an_auth_error_that_says_what_to_check() {
    let mock = MockServer::start().await.unwrap();
    let error = Client::authenticate_with_client_credentials("nobody", "nothing", &mock.base_url())
        .await
        .unwrap_err();
    let Error::Auth(auth) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(auth.error, "invalid_client");
    assert!(
        error.to_string().contains("Check the client id and secret"),
        "{error}"
    );
}

#[tokio::test]
async fn injected_rate_limits_are_retried_and_the_log_shows_each_attempt() {
    let (mock, client) = start().await;
    mock.inject(
        Fault::TooManyRequests { retry_after: Some(0) },
        2,
        Some("/api/v2/tokens/timeout"),
    );
    TokensApi::new(&client).get_tokens_timeout().await.unwrap();
    assert_eq!(mock.count("/api/v2/tokens/timeout"), 3);
    let strict = Client::builder()
        .environment(Environment::custom(&mock.base_url()).unwrap())
        .client_credentials(mock.client_id(), mock.client_secret())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    mock.inject(
        Fault::TooManyRequests { retry_after: Some(0) },
        1,
        Some("/api/v2/tokens/timeout"),
    );
    let error = TokensApi::new(&strict).get_tokens_timeout().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
    let logged = mock.requests();
    assert!(
        logged
            .iter()
            .filter_map(|r| r.header("authorization"))
            .all(|v| v.ends_with("[REDACTED]"))
    );
}
