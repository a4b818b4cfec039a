//! Turns a user's UDF source into a validated batch-ABI Wasm module.
//!
//! - **C**: the user writes one scalar function; [`c_wrapper`] generates the per-batch loop
//!   around it and clang-19 compiles both as one translation unit at `-O2` for wasm32 (with
//!   SIMD128), inside a bubblewrap jail ([`jail`]).
//! - **WAT** and **Wasm**: a module written against the ABI in `docs/abi.md`, by hand or by any
//!   compiler (Rust, Zig, ...).
//!
//! Every module, whatever its language, passes [`wasmudf_abi::validate_module`] before it is
//! returned or cached. Compile errors are data ([`Diagnostic`]: line, column, message in the
//! user's source), not failures of the caller.
//!
//! **Invariant:** this crate never runs guest code and never links wasmtime.

mod c_prototype;
pub mod c_wrapper;
mod cache;
mod diagnostics;
mod jail;
mod toolchain;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use wasmudf_abi::{ModuleLimits, UdfSignature, ValidationError};

pub use c_prototype::{
    CFunctionShape, defined_functions, defines_aggregate, defines_function, infer_c_aggregate, infer_c_function,
    infer_c_signature,
};
pub use cache::{ModuleCache, cache_key};
pub use diagnostics::{Diagnostic, Severity, clean_message, render_diagnostics};
pub use jail::Isolation;
pub use toolchain::{ALLOWED_HEADERS, Toolchain};

/// The language a UDF is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    C,
    /// A whole module in WebAssembly text format, implementing the batch ABI.
    Wat,
    /// A prebuilt module implementing the batch ABI.
    Wasm,
}

impl Language {
    pub fn name(self) -> &'static str {
        match self {
            Language::C => "c",
            Language::Wat => "wat",
            Language::Wasm => "wasm",
        }
    }

    /// `c`, `wat` or `wasm`, case-insensitively.
    pub fn parse(text: &str) -> Option<Self> {
        text.parse().ok()
    }

    /// The language a file's extension implies.
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        Self::parse(path.extension()?.to_str()?)
    }

    /// Whether the language is source text a tenant may send (C or WAT), not a prebuilt module
    /// (which names a file, or is bytes only trusted callers hand over).
    pub fn is_source(self) -> bool {
        matches!(self, Language::C | Language::Wat)
    }
}

/// A language name that is not `c`, `wat` or `wasm`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}` (expected c, wat or wasm)")]
pub struct UnknownLanguage(pub String);

impl std::str::FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        [Language::C, Language::Wat, Language::Wasm]
            .into_iter()
            .find(|language| language.name().eq_ignore_ascii_case(text))
            .ok_or_else(|| UnknownLanguage(text.to_string()))
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Resource bounds on one clang run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileLimits {
    pub cpu_seconds: u64,
    pub wall_time: Duration,
    pub address_space_bytes: u64,
    /// Largest file clang may write (the module).
    pub output_bytes: u64,
}

/// Everything that configures a [`Compiler`].
#[derive(Debug, Clone)]
pub struct CompilerConfig {
    /// Holds the private sysroot and the module cache. `None`: a temporary directory, no cache.
    pub cache_dir: Option<PathBuf>,
    pub isolation: Isolation,
    pub limits: CompileLimits,
    pub module_limits: ModuleLimits,
    /// Longest accepted source, in bytes.
    pub max_source_bytes: usize,
}

impl Default for CompilerConfig {
    fn default() -> Self {
        CompilerConfig {
            cache_dir: default_cache_dir(),
            isolation: Isolation::from_env(),
            limits: CompileLimits::default(),
            module_limits: ModuleLimits::default(),
            max_source_bytes: 1 << 20,
        }
    }
}

/// `$WASMUDF_CACHE_DIR`, else `$XDG_CACHE_HOME/wasmudf`, else `~/.cache/wasmudf`.
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("WASMUDF_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(dir).join("wasmudf"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/wasmudf"))
}

