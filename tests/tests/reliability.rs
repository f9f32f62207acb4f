//! Reliability: the fault matrix (one cell per fault, for an idempotent GET and a POST),
//! token faults, refused connections, and a bounded soak of 64 tasks sharing one client.
//! Every cell ends in success after retries or a typed error, within a time bound, and checks
//! how many attempts the mock saw.

use purecloud::{Client, Environment, Error, Result, RetryPolicy, TokensApi, TransportKind, endpoint};
use purecloud_mock::{Fault, MockServer};
use std::time::{Duration, Instant};

const ME: &str = "/api/v2/tokens/me";

/// A non-idempotent call; the mock has no POST on this path, so a request that gets past the
/// faults ends in its Genesys-shaped 404.
#[endpoint(POST "/api/v2/tokens/me")]
async fn post_me(client: &Client, #[body] body: &serde_json::Value) -> Result<serde_json::Value>;

/// What a cell must end with.
#[derive(Clone, Copy, Debug)]
enum Outcome {
    Ok,
    Status(u16),
    Transport(TransportKind),
    Decode,
}

fn policy() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .backoff(Duration::from_millis(5), Duration::from_millis(20))
        .max_retry_after(Duration::from_secs(2))
        .max_elapsed(Duration::from_secs(10))
}

/// A builder for `base` with the test policy, a 300 ms attempt timeout and a 64 KiB body cap.
fn builder(base: &str) -> purecloud::ClientBuilder {
    Client::builder()
        .environment(Environment::custom(base).unwrap())
        .retry(policy())
        .timeout(Duration::from_millis(300))
        .max_response_bytes(64 * 1024)
}

/// A base URL where nothing listens: connections are refused.
fn refused_base_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", listener.local_addr().unwrap())
}

async fn setup() -> (MockServer, Client) {
    let mock = MockServer::start().await.unwrap();
    let client = builder(&mock.base_url())
        .client_credentials(mock.client_id(), mock.client_secret())
        .build()
        .unwrap();
    client.authenticate().await.unwrap();
    (mock, client)
}

fn check(cell: &str, result: Result<()>, expected: Outcome) {
    match (expected, &result) {
        (Outcome::Ok, Ok(())) => {}
        (Outcome::Status(code), Err(Error::Api(api))) if api.status.as_u16() == code => {}
        (Outcome::Transport(kind), Err(Error::Transport(t))) if t.kind == kind => {}
        (Outcome::Decode, Err(Error::Decode(_))) => {}
        _ => panic!("{cell}: expected {expected:?}, got {result:?}"),
    }
}

/// Runs one cell for GET and for POST.
async fn cell(fault: Fault, times: usize, get: (Outcome, usize), post: (Outcome, usize)) {
    for (is_get, (expected, attempts)) in [(true, get), (false, post)] {
        let (mock, client) = setup().await;
        mock.inject(fault.clone(), times, Some(ME));
        let started = Instant::now();
        let result = if is_get {
            TokensApi::new(&client).get_tokens_me(None).await.map(drop)
        } else {
            post_me(&client, &serde_json::json!({"n": 1})).await.map(drop)
        };
        let name = format!("{fault:?} x{times} {}", if is_get { "GET" } else { "POST" });
        check(&name, result, expected);
        assert_eq!(mock.count(ME), attempts, "{name}: attempts seen by the mock");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{name}: took {:?}",
            started.elapsed()
        );
    }
}

const NOT_FOUND: Outcome = Outcome::Status(404);

#[tokio::test]
async fn rate_limit_with_retry_after() {
    cell(
        Fault::TooManyRequests { retry_after: Some(0) },
        1,
        (Outcome::Ok, 2),
        (NOT_FOUND, 2),
    )
    .await;
}

#[tokio::test]
async fn rate_limit_without_retry_after() {
    cell(
        Fault::TooManyRequests { retry_after: None },
        1,
        (Outcome::Ok, 2),
        (NOT_FOUND, 2),
    )
    .await;
}

#[tokio::test]
async fn rate_limit_storm_beyond_the_budget() {
    let storm = Fault::TooManyRequests { retry_after: Some(0) };
    cell(storm, 50, (Outcome::Status(429), 4), (Outcome::Status(429), 4)).await;
}

