//! The answers of injected faults.

use crate::answer::{Answer, Body, DropConnection, error, finish};
use crate::faults::Fault;
use bytes::Bytes;
use http_body_util::BodyExt as _;
use hyper::body::Frame;
use hyper::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use hyper::{Response, StatusCode};
use serde_json::json;

/// The answer to a request that drew `fault`; `None` for `Delay`, which only postpones the real
/// answer.
pub(crate) fn fault_answer(
    fault: Fault,
    correlation_id: &str,
) -> Option<Result<Response<Body>, DropConnection>> {
    let answer = match fault {
        Fault::Delay(_) => return None,
        Fault::DropConnection => return Some(Err(DropConnection)),
        Fault::TruncatedBody => return Some(Ok(truncated(correlation_id))),
        Fault::TooManyRequests { retry_after } => {
            let answer = error(
                StatusCode::TOO_MANY_REQUESTS,
                "too.many.requests",
                "Rate limit exceeded the maximum.",
                correlation_id,
            );
            let mut response = finish(answer, correlation_id);
            if let Some(seconds) = retry_after {
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(seconds));
            }
            return Some(Ok(response));
        }
        Fault::Status(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            error(status, "fault.injected", "Injected failure.", correlation_id)
        }
        Fault::MalformedJson => Answer {
            status: StatusCode::OK,
            content_type: "application/json",
            body: Bytes::from_static(b"{\"organization\": {\"id\": "),
        },
        Fault::Html(code) => Answer {
            status: StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_GATEWAY),
            content_type: "text/html",
            body: Bytes::from_static(b"<html><body><h1>502 Bad Gateway</h1></body></html>"),
        },
        Fault::OversizedBody(size) => {
            let filler = "x".repeat(size.saturating_sub(16));
            Answer::json(StatusCode::OK, json!({ "padding": filler }))
        }
    };
    Some(Ok(finish(answer, correlation_id)))
}

/// A 200 announcing 1,000 bytes and sending 20 before failing, which closes the connection.
fn truncated(correlation_id: &str) -> Response<Body> {
    let mut response = Response::new(TruncatedBody { sent: false }.boxed());
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Ok(id) = HeaderValue::from_str(correlation_id) {
        headers.insert("inin-correlation-id", id);
    }
    response
}

/// A body that sends one chunk of a promised 1,000 bytes, then fails.
struct TruncatedBody {
    sent: bool,
}

impl hyper::body::Body for TruncatedBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        if self.sent {
            return std::task::Poll::Ready(Some(Err(std::io::Error::other(
                "fault injection: body truncated",
            ))));
        }
        self.sent = true;
        std::task::Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(
            b"{\"organization\": {\"",
        )))))
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        hyper::body::SizeHint::with_exact(1000)
    }
}
