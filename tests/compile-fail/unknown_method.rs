use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(FETCH "/api/v2/tokens/me")]
    async fn f(&self) -> Result<()>;
}
fn main() {}
