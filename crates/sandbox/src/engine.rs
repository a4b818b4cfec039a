//! The process-wide wasmtime engine and its epoch ticker.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, Once, OnceLock};
use std::time::Duration;

use wasmtime::{Config, Engine, InstanceAllocationStrategy, Module, OptLevel, PoolingAllocationConfig};

use crate::SandboxError;

/// How often the epoch advances; deadlines are whole ticks, so this is their resolution.
pub const EPOCH_TICK: Duration = Duration::from_millis(10);
/// Largest linear memory any guest may reach, whatever its per-store limit says.
pub const HARD_MEMORY_CAP_BYTES: u64 = 4 << 30;
/// Native stack a guest call may use before it traps with a stack overflow.
pub const WASM_STACK_BYTES: usize = 512 << 10;
/// Compiled modules kept in memory, keyed by the SHA-256 of their bytes.
const MODULE_CACHE_ENTRIES: usize = 256;

/// The one engine of this process: Cranelift, epoch interruption, a pooling allocator, and the
/// Wasm features `wasmudf_abi::allowed_features` allows (plus reference types, which wasmtime
/// keeps and validation refuses).
///
/// Compiled code is shared between tenants (it is immutable); instances never are.
pub(crate) struct SandboxEngine {
    engine: Engine,
    modules: Mutex<HashMap<String, Module>>,
}

impl std::fmt::Debug for SandboxEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxEngine").finish_non_exhaustive()
    }
}

/// Ticks of the epoch ticker so far (see [`SandboxEngine::ticks`]).
static TICKS: AtomicU64 = AtomicU64::new(0);

impl SandboxEngine {
    /// The process-wide engine, created on first use, with its epoch ticker running in this
    /// process.
    pub(crate) fn shared() -> &'static SandboxEngine {
        static ENGINE: OnceLock<SandboxEngine> = OnceLock::new();
        let engine = ENGINE.get_or_init(|| SandboxEngine::new().expect("the wasmtime configuration is valid"));
        engine.keep_ticking();
        engine
    }

    /// How many times this process's ticker has ticked: a clock of [`EPOCH_TICK`] resolution that
    /// costs one atomic load to read.
    pub(crate) fn ticks() -> u64 {
        TICKS.load(Ordering::Acquire)
    }

    /// Starts the epoch ticker unless this process already runs one. A `fork()`ed child (a
    /// PySpark or multiprocessing worker) inherits the engine but not the parent's threads: its
    /// epoch would never advance, and no time limit would ever fire. So a fork handler marks the
    /// child as having no ticker, and its first call starts one. Per call this is one atomic
    /// load (a `getpid` here cost about 0.2 µs of the fixed cost of a call).
    fn keep_ticking(&'static self) {
        static TICKING: AtomicBool = AtomicBool::new(false);
        static FORK_HANDLER: Once = Once::new();
        extern "C" fn forked_child() {
            // Only an atomic store: the child of a multithreaded fork may do little else.
            TICKING.store(false, Ordering::Release);
        }
        if TICKING.load(Ordering::Acquire)
            || TICKING
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
        {
            return;
        }
        FORK_HANDLER.call_once(|| {
            // SAFETY: registers a handler that only stores to an atomic, which is
            // async-signal-safe as a fork handler must be; the handlers stay registered (and are
            // inherited) for the life of the process, as `forked_child` does.
            let registered = unsafe { libc::pthread_atfork(None, None, Some(forked_child)) };
            assert_eq!(registered, 0, "registering the epoch ticker's fork handler");
        });
        std::thread::Builder::new()
            .name("wasmudf-epoch".to_string())
            .spawn(move || {
                loop {
                    self.engine.increment_epoch();
                    TICKS.fetch_add(1, Ordering::Release);
                    std::thread::sleep(EPOCH_TICK);
                }
            })
            .expect("spawning the epoch ticker thread");
    }

    fn new() -> Result<Self, SandboxError> {
        let mut config = Config::new();
        config.cranelift_opt_level(OptLevel::Speed);
        config.epoch_interruption(true);
        // Traps name the user's line of C: compiled modules keep their line table (clang's
        // `-gline-tables-only`, a few KiB) and a trap's backtrace is symbolized against it. Not
        // left to the WASMTIME_BACKTRACE_DETAILS variable.
        config.wasm_backtrace_details(wasmtime::WasmBacktraceDetails::Enable);
        config.max_wasm_stack(WASM_STACK_BYTES);
        // As close to wasmudf_abi::allowed_features() as wasmtime allows. GC, exceptions, threads
        // and stack switching are not compiled in (wasmtime's `gc`, `threads` and `stack-switching`
        // cargo features are off); reference types stay enabled (without `gc` there is no switch
        // for them), so wasmudf_abi::validate_module, which runs first, is what refuses them. The
        // remaining proposals are switched off here.
        config.wasm_simd(true);
        config.wasm_relaxed_simd(false);
        config.wasm_bulk_memory(true);
        config.wasm_multi_value(true);
        config.wasm_memory64(false);
        config.wasm_multi_memory(false);
        config.wasm_tail_call(false);
        config.wasm_extended_const(false);
        config.wasm_wide_arithmetic(false);
        config.wasm_custom_page_sizes(false);
        let mut pool = PoolingAllocationConfig::default();
        pool.total_core_instances(512);
        pool.total_memories(512);
        pool.total_tables(512);
        pool.table_elements(10_000);
        pool.max_memory_size(HARD_MEMORY_CAP_BYTES as usize);
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        let engine = Engine::new(&config).map_err(|error| SandboxError::Compile(error.to_string()))?;
        Ok(SandboxEngine {
            engine,
            modules: Mutex::new(HashMap::new()),
        })
    }

    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Compiles an already validated module with Cranelift, or returns the cached compilation.
    pub(crate) fn compile(&self, digest: &str, wasm: &[u8]) -> Result<Module, SandboxError> {
        if let Some(module) = self.modules.lock().unwrap_or_else(|p| p.into_inner()).get(digest) {
            return Ok(module.clone());
        }
        let module =
            Module::from_binary(&self.engine, wasm).map_err(|error| SandboxError::Compile(format!("{error:#}")))?;
        let mut modules = self.modules.lock().unwrap_or_else(|p| p.into_inner());
        if modules.len() >= MODULE_CACHE_ENTRIES {
            modules.clear();
        }
        modules.insert(digest.to_string(), module.clone());
        Ok(module)
    }
}
