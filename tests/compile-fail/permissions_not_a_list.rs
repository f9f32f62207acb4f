use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(DELETE "/api/v2/tokens/me", permissions = "oauth:token:delete")]
    async fn f(&self) -> Result<()>;
}
fn main() {}
