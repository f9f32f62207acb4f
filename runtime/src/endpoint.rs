//! The static description of one operation, written by `#[endpoint]`.

use std::time::Duration;

/// The HTTP methods of the Genesys Cloud API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
    /// `HEAD`
    Head,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
        }
    }

    /// Whether sending the request twice has the effect of sending it once (RFC 9110):
    /// everything but POST and PATCH.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }

    pub(crate) fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
            Method::Head => reqwest::Method::HEAD,
        }
    }
}

/// One API operation: what `#[endpoint]` knows at compile time.
#[derive(Debug)]
pub struct Endpoint {
    /// The operation's name (the Rust function name), e.g. `get_tokens_me`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template, e.g. `/api/v2/tokens/{userId}`.
    pub path: &'static str,
    /// The permissions the operation requires.
    pub permissions: &'static [&'static str],
    /// Whether the request carries a bearer token.
    pub authenticated: bool,
    /// Whether Genesys marks the operation as a preview.
    pub preview: bool,
    /// A per-attempt timeout overriding the client's.
    pub timeout: Option<Duration>,
}
