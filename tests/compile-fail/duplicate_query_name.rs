use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/users")]
    async fn f(&self, page_size: u32, #[query("pageSize")] size: u32) -> Result<()>;
}
fn main() {}
