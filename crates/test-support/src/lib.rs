//! What the workspace's tests share: one test compiler with its own cache, test limits, and
//! prebuilt guests.
//!
//! A guest is a C function (most of them the sandbox tests' probes, `domain` the example in
//! `examples/`) compiled once by the real toolchain and checked in as WAT under `guests/`, so
//! the tests that only run guests need no clang. `tests/guests.rs` compiles each C source again
//! and fails when its WAT is stale (`WASMUDF_BLESS=1` rewrites them).

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use wasmudf_abi::UdfSignature;
use wasmudf_compiler::{CompileRequest, CompiledModule, Compiler, CompilerConfig, Language};
use wasmudf_sandbox::{LoadedModule, RuntimeLimits, UdfRunner};

/// A prebuilt guest: its C source, its signature and the module clang made of it, as WAT.
#[derive(Debug, Clone, Copy)]
pub struct Guest {
    pub name: &'static str,
    pub signature: &'static str,
    pub c_source: &'static str,
    pub wat: &'static str,
}

macro_rules! guests {
    ($($name:literal: $signature:literal => $c_source:expr),* $(,)?) => {
        /// Every prebuilt guest.
        pub const GUESTS: &[Guest] = &[$(Guest {
            name: $name,
            signature: $signature,
            c_source: $c_source,
            wat: include_str!(concat!("../guests/", $name, ".wat")),
        }),*];
    };
}

guests! {
    "divide": "divide(a INT, b INT) RETURNS INT" =>
        "int32_t divide(int32_t a, int32_t b) { return a / b; }\n",
    "spin": "spin(a INT) RETURNS INT" =>
        "int32_t spin(int32_t a) { volatile int32_t x = a; while (x >= 0) { x = x + 0; } return x; }\n",
    "bomb": "bomb(a INT) RETURNS INT" =>
        "#include <stdlib.h>\n#include <string.h>\n\
         static char *volatile sink;\n\
         int32_t bomb(int32_t a) { for (;;) { char *p = malloc(1 << 20); if (!p) return -1; memset(p, a, 1 << 20); sink = p; } }\n",
    "grow": "grow(a INT) RETURNS STRING" =>
        "wasmudf_str grow(int32_t a) { char *p = wasmudf_alloc((size_t)a << 20); p[0] = 'x'; return wasmudf_str_from(p, 1); }\n",
    "depth": "depth(n INT) RETURNS INT" =>
        "__attribute__((noinline)) static int32_t down(int32_t n, int32_t salt) { return n <= 0 ? salt : down(n - 1, salt ^ n) * 3 + n; }\n\
         int32_t depth(int32_t n) { return down(n, 7); }\n",
    "mix": "mix(a INT, b BIGINT, c FLOAT, d DOUBLE, e BOOLEAN) RETURNS DOUBLE" =>
        "double mix(int32_t a, int64_t b, float c, double d, bool e) { return e ? a + (double)b + c + d : -1.0; }\n",
    "even": "even(a INT) RETURNS BOOLEAN" =>
        "bool even(int32_t a) { return a % 2 == 0; }\n",
    "domain": "domain(email STRING) RETURNS STRING" =>
        include_str!("../../../examples/domain.c"),
    "twice": "twice(s STRING) RETURNS STRING" =>
        "#include <string.h>\n\
         wasmudf_str twice(wasmudf_str s) { char *out = wasmudf_alloc((size_t)s.len * 2); \
         memcpy(out, s.ptr, (size_t)s.len); memcpy(out + s.len, s.ptr, (size_t)s.len); return wasmudf_str_from(out, s.len * 2); }\n",
    "count_a": "count_a(s STRING) RETURNS INT" =>
        "int32_t count_a(wasmudf_str s) { int32_t n = 0; for (int32_t i = 0; i < s.len; i++) n += s.ptr[i] == 'a'; return n; }\n",
    "peek": "peek(a INT) RETURNS INT" =>
        "int32_t peek(int32_t a) { volatile int32_t *p = (int32_t *)(uintptr_t)0xFFFFFFF0u; return p[a]; }\n",
    "check": "check(a INT) RETURNS INT" =>
        "#include <stdlib.h>\nint32_t check(int32_t a) { if (a < 0) abort(); return a; }\n",
}

