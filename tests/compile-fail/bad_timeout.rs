use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/tokens/me", timeout = "10 seconds")]
    async fn f(&self) -> Result<()>;
}
fn main() {}
