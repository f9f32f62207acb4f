//! A typed Rust client for the Genesys Cloud (formerly PureCloud) Platform API.
//!
//! ```no_run
//! use purecloud::{Client, TokensApi};
//!
//! # async fn run() -> purecloud::Result<()> {
//! // PURECLOUD_CLIENT_ID, PURECLOUD_SECRET and optionally PURECLOUD_ENVIRONMENT (e.g. mypurecloud.ie)
//! let client = Client::from_env()?;
//! let tokens = TokensApi::new(&client);
//! let me = tokens.get_tokens_me(None).await?;
//! println!("organization: {:?}", me.organization.and_then(|o| o.name));
//! # Ok(()) }
//! ```
//!
//! # Declaring an operation the crate does not have yet
//!
//! Every operation here is one `#[endpoint]` line; you can declare your own the same way:
//!
//! ```no_run
//! use purecloud::{Client, Result, endpoint};
//!
//! /// Get a user.
//! #[endpoint(GET "/api/v2/users/{userId}", permissions = ["directory:user:view"])]
//! pub async fn get_user(client: &Client, user_id: &str, expand: &[&str]) -> Result<serde_json::Value>;
//! ```
//!
//! Rules of a declaration:
//! - Method: `GET POST PUT PATCH DELETE HEAD`; path: a literal starting with `/`, with
//!   `{placeholders}`.
//! - A placeholder `{userId}` binds the argument `user_id`, or one marked `#[path("userId")]`;
//!   both directions are checked at compile time.
//! - `#[body]` marks the JSON body (`Option<&T>` omits it when `None`; not on GET or HEAD).
//! - Every other argument is a query parameter named in lowerCamelCase, or
//!   `#[query("wireName")]`; `Option` is omitted when `None`; slices and `Vec` repeat the key,
//!   `#[query(csv)]` joins with commas. `#[header("If-Match")]` sends a header.
//! - The receiver is `&self` on a type implementing [`Api`], or a first argument `&Client`.
//! - Return `Result<()>`, `Result<String>` (text), `Result<T>` for any deserializable `T`, or
//!   `Result<Response<T>>` for status, headers and correlation id.
//! - Options: `permissions = [..]`, `auth = none`, `deprecated`, `preview`, `timeout = "10s"`.

#![warn(missing_docs)]

extern crate self as purecloud;

mod apis;
pub mod models;
mod string_enum;

pub use apis::TokensApi;
pub use purecloud_macros::endpoint;
pub use purecloud_runtime::{
    AccessToken, Api, ApiError, ApiErrorBody, ArgValues, AuthError, BoxFuture, Client, ClientBuilder,
    DecodeError, Environment, Error, ErrorBody, ErrorDetail, ErrorLimit, ParamValue, Region, Response,
    Result, RetryPolicy, Secret, StaticToken, TokenSource, TransportError, TransportKind,
};

/// Constants and lesser-used runtime items.
pub mod runtime {
    pub use purecloud_runtime::*;
}

#[doc(hidden)]
pub use purecloud_runtime::__private;

/// The README's examples, compiled as doctests so that they stay true.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
