use purecloud_macros::endpoint;
struct Api;
impl Api {
    #[endpoint(GET "/api/v2/users/{userId}", colour = "red")]
    fn f(&self, #[body] body: &str) -> Option<()>;
}
fn main() {}
