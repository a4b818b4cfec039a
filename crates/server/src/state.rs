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

impl TenantLimits {
    /// The limits a server has unless its operator sets others (`wasmudf serve --help` shows
    /// these as the flags' defaults).
    pub const DEFAULT: TenantLimits = TenantLimits {
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
    };
}

impl Default for TenantLimits {
    fn default() -> Self {
        TenantLimits::DEFAULT
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
    /// With `serve --spark`: executions' UDFs run on this Spark cluster (tenant SQL stays on
    /// `sessions`, behind its allow-list).
    pub spark: Option<crate::spark::SparkCluster>,
}

impl AppState {
    pub fn datasets_dir(&self, tenant: TenantId) -> PathBuf {
        self.data_dir.join("datasets").join(tenant.to_string())
    }

    pub fn result_file(&self, execution: &str) -> PathBuf {
        self.data_dir.join("results").join(format!("{execution}.parquet"))
    }

    /// What the execution's UDFs printed, when they printed anything.
    pub fn log_file(&self, execution: &str) -> PathBuf {
        self.data_dir.join("results").join(format!("{execution}.log"))
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
                crate::error::ErrorCode::TooManyCompiles,
                format!("at most {per_minute} compiles per minute; retry in {seconds} s"),
                seconds,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(per_tenant: usize, server: usize) -> TenantLimits {
        TenantLimits {
            max_concurrent_executions: per_tenant,
            max_server_executions: server,
            ..TenantLimits::DEFAULT
        }
    }

    // `CompileBudget::take` reads `Instant::now()` itself, so these tests cover what happens
    // within one minute; expiry after 60 s is not driven here. A retry time that depends on
    // the clock is "60 s minus the time since the first compile", which is 59 or 60 unless
    // the test stalls for seconds.
    fn about_a_minute(retry: u64) -> bool {
        (58..=60).contains(&retry)
    }

    #[test]
    fn compile_budget_passes_n_compiles_and_refuses_the_next() {
        let budget = CompileBudget::default();
        for _ in 0..3 {
            assert_eq!(budget.take(1, 1, 3), Ok(()));
        }
        let retry = budget.take(1, 1, 3).unwrap_err();
        assert!(about_a_minute(retry), "{retry}");
        // A refused charge is not recorded: still refused, and for the same oldest compile.
        let retry = budget.take(1, 1, 3).unwrap_err();
        assert!(about_a_minute(retry), "{retry}");
    }

    #[test]
    fn compile_budget_tenants_are_independent() {
        let budget = CompileBudget::default();
        assert_eq!(budget.take(1, 2, 2), Ok(()));
        assert!(budget.take(1, 1, 2).is_err());
        assert_eq!(budget.take(2, 2, 2), Ok(()));
        assert!(budget.take(2, 1, 2).is_err());
        assert!(budget.take(1, 1, 2).is_err());
        assert_eq!(budget.take(3, 1, 2), Ok(()));
    }

    #[test]
    fn compile_budget_charges_several_at_once() {
        let budget = CompileBudget::default();
        assert_eq!(budget.take(1, 2, 5), Ok(()));
        // 2 + 4 > 5: refused whole, nothing charged.
        let retry = budget.take(1, 4, 5).unwrap_err();
        assert!(about_a_minute(retry), "{retry}");
        // 2 + 3 = 5 fits exactly.
        assert_eq!(budget.take(1, 3, 5), Ok(()));
        let retry = budget.take(1, 1, 5).unwrap_err();
        assert!(about_a_minute(retry), "{retry}");
    }

    #[test]
    fn compile_budget_exact_limit_fits_in_one_charge() {
        let budget = CompileBudget::default();
        assert_eq!(budget.take(1, 5, 5), Ok(()));
        assert!(budget.take(1, 1, 5).is_err());
    }

    #[test]
    fn compile_budget_charge_larger_than_the_budget_waits_a_full_window() {
        let budget = CompileBudget::default();
        // Nothing recorded that could expire: a full minute, exactly.
        assert_eq!(budget.take(1, 6, 5), Err(60));
        assert_eq!(budget.take(1, 1, 0), Err(60));
        // Two recorded, but 2 + 5 - 3 = 4 must expire and only 2 exist.
        assert_eq!(budget.take(2, 2, 3), Ok(()));
        assert_eq!(budget.take(2, 5, 3), Err(60));
    }

    #[test]
    fn compile_budget_zero_compiles_always_pass() {
        let budget = CompileBudget::default();
        assert_eq!(budget.take(1, 0, 0), Ok(()));
        assert_eq!(budget.take(1, 1, 1), Ok(()));
        assert_eq!(budget.take(1, 0, 1), Ok(()));
        assert!(budget.take(1, 1, 1).is_err());
    }

    #[test]
    fn compile_budget_clones_share_the_window() {
        let budget = CompileBudget::default();
        let clone = budget.clone();
        assert_eq!(budget.take(1, 1, 1), Ok(()));
        assert!(clone.take(1, 1, 1).is_err());
    }

    #[test]
    fn progress_board_limits_tenant_then_server_slots() {
        let board = ProgressBoard::default();
        let limits = slots(2, 3);
        board.try_start("a1", 1, &limits).expect("tenant 1, first");
        board.try_start("a2", 1, &limits).expect("tenant 1, second");
        assert_eq!(board.try_start("a3", 1, &limits).unwrap_err(), Busy::Tenant);
        board.try_start("b1", 2, &limits).expect("tenant 2, first");
        // Tenant 2 has a slot left, the server has none.
        assert_eq!(board.try_start("b2", 2, &limits).unwrap_err(), Busy::Server);
        // The tenant's limit is checked first.
        assert_eq!(board.try_start("a3", 1, &limits).unwrap_err(), Busy::Tenant);
        // Refused starts are not registered.
        assert_eq!(board.rows("a3"), None);
        assert_eq!(board.rows("b2"), None);

        // end() frees the tenant's slot but not the server's.
        board.end("a1");
        assert_eq!(board.try_start("a3", 1, &limits).unwrap_err(), Busy::Server);
        // finish() frees both.
        board.finish("a1");
        board.try_start("a3", 1, &limits).expect("a1 is gone");
        assert_eq!(board.try_start("a4", 1, &limits).unwrap_err(), Busy::Tenant);
        assert_eq!(board.try_start("b2", 2, &limits).unwrap_err(), Busy::Server);
    }

    #[test]
    fn progress_board_end_then_finish_frees_a_tenant_slot() {
        let board = ProgressBoard::default();
        let limits = slots(1, 10);
        board.try_start("a", 1, &limits).expect("free");
        assert_eq!(board.try_start("b", 1, &limits).unwrap_err(), Busy::Tenant);
        board.end("a");
        board.try_start("b", 1, &limits).expect("a has ended");
        assert_eq!(board.try_start("c", 1, &limits).unwrap_err(), Busy::Tenant);
        board.finish("a");
        board.finish("b");
        board.try_start("c", 1, &limits).expect("all finished");
        // Unknown ids are ignored.
        board.end("missing");
        board.finish("missing");
    }

    #[test]
    fn progress_board_zero_limits_refuse_everything() {
        let board = ProgressBoard::default();
        assert_eq!(board.try_start("a", 1, &slots(0, 10)).unwrap_err(), Busy::Tenant);
        assert_eq!(board.try_start("a", 1, &slots(1, 0)).unwrap_err(), Busy::Server);
    }

    #[test]
    fn progress_board_cancel_reaches_only_the_owner_of_a_live_execution() {
        let board = ProgressBoard::default();
        let flag = board.try_start("x", 7, &TenantLimits::DEFAULT).expect("free");
        assert!(!flag.is_cancelled());
        assert!(!board.cancel("x", 8));
        assert!(!flag.is_cancelled());
        assert!(!board.cancel("missing", 7));
        assert!(board.cancel("x", 7));
        assert!(flag.is_cancelled());
        board.end("x");
        assert!(!board.cancel("x", 7));
    }

    #[test]
    fn progress_board_tracks_rows_until_finish() {
        let board = ProgressBoard::default();
        board.try_start("x", 1, &TenantLimits::DEFAULT).expect("free");
        assert_eq!(board.rows("x"), Some((None, 0)));
        board.set_rows_in("x", 10);
        board.advance("x", 4);
        assert_eq!(board.rows("x"), Some((Some(10), 4)));
        board.end("x");
        assert_eq!(board.rows("x"), Some((Some(10), 4)));
        board.finish("x");
        assert_eq!(board.rows("x"), None);
        board.advance("x", 5);
        board.set_rows_in("x", 1);
        assert_eq!(board.rows("x"), None);
    }
}
