//! Compiling C: the happy path, the cache, diagnostics at the user's line, the allowed headers, and
//! sources refused before clang runs.

use wasmudf_compiler::{CompileError, Severity};

use crate::{compile_c, diagnostics_of};

const PAPER: &str = "float calculate_adj_bal(int balance, float rate) { return (balance * rate) + balance/1000; }";

#[test]
fn the_papers_function_compiles_unchanged() {
    let module = compile_c("calculate_adj_bal(balance INT, rate FLOAT) RETURNS FLOAT", PAPER).unwrap();
    assert!(module.wasm.starts_with(b"\0asm"));
    assert_eq!(module.digest.len(), 64);
    assert!(module.warnings.is_empty(), "{:?}", module.warnings);
}

/// The module carries a line table for `udf.c` (a trap names its line) and no host path: the
/// module is served back to its tenant (`GET /functions/{name}/module`).
#[test]
fn the_module_has_a_line_table_without_host_paths() {
    let module = compile_c(
        "line_table(a INT) RETURNS INT",
        "int32_t line_table(int32_t a) {\n  return 10 / a;\n}\n",
    )
    .unwrap();
    let contains = |needle: &[u8]| module.wasm.windows(needle.len()).any(|window| window == needle);
    assert!(contains(b".debug_line"), "no line table");
    assert!(contains(b"udf.c"));
    let cache_dir = crate::compiler().config().cache_dir.clone().unwrap();
    for host in [
        cache_dir.to_string_lossy().as_bytes(),
        b"/tmp/",
        b"/usr/lib/llvm",
        b"wasmudf-job-",
    ] {
        assert!(
            !contains(host),
            "the module names {}: {:?}",
            String::from_utf8_lossy(host),
            String::from_utf8_lossy(&module.wasm)
                .split('\0')
                .filter(|text| text.contains(&*String::from_utf8_lossy(host)))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_second_compile_comes_from_the_cache() {
    let source = "int32_t cached_twice(int32_t a) { return a * 2; }";
    let first = compile_c("cached_twice(a INT) RETURNS INT", source).unwrap();
    let second = compile_c("cached_twice(a INT) RETURNS INT", source).unwrap();
    assert!(!first.from_cache);
    assert!(second.from_cache);
    assert_eq!(first.digest, second.digest);
}

#[test]
fn errors_point_at_the_users_line_and_column() {
    let diagnostics = diagnostics_of(
        "f(a INT) RETURNS INT",
        "// line 1\nint32_t f(int32_t a) {\n    return a + missing;\n}\n",
    );
    let error = diagnostics.iter().find(|d| d.severity == Severity::Error).unwrap();
    assert_eq!((error.line, error.column), (Some(3), Some(16)));
    assert!(
        error.message.contains("use of undeclared identifier 'missing'"),
        "{error}"
    );
}

#[test]
fn a_type_that_contradicts_the_signature_is_an_error_at_the_definition() {
    let diagnostics = diagnostics_of("f(a INT) RETURNS DOUBLE", "\nfloat f(int a) { return a; }\n");
    let error = &diagnostics[0];
    assert_eq!(error.line, Some(2));
    assert!(error.message.contains("conflicting types for 'f'"), "{error}");
    assert!(
        diagnostics.iter().any(
            |d| d.message == "the signature declares `double f(int32_t a)`: the definition must have these C types"
        ),
        "{diagnostics:?}"
    );
}

#[test]
fn a_missing_function_is_named() {
    let diagnostics = diagnostics_of("f(a INT) RETURNS INT", "int32_t g(int32_t a) { return a; }");
    assert!(
        diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && d.message.contains("does not define the function `f`")),
        "{diagnostics:?}"
    );
}

#[test]
fn headers_outside_the_allowed_list_do_not_exist() {
    let diagnostics = diagnostics_of(
        "f(a INT) RETURNS INT",
        "#include <unistd.h>\nint32_t f(int32_t a) { return a; }",
    );
    assert_eq!(diagnostics[0].line, Some(1));
    assert!(
        diagnostics[0].message.contains("'unistd.h' file not found"),
        "{:?}",
        diagnostics[0]
    );
}

#[test]
fn every_allowed_header_is_available() {
    let includes: String = wasmudf_compiler::ALLOWED_HEADERS
        .iter()
        .map(|h| format!("#include <{h}>\n"))
        .collect();
    let source = format!(
        "{includes}#include <wasmudf.h>\ndouble f(double x) {{ return sqrt(fabs(x)) + strlen(\"ab\") + INT_MAX * 0.0 + DBL_EPSILON * 0.0 + (isdigit('1') ? 1 : 0); }}"
    );
    compile_c("f(x DOUBLE) RETURNS DOUBLE", &source).unwrap();
}

#[test]
fn non_utf8_and_nul_bytes_are_refused_before_clang() {
    let signature: wasmudf_abi::UdfSignature = "f(a INT) RETURNS INT".parse().unwrap();
    let request = |source: &'static [u8]| wasmudf_compiler::CompileRequest {
        language: wasmudf_compiler::Language::C,
        source,
        signature: &signature,
    };
    let error = crate::compiler()
        .compile(&request(b"int f(int a)\n{ return a; } // \xff\n"))
        .unwrap_err();
    assert!(matches!(error, CompileError::NotUtf8 { line: 2, .. }), "{error}");
    let error = crate::compiler()
        .compile(&request(b"int f(int a) { return a; }\0"))
        .unwrap_err();
    assert!(matches!(error, CompileError::NulByte { line: 1 }), "{error}");
}
