//! Sources that try to make the compiler read, reveal or embed host files, or exhaust it.
//!
//! Every case asserts that compiling fails (or produces a harmless module) and that no secret
//! appears in any diagnostic or in the module bytes. The secret is a real file on the host, at a
//! path the attack names exactly: only filesystem isolation can keep it out.

use std::sync::OnceLock;

use wasmudf_abi::ValidationError;
use wasmudf_compiler::{CompileError, CompiledModule};

use crate::{compile_c, slow_tests_enabled};

const SIGNATURE: &str = "f(a INT) RETURNS INT";
const BODY: &str = "\nint32_t f(int32_t a) { return a; }\n";

/// A host file holding a unique secret: (path, secret).
fn secret_file() -> &'static (String, String) {
    static SECRET: OnceLock<(String, String)> = OnceLock::new();
    SECRET.get_or_init(|| {
        let secret = format!(
            "WASMUDF-SECRET-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        );
        let path = std::env::temp_dir().join(format!("wasmudf-secret-{}.txt", std::process::id()));
        std::fs::write(&path, format!("int32_t leaked = 1; /* {secret} */\n\"{secret}\"\n")).unwrap();
        (path.to_string_lossy().into_owned(), secret)
    })
}

/// Everything a compile produced, as text, for leak checks.
fn everything(result: &Result<CompiledModule, CompileError>) -> String {
    match result {
        Ok(module) => {
            let mut text = String::from_utf8_lossy(&module.wasm).into_owned();
            for warning in &module.warnings {
                text.push_str(&warning.to_string());
            }
            text
        }
        Err(CompileError::Diagnostics(diagnostics)) => diagnostics.iter().map(|d| format!("{d}\n")).collect(),
        Err(other) => other.to_string(),
    }
}

/// Compiles `attack` and checks that nothing of the host leaked. Returns the result.
fn attempt(attack: &str) -> Result<CompiledModule, CompileError> {
    let (path, secret) = secret_file();
    let source = attack.replace("SECRET_PATH", path);
    let result = compile_c(SIGNATURE, &source);
    let text = everything(&result);
    assert!(
        !text.contains(secret.as_str()),
        "secret leaked by:\n{source}\n---\n{text}"
    );
    assert!(
        !text.contains("root:x:0:0"),
        "/etc/passwd leaked by:\n{source}\n---\n{text}"
    );
    assert!(
        !text.contains("/home/") && !text.contains("/root/"),
        "a host path leaked by:\n{source}\n---\n{text}"
    );
    result
}

/// The attack must fail with a "file not found" diagnostic.
fn refused_as_missing_file(attack: &str) {
    match attempt(attack) {
        Err(CompileError::Diagnostics(diagnostics)) => assert!(
            diagnostics
                .iter()
                .any(|d| d.message.contains("not found") || d.message.contains("No such file")),
            "{diagnostics:?}"
        ),
        other => panic!(
            "expected a missing-file error for:\n{attack}\ngot {:?}",
            other.map(|m| m.digest)
        ),
    }
}

#[test]
fn absolute_include_of_a_host_file() {
    refused_as_missing_file(&format!("#include \"SECRET_PATH\"{BODY}"));
    refused_as_missing_file(&format!("#include \"/etc/passwd\"{BODY}"));
    refused_as_missing_file(&format!("#include </etc/passwd>{BODY}"));
}

#[test]
fn relative_include_climbing_out_of_the_job() {
    refused_as_missing_file(&format!("#include \"../../../../../../../../..SECRET_PATH\"{BODY}"));
    refused_as_missing_file(&format!("#include \"../../../../../../../../../etc/passwd\"{BODY}"));
}

#[test]
fn include_through_the_toolchain_directory() {
    refused_as_missing_file(&format!("#include \"/usr/lib/llvm-19/../../../etc/passwd\"{BODY}"));
}

