//! WAT and prebuilt Wasm modules: accepted when they follow the ABI and carry the right signature.

use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileError, CompileRequest, Language};

use crate::compiler;

const IDENTITY_WAT: &str = r#"(module
  (memory (export "memory") 1 16)
  (func (export "wasmudf_reserve") (param i32) (result i32) i32.const 1024)
  (func (export "wasmudf_run") (param i32) (result i32) i32.const 0))"#;

#[test]
fn a_wat_module_following_the_abi_is_accepted_and_then_usable_as_wasm() {
    let signature: UdfSignature = "f(a INT) RETURNS INT".parse().unwrap();
    let wat = compiler()
        .compile(&CompileRequest {
            language: Language::Wat,
            source: IDENTITY_WAT.as_bytes(),
            signature: &signature,
        })
        .unwrap();
    let wasm = compiler()
        .compile(&CompileRequest {
            language: Language::Wasm,
            source: &wat.wasm,
            signature: &signature,
        })
        .unwrap();
    assert_eq!(wat.digest, wasm.digest);
}

#[test]
fn wat_syntax_errors_have_a_position() {
    let signature: UdfSignature = "f(a INT) RETURNS INT".parse().unwrap();
    let error = compiler()
        .compile(&CompileRequest {
            language: Language::Wat,
            source: b"(module\n  (func (export \"x\") (result i32) i32.const))",
            signature: &signature,
        })
        .unwrap_err();
    let CompileError::Diagnostics(diagnostics) = error else {
        panic!("{error}")
    };
    assert_eq!(diagnostics[0].line, Some(2), "{diagnostics:?}");
}

#[test]
fn a_c_module_refuses_to_run_under_another_signature() {
    let signature: UdfSignature = "g(a INT) RETURNS INT".parse().unwrap();
    let module = crate::compile_c("g(a INT) RETURNS INT", "int32_t g(int32_t a) { return a; }").unwrap();
    let other: UdfSignature = "g(a BIGINT) RETURNS INT".parse().unwrap();
    let error = compiler()
        .compile(&CompileRequest {
            language: Language::Wasm,
            source: &module.wasm,
            signature: &other,
        })
        .unwrap_err();
    assert!(matches!(error, CompileError::InvalidModule(_)), "{error}");
    let _ = signature;
}
