//! `WasmScalarUdf`: a Wasm module as a DataFusion scalar function.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, plan_err};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility};
use wasmudf_abi::{SqlType, UdfSignature};
use wasmudf_sandbox::{UdfRunner, arrow_type};

use crate::error::sandbox_to_datafusion;

/// A scalar UDF backed by a sandboxed Wasm module. Each value of this type owns its own pool of
/// instances, so a function registered in one session never shares guest state with another.
#[derive(Debug)]
pub struct WasmScalarUdf {
    runner: Arc<UdfRunner>,
    engine_signature: Signature,
    /// The lower-case spelling of a mixed-case name: `CREATE FUNCTION calcAdj` keeps its case,
    /// but SQL folds unquoted calls to `calcadj`, so the function answers to both.
    aliases: Vec<String>,
}

impl WasmScalarUdf {
    pub fn new(runner: UdfRunner) -> Self {
        let name = &runner.signature().name;
        let lower = name.to_lowercase();
        let aliases = if lower != *name { vec![lower] } else { Vec::new() };
        WasmScalarUdf {
            runner: Arc::new(runner),
            engine_signature: Signature::user_defined(Volatility::Immutable),
            aliases,
        }
    }

    pub fn udf_signature(&self) -> &UdfSignature {
        self.runner.signature()
    }

    pub fn into_scalar_udf(self) -> ScalarUDF {
        ScalarUDF::new_from_impl(self)
    }
}

impl PartialEq for WasmScalarUdf {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.runner, &other.runner)
    }
}

impl Eq for WasmScalarUdf {}

impl Hash for WasmScalarUdf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.runner.module().digest().hash(state);
        self.runner.signature().hash(state);
    }
}

impl ScalarUDFImpl for WasmScalarUdf {
    fn name(&self) -> &str {
        &self.runner.signature().name
    }

    fn aliases(&self) -> &[String] {
        &self.aliases
    }

    fn signature(&self) -> &Signature {
        &self.engine_signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(arrow_type(self.runner.signature().returns))
    }

    /// NULL in, NULL out: lets DataFusion treat `WHERE f(x)` as rejecting NULL `x`.
    fn is_strict(&self) -> bool {
        true
    }

    /// Accepts any numeric column for a numeric parameter (cast to the declared width, failing on
    /// overflow), and every Arrow string layout for STRING (passed as it is, no copy).
    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        let signature = self.runner.signature();
        if arg_types.len() != signature.params.len() {
            return plan_err!(
                "{} takes {} argument(s) ({}), but {} were given",
                signature.name,
                signature.params.len(),
                signature.to_string(),
                arg_types.len()
            );
        }
        arg_types
            .iter()
            .zip(&signature.params)
            .enumerate()
            .map(|(index, (arg_type, param))| {
                let coerced = match (param.sql_type, arg_type) {
                    (_, DataType::Null) => Some(arrow_type(param.sql_type)),
                    (SqlType::String, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) => {
                        Some(arg_type.clone())
                    }
                    (SqlType::String, DataType::Dictionary(_, value)) if value.is_string() => Some(DataType::Utf8),
                    (SqlType::Boolean, DataType::Boolean) => Some(DataType::Boolean),
                    (SqlType::Int | SqlType::BigInt | SqlType::Float | SqlType::Double, numeric)
                        if numeric.is_numeric() =>
                    {
                        Some(arrow_type(param.sql_type))
                    }
                    _ => None,
                };
                match coerced {
                    Some(data_type) => Ok(data_type),
                    None => plan_err!(
                        "argument {} (`{}`) of {} is declared {} but the value has type {}",
                        index + 1,
                        param.name,
                        signature.name,
                        param.sql_type,
                        arg_type
                    ),
                }
            })
            .collect()
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let all_scalar = args.args.iter().all(|arg| matches!(arg, ColumnarValue::Scalar(_)));
        let rows = if all_scalar { 1 } else { args.number_rows };
        let arrays = args
            .args
            .into_iter()
            .map(|arg| arg.into_array(rows))
            .collect::<Result<Vec<_>>>()?;
        let result = self.runner.call(&arrays, rows).map_err(sandbox_to_datafusion)?;
        if all_scalar {
            return Ok(ColumnarValue::Scalar(datafusion::common::ScalarValue::try_from_array(
                &result, 0,
            )?));
        }
        Ok(ColumnarValue::Array(result))
    }
}