#[test]
fn embed_of_a_host_file() {
    refused_as_missing_file(
        "static const char data[] = {\n#embed \"SECRET_PATH\"\n};\nint32_t f(int32_t a) { return a + data[a & 7]; }\n",
    );
}

#[test]
fn embed_with_its_warning_silenced() {
    refused_as_missing_file(
        "#pragma clang diagnostic ignored \"-Wc23-extensions\"\n#pragma clang diagnostic ignored \"-Weverything\"\n\
         static const char data[] = {\n#embed \"/etc/passwd\"\n};\nint32_t f(int32_t a) { return a + data[a & 7]; }\n",
    );
}

#[test]
fn macro_expanded_include() {
    refused_as_missing_file(&format!("#define HOST_FILE \"SECRET_PATH\"\n#include HOST_FILE{BODY}"));
    refused_as_missing_file(&format!(
        "#define STR(x) #x\n#define X(x) STR(x)\n#include X(/etc/passwd){BODY}"
    ));
}

#[test]
fn digraph_splice_and_comment_spellings_of_include() {
    refused_as_missing_file(&format!("%:include \"SECRET_PATH\"{BODY}"));
    refused_as_missing_file(&format!("#\\\ninclude \"SECRET_PATH\"{BODY}"));
    refused_as_missing_file(&format!("#/**/include \"SECRET_PATH\"{BODY}"));
    refused_as_missing_file(&format!("  #  include/* x */\"SECRET_PATH\"{BODY}"));
}

#[test]
fn import_and_include_next() {
    refused_as_missing_file(&format!("#import \"SECRET_PATH\"{BODY}"));
    refused_as_missing_file(&format!("#include_next \"SECRET_PATH\"{BODY}"));
}

#[test]
fn pragma_dependency_cannot_see_host_files() {
    refused_as_missing_file(&format!("#pragma GCC dependency \"SECRET_PATH\"{BODY}"));
}

#[test]
fn has_include_and_has_embed_probes_see_nothing() {
    // If the probe could see the file, this would fail with the #error.
    let probe = format!(
        "#if __has_include(\"SECRET_PATH\") || __has_include(\"/etc/passwd\") || __has_include(\"/proc/self/environ\")\n#error host file visible\n#endif\n\
         #if __has_embed(\"SECRET_PATH\") != 0\n#error host file visible\n#endif{BODY}"
    );
    attempt(&probe).unwrap();
}

#[test]
fn proc_and_dev_are_absent() {
    refused_as_missing_file(&format!("#include \"/proc/self/environ\"{BODY}"));
    refused_as_missing_file(&format!("#include \"/proc/self/cwd/../../etc/passwd\"{BODY}"));
    // With an open stdin this would hang forever; in the jail there is no /dev at all.
    refused_as_missing_file(&format!("#include \"/dev/stdin\"{BODY}"));
    refused_as_missing_file(&format!("#include \"/dev/fd/0\"{BODY}"));
}

#[test]
fn line_markers_claiming_host_files_reveal_nothing() {
    let result = attempt("#line 1 \"SECRET_PATH\"\nint32_t f(int32_t a) { return a + nope; }\n");
    assert!(matches!(result, Err(CompileError::Diagnostics(_))));
    let result = attempt("# 1 \"/etc/passwd\" 1\nint32_t f(int32_t a) { return a + nope; }\n");
    assert!(matches!(result, Err(CompileError::Diagnostics(_))));
}

#[test]
fn libc_io_pulls_in_imports_and_is_refused() {
    // printf is the log's (stdio.h); opening a file is WASI's, and a module importing it is refused.
    let result = attempt(
        "typedef struct _IO_FILE FILE; FILE *fopen(const char *, const char *);\n\
         int32_t f(int32_t a) { return fopen(\"/etc/passwd\", \"r\") != 0; }\n",
    );
    match result {
        Err(CompileError::InvalidModule(error)) => {
            assert!(error.to_string().contains("wasi_snapshot_preview1"), "{error}")
        }
        other => panic!("{:?}", other.map(|m| m.digest)),
    }
}

