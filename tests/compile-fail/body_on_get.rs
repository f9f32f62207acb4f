use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/tokens/timeout")]
    async fn f(&self, #[body] body: &str) -> Result<()>;
}
fn main() {}
