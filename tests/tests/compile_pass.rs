//! Compile-pass suite: declarations shaped like real operations of
//! `shared/genesys-api/operations.jsonl` compile, and send exactly the request the operation
//! needs (checked against wiremock on loopback).

use purecloud::{Api, Client, Environment, Response, Result, endpoint};
use serde::Deserialize;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A user-defined API group, as a user of the crate would write one.
struct Demo {
    client: Client,
}

impl Api for Demo {
    fn client(&self) -> &Client {
        &self.client
    }
}

#[derive(Debug, Deserialize, PartialEq)]
struct Forecast {
    id: String,
}

impl Demo {
    /// `get_workforcemanagement_businessunit_capacityplanning_longtermrequirements_automaticbestmethod_week_forecast`
    #[endpoint(GET "/api/v2/workforcemanagement/businessunits/{businessUnitId}/capacityplanning/longtermrequirements/automaticbestmethod/weeks/{weekDateId}/forecasts/{forecastId}")]
    async fn get_forecast(
        &self,
        business_unit_id: &str,
        week_date_id: &str,
        forecast_id: &str,
        granularity: Option<&str>,
    ) -> Result<Forecast>;

    /// `get_flows`: `type` and `id` are `multi` lists.
    #[endpoint(GET "/api/v2/flows")]
    async fn get_flows(
        &self,
        #[query("type")] kind: &[&str],
        id: Vec<String>,
        page_size: Option<u32>,
        deleted: Option<bool>,
    ) -> Result<serde_json::Value>;

