//! `#[endpoint(METHOD "/path", options…)]`: declares a Genesys Cloud API operation in one line.
//!
//! The attribute goes on a bodiless `async fn`, either a method taking `&self` in an `impl` of a
//! type implementing `purecloud::Api`, or a free function whose first argument is
//! `client: &Client`. The signature stays exactly as written; the macro writes the body.
//!
//! ```ignore
//! use purecloud::{Api, Client, Result, endpoint};
//!
//! impl MyApi {
//!     /// Delete all auth tokens for the specified user.
//!     #[endpoint(DELETE "/api/v2/tokens/{userId}", permissions = ["oauth:token:delete"])]
//!     pub async fn delete_token(&self, user_id: &str) -> Result<()>;
//! }
//! ```
//!
//! Every mistake in a declaration (unknown method, placeholder without argument, `#[body]` on a
//! `GET`, …) is a compile error pointing at the offending token. The full rules are in the
//! `purecloud` crate's documentation.

#![warn(missing_docs)]

mod errors;
mod expand;
mod model;
mod naming;
mod options;
mod parse;
mod template;
mod validate;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares an API operation; see the crate documentation.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    endpoint_impl(args.into(), item.into()).into()
}

/// The macro on `proc_macro2` tokens, so that it can be tested outside the compiler.
fn endpoint_impl(args: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let parsed = syn::parse2::<parse::EndpointArgs>(args)
        .and_then(|args| Ok((args, syn::parse2::<parse::Declaration>(item)?)));
    match parsed.and_then(|(args, decl)| validate::validate(args, decl)) {
        Ok(endpoint) => expand::expand(&endpoint),
        Err(error) => error.to_compile_error(),
    }
}
