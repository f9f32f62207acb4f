//! Fuzzing with a fixed case count (bounded in CI): decoding of response models and Genesys
//! error bodies never panics, whatever bytes a server sends.

use proptest::prelude::*;
use purecloud::ErrorBody;
use purecloud::models::{IdleTokenTimeout, TokenInfo};
use purecloud::runtime::decode::{Decoder, Full, Json, Text};
use purecloud::runtime::{Endpoint, Method, RawResponse};

static GET_TOKENS_ME: Endpoint = Endpoint {
    name: "get_tokens_me",
    method: Method::Get,
    path: "/api/v2/tokens/me",
    permissions: &[],
    authenticated: true,
    preview: false,
    timeout: None,
};

/// Decodes `bytes` as every response type the Tokens API declares, the way a call does.
fn decode_all(bytes: &[u8]) {
    let raw = RawResponse::new(
        &GET_TOKENS_ME,
        purecloud::runtime::StatusCode::OK,
        Default::default(),
        bytes.to_vec().into(),
    );
    if let Err(error) = Json::<TokenInfo>::decode(&raw) {
        let _ = error.to_string();
    }
    let _ = Json::<IdleTokenTimeout>::decode(&raw);
    let _ = Full::<Json<TokenInfo>>::decode(&raw);
    let _ = Text::decode(&raw);
    let _ = ErrorBody::parse(bytes);
}

/// JSON-ish values built from the keys the models know, so decoding gets deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let keys = prop::sample::select(vec![
        "organization",
        "OAuthClient",
        "dateTokenIdles",
        "authorizedScope",
        "clonedUser",
        "id",
        "name",
        "dateCreated",
        "authorizedGrantType",
        "state",
        "roleDivisions",
        "message",
        "code",
        "status",
        "contextId",
        "details",
        "errors",
        "limit",
        "namespace",
        "idleTokenTimeoutSeconds",
        "inactivityTimeoutGroupBundles",
        "groups",
        "priority",
    ]);
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f)
                .map_or(serde_json::Value::Null, serde_json::Value::Number)),
        ".{0,24}".prop_map(serde_json::Value::from),
        Just(serde_json::Value::from("2026-12-04T19:57:50.123Z")),
        Just(serde_json::Value::from("CLIENT-CREDENTIALS")),
    ];
    leaf.prop_recursive(4, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|pairs| serde_json::Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_all(&bytes);
    }

    #[test]
    fn structured_json_never_panics(value in json_value()) {
        let bytes = serde_json::to_vec(&value).unwrap();
        decode_all(&bytes);
        if let Some(body) = ErrorBody::parse(&bytes) {
            prop_assert!(body.message.is_some() || body.code.is_some() || body.status.is_some());
        }
    }
}
