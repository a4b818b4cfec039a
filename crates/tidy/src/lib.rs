//! The workspace's architecture, checked: see `tests/tidy.rs` (run by `cargo test`). This crate
//! has no code of its own; it exists so that the checks run with every other test.
