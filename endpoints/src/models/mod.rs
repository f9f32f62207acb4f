//! Request and response bodies, with the exact wire keys of the Genesys Cloud API.
//!
//! Optional fields are `Option` and omitted when `None`; unknown fields are ignored and
//! unknown enum values kept in an `Unknown` variant, so newer servers never break decoding.

mod common;
mod tokens;

pub use common::{DomainEntityRef, Entity, NamedEntity};
pub use tokens::{
    AuthorizedGrantType, IdleTokenTimeout, InactivityTimeoutGroupBundle, InactivityTimeoutUnit,
    OAuthClientState, OrgOAuthClient, RoleDivision, TokenInfo, TokenInfoClonedUser,
};
