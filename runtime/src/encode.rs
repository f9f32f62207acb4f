//! Percent-encoding of path segments and query components.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is encoded, so a value is always exactly one
/// path segment or one query component: `/`, `?`, `#`, `%`, `,`, `+`, spaces and non-ASCII
/// included.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Appends `value` to `out`, percent-encoded as one URL component.
pub fn push_encoded(out: &mut String, value: &str) {
    out.extend(utf8_percent_encode(value, COMPONENT));
}

#[cfg(test)]
mod tests {
    use super::push_encoded;

    #[test]
    fn encodes_every_reserved_character() {
        let mut out = String::new();
        push_encoded(&mut out, "a b/../c?d#e%,+é~_-.");
        assert_eq!(out, "a%20b%2F..%2Fc%3Fd%23e%25%2C%2B%C3%A9~_-.");
    }
}