    /// `get_casemanagement_case`: `expands` is a `csv` list.
    #[endpoint(GET "/api/v2/casemanagement/cases/{caseId}")]
    async fn get_case(&self, case_id: &str, #[query(csv)] expands: &[&str]) -> Result<serde_json::Value>;

    /// `get_conversations_messaging_integrations`: dotted wire names.
    #[endpoint(GET "/api/v2/conversations/messaging/integrations")]
    async fn get_messaging_integrations(
        &self,
        #[query("messagingSetting.id")] messaging_setting_id: Option<&str>,
        #[query("supportedContent.id")] supported_content_id: Option<&str>,
    ) -> Result<serde_json::Value>;

    /// `patch_scim_group`: an `If-Match` header and a body.
    #[endpoint(PATCH "/api/v2/scim/groups/{groupId}", permissions = ["directory:group:edit"])]
    async fn patch_scim_group(
        &self,
        group_id: &str,
        #[body] body: &serde_json::Value,
        #[header("If-Match")] if_match: Option<&str>,
    ) -> Result<Response<serde_json::Value>>;

    /// `get_integrations_action_draft_template`: a `text/plain` response.
    #[endpoint(GET "/api/v2/integrations/actions/{actionId}/draft/templates/{fileName}")]
    async fn get_action_template(&self, action_id: &str, file_name: &str) -> Result<String>;

    /// `get_conversations_messaging_oauth_apple_callback`: unauthenticated.
    #[endpoint(GET "/api/v2/conversations/messaging/oauth/apple/callback", auth = none)]
    async fn apple_callback(&self, code: &str, state: Option<&str>) -> Result<serde_json::Value>;
}

/// `delete_token` as a free function taking the client.
#[endpoint(DELETE "/api/v2/tokens/{userId}", permissions = ["oauth:token:delete"])]
async fn delete_token(client: &Client, #[path("userId")] user: &str) -> Result<()>;

async fn setup() -> (MockServer, Demo) {
    let server = MockServer::start().await;
    let client = Client::builder()
        .environment(Environment::custom(&server.uri()).unwrap())
        .access_token("test-token")
        .build()
        .unwrap();
    (server, Demo { client })
}

async fn last_query(server: &MockServer) -> Option<String> {
    let requests = server.received_requests().await.unwrap();
    requests.last().unwrap().url.query().map(str::to_owned)
}

#[tokio::test]
async fn several_path_parameters() {
    let (server, demo) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/workforcemanagement/businessunits/bu-1/capacityplanning/longtermrequirements/automaticbestmethod/weeks/2026-12-07/forecasts/f%203"))
        .and(header("authorization", "Bearer test-token"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"id":"f 3","unknown":1}"#))
        .expect(1)
        .mount(&server)
        .await;
    let forecast = demo
        .get_forecast("bu-1", "2026-12-07", "f 3", None)
        .await
        .unwrap();
    assert_eq!(forecast, Forecast { id: "f 3".into() });
    assert_eq!(
        last_query(&server).await,
        None,
        "None query arguments are omitted"
    );
}

#[tokio::test]
async fn multi_lists_repeat_the_key_and_keywords_use_wire_names() {
    let (server, demo) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/flows"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    demo.get_flows(
        &["inboundcall", "bot"],
        vec!["a,b".into(), "c".into()],
        Some(25),
        Some(false),
    )
    .await
    .unwrap();
    assert_eq!(
        last_query(&server).await.as_deref(),
        Some("type=inboundcall&type=bot&id=a%2Cb&id=c&pageSize=25&deleted=false")
    );
}

#[tokio::test]
async fn csv_lists_join_encoded_elements() {
    let (server, demo) = setup().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/casemanagement/cases/c1"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    demo.get_case("c1", &["owner", "a,b"]).await.unwrap();
    assert_eq!(last_query(&server).await.as_deref(), Some("expands=owner,a%2Cb"));
    demo.get_case("c1", &[]).await.unwrap();
    assert_eq!(last_query(&server).await, None, "an empty csv list sends nothing");
}

#[tokio::test]
async fn dotted_wire_names_are_sent_as_written() {
    let (server, demo) = setup().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    demo.get_messaging_integrations(Some("ms-1"), None).await.unwrap();
    assert_eq!(
        last_query(&server).await.as_deref(),
        Some("messagingSetting.id=ms-1")
    );
}

#[tokio::test]
async fn if_match_header_body_and_full_response() {
    let (server, demo) = setup().await;
    Mock::given(method("PATCH"))
        .and(path("/api/v2/scim/groups/g1"))
        .and(header("if-match", "W/\"3\""))
        .and(header("content-type", "application/json"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("ININ-Correlation-Id", "corr-9")
                .set_body_string(r#"{"ok":true}"#),
        )
        .expect(1)
        .mount(&server)
        .await;
    let response = demo
        .patch_scim_group("g1", &serde_json::json!({"op": "add"}), Some("W/\"3\""))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.correlation_id(), Some("corr-9"));
    assert_eq!(response.body(), &serde_json::json!({"ok": true}));
    let request = &server.received_requests().await.unwrap()[0];
    assert_eq!(request.body, br#"{"op":"add"}"#);
}

#[tokio::test]
async fn text_response() {
    let (server, demo) = setup().await;
    Mock::given(method("GET"))
        .and(path(
            "/api/v2/integrations/actions/a1/draft/templates/requestinput.vm",
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/plain")
                .set_body_string("#set($x = 1)"),
        )
        .mount(&server)
        .await;
    assert_eq!(
        demo.get_action_template("a1", "requestinput.vm").await.unwrap(),
        "#set($x = 1)"
    );
}

#[tokio::test]
async fn unauthenticated_operation_sends_no_token() {
    let server = MockServer::start().await;
    let demo = Demo {
        client: Client::builder()
            .environment(Environment::custom(&server.uri()).unwrap())
            .build()
            .unwrap(),
    };
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .mount(&server)
        .await;
    demo.apple_callback("c0de", Some("s")).await.unwrap();
    let request = &server.received_requests().await.unwrap()[0];
    assert!(!request.headers.contains_key("authorization"));
    assert_eq!(request.url.query(), Some("code=c0de&state=s"));
}

#[tokio::test]
async fn free_function_declaration() {
    let (server, demo) = setup().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v2/tokens/u-1"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    delete_token(&demo.client, "u-1").await.unwrap();
}

#[tokio::test]
async fn no_body_means_no_content_type() {
    let (server, demo) = setup().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    delete_token(&demo.client, "u-1").await.unwrap();
    let request = &server.received_requests().await.unwrap()[0];
    assert!(!request.headers.contains_key("content-type"));
    assert_eq!(request.headers.get("accept").unwrap(), "application/json");
    assert!(
        request
            .headers
            .get("user-agent")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("purecloud-rs/")
    );
    assert!(request.headers.contains_key("purecloud-sdk"));
}
