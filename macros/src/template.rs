//! Checks a path template such as `/api/v2/tokens/{userId}` and lists its placeholders.

use crate::model::PathTemplate;
use syn::LitStr;

/// Reads the placeholders of `literal` and every problem found in it; the placeholders that
/// could be read are returned even when there are problems, so that argument binding is
/// checked too.
///
/// Stable Rust cannot point inside a string literal, so each message names the offending part.
pub fn parse_template(literal: &LitStr) -> (PathTemplate, Vec<syn::Error>) {
    let text = literal.value();
    let mut errors = Vec::new();
    let error = |message: String| syn::Error::new(literal.span(), message);
    if !text.starts_with('/') {
        errors.push(error(format!(
            "the path must start with `/`, as in \"/{}\"",
            text.trim_start_matches('/')
        )));
    }
    for (c, what) in [('?', "a query string"), ('#', "a fragment")] {
        if text.contains(c) {
            errors.push(error(format!(
                "the path must not contain `{c}` ({what}); declare query arguments as function arguments instead"
            )));
        }
    }
    let mut placeholders: Vec<String> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('{', Some(_)) => errors.push(error(format!(
                "nested `{{` at byte {i} of the path: placeholders cannot contain braces"
            ))),
            ('{', None) => open = Some(i),
            ('}', None) => errors.push(error(format!(
                "unbalanced `}}` at byte {i} of the path: no `{{` opens it"
            ))),
            ('}', Some(start)) => {
                open = None;
                let name = &text[start + 1..i];
                if name.is_empty() {
                    errors.push(error(
                        "empty placeholder `{}` in the path: name it, as in `{userId}`".into(),
                    ));
                } else if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    || name.starts_with(|c: char| c.is_ascii_digit())
                {
                    errors.push(error(format!(
                        "placeholder `{{{name}}}` is not a name: use letters, digits and `_`"
                    )));
                } else if placeholders.iter().any(|p| p == name) {
                    errors.push(error(format!(
                        "placeholder `{{{name}}}` appears twice in the path"
                    )));
                } else {
                    placeholders.push(name.to_owned());
                }
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        errors.push(error(format!(
            "unbalanced `{{` at byte {start} of the path: close the placeholder with `}}`"
        )));
    }
    let template = PathTemplate {
        literal: literal.clone(),
        placeholders,
    };
    (template, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    fn check(path: &str) -> Result<Vec<String>, Vec<String>> {
        let (template, errors) = parse_template(&LitStr::new(path, Span::call_site()));
        if errors.is_empty() {
            Ok(template.placeholders)
        } else {
            Err(errors.iter().map(ToString::to_string).collect())
        }
    }

    #[test]
    fn lists_placeholders_in_order() {
        assert_eq!(
            check("/api/v2/wfm/{businessUnitId}/weeks/{weekDateId}").unwrap(),
            ["businessUnitId", "weekDateId"]
        );
        assert_eq!(check("/api/v2/tokens/me").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn reports_every_problem() {
        let errors = check("api/{a}/{a}?x").unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("must start with `/`"));
        assert!(errors[1].contains("`?`"));
        assert!(errors[2].contains("appears twice"));
    }

    #[test]
    fn rejects_bad_braces() {
        assert!(check("/a/{}").unwrap_err()[0].contains("empty placeholder"));
        assert!(check("/a/{b").unwrap_err()[0].contains("unbalanced `{`"));
        assert!(check("/a/b}").unwrap_err()[0].contains("unbalanced `}`"));
        assert!(check("/a/{b{c}}").unwrap_err()[0].contains("nested"));
        assert!(check("/a/{b-c}").unwrap_err()[0].contains("not a name"));
    }
}
