//! `Udf`: a loaded module and its pool of sandboxed instances, called with pyarrow arrays.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use arrow_array::{Array, ArrayRef, make_array};
use arrow_data::ArrayData;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use wasmudf_abi::{ModuleLimits, UdfParam, UdfSignature};
use wasmudf_sandbox::{GuestLog, LoadedModule, RuntimeLimits, UdfRunner};

use crate::errors::sandbox_error;
use crate::parse_signature;

/// Modules this process has loaded (validated and given a runner): what "compiled once per
/// worker" is checked against, by count rather than by timing.
static LOADS: AtomicU64 = AtomicU64::new(0);

/// A validated, compiled module bound to its signature and limits, with its own instances.
/// Safe to call from several Python threads at once: each call checks out an instance.
#[pyclass(frozen, module = "wasmudf._wasmudf")]
#[derive(Debug)]
pub(crate) struct Udf {
    runner: UdfRunner,
    /// What the function printed since the last `take_log`.
    log: GuestLog,
}

#[pymethods]
impl Udf {
    /// Loads `wasm` for `signature` (`None`: the signature the module carries), to run within
    /// `time_limit_ms` per batch and `memory_limit_mb` of linear memory.
    #[new]
    fn new(
        py: Python<'_>,
        wasm: &[u8],
        signature: Option<&str>,
        time_limit_ms: u64,
        memory_limit_mb: u64,
    ) -> PyResult<Self> {
        let signature = match signature {
            Some(text) => parse_signature(text)?,
            None => embedded_signature(py, wasm)?,
        };
        let limits = RuntimeLimits {
            batch_timeout: Duration::from_millis(time_limit_ms),
            memory_bytes: memory_limit_mb << 20,
        };
        let module = py
            .detach(|| LoadedModule::load(wasm, &signature, limits))
            .map_err(|error| sandbox_error(py, &error))?;
        LOADS.fetch_add(1, Ordering::Relaxed);
        let log = GuestLog::new();
        Ok(Udf {
            runner: UdfRunner::new(module).with_log(log.clone()),
            log,
        })
    }

    /// Applies the function to `rows` rows of `args`, one array per parameter, each already of
    /// the parameter's type. The guest runs with the GIL released.
    fn call<'py>(&self, py: Python<'py>, args: Vec<Bound<'py, PyAny>>, rows: usize) -> PyResult<Bound<'py, PyAny>> {
        let arrays = args.iter().map(import_array).collect::<PyResult<Vec<ArrayRef>>>()?;
        if let Some((index, array)) = arrays.iter().enumerate().find(|(_, array)| array.len() != rows) {
            let name = self
                .signature()
                .params()
                .get(index)
                .map_or_else(|| UdfParam::default_name(index), |param| param.name.clone());
            return Err(PyValueError::new_err(format!(
                "argument `{name}` has {} rows; the other arguments have {rows}",
                array.len()
            )));
        }
        let result = py.detach(|| self.runner.call(&arrays, rows));
        // The inputs are released here, attached: numpy-backed buffers need the interpreter.
        drop(arrays);
        let result = result.map_err(|error| sandbox_error(py, &error))?;
        result.to_data().to_pyarrow(py)
    }

    /// What the function printed (`printf`, `wasmudf_log`) since the last call of this method,
    /// leaving the log empty: 1 KiB per row, 64 KiB in all, cuts marked.
    fn take_log(&self) -> String {
        self.log.take()
    }

    /// `name(param TYPE, ...) RETURNS TYPE`.
    #[getter]
    fn signature_text(&self) -> String {
        self.signature().to_string()
    }

    #[getter]
    fn name(&self) -> &str {
        self.signature().name()
    }

    #[getter]
    fn param_names(&self) -> Vec<String> {
        self.signature()
            .params()
            .iter()
            .map(|param| param.name.clone())
            .collect()
    }

    /// The SQL types of the parameters: `INT`, `BIGINT`, `FLOAT`, `DOUBLE`, `BOOLEAN`, `STRING`,
    /// `DATE`, `TIMESTAMP`, `DECIMAL(p, s)`, `BINARY`.
    #[getter]
    fn param_types(&self) -> Vec<String> {
        self.signature()
            .param_types()
            .map(|sql_type| sql_type.to_string())
            .collect()
    }

    #[getter]
    fn return_type(&self) -> String {
        self.signature().returns().to_string()
    }

    /// Each parameter's canonical pyarrow type (`INT` is `int32`, `STRING` is `string`, ...).
    #[getter]
    fn param_arrow_types<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.signature()
            .param_types()
            .map(|sql_type| sql_type.arrow_type().to_pyarrow(py))
            .collect()
    }

    /// The pyarrow type of the results.
    #[getter]
    fn return_arrow_type<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.signature().returns().arrow_type().to_pyarrow(py)
    }

    /// Hex SHA-256 of the module's bytes.
    #[getter]
    fn digest(&self) -> &str {
        self.runner.module().digest()
    }
}

impl Udf {
    fn signature(&self) -> &UdfSignature {
        self.runner.signature()
    }
}

/// The signature a module carries in its `wasmudf.signature` section, as `wasmudf compile`
/// and the C compiler write it.
fn embedded_signature(py: Python<'_>, wasm: &[u8]) -> PyResult<UdfSignature> {
    let report = wasmudf_abi::validate_module(wasm, &ModuleLimits::default(), None)
        .map_err(|error| sandbox_error(py, &error.into()))?;
    match report.embedded_signature {
        Some(text) => parse_signature(&text),
        None => Err(PyValueError::new_err(
            "the module carries no signature (modules compiled from C, or written by \
             `wasmudf compile -o`, do): pass signature=\"f(x INT) RETURNS INT\"",
        )),
    }
}

/// An Arrow array from Python (pyarrow, or anything with `__arrow_c_array__`), without a copy.
///
/// Checked whole (every offset, string view and UTF-8 byte) before the sandbox reads it: the
/// sandbox trusts its host's arrays, and neither pyarrow's constructors from raw buffers nor the
/// C data interface check them. One pass over the values; nothing is copied.
fn import_array(object: &Bound<'_, PyAny>) -> PyResult<ArrayRef> {
    let data = ArrayData::from_pyarrow_bound(object)?;
    data.validate_full()
        .map_err(|error| PyValueError::new_err(format!("the array is not valid Arrow data: {error}")))?;
    Ok(make_array(data))
}

/// How many modules this process has loaded.
#[pyfunction]
pub(crate) fn load_count() -> u64 {
    LOADS.load(Ordering::Relaxed)
}

/// Where the values of a primitive array are, once imported: equal to pyarrow's own address
/// when the import copied nothing.
#[pyfunction]
pub(crate) fn buffer_address(array: &Bound<'_, PyAny>) -> PyResult<usize> {
    let array = import_array(array)?;
    let data = array.to_data();
    data.buffers()
        .first()
        .map(|buffer| buffer.as_ptr() as usize)
        .ok_or_else(|| PyValueError::new_err("the array has no values buffer"))
}
