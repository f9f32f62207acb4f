use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/tokens/me")]
    async fn f(&mut self) -> Result<()>;
}
fn main() {}
