//! The contract between wasmudf's host and its guests.
//!
//! A UDF is a scalar function with a typed signature ([`UdfSignature`]). Its module follows the
//! batch ABI described in `docs/abi.md`: the host calls the guest once per batch of rows, never
//! once per row. This crate holds everything both sides must agree on and nothing that runs code:
//!
//! - [`SqlType`]: the SQL types a UDF can take and return, with their C names and guest widths.
//! - [`UdfSignature`]: `name(arg TYPE, ...) RETURNS TYPE`, parsed and printed.
//! - [`BatchLayout`]: where the host puts each column in guest memory for one batch.
//! - [`validate_module`]: the checks every module passes before wasmtime may compile it.
//! - [`C_HEADER`]: `wasmudf.h`, the C guest API.
//!
//! **Invariant:** this crate depends on no runtime (no wasmtime, no DataFusion); the compiler,
//! the sandbox and the engine adapters all build on it.

mod conversion;
mod layout;
mod signature;
mod sql_type;
mod validate;

pub use conversion::{ArgumentConversion, refusal_hint, sql_type_name};
pub use layout::{
    BatchLayout, ColumnSlot, DESCRIPTOR_HEADER_BYTES, GUEST_LOG_BYTES, GUEST_LOG_HEADER_BYTES, MergeLayout,
    ROW_LOG_BYTES, SCRATCH_ALIGN,
};
pub use signature::{FunctionKind, SignatureError, UdfParam, UdfSignature};
pub use sql_type::SqlType;
pub use validate::{
    ModuleLimits, ModuleReport, ValidationError, allowed_features, append_custom_section, scrub_debug_paths,
    strip_debug_sections, validate_module,
};

/// `wasmudf.h`, the header every C UDF sees.
pub const C_HEADER: &str = include_str!("../include/wasmudf.h");

/// `stdio.h` as a C UDF sees it: `printf` and its kin, writing to the guest's log.
pub const C_STDIO_HEADER: &str = include_str!("../include/stdio.h");

/// The version of the batch ABI this crate describes. Part of every module cache key.
/// 2: the descriptor's log word. 3: aggregates.
pub const ABI_VERSION: u32 = 3;

/// Export names of the batch ABI.
pub mod exports {
    /// The module's one linear memory.
    pub const MEMORY: &str = "memory";
    /// `(bytes: i32) -> i32`: frees the previous batch's allocations and returns a 16-byte
    /// aligned scratch region of at least `bytes` bytes (0 if it cannot).
    pub const RESERVE: &str = "wasmudf_reserve";
    /// `(descriptor: i32) -> i32`: processes one batch described at `descriptor`; 0 on success.
    pub const RUN: &str = "wasmudf_run";
    /// `() -> ()`, optional: C constructors (clang's reactor model). Called once per instance.
    pub const INITIALIZE: &str = "_initialize";

    // An aggregate's module exports these instead of `wasmudf_run` (see `docs/abi.md`). Its
    // states are an array of `wasmudf_agg_state_size()`-byte records in the guest's own memory,
    // indexed by group; the host keeps their count and capacity.

    /// `() -> i32`: the bytes of one state (`sizeof(<name>_state)`).
    pub const AGG_STATE_SIZE: &str = "wasmudf_agg_state_size";
    /// `(capacity: i32) -> i32`: resizes the state array to `capacity` states, keeping the
    /// existing ones, and returns its address (0 if it cannot).
    pub const AGG_GROW: &str = "wasmudf_agg_grow";
    /// `(states: i32, count: i32) -> i32`: initializes `count` states at `states`; 0 on success.
    pub const AGG_INIT: &str = "wasmudf_agg_init";
    /// `(descriptor: i32, states: i32) -> i32`: folds one batch of rows into the states of their
    /// groups ([`BatchLayout::for_update`](crate::BatchLayout::for_update)); 0 on success.
    pub const AGG_UPDATE: &str = "wasmudf_agg_update";
    /// `(descriptor: i32, states: i32) -> i32`: merges a batch of partial states into the states
    /// of their groups ([`MergeLayout`](crate::MergeLayout)); 0 on success.
    pub const AGG_MERGE: &str = "wasmudf_agg_merge";
    /// `(descriptor: i32, states: i32) -> i32`: writes the result of the first `rows` states
    /// (a scalar batch of no arguments: [`BatchLayout`](crate::BatchLayout)); 0 on success.
    pub const AGG_FINISH: &str = "wasmudf_agg_finish";
}

/// Most bytes one aggregate state may take.
pub const MAX_AGGREGATE_STATE_BYTES: u32 = 4096;

/// The file name the user's C source is compiled under: a trap's position in the module's DWARF
/// line table is the user's line only in frames attributed to this file.
pub const USER_SOURCE_FILE: &str = "udf.c";

/// Name of the optional custom section holding the module's canonical signature; when present,
/// the host refuses to run the module under any other signature.
pub const SIGNATURE_SECTION: &str = "wasmudf.signature";
