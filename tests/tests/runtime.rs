//! The runtime against wiremock on loopback: token exchange, single-flight renewal, retries,
//! timeouts, typed errors, encoding, secrets in logs, regions.

use purecloud::{Client, Environment, Error, Region, RetryPolicy, TokensApi, TransportKind, endpoint};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wiremock::matchers::{body_string, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN_INFO: &str = r#"{"organization":{"id":"o1","name":"Org"},"authorizedScope":["a"],"OAuthClient":{"id":"c1","authorizedGrantType":"CLIENT-CREDENTIALS"}}"#;

fn token_response(token: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(format!(
        r#"{{"access_token":"{token}","token_type":"bearer","expires_in":{expires_in}}}"#
    ))
}

async fn mount_token(server: &MockServer, token: &str, expires_in: u64) {
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .respond_with(token_response(token, expires_in))
        .mount(server)
        .await;
}

fn client_for(server: &MockServer, retry: RetryPolicy) -> Client {
    Client::builder()
        .environment(Environment::custom(&server.uri()).unwrap())
        .client_credentials("myid", "mysecret")
        .retry(retry)
        .build()
        .unwrap()
}

async fn count(server: &MockServer, wanted: &str) -> usize {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == wanted)
        .count()
}

#[tokio::test]
async fn token_exchange_matches_the_wire_byte_for_byte() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/token"))
        .and(header("authorization", "Basic bXlpZDpteXNlY3JldA=="))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string("grant_type=client_credentials"))
        .respond_with(token_response("AT1", 86399))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tokens/me"))
        .and(header("authorization", "Bearer AT1"))
        .respond_with(ResponseTemplate::new(200).set_body_string(TOKEN_INFO))
        .expect(2)
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::default());
    let tokens = TokensApi::new(&client);
    tokens.get_tokens_me(None).await.unwrap();
    tokens.get_tokens_me(Some(true)).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.last().unwrap().url.query(), Some("preserveIdleTTL=true"));
}

#[tokio::test]
async fn absurd_token_lifetimes_and_retry_after_values_do_not_panic() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(token_response("AT", u64::MAX))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "18446744073709551615"))
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::default().max_retry_after(Duration::MAX));
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_calls_on_an_expired_token_renew_it_once() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 1).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tokens/me"))
        .respond_with(ResponseTemplate::new(200).set_body_string(TOKEN_INFO))
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::default());
    client.authenticate().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let tokens = TokensApi::new(&client);
    let calls: Vec<_> = (0..1000)
        .map(|_| {
            let tokens = tokens.clone();
            tokio::spawn(async move { tokens.get_tokens_me(None).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(
        count(&server, "/oauth/token").await,
        2,
        "one token at start, exactly one renewal"
    );
    assert_eq!(count(&server, "/api/v2/tokens/me").await, 1000);
}

#[tokio::test]
async fn a_401_renews_once_and_retries_once_never_loops() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tokens/me"))
        .respond_with(ResponseTemplate::new(401).set_body_string(
            r#"{"message":"Invalid login credentials.","code":"bad.credentials","status":401}"#,
        ))
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::default());
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(
        count(&server, "/oauth/token").await,
        2,
        "first token and one renewal"
    );
    assert_eq!(
        count(&server, "/api/v2/tokens/me").await,
        2,
        "first try and one retry"
    );
}

/// A server whose `/api/v2/tokens/me` answers `first` once, then 200 with a `TokenInfo`.
async fn fails_once_then_ok(first: ResponseTemplate, retry: RetryPolicy) -> (MockServer, Client) {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tokens/me"))
        .respond_with(first)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v2/tokens/me"))
        .respond_with(ResponseTemplate::new(200).set_body_string(TOKEN_INFO))
        .mount(&server)
        .await;
    let client = client_for(&server, retry);
    client.authenticate().await.unwrap();
    (server, client)
}

#[tokio::test]
async fn a_401_then_success_recovers_with_the_new_token() {
    let (server, client) = fails_once_then_ok(ResponseTemplate::new(401), RetryPolicy::disabled()).await;
    TokensApi::new(&client).get_tokens_me(None).await.unwrap();
    assert_eq!(count(&server, "/oauth/token").await, 2);
}

async fn rate_limited_then_ok(retry_after: &str) -> (MockServer, Client) {
    let first = ResponseTemplate::new(429).insert_header("Retry-After", retry_after);
    fails_once_then_ok(first, RetryPolicy::default()).await
}

#[tokio::test]
async fn a_429_with_retry_after_seconds_is_waited_for() {
    let (server, client) = rate_limited_then_ok("1").await;
    let started = Instant::now();
    TokensApi::new(&client).get_tokens_me(None).await.unwrap();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(950) && elapsed < Duration::from_secs(3),
        "{elapsed:?}"
    );
    assert_eq!(count(&server, "/api/v2/tokens/me").await, 2);
}

