use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/tokens/me?preserveIdleTTL=true")]
    async fn f(&self) -> Result<()>;
}
fn main() {}
