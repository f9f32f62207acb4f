//! Writes the body of a valid declaration: a `static` descriptor and one call into the
//! runtime's non-generic request builder; only the decoding of the response is generic.

use crate::model::{Auth, Endpoint, ListStyle, ParamRole, Receiver, ResponseKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

/// The path through which generated code reaches the runtime (re-exported by `purecloud`).
fn runtime() -> TokenStream {
    quote!(::purecloud::__private)
}

/// The complete function for `endpoint`.
pub fn expand(endpoint: &Endpoint) -> TokenStream {
    let rt = runtime();
    let Endpoint { attrs, vis, sig, .. } = endpoint;
    let docs = doc_lines(endpoint);
    let deprecated = endpoint
        .options
        .deprecated
        .map(|span| quote_spanned!(span=> #[deprecated]));
    let descriptor = descriptor(endpoint);
    let params = endpoint.params.iter().map(|param| {
        let ident = &param.ident;
        match &param.role {
            ParamRole::Path { .. } => quote!(request.path_param(&#ident);),
            ParamRole::Query {
                wire_name,
                style: ListStyle::Repeated,
            } => quote!(request.query(#wire_name, &#ident);),
            ParamRole::Query {
                wire_name,
                style: ListStyle::Csv,
            } => quote!(request.query_csv(#wire_name, &#ident);),
            ParamRole::Header { name } => quote!(request.header(#name, &#ident);),
            ParamRole::Body { optional: false } => quote!(request.json_body(&#ident);),
            ParamRole::Body { optional: true } => {
                quote!(if let ::core::option::Option::Some(body) = &#ident { request.json_body(body); })
            }
        }
    });
    let client = match &endpoint.receiver {
        Receiver::SelfRef => quote!(#rt::Api::client(self)),
        Receiver::ClientArg(ident) => quote!(#ident),
    };
    let decoder = decoder(&endpoint.response);
    quote! {
        #(#attrs)*
        #(#docs)*
        #deprecated
        #vis #sig {
            #descriptor
            let mut request = #rt::Request::new(&ENDPOINT);
            #(#params)*
            request.send::<#decoder>(#client).await
        }
    }
}

fn descriptor(endpoint: &Endpoint) -> TokenStream {
    let rt = runtime();
    let name = endpoint.sig.ident.to_string();
    let method = format_ident!("{}", endpoint.method.variant());
    let path = &endpoint.path.literal;
    let permissions = &endpoint.options.permissions;
    let authenticated = endpoint.options.auth == Auth::Bearer;
    let preview = endpoint.options.preview;
    let timeout = match endpoint.options.timeout_ms {
        Some(ms) => quote!(::core::option::Option::Some(::core::time::Duration::from_millis(#ms))),
        None => quote!(::core::option::Option::None),
    };
    quote! {
        static ENDPOINT: #rt::Endpoint = #rt::Endpoint {
            name: #name,
            method: #rt::Method::#method,
            path: #path,
            permissions: &[#(#permissions),*],
            authenticated: #authenticated,
            preview: #preview,
            timeout: #timeout,
        };
    }
}

/// The runtime decoder type for a response kind, e.g. `Json<TokenInfo>`.
fn decoder(kind: &ResponseKind) -> TokenStream {
    let rt = runtime();
    match kind {
        ResponseKind::Unit => quote!(#rt::Unit),
        ResponseKind::Text => quote!(#rt::Text),
        ResponseKind::Json(ty) => quote!(#rt::Json<#ty>),
        ResponseKind::Full(inner) => {
            let inner = decoder(inner);
            quote!(#rt::Full<#inner>)
        }
    }
}

/// The doc lines appended to the user's own: the request line, permissions, flags.
fn doc_lines(endpoint: &Endpoint) -> Vec<TokenStream> {
    let mut lines = vec![
        String::new(),
        format!(
            " Sends `{} {}`.",
            endpoint.method.as_str(),
            endpoint.path.literal.value()
        ),
    ];
    let permissions: Vec<String> = endpoint
        .options
        .permissions
        .iter()
        .map(|p| format!("`{}`", p.value()))
        .collect();
    match (endpoint.options.auth, permissions.as_slice()) {
        (Auth::None, _) => lines.push(" Needs no authentication.".into()),
        (Auth::Bearer, []) => lines.push(" Requires no permissions.".into()),
        (Auth::Bearer, list) => lines.push(format!(" Requires the permissions: {}.", list.join(", "))),
    }
    if endpoint.options.preview {
        lines.push(" **Preview:** this operation may change at any time without notice.".into());
    }
    if let Some(ms) = endpoint.options.timeout_ms {
        lines.push(format!(" Each attempt times out after {ms} ms."));
    }
    lines.into_iter().map(|line| quote!(#[doc = #line])).collect()
}