#[tokio::test]
async fn a_429_with_retry_after_as_http_date_is_waited_for() {
    let date = httpdate(std::time::SystemTime::now() + Duration::from_secs(2));
    let (server, client) = rate_limited_then_ok(&date).await;
    let started = Instant::now();
    TokensApi::new(&client).get_tokens_me(None).await.unwrap();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < Duration::from_secs(4),
        "{elapsed:?}"
    );
    assert_eq!(count(&server, "/api/v2/tokens/me").await, 2);
}

fn httpdate(time: std::time::SystemTime) -> String {
    let t = time::OffsetDateTime::from(time);
    let day =
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][t.weekday().number_days_from_monday() as usize];
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][u8::from(t.month()) as usize - 1];
    format!(
        "{day}, {:02} {month} {} {:02}:{:02}:{:02} GMT",
        t.day(),
        t.year(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_returns_the_429_at_once() {
    let (server, client) = rate_limited_then_ok("120").await;
    let started = Instant::now();
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(500));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert!(error.is_retryable());
    assert_eq!(count(&server, "/api/v2/tokens/me").await, 1);
}

#[endpoint(POST "/api/v2/analytics/conversations/details/query")]
async fn post_query(
    client: &Client,
    #[body] body: &serde_json::Value,
) -> purecloud::Result<serde_json::Value>;

#[tokio::test]
async fn a_post_is_not_retried_after_a_503() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("POST"))
        .and(path("/api/v2/analytics/conversations/details/query"))
        .respond_with(ResponseTemplate::new(503))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::default());
    let error = post_query(&client, &serde_json::json!({"interval": "x"}))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
}

#[tokio::test]
async fn a_get_is_retried_after_a_503() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(TOKEN_INFO))
        .mount(&server)
        .await;
    let client = client_for(
        &server,
        RetryPolicy::default().backoff(Duration::from_millis(10), Duration::from_millis(50)),
    );
    TokensApi::new(&client).get_tokens_me(None).await.unwrap();
    assert_eq!(count(&server, "/api/v2/tokens/me").await, 3);
}

#[tokio::test]
async fn a_hung_server_times_out_within_the_bound() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let client = Client::builder()
        .environment(Environment::custom(&server.uri()).unwrap())
        .client_credentials("myid", "mysecret")
        .timeout(Duration::from_millis(300))
        .retry(
            RetryPolicy::default()
                .max_attempts(2)
                .backoff(Duration::from_millis(10), Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    client.authenticate().await.unwrap();
    let started = Instant::now();
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(600) && elapsed < Duration::from_millis(1500),
        "{elapsed:?}"
    );
    match error {
        Error::Transport(e) => {
            assert_eq!(e.kind, TransportKind::Timeout);
            assert_eq!(e.attempts, 2);
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn a_genesys_error_body_and_correlation_id_are_surfaced() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("DELETE")).respond_with(
        ResponseTemplate::new(403)
            .insert_header("ININ-Correlation-Id", "corr-403")
            .set_body_string(r#"{"message":"You are missing the following permission(s): [oauth:token:delete]","code":"missing.permissions","status":403,"contextId":"ctx-1","details":[],"errors":[],"newField":1}"#),
    ).mount(&server).await;
    let client = client_for(&server, RetryPolicy::default());
    let error = TokensApi::new(&client).delete_token("u1").await.unwrap_err();
    assert_eq!(error.correlation_id(), Some("corr-403"));
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    let body = api.error_body().expect("parsed error body");
    assert_eq!(body.context_id.as_deref(), Some("ctx-1"));
    assert_eq!(body.code.as_deref(), Some("missing.permissions"));
    let message = error.to_string();
    assert!(
        message.contains("`oauth:token:delete`") && message.contains("corr-403"),
        "{message}"
    );
}

#[tokio::test]
async fn an_html_502_yields_the_raw_text() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(502)
                .insert_header("content-type", "text/html")
                .set_body_string("<html>Bad gateway</html>"),
        )
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::disabled());
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        api.body,
        purecloud::ApiErrorBody::Text("<html>Bad gateway</html>".into())
    );
    assert_eq!(api.status.as_u16(), 502);
}