#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// The user's source did not compile; the diagnostics say why and where.
    #[error("{}", summarize(.0))]
    Diagnostics(Vec<Diagnostic>),
    #[error("the source is {actual} bytes; the limit is {limit} bytes")]
    SourceTooLarge { actual: usize, limit: usize },
    #[error("the source is not valid UTF-8 text (line {line}, byte {byte})")]
    NotUtf8 { line: usize, byte: usize },
    #[error("the source contains a NUL byte (line {line})")]
    NulByte { line: usize },
    #[error("the compiler hit a limit: {0}")]
    LimitExceeded(String),
    #[error("the module is not a valid wasmudf module: {0}")]
    InvalidModule(#[from] ValidationError),
    #[error("the C toolchain is not available: {0}")]
    ToolchainMissing(String),
    #[error("the compile sandbox is not available: {0}")]
    SandboxUnavailable(String),
    #[error("I/O error while compiling: {0}")]
    Io(#[from] std::io::Error),
}

impl CompileError {
    /// Whether the error is the user's (their source or module) rather than the installation's.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            CompileError::Diagnostics(_)
                | CompileError::SourceTooLarge { .. }
                | CompileError::NotUtf8 { .. }
                | CompileError::NulByte { .. }
                | CompileError::LimitExceeded(_)
                | CompileError::InvalidModule(_)
        )
    }
}

fn summarize(diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    match errors.as_slice() {
        [] => "compilation failed".to_string(),
        [only] => format!("compilation failed: {only}"),
        [first, rest @ ..] => format!("compilation failed: {first} (and {} more)", rest.len()),
    }
}

/// What to compile.
#[derive(Debug, Clone, Copy)]
pub struct CompileRequest<'a> {
    pub language: Language,
    pub source: &'a [u8],
    pub signature: &'a UdfSignature,
}

/// A validated module ready for the sandbox.
#[derive(Debug, Clone)]
pub struct CompiledModule {
    pub wasm: Vec<u8>,
    /// Hex SHA-256 of `wasm`.
    pub digest: String,
    pub warnings: Vec<Diagnostic>,
    /// Whether it came from the on-disk cache.
    pub from_cache: bool,
    pub elapsed: Duration,
}

/// clang flags, with two placeholders: `{resource_include}` (clang's builtin headers, filled in by
/// `compile_c`) and `{sysroot}` (the sysroot as clang sees it, filled in by `jail::run_clang`).
/// Part of the cache key, placeholders unfilled.
const C_FLAGS: &[&str] = &[
    "--target=wasm32-wasi",
    "--sysroot={sysroot}",
    "-nostdinc",
    "-isystem",
    "{resource_include}",
    "-isystem",
    "{sysroot}/include",
    "-std=gnu17",
    "-O2",
    // `-mcpu=mvp` drops what clang's default CPU turns on (reference types among them); the flags
    // after it turn on a subset of what the validator allows.
    "-mcpu=mvp",
    "-msimd128",
    "-mbulk-memory",
    "-msign-ext",
    "-mnontrapping-fptoint",
    "-mexec-model=reactor",
    // Every `/` and `%` is checked before clang can fold or rewrite a division C leaves
    // undefined; the handlers (c_wrapper.rs) trap as Wasm's division does.
    "-fsanitize=integer-divide-by-zero,signed-integer-overflow",
    "-fsanitize-recover=integer-divide-by-zero,signed-integer-overflow",
    // Keeps `fprintf(stderr, "...")` and `fputs` from becoming `fwrite` on a FILE that does not
    // exist: they stay calls to the log's own functions.
    "-fno-builtin-fprintf",
    "-fno-builtin-fputs",
    "-fno-builtin-fputc",
    // A line table (no types, no variables) so that a trap names the user's line of C; its
    // paths say nothing of the host: the job directory, the sysroot and clang's headers are
    // renamed. It changes no instruction clang emits.
    "-gline-tables-only",
    "-fdebug-compilation-dir=/udf",
    "-ffile-prefix-map={sysroot}=/sysroot",
    "-ffile-prefix-map={resource_include}=/clang",
    "-fno-crash-diagnostics",
    "-fno-color-diagnostics",
    "-fno-caret-diagnostics",
    "-fdiagnostics-absolute-paths",
    "-ferror-limit=20",
    "-Werror=implicit-function-declaration",
    "-Werror=undefined-internal",
    "-Werror=incompatible-pointer-types",
    "-Werror=int-conversion",
    "-Werror=return-type",
    "-Wl,--no-entry",
    // The C stack sits below static data, so overflowing it traps instead of corrupting globals.
    "-Wl,--stack-first",
    "-Wl,-z,stack-size=1048576",
    // The module may declare all of wasm32's 4 GiB; the sandbox enforces the real cap per store.
    "-Wl,--max-memory=4294967296",
];

