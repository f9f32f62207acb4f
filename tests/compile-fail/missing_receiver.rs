use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/tokens/me")]
    async fn f(user_id: &str) -> Result<()>;
}
fn main() {}
