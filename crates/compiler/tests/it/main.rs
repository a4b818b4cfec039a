//! Compiler integration tests: real clang-19 in the real bubblewrap jail.

// Test code: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod compile_c;
mod hostile;
mod wat_and_wasm;

use std::sync::OnceLock;

use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileError, CompileRequest, CompiledModule, Compiler, CompilerConfig, Diagnostic, Language};

/// A compiler with its own cache directory, shared by the tests of this binary.
pub fn compiler() -> &'static Compiler {
    static COMPILER: OnceLock<(tempfile::TempDir, Compiler)> = OnceLock::new();
    &COMPILER
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let compiler = Compiler::new(CompilerConfig {
                cache_dir: Some(dir.path().to_path_buf()),
                ..CompilerConfig::default()
            });
            (dir, compiler)
        })
        .1
}

pub fn compile_c(signature: &str, source: &str) -> Result<CompiledModule, CompileError> {
    let signature: UdfSignature = signature.parse().unwrap();
    compiler().compile(&CompileRequest {
        language: Language::C,
        source: source.as_bytes(),
        signature: &signature,
    })
}

/// The diagnostics of a source that must not compile.
pub fn diagnostics_of(signature: &str, source: &str) -> Vec<Diagnostic> {
    match compile_c(signature, source) {
        Err(CompileError::Diagnostics(diagnostics)) => diagnostics,
        Err(other) => panic!("expected diagnostics, got: {other}"),
        Ok(_) => panic!("expected a compile error"),
    }
}

/// Whether the slow case `test` runs (CI sets WASMUDF_SLOW_TESTS=1). When it does not, says so on
/// stderr, so a skipped case never passes silently.
pub fn slow_tests_enabled(test: &str) -> bool {
    let enabled = std::env::var("WASMUDF_SLOW_TESTS").as_deref() == Ok("1");
    if !enabled {
        // Straight to stderr, not `eprintln!`: the test harness hides what a passing test prints.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("skipped {test}: set WASMUDF_SLOW_TESTS=1 to run it\n").as_bytes(),
        );
    }
    enabled
}
