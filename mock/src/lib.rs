//! `purecloud-mock`: an honest, stateful fake of Genesys Cloud on loopback.
//!
//! One port serves both the login service (`POST /oauth/token`, client credentials) and the
//! Tokens API, with real semantics: a deleted token stops working, permissions are checked,
//! idle-timeout settings are validated and persist. Every answer carries
//! `ININ-Correlation-Id`; errors are Genesys error bodies. Faults can be scripted for the next
//! answers, and every request is logged (with `Authorization` redacted).
//!
//! ```no_run
//! # async fn run() {
//! use purecloud_mock::{Fault, MockServer};
//! let mock = MockServer::start().await.unwrap();
//! println!("{} {} {}", mock.base_url(), mock.client_id(), mock.client_secret());
//! mock.inject(Fault::TooManyRequests { retry_after: Some(1) }, 2, None);
//! # }
//! ```

#![warn(missing_docs)]

mod answer;
mod fault_answers;
mod faults;
mod handlers;
mod log;
mod login;
mod state;
mod tokens_api;

pub use faults::Fault;
pub use log::LoggedRequest;
pub use state::{OAuthClient, ORG_ID, ORG_NAME};

use faults::FaultQueue;
use hyper_util::rt::TokioIo;
use state::State;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::net::TcpListener;

/// The demo client's id.
pub const DEMO_CLIENT_ID: &str = "mock-client-id";
/// The demo client's secret.
pub const DEMO_CLIENT_SECRET: &str = "mock-client-secret";
/// The demo client's permissions: everything the Tokens API needs.
pub const DEMO_PERMISSIONS: [&str; 2] = ["oauth:token:delete", "directory:organization:admin"];

#[derive(Clone)]
pub(crate) struct Shared(Arc<Inner>);

struct Inner {
    state: Mutex<State>,
    faults: Mutex<FaultQueue>,
    log: Mutex<Vec<LoggedRequest>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Shared {
    pub(crate) fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.0.state)
    }

    pub(crate) fn take_fault(&self, path: &str) -> Option<Fault> {
        lock(&self.0.faults).take(path)
    }

    pub(crate) fn log(&self, request: LoggedRequest) {
        lock(&self.0.log).push(request);
    }
}

/// A running mock server; it stops when dropped.
pub struct MockServer {
    addr: SocketAddr,
    shared: Shared,
    accept_loop: tokio::task::JoinHandle<()>,
}

impl MockServer {
    /// Starts on a free port of 127.0.0.1 with the demo client.
    pub async fn start() -> std::io::Result<MockServer> {
        MockServer::start_on(0).await
    }

    /// Starts on `port` of 127.0.0.1 (0 picks a free one) with the demo client.
    pub async fn start_on(port: u16) -> std::io::Result<MockServer> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let shared = Shared(Arc::new(Inner {
            state: Mutex::new(State::new()),
            faults: Mutex::new(FaultQueue::default()),
            log: Mutex::new(Vec::new()),
        }));
        let server = MockServer {
            addr,
            shared: shared.clone(),
            accept_loop: tokio::spawn(accept_loop(listener, shared)),
        };
        server.add_client(OAuthClient {
            id: DEMO_CLIENT_ID.into(),
            secret: DEMO_CLIENT_SECRET.into(),
            name: "Mock demo client".into(),
            permissions: DEMO_PERMISSIONS.iter().map(|p| p.to_string()).collect(),
            token_lifetime: Duration::from_secs(86_399),
        });
        Ok(server)
    }

    /// The base URL of both login and API, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The demo client's id.
    pub fn client_id(&self) -> &'static str {
        DEMO_CLIENT_ID
    }

    /// The demo client's secret.
    pub fn client_secret(&self) -> &'static str {
        DEMO_CLIENT_SECRET
    }

    /// Adds (or replaces) an OAuth client.
    pub fn add_client(&self, client: OAuthClient) {
        self.shared.state().clients.insert(client.id.clone(), client);
    }

    /// Issues a token acting for `user_id` (as an authorization-code login would), for
    /// testing `DELETE /api/v2/tokens/{userId}`.
    pub fn issue_user_token(&self, client_id: &str, user_id: &str) -> String {
        self.shared
            .state()
            .issue(client_id, Some(user_id.to_owned()), Duration::from_secs(3600))
    }

    /// Whether `token` is still accepted.
    pub fn is_token_valid(&self, token: &str) -> bool {
        self.shared.state().authenticate(Some(token), false).is_ok()
    }

    /// Makes every issued token expire now (as if their lifetime had passed).
    pub fn expire_all_tokens(&self) {
        let now = std::time::SystemTime::now();
        for token in self.shared.state().tokens.values_mut() {
            token.expires_at = now;
        }
    }

    /// Revokes every issued token.
    pub fn revoke_all_tokens(&self) {
        self.shared.state().tokens.clear();
    }

    /// Serves `fault` for the next `count` requests (to `path` only, when given).
    pub fn inject(&self, fault: Fault, count: usize, path: Option<&str>) {
        lock(&self.shared.0.faults).push(fault, count, path.map(str::to_owned));
    }

    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        lock(&self.shared.0.faults).clear();
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        lock(&self.shared.0.log).clone()
    }

    /// How many requests went to `path`.
    pub fn count(&self, path: &str) -> usize {
        lock(&self.shared.0.log).iter().filter(|r| r.path == path).count()
    }

    /// Empties the request log.
    pub fn clear_log(&self) {
        lock(&self.shared.0.log).clear();
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.accept_loop.abort();
    }
}

async fn accept_loop(listener: TcpListener, shared: Shared) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let shared = shared.clone();
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(move |request| handlers::handle(shared.clone(), request));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
