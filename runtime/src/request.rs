//! The request builder that `#[endpoint]` expansions call: it collects path values, query
//! pairs, headers and a body, then hands the request to the client's sender.

use crate::client::Client;
use crate::decode::Decoder;
use crate::encode::push_encoded;
use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::params::{ArgValues, ParamValue};
use reqwest::header::{HeaderName, HeaderValue};

/// One request being built for an [`Endpoint`].
#[derive(Debug)]
pub struct Request {
    pub(crate) endpoint: &'static Endpoint,
    /// Encoded path values, in placeholder order.
    path_values: Vec<String>,
    /// The encoded query string, without `?`.
    pub(crate) query: String,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Option<Vec<u8>>,
    /// The first argument that cannot be sent; reported by `send` before any I/O.
    invalid: Option<String>,
}

impl Request {
    /// Starts a request for `endpoint`.
    pub fn new(endpoint: &'static Endpoint) -> Request {
        Request {
            endpoint,
            path_values: Vec::new(),
            query: String::new(),
            headers: Vec::new(),
            body: None,
            invalid: None,
        }
    }

    fn reject(&mut self, message: String) {
        self.invalid.get_or_insert(message);
    }

    /// Fills the next placeholder with `value`, encoded as exactly one path segment.
    pub fn path_param<T: ParamValue + ?Sized>(&mut self, value: &T) {
        let mut text = String::new();
        value.write_value(&mut text);
        if text.is_empty() || text == "." || text == ".." {
            let placeholder = self.placeholder_name(self.path_values.len());
            self.reject(format!(
                "the path value for `{{{placeholder}}}` is {text:?}, which would address another resource"
            ));
        }
        let mut encoded = String::with_capacity(text.len());
        push_encoded(&mut encoded, &text);
        self.path_values.push(encoded);
    }

    fn placeholder_name(&self, index: usize) -> &'static str {
        self.endpoint
            .path
            .split('{')
            .skip(1)
            .nth(index)
            .and_then(|rest| rest.split('}').next())
            .unwrap_or("?")
    }

    /// Adds `name=value` for every value of `value` (none for `None`, one per element).
    pub fn query<T: ArgValues + ?Sized>(&mut self, name: &str, value: &T) {
        let query = &mut self.query;
        value.each_value(&mut |text| {
            if !query.is_empty() {
                query.push('&');
            }
            push_encoded(query, name);
            query.push('=');
            push_encoded(query, text);
        });
    }

    /// Adds `name=a,b,c` (elements encoded first, so a comma inside one stays unambiguous);
    /// nothing for `None` or an empty list.
    pub fn query_csv<T: ArgValues + ?Sized>(&mut self, name: &str, value: &T) {
        let mut joined = String::new();
        let mut any = false;
        value.each_value(&mut |text| {
            if any {
                joined.push(',');
            }
            any = true;
            push_encoded(&mut joined, text);
        });
        if any {
            if !self.query.is_empty() {
                self.query.push('&');
            }
            push_encoded(&mut self.query, name);
            self.query.push('=');
            self.query.push_str(&joined);
        }
    }

    /// Sets header `name` (values of a list joined with `, `; nothing for `None`). A value with
    /// CR, LF or another control character makes `send` fail before sending anything.
    pub fn header<T: ArgValues + ?Sized>(&mut self, name: &'static str, value: &T) {
        let mut joined = String::new();
        let mut any = false;
        value.each_value(&mut |text| {
            if any {
                joined.push_str(", ");
            }
            any = true;
            joined.push_str(text);
        });
        if !any {
            return;
        }
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&joined),
        ) {
            (Ok(name), Ok(value)) => self.headers.push((name, value)),
            (Err(_), _) => self.reject(format!("`{name}` is not a valid header name")),
            (_, Err(_)) => self.reject(format!(
                "the value of header `{name}` contains a line break or another control character"
            )),
        }
    }

    /// Serializes `body` as the JSON body.
    pub fn json_body<T: serde::Serialize + ?Sized>(&mut self, body: &T) {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(bytes),
            Err(e) => self.reject(format!("the body cannot be serialized as JSON: {e}")),
        }
    }

    /// The path with every placeholder filled, e.g. `/api/v2/tokens/a%20b`.
    pub fn rendered_path(&self) -> String {
        let template = self.endpoint.path;
        let mut out = String::with_capacity(template.len() + 32);
        let mut values = self.path_values.iter();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
            out.push_str(values.next().map_or("", String::as_str));
            rest = &rest[close..];
        }
        out.push_str(rest);
        out
    }

    /// Checks the arguments and the path; the error `send` would report, if any.
    pub fn validate(&self) -> Result<()> {
        let placeholders = self.endpoint.path.matches('{').count();
        let message = match &self.invalid {
            Some(message) => message.clone(),
            None if placeholders != self.path_values.len() => format!(
                "{} path values for {placeholders} placeholders",
                self.path_values.len()
            ),
            None => return Ok(()),
        };
        Err(Error::InvalidRequest {
            operation: self.endpoint.name,
            message,
        })
    }

    /// Sends the request with `client`'s authentication, retries and timeouts, and decodes
    /// the answer with `D` (e.g. [`Json<TokenInfo>`](crate::decode::Json)), so that an
    /// endpoint's body ends in this one `.await`.
    pub async fn send<D: Decoder>(self, client: &Client) -> Result<D::Output> {
        self.validate()?;
        let raw = client.execute(self).await?;
        D::decode(&raw)
    }
}
