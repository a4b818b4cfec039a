//! One live guest instance: its store, its memory, and the two ABI entry points.

use std::sync::Arc;
use std::time::Instant;

use wasmtime::{Instance, Memory, ResourceLimiter, Store, Trap, TypedFunc, UpdateDeadline};
use wasmudf_abi::{FunctionKind, exports};

use crate::engine::SandboxEngine;
use crate::{CancelFlag, LoadedModule, SandboxError, SourceSite, TrapKind};

/// Raised from the limiter when a guest grows its memory past its cap, so the trap that ends
/// the call can be told apart from every other trap.
#[derive(Debug, thiserror::Error)]
#[error("memory limit of {cap} bytes exceeded (the guest asked for {desired} bytes)")]
struct MemoryLimitHit {
    cap: u64,
    desired: usize,
}

/// Raised from the epoch callback when a call runs past its deadline.
#[derive(Debug, thiserror::Error)]
#[error("deadline exceeded")]
struct DeadlineHit;

/// Raised from the epoch callback when the owner cancelled the work.
#[derive(Debug, thiserror::Error)]
#[error("cancelled")]
struct CancelHit;

/// What a store carries: its limits, the current call's deadline and the owner's cancel flag.
pub(crate) struct GuestState {
    limiter: GuestLimiter,
    deadline: Instant,
    /// The ticker's count when `deadline` was computed: calls within the same tick reuse it.
    deadline_tick: Option<u64>,
    /// No call's deadline lies past this (a replay's budget), when set.
    deadline_cap: Option<Instant>,
    cancel: Option<CancelFlag>,
}

/// Memory and table caps for one store. Growth past the memory cap traps at once (rather than
/// making `memory.grow` return -1), so a memory bomb ends with a clear "memory limit" error.
pub(crate) struct GuestLimiter {
    memory_cap: u64,
}

impl ResourceLimiter for GuestLimiter {
    fn memory_growing(&mut self, _current: usize, desired: usize, maximum: Option<usize>) -> wasmtime::Result<bool> {
        if desired as u64 > self.memory_cap {
            return Err(wasmtime::Error::new(MemoryLimitHit {
                cap: self.memory_cap,
                desired,
            }));
        }
        Ok(maximum.is_none_or(|maximum| desired <= maximum))
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> wasmtime::Result<bool> {
        Ok(desired <= 10_000)
    }
}

/// An instance of a [`LoadedModule`] with its own store. Never shared between tenants; dropped
/// after any trap, because a trapped guest's memory may be inconsistent.
pub(crate) struct GuestInstance {
    pub(crate) store: Store<GuestState>,
    pub(crate) memory: Memory,
    reserve: TypedFunc<u32, u32>,
    /// A scalar module's batch function; an aggregate's has [`AggregateExports`] instead.
    run: Option<TypedFunc<u32, i32>>,
    aggregate: Option<AggregateExports>,
    module: Arc<LoadedModule>,
}

/// An aggregate module's entry points (see `wasmudf_abi::exports`).
struct AggregateExports {
    state_size: TypedFunc<(), i32>,
    grow: TypedFunc<u32, u32>,
    init: TypedFunc<(u32, u32), i32>,
    update: TypedFunc<(u32, u32), i32>,
    merge: TypedFunc<(u32, u32), i32>,
    finish: TypedFunc<(u32, u32), i32>,
}

/// Which batch function of an aggregate to call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AggregateCall {
    Init,
    Update,
    Merge,
    Finish,
}

