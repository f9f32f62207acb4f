//! Successful answers: the raw response the sender returns and the ways to decode it.

use crate::endpoint::Endpoint;
use crate::error::{DecodeError, Error, Result, snippet};
use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

/// The name of the header that carries Genesys' request id.
pub const CORRELATION_ID: &str = "ININ-Correlation-Id";

pub(crate) fn correlation_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CORRELATION_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// A 2xx answer, body fully read.
#[derive(Debug)]
pub struct RawResponse {
    pub(crate) endpoint: &'static Endpoint,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl RawResponse {
    /// A response as if `endpoint` had been answered with `status`, `headers` and `body`: for
    /// tests and for decoding answers obtained elsewhere.
    pub fn new(
        endpoint: &'static Endpoint,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    ) -> RawResponse {
        RawResponse {
            endpoint,
            status,
            headers,
            body,
        }
    }

    /// Ignores the body.
    pub fn unit(&self) -> Result<()> {
        Ok(())
    }

    /// The body as UTF-8 text.
    pub fn text(&self) -> Result<String> {
        String::from_utf8(self.body.to_vec())
            .map_err(|e| self.decode_error(String::new(), format!("the body is not UTF-8: {e}")))
    }

    /// The body decoded from JSON; a mismatch names the JSON path of the failing field.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T> {
        // The fast path decodes without tracking paths; only a failure is decoded again to
        // find where it failed.
        serde_json::from_slice(&self.body).map_err(|_| self.locate_json_error::<T>())
    }

    #[cold]
    fn locate_json_error<T: DeserializeOwned>(&self) -> Error {
        let mut deserializer = serde_json::Deserializer::from_slice(&self.body);
        let (path, message) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
            Ok(_) => match deserializer.end() {
                Ok(()) => (String::new(), "the body could not be decoded".to_owned()),
                Err(e) => (".".to_owned(), e.to_string()),
            },
            Err(e) => (e.path().to_string(), e.into_inner().to_string()),
        };
        self.decode_error(path, message)
    }

    fn decode_error(&self, path: String, message: String) -> Error {
        Error::Decode(Box::new(DecodeError {
            operation: self.endpoint.name,
            status: self.status,
            path,
            message,
            snippet: snippet(&String::from_utf8_lossy(&self.body), 256),
            correlation_id: correlation_id(&self.headers),
        }))
    }

    /// Wraps an already decoded body with this answer's status and headers.
    pub fn response_with<T>(&self, body: T) -> Response<T> {
        Response {
            status: self.status,
            correlation_id: correlation_id(&self.headers),
            headers: self.headers.clone(),
            body,
        }
    }
}

/// A decoded body together with the answer's status, headers and correlation id; return
/// `Result<Response<T>>` from a declaration to get one.
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: StatusCode,
    headers: HeaderMap,
    correlation_id: Option<String>,
    body: T,
}

impl<T> Response<T> {
    /// The HTTP status (always 2xx).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The `ININ-Correlation-Id` header.
    pub fn correlation_id(&self) -> Option<&str> {
        self.correlation_id.as_deref()
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The decoded body, by value.
    pub fn into_body(self) -> T {
        self.body
    }
}
