//! The adapter's errors, and how guest failures and definition errors become `DataFusionError`s.

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

/// The DataFusion error for a failed guest call. SQL users see an `Execution` error (a limit: a
/// `ResourcesExhausted` one) whose message names the function, the kind and the row; never
/// `Internal`, which DataFusion reserves for its own bugs.
///
/// The failure itself travels along, typed: `DataFusionError` has no variant that both prints
/// as `Execution` and carries a payload, so the error is a `Collection` of that message and an
/// `External` holding the [`SandboxError`]. A `Collection` prints as its first member, and
/// [`find_root`](DataFusionError::find_root) leads to it; [`guest_failure`] finds the second.
pub fn sandbox_to_datafusion(error: SandboxError) -> DataFusionError {
    let shown = if error.is_limit() {
        DataFusionError::ResourcesExhausted(error.to_string())
    } else {
        DataFusionError::Execution(error.to_string())
    };
    DataFusionError::Collection(vec![shown, DataFusionError::External(Box::new(error))])
}

/// The guest failure an engine error carries, however DataFusion wrapped it on the way up
/// (contexts, Arrow errors, errors shared between partitions).
pub fn guest_failure(error: &DataFusionError) -> Option<&SandboxError> {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = next {
        if let Some(found) = current.downcast_ref::<SandboxError>() {
            return Some(found);
        }
        // `Arc<DataFusionError>::source` skips the error in the `Arc`: look at it here.
        let engine = current.downcast_ref::<DataFusionError>().or_else(|| {
            current
                .downcast_ref::<std::sync::Arc<DataFusionError>>()
                .map(AsRef::as_ref)
        });
        if let Some(DataFusionError::Collection(members)) = engine {
            return members.iter().find_map(guest_failure);
        }
        // `io::Error::source` skips the error it wraps: look at it here.
        if let Some(inner) = current
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
        {
            next = Some(inner);
            continue;
        }
        next = current.source();
    }
    None
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use datafusion::arrow::error::ArrowError;
    use wasmudf_sandbox::{RowLocation, TrapKind};

    use super::*;

    fn division_by_zero() -> SandboxError {
        SandboxError::Trap {
            function: "divide".into(),
            kind: TrapKind::DivisionByZero,
            location: Some(RowLocation::Row {
                index: 1,
                values: vec![("a".into(), "5".into()), ("b".into(), "0".into())],
            }),
            site: None,
        }
    }

    #[test]
    fn a_guest_failure_prints_as_the_execution_error_sql_users_know() {
        let error = sandbox_to_datafusion(division_by_zero());
        assert_eq!(
            error.to_string(),
            "Execution error: UDF `divide` failed: integer division by zero at row 1 of the batch (a=5, b=0)"
        );
        assert!(matches!(error.find_root(), DataFusionError::Execution(_)));
        let limit = SandboxError::Trap {
            function: "spin".into(),
            kind: TrapKind::TimeLimit(std::time::Duration::from_millis(500)),
            location: None,
            site: None,
        };
        let error = sandbox_to_datafusion(limit);
        assert_eq!(
            error.to_string(),
            "Resources exhausted: UDF `spin` failed: time limit exceeded (500 ms per batch)"
        );
        assert!(matches!(error.find_root(), DataFusionError::ResourcesExhausted(_)));
    }

    #[test]
    fn the_typed_failure_is_found_through_every_wrapping_datafusion_uses() {
        let wrappings: Vec<(&str, DataFusionError)> = vec![
            ("bare", sandbox_to_datafusion(division_by_zero())),
            (
                "context",
                sandbox_to_datafusion(division_by_zero()).context("while repartitioning"),
            ),
            (
                "shared",
                DataFusionError::Shared(Arc::new(sandbox_to_datafusion(division_by_zero()))),
            ),
            (
                "arrow",
                DataFusionError::ArrowError(
                    Box::new(ArrowError::ExternalError(Box::new(sandbox_to_datafusion(
                        division_by_zero(),
                    )))),
                    None,
                ),
            ),
            (
                "io",
                DataFusionError::IoError(std::io::Error::other(sandbox_to_datafusion(division_by_zero()))),
            ),
            (
                "arrow over an Arc",
                DataFusionError::External(Box::new(Arc::new(sandbox_to_datafusion(division_by_zero())))),
            ),
        ];
        for (how, error) in wrappings {
            let found = guest_failure(&error).map(ToString::to_string);
            assert_eq!(found, Some(division_by_zero().to_string()), "{how}: {error}");
        }
        assert!(guest_failure(&DataFusionError::Execution("UDF `divide` failed".into())).is_none());
    }
}
