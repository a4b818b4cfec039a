//! `wasmudf._wasmudf`: the native half of the `wasmudf` Python package.
//!
//! It compiles with the same jailed clang as the server and the CLI (`wasmudf-compiler`) and
//! runs with the same sandbox (`wasmudf-sandbox`); nothing here is a second implementation of
//! either. Arrays cross from pyarrow (or anything with `__arrow_c_array__`) through the Arrow C
//! data interface without a copy, and the guest runs with the GIL released.
//!
//! The Python half (`python/wasmudf/`) is the public API: `Function`, `Limits`, the exceptions
//! and the engine adapters. This module is private to it: argument conversion (casts, chunked
//! arrays) happens there, in terms Python users know; what reaches [`Udf::call`] is already an
//! array of each parameter's type.
//!
//! **Invariant:** every error reaching Python is one of the package's exception classes
//! (`wasmudf.errors`), raised with its data, or a built-in `TypeError`/`ValueError` for a
//! caller's mistake. No Rust panic message and no debug output reaches a user.

mod errors;
mod udf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileRequest, Compiler, CompilerConfig, Language};
use wasmudf_sandbox::RuntimeLimits;

use crate::errors::compile_error;
use crate::udf::Udf;

/// The process's compiler: one module cache, one private sysroot, at most one clang per core.
fn compiler() -> &'static Compiler {
    static COMPILER: std::sync::OnceLock<Compiler> = std::sync::OnceLock::new();
    COMPILER.get_or_init(|| Compiler::new(CompilerConfig::default()))
}

/// The signature `text` spells, or a `ValueError` that quotes it.
fn parse_signature(text: &str) -> PyResult<UdfSignature> {
    text.parse::<UdfSignature>()
        .map_err(|error| PyValueError::new_err(error.to_string()))
}

/// Compiles (or assembles) `source` for `signature` with the process's compiler, the GIL
/// released: clang and the validator take a while.
fn compile(py: Python<'_>, language: Language, source: &str, signature: &UdfSignature) -> PyResult<Vec<u8>> {
    py.detach(|| {
        compiler().compile(&CompileRequest {
            language,
            source: source.as_bytes(),
            signature,
        })
    })
    .map(|compiled| compiled.wasm)
    .map_err(|error| compile_error(py, &error))
}

/// Compiles a C function to a module and returns `(wasm, signature)`. The signature is
/// `signature` when given, else read from the definition of `name` (else of the only function
/// the source defines).
#[pyfunction]
#[pyo3(signature = (source, signature=None, name=None))]
fn compile_c<'py>(
    py: Python<'py>,
    source: &str,
    signature: Option<&str>,
    name: Option<&str>,
) -> PyResult<(Bound<'py, PyBytes>, String)> {
    let signature = match signature {
        Some(text) => parse_signature(text)?,
        None => wasmudf_compiler::infer_c_signature(source, name).map_err(|message| {
            PyValueError::new_err(format!(
                "cannot read the UDF's signature from the C source: {message}; or pass it, e.g. \
                 signature=\"f(x INT) RETURNS INT\""
            ))
        })?,
    };
    if signature.is_aggregate() {
        return Err(PyValueError::new_err(format!(
            "`{}` is an aggregate (it defines {}_step and {}_finish); the Python package runs scalar \
             functions: run aggregates with SQL on the server, the CLI or the cluster",
            signature.name(),
            signature.name(),
            signature.name()
        )));
    }
    let wasm = compile(py, Language::C, source, &signature)?;
    Ok((PyBytes::new(py, &wasm), signature.to_string()))
}

/// Assembles a WAT module written against the batch ABI and checks it against `signature`.
#[pyfunction]
fn compile_wat<'py>(py: Python<'py>, text: &str, signature: &str) -> PyResult<Bound<'py, PyBytes>> {
    let signature = parse_signature(signature)?;
    Ok(PyBytes::new(py, &compile(py, Language::Wat, text, &signature)?))
}

#[pymodule]
fn _wasmudf(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Udf>()?;
    module.add_function(wrap_pyfunction!(compile_c, module)?)?;
    module.add_function(wrap_pyfunction!(compile_wat, module)?)?;
    module.add_function(wrap_pyfunction!(udf::load_count, module)?)?;
    module.add_function(wrap_pyfunction!(udf::buffer_address, module)?)?;
    module.add(
        "DEFAULT_TIME_LIMIT_MS",
        RuntimeLimits::DEFAULT.batch_timeout.as_millis() as u64,
    )?;
    module.add("DEFAULT_MEMORY_LIMIT_MB", RuntimeLimits::DEFAULT.memory_bytes >> 20)?;
    module.add("ABI_VERSION", wasmudf_abi::ABI_VERSION)?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
