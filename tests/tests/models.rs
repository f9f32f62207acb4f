//! Decoding of every Tokens API model from realistic JSON: all fields, nulls, unknown fields,
//! unknown enum values, dates with and without milliseconds.

use purecloud::models::*;
use time::macros::datetime;

#[test]
fn token_info_with_every_field() {
    let json = r#"{
        "organization": {"id": "o1", "name": "Org", "selfUri": "/api/v2/organizations/o1"},
        "homeOrganization": {"id": "o0", "name": "Home"},
        "authorizedScope": ["users", "analytics:readonly"],
        "clonedUser": {"id": "u9", "organization": {"id": "o9"}},
        "dateTokenIdles": "2026-12-04T19:57:50.123Z",
        "OAuthClient": {
            "id": "c1", "name": "Exporter",
            "dateCreated": "2024-01-02T03:04:05Z",
            "dateModified": "2024-01-02T03:04:05.678+01:00",
            "createdBy": {"id": "u1", "name": "Ann", "selfUri": "/api/v2/users/u1"},
            "modifiedBy": {"id": "u2"},
            "authorizedGrantType": "CLIENT-CREDENTIALS",
            "scope": [],
            "roleDivisions": [{"roleId": "r1", "divisionId": "d1"}],
            "state": "active",
            "dateToDelete": null,
            "organization": {"id": "o1", "name": "Org"},
            "brandNewField": {"nested": [1, 2, 3]}
        },
        "anotherNewField": true
    }"#;
    let info: TokenInfo = serde_json::from_str(json).unwrap();
    assert_eq!(
        info.date_token_idles,
        Some(datetime!(2026-12-04 19:57:50.123 UTC))
    );
    assert_eq!(
        info.cloned_user.unwrap().organization.unwrap().id.as_deref(),
        Some("o9")
    );
    let client = info.oauth_client.unwrap();
    assert_eq!(client.date_created, Some(datetime!(2024-01-02 03:04:05 UTC)));
    assert_eq!(
        client.date_modified,
        Some(datetime!(2024-01-02 03:04:05.678 +01:00))
    );
    assert_eq!(
        client.authorized_grant_type,
        Some(AuthorizedGrantType::ClientCredentials)
    );
    assert_eq!(client.state, Some(OAuthClientState::Active));
    assert_eq!(client.date_to_delete, None);
    assert_eq!(
        client.created_by.unwrap().self_uri.as_deref(),
        Some("/api/v2/users/u1")
    );
    assert_eq!(
        client.role_divisions.unwrap()[0].division_id.as_deref(),
        Some("d1")
    );
}

#[test]
fn the_oauth_client_key_is_capitalised_on_the_wire() {
    let info = TokenInfo {
        oauth_client: Some(OrgOAuthClient {
            id: Some("c1".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_string(&info).unwrap(),
        r#"{"OAuthClient":{"id":"c1"}}"#
    );
}

#[test]
fn unknown_enum_values_are_kept_and_known_ones_match_any_case() {
    let client: OrgOAuthClient =
        serde_json::from_str(r#"{"authorizedGrantType":"NEWTYPE","state":"Disabled"}"#).unwrap();
    assert_eq!(
        client.authorized_grant_type,
        Some(AuthorizedGrantType::Unknown("NEWTYPE".into()))
    );
    assert_eq!(client.state, Some(OAuthClientState::Disabled));
    assert_eq!(
        serde_json::to_value(&client).unwrap()["authorizedGrantType"],
        "NEWTYPE"
    );
}

#[test]
fn empty_and_null_objects_decode_to_none() {
    let info: TokenInfo = serde_json::from_str(r#"{"organization":null,"authorizedScope":null}"#).unwrap();
    assert_eq!(info, TokenInfo::default());
    let timeout: IdleTokenTimeout = serde_json::from_str("{}").unwrap();
    assert_eq!(timeout, IdleTokenTimeout::default());
    assert_eq!(
        serde_json::to_string(&timeout).unwrap(),
        "{}",
        "None fields are omitted"
    );
}

#[test]
fn idle_token_timeout_round_trips_with_group_bundles() {
    let json = r#"{"idleTokenTimeoutSeconds":900,"enableIdleTokenTimeout":true,"inactivityTimeoutUnit":"Minutes",
        "inactivityTimeoutGroupsEnabled":true,"inactivityTimeoutGroupBundles":[{"priority":1,"timeoutSeconds":300,
        "inactivityTimeoutUnit":"Weeks","groups":["g1","g2"]}]}"#;
    let timeout: IdleTokenTimeout = serde_json::from_str(json).unwrap();
    let bundle = &timeout.inactivity_timeout_group_bundles.as_ref().unwrap()[0];
    assert_eq!(
        bundle.inactivity_timeout_unit,
        Some(InactivityTimeoutUnit::Unknown("Weeks".into()))
    );
    assert_eq!(
        bundle.groups.as_deref(),
        Some(&["g1".to_string(), "g2".to_string()][..])
    );
    let again: IdleTokenTimeout = serde_json::from_value(serde_json::to_value(&timeout).unwrap()).unwrap();
    assert_eq!(again, timeout);
}

#[test]
fn small_reference_models() {
    let entity: Entity = serde_json::from_str(r#"{"id":"e1","extra":1}"#).unwrap();
    assert_eq!(entity.id.as_deref(), Some("e1"));
    let named: NamedEntity = serde_json::from_str(r#"{"id":"n1","name":null}"#).unwrap();
    assert_eq!((named.id.as_deref(), named.name), (Some("n1"), None));
    let cloned: TokenInfoClonedUser =
        serde_json::from_str(r#"{"id":"u1","organization":{"id":"o1"}}"#).unwrap();
    assert_eq!(cloned.organization.unwrap().id.as_deref(), Some("o1"));
    let role: RoleDivision = serde_json::from_str(r#"{"roleId":"r","divisionId":"*"}"#).unwrap();
    assert_eq!(role.role_id.as_deref(), Some("r"));
}

#[test]
fn a_wrong_date_is_an_error_not_a_panic() {
    assert!(serde_json::from_str::<TokenInfo>(r#"{"dateTokenIdles":"yesterday"}"#).is_err());
}
