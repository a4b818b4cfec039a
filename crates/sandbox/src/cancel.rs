//! The flag an owner sets to stop its running UDF calls.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// A flag an owner sets to stop its UDFs: once set, a running guest call, and any later one,
/// traps with `Cancelled` at its next epoch tick (every 10 ms); a call that ends before a tick
/// is not interrupted. Cheap to clone; clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct CancelFlag(Arc<AtomicBool>);

impl CancelFlag {
    pub fn new() -> Self {
        CancelFlag::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