/// The directories the flags above give the user's source, the sysroot and clang's headers in
/// the line table: no host's.
const DEBUG_PATHS_KEPT: &[&str] = &["/udf", "/sysroot", "/clang"];

/// Libraries linked after the translation unit: wasi-libc's `vfprintf` that formats `long double`
/// itself (the default one writes a warning to stderr, which needs WASI's `fd_write`).
const C_LIBRARIES: &[&str] = &["-lc-printscan-long-double"];

const OUTPUT_FILE: &str = "udf.wasm";

/// Compiles UDF sources into validated modules, with an on-disk cache.
#[derive(Debug)]
pub struct Compiler {
    config: CompilerConfig,
    toolchain: std::sync::OnceLock<Result<Toolchain, String>>,
    /// Opened (and its key read) once: a key file replaced while the process runs changes
    /// nothing for it.
    cache: std::sync::OnceLock<Result<Option<ModuleCache>, String>>,
    slots: CompileSlots,
}

/// At most one clang per core runs at once: a flood of compile bombs queues here instead of
/// multiplying clang's memory limit by the number of requests.
#[derive(Debug)]
struct CompileSlots {
    free: std::sync::Mutex<usize>,
    freed: std::sync::Condvar,
}

impl CompileSlots {
    fn new(count: usize) -> Self {
        CompileSlots {
            free: std::sync::Mutex::new(count.max(1)),
            freed: std::sync::Condvar::new(),
        }
    }

    fn acquire(&self) -> CompileSlot<'_> {
        let mut free = self.free.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        *free -= 1;
        CompileSlot(self)
    }
}

struct CompileSlot<'a>(&'a CompileSlots);

impl Drop for CompileSlot<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

