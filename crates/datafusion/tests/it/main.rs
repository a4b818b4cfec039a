//! Integration tests of the DataFusion adapter through its Rust API.

// Test code: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod execution;
mod factory;

use std::path::PathBuf;
use std::time::Duration;

use datafusion::prelude::SessionContext;
use wasmudf_datafusion::{SessionOptions, UdfBuilder, new_session, register_file};

pub fn builder() -> UdfBuilder {
    UdfBuilder::new(
        wasmudf_test_support::compiler(),
        wasmudf_test_support::limits_with_timeout(Duration::from_secs(2)),
    )
}

pub fn demo_accounts() -> PathBuf {
    manifest_dir().join("../../demo/accounts.csv")
}

pub async fn session_with_accounts() -> SessionContext {
    let context = new_session(builder(), &SessionOptions::default());
    register_file(&context, "accounts", &demo_accounts()).await.unwrap();
    context
}

/// This package's directory: `CARGO_MANIFEST_DIR` at run time (`env!` only as a fallback): a test
/// binary built by another checkout sharing the target directory must read this one's files.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), Into::into)
}