#[tokio::test]
async fn a_mismatched_2xx_body_names_the_failing_field() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(r#"{"organization":{"id":"o1"},"OAuthClient":{"id":"c1","dateCreated":5}}"#),
        )
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::default());
    let error = TokensApi::new(&client).get_tokens_me(None).await.unwrap_err();
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.path, "OAuthClient.dateCreated");
    assert!(decode.snippet.starts_with("{\"organization\""));
}

#[tokio::test]
async fn a_hostile_path_value_is_one_encoded_segment() {
    let server = MockServer::start().await;
    mount_token(&server, "AT", 3600).await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client_for(&server, RetryPolicy::default());
    TokensApi::new(&client)
        .delete_token("a b/../c?d#e%")
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    let delete = requests.iter().find(|r| r.method.as_str() == "DELETE").unwrap();
    assert_eq!(delete.url.path(), "/api/v2/tokens/a%20b%2F..%2Fc%3Fd%23e%25");
    assert_eq!(delete.url.query(), None);
    for bad in ["", ".", ".."] {
        let error = TokensApi::new(&client).delete_token(bad).await.unwrap_err();
        assert!(
            matches!(error, Error::InvalidRequest { .. }),
            "{bad:?}: {error:?}"
        );
    }
}

/// A `tracing` writer that keeps everything in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn secrets_and_tokens_never_appear_in_trace_logs_or_debug_output() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (debug, errors) = runtime.block_on(async {
        let server = MockServer::start().await;
        Mock::given(method("POST")).and(path("/oauth/token")).respond_with(token_response("SECRET-ACCESS-TOKEN-1", 3600)).mount(&server).await;
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "0")).up_to_n_times(1).with_priority(1).mount(&server).await;
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(401)).up_to_n_times(1).with_priority(2).mount(&server).await;
        Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_string(TOKEN_INFO)).with_priority(3).mount(&server).await;
        let client = Client::builder()
            .environment(Environment::custom(&server.uri()).unwrap())
            .client_credentials("myid", "TOP-SECRET-CLIENT-SECRET")
            .build()
            .unwrap();
        let tokens = TokensApi::new(&client);
        tokens.get_tokens_me(None).await.unwrap();
        let wrong = Client::builder()
            .environment(Environment::custom(&server.uri()).unwrap())
            .client_credentials("myid", "TOP-SECRET-CLIENT-SECRET")
            .build()
            .unwrap();
        server.reset().await;
        Mock::given(method("POST")).respond_with(ResponseTemplate::new(400).set_body_string(r#"{"error":"invalid_client","description":"client not found","error_description":"client not found"}"#)).mount(&server).await;
        let auth_error = TokensApi::new(&wrong).get_tokens_me(None).await.unwrap_err();
        (format!("{client:?} {tokens:?} {wrong:?}"), format!("{auth_error} {auth_error:?}"))
    });
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("purecloud.call"), "the flow was traced: {logs}");
    for secret in [
        "TOP-SECRET-CLIENT-SECRET",
        "SECRET-ACCESS-TOKEN",
        "bXlpZDpUT1At",
        "Bearer S",
    ] {
        assert!(!logs.contains(secret), "{secret} leaked into the logs");
        assert!(!debug.contains(secret), "{secret} leaked into Debug: {debug}");
        assert!(
            !errors.contains(secret),
            "{secret} leaked into an error: {errors}"
        );
    }
    assert!(errors.contains("invalid_client"), "{errors}");
}

#[test]
fn every_region_resolves_to_the_wire_facts_bases() {
    let table = [
        ("us_east_1", "mypurecloud.com"),
        ("eu_west_1", "mypurecloud.ie"),
        ("ap_southeast_2", "mypurecloud.com.au"),
        ("ap_northeast_1", "mypurecloud.jp"),
        ("eu_central_1", "mypurecloud.de"),
        ("us_west_2", "usw2.pure.cloud"),
        ("ca_central_1", "cac1.pure.cloud"),
        ("ap_northeast_2", "apne2.pure.cloud"),
        ("eu_west_2", "euw2.pure.cloud"),
        ("ap_south_1", "aps1.pure.cloud"),
        ("us_east_2", "use2.us-gov-pure.cloud"),
        ("sa_east_1", "sae1.pure.cloud"),
        ("me_central_1", "mec1.pure.cloud"),
        ("ap_northeast_3", "apne3.pure.cloud"),
        ("eu_central_2", "euc2.pure.cloud"),
        ("mx_central_1", "mxc1.pure.cloud"),
        ("ap_southeast_1", "apse1.pure.cloud"),
        ("eusc_de_east_1", "edee1.eusc-pure.cloud"),
    ];
    assert_eq!(Region::ALL.len(), table.len());
    for (name, host) in table {
        for spelling in [
            name.to_string(),
            host.to_string(),
            format!("api.{host}"),
            format!("https://api.{host}/"),
            name.replace('_', "-"),
        ] {
            let env: Environment = spelling.parse().unwrap_or_else(|e| panic!("{spelling}: {e}"));
            assert_eq!(env.api_base(), format!("https://api.{host}"), "{spelling}");
            assert_eq!(env.login_base(), format!("https://login.{host}"), "{spelling}");
        }
    }
}

