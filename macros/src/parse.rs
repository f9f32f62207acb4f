//! Syntax: the attribute's arguments and the annotated function, as written.
//!
//! Nothing here judges whether a declaration makes sense; that is `validate`'s job. Parsing
//! fails only where the tokens cannot be read at all.

use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Block, Ident, LitStr, Signature, Token, Visibility, bracketed};

/// `METHOD "PATH", option, option = value, …`.
pub struct EndpointArgs {
    /// The method as written (checked later).
    pub method: Ident,
    /// The path literal (checked later).
    pub path: LitStr,
    /// Options in the order written.
    pub options: Vec<RawOption>,
}

/// One option: `name` or `name = value`.
pub struct RawOption {
    /// The option's name.
    pub name: Ident,
    /// Its value, when one was written.
    pub value: Option<OptionValue>,
}

/// The value of an option.
pub enum OptionValue {
    /// `"…"`.
    Str(LitStr),
    /// A bare word, as in `auth = none`.
    Word(Ident),
    /// `["…", "…"]`.
    List { span: Span, items: Vec<LitStr> },
}

impl OptionValue {
    /// The span of the whole value.
    pub fn span(&self) -> Span {
        match self {
            OptionValue::Str(lit) => lit.span(),
            OptionValue::Word(word) => word.span(),
            OptionValue::List { span, .. } => *span,
        }
    }
}

impl Parse for EndpointArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let method = input.call(Ident::parse_any).map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected an HTTP method and a path, as in #[endpoint(GET \"/api/v2/tokens/me\")]",
            )
        })?;
        let path: LitStr = input.parse().map_err(|e| {
            syn::Error::new(e.span(), "expected the path as a string literal after the method")
        })?;
        let mut options = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            options.push(input.parse()?);
        }
        Ok(EndpointArgs {
            method,
            path,
            options,
        })
    }
}

impl Parse for RawOption {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = input.call(Ident::parse_any)?;
        let value = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        Ok(RawOption { name, value })
    }
}

impl Parse for OptionValue {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(LitStr) {
            return Ok(OptionValue::Str(input.parse()?));
        }
        if input.peek(syn::token::Bracket) {
            let content;
            let bracket = bracketed!(content in input);
            let items = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
            return Ok(OptionValue::List {
                span: bracket.span.join(),
                items: items.into_iter().collect(),
            });
        }
        if let Ok(word) = input.call(Ident::parse_any) {
            return Ok(OptionValue::Word(word));
        }
        Err(input.error("expected a string, a word or a [\"…\"] list as the option's value"))
    }
}

/// The annotated function: attributes, visibility, signature and either `;` or a body.
pub struct Declaration {
    /// Outer attributes (doc comments and the like).
    pub attrs: Vec<Attribute>,
    /// Visibility as written.
    pub vis: Visibility,
    /// The signature as written, argument attributes included.
    pub sig: Signature,
    /// A body, which a declaration must not have.
    pub body: Option<Block>,
}

impl Parse for Declaration {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let sig = input.parse()?;
        let body = if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
            None
        } else {
            Some(input.parse()?)
        };
        Ok(Declaration {
            attrs,
            vis,
            sig,
            body,
        })
    }
}

/// An attribute on one argument, as written.
pub enum ParamAttr {
    /// `#[path]` or `#[path("userId")]`.
    Path(Option<LitStr>),
    /// `#[query]`, `#[query("wireName")]`, `#[query(csv)]`, `#[query("wireName", csv)]`.
    Query { name: Option<LitStr>, csv: bool },
    /// `#[header("If-Match")]`.
    Header(LitStr),
    /// `#[body]`.
    Body,
}

/// The argument attributes the macro knows, for error messages.
pub const PARAM_ATTRS: &str = "#[path], #[query], #[header(\"Name\")], #[body]";

/// Reads one argument attribute; `Ok(None)` for lint attributes, which the macro leaves to the
/// compiler; an error for anything else (`#[cfg]` included: the generated body uses every
/// argument).
pub fn param_attr(attr: &Attribute) -> syn::Result<Option<ParamAttr>> {
    let Some(name) = attr.path().get_ident().map(Ident::to_string) else {
        return Err(unknown_param_attr(attr));
    };
    match name.as_str() {
        "path" => Ok(Some(ParamAttr::Path(optional_string_arg(attr)?))),
        "body" => {
            attr.meta.require_path_only()?;
            Ok(Some(ParamAttr::Body))
        }
        "header" => Ok(Some(ParamAttr::Header(attr.parse_args().map_err(|_| {
            syn::Error::new(
                attr.span(),
                "#[header] needs the header name: #[header(\"If-Match\")]",
            )
        })?))),
        "query" => query_attr(attr).map(Some),
        "allow" | "warn" | "deny" | "expect" => Ok(None),
        _ => Err(unknown_param_attr(attr)),
    }
}

fn unknown_param_attr(attr: &Attribute) -> syn::Error {
    syn::Error::new(
        attr.path().span(),
        format!("unknown argument attribute; expected one of {PARAM_ATTRS}"),
    )
}

fn optional_string_arg(attr: &Attribute) -> syn::Result<Option<LitStr>> {
    match &attr.meta {
        syn::Meta::Path(_) => Ok(None),
        _ => attr.parse_args().map(Some),
    }
}

fn query_attr(attr: &Attribute) -> syn::Result<ParamAttr> {
    if let syn::Meta::Path(_) = attr.meta {
        return Ok(ParamAttr::Query {
            name: None,
            csv: false,
        });
    }
    attr.parse_args_with(|input: ParseStream| {
        let mut name = None;
        let mut csv = false;
        while !input.is_empty() {
            if input.peek(LitStr) && name.is_none() {
                name = Some(input.parse()?);
            } else {
                let word: Ident = input.parse()?;
                if word != "csv" || csv {
                    return Err(syn::Error::new(
                        word.span(),
                        "expected #[query], #[query(\"wireName\")], #[query(csv)] or #[query(\"wireName\", csv)]",
                    ));
                }
                csv = true;
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(ParamAttr::Query { name, csv })
    })
}
