use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/users/{userId}/friends/{userId}")]
    async fn f(&self, user_id: &str) -> Result<()>;
}
fn main() {}