#[tokio::test]
async fn a_gateway_base_url_with_a_path_prefix_keeps_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/gw/oauth/token"))
        .respond_with(token_response("AT", 3600))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/gw/api/v2/tokens/a%2Fb"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .environment(Environment::custom(&format!("{}/gw/", server.uri())).unwrap())
        .client_credentials("myid", "mysecret")
        .build()
        .unwrap();
    TokensApi::new(&client).delete_token("a/b").await.unwrap();
}

#[test]
fn custom_bases_derive_the_login_base_like_the_official_sdks() {
    let local = Environment::custom("http://127.0.0.1:8080/").unwrap();
    assert_eq!(
        (local.api_base(), local.login_base()),
        ("http://127.0.0.1:8080".into(), "http://127.0.0.1:8080".into())
    );
    let gateway = Environment::custom("https://api.gw.example.com").unwrap();
    assert_eq!(gateway.login_base(), "https://login.gw.example.com");
}

#[test]
fn configuration_mistakes_are_config_errors_that_say_what_to_do() {
    let unknown = "mypurecloud.xx".parse::<Environment>().unwrap_err();
    assert!(
        matches!(unknown, Error::Config { .. }) && unknown.to_string().contains("us_east_1"),
        "{unknown}"
    );
    let empty = Client::builder().client_credentials("", "s").build().unwrap_err();
    assert!(
        matches!(empty, Error::Config { .. }) && empty.to_string().contains("client id"),
        "{empty}"
    );
    let insecure = Client::builder()
        .environment(Environment::custom("http://gateway.example.com").unwrap())
        .build()
        .unwrap_err();
    assert!(
        matches!(insecure, Error::Config { .. }) && insecure.to_string().contains("https"),
        "{insecure}"
    );
    assert!(
        Client::builder()
            .environment(Environment::custom("http://gateway.example.com").unwrap())
            .allow_insecure_http(true)
            .build()
            .is_ok()
    );
    let missing = Client::builder().credentials_from(|_| None).err().unwrap();
    assert!(missing.to_string().contains("PURECLOUD_CLIENT_ID"), "{missing}");
}

#[test]
fn credentials_and_region_come_from_either_set_of_variables() {
    let vars = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    };
    let seed = Client::builder()
        .credentials_from(vars(&[
            ("PURECLOUD_CLIENT_ID", "id"),
            ("PURECLOUD_SECRET", "s"),
            ("PURECLOUD_ENVIRONMENT", "mypurecloud.ie"),
        ]))
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(seed.environment(), &Environment::Region(Region::EuWest1));
    let genesys = Client::builder()
        .credentials_from(vars(&[
            ("GENESYSCLOUD_OAUTHCLIENT_ID", "id"),
            ("GENESYSCLOUD_OAUTHCLIENT_SECRET", "s"),
            ("GENESYSCLOUD_REGION", "us-west-2"),
        ]))
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(genesys.environment(), &Environment::Region(Region::UsWest2));
}

#[tokio::test]
async fn header_values_with_line_breaks_are_rejected_before_sending() {
    #[endpoint(PUT "/api/v2/things/{id}")]
    async fn put_thing(
        client: &Client,
        id: &str,
        #[header("If-Match")] version: &str,
    ) -> purecloud::Result<()>;
    let server = MockServer::start().await;
    let client = Client::builder()
        .environment(Environment::custom(&server.uri()).unwrap())
        .access_token("t")
        .build()
        .unwrap();
    let error = put_thing(&client, "x", "1\r\nX-Injected: yes").await.unwrap_err();
    assert!(matches!(error, Error::InvalidRequest { .. }), "{error:?}");
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing was sent"
    );
}
