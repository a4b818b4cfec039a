//! From source text to a registered-ready `ScalarUDF` or `AggregateUDF`.

use std::sync::Arc;

use datafusion::execution::context::{RegisterFunction, SessionContext};
use datafusion::logical_expr::{AggregateUDF, ScalarUDF};
use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileRequest, CompiledModule, Compiler, Language};
use wasmudf_sandbox::{
    AggregateRunner, CancelFlag, GuestLog, InstanceBudget, LoadedModule, RuntimeLimits, SandboxError, UdfRunner,
};

use crate::{AggregateRunnerFactory, RunnerFactory, ShippableModule, WasmAggregateUdf, WasmScalarUdf, WasmUdfError};

/// A Wasm function as DataFusion registers it: scalar or aggregate, as its signature says.
#[derive(Debug, Clone)]
pub enum WasmFunction {
    Scalar(ScalarUDF),
    Aggregate(AggregateUDF),
}

impl WasmFunction {
    pub fn name(&self) -> &str {
        match self {
            WasmFunction::Scalar(udf) => udf.name(),
            WasmFunction::Aggregate(udaf) => udaf.name(),
        }
    }

    /// Registers the function in `context` (replacing one of the same name and kind).
    pub fn register(self, context: &SessionContext) {
        match self {
            WasmFunction::Scalar(udf) => context.register_udf(udf),
            WasmFunction::Aggregate(udaf) => context.register_udaf(udaf),
        }
    }

    /// What a `FunctionFactory` returns for `CREATE FUNCTION`.
    pub fn into_register_function(self) -> RegisterFunction {
        match self {
            WasmFunction::Scalar(udf) => RegisterFunction::Scalar(Arc::new(udf)),
            WasmFunction::Aggregate(udaf) => RegisterFunction::Aggregate(Arc::new(udaf)),
        }
    }

    /// The scalar function, if it is one.
    pub fn as_scalar(&self) -> Option<&ScalarUDF> {
        match self {
            WasmFunction::Scalar(udf) => Some(udf),
            WasmFunction::Aggregate(_) => None,
        }
    }
}

/// How to build UDFs: the compiler (with its cache) and the runtime limits every UDF gets.
#[derive(Debug, Clone)]
pub struct UdfBuilder {
    pub compiler: Arc<Compiler>,
    pub limits: RuntimeLimits,
    /// When set, every UDF built here stops as soon as it is cancelled.
    pub cancel: Option<CancelFlag>,
    /// When set, what every UDF built here prints is kept here.
    pub log: Option<GuestLog>,
    /// Live aggregate instances of every aggregate built here (and by clones), together.
    pub aggregate_instances: InstanceBudget,
}

/// A UDF ready to register, with what compiling it produced.
#[derive(Debug)]
pub struct DefinedUdf {
    pub udf: WasmFunction,
    pub compiled: CompiledModule,
}

impl UdfBuilder {
    pub fn new(compiler: Arc<Compiler>, limits: RuntimeLimits) -> Self {
        UdfBuilder {
            compiler,
            limits,
            cancel: None,
            log: None,
            aggregate_instances: InstanceBudget::default(),
        }
    }

    /// The same builder with a budget of live aggregate instances of its own: one per owner (a
    /// tenant's execution), so that no owner's aggregates take the instances of another's.
    pub fn with_own_budget(mut self) -> Self {
        self.aggregate_instances = InstanceBudget::default();
        self
    }

    /// The same builder, whose UDFs keep what they print (`printf`, `wasmudf_log`) in `log`.
    pub fn with_log(mut self, log: GuestLog) -> Self {
        self.log = Some(log);
        self
    }

    /// The same builder, whose UDFs stop (trap with "cancelled") once `cancel` is set.
    pub fn with_cancel(mut self, cancel: CancelFlag) -> Self {
        self.cancel = Some(cancel);
        self
    }

    /// Compiles `source` for `signature`, loads it into the sandbox and wraps it as a UDF.
    pub fn define(
        &self,
        signature: &UdfSignature,
        language: Language,
        source: &[u8],
    ) -> Result<DefinedUdf, WasmUdfError> {
        let compiled = self.compiler.compile(&CompileRequest {
            language,
            source,
            signature,
        })?;
        let udf = self.from_module(signature, &compiled.wasm)?;
        Ok(DefinedUdf { udf, compiled })
    }

    /// Wraps an already compiled (and possibly stored) module; it is validated again here.
    pub fn from_module(&self, signature: &UdfSignature, wasm: &[u8]) -> Result<WasmFunction, WasmUdfError> {
        if signature.is_aggregate() {
            let runner = self.aggregate_runner(signature, wasm)?;
            return Ok(WasmFunction::Aggregate(
                WasmAggregateUdf::new(runner, Arc::from(wasm)).into_aggregate_udf(),
            ));
        }
        let runner = self.runner(signature, wasm)?;
        Ok(WasmFunction::Scalar(
            WasmScalarUdf::new(runner, Arc::from(wasm)).into_scalar_udf(),
        ))
    }

    /// A function over a module received from elsewhere, validated and compiled on its first
    /// call (see [`WasmScalarUdf::deferred`]): decoding a plan never compiles.
    pub fn deferred(&self, signature: UdfSignature, module: ShippableModule) -> WasmFunction {
        let builder = self.clone();
        let (wasm, expected) = (module.wasm.clone(), signature.clone());
        if signature.is_aggregate() {
            let make: AggregateRunnerFactory = Box::new(move || builder.aggregate_runner(&expected, &wasm));
            return WasmFunction::Aggregate(WasmAggregateUdf::deferred(signature, module, make).into_aggregate_udf());
        }
        let make: RunnerFactory = Box::new(move || builder.runner(&expected, &wasm));
        WasmFunction::Scalar(WasmScalarUdf::deferred(signature, module, make).into_scalar_udf())
    }

    fn aggregate_runner(&self, signature: &UdfSignature, wasm: &[u8]) -> Result<AggregateRunner, SandboxError> {
        let module = LoadedModule::load(wasm, signature, self.limits)?;
        AggregateRunner::new(
            module,
            self.cancel.clone(),
            self.log.clone(),
            self.aggregate_instances.clone(),
        )
    }

    fn runner(&self, signature: &UdfSignature, wasm: &[u8]) -> Result<UdfRunner, SandboxError> {
        let module = LoadedModule::load(wasm, signature, self.limits)?;
        let mut runner = UdfRunner::new(module);
        if let Some(cancel) = &self.cancel {
            runner = runner.with_cancel(cancel.clone());
        }
        if let Some(log) = &self.log {
            runner = runner.with_log(log.clone());
        }
        Ok(runner)
    }
}
