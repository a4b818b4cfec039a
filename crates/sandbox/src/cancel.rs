use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A flag an owner sets to stop its UDFs: a running guest call, and any later one, traps with
/// `Cancelled` at the next epoch tick (10 ms). Cheap to clone; clones share the flag.
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

/// Keeps the first failure of the UDFs it is attached to, structured, for callers that want
/// more than the engine's error string (the HTTP API reports kind, row and values as fields).
#[derive(Debug, Clone, Default)]
pub struct FailureLog(Arc<Mutex<Option<crate::SandboxError>>>);

impl FailureLog {
    pub fn new() -> Self {
        FailureLog::default()
    }

    pub(crate) fn record(&self, error: &crate::SandboxError) {
        let mut slot = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if slot.is_none() {
            *slot = Some(error.clone());
        }
    }

    /// The first failure recorded, if any.
    pub fn first(&self) -> Option<crate::SandboxError> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }
}