impl GuestInstance {
    /// Instantiates with an empty import list (the ABI defines no host functions) and runs the
    /// module's constructors, all under the deadline.
    pub(crate) fn new(module: Arc<LoadedModule>, cancel: Option<CancelFlag>) -> Result<Self, SandboxError> {
        let engine = SandboxEngine::shared();
        let state = GuestState {
            limiter: GuestLimiter {
                memory_cap: module.limits.memory_bytes,
            },
            deadline: Instant::now() + module.limits.batch_timeout,
            deadline_tick: None,
            deadline_cap: None,
            cancel,
        };
        let mut store = Store::new(engine.engine(), state);
        store.limiter(|state| &mut state.limiter);
        // Every epoch tick (10 ms) a running guest comes here: it stops at its deadline or as
        // soon as its owner cancels, whichever is first.
        store.epoch_deadline_callback(|context| {
            let state = context.data();
            if state.cancel.as_ref().is_some_and(CancelFlag::is_cancelled) {
                return Err(wasmtime::Error::new(CancelHit));
            }
            if Instant::now() >= state.deadline {
                return Err(wasmtime::Error::new(DeadlineHit));
            }
            Ok(UpdateDeadline::Continue(1))
        });
        // Armed before instantiation: constructors run inside the deadline too.
        arm_deadline(&mut store, &module);
        let instantiate_error = |message: String| SandboxError::Instantiate {
            function: module.signature.name().to_string(),
            message,
        };
        let instance =
            Instance::new(&mut store, &module.module, &[]).map_err(|error| match classify(&error, &module) {
                TrapKind::Other(_) => instantiate_error(format!("{error:#}")),
                kind => SandboxError::Trap {
                    function: module.signature.name().to_string(),
                    kind,
                    location: None,
                    site: source_site(&error),
                },
            })?;
        let memory = instance
            .get_memory(&mut store, exports::MEMORY)
            .ok_or_else(|| instantiate_error("no memory export".to_string()))?;
        let reserve = instance
            .get_typed_func::<u32, u32>(&mut store, exports::RESERVE)
            .map_err(|error| instantiate_error(error.to_string()))?;
        let (run, aggregate) = match module.report.kind {
            FunctionKind::Scalar => {
                let run = instance
                    .get_typed_func::<u32, i32>(&mut store, exports::RUN)
                    .map_err(|error| instantiate_error(error.to_string()))?;
                (Some(run), None)
            }
            FunctionKind::Aggregate => {
                let mut pair = |name: &str| {
                    instance
                        .get_typed_func::<(u32, u32), i32>(&mut store, name)
                        .map_err(|error| instantiate_error(error.to_string()))
                };
                let (init, update, merge, finish) = (
                    pair(exports::AGG_INIT)?,
                    pair(exports::AGG_UPDATE)?,
                    pair(exports::AGG_MERGE)?,
                    pair(exports::AGG_FINISH)?,
                );
                let state_size = instance
                    .get_typed_func::<(), i32>(&mut store, exports::AGG_STATE_SIZE)
                    .map_err(|error| instantiate_error(error.to_string()))?;
                let grow = instance
                    .get_typed_func::<u32, u32>(&mut store, exports::AGG_GROW)
                    .map_err(|error| instantiate_error(error.to_string()))?;
                let exports = AggregateExports {
                    state_size,
                    grow,
                    init,
                    update,
                    merge,
                    finish,
                };
                (None, Some(exports))
            }
        };
        if module.report.has_initialize {
            let initialize = instance
                .get_typed_func::<(), ()>(&mut store, exports::INITIALIZE)
                .map_err(|error| instantiate_error(error.to_string()))?;
            initialize.call(&mut store, ()).map_err(|error| trap(&error, &module))?;
        }
        Ok(GuestInstance {
            store,
            memory,
            reserve,
            run,
            aggregate,
            module,
        })
    }

    /// Asks the guest for `bytes` of scratch memory; returns its guest address, checked to lie
    /// inside memory.
    pub(crate) fn reserve(&mut self, bytes: u32) -> Result<u32, SandboxError> {
        arm_deadline(&mut self.store, &self.module);
        let base = self
            .reserve
            .call(&mut self.store, bytes)
            .map_err(|error| trap(&error, &self.module))?;
        let memory_bytes = self.memory.data_size(&self.store) as u64;
        if base == 0 || base as u64 + bytes as u64 > memory_bytes {
            // A guest that cannot allocate its scratch area has run out of memory (or lies).
            return Err(SandboxError::Trap {
                function: self.module.signature.name().to_string(),
                kind: TrapKind::MemoryLimit(self.module.limits.memory_bytes),
                location: None,
                site: None,
            });
        }
        Ok(base)
    }

    /// Runs one batch whose descriptor is at guest address `descriptor`.
    pub(crate) fn run(&mut self, descriptor: u32) -> Result<(), SandboxError> {
        arm_deadline(&mut self.store, &self.module);
        let Some(run) = &self.run else {
            return Err(self.wrong_kind());
        };
        let status = run
            .call(&mut self.store, descriptor)
            .map_err(|error| trap(&error, &self.module))?;
        self.check_status(status)
    }

    /// An aggregate's `sizeof(<name>_state)`, as the guest says it.
    pub(crate) fn state_size(&mut self) -> Result<i32, SandboxError> {
        arm_deadline(&mut self.store, &self.module);
        let Some(exports) = &self.aggregate else {
            return Err(self.wrong_kind());
        };
        exports
            .state_size
            .call(&mut self.store, ())
            .map_err(|error| trap(&error, &self.module))
    }

    /// Resizes an aggregate's state array to `capacity` states; returns its guest address as the
    /// guest says it (0: it could not), which the caller checks.
    pub(crate) fn grow_states(&mut self, capacity: u32) -> Result<u32, SandboxError> {
        arm_deadline(&mut self.store, &self.module);
        let Some(exports) = &self.aggregate else {
            return Err(self.wrong_kind());
        };
        exports
            .grow
            .call(&mut self.store, capacity)
            .map_err(|error| trap(&error, &self.module))
    }

    /// Calls one of an aggregate's batch functions with its two arguments.
    pub(crate) fn call_aggregate(&mut self, call: AggregateCall, first: u32, second: u32) -> Result<(), SandboxError> {
        arm_deadline(&mut self.store, &self.module);
        let Some(exports) = &self.aggregate else {
            return Err(self.wrong_kind());
        };
        let function = match call {
            AggregateCall::Init => &exports.init,
            AggregateCall::Update => &exports.update,
            AggregateCall::Merge => &exports.merge,
            AggregateCall::Finish => &exports.finish,
        };
        let status = function
            .call(&mut self.store, (first, second))
            .map_err(|error| trap(&error, &self.module))?;
        self.check_status(status)
    }

