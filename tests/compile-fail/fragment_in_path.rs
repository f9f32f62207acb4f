use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/tokens/me#top")]
    async fn f(&self) -> Result<()>;
}
fn main() {}