#[tokio::test]
async fn server_errors_that_are_never_retried() {
    for status in [500, 501] {
        cell(
            Fault::Status(status),
            1,
            (Outcome::Status(status), 1),
            (Outcome::Status(status), 1),
        )
        .await;
    }
}

#[tokio::test]
async fn gateway_errors_are_retried_for_get_only() {
    for status in [502, 503, 504] {
        cell(
            Fault::Status(status),
            1,
            (Outcome::Ok, 2),
            (Outcome::Status(status), 1),
        )
        .await;
    }
}

#[tokio::test]
async fn connection_reset_after_the_request_was_sent() {
    cell(
        Fault::DropConnection,
        1,
        (Outcome::Ok, 2),
        (Outcome::Transport(TransportKind::Io), 1),
    )
    .await;
}

#[tokio::test]
async fn an_answer_slower_than_the_timeout() {
    let slow = Fault::Delay(Duration::from_millis(1500));
    cell(
        slow,
        1,
        (Outcome::Ok, 2),
        (Outcome::Transport(TransportKind::Timeout), 1),
    )
    .await;
}

#[tokio::test]
async fn a_truncated_body() {
    cell(
        Fault::TruncatedBody,
        1,
        (Outcome::Ok, 2),
        (Outcome::Transport(TransportKind::Io), 1),
    )
    .await;
}

#[tokio::test]
async fn malformed_json() {
    cell(
        Fault::MalformedJson,
        1,
        (Outcome::Decode, 1),
        (Outcome::Decode, 1),
    )
    .await;
}

#[tokio::test]
async fn an_html_error_page() {
    cell(Fault::Html(502), 1, (Outcome::Ok, 2), (Outcome::Status(502), 1)).await;
}

#[tokio::test]
async fn a_body_larger_than_the_limit() {
    let huge = Fault::OversizedBody(1 << 20);
    let too_large = Outcome::Transport(TransportKind::BodyTooLarge);
    cell(huge, 1, (too_large, 1), (too_large, 1)).await;
}

