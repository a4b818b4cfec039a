//! Compiler and sandbox failures as the package's Python exceptions, with their data.
//!
//! The classes live in Python (`python/wasmudf/errors.py`) so that they pickle, document
//! themselves and subclass as Python users expect; this module only builds them.

use pyo3::call::PyCallArgs;
use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use wasmudf_compiler::CompileError;
use wasmudf_sandbox::{RowLocation, SandboxError};

/// `wasmudf.errors.<class>(*args)`, as an error to raise.
fn raise<'py>(py: Python<'py>, class: &str, args: impl PyCallArgs<'py>) -> PyErr {
    let built = PyModule::import(py, "wasmudf.errors")
        .and_then(|module| module.getattr(class))
        .and_then(|class| class.call1(args));
    match built {
        Ok(instance) => PyErr::from_value(instance),
        Err(error) => error,
    }
}

/// A failed compile: the user's (`CompileError`, with line and column where clang gave them),
/// or the machine's (`ToolchainError` says what to install).
pub(crate) fn compile_error(py: Python<'_>, error: &CompileError) -> PyErr {
    match error {
        CompileError::Diagnostics(diagnostics) => {
            let diagnostics: Vec<(Option<u32>, Option<u32>, &str, &str)> = diagnostics
                .iter()
                .map(|d| (d.line, d.column, d.message.as_str(), d.severity.as_str()))
                .collect();
            raise(py, "CompileError", (error.to_string(), diagnostics))
        }
        CompileError::ToolchainMissing(_) | CompileError::SandboxUnavailable(_) => {
            raise(py, "ToolchainError", (error.to_string(),))
        }
        CompileError::Io(_) => PyOSError::new_err(error.to_string()),
        _ => raise(
            py,
            "CompileError",
            (error.to_string(), Vec::<(Option<u32>, Option<u32>, &str, &str)>::new()),
        ),
    }
}

/// A failed load or call: a refused module is a `CompileError`, arguments of the wrong type a
/// `TypeError`, and everything the guest did a `UdfError` with the server's kind, the function,
/// and the row with its input values when the host could find it.
pub(crate) fn sandbox_error(py: Python<'_>, error: &SandboxError) -> PyErr {
    match error {
        SandboxError::Invalid(_) | SandboxError::Compile(_) => raise(
            py,
            "CompileError",
            (error.to_string(), Vec::<(Option<u32>, Option<u32>, &str, &str)>::new()),
        ),
        SandboxError::ArgumentType { .. } | SandboxError::ArgumentCount { .. } => {
            PyTypeError::new_err(error.to_string())
        }
        _ => {
            let (row, rows, values) = match error.location() {
                Some(RowLocation::Row { index, values }) => (Some(*index), None, values.clone()),
                Some(RowLocation::Range { start, end }) => (None, Some((*start, *end)), Vec::new()),
                // Only the server counts rows in a table; the message says which.
                Some(RowLocation::Values(values)) | Some(RowLocation::TableRow { values, .. }) => {
                    (None, None, values.clone())
                }
                None => (None, None, Vec::new()),
            };
            raise(
                py,
                "UdfError",
                (
                    error.to_string(),
                    error.kind_name(),
                    error.function(),
                    row,
                    rows,
                    values,
                ),
            )
        }
    }
}
