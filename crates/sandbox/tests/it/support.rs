//! Helpers shared by the sandbox tests: runners of prebuilt guests or WAT with test limits, and arrays.

use std::sync::Arc;

use arrow_array::ArrayRef;
use wasmudf_sandbox::{LoadedModule, RuntimeLimits, SandboxError, UdfRunner};

/// Limits small enough for tests to hit quickly.
pub fn limits() -> RuntimeLimits {
    wasmudf_test_support::test_limits()
}

/// A runner of the prebuilt guest `name` (see `wasmudf_test_support::GUESTS`) with test limits.
pub fn guest_runner(name: &str) -> UdfRunner {
    wasmudf_test_support::guest(name).runner()
}

pub fn guest_runner_with(name: &str, limits: RuntimeLimits) -> UdfRunner {
    wasmudf_test_support::guest(name).runner_with(limits)
}

/// A runner for a hand-written WAT module.
pub fn wat_runner(signature: &str, wat: &str) -> Result<UdfRunner, SandboxError> {
    let signature: wasmudf_abi::UdfSignature = signature.parse().unwrap();
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
