//! Workspace-level tests of purecloud-rs: end-to-end against `purecloud-mock`, compile-pass declarations, reliability.
