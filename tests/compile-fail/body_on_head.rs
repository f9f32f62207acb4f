use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(HEAD "/api/v2/tokens/me")]
    async fn f(&self, #[body] body: &str) -> Result<()>;
}
fn main() {}
