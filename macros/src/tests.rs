//! Unit tests of the whole macro on `proc_macro2` tokens, and expansion snapshots that show
//! what a one-line declaration becomes.

use crate::endpoint_impl;
use proc_macro2::TokenStream;
use quote::quote;

/// Expands `#[endpoint(args)] item` inside an `impl` block and pretty-prints it.
fn expand_pretty(args: TokenStream, item: TokenStream) -> String {
    let expanded = endpoint_impl(args, item);
    let file: syn::File = syn::parse2(quote!(impl TokensApi { #expanded })).expect("expansion parses");
    prettyplease::unparse(&file)
}

/// The messages of the errors a declaration produces.
fn errors(args: TokenStream, item: TokenStream) -> Vec<String> {
    let expanded = endpoint_impl(args, item).to_string();
    expanded
        .split("compile_error !")
        .skip(1)
        .map(|part| {
            let start = part.find('"').expect("message") + 1;
            let end = part.rfind('"').expect("message end");
            part[start..end].to_owned()
        })
        .collect()
}

#[test]
fn snapshot_path_argument_with_permission() {
    insta::assert_snapshot!(expand_pretty(
        quote!(DELETE "/api/v2/tokens/{userId}", permissions = ["oauth:token:delete"]),
        quote! {
            /// Delete all auth tokens for the specified user.
            pub async fn delete_token(&self, user_id: &str) -> Result<()>;
        },
    ));
}

#[test]
fn snapshot_optional_query_json_response() {
    insta::assert_snapshot!(expand_pretty(
        quote!(GET "/api/v2/tokens/me"),
        quote! {
            /// Fetch information about the current token.
            pub async fn get_tokens_me(&self, #[query("preserveIdleTTL")] preserve_idle_ttl: Option<bool>) -> Result<TokenInfo>;
        },
    ));
}

#[test]
fn snapshot_optional_body_preview() {
    insta::assert_snapshot!(expand_pretty(
        quote!(PUT "/api/v2/tokens/timeout", permissions = ["directory:organization:admin"], preview),
        quote! {
            pub async fn put_tokens_timeout(&self, #[body] body: Option<&IdleTokenTimeout>) -> Result<IdleTokenTimeout>;
        },
    ));
}

#[test]
fn snapshot_free_function_with_header_csv_and_full_response() {
    insta::assert_snapshot!(expand_pretty(
        quote!(PATCH "/api/v2/cases/{caseId}", timeout = "10s"),
        quote! {
            pub async fn patch_case(
                client: &Client,
                case_id: &str,
                #[header("If-Match")] version: &str,
                #[query(csv)] expands: &[&str],
                #[query("type")] kind: Option<&str>,
                #[body] body: &CasePatch,
            ) -> Result<Response<Case>>;
        },
    ));
}

#[test]
fn snapshot_unauthenticated_deprecated_text() {
    insta::assert_snapshot!(expand_pretty(
        quote!(GET "/api/v2/license/toggles/{featureName}", auth = none, deprecated),
        quote! {
            pub async fn get_toggle(&self, #[path("featureName")] feature: &str) -> Result<String>;
        },
    ));
}

#[test]
fn all_errors_of_one_declaration_are_reported() {
    let found = errors(
        quote!(FETCH "api/{id}", colour = "red"),
        quote!(
            fn f(&self, #[body] a: A, #[body] b: B) -> Option<()> {}
        ),
    );
    let expected = [
        "unknown HTTP method `FETCH`",
        "must start with `/`",
        "unknown option `colour`",
        "must be `async`",
        "has no body",
        "only one #[body]",
        "placeholder `{id}` has no argument",
        "returns `Result<T>`",
    ];
    for needle in expected {
        assert!(
            found.iter().any(|e| e.contains(needle)),
            "missing {needle:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn placeholder_binds_snake_case_argument_or_explicit_path() {
    let by_name = endpoint_impl(
        quote!(GET "/api/v2/users/{userId}"),
        quote!(
            async fn f(&self, user_id: &str) -> Result<()>;
        ),
    );
    assert!(
        by_name.to_string().contains("path_param (& user_id)"),
        "{by_name}"
    );
    let explicit = endpoint_impl(
        quote!(GET "/api/v2/users/{userId}"),
        quote!(
            async fn f(&self, #[path("userId")] id: &str) -> Result<()>;
        ),
    );
    assert!(explicit.to_string().contains("path_param (& id)"), "{explicit}");
}

#[test]
fn arguments_without_attribute_become_camel_case_queries() {
    let out = endpoint_impl(
        quote!(GET "/api/v2/users"),
        quote!(
            async fn f(&self, page_size: Option<u32>, r#type: Option<&str>) -> Result<()>;
        ),
    )
    .to_string();
    assert!(out.contains("query (\"pageSize\" , & page_size)"), "{out}");
    assert!(out.contains("query (\"type\" , & r#type)"), "{out}");
}

#[test]
fn lint_attributes_on_arguments_are_kept() {
    let out = endpoint_impl(
        quote!(GET "/api/v2/users"),
        quote!(
            async fn f(&self, #[allow(unused)] page_size: Option<u32>) -> Result<()>;
        ),
    )
    .to_string();
    assert!(out.contains("# [allow (unused)] page_size"), "{out}");
}
