//! Case conversions between Rust argument names and Genesys wire names.

/// `userId` → `user_id`, `preserveIdleTTL` → `preserve_idle_ttl`, `weekDateId` → `week_date_id`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let starts_word = match prev {
                None | Some('_') => false,
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) => p.is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_lowercase()),
            };
            if starts_word {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `page_size` → `pageSize`; a leading `r#` is dropped (`r#type` → `type`).
pub fn lower_camel_case(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut out = String::with_capacity(name.len());
    let mut upper_next = false;
    for c in name.chars() {
        if c == '_' {
            upper_next = !out.is_empty();
        } else if upper_next {
            out.push(c.to_ascii_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `name` is an HTTP header name (an RFC 9110 token).
pub fn is_header_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_handles_acronyms_and_digits() {
        assert_eq!(snake_case("userId"), "user_id");
        assert_eq!(snake_case("preserveIdleTTL"), "preserve_idle_ttl");
        assert_eq!(snake_case("businessUnitId"), "business_unit_id");
        assert_eq!(snake_case("OAuthClient"), "o_auth_client");
        assert_eq!(snake_case("id"), "id");
        assert_eq!(snake_case("v2Id"), "v2_id");
    }

    #[test]
    fn lower_camel_case_joins_words() {
        assert_eq!(lower_camel_case("page_size"), "pageSize");
        assert_eq!(lower_camel_case("r#type"), "type");
        assert_eq!(lower_camel_case("expand"), "expand");
        assert_eq!(lower_camel_case("_private"), "private");
    }

    #[test]
    fn header_tokens() {
        assert!(is_header_token("If-Match"));
        assert!(is_header_token("X-Custom_1"));
        assert!(!is_header_token("Bad Header"));
        assert!(!is_header_token(""));
        assert!(!is_header_token("a:b"));
    }
}
