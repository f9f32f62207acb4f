//! Token renewal under load: 1,000 concurrent calls on an expired client-credentials token.

use purecloud::{Client, Environment, TokensApi};
use purecloud_mock::{MockServer, OAuthClient};
use std::time::{Duration, Instant};

/// Token requests made by the 1,000 calls, and the time they took.
pub async fn measure(calls: usize) -> (usize, Duration) {
    let mock = MockServer::start().await.expect("mock");
    mock.add_client(OAuthClient {
        id: "short-lived".into(),
        secret: "s".into(),
        name: "Short-lived tokens".into(),
        permissions: vec![],
        token_lifetime: Duration::from_secs(1),
    });
    let client = Client::builder()
        .environment(Environment::custom(&mock.base_url()).expect("mock url"))
        .client_credentials("short-lived", "s")
        .build()
        .expect("client");
    client.authenticate().await.expect("first token");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let before = mock.count("/oauth/token");
    let api = TokensApi::new(&client);
    let started = Instant::now();
    let tasks: Vec<_> = (0..calls)
        .map(|_| {
            let api = api.clone();
            tokio::spawn(async move { api.get_tokens_me(None).await.map(drop) })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("call");
    }
    (mock.count("/oauth/token") - before, started.elapsed())
}