/// The prebuilt guest named `name`.
///
/// # Panics
/// When there is none: a test names a guest that `GUESTS` lacks.
pub fn guest(name: &str) -> &'static Guest {
    GUESTS
        .iter()
        .find(|guest| guest.name == name)
        .unwrap_or_else(|| panic!("no prebuilt guest named `{name}`"))
}

impl Guest {
    pub fn signature(&self) -> UdfSignature {
        self.signature
            .parse()
            .unwrap_or_else(|error| panic!("guest `{}`: {error}", self.name))
    }

    /// The module's bytes, assembled from its WAT.
    pub fn wasm(&self) -> Vec<u8> {
        wat::parse_str(self.wat).unwrap_or_else(|error| panic!("guest `{}`: {error}", self.name))
    }

    /// A runner of this guest with `limits`.
    pub fn runner_with(&self, limits: RuntimeLimits) -> UdfRunner {
        let module = LoadedModule::load(&self.wasm(), &self.signature(), limits)
            .unwrap_or_else(|error| panic!("guest `{}`: {error}", self.name));
        UdfRunner::new(module)
    }

    /// A runner of this guest with [`test_limits`].
    pub fn runner(&self) -> UdfRunner {
        self.runner_with(test_limits())
    }

    /// Compiles the C source with the real toolchain (clang in its jail).
    pub fn compile(&self) -> CompiledModule {
        compile_c(&self.signature(), self.c_source)
    }
}

/// Limits small enough for tests to hit quickly: 500 ms per batch, 64 MiB.
pub fn test_limits() -> RuntimeLimits {
    limits_with_timeout(Duration::from_millis(500))
}

/// The tests' 64 MiB guests with `batch_timeout` per batch.
pub fn limits_with_timeout(batch_timeout: Duration) -> RuntimeLimits {
    RuntimeLimits {
        batch_timeout,
        memory_bytes: 64 << 20,
    }
}

/// The tests' compiler: the default toolchain, with a cache of its own under the temporary
/// directory (shared by every test of the process, and between runs: an unchanged source is a
/// cache hit). The compiler's own tests, which must run clang every time, keep a fresh cache.
pub fn compiler() -> Arc<Compiler> {
    static COMPILER: OnceLock<Arc<Compiler>> = OnceLock::new();
    COMPILER
        .get_or_init(|| {
            Arc::new(Compiler::new(CompilerConfig {
                cache_dir: Some(std::env::temp_dir().join("wasmudf-test-cache")),
                ..CompilerConfig::default()
            }))
        })
        .clone()
}

/// Compiles C `source` for `signature`, or panics with the compiler's message.
pub fn compile_c(signature: &UdfSignature, source: &str) -> CompiledModule {
    compiler()
        .compile(&CompileRequest {
            language: Language::C,
            source: source.as_bytes(),
            signature,
        })
        .unwrap_or_else(|error| panic!("compile failed: {error}"))
}

/// A module as the WAT checked in for it: its code, with the functions' names, and none of its
/// other custom sections (DWARF, producers, the embedded signature), which the tests never run
/// and which would make each file hundreds of KiB.
pub fn printed_wat(wasm: &[u8]) -> String {
    let mut printer = wasmprinter::Config::new();
    printer.name_unnamed(false);
    let mut text = String::new();
    printer
        .print(
            &without_custom_sections(wasm),
            &mut wasmprinter::PrintFmtWrite(&mut text),
        )
        .unwrap_or_else(|error| panic!("cannot print a module: {error}"));
    text
}

/// `wasm` without its custom sections (id 0) other than `name`.
fn without_custom_sections(wasm: &[u8]) -> Vec<u8> {
    fn leb128(bytes: &[u8], at: &mut usize) -> usize {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = bytes[*at];
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return value;
            }
            shift += 7;
        }
    }
    let mut kept = wasm[..8].to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let size = leb128(wasm, &mut at);
        let payload = at;
        at += size;
        let is_name = id == 0 && {
            let mut name_at = payload;
            let length = leb128(wasm, &mut name_at);
            &wasm[name_at..name_at + length] == b"name"
        };
        if id != 0 || is_name {
            kept.extend_from_slice(&wasm[start..at]);
        }
    }
    kept
}
