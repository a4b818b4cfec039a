//! What every request handler shares.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use datafusion::prelude::SessionContext;
use wasmudf_datafusion::{SessionFactory, SessionOptions, SqlSurface, UdfBuilder};

use crate::store::{Store, TenantId};

/// Per-tenant limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenantLimits {
    pub max_concurrent_executions: usize,
    /// Executions running at once on the whole server, all tenants together: each has threads
    /// of its own (one per core), so this bounds the server's threads.
    pub max_server_executions: usize,
    pub max_upload_bytes: usize,
    /// Most rows an execution may produce.
    pub max_result_rows: usize,
    /// Most bytes of Parquet an execution may store as its result.
    pub max_result_bytes: usize,
    /// Compiles per tenant per rolling minute: each function save, each MAP/FILTER execution and
    /// each `CREATE FUNCTION` in an SQL execution is charged one (saved functions named by SQL
    /// are not).
    pub max_compiles_per_minute: usize,
    /// Wall-clock time one execution may take, from acceptance to its stored result.
    pub max_execution_time: Duration,
    /// Memory one execution's operators may hold (hash tables, sorts, aggregates); nothing
    /// spills to disk. Guest memory is capped separately, per call.
    pub max_execution_memory_bytes: usize,
    /// Longest SQL text and C program accepted, checked before any parsing.
    pub max_sql_bytes: usize,
    pub max_program_bytes: usize,
}

impl Default for TenantLimits {
    fn default() -> Self {
        TenantLimits {
            max_concurrent_executions: 4,
            max_server_executions: 64,
            max_upload_bytes: 256 << 20,
            max_result_rows: 50_000_000,
            max_result_bytes: 1 << 30,
            max_compiles_per_minute: 30,
            max_execution_time: Duration::from_secs(300),
            max_execution_memory_bytes: 1 << 30,
            max_sql_bytes: 256 << 10,
            max_program_bytes: 256 << 10,
        }
    }
}

/// Which limit a new execution ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The tenant runs as many executions as it may.
    Tenant,
    /// The server runs as many executions as it takes, from all tenants together.
    Server,
}

/// Live progress of running executions, by id.
#[derive(Debug, Clone, Default)]
pub struct ProgressBoard {
    inner: Arc<Mutex<HashMap<String, LiveExecution>>>,
}

#[derive(Debug, Clone)]
pub struct LiveExecution {
    pub tenant: TenantId,
    /// Rows in the input, once counted (MAP/FILTER executions).
    pub rows_in: Option<u64>,
    pub rows_done: u64,
    /// Stops the guest itself, within one epoch tick.
    pub cancel: wasmudf_sandbox::CancelFlag,
    /// Its outcome is recorded but its threads are still finishing a poll: it no longer holds
    /// one of its tenant's slots, but still counts against the server's.
    pub ending: bool,
}

impl ProgressBoard {
    /// Registers a live execution if the tenant has fewer than `limits.max_concurrent_executions`
    /// and the server fewer than `limits.max_server_executions` (checked and taken under one
    /// lock, so simultaneous requests cannot all slip under a limit); its UDFs must be built
    /// with the returned flag.
    pub fn try_start(
        &self,
        id: &str,
        tenant: TenantId,
        limits: &TenantLimits,
    ) -> Result<wasmudf_sandbox::CancelFlag, Busy> {
        let mut live = self.lock();
        let running = live
            .values()
            .filter(|execution| execution.tenant == tenant && !execution.ending)
            .count();
        if running >= limits.max_concurrent_executions {
            return Err(Busy::Tenant);
        }
        if live.len() >= limits.max_server_executions {
            return Err(Busy::Server);
        }
        let cancel = wasmudf_sandbox::CancelFlag::new();
        let execution = LiveExecution {
            tenant,
            rows_in: None,
            rows_done: 0,
            cancel: cancel.clone(),
            ending: false,
        };
        live.insert(id.to_string(), execution);
        Ok(cancel)
    }

