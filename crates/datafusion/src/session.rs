//! A DataFusion session with Wasm UDFs enabled: the trusted one (the local CLI) and the one a
//! tenant's SQL runs in.

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::execution::SessionStateBuilder;
use datafusion::execution::disk_manager::{DiskManagerBuilder, DiskManagerMode};
use datafusion::execution::memory_pool::{GreedyMemoryPool, TrackConsumersPool};
use datafusion::execution::runtime_env::RuntimeEnvBuilder;
use datafusion::prelude::{SessionConfig, SessionContext};

use crate::{UdfBuilder, WasmFunctionFactory};

/// Where a session runs its queries: in this process ([`InProcess`]) or on a cluster (the
/// cluster crate's). The server takes one and never knows which; the binary picks it
/// (`cluster_options.rs`).
#[async_trait::async_trait]
pub trait SessionFactory: Send + Sync + std::fmt::Debug {
    /// A session whose `CREATE FUNCTION` builds UDFs with `builder`, shaped by `options`.
    async fn session(
        &self,
        builder: UdfBuilder,
        options: &SessionOptions,
    ) -> datafusion::common::Result<SessionContext>;
}

/// Sessions in this process: [`new_session`].
#[derive(Debug, Clone, Copy, Default)]
pub struct InProcess;

#[async_trait::async_trait]
impl SessionFactory for InProcess {
    async fn session(
        &self,
        builder: UdfBuilder,
        options: &SessionOptions,
    ) -> datafusion::common::Result<SessionContext> {
        Ok(new_session(builder, options))
    }
}

/// Options for [`new_session`].
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// Whether `CREATE FUNCTION ... LANGUAGE wasm AS '<path>'` may read module files.
    pub allow_module_paths: bool,
    /// Rows per batch (DataFusion's `batch_size`). A UDF makes one guest call per chunk of up to
    /// [`MAX_ROWS_PER_CALL`](wasmudf_sandbox::MAX_ROWS_PER_CALL) rows of a batch: one per batch at
    /// the default 8192.
    pub batch_size: usize,
    /// Partitions to run in parallel; 0 means one per core.
    pub target_partitions: usize,
    /// What the session's SQL may reach; see [`SqlSurface`].
    pub surface: SqlSurface,
}

/// How much of DataFusion a session exposes to the SQL it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqlSurface {
    /// Everything DataFusion offers, files included (`CREATE EXTERNAL TABLE`, `COPY`): the
    /// local CLI, whose user owns the machine.
    Trusted,
    /// A tenant's: [`tenant_surface`], and a memory pool of `memory_limit` bytes with spilling
    /// off, so a memory-hungry query fails with `ResourcesExhausted` instead of growing the
    /// server. The statement allow-list is [`crate::TenantSql`]; this is the layer under it.
    Tenant { memory_limit: usize },
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            allow_module_paths: false,
            batch_size: 8192,
            target_partitions: 0,
            surface: SqlSurface::Trusted,
        }
    }
}

/// The state every session starts from, in process or on a cluster (which passes its Ballista
/// `config`): the options' batch size and partitions, `information_schema`, the Wasm function
/// factory (module paths only on a trusted surface), and for a tenant [`tenant_surface`]. The
/// memory pool is the engine's that runs the operators: [`new_session`] adds it in process.
pub fn session_state(builder: UdfBuilder, options: &SessionOptions, config: SessionConfig) -> SessionStateBuilder {
    let mut config = config.with_batch_size(options.batch_size).with_information_schema(true);
    // What `COPY ... TO '...parquet'` writes unless told otherwise: Snappy rather than zstd (a
    // 10M-row MAP -> Parquet took 5.6 s with zstd, 3.8 s with Snappy), and a dictionary given up
    // after 64 KiB rather than 1 MiB, so that a column of distinct values (an email, a key) stops
    // building one early: 1.30 s -> 1.04-1.14 s on the peers benchmark's MAP -> Parquet, 3.5%
    // larger. The server's results are written the same way (`wasmudf_server::parquet_properties`).
    let parquet = &mut config.options_mut().execution.parquet;
    parquet.compression = Some(PARQUET_COMPRESSION.to_string());
    parquet.dictionary_page_size_limit = PARQUET_DICTIONARY_PAGE_BYTES;
    if options.target_partitions > 0 {
        config = config.with_target_partitions(options.target_partitions);
    }
    let factory = WasmFunctionFactory::new(
        builder,
        options.allow_module_paths && options.surface == SqlSurface::Trusted,
    );
    let state = SessionStateBuilder::new()
        .with_config(config)
        .with_default_features()
        .with_function_factory(Some(Arc::new(factory)));
    match options.surface {
        SqlSurface::Trusted => state,
        SqlSurface::Tenant { .. } => tenant_surface(state),
    }
}

