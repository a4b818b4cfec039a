//! From source text to a registered-ready `ScalarUDF`.

use std::sync::Arc;

use datafusion::logical_expr::ScalarUDF;
use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileRequest, CompiledModule, Compiler, Language};
use wasmudf_sandbox::{CancelFlag, GuestLog, LoadedModule, RuntimeLimits, SandboxError, UdfRunner};

use crate::{RunnerFactory, ShippableModule, WasmScalarUdf, WasmUdfError};

/// How to build UDFs: the compiler (with its cache) and the runtime limits every UDF gets.
#[derive(Debug, Clone)]
pub struct UdfBuilder {
    pub compiler: Arc<Compiler>,
    pub limits: RuntimeLimits,
    /// When set, every UDF built here stops as soon as it is cancelled.
    pub cancel: Option<CancelFlag>,
    /// When set, what every UDF built here prints is kept here.
    pub log: Option<GuestLog>,
}

/// A UDF ready to register, with what compiling it produced.
#[derive(Debug)]
pub struct DefinedUdf {
    pub udf: ScalarUDF,
    pub compiled: CompiledModule,
}

impl UdfBuilder {
    pub fn new(compiler: Arc<Compiler>, limits: RuntimeLimits) -> Self {
        UdfBuilder {
            compiler,
            limits,
            cancel: None,
            log: None,
        }
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
    pub fn from_module(&self, signature: &UdfSignature, wasm: &[u8]) -> Result<ScalarUDF, WasmUdfError> {
        let runner = self.runner(signature, wasm)?;
        Ok(WasmScalarUdf::new(runner, Arc::from(wasm)).into_scalar_udf())
    }

    /// A UDF over a module received from elsewhere, validated and compiled on its first call
    /// (see [`WasmScalarUdf::deferred`]): decoding a plan never compiles.
    pub fn deferred(&self, signature: UdfSignature, module: ShippableModule) -> ScalarUDF {
        let builder = self.clone();
        let (wasm, expected) = (module.wasm.clone(), signature.clone());
        let make: RunnerFactory = Box::new(move || builder.runner(&expected, &wasm));
        WasmScalarUdf::deferred(signature, module, make).into_scalar_udf()
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
