use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(PUT "/api/v2/things/{id}")]
    async fn f(&self, id: &str, #[header("If Match")] version: &str) -> Result<()>;
}
fn main() {}
