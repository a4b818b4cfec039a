//! Helpers shared by the sandbox tests: compiled C or WAT runners with test limits, and arrays.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use arrow_array::ArrayRef;
use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileRequest, Compiler, CompilerConfig, Language};
use wasmudf_sandbox::{LoadedModule, RuntimeLimits, SandboxError, UdfRunner};

fn compiler() -> &'static Compiler {
    static COMPILER: OnceLock<Compiler> = OnceLock::new();
    COMPILER.get_or_init(|| {
        let cache = std::env::temp_dir().join("wasmudf-sandbox-tests-cache");
        Compiler::new(CompilerConfig {
            cache_dir: Some(cache),
            ..CompilerConfig::default()
        })
    })
}

pub fn limits() -> RuntimeLimits {
    RuntimeLimits {
        batch_timeout: Duration::from_millis(500),
        memory_bytes: 64 << 20,
    }
}

/// Compiles C `source` for `signature` and returns a runner with test limits.
pub fn c_runner(signature: &str, source: &str) -> UdfRunner {
    c_runner_with(signature, source, limits())
}

pub fn c_runner_with(signature: &str, source: &str, limits: RuntimeLimits) -> UdfRunner {
    let signature: UdfSignature = signature.parse().unwrap();
    let module = compiler()
        .compile(&CompileRequest {
            language: Language::C,
            source: source.as_bytes(),
            signature: &signature,
        })
        .unwrap_or_else(|error| panic!("compile failed: {error}"));
    UdfRunner::new(LoadedModule::load(&module.wasm, &signature, limits).unwrap())
}

/// A runner for a hand-written WAT module.
pub fn wat_runner(signature: &str, wat: &str) -> Result<UdfRunner, SandboxError> {
    let signature: UdfSignature = signature.parse().unwrap();
    let wasm = wat::parse_str(wat).unwrap();
    Ok(UdfRunner::new(LoadedModule::load(&wasm, &signature, limits())?))
}

pub fn call(runner: &UdfRunner, args: Vec<ArrayRef>) -> Result<ArrayRef, SandboxError> {
    let rows = args.first().map_or(1, |array| array.len());
    runner.call(&args, rows)
}

pub fn int32s(values: &[Option<i32>]) -> ArrayRef {
    Arc::new(arrow_array::Int32Array::from(values.to_vec()))
}

pub fn strings(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(arrow_array::StringArray::from(values.to_vec()))
}
