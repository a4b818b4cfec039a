//! `WasmScalarUdf`: a Wasm module as a DataFusion scalar function.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

use datafusion::arrow::datatypes::DataType;
use datafusion::common::{Result, plan_err};
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility};
use wasmudf_abi::{ArgumentConversion, UdfSignature, refusal_hint, sql_type_name};
use wasmudf_sandbox::{SandboxError, UdfRunner};

use crate::error::sandbox_to_datafusion;

/// A scalar UDF backed by a sandboxed Wasm module. Each value of this type owns its own pool of
/// instances, so a function registered in one session never shares guest state with another.
///
/// It keeps the module's bytes, so that a codec can ship the function to another process; and
/// its runner may be *deferred*: made on the first call. A process that only plans (a Ballista
/// scheduler) then never compiles anything.
#[derive(Debug)]
pub struct WasmScalarUdf {
    signature: UdfSignature,
    module: ShippableModule,
    runner: Arc<LazyRunner>,
    engine_signature: Signature,
    /// The lower-case spelling of a mixed-case name: `CREATE FUNCTION calcAdj` keeps its case,
    /// but SQL folds unquoted calls to `calcadj`, so the function answers to both.
    aliases: Vec<String>,
}

/// A module as it travels: its bytes and their hex SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippableModule {
    pub wasm: Arc<[u8]>,
    pub digest: String,
}

/// Makes the runner of a deferred UDF, once.
pub type RunnerFactory = Box<dyn Fn() -> std::result::Result<UdfRunner, SandboxError> + Send + Sync>;

/// A runner made once, on first use (or given ready): a scalar's [`UdfRunner`] or an aggregate's
/// `AggregateRunner`. A failure to make it is kept and reported by every use.
pub(crate) struct LazyRunner<T = UdfRunner> {
    pub(crate) function: String,
    pub(crate) cell: OnceLock<std::result::Result<T, SandboxError>>,
    pub(crate) make: Option<Box<dyn Fn() -> std::result::Result<T, SandboxError> + Send + Sync>>,
}

impl<T> std::fmt::Debug for LazyRunner<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LazyRunner")
            .field("ready", &self.cell.get().is_some())
            .finish()
    }
}

impl<T> LazyRunner<T> {
    pub(crate) fn get(&self) -> Result<&T> {
        let made = self.cell.get_or_init(|| match &self.make {
            Some(make) => make(),
            None => Err(SandboxError::Instantiate {
                function: self.function.clone(),
                message: "the function has no runner".into(),
            }),
        });
        made.as_ref().map_err(|error| {
            sandbox_to_datafusion(error.clone()).context(format!("UDF `{}` cannot be loaded", self.function))
        })
    }
}

impl WasmScalarUdf {
    /// A UDF over a loaded runner; `wasm` are the bytes it was loaded from.
    pub fn new(runner: UdfRunner, wasm: Arc<[u8]>) -> Self {
        let signature = runner.signature().clone();
        let module = ShippableModule {
            wasm,
            digest: runner.module().digest().to_string(),
        };
        let lazy = LazyRunner {
            function: signature.name().to_string(),
            cell: OnceLock::from(Ok(runner)),
            make: None,
        };
        Self::from_parts(signature, module, lazy)
    }

    /// A UDF whose runner `make` builds on the first call (and whose failure every call then
    /// reports). Planning with it needs only the signature.
    pub fn deferred(signature: UdfSignature, module: ShippableModule, make: RunnerFactory) -> Self {
        let lazy = LazyRunner {
            function: signature.name().to_string(),
            cell: OnceLock::new(),
            make: Some(make),
        };
        Self::from_parts(signature, module, lazy)
    }

    fn from_parts(signature: UdfSignature, module: ShippableModule, runner: LazyRunner) -> Self {
        let aliases = lowercase_alias(signature.name());
        WasmScalarUdf {
            signature,
            module,
            runner: Arc::new(runner),
            engine_signature: Signature::user_defined(Volatility::Immutable),
            aliases,
        }
    }

    pub fn udf_signature(&self) -> &UdfSignature {
        &self.signature
    }

    /// The module, as a codec ships it.
    pub fn module(&self) -> &ShippableModule {
        &self.module
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
        self.module.digest.hash(state);
        self.signature.hash(state);
    }
}

impl ScalarUDFImpl for WasmScalarUdf {
    fn name(&self) -> &str {
        self.signature.name()
    }

    fn aliases(&self) -> &[String] {
        &self.aliases
    }

    fn signature(&self) -> &Signature {
        &self.engine_signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(self.signature.returns().arrow_type())
    }

    /// NULL in, NULL out: lets DataFusion treat `WHERE f(x)` as rejecting NULL `x`.
    fn is_strict(&self) -> bool {
        true
    }

    /// Takes what the table of implicit conversions allows ([`ArgumentConversion`]) and passes it
    /// as it is: the runner converts, checking a narrowing value by value so that one that does
    /// not fit names its row (a cast here would fail without it, or wrap). Anything else is
    /// refused while planning, with the CAST to write.
    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        coerce_arguments(&self.signature, arg_types)
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let all_scalar = args.args.iter().all(|arg| matches!(arg, ColumnarValue::Scalar(_)));
        let rows = if all_scalar { 1 } else { args.number_rows };
        let arrays = args
            .args
            .into_iter()
            .map(|arg| arg.into_array(rows))
            .collect::<Result<Vec<_>>>()?;
        let result = self.runner.get()?.call(&arrays, rows).map_err(sandbox_to_datafusion)?;
        if all_scalar {
            return Ok(ColumnarValue::Scalar(datafusion::common::ScalarValue::try_from_array(
                &result, 0,
            )?));
        }
        Ok(ColumnarValue::Array(result))
    }
}

/// The lower-case spelling of a mixed-case name, as an alias: `CREATE FUNCTION calcAdj` keeps its
/// case, but SQL folds unquoted calls to `calcadj`, so the function answers to both.
pub(crate) fn lowercase_alias(name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    if lower != name { vec![lower] } else { Vec::new() }
}

/// The argument types DataFusion passes a Wasm function (scalar or aggregate) given `arg_types`:
/// what the table of implicit conversions allows, as it is (the runner converts, checking a
/// narrowing value by value); a refusal names the parameter and the CAST to write.
pub(crate) fn coerce_arguments(signature: &UdfSignature, arg_types: &[DataType]) -> Result<Vec<DataType>> {
    if arg_types.len() != signature.params().len() {
        return plan_err!(
            "{} takes {} argument(s) ({}), but {} were given",
            signature.name(),
            signature.params().len(),
            signature.to_string(),
            arg_types.len()
        );
    }
    arg_types
        .iter()
        .zip(signature.params())
        .enumerate()
        .map(
            |(index, (arg_type, param))| match (ArgumentConversion::of(arg_type, param.sql_type), arg_type) {
                (ArgumentConversion::Refused, _) => plan_err!(
                    "argument {} of {} is the parameter `{}` {} (`{}`), but the value is {}: {}",
                    index + 1,
                    signature.name(),
                    param.name,
                    param.sql_type,
                    param.sql_type.c_name(),
                    sql_type_name(arg_type),
                    refusal_hint(arg_type, param.sql_type, "...")
                ),
                // NULL literals and dictionaries become the parameter's own type here, where
                // DataFusion casts them once per batch.
                (_, DataType::Null | DataType::Dictionary(..)) => Ok(param.sql_type.arrow_type()),
                _ => Ok(arg_type.clone()),
            },
        )
        .collect()
}
