//! Where clang, lld and wasi-libc live, and the private sysroot built from them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use crate::CompileError;

/// The allowed standard headers: the only libc headers a UDF can include.
pub const ALLOWED_HEADERS: &[&str] = &[
    "stdint.h",
    "stdbool.h",
    "stddef.h",
    "string.h",
    "math.h",
    "stdlib.h",
    "ctype.h",
    "limits.h",
    "float.h",
];

/// The C toolchain on the host (Debian's clang-19, lld-19 and wasi-libc by default).
#[derive(Debug, Clone)]
pub struct Toolchain {
    /// The LLVM installation, bound read-only into the compile jail.
    pub llvm_root: PathBuf,
    pub clang: PathBuf,
    pub lld: PathBuf,
    /// clang's builtin headers (stddef.h, stdint.h, wasm_simd128.h ...).
    pub resource_include: PathBuf,
    pub wasi_include: PathBuf,
    pub wasi_lib: PathBuf,
    /// The toolchain's files as they are (see `fingerprint`); part of every cache key.
    pub identity: String,
}

const SETUP_HINT: &str =
    "run scripts/setup, which installs clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 bubblewrap";

/// What identifies the toolchain in every cache key, read off the files rather than asked of
/// clang: starting clang costs about 30 ms of dynamic linking (libLLVM), twice per process that
/// defines a function, which was most of a `wasmudf sql` run's start-up. Each file's resolved
/// path, size and modification time: a package upgrade changes them, and so every key.
fn fingerprint(files: &[&Path]) -> Result<String, CompileError> {
    let mut parts = Vec::new();
    for file in files {
        let Ok(resolved) = fs::canonicalize(file) else {
            continue;
        };
        let metadata = fs::metadata(&resolved)?;
        let modified = metadata
            .modified()
            .ok()
            .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |since| since.as_nanos());
        parts.push(format!("{} {} {modified}", resolved.display(), metadata.len()));
    }
    Ok(format!("toolchain files: {}", parts.join("; ")))
}

/// clang's resource directory (builtin headers, compiler runtime): `<llvm_root>/lib/clang/<N>`
/// when that holds exactly one version, else as clang prints it.
fn resource_dir(llvm_root: &Path, clang: &Path) -> Result<PathBuf, CompileError> {
    let versions: Vec<PathBuf> = fs::read_dir(llvm_root.join("lib/clang"))
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .collect()
        })
        .unwrap_or_default();
    if let [only] = versions.as_slice()
        && only.join("include").is_dir()
    {
        return Ok(only.clone());
    }
    let output = Command::new(clang)
        .arg("-print-resource-dir")
        .stdin(Stdio::null())
        .output()
        .map_err(|error| CompileError::ToolchainMissing(format!("cannot run {}: {error}", clang.display())))?;
    Ok(PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
}

impl Toolchain {
    /// Finds the toolchain. `WASMUDF_LLVM_ROOT` overrides `/usr/lib/llvm-19`.
    pub fn discover() -> Result<Self, CompileError> {
        let llvm_root = std::env::var_os("WASMUDF_LLVM_ROOT")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/lib/llvm-19"));
        let clang = llvm_root.join("bin/clang");
        let lld = llvm_root.join("bin/lld");
        let missing = |what: &str, path: &Path| {
            CompileError::ToolchainMissing(format!("{what} not found at {}; {SETUP_HINT}", path.display()))
        };
        if !clang.is_file() {
            return Err(missing("clang", &clang));
        }
        if !lld.is_file() {
            return Err(missing("lld (wasm-ld)", &lld));
        }
        let resource_dir = resource_dir(&llvm_root, &clang)?;
        let resource_include = resource_dir.join("include");
        let builtins = resource_dir.join("lib/wasi/libclang_rt.builtins-wasm32.a");
        if !builtins.is_file() {
            return Err(missing(
                "the wasm32 compiler runtime (libclang-rt-19-dev-wasm32)",
                &builtins,
            ));
        }
        let wasi_include = PathBuf::from("/usr/include/wasm32-wasi");
        let wasi_lib = PathBuf::from("/usr/lib/wasm32-wasi");
        if !wasi_lib.join("libc.a").is_file() {
            return Err(missing("wasi-libc", &wasi_lib));
        }
        let identity = fingerprint(&[
            &clang,
            &lld,
            &llvm_root.join("lib/libclang-cpp.so.19.1"),
            &builtins,
            &wasi_lib.join("libc.a"),
        ])?;
        Ok(Toolchain {
            llvm_root,
            clang,
            lld,
            resource_include,
            wasi_include,
            wasi_lib,
            identity,
        })
    }

