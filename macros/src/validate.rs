//! Judges a parsed declaration and builds the [`Endpoint`] model, or reports every mistake at
//! once, each at the token that causes it.

use crate::errors::Errors;
use crate::model::{Endpoint, HttpMethod, ListStyle, Param, ParamRole, PathTemplate, Receiver, ResponseKind};
use crate::naming::{is_header_token, lower_camel_case, snake_case};
use crate::options::check_options;
use crate::parse::{Declaration, EndpointArgs, ParamAttr, param_attr};
use crate::template::parse_template;
use syn::spanned::Spanned;
use syn::{FnArg, GenericArgument, Pat, PathArguments, ReturnType, Type};

/// Checks `args` and `decl` together; all errors are combined into one.
pub fn validate(args: EndpointArgs, decl: Declaration) -> syn::Result<Endpoint> {
    let mut errors = Errors::default();
    let method = HttpMethod::from_name(&args.method.to_string());
    if method.is_none() {
        let allowed: Vec<_> = HttpMethod::ALL.iter().map(|m| m.as_str()).collect();
        errors.at(
            &args.method,
            format!(
                "unknown HTTP method `{}`; expected one of {}",
                args.method,
                allowed.join(", ")
            ),
        );
    }
    let (path, path_errors) = parse_template(&args.path);
    path_errors.into_iter().for_each(|e| errors.push(e));
    let options = check_options(&args.options, &mut errors);
    check_shape(&decl, &mut errors);

    let mut sig = decl.sig.clone();
    let mut inputs = sig.inputs.iter_mut();
    let receiver = check_receiver(inputs.next(), &decl, &mut errors);
    let mut params = Vec::new();
    for input in inputs {
        if let Some(param) = check_param(input, &mut errors) {
            params.push(param);
        }
    }
    bind_placeholders(&path, &mut params, &mut errors);
    check_unique_names(&params, &mut errors);
    check_body(method, &params, &mut errors);
    let response = check_return(&sig.output, &sig, &mut errors);
    if let (Some(HttpMethod::Head), Some(response)) = (method, &response)
        && !response.is_unit()
    {
        errors.at_span(
            return_type(&sig.output).map_or(sig.ident.span(), |t| t.span()),
            "a HEAD response has no body: return `Result<()>` or `Result<Response<()>>`",
        );
    }
    let (Some(method), Some(receiver), Some(response)) = (method, receiver, response) else {
        return errors.finish(|| unreachable!("a missing part always records an error"));
    };
    errors.finish(|| Endpoint {
        attrs: decl.attrs,
        vis: decl.vis,
        sig,
        method,
        path,
        options,
        receiver,
        params: params.into_iter().map(|p| p.param).collect(),
        response,
    })
}

/// At most one `#[body]`, and none on a method without a body.
fn check_body(method: Option<HttpMethod>, params: &[PendingParam], errors: &mut Errors) {
    let mut bodies = params.iter().filter(|p| matches!(p.role, ParamRole::Body { .. }));
    let first = bodies.next();
    for extra in bodies {
        errors.at(&extra.ident, "only one #[body] argument is allowed");
    }
    if let (Some(method), Some(body)) = (method, first)
        && !method.allows_body()
    {
        errors.at(
            &body.ident,
            format!(
                "a {} request has no body: remove #[body], or use POST, PUT or PATCH",
                method.as_str()
            ),
        );
    }
}

/// An argument during validation: its attribute's explicit binding is still open.
struct PendingParam {
    /// `#[path]` without a name, or no attribute at all: bound by the snake_case rule.
    implicit: Implicit,
    param: Param,
}

#[derive(PartialEq)]
enum Implicit {
    /// An explicit binding (`#[path("x")]`, `#[query]`, …).
    No,
    /// No attribute: a path argument if its name matches a placeholder, else a query argument.
    PathOrQuery,
    /// `#[path]` without a name: must match a placeholder.
    PathOnly,
}

impl std::ops::Deref for PendingParam {
    type Target = Param;
    fn deref(&self) -> &Param {
        &self.param
    }
}

fn check_shape(decl: &Declaration, errors: &mut Errors) {
    let sig = &decl.sig;
    if sig.asyncness.is_none() {
        errors.at(sig.fn_token, "an endpoint function must be `async`");
    }
    if let Some(body) = &decl.body {
        errors.at_span(
            body.brace_token.span.join(),
            "an endpoint declaration has no body: end it with `;` and #[endpoint] writes the body",
        );
    }
    if let Some(param) = sig.generics.type_params().next() {
        errors.at(param, "an endpoint function cannot have type parameters");
    }
    if let Some(param) = sig.generics.const_params().next() {
        errors.at(param, "an endpoint function cannot have const parameters");
    }
    if let Some(variadic) = &sig.variadic {
        errors.at(variadic, "an endpoint function cannot be variadic");
    }
}