#[tokio::test]
async fn connection_refused_before_anything_was_sent() {
    let client = builder(&refused_base_url()).access_token("t").build().unwrap();
    for result in [
        TokensApi::new(&client).get_tokens_me(None).await.map(drop),
        post_me(&client, &serde_json::json!({})).await.map(drop),
    ] {
        match result {
            Err(Error::Transport(t)) => {
                assert_eq!(t.kind, TransportKind::Connect);
                assert_eq!(t.attempts, 4, "refused connections are retried for every method");
            }
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn a_token_revoked_mid_run_is_renewed_once() {
    let (mock, client) = setup().await;
    let tokens = TokensApi::new(&client);
    tokens.get_tokens_me(None).await.unwrap();
    mock.revoke_all_tokens();
    tokens.get_tokens_me(None).await.unwrap();
    assert_eq!(mock.count("/oauth/token"), 2);
    assert_eq!(mock.count(ME), 3);
}

#[tokio::test]
async fn the_token_endpoint_down() {
    let mock = MockServer::start().await.unwrap();
    mock.inject(Fault::Status(503), 100, Some("/oauth/token"));
    let client = builder(&mock.base_url())
        .client_credentials(mock.client_id(), mock.client_secret())
        .build()
        .unwrap();
    let started = Instant::now();
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    assert!(
        matches!(&error, Error::Auth(a) if a.status.map(|s| s.as_u16()) == Some(503)),
        "{error:?}"
    );
    assert_eq!(mock.count("/oauth/token"), 4);
    assert_eq!(mock.count(ME), 0);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_share_one_failed_renewal() {
    let mock = MockServer::start().await.unwrap();
    mock.inject(Fault::Status(503), 1000, Some("/oauth/token"));
    let client = builder(&mock.base_url())
        .client_credentials(mock.client_id(), mock.client_secret())
        .build()
        .unwrap();
    let tokens = TokensApi::new(&client);
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let tokens = tokens.clone();
            tokio::spawn(async move { tokens.get_tokens_me(None).await })
        })
        .collect();
    for call in calls {
        let error = call.await.unwrap().unwrap_err();
        assert!(matches!(&error, Error::Auth(_)), "{error:?}");
    }
    assert_eq!(
        mock.count("/oauth/token"),
        4,
        "one renewal with its retries, shared by all 100 calls"
    );
    mock.clear_faults();
    tokens.get_tokens_me(None).await.unwrap();
}

#[tokio::test]
async fn the_token_endpoint_unreachable() {
    let client = builder(&refused_base_url())
        .client_credentials("id", "secret")
        .build()
        .unwrap();
    let started = Instant::now();
    match TokensApi::new(&client).get_tokens_me(None).await {
        Err(Error::Transport(t)) => {
            assert_eq!(
                (t.kind, t.operation, t.attempts),
                (TransportKind::Connect, "oauth_token", 4)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn wrong_credentials() {
    let mock = MockServer::start().await.unwrap();
    let client = builder(&mock.base_url())
        .client_credentials(mock.client_id(), "not-the-secret")
        .build()
        .unwrap();
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    assert!(
        matches!(&error, Error::Auth(a) if a.error == "invalid_client"),
        "{error:?}"
    );
    assert_eq!(mock.count("/oauth/token"), 1, "a refusal is not retried");
}

#[tokio::test]
async fn hostile_path_values_reach_the_server_as_one_segment() {
    let (mock, client) = setup().await;
    let tokens = TokensApi::new(&client);
    for (value, wire) in [
        ("a/b", "a%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("x?y=1", "x%3Fy%3D1"),
        ("x#frag", "x%23frag"),
        ("100%", "100%25"),
        ("two words", "two%20words"),
        ("Zoë 東京", "Zo%C3%AB%20%E6%9D%B1%E4%BA%AC"),
    ] {
        tokens.delete_token(value).await.unwrap();
        let last = mock.requests().pop().unwrap();
        assert_eq!(last.path, format!("/api/v2/tokens/{wire}"), "{value:?}");
        assert_eq!(last.query, None, "{value:?}");
    }
}

/// 64 tasks, 20,000 calls on one client, with 429s injected and every token expiring half-way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_64_tasks_20000_calls_every_call_accounted_for() {
    const TASKS: usize = 64;
    const CALLS: usize = 20_000;
    const INJECTED_429: usize = 500;
    let (mock, client) = setup().await;
    mock.inject(
        Fault::TooManyRequests { retry_after: Some(0) },
        INJECTED_429,
        Some(ME),
    );
    let tokens = TokensApi::new(&client);
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|task| {
            let tokens = tokens.clone();
            tokio::spawn(async move {
                let mut outcomes = (0usize, 0usize);
                for _ in (task..CALLS).step_by(TASKS) {
                    match tokens.get_tokens_me(Some(true)).await {
                        Ok(_) => outcomes.0 += 1,
                        Err(Error::Api(api)) if api.status.as_u16() == 429 => outcomes.1 += 1,
                        Err(other) => panic!("untyped or unexpected failure: {other:?}"),
                    }
                }
                outcomes
            })
        })
        .collect();
    let expiry = async {
        while mock.count(ME) < CALLS / 2 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        mock.expire_all_tokens();
    };
    let (results, ()) = tokio::join!(
        async {
            let mut all = Vec::new();
            for task in tasks {
                all.push(task.await.unwrap());
            }
            all
        },
        expiry
    );
    let succeeded: usize = results.iter().map(|r| r.0).sum();
    let rate_limited: usize = results.iter().map(|r| r.1).sum();
    eprintln!(
        "soak: {CALLS} calls, {INJECTED_429} injected 429s, {succeeded} succeeded, {rate_limited} typed 429s, \
         {} token requests, {} requests seen, {:?}",
        mock.count("/oauth/token"),
        mock.count(ME),
        started.elapsed()
    );
    assert_eq!(succeeded + rate_limited, CALLS, "no call lost");
    // Every request is a success, one of the injected 429s, or a 401 for a call that was in
    // flight with the expired token (at most one per task, each renewed once).
    let rejected_401 = mock
        .count(ME)
        .checked_sub(succeeded + INJECTED_429)
        .expect("all 429s were served");
    assert!(rejected_401 <= TASKS, "{rejected_401} calls saw a 401");
    let token_requests = mock.count("/oauth/token");
    assert!(
        (2..=3).contains(&token_requests),
        "one renewal after the expiry (plus the first token): {token_requests}"
    );
}
