use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(DELETE "/api/v2/tokens/{user{Id}}")]
    async fn f(&self) -> Result<()>;
}
fn main() {}
