//! A minimal loopback HTTP server: canned answers, keep-alive, nothing else, so that it is not
//! the bottleneck of what is measured.

use bytes::Bytes;
use http_body_util::Full;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::net::SocketAddr;

/// A realistic `TokenInfo`, as `GET /api/v2/tokens/me` returns it.
pub const TOKEN_INFO: &str = r#"{"organization":{"id":"6e4b2c1a-0d3f-4a8e-9b57-1c2d3e4f5a6b","name":"Example Organization","selfUri":"/api/v2/organizations/6e4b2c1a-0d3f-4a8e-9b57-1c2d3e4f5a6b"},"homeOrganization":{"id":"6e4b2c1a-0d3f-4a8e-9b57-1c2d3e4f5a6b","name":"Example Organization","selfUri":"/api/v2/organizations/6e4b2c1a-0d3f-4a8e-9b57-1c2d3e4f5a6b"},"authorizedScope":["analytics:readonly","users:readonly","oauth:token:delete"],"dateTokenIdles":"2026-12-04T21:03:11.412Z","OAuthClient":{"id":"2f1c4e7a-8b9d-4c3e-a1f2-0e9d8c7b6a54","name":"Nightly export","dateCreated":"2024-03-18T09:12:44Z","authorizedGrantType":"CLIENT-CREDENTIALS","roleDivisions":[{"roleId":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0","divisionId":"*"}],"state":"active","organization":{"id":"6e4b2c1a-0d3f-4a8e-9b57-1c2d3e4f5a6b","name":"Example Organization"}}}"#;

const TOKEN: &str = r#"{"access_token":"bench-token","token_type":"bearer","expires_in":86399}"#;

/// Starts the server on its own thread and runtime; returns its address.
pub fn start() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("address");
    listener.set_nonblocking(true).expect("non-blocking");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(answer);
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    addr
}

async fn answer(request: Request<hyper::body::Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let body = if request.uri().path() == "/oauth/token" {
        TOKEN
    } else {
        TOKEN_INFO
    };
    let mut response = Response::new(Full::new(Bytes::from_static(body.as_bytes())));
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    Ok(response)
}