fn check_receiver(first: Option<&mut FnArg>, decl: &Declaration, errors: &mut Errors) -> Option<Receiver> {
    const NEEDS: &str = "an endpoint function takes `&self` (in an impl of a type that implements `Api`) \
                         or a first argument `client: &Client`";
    match first {
        Some(FnArg::Receiver(receiver)) if receiver.reference.is_some() && receiver.mutability.is_none() => {
            Some(Receiver::SelfRef)
        }
        Some(FnArg::Receiver(receiver)) => {
            errors.at(&*receiver, format!("use `&self` here: {NEEDS}"));
            None
        }
        Some(FnArg::Typed(arg)) => match (&*arg.pat, is_client_ref(&arg.ty)) {
            (Pat::Ident(pat), true) => Some(Receiver::ClientArg(pat.ident.clone())),
            _ => {
                errors.at(&*arg, NEEDS);
                None
            }
        },
        None => {
            errors.at(&decl.sig.ident, NEEDS);
            None
        }
    }
}

fn is_client_ref(ty: &Type) -> bool {
    match ty {
        Type::Reference(reference) if reference.mutability.is_none() => {
            matches!(&*reference.elem, Type::Path(p) if p.qself.is_none()
                && p.path.segments.last().is_some_and(|s| s.ident == "Client" && s.arguments.is_none()))
        }
        _ => false,
    }
}

/// Reads one argument's name and attributes, stripping the macro's attributes from it.
fn check_param(input: &mut FnArg, errors: &mut Errors) -> Option<PendingParam> {
    let FnArg::Typed(arg) = input else {
        errors.at(&*input, "`self` must be the first argument");
        return None;
    };
    let mut found: Option<ParamAttr> = None;
    let mut failed = false;
    arg.attrs.retain(|attr| match param_attr(attr) {
        Ok(None) => true,
        Ok(Some(parsed)) => {
            if found.is_some() {
                errors.at(
                    attr,
                    "an argument takes at most one of #[path], #[query], #[header] and #[body]",
                );
                failed = true;
            }
            found = Some(parsed);
            false
        }
        Err(error) => {
            errors.push(error);
            failed = true;
            false
        }
    });
    let ident = match &*arg.pat {
        Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => pat.ident.clone(),
        other => {
            errors.at(
                other,
                "an endpoint argument must be a plain name, such as `user_id`",
            );
            return None;
        }
    };
    if failed {
        return None;
    }
    let name = ident.to_string();
    let (role, implicit) = match found {
        None => (query_role(&name, None, false), Implicit::PathOrQuery),
        Some(ParamAttr::Path(None)) => (
            ParamRole::Path {
                placeholder: String::new(),
            },
            Implicit::PathOnly,
        ),
        Some(ParamAttr::Path(Some(lit))) => (
            ParamRole::Path {
                placeholder: lit.value(),
            },
            Implicit::No,
        ),
        Some(ParamAttr::Query { name: wire, csv }) => {
            (query_role(&name, wire.map(|l| l.value()), csv), Implicit::No)
        }
        Some(ParamAttr::Header(lit)) => {
            if !is_header_token(&lit.value()) {
                errors.at(
                    &lit,
                    format!(
                        "{:?} is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~)",
                        lit.value()
                    ),
                );
                return None;
            }
            (ParamRole::Header { name: lit.value() }, Implicit::No)
        }
        Some(ParamAttr::Body) => (
            ParamRole::Body {
                optional: is_option(&arg.ty),
            },
            Implicit::No,
        ),
    };
    Some(PendingParam {
        implicit,
        param: Param { ident, role },
    })
}

fn query_role(arg_name: &str, wire_name: Option<String>, csv: bool) -> ParamRole {
    ParamRole::Query {
        wire_name: wire_name.unwrap_or_else(|| lower_camel_case(arg_name)),
        style: if csv { ListStyle::Csv } else { ListStyle::Repeated },
    }
}