    pub fn advance(&self, id: &str, rows_done: u64) {
        if let Some(live) = self.lock().get_mut(id) {
            live.rows_done = rows_done;
        }
    }

    /// The input's size, known before the run, so that status can report progress against it.
    pub fn set_rows_in(&self, id: &str, rows_in: u64) {
        if let Some(live) = self.lock().get_mut(id) {
            live.rows_in = Some(rows_in);
        }
    }

    /// `(rows_in, rows_done)` of a live execution.
    pub fn rows(&self, id: &str) -> Option<(Option<u64>, u64)> {
        self.lock().get(id).map(|live| (live.rows_in, live.rows_done))
    }

    /// Signals cancellation; returns whether the execution was live. The execution's task
    /// records the `cancelled` status when it has stopped.
    pub fn cancel(&self, id: &str, tenant: TenantId) -> bool {
        match self.lock().get(id) {
            Some(live) if live.tenant == tenant && !live.ending => {
                live.cancel.cancel();
                true
            }
            _ => false,
        }
    }

    /// The execution's outcome is recorded: its tenant's slot is free, the server's is not
    /// until [`ProgressBoard::finish`].
    pub fn end(&self, id: &str) {
        if let Some(live) = self.lock().get_mut(id) {
            live.ending = true;
        }
    }

    pub fn finish(&self, id: &str) {
        self.lock().remove(id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, LiveExecution>> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A rolling one-minute window of each tenant's compiles: compiling is the costliest thing a
/// tenant can ask for, and a flood of compile bombs must not starve the others.
#[derive(Debug, Clone, Default)]
pub struct CompileBudget {
    inner: Arc<Mutex<HashMap<TenantId, VecDeque<Instant>>>>,
}

impl CompileBudget {
    const WINDOW: Duration = Duration::from_secs(60);

    /// Takes `count` compiles from the tenant's budget of `per_minute`, or says in how many
    /// seconds enough of it frees up.
    pub fn take(&self, tenant: TenantId, count: usize, per_minute: usize) -> Result<(), u64> {
        if count == 0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut all = self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let recent = all.entry(tenant).or_default();
        while recent.front().is_some_and(|at| now.duration_since(*at) >= Self::WINDOW) {
            recent.pop_front();
        }
        if recent.len() + count > per_minute {
            // The oldest compile that must expire before `count` fit again.
            let must_expire = (recent.len() + count).saturating_sub(per_minute).max(1);
            let wait = recent
                .get(must_expire - 1)
                .map_or(Self::WINDOW, |at| Self::WINDOW.saturating_sub(now.duration_since(*at)));
            return Err(wait.as_secs().max(1));
        }
        recent.extend(std::iter::repeat_n(now, count));
        Ok(())
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
    pub compiles: CompileBudget,
    /// Where executions run: in this process
    /// ([`InProcess`](wasmudf_datafusion::InProcess), the default), or on a cluster (the CLI
    /// passes the cluster crate's `ClusterSessions`).
    pub sessions: Arc<dyn SessionFactory>,
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

    /// A session for running an execution with `builder`'s UDFs, with the tenant surface and
    /// the execution's memory limit.
    pub async fn execution_session(&self, builder: &UdfBuilder) -> datafusion::common::Result<SessionContext> {
        let options = SessionOptions {
            surface: SqlSurface::Tenant {
                memory_limit: self.limits.max_execution_memory_bytes,
            },
            ..Default::default()
        };
        self.sessions.session(builder.clone(), &options).await
    }

    /// Charges `count` compiles to the tenant, or refuses with 429 and `Retry-After`.
    pub fn charge_compiles(&self, tenant: TenantId, count: usize) -> Result<(), crate::error::ApiError> {
        let per_minute = self.limits.max_compiles_per_minute;
        self.compiles.take(tenant, count, per_minute).map_err(|seconds| {
            crate::error::ApiError::rate_limited(
                "too_many_compiles",
                format!("at most {per_minute} compiles per minute; retry in {seconds} s"),
                seconds,
            )
        })
    }
}