    /// Builds (once) and returns a private sysroot under `cache_dir`: the allowed headers and what
    /// they include, `wasmudf.h`, and wasi-libc's libraries. Nothing else of the host's headers is
    /// visible to a compile, so `#include <stdio.h>` is simply "file not found".
    pub fn private_sysroot(&self, cache_dir: &Path) -> Result<PathBuf, CompileError> {
        let mut hasher = Sha256::new();
        hasher.update(self.identity.as_bytes());
        hasher.update(wasmudf_abi::C_HEADER.as_bytes());
        hasher.update(wasmudf_abi::C_STDIO_HEADER.as_bytes());
        hasher.update(ALLOWED_HEADERS.join(",").as_bytes());
        let digest = hex::encode(hasher.finalize());
        let sysroot = cache_dir.join(format!("sysroot-{}", &digest[..16]));
        if sysroot.join("include/wasmudf.h").is_file() {
            return Ok(sysroot);
        }
        fs::create_dir_all(cache_dir)?;
        let staging = tempfile::Builder::new().prefix(".sysroot-").tempdir_in(cache_dir)?;
        let include = staging.path().join("include");
        fs::create_dir_all(&include)?;
        for header in self.allowed_header_closure()? {
            let relative = header
                .strip_prefix(&self.wasi_include)
                .map_err(|_| CompileError::ToolchainMissing(format!("unexpected header {}", header.display())))?;
            let target = include.join(relative);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::copy(&header, &target)?;
        }
        fs::write(include.join("wasmudf.h"), wasmudf_abi::C_HEADER)?;
        // The guest's own stdio.h: printf and kin write to the execution's log, nothing else.
        fs::write(include.join("stdio.h"), wasmudf_abi::C_STDIO_HEADER)?;
        let lib = staging.path().join("lib/wasm32-wasi");
        fs::create_dir_all(&lib)?;
        for entry in fs::read_dir(&self.wasi_lib)? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                fs::copy(entry.path(), lib.join(entry.file_name()))?;
            }
        }
        let staged = staging.keep();
        match fs::rename(&staged, &sysroot) {
            Ok(()) => Ok(sysroot),
            // Another process built it first; theirs is identical.
            Err(_) if sysroot.join("include/wasmudf.h").is_file() => {
                let _ = fs::remove_dir_all(&staged);
                Ok(sysroot)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// The wasi-libc headers that the allowed headers include, found by asking clang (`-M`) on
    /// a file of ours that includes them all. Trusted input, so this one runs outside the jail.
    fn allowed_header_closure(&self) -> Result<Vec<PathBuf>, CompileError> {
        let probe_dir = tempfile::tempdir()?;
        let probe = probe_dir.path().join("allowed.c");
        let text: String = ALLOWED_HEADERS.iter().map(|h| format!("#include <{h}>\n")).collect();
        fs::write(&probe, text)?;
        let output = Command::new(&self.clang)
            .args(["--target=wasm32-wasi", "-nostdinc", "-M"])
            .arg("-isystem")
            .arg(&self.resource_include)
            .arg("-isystem")
            .arg(&self.wasi_include)
            .arg(&probe)
            .stdin(Stdio::null())
            .output()?;
        if !output.status.success() {
            return Err(CompileError::ToolchainMissing(format!(
                "wasi-libc headers are incomplete: {}; {SETUP_HINT}",
                String::from_utf8_lossy(&output.stderr).trim()
            )));
        }
        let mut headers: Vec<PathBuf> = String::from_utf8_lossy(&output.stdout)
            .split([' ', '\\', '\n'])
            .map(PathBuf::from)
            .filter(|path| path.starts_with(&self.wasi_include))
            .collect();
        headers.sort();
        headers.dedup();
        Ok(headers)
    }
}
