//! How a successful answer becomes the declared return type; `#[endpoint]` picks one decoder
//! per declaration from its return type.

use crate::error::Result;
use crate::response::{RawResponse, Response};
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// Turns a 2xx answer into a value.
pub trait Decoder: 'static {
    /// The decoded value.
    type Output: Send + 'static;
    /// Decodes `raw`.
    fn decode(raw: &RawResponse) -> Result<Self::Output>;
}

/// `()`: the body is ignored.
pub struct Unit;

/// `String`: the body as UTF-8 text.
pub struct Text;

/// `T`: the body decoded from JSON.
pub struct Json<T>(PhantomData<fn() -> T>);

/// `Response<D::Output>`: status, headers and correlation id around the decoded body.
pub struct Full<D>(PhantomData<fn() -> D>);

impl Decoder for Unit {
    type Output = ();
    fn decode(raw: &RawResponse) -> Result<()> {
        raw.unit()
    }
}

impl Decoder for Text {
    type Output = String;
    fn decode(raw: &RawResponse) -> Result<String> {
        raw.text()
    }
}

impl<T: DeserializeOwned + Send + 'static> Decoder for Json<T> {
    type Output = T;
    fn decode(raw: &RawResponse) -> Result<T> {
        raw.json()
    }
}

impl<D: Decoder> Decoder for Full<D> {
    type Output = Response<D::Output>;
    fn decode(raw: &RawResponse) -> Result<Self::Output> {
        D::decode(raw).map(|body| raw.response_with(body))
    }
}
