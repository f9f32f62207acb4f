//! Each fault `purecloud-mock` can inject, as the client sees it, and the mock's request log.

use purecloud::{ApiErrorBody, Client, Environment, Error, RetryPolicy, TokensApi, TransportKind};
use purecloud_mock::{Fault, MockServer};
use std::time::{Duration, Instant};

const ME: &str = "/api/v2/tokens/me";

async fn setup(retry: RetryPolicy) -> (MockServer, TokensApi) {
    let mock = MockServer::start().await.unwrap();
    let client = Client::builder()
        .environment(Environment::custom(&mock.base_url()).unwrap())
        .client_credentials(mock.client_id(), mock.client_secret())
        .retry(retry)
        .timeout(Duration::from_millis(500))
        .max_response_bytes(64 * 1024)
        .build()
        .unwrap();
    client.authenticate().await.unwrap();
    (mock, TokensApi::new(&client))
}

async fn fails_once_with(fault: Fault) -> (MockServer, Error) {
    let (mock, tokens) = setup(RetryPolicy::disabled()).await;
    mock.inject(fault, 1, Some(ME));
    let error = tokens.get_tokens_me(None).await.unwrap_err();
    assert_eq!(mock.count(ME), 1, "one attempt without retries");
    (mock, error)
}

#[tokio::test]
async fn status_faults_carry_a_genesys_body_and_correlation_id() {
    for status in [500, 501, 502, 503, 504] {
        let (_mock, error) = fails_once_with(Fault::Status(status)).await;
        let Error::Api(api) = &error else {
            panic!("{status}: {error:?}")
        };
        assert_eq!(api.status.as_u16(), status);
        let body = api.error_body().expect("Genesys body");
        assert_eq!(body.context_id.as_deref(), api.correlation_id.as_deref());
    }
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error() {
    let (_mock, error) = fails_once_with(Fault::DropConnection).await;
    assert!(
        matches!(&error, Error::Transport(t) if t.kind == TransportKind::Io),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_truncated_body_is_a_transport_error() {
    let (_mock, error) = fails_once_with(Fault::TruncatedBody).await;
    assert!(
        matches!(&error, Error::Transport(t) if t.kind == TransportKind::Io),
        "{error:?}"
    );
}

#[tokio::test]
async fn malformed_json_is_a_decode_error() {
    let (_mock, error) = fails_once_with(Fault::MalformedJson).await;
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn an_html_page_is_kept_as_text() {
    let (_mock, error) = fails_once_with(Fault::Html(502)).await;
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert!(
        matches!(&api.body, ApiErrorBody::Text(t) if t.contains("<html>")),
        "{:?}",
        api.body
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_without_buffering_it() {
    let (_mock, error) = fails_once_with(Fault::OversizedBody(1 << 20)).await;
    assert!(
        matches!(&error, Error::Transport(t) if t.kind == TransportKind::BodyTooLarge),
        "{error:?}"
    );
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn a_slow_answer_times_out() {
    let started = Instant::now();
    let (_mock, error) = fails_once_with(Fault::Delay(Duration::from_secs(5))).await;
    assert!(
        matches!(&error, Error::Transport(t) if t.kind == TransportKind::Timeout),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn faults_are_retried_for_idempotent_calls_and_logged() {
    let (mock, tokens) = setup(
        RetryPolicy::default()
            .max_attempts(5)
            .backoff(Duration::from_millis(5), Duration::from_millis(20)),
    )
    .await;
    mock.inject(Fault::Status(503), 1, Some(ME));
    mock.inject(Fault::DropConnection, 1, Some(ME));
    mock.inject(Fault::TooManyRequests { retry_after: None }, 1, Some(ME));
    tokens.get_tokens_me(None).await.unwrap();
    assert_eq!(mock.count(ME), 4);
    let logged: Vec<_> = mock.requests().into_iter().filter(|r| r.path == ME).collect();
    assert!(
        logged
            .iter()
            .all(|r| r.method == "GET" && r.header("authorization") == Some("Bearer [REDACTED]"))
    );
}

#[tokio::test]
async fn a_fault_for_one_route_leaves_the_others_alone() {
    let (mock, tokens) = setup(RetryPolicy::disabled()).await;
    mock.inject(Fault::Status(500), 1, Some("/api/v2/tokens/timeout"));
    tokens.get_tokens_me(None).await.unwrap();
    assert!(tokens.get_tokens_timeout().await.is_err());
    tokens.get_tokens_timeout().await.unwrap();
}

#[test]
fn fault_flags_parse() {
    assert_eq!(
        "429:2".parse::<Fault>(),
        Ok(Fault::TooManyRequests { retry_after: Some(2) })
    );
    assert_eq!("503".parse::<Fault>(), Ok(Fault::Status(503)));
    assert_eq!(
        "delay:250".parse::<Fault>(),
        Ok(Fault::Delay(Duration::from_millis(250)))
    );
    assert_eq!("drop".parse::<Fault>(), Ok(Fault::DropConnection));
    assert!("teapot".parse::<Fault>().is_err());
}
