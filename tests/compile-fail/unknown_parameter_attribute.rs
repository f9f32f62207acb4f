use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/users")]
    async fn f(&self, #[form] page_size: u32) -> Result<()>;
}
fn main() {}