impl Compiler {
    pub fn new(config: CompilerConfig) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        Compiler {
            config,
            toolchain: std::sync::OnceLock::new(),
            cache: std::sync::OnceLock::new(),
            slots: CompileSlots::new(cores),
        }
    }

    pub fn config(&self) -> &CompilerConfig {
        &self.config
    }

    fn cache(&self) -> Result<Option<&ModuleCache>, CompileError> {
        let opened = self.cache.get_or_init(|| match &self.config.cache_dir {
            Some(dir) => ModuleCache::open(dir.join("modules"))
                .map(Some)
                .map_err(|error| format!("the module cache cannot be opened: {error}")),
            None => Ok(None),
        });
        match opened {
            Ok(cache) => Ok(cache.as_ref()),
            Err(message) => Err(CompileError::Io(std::io::Error::other(message.clone()))),
        }
    }

    fn toolchain(&self) -> Result<&Toolchain, CompileError> {
        self.toolchain
            .get_or_init(|| Toolchain::discover().map_err(|error| error.to_string()))
            .as_ref()
            .map_err(|message| CompileError::ToolchainMissing(message.clone()))
    }

    /// Compiles (or fetches from the cache) and validates a module for `request.signature`.
    pub fn compile(&self, request: &CompileRequest<'_>) -> Result<CompiledModule, CompileError> {
        let started = Instant::now();
        let signature_text = request.signature.to_string();
        let (wasm, warnings, from_cache) = match request.language {
            // DWARF the host did not write is dropped (see `strip_debug_sections`).
            Language::Wasm => (wasmudf_abi::strip_debug_sections(request.source), Vec::new(), false),
            Language::Wat => {
                let text = self.check_text(request.source)?;
                let wasm =
                    wat::parse_str(text).map_err(|error| CompileError::Diagnostics(vec![wat_diagnostic(&error)]))?;
                (wasmudf_abi::strip_debug_sections(&wasm), Vec::new(), false)
            }
            Language::C => {
                let text = self.check_text(request.source)?;
                let defines_init = check_aggregate_parts(request.signature, text)?;
                let wrapper = c_wrapper::wrapper_source(request.signature, defines_init);
                let toolchain = self.toolchain()?;
                let key = cache_key(&[
                    &wasmudf_abi::ABI_VERSION.to_le_bytes(),
                    toolchain.identity.as_bytes(),
                    C_FLAGS.join(" ").as_bytes(),
                    C_LIBRARIES.join(" ").as_bytes(),
                    wasmudf_abi::C_HEADER.as_bytes(),
                    wasmudf_abi::C_STDIO_HEADER.as_bytes(),
                    wrapper.as_bytes(),
                    signature_text.as_bytes(),
                    request.source,
                ]);
                let cache = self.cache()?;
                match cache.as_ref().and_then(|cache| cache.get(&key)) {
                    Some(wasm) => (wasm, Vec::new(), true),
                    None => {
                        let (mut wasm, warnings) = self.compile_c(toolchain, request, &wrapper)?;
                        wasmudf_abi::validate_module(&wasm, &self.config.module_limits, None)?;
                        wasmudf_abi::append_custom_section(
                            &mut wasm,
                            wasmudf_abi::SIGNATURE_SECTION,
                            signature_text.as_bytes(),
                        );
                        if let Some(cache) = &cache {
                            cache.put(&key, &wasm)?;
                        }
                        (wasm, warnings, false)
                    }
                }
            }
        };
        wasmudf_abi::validate_module(&wasm, &self.config.module_limits, Some(request.signature))?;
        let digest = hex::encode(Sha256::digest(&wasm));
        Ok(CompiledModule {
            wasm,
            digest,
            warnings,
            from_cache,
            elapsed: started.elapsed(),
        })
    }

    fn check_text<'a>(&self, source: &'a [u8]) -> Result<&'a str, CompileError> {
        if source.len() > self.config.max_source_bytes {
            return Err(CompileError::SourceTooLarge {
                actual: source.len(),
                limit: self.config.max_source_bytes,
            });
        }
        let line_of = |byte: usize| source[..byte].iter().filter(|&&b| b == b'\n').count() + 1;
        let text = std::str::from_utf8(source).map_err(|error| CompileError::NotUtf8 {
            line: line_of(error.valid_up_to()),
            byte: error.valid_up_to(),
        })?;
        if let Some(byte) = source.iter().position(|&b| b == 0) {
            return Err(CompileError::NulByte { line: line_of(byte) });
        }
        Ok(text)
    }

    fn compile_c(
        &self,
        toolchain: &Toolchain,
        request: &CompileRequest<'_>,
        wrapper: &str,
    ) -> Result<(Vec<u8>, Vec<Diagnostic>), CompileError> {
        let scratch_root;
        let cache_dir = match &self.config.cache_dir {
            Some(dir) => dir.clone(),
            None => {
                scratch_root = tempfile::tempdir()?;
                scratch_root.path().to_path_buf()
            }
        };
        let sysroot = toolchain.private_sysroot(&cache_dir)?;
        let job = tempfile::Builder::new().prefix("wasmudf-job-").tempdir()?;
        std::fs::write(job.path().join(c_wrapper::USER_FILE), request.source)?;
        std::fs::write(job.path().join(c_wrapper::WRAPPER_FILE), wrapper)?;
        let resource_include = toolchain.resource_include.to_string_lossy();
        let mut flags: Vec<String> = C_FLAGS
            .iter()
            .map(|flag| flag.replace("{resource_include}", &resource_include))
            .collect();
        flags.extend([
            "-o".to_string(),
            OUTPUT_FILE.to_string(),
            c_wrapper::WRAPPER_FILE.to_string(),
        ]);
        flags.extend(C_LIBRARIES.iter().map(|library| library.to_string()));
        let slot = self.slots.acquire();
        let run = jail::run_clang(
            toolchain,
            &self.config.isolation,
            &sysroot,
            job.path(),
            &flags,
            &self.config.limits,
        )?;
        drop(slot);
        let diagnostics = diagnostics::parse_clang_output(&run.stderr, request.signature);
        if let Some(limit) = limit_hit(&run) {
            return Err(CompileError::LimitExceeded(limit));
        }
        if !run.status.success() {
            let mut diagnostics = diagnostics;
            if !diagnostics.iter().any(|d| d.severity == Severity::Error) {
                let output = clean_message(run.stderr.trim());
                diagnostics.push(Diagnostic::error(format!("clang failed ({}): {output}", run.status)));
            }
            return Err(CompileError::Diagnostics(diagnostics));
        }
        let mut wasm = std::fs::read(job.path().join(OUTPUT_FILE))?;
        wasmudf_abi::scrub_debug_paths(&mut wasm, DEBUG_PATHS_KEPT);
        // Whatever the scrub missed (a path inside a string, in a form it does not walk): no line
        // table rather than a host path in a module served back to its tenant.
        let host_paths = [
            job.path(),
            cache_dir.as_path(),
            sysroot.as_path(),
            toolchain.llvm_root.as_path(),
            toolchain.resource_include.as_path(),
        ];
        let names_host = host_paths.iter().any(|path| {
            let path = path.as_os_str().as_encoded_bytes();
            path.len() > 1 && wasm.windows(path.len()).any(|window| window == path)
        });
        if names_host {
            eprintln!("wasmudf-compiler: a module's line table names a host path; it is dropped");
            wasm = wasmudf_abi::strip_debug_sections(&wasm);
        }
        Ok((wasm, diagnostics))
    }
}

