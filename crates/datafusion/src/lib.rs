//! Wasm UDFs inside Apache DataFusion.
//!
//! - [`WasmScalarUdf`]: a `ScalarUDFImpl` that carries a sandboxed module and calls it once per
//!   batch (NULL-strict, numeric arguments coerced to the declared widths).
//! - [`WasmFunctionFactory`]: `CREATE FUNCTION f(a INT) RETURNS FLOAT LANGUAGE c AS '...'`
//!   (also `LANGUAGE wat`, and `LANGUAGE wasm` with a path where allowed); `DROP FUNCTION` is
//!   DataFusion's own.
//! - [`new_session`], [`register_file`]: a session with the factory, tables from CSV, Parquet and
//!   NDJSON files.
//! - [`apply`]: the paper's MAP and FILTER operations.
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
mod udf;

pub use define::{DefinedUdf, UdfBuilder};
pub use error::{WasmUdfError, definition_to_datafusion, guest_failure, sandbox_to_datafusion};
pub use factory::WasmFunctionFactory;
pub use operation::{
    ExecutionRequest, Operation, PlannedExecution, apply, default_output_column, plan_execution, sql_type_of_column,
};
pub use script::{Script, StatementError};
pub use session::{
    InProcess, SessionFactory, SessionOptions, SqlSurface, UNBOUNDED_OUTPUT_FUNCTIONS, new_session, tenant_surface,
};
pub use tables::{FileFormat, register_file};
pub use tenant_sql::{SqlLimits, SqlRefusal, TenantSql, refused_kind, verify_tenant_plan};
pub use udf::{RunnerFactory, ShippableModule, WasmScalarUdf};

/// Re-exported so callers use the same versions.
pub use datafusion;
pub use wasmudf_abi as abi;
pub use wasmudf_compiler as compiler;
pub use wasmudf_sandbox as sandbox;
