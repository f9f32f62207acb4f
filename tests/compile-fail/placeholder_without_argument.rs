use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(DELETE "/api/v2/tokens/{userId}")]
    async fn f(&self, id: &str) -> Result<()>;
}
fn main() {}