/// For an aggregate, checks that `source` defines its state type and its parts, saying which is
/// missing with the prototype to write (clang's own error would be a link failure), and returns
/// whether it defines the optional `<name>_init`. Scalars pass unchecked.
fn check_aggregate_parts(signature: &UdfSignature, source: &str) -> Result<bool, CompileError> {
    if !signature.is_aggregate() {
        return Ok(false);
    }
    let state = signature.part_name("state");
    let mentions_state = source
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| word == state);
    let mut missing = Vec::new();
    if !mentions_state {
        missing.push(Diagnostic::error(format!(
            "the aggregate `{}` keeps its state in a type named `{state}`: define it, e.g. \
             `typedef struct {{ double sum; int64_t count; }} {state};`",
            signature.name()
        )));
    }
    for prototype in signature.aggregate_prototypes() {
        let part = prototype
            .split('(')
            .next()
            .and_then(|head| head.split_whitespace().last())
            .unwrap_or_default();
        if !defines_function(source, part) {
            missing.push(Diagnostic::error(format!(
                "the aggregate `{}` needs the function `{prototype}`",
                signature.name()
            )));
        }
    }
    if !missing.is_empty() {
        return Err(CompileError::Diagnostics(missing));
    }
    Ok(defines_function(source, &signature.part_name("init")))
}

/// Names the limit a clang run hit, from its exit signal or its own message.
fn limit_hit(run: &jail::ClangRun) -> Option<String> {
    let signal = jail::terminating_signal(&run.status);
    if signal == Some(libc::SIGXCPU) || run.stderr.contains("CPU time limit exceeded") {
        return Some("compilation used more CPU time than allowed".to_string());
    }
    if signal == Some(libc::SIGXFSZ) || run.stderr.contains("File size limit exceeded") {
        return Some("the compiled module is larger than allowed".to_string());
    }
    if signal == Some(libc::SIGKILL) || run.stderr.contains("out of memory") || run.stderr.contains("std::bad_alloc") {
        return Some("compilation used more memory than allowed".to_string());
    }
    if let Some(signal) = signal {
        return Some(format!("the compiler was stopped by signal {signal}"));
    }
    None
}

fn wat_diagnostic(error: &wat::Error) -> Diagnostic {
    // wat reports `--> <anon>:LINE:COL`; keep the position, drop the decoration.
    let text = error.to_string();
    let mut diagnostic = Diagnostic::error(clean_message(text.lines().next().unwrap_or("invalid WAT")));
    if let Some(position) = text.split("<anon>:").nth(1) {
        let mut numbers = position
            .split(|c: char| !c.is_ascii_digit())
            .filter(|part| !part.is_empty());
        diagnostic.line = numbers.next().and_then(|n| n.parse().ok());
        diagnostic.column = numbers.next().and_then(|n| n.parse().ok());
    }
    diagnostic
}
