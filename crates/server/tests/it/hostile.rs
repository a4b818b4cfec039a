//! The hostile-input suite, end to end through the API: each case is a tenant ("mallory")
//! attacking one layer. Every case asserts its exact outcome (a 4xx code, or the `kind` of a
//! failed execution, or the harmless value it must compute), that no secret (a real host file's
//! content, `/etc/passwd`, the server's data directory) appears in anything the API answered, and
//! that the server keeps serving another tenant afterwards.
//!
//! Crate-level suites go deeper on one layer each (`crates/compiler/tests/it/hostile.rs`,
//! `crates/sandbox/tests/it/*`); this one proves the layers hold together behind the API.

use std::sync::OnceLock;

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::{Fixture, PAPER_REQUEST};

/// What a case must end in.
#[derive(Debug, Clone)]
enum Expect {
    /// `POST /executions` answers this status and code.
    Refused(StatusCode, &'static str),
    /// Accepted, then failed with this `error.kind`.
    Fails(&'static str),
    /// Accepted and succeeded; the first row's function result is this value.
    Returns(Value),
}
use Expect::*;

/// A real host file with a unique secret: (path, secret).
fn secret() -> &'static (String, String) {
    static SECRET: OnceLock<(String, String)> = OnceLock::new();
    SECRET.get_or_init(|| {
        let secret = format!("MALLORY-SECRET-{}-{}", std::process::id(), crate::random_suffix());
        let path = std::env::temp_dir().join(format!("wasmudf-hostile-{}.h", std::process::id()));
        std::fs::write(&path, format!("int32_t leaked = 1; /* {secret} */\n\"{secret}\"\n")).unwrap();
        (path.to_string_lossy().into_owned(), secret)
    })
}

/// A MAP of `f(balance)` over the accounts table with `program` as the C source.
fn c_request(program: &str, returns: &str) -> String {
    json!({
        "program": program.replace("SECRET_PATH", &secret().0),
        "data": "accounts",
        "operation": "MAP",
        "function_name": "f",
        "input_column_names": ["balance"],
        "output_column_type": returns,
    })
    .to_string()
}

/// SQL defining `f` in WAT, then calling it on the accounts table.
fn wat_request(signature: &str, wat: &str) -> String {
    json!({"sql": format!(
        "CREATE FUNCTION {signature} LANGUAGE wat AS $${wat}$$; SELECT f(balance) AS r FROM accounts ORDER BY id LIMIT 3"
    )})
    .to_string()
}

const F: &str = "\nint32_t f(int32_t balance) { return balance; }\n";

fn cases() -> Vec<(&'static str, String, Expect)> {
    let c = |program: &str| c_request(program, "INTEGER");
    let cases = vec![
        // ---- compile stage: the preprocessor reaching host files ----
        ("absolute include", c(&format!("#include \"SECRET_PATH\"{F}")), Fails("compile_error")),
        ("angle include of /etc/passwd", c(&format!("#include </etc/passwd>{F}")), Fails("compile_error")),
        ("relative include climbing out", c(&format!("#include \"../../../../../../etc/passwd\"{F}")), Fails("compile_error")),
        ("embed", c("const char d[] = {\n#embed \"SECRET_PATH\"\n};\nint32_t f(int32_t b) { return d[0]; }"), Fails("compile_error")),
        ("embed with warnings silenced", c("#pragma clang diagnostic ignored \"-Wc23-extensions\"\n#pragma clang diagnostic ignored \"-Weverything\"\nconst char d[] = {\n#embed \"SECRET_PATH\"\n};\nint32_t f(int32_t b) { return d[0]; }"), Fails("compile_error")),
        ("macro-expanded include", c(&format!("#define P \"SECRET_PATH\"\n#include P{F}")), Fails("compile_error")),
        ("digraph include", c(&format!("%:include \"SECRET_PATH\"{F}")), Fails("compile_error")),
        ("line-spliced include", c(&format!("#inc\\\nlude \"SECRET_PATH\"{F}")), Fails("compile_error")),
        ("comment inside the directive", c(&format!("#/**/include /**/ \"SECRET_PATH\"{F}")), Fails("compile_error")),
        ("#import", c(&format!("#import \"SECRET_PATH\"{F}")), Fails("compile_error")),
        ("#include_next", c(&format!("#include_next <stdint.h>\n#include_next \"SECRET_PATH\"{F}")), Fails("compile_error")),
        ("pragma GCC dependency", c(&format!("#pragma GCC dependency \"SECRET_PATH\"{F}")), Fails("compile_error")),
        ("/proc/self/environ", c(&format!("#include \"/proc/self/environ\"{F}")), Fails("compile_error")),
        ("/dev/stdin", c(&format!("#include \"/dev/stdin\"{F}")), Fails("compile_error")),
        ("a header outside the allowed list", c(&format!("#include <unistd.h>{F}")), Fails("compile_error")),
        ("__has_include probe sees nothing", c("#if __has_include(\"SECRET_PATH\") || __has_include(</etc/passwd>)\nint32_t f(int32_t b) { return 1; }\n#else\nint32_t f(int32_t b) { return 0; }\n#endif"), Returns(json!(0))),
        ("__has_embed probe sees nothing", c("#if __has_embed(\"SECRET_PATH\")\nint32_t f(int32_t b) { return 1; }\n#else\nint32_t f(int32_t b) { return 0; }\n#endif"), Returns(json!(0))),
        ("#line claiming a host file", c("#line 1 \"SECRET_PATH\"\nint32_t f(int32_t b) { return b +; }"), Fails("compile_error")),
        ("diagnostic carrying HTML and terminal escapes", c("#error <script>alert(1)</script> \u{1b}[2J\u{1b}]0;pwned\u{7}\nint32_t f(int32_t b) { return b; }"), Fails("compile_error")),
        ("NUL byte in the source", c("int32_t f(int32_t b) { return b; }\u{0}"), Fails("compile_error")),
        ("libc I/O pulling in WASI imports", c("typedef struct _IO_FILE FILE; FILE *fopen(const char *, const char *);\nint32_t f(int32_t b) { return fopen(\"SECRET_PATH\", \"r\") != 0; }"), Fails("compile_error")),
        ("printf of a line wider than the log", c("#include <stdio.h>\nint32_t f(int32_t b) { printf(\"%20000d\", b); return b; }"), Returns(json!(12507))),
        ("an import made with attributes", c("__attribute__((import_module(\"wasi_snapshot_preview1\"), import_name(\"proc_exit\"))) void bye(int);\nint32_t f(int32_t b) { bye(b); return b; }"), Fails("compile_error")),
        ("an import made with inline assembly", c("__asm__(\".functype ext (i32) -> (i32)\\n.import_module ext, env\\n.import_name ext, ext\\n\");\nextern int32_t ext(int32_t);\nint32_t f(int32_t b) { return ext(b); }"), Fails("compile_error")),
        ("a definition that does not match the signature", c_request("char *f(int32_t b) { return 0; }", "INTEGER"), Fails("compile_error")),
        ("parameter types that do not match the column", c_request("wasmudf_str f(wasmudf_str b) { return b; }", "STRING"), Refused(StatusCode::BAD_REQUEST, "type_mismatch")),
        ("a source over the size limit", c(&format!("{F}/*{}*/", "x".repeat(300 << 10))), Refused(StatusCode::BAD_REQUEST, "program_too_large")),
        // ---- runtime stage: every trap kind, bombs, lying results ----
        ("infinite loop", c("int32_t f(int32_t b) { for (;;) {} }"), Fails("time_limit")),
        ("infinite loop in a constructor", c("__attribute__((constructor)) static void init(void) { for (;;) {} }\nint32_t f(int32_t b) { return b; }"), Fails("time_limit")),
        ("memory growth bomb", c("int32_t f(int32_t b) { for (;;) { if (__builtin_wasm_memory_grow(0, 1024) < 0) return -1; } }"), Fails("memory_limit")),
        ("malloc bomb", c("#include <stdlib.h>\nint32_t f(int32_t b) { for (;;) { volatile char *p = malloc(1 << 20); if (!p) return -1; p[0] = 1; } }"), Fails("memory_limit")),
        ("deep recursion", c("int32_t f(int32_t b) { volatile int32_t x[16]; x[b & 15] = b; return f(x[(b + 1) & 15]) * 3 + x[0]; }"), Fails("stack_overflow")),
        ("division by zero", c("int32_t f(int32_t b) { volatile int32_t zero = 0; return b / zero; }"), Fails("division_by_zero")),
        ("integer overflow trap", c("#include <limits.h>\nint32_t f(int32_t b) { volatile int32_t m = INT_MIN, n = -1; return m / n; }"), Fails("integer_overflow")),
        ("__builtin_trap", c("int32_t f(int32_t b) { __builtin_trap(); }"), Fails("abort")),
        ("out-of-bounds load", c("int32_t f(int32_t b) { return *(volatile int32_t *)0xFFFFFFF0u; }"), Fails("out_of_bounds")),
        ("a wild function pointer (outside the table)", c("typedef int32_t (*fp)(int32_t);\nint32_t f(int32_t b) { volatile unsigned long n = 12345; return ((fp)n)(b); }"), Fails("out_of_bounds")),
        ("a function pointer of the wrong type", c("typedef int32_t (*fp)(int32_t);\nvoid g(void) {}\nint32_t f(int32_t b) { fp volatile p = (fp)(void *)g; return p(b); }"), Fails("bad_indirect_call")),
        ("a string pointer outside memory", c_request("wasmudf_str f(int32_t b) { return wasmudf_str_from((const char *)0xFFFFFF00u, 1000); }", "STRING"), Fails("invalid_output")),
        ("a negative string length", c_request("wasmudf_str f(int32_t b) { return wasmudf_str_from(\"abc\", -5); }", "STRING"), Fails("invalid_output")),
        ("invalid UTF-8", c_request("wasmudf_str f(int32_t b) { return wasmudf_str_from(\"\\xff\\xfe\", 2); }", "STRING"), Fails("invalid_utf8")),
        ("a huge output string", c_request("wasmudf_str f(int32_t b) { return wasmudf_str_from(\"abc\", 0x7fffffff); }", "STRING"), Fails("invalid_output")),
        ("NaN comes out as NaN", c_request("double f(int32_t b) { volatile double z = 0.0; return z / z; }", "DOUBLE"), Returns(json!("NaN"))),
        // ---- modules: prebuilt and hand-written ----
        ("a module path from SQL", json!({"sql": "CREATE FUNCTION f(x BIGINT) RETURNS BIGINT LANGUAGE wasm AS '/etc/passwd'; SELECT f(balance) FROM accounts"}).to_string(), Refused(StatusCode::BAD_REQUEST, "statement_not_allowed")),
        ("WAT importing a host function", wat_request("f(x BIGINT) RETURNS BIGINT", "(module (import \"wasi_snapshot_preview1\" \"proc_exit\" (func (param i32))) (memory (export \"memory\") 1 1))"), Fails("bad_request")),
        ("WAT with a start function", wat_request("f(x BIGINT) RETURNS BIGINT", "(module (memory (export \"memory\") 1 1) (func $s (loop (br 0))) (start $s) (func (export \"wasmudf_reserve\") (param i32) (result i32) i32.const 0) (func (export \"wasmudf_run\") (param i32) (result i32) i32.const 0))"), Fails("bad_request")),
        ("WAT with unbounded memory", wat_request("f(x BIGINT) RETURNS BIGINT", "(module (memory (export \"memory\") 1) (func (export \"wasmudf_reserve\") (param i32) (result i32) i32.const 0) (func (export \"wasmudf_run\") (param i32) (result i32) i32.const 0))"), Fails("bad_request")),
        ("WAT with 64-bit memory", wat_request("f(x BIGINT) RETURNS BIGINT", "(module (memory (export \"memory\") i64 1 1) (func (export \"wasmudf_reserve\") (param i32) (result i32) i32.const 0) (func (export \"wasmudf_run\") (param i32) (result i32) i32.const 0))"), Fails("bad_request")),
        ("WAT with shared memory (threads)", wat_request("f(x BIGINT) RETURNS BIGINT", "(module (memory (export \"memory\") 1 1 shared) (func (export \"wasmudf_reserve\") (param i32) (result i32) i32.const 0) (func (export \"wasmudf_run\") (param i32) (result i32) i32.const 0))"), Fails("bad_request")),
        ("WAT with a wrong export signature", wat_request("f(x BIGINT) RETURNS BIGINT", "(module (memory (export \"memory\") 1 1) (func (export \"wasmudf_reserve\") (param i64) (result i32) i32.const 0) (func (export \"wasmudf_run\") (param i32) (result i32) i32.const 0))"), Fails("bad_request")),
        ("WAT with a growing table", wat_request("f(x BIGINT) RETURNS BIGINT", "(module (table 1 funcref) (memory (export \"memory\") 1 1) (func (export \"wasmudf_reserve\") (param i32) (result i32) (drop (table.grow (ref.null func) (i32.const 100000000))) i32.const 0) (func (export \"wasmudf_run\") (param i32) (result i32) i32.const 0))"), Fails("bad_request")),
        ("WAT with a huge function body", wat_request("f(x BIGINT) RETURNS BIGINT", &format!("(module (memory (export \"memory\") 1 1) (func (export \"wasmudf_reserve\") (param i32) (result i32) {} i32.const 0) (func (export \"wasmudf_run\") (param i32) (result i32) i32.const 0))", "(drop (i32.const 1)) ".repeat(400_000))), Refused(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large")),
        // ---- requests ----
        ("malformed JSON", "{\"program\": ".into(), Refused(StatusCode::BAD_REQUEST, "malformed_json")),
        ("an unknown field", json!({"program": F, "data": "accounts", "operation": "MAP", "function_name": "f", "input_column_names": ["balance"], "output_column_type": "INTEGER", "path": "/etc/passwd"}).to_string(), Refused(StatusCode::BAD_REQUEST, "malformed_json")),
        ("another tenant's dataset", c_request(F, "INTEGER").replace("\"accounts\"", "\"alice_private\""), Refused(StatusCode::NOT_FOUND, "not_found")),
        ("a dataset name that is a path", c_request(F, "INTEGER").replace("\"accounts\"", "\"../../wasmudf.db\""), Refused(StatusCode::NOT_FOUND, "not_found")),
    ];
    cases
}

/// Everything the API said about a case must be free of secrets.
fn assert_no_secret(case: &str, fixture: &Fixture, text: &str) {
    let (_, secret) = secret();
    assert!(!text.contains(secret.as_str()), "{case}: the secret leaked: {text}");
    assert!(!text.contains("root:x:0:0"), "{case}: /etc/passwd leaked: {text}");
    let data_dir = fixture.data_dir().display().to_string();
    assert!(!text.contains(&data_dir), "{case}: the data directory leaked: {text}");
    assert!(
        !text.contains('\u{1b}'),
        "{case}: a terminal escape came through: {text}"
    );
}

#[tokio::test]
async fn every_hostile_case_ends_in_its_exact_error_and_the_server_serves_others_after() {
    // The compile budget has its own test; here every case must reach the layer it attacks.
    let fixture = Fixture::with_limits(wasmudf_server::TenantLimits {
        max_compiles_per_minute: 1000,
        ..Default::default()
    });
    let mallory = wasmudf_server::create_tenant(&fixture.state.store, "mallory").unwrap();
    let (status, _) = fixture
        .upload(&fixture.alice, "alice_private.csv", b"balance\n1\n", None)
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let cases = cases();
    assert!(cases.len() >= 40, "the suite has {} cases", cases.len());
    let mut failures = Vec::new();
    for (name, request, expect) in &cases {
        let (status, body) = fixture.post_json(&mallory, "/api/v1/executions", request).await;
        let mut said = body.to_string();
        let outcome = match (expect, status) {
            (Refused(want_status, want_code), _) => (status == *want_status && body["code"] == *want_code)
                .then_some(())
                .ok_or(format!("answered {status} {body}")),
            (_, StatusCode::ACCEPTED) => {
                let id = body["id"].as_str().unwrap().to_string();
                let done = fixture.wait(&mallory, &id).await;
                said.push_str(&done.to_string());
                match expect {
                    Fails(kind) => (done["status"] == "failed" && done["error"]["kind"] == *kind)
                        .then_some(())
                        .ok_or(format!("ended {done}")),
                    Returns(value) => {
                        let (_, page) = fixture
                            .get(&mallory, &format!("/api/v1/executions/{id}/results?limit=1"))
                            .await;
                        said.push_str(&page.to_string());
                        let last = page["rows"][0].as_array().and_then(|row| row.last()).cloned();
                        (done["status"] == "succeeded" && last.as_ref() == Some(value))
                            .then_some(())
                            .ok_or(format!("ended {done} with {page}"))
                    }
                    Refused(..) => unreachable!(),
                }
            }
            (_, status) => Err(format!("answered {status} {body}")),
        };
        assert_no_secret(name, &fixture, &said);
        if let Err(problem) = outcome {
            failures.push(format!("{name}: expected {expect:?}, {problem}"));
        }
        // Another tenant is served between attacks.
        let (status, _) = fixture.get(&fixture.alice, "/api/v1/datasets").await;
        assert_eq!(status, StatusCode::OK, "after {name}");
    }
    assert!(
        failures.is_empty(),
        "{} case(s) went wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // And another tenant's real work still runs, with the right answer.
    let (status, body) = fixture
        .post_json(&fixture.alice, "/api/v1/executions", PAPER_REQUEST)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let id = body["id"].as_str().unwrap();
    assert_eq!(fixture.wait(&fixture.alice, id).await["status"], "succeeded");
    let (_, page) = fixture
        .get(&fixture.alice, &format!("/api/v1/executions/{id}/results?limit=1"))
        .await;
    assert_eq!(page["rows"][0][6], 5765.22);
}

#[tokio::test]
async fn one_tenants_guest_state_is_not_visible_to_the_next_execution() {
    let fixture = Fixture::new();
    let mallory = wasmudf_server::create_tenant(&fixture.state.store, "mallory").unwrap();
    // A counter in guest memory: if an instance were reused, the next run would start above 1.
    let counter = c_request(
        "static int32_t calls;\nint32_t f(int32_t b) { return ++calls; }",
        "INTEGER",
    );
    for token in [&mallory, &fixture.alice, &mallory] {
        let (_, body) = fixture.post_json(token, "/api/v1/executions", &counter).await;
        let id = body["id"].as_str().unwrap();
        assert_eq!(fixture.wait(token, id).await["status"], "succeeded");
        let (_, page) = fixture
            .get(token, &format!("/api/v1/executions/{id}/results?limit=1"))
            .await;
        assert_eq!(page["rows"][0][6], 1, "{page}");
    }
}
