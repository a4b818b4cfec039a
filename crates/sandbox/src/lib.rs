//! Runs batch-ABI Wasm modules under wasmtime, contained.
//!
//! ```text
//! LoadedModule::load(wasm, signature, limits)   validate (wasmudf-abi), compile (Cranelift, cached)
//!   └─ UdfRunner::new(module)                    one per query/session: a pool of instances
//!        └─ runner.call(&[arrays], rows)         one guest call per chunk of up to 16 Ki rows
//!   └─ AggregateRunner::new(module, ..)        an aggregate: states per group in guest memory
//!        └─ runner.groups()?.update(..)           one guest call per chunk folds rows into groups
//!   └─ RowCaller::new(module)                    one per thread, for hosts that call per row
//!        └─ caller.call(&[RowArg])                one guest call per row, scratch reserved once
//! ```
//!
//! Containment: no imports (an empty linker: no WASI, no host functions), an epoch deadline on
//! every call (armed before instantiation), a memory cap enforced by a resource limiter that
//! traps on excess, a native stack cap, instances never shared between runners and dropped after
//! any trap, and every pointer, length and string read back from the guest checked.
//!
//! **Invariant:** this is the only crate in the workspace that depends on wasmtime.

mod aggregate;
mod cancel;
mod convert;
mod engine;
mod error;
mod instance;
mod log;
mod marshal;
mod module;
mod row;
mod runner;

pub use aggregate::{AggregateRunner, DEFAULT_LIVE_AGGREGATE_INSTANCES, GroupStates, InstanceBudget};
pub use cancel::CancelFlag;
pub use engine::{EPOCH_TICK, HARD_MEMORY_CAP_BYTES, WASM_STACK_BYTES};
pub use error::{OutputProblem, RowLocation, SandboxError, SourceSite, TrapKind};
pub use log::{GuestLog, LOG_BYTES_PER_EXECUTION, LOG_TRUNCATED_MARK};
pub use module::{LoadedModule, RuntimeLimits};
pub use row::{ROW_TYPES, ROWS_PER_ARENA, RowArg, RowCaller, RowValue};
pub use runner::{MAX_ROWS_PER_CALL, UdfRunner};
