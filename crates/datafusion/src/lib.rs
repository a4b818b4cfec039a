//! Wasm UDFs inside Apache DataFusion.
//!
//! - [`WasmScalarUdf`]: a `ScalarUDFImpl` that carries a sandboxed module and calls it once per
//!   chunk of up to 16 Ki rows of a batch (NULL-strict, numeric arguments coerced to the declared
//!   widths).
//! - [`WasmAggregateUdf`]: an `AggregateUDFImpl` over a C aggregate's module: one guest call per
//!   chunk of a batch folds its rows into many groups' states (`GroupsAccumulator`), states
//!   travel as BINARY between partial and final aggregation.
//! - [`WasmFunctionFactory`]: `CREATE FUNCTION f(a INT) RETURNS FLOAT LANGUAGE c AS '...'`
//!   (also `LANGUAGE wat`, and `LANGUAGE wasm` with a path where allowed); `DROP FUNCTION` is
//!   DataFusion's own.
//! - [`new_session`], [`register_file`]: a session with the factory, tables from CSV, Parquet and
//!   NDJSON files.
//! - [`SessionFactory`]: where a session comes from ([`InProcess`] here; the cluster crate has
//!   its own), so that callers need not depend on Ballista.
//! - [`apply`]: the paper's MAP and FILTER operations.
//! - [`guest_failure`]: the guest's [`SandboxError`](wasmudf_sandbox::SandboxError) that a
//!   `DataFusionError` carries, however DataFusion wrapped it.
//!
//! **Invariant:** this crate never touches wasmtime directly; it goes through wasmudf-sandbox.

mod define;
mod error;
mod factory;
mod operation;
mod script;
mod session;
mod tables;
mod tenant_sql;
mod udaf;
mod udf;

pub use define::{DefinedUdf, UdfBuilder, WasmFunction};
pub use error::{WasmUdfError, definition_to_datafusion, guest_failure, sandbox_to_datafusion};
pub use factory::WasmFunctionFactory;
pub use operation::{
    ExecutionRequest, Operation, PlannedExecution, TableReplay, apply, check_columns_fit, default_output_column,
    in_table_order, plan_execution,
};
pub use script::{Script, StatementError};
pub use session::{
    InProcess, PARQUET_COMPRESSION, PARQUET_DICTIONARY_PAGE_BYTES, SessionFactory, SessionOptions, SqlSurface,
    UNBOUNDED_OUTPUT_FUNCTIONS, new_session, session_state, tenant_surface,
};
pub use tables::{FileFormat, register_file};
pub use tenant_sql::{SqlLimits, SqlRefusal, TenantSql, end_of, refused_kind, syntax_message, verify_tenant_plan};
pub use udaf::{AggregateRunnerFactory, WasmAggregateUdf};
pub use udf::{RunnerFactory, ShippableModule, WasmScalarUdf};