/// Binds placeholders to arguments in both directions: every placeholder has exactly one
/// argument and every path argument names a placeholder.
fn bind_placeholders(path: &PathTemplate, params: &mut [PendingParam], errors: &mut Errors) {
    for param in params.iter_mut() {
        let arg_name = param.ident.to_string();
        let matching = path
            .placeholders
            .iter()
            .find(|p| snake_case(p) == arg_name.trim_start_matches("r#"));
        match (&param.implicit, matching) {
            (Implicit::PathOrQuery | Implicit::PathOnly, Some(placeholder)) => {
                param.param.role = ParamRole::Path {
                    placeholder: placeholder.clone(),
                };
            }
            (Implicit::PathOnly, None) => errors.at(
                &param.ident,
                format!(
                    "#[path] argument `{arg_name}` matches no placeholder of {:?}",
                    path.literal.value()
                ),
            ),
            (Implicit::No, _) => {
                if let ParamRole::Path { placeholder } = &param.param.role
                    && !path.placeholders.contains(placeholder)
                {
                    errors.at(
                        &param.ident,
                        format!(
                            "#[path(\"{placeholder}\")]: the path {:?} has no `{{{placeholder}}}`",
                            path.literal.value()
                        ),
                    );
                }
            }
            (Implicit::PathOrQuery, None) => {}
        }
    }
    for placeholder in &path.placeholders {
        let bound: Vec<_> = params
            .iter()
            .filter(|p| matches!(&p.param.role, ParamRole::Path { placeholder: name } if name == placeholder))
            .collect();
        match bound.as_slice() {
            [] => errors.at(
                &path.literal,
                format!(
                    "placeholder `{{{placeholder}}}` has no argument: add `{}: &str` or mark one #[path(\"{placeholder}\")]",
                    snake_case(placeholder)
                ),
            ),
            [_] => {}
            [_, rest @ ..] => {
                for extra in rest {
                    errors.at(&extra.ident, format!("placeholder `{{{placeholder}}}` is already bound to another argument"));
                }
            }
        }
    }
}

/// Two arguments must not write the same query name or header.
fn check_unique_names(params: &[PendingParam], errors: &mut Errors) {
    let mut seen: Vec<String> = Vec::new();
    for param in params {
        let key = match &param.param.role {
            ParamRole::Query { wire_name, .. } => format!("query parameter `{wire_name}`"),
            ParamRole::Header { name } => format!("header `{}`", name.to_ascii_lowercase()),
            _ => continue,
        };
        if seen.contains(&key) {
            errors.at(&param.ident, format!("another argument already sends the {key}"));
        } else {
            seen.push(key);
        }
    }
}

fn return_type(output: &ReturnType) -> Option<&Type> {
    match output {
        ReturnType::Type(_, ty) => Some(ty),
        ReturnType::Default => None,
    }
}

fn check_return(output: &ReturnType, sig: &syn::Signature, errors: &mut Errors) -> Option<ResponseKind> {
    const NEEDS: &str = "an endpoint returns `Result<T>` (the runtime's alias), with T `()`, `String`, `Response<T>` or a deserializable type";
    let Some(ty) = return_type(output) else {
        errors.at_span(sig.paren_token.span.join(), NEEDS);
        return None;
    };
    let inner = single_generic(ty, "Result");
    match inner {
        Some(inner) => Some(response_kind(inner)),
        None => {
            errors.at(ty, NEEDS);
            None
        }
    }
}

fn response_kind(ty: &Type) -> ResponseKind {
    if matches!(ty, Type::Tuple(t) if t.elems.is_empty()) {
        return ResponseKind::Unit;
    }
    if let Some(inner) = single_generic(ty, "Response") {
        return ResponseKind::Full(Box::new(response_kind(inner)));
    }
    match ty {
        Type::Path(p) if p.qself.is_none() && p.path.is_ident("String") => ResponseKind::Text,
        _ => ResponseKind::Json(Box::new(ty.clone())),
    }
}

/// `Name<T>` (possibly with a path before `Name`) → `T`.
fn single_generic<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != name || path.qself.is_some() {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let mut types = args.args.iter();
    match (types.next(), types.next()) {
        (Some(GenericArgument::Type(inner)), None) => Some(inner),
        _ => None,
    }
}

fn is_option(ty: &Type) -> bool {
    single_generic(ty, "Option").is_some()
}

impl ResponseKind {
    /// Whether no body is decoded (`()` or `Response<()>`).
    pub fn is_unit(&self) -> bool {
        match self {
            ResponseKind::Unit => true,
            ResponseKind::Full(inner) => inner.is_unit(),
            _ => false,
        }
    }
}