#[test]
fn imports_made_with_attributes_are_refused() {
    let result = attempt(
        "__attribute__((import_module(\"env\"), import_name(\"read_host\"))) int32_t read_host(int32_t);\n\
         int32_t f(int32_t a) { return read_host(a); }\n",
    );
    match result {
        Err(CompileError::InvalidModule(error)) => {
            assert!(error.to_string().contains("`env.read_host`"), "{error}")
        }
        other => panic!("{:?}", other.map(|m| m.digest)),
    }
}

#[test]
fn a_crashing_compiler_leaves_no_reproducer_on_the_host() {
    let before: Vec<_> = host_temp_entries();
    let result = attempt(&format!("#pragma clang __debug crash{BODY}"));
    // The pragma traps inside clang's frontend (SIGILL on x86-64); the driver survives and
    // reports it, which reaches the user as diagnostics without a line.
    match &result {
        Err(CompileError::Diagnostics(diagnostics)) => {
            assert!(
                diagnostics.iter().any(|d| d.line.is_none()
                    && d.message == "clang frontend command failed due to signal (use -v to see invocation)"),
                "{diagnostics:?}"
            )
        }
        other => panic!("{:?}", other.as_ref().map(|m| &m.digest)),
    }
    let new: Vec<_> = host_temp_entries()
        .into_iter()
        .filter(|entry| !before.contains(entry))
        .collect();
    assert!(
        new.iter()
            .all(|name| !name.ends_with(".sh") && !name.ends_with(".c") && !name.ends_with(".crash")),
        "reproducers written: {new:?}"
    );
}

