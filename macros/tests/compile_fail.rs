//! The compile-fail suite: each case in `tests/compile-fail/` breaks one rule of a declaration
//! and its `.stderr` holds the macro's own error, pointing at the offending token.
//!
//! It runs from this crate so that trybuild builds the cases with the macro's few dependencies
//! only. Regenerate the expected output with `TRYBUILD=overwrite cargo test -p purecloud-macros`.

#[test]
fn declarations_that_break_a_rule_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("../tests/compile-fail/*.rs");
}