    /// A host that calls a scalar's entry on an aggregate (or the reverse) is wrong; validation
    /// fixed the module's kind, so this is a host bug, reported rather than panicking.
    fn wrong_kind(&self) -> SandboxError {
        SandboxError::Instantiate {
            function: self.module.signature.name().to_string(),
            message: format!("the module is {:?}, not callable this way", self.module.report.kind),
        }
    }

    fn check_status(&self, status: i32) -> Result<(), SandboxError> {
        if status != 0 {
            return Err(SandboxError::Trap {
                function: self.module.signature.name().to_string(),
                kind: TrapKind::GuestStatus(status),
                location: None,
                site: None,
            });
        }
        Ok(())
    }

    /// From now on every call of this instance ends by `cap`, whatever its own deadline.
    pub(crate) fn cap_deadline(&mut self, cap: Instant) {
        let state = self.store.data_mut();
        state.deadline_cap = Some(cap);
        state.deadline_tick = None;
    }

    pub(crate) fn memory_mut(&mut self) -> &mut [u8] {
        self.memory.data_mut(&mut self.store)
    }

    pub(crate) fn memory(&self) -> &[u8] {
        self.memory.data(&self.store)
    }
}

/// Starts the clock for one call; the epoch callback enforces it.
///
/// Reading the clock costs about as much as a one-row call (Spark's catalog calls once per row),
/// so calls within one tick of the epoch ticker share the deadline computed at the first of
/// them: a call may get up to one tick (10 ms) less than its limit, never more.
fn arm_deadline(store: &mut Store<GuestState>, module: &LoadedModule) {
    // The clock runs only while this process has a ticker (a forked child starts its own here).
    SandboxEngine::shared();
    let tick = SandboxEngine::ticks();
    let state = store.data_mut();
    if state.deadline_tick != Some(tick) {
        let deadline = Instant::now() + module.limits.batch_timeout;
        state.deadline = state.deadline_cap.map_or(deadline, |cap| cap.min(deadline));
        state.deadline_tick = Some(tick);
    }
    store.set_epoch_deadline(1);
}

fn trap(error: &wasmtime::Error, module: &LoadedModule) -> SandboxError {
    SandboxError::Trap {
        function: module.signature.name().to_string(),
        kind: classify(error, module),
        location: None,
        site: source_site(error),
    }
}

/// The innermost frame of a trap's backtrace in the user's source file, from the module's DWARF
/// line table (modules without one, such as WAT, have none).
fn source_site(error: &wasmtime::Error) -> Option<SourceSite> {
    let backtrace = error.downcast_ref::<wasmtime::WasmBacktrace>()?;
    backtrace.frames().iter().find_map(|frame| {
        frame.symbols().iter().find_map(|symbol| {
            let in_user_file = symbol.file().is_some_and(|file| {
                std::path::Path::new(file)
                    .file_name()
                    .is_some_and(|name| name == wasmudf_abi::USER_SOURCE_FILE)
            });
            match (in_user_file, symbol.line()) {
                (true, Some(line)) if line > 0 => Some(SourceSite {
                    line,
                    column: symbol.column().filter(|&column| column > 0),
                }),
                _ => None,
            }
        })
    })
}

/// Maps a wasmtime error to what the user needs to know.
fn classify(error: &wasmtime::Error, module: &LoadedModule) -> TrapKind {
    if let Some(hit) = error.downcast_ref::<MemoryLimitHit>() {
        return TrapKind::MemoryLimit(hit.cap);
    }
    if error.is::<DeadlineHit>() {
        return TrapKind::TimeLimit(module.limits.batch_timeout);
    }
    if error.is::<CancelHit>() {
        return TrapKind::Cancelled;
    }
    match error.downcast_ref::<Trap>() {
        Some(Trap::IntegerDivisionByZero) => TrapKind::DivisionByZero,
        Some(Trap::IntegerOverflow) => TrapKind::IntegerOverflow,
        Some(Trap::MemoryOutOfBounds) | Some(Trap::TableOutOfBounds) => TrapKind::OutOfBounds,
        Some(Trap::StackOverflow) => TrapKind::StackOverflow,
        Some(Trap::Interrupt) => TrapKind::TimeLimit(module.limits.batch_timeout),
        Some(Trap::UnreachableCodeReached) => TrapKind::Abort,
        Some(Trap::BadConversionToInteger) => TrapKind::BadConversion,
        Some(Trap::IndirectCallToNull) | Some(Trap::BadSignature) => TrapKind::IndirectCall,
        Some(other) => TrapKind::Other(other.to_string()),
        None => TrapKind::Other(error.root_cause().to_string()),
    }
}