fn host_temp_entries() -> Vec<String> {
    std::fs::read_dir(std::env::temp_dir())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_huge_source_is_refused_before_clang() {
    let huge = format!(
        "{BODY}{}",
        "// padding padding padding padding padding padding\n".repeat(40_000)
    );
    assert!(matches!(attempt(&huge), Err(CompileError::SourceTooLarge { .. })));
}

#[test]
fn diagnostics_carry_no_terminal_escapes() {
    let result = attempt("int32_t f(int32_t a) { return a + \x1b[31mred\x1b[0m; }\n");
    let text = everything(&result);
    assert!(!text.contains('\x1b'), "{text:?}");
}

#[test]
fn exponential_macros_hit_a_limit() {
    if !slow_tests_enabled("exponential_macros_hit_a_limit") {
        return;
    }
    let bomb = "#define A(x) x x x x x x x x\n#define B(x) A(A(A(A(x))))\n#define C(x) B(B(B(B(x))))\n\
                int32_t f(int32_t a) { return a + C(C(1+)) 0; }\n";
    // 8^32 tokens: clang-19 aborts with "LLVM ERROR: out of memory" (inside
    // `SourceManager::createExpansionLocImpl`) once it reaches the 2 GiB address-space rlimit
    // (`CompileLimits::address_space_bytes`), about 5 s of CPU on a 2-core dev box; it never gets
    // to a diagnostic. Only a machine 4x slower would hit the 20 s CPU rlimit (`cpu_seconds`) or
    // the 30 s `wall_time` first. All three are `LimitExceeded`, each with its own message (see
    // `limit_hit` and `jail::run_clang`).
    match attempt(bomb) {
        Err(CompileError::LimitExceeded(message)) => assert!(
            message == "compilation used more memory than allowed"
                || message == "compilation used more CPU time than allowed"
                || message.starts_with("compilation took longer than"),
            "{message}"
        ),
        other => panic!("{:?}", other.map(|m| m.digest)),
    }
}

#[test]
fn a_huge_static_array_hits_the_output_limit() {
    if !slow_tests_enabled("a_huge_static_array_hits_the_output_limit") {
        return;
    }
    let bomb = "static volatile char big[512 << 20] = {1};\nint32_t f(int32_t a) { return big[a]; }\n";
    let result = attempt(bomb);
    assert!(
        matches!(result, Err(CompileError::LimitExceeded(_))),
        "{:?}",
        result.map(|m| m.wasm.len())
    );
}

#[test]
fn fifos_and_symlinks_on_the_host_are_invisible() {
    let (secret_path, _) = secret_file();
    let directory = tempfile::tempdir().unwrap();
    // A FIFO: opening it on the host would block clang forever; in the jail it does not exist.
    let fifo = directory.path().join("pipe.h");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    refused_as_missing_file(&format!("#include \"{}\"{BODY}", fifo.display()));
    // A symlink to the secret, under a name the attack chooses.
    let link = directory.path().join("innocent.h");
    std::os::unix::fs::symlink(secret_path, &link).unwrap();
    refused_as_missing_file(&format!("#include \"{}\"{BODY}", link.display()));
}

#[test]
fn forced_unrolling_stays_within_the_limits() {
    if !slow_tests_enabled("forced_unrolling_stays_within_the_limits") {
        return;
    }
    let bomb = "int32_t f(int32_t a) {\n  int32_t s = 0;\n  #pragma clang loop unroll_count(1000000)\n  \
                for (int32_t i = 0; i < 100000000; i++) s += i * a;\n  return s;\n}\n";
    // The pragma never gets to unroll anything: at -O2, before the unroller runs, clang-19 folds
    // the loop into its closed form (`s = a * (100000000 * 99999999 / 2 mod 2^32)`, i.e.
    // `a * 887459712`) and deletes it, in about 0.1 s. So the compile succeeds, far from the CPU
    // (20 s) and wall (30 s) limits, and the module is as small as any trivial UDF's (~55 KiB,
    // mostly libc's malloc). A million unrolled copies of the body would be megabytes, over
    // `ModuleLimits::max_module_bytes` (8 MiB).
    match attempt(bomb) {
        Ok(module) => assert!(module.wasm.len() < 128 << 10, "{} bytes", module.wasm.len()),
        Err(error) => panic!("{error}"),
    }
}

#[test]
fn too_many_functions_are_refused_at_validation() {
    if !slow_tests_enabled("too_many_functions_are_refused_at_validation") {
        return;
    }
    // 12 000 functions, all reachable through a table so the linker keeps them.
    let count = 12_000;
    let mut bomb: String = (0..count)
        .map(|i| format!("int32_t g{i}(int32_t a) {{ return a + {i}; }}\n"))
        .collect();
    bomb.push_str("static int32_t (*const table[])(int32_t) = {");
    bomb.push_str(&(0..count).map(|i| format!("g{i}")).collect::<Vec<_>>().join(","));
    bomb.push_str(&format!(
        "}};\nint32_t f(int32_t a) {{ return table[(uint32_t)a % {count}](a); }}\n"
    ));
    // clang-19 compiles this in about 4 s of CPU and 400 MB, so the module is built and the
    // validator refuses it: `ModuleLimits::max_functions` is 10 000, and the module has the 12 000
    // `g`s, `f`, the wrapper and the runtime (the exact extra count depends on wasi-libc). Only a
    // machine 5x slower would hit the 20 s CPU rlimit (`CompileLimits::cpu_seconds`) or the 30 s
    // `wall_time` first; that is `LimitExceeded` with the CPU or wall-time message, and also a
    // refusal.
    match attempt(&bomb) {
        Err(CompileError::InvalidModule(ValidationError::TooManyFunctions { actual, limit })) => {
            assert_eq!(limit, 10_000);
            assert!(actual > count, "{actual} functions");
        }
        Err(CompileError::LimitExceeded(message)) => assert!(
            message == "compilation used more CPU time than allowed"
                || message.starts_with("compilation took longer than"),
            "{message}"
        ),
        other => panic!("{:?}", other.map(|m| m.wasm.len())),
    }
}
