//! Models of the Tokens API.

use super::common::{DomainEntityRef, Entity, NamedEntity};
use crate::string_enum::string_enum;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Information about the access token used for a request (`GET /api/v2/tokens/me`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfo {
    /// The current organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<NamedEntity>,
    /// The token's home organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_organization: Option<NamedEntity>,
    /// The list of scopes authorized for the OAuth client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorized_scope: Option<Vec<String>>,
    /// Only present when a user is a clone of trustee user in the trustor org.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloned_user: Option<TokenInfoClonedUser>,
    /// When the token is due to expire if left idle.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub date_token_idles: Option<OffsetDateTime>,
    /// The OAuth client the token was issued to (wire key `OAuthClient`).
    #[serde(rename = "OAuthClient", skip_serializing_if = "Option::is_none")]
    pub oauth_client: Option<OrgOAuthClient>,
}

/// The original native user of a cloned (trustee) user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenInfoClonedUser {
    /// User id of the original native user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Organization of the original native user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<Entity>,
}

string_enum! {
    /// The OAuth grant a client supports.
    AuthorizedGrantType {
        /// Authorization code grant.
        Code = "CODE",
        /// Implicit grant.
        Token = "TOKEN",
        /// SAML2 bearer grant.
        Saml2Bearer = "SAML2-BEARER",
        /// Resource owner password grant.
        Password = "PASSWORD",
        /// Client credentials grant.
        ClientCredentials = "CLIENT-CREDENTIALS",
    }
}

string_enum! {
    /// The state of an OAuth client.
    OAuthClientState {
        /// The client can be used to create access tokens.
        Active = "active",
        /// The client cannot be used; its tokens are revoked.
        Disabled = "disabled",
        /// The client cannot be used; it is scheduled for deletion.
        Inactive = "inactive",
    }
}

string_enum! {
    /// The unit an inactivity timeout is shown in.
    InactivityTimeoutUnit {
        /// Minutes.
        Minutes = "Minutes",
        /// Hours.
        Hours = "Hours",
    }
}

/// An OAuth client of the organization.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgOAuthClient {
    /// The globally unique identifier for the object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The name of the OAuth client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Date this client was created.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub date_created: Option<OffsetDateTime>,
    /// Date this client was last modified.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub date_modified: Option<OffsetDateTime>,
    /// User that created this client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_by: Option<DomainEntityRef>,
    /// User that last modified this client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified_by: Option<DomainEntityRef>,
    /// The OAuth grant this client supports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorized_grant_type: Option<AuthorizedGrantType>,
    /// The scope requested by this client (not for the client credentials grant).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Vec<String>>,
    /// Roles and their divisions (client credentials grant only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_divisions: Option<Vec<RoleDivision>>,
    /// The state of the client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<OAuthClientState>,
    /// When this client will be deleted.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub date_to_delete: Option<OffsetDateTime>,
    /// The OAuth client's organization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<NamedEntity>,
}

/// A role granted in a division.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleDivision {
    /// The role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_id: Option<String>,
    /// The division in which the role is granted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_id: Option<String>,
}

/// The organization's idle token timeout settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdleTokenTimeout {
    /// Token timeout length in seconds: at least 300 (5 minutes), at most 28,800 (8 hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idle_token_timeout_seconds: Option<i32>,
    /// Whether the timeout is enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_idle_token_timeout: Option<bool>,
    /// The unit the timeout is shown in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inactivity_timeout_unit: Option<InactivityTimeoutUnit>,
    /// Whether inactivity timeout groups are enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inactivity_timeout_groups_enabled: Option<bool>,
    /// Group bundle configuration for inactivity timeout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inactivity_timeout_group_bundles: Option<Vec<InactivityTimeoutGroupBundle>>,
}

/// A timeout that applies to the members of some groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InactivityTimeoutGroupBundle {
    /// The priority of the bundle (1-5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
    /// The timeout in seconds (300 to 28,800).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<i32>,
    /// The unit the timeout is shown in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inactivity_timeout_unit: Option<InactivityTimeoutUnit>,
    /// The ids of the groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
}
