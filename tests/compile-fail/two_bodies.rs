use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(POST "/api/v2/things")]
    async fn f(&self, #[body] a: &str, #[body] b: &str) -> Result<()>;
}
fn main() {}
