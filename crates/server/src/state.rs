//! What every request handler shares.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use wasmudf_datafusion::UdfBuilder;

use crate::store::{Store, TenantId};

/// Per-tenant limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenantLimits {
    pub max_concurrent_executions: usize,
    pub max_upload_bytes: usize,
    /// Most rows an execution may produce.
    pub max_result_rows: usize,
}

impl Default for TenantLimits {
    fn default() -> Self {
        TenantLimits {
            max_concurrent_executions: 4,
            max_upload_bytes: 256 << 20,
            max_result_rows: 50_000_000,
        }
    }
}

/// Live progress of running executions, by id.
#[derive(Debug, Clone, Default)]
pub struct ProgressBoard {
    inner: Arc<Mutex<HashMap<String, LiveExecution>>>,
}

#[derive(Debug, Clone)]
pub struct LiveExecution {
    pub tenant: TenantId,
    pub rows_done: u64,
    /// Stops the guest itself, within one epoch tick.
    pub cancel: wasmudf_datafusion::sandbox::CancelFlag,
}

impl ProgressBoard {
    /// Registers a live execution; its UDFs must be built with the returned flag.
    pub fn start(&self, id: &str, tenant: TenantId) -> wasmudf_datafusion::sandbox::CancelFlag {
        let cancel = wasmudf_datafusion::sandbox::CancelFlag::new();
        let live = LiveExecution {
            tenant,
            rows_done: 0,
            cancel: cancel.clone(),
        };
        self.lock().insert(id.to_string(), live);
        cancel
    }

    pub fn advance(&self, id: &str, rows_done: u64) {
        if let Some(live) = self.lock().get_mut(id) {
            live.rows_done = rows_done;
        }
    }

    pub fn rows_done(&self, id: &str) -> Option<u64> {
        self.lock().get(id).map(|live| live.rows_done)
    }

    pub fn running_for(&self, tenant: TenantId) -> usize {
        self.lock().values().filter(|live| live.tenant == tenant).count()
    }

    /// Signals cancellation; returns whether the execution was live. The execution's task
    /// records the `cancelled` status when it has stopped.
    pub fn cancel(&self, id: &str, tenant: TenantId) -> bool {
        match self.lock().get(id) {
            Some(live) if live.tenant == tenant => {
                live.cancel.cancel();
                true
            }
            _ => false,
        }
    }

    pub fn finish(&self, id: &str) {
        self.lock().remove(id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, LiveExecution>> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Shared server state. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    pub store: Store,
    pub data_dir: PathBuf,
    pub builder: UdfBuilder,
    pub limits: TenantLimits,
    pub progress: ProgressBoard,
}

impl AppState {
    pub fn datasets_dir(&self, tenant: TenantId) -> PathBuf {
        self.data_dir.join("datasets").join(tenant.to_string())
    }

    pub fn result_file(&self, execution: &str) -> PathBuf {
        self.data_dir.join("results").join(format!("{execution}.parquet"))
    }

    pub fn dataset_path(&self, owner: TenantId, file: &str) -> PathBuf {
        self.datasets_dir(owner).join(file)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}