/// The Parquet compression results are written with.
pub const PARQUET_COMPRESSION: &str = "snappy";
/// The largest dictionary page a Parquet column of results builds before it is written plain.
pub const PARQUET_DICTIONARY_PAGE_BYTES: usize = 64 * 1024;

/// A session in this process whose `CREATE FUNCTION` compiles C, WAT or Wasm into sandboxed
/// UDFs; a tenant's also has a memory pool of its own, with spilling off.
pub fn new_session(builder: UdfBuilder, options: &SessionOptions) -> SessionContext {
    let mut state = session_state(builder, options, SessionConfig::new());
    if let SqlSurface::Tenant { memory_limit } = options.surface {
        let pool = TrackConsumersPool::new(
            GreedyMemoryPool::new(memory_limit),
            std::num::NonZeroUsize::new(3).unwrap_or(std::num::NonZeroUsize::MIN),
        );
        let runtime = RuntimeEnvBuilder::new()
            .with_memory_pool(Arc::new(pool))
            .with_disk_manager_builder(DiskManagerBuilder::default().with_mode(DiskManagerMode::Disabled))
            .build_arc()
            .expect("a runtime with no disk manager and a fixed pool always builds");
        state = state.with_runtime_env(runtime);
    }
    SessionContext::new_with_state(state.build())
}

/// Scalar functions whose output alone can be gigabytes per row from a few bytes of SQL, and is
/// not counted by the memory pool (`repeat('x', 2147483647)`, `range(0, 3000000000)`, eight
/// nested `replace(s, 'x', 'xxxxxxxxxx')` making 1 GB): a tenant session does not have them
/// (nor their aliases); a C function does the same work inside the sandbox's memory cap. The
/// table functions `generate_series` and `range` stay: they stream their rows.
pub const UNBOUNDED_OUTPUT_FUNCTIONS: [&str; 9] = [
    "repeat",
    "lpad",
    "rpad",
    "replace",
    "regexp_replace",
    "array_repeat",
    "array_resize",
    "range",
    "generate_series",
];

/// What a tenant's session lacks, on any engine (here or on a cluster): file-format table
/// factories and file formats (so `CREATE EXTERNAL TABLE` and `COPY` have nothing to work with
/// even if planned), the [`UNBOUNDED_OUTPUT_FUNCTIONS`], and physical plans in `EXPLAIN`.
/// Tables exist only as the caller registers them. Call after `with_config`.
pub fn tenant_surface(mut state: SessionStateBuilder) -> SessionStateBuilder {
    state = state.with_table_factories(HashMap::new()).with_file_formats(Vec::new());
    // Physical plans name the files behind each table: a tenant's EXPLAIN shows the logical one.
    if let Some(config) = state.config().as_mut() {
        config.options_mut().explain.logical_plan_only = true;
    }
    if let Some(functions) = state.scalar_functions().as_mut() {
        functions.retain(|function| !UNBOUNDED_OUTPUT_FUNCTIONS.contains(&function.name()));
    }
    state
}
