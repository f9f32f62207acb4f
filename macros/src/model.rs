//! The validated model of one `#[endpoint]` declaration.
//!
//! Every type here describes a declaration that already passed validation: a value of
//! [`Endpoint`] cannot hold a body on a `GET`, a placeholder without an argument or a `HEAD`
//! that decodes a body, because `validate` refuses to build one.

use proc_macro2::Span;
use syn::{Attribute, Ident, LitStr, Signature, Type, Visibility};

/// The HTTP methods Genesys Cloud uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
}

impl HttpMethod {
    /// All methods, in the order error messages list them.
    pub const ALL: [HttpMethod; 6] = [
        HttpMethod::Get,
        HttpMethod::Post,
        HttpMethod::Put,
        HttpMethod::Patch,
        HttpMethod::Delete,
        HttpMethod::Head,
    ];

    /// The method as written on the wire and in declarations.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Head => "HEAD",
        }
    }

    /// The matching variant name of the runtime's `Method` enum.
    pub fn variant(self) -> &'static str {
        match self {
            HttpMethod::Get => "Get",
            HttpMethod::Post => "Post",
            HttpMethod::Put => "Put",
            HttpMethod::Patch => "Patch",
            HttpMethod::Delete => "Delete",
            HttpMethod::Head => "Head",
        }
    }

    /// Parses an upper-case method name.
    pub fn from_name(name: &str) -> Option<HttpMethod> {
        HttpMethod::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// Whether a request body is allowed (GET and HEAD carry none).
    pub fn allows_body(self) -> bool {
        !matches!(self, HttpMethod::Get | HttpMethod::Head)
    }
}

/// A checked path template such as `/api/v2/tokens/{userId}`.
pub struct PathTemplate {
    /// The literal as written, for spans and for the expansion.
    pub literal: LitStr,
    /// The placeholder names in the order they appear.
    pub placeholders: Vec<String>,
}

/// Whether the operation sends a bearer token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer …` (the default).
    Bearer,
    /// `auth = none`: one of the unauthenticated operations.
    None,
}

/// The options written after the path.
pub struct Options {
    /// `permissions = ["a:b:c", …]`.
    pub permissions: Vec<LitStr>,
    /// `auth = none`.
    pub auth: Auth,
    /// `deprecated`: span of the flag, for the generated `#[deprecated]`.
    pub deprecated: Option<Span>,
    /// `preview`.
    pub preview: bool,
    /// `timeout = "10s"`, in milliseconds.
    pub timeout_ms: Option<u64>,
}

/// How the generated body reaches the `Client`.
pub enum Receiver {
    /// `&self`, with `Self: Api`.
    SelfRef,
    /// A free function whose first argument is `name: &Client`.
    ClientArg(Ident),
}

/// How list values of a query parameter are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    /// `k=a&k=b` (the spec's `multi`; also right for scalars).
    Repeated,
    /// `k=a,b` (`#[query(csv)]`).
    Csv,
}

/// What one argument of the declaration becomes in the request.
pub enum ParamRole {
    /// Fills the placeholder with this name.
    Path { placeholder: String },
    /// A query parameter with its wire name.
    Query { wire_name: String, style: ListStyle },
    /// A request header.
    Header { name: String },
    /// The JSON body; `optional` when the type is `Option<…>` (omitted when `None`).
    Body { optional: bool },
}

/// One argument after the receiver.
pub struct Param {
    /// The argument's name.
    pub ident: Ident,
    /// What the argument becomes.
    pub role: ParamRole,
}

/// What the operation returns inside `Result<…>`.
pub enum ResponseKind {
    /// `()`: the body is ignored.
    Unit,
    /// `String`: the body as text.
    Text,
    /// Any other type: the body decoded from JSON.
    Json(Box<Type>),
    /// `Response<T>`: status, headers and correlation id around the decoded `T`.
    Full(Box<ResponseKind>),
}

/// A complete, valid declaration.
pub struct Endpoint {
    /// Attributes of the function (docs), without the `#[endpoint]` itself.
    pub attrs: Vec<Attribute>,
    /// The function's visibility.
    pub vis: Visibility,
    /// The signature, with the argument attributes (`#[query]`, …) removed.
    pub sig: Signature,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The path template.
    pub path: PathTemplate,
    /// Options after the path.
    pub options: Options,
    /// How to reach the client.
    pub receiver: Receiver,
    /// Arguments after the receiver, in declaration order.
    pub params: Vec<Param>,
    /// The decoded response.
    pub response: ResponseKind,
}
