//! The API groups, one file each.

mod tokens;

pub use tokens::TokensApi;
