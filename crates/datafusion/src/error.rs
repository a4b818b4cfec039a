use datafusion::error::DataFusionError;
use wasmudf_compiler::{CompileError, render_diagnostics};
use wasmudf_sandbox::SandboxError;

/// Everything that can go wrong defining or running a Wasm UDF.
#[derive(Debug, thiserror::Error)]
pub enum WasmUdfError {
    #[error(transparent)]
    Compile(#[from] CompileError),
    #[error(transparent)]
    Sandbox(#[from] SandboxError),
    #[error(transparent)]
    Signature(#[from] wasmudf_abi::SignatureError),
    /// A malformed `CREATE FUNCTION` or a definition the engine cannot accept.
    #[error("{0}")]
    Definition(String),
}

/// The DataFusion error for a failed guest call: a limit is `ResourcesExhausted`, anything else
/// `Execution`; both name the function, the kind and the row. Never `Internal`, which DataFusion
/// reserves for its own bugs.
pub fn sandbox_to_datafusion(error: SandboxError) -> DataFusionError {
    if error.is_limit() {
        DataFusionError::ResourcesExhausted(error.to_string())
    } else {
        DataFusionError::Execution(error.to_string())
    }
}

/// The DataFusion error for a failed definition (`CREATE FUNCTION`): a planning error whose
/// message carries the compiler's diagnostics, rendered against the source.
pub fn definition_to_datafusion(error: WasmUdfError, source: &str) -> DataFusionError {
    match error {
        WasmUdfError::Compile(CompileError::Diagnostics(diagnostics)) => DataFusionError::Plan(format!(
            "compilation failed:\n{}",
            render_diagnostics(&diagnostics, "function body", source).trim_end()
        )),
        WasmUdfError::Sandbox(error) => sandbox_to_datafusion(error),
        WasmUdfError::Compile(error) if !error.is_user_error() => DataFusionError::Configuration(error.to_string()),
        other => DataFusionError::Plan(other.to_string()),
    }
}
