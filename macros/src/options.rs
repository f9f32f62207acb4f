//! Checks the options written after the path: `permissions`, `auth`, `deprecated`, `preview`,
//! `timeout`.

use crate::errors::Errors;
use crate::model::{Auth, Options};
use crate::parse::{OptionValue, RawOption};
use syn::LitStr;

/// The options the macro knows, for error messages.
pub const KNOWN_OPTIONS: &str = "permissions = [\"…\"], auth = none, deprecated, preview, timeout = \"10s\"";

/// Turns the raw options into [`Options`], recording every mistake in `errors`.
pub fn check_options(raw: &[RawOption], errors: &mut Errors) -> Options {
    let mut options = Options {
        permissions: Vec::new(),
        auth: Auth::Bearer,
        deprecated: None,
        preview: false,
        timeout_ms: None,
    };
    let mut seen: Vec<String> = Vec::new();
    for option in raw {
        let name = option.name.to_string();
        if seen.contains(&name) {
            errors.at(&option.name, format!("option `{name}` is given twice"));
            continue;
        }
        seen.push(name.clone());
        match (name.as_str(), &option.value) {
            ("permissions", Some(OptionValue::List { items, .. })) => {
                check_permissions(items, errors);
                options.permissions = items.clone();
            }
            ("permissions", _) => errors.at(
                &option.name,
                "`permissions` takes a list: permissions = [\"oauth:token:delete\"]",
            ),
            ("auth", Some(OptionValue::Word(word))) if word == "none" => options.auth = Auth::None,
            ("auth", Some(OptionValue::Word(word))) if word == "bearer" => {}
            ("auth", value) => errors.at_span(
                value.as_ref().map_or(option.name.span(), OptionValue::span),
                "`auth` is `auth = none` (no token sent) or `auth = bearer` (the default)",
            ),
            ("deprecated", None) => options.deprecated = Some(option.name.span()),
            ("preview", None) => options.preview = true,
            ("deprecated" | "preview", Some(value)) => {
                errors.at_span(value.span(), format!("`{name}` is a flag and takes no value"))
            }
            ("timeout", Some(OptionValue::Str(lit))) => match parse_duration_ms(&lit.value()) {
                Some(ms) => options.timeout_ms = Some(ms),
                None => errors.at(
                    lit,
                    format!(
                        "invalid timeout {:?}: expected a positive whole number with a unit, as in \"500ms\", \"10s\" or \"2m\"",
                        lit.value()
                    ),
                ),
            },
            ("timeout", _) => errors.at(&option.name, "`timeout` takes a string: timeout = \"10s\""),
            _ => errors.at(
                &option.name,
                format!("unknown option `{name}`; expected one of: {KNOWN_OPTIONS}"),
            ),
        }
    }
    options
}

fn check_permissions(items: &[LitStr], errors: &mut Errors) {
    for item in items {
        let value = item.value();
        if value.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            errors.at(
                item,
                "a permission is a non-empty word such as \"oauth:token:delete\"",
            );
        }
    }
}

/// `"500ms"`, `"10s"`, `"2m"` → milliseconds; `None` for anything else or zero.
pub fn parse_duration_ms(text: &str) -> Option<u64> {
    let digits_end = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(digits_end);
    let number: u64 = number.parse().ok()?;
    let factor = match unit {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        _ => return None,
    };
    number.checked_mul(factor).filter(|&ms| ms > 0)
}

#[cfg(test)]
mod tests {
    use super::parse_duration_ms;

    #[test]
    fn durations() {
        assert_eq!(parse_duration_ms("500ms"), Some(500));
        assert_eq!(parse_duration_ms("10s"), Some(10_000));
        assert_eq!(parse_duration_ms("2m"), Some(120_000));
        for bad in ["0s", "10", "s", "1.5s", "10 s", "-1s", "10h", ""] {
            assert_eq!(parse_duration_ms(bad), None, "{bad}");
        }
    }
}
