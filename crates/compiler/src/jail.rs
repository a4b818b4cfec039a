//! Runs clang in a bubblewrap jail.
//!
//! clang's preprocessor reads any file it is pointed at (`#include "/etc/passwd"`, `#embed`,
//! macro-built paths, digraphs, line splices...), and no pre-scan of the source can stop that.
//! So clang runs in a filesystem where only the toolchain, the shared libraries it links, the
//! private sysroot and a fresh job directory exist: no `/etc`, `/proc`, `/dev`, `/home`, no
//! network, a clean environment, stdin from /dev/null, rlimits on CPU, address space, file size
//! and open files, and a wall-clock timeout. `-fno-crash-diagnostics` keeps a crashing clang from
//! writing reproducers (and `/tmp` inside the jail is a private tmpfs anyway).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use wait_timeout::ChildExt;

use crate::{CompileError, CompileLimits, Toolchain};

/// How clang is isolated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Isolation {
    /// The default: clang runs under bubblewrap.
    Bubblewrap,
    /// No filesystem isolation. Only for operators who opt out explicitly
    /// (`WASMUDF_UNSANDBOXED_COMPILER=1`) on machines where every source is trusted.
    UnsandboxedOptIn,
}

impl Isolation {
    /// Bubblewrap unless the operator opted out through `WASMUDF_UNSANDBOXED_COMPILER=1`.
    pub fn from_env() -> Self {
        match std::env::var("WASMUDF_UNSANDBOXED_COMPILER").as_deref() {
            Ok("1") => Isolation::UnsandboxedOptIn,
            _ => Isolation::Bubblewrap,
        }
    }
}

/// Where the jail mounts the sysroot and the job directory.
const JAIL_SYSROOT: &str = "/sysroot";
const JAIL_JOB: &str = "/job";
/// Bytes of clang's stderr kept; the rest is drained and dropped.
const MAX_STDERR_BYTES: u64 = 1 << 20;

/// What a finished clang run left.
#[derive(Debug)]
pub struct ClangRun {
    pub status: ExitStatus,
    pub stderr: String,
}

/// Runs clang in `job_dir` with `flags`, which name its input and output files there. Paths in
/// `flags` use `{sysroot}` as a placeholder for the sysroot as clang sees it.
pub fn run_clang(
    toolchain: &Toolchain,
    isolation: &Isolation,
    sysroot: &Path,
    job_dir: &Path,
    flags: &[String],
    limits: &CompileLimits,
) -> Result<ClangRun, CompileError> {
    let (mut command, sysroot_seen) = match isolation {
        Isolation::Bubblewrap => (
            bubblewrap_command(toolchain, sysroot, job_dir)?,
            PathBuf::from(JAIL_SYSROOT),
        ),
        Isolation::UnsandboxedOptIn => {
            let mut command = Command::new(&toolchain.clang);
            command.current_dir(job_dir).env_clear();
            (command, sysroot.to_path_buf())
        }
    };
    for flag in flags {
        command.arg(flag.replace("{sysroot}", &sysroot_seen.to_string_lossy()));
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let rlimits = limits.clone();
    // SAFETY: the closure runs in the forked child before exec and only calls setrlimit, which is
    // async-signal-safe; it allocates nothing and touches no locks.
    unsafe {
        use std::os::unix::process::CommandExt;
        command.pre_exec(move || apply_rlimits(&rlimits));
    }
    let mut child = command.spawn().map_err(|error| match isolation {
        Isolation::Bubblewrap => CompileError::SandboxUnavailable(format!("cannot start bwrap: {error}")),
        Isolation::UnsandboxedOptIn => CompileError::ToolchainMissing(format!("cannot start clang: {error}")),
    })?;
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut kept = Vec::new();
        if let Some(stderr) = stderr {
            let mut stderr = stderr.take(MAX_STDERR_BYTES);
            let _ = stderr.read_to_end(&mut kept);
            // Drain the rest so clang never blocks on a full pipe.
            let _ = std::io::copy(&mut stderr.into_inner(), &mut std::io::sink());
        }
        kept
    });
    let status = match child.wait_timeout(limits.wall_time)? {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            let _ = reader.join();
            return Err(CompileError::LimitExceeded(format!(
                "compilation took longer than {} s",
                limits.wall_time.as_secs()
            )));
        }
    };
    let stderr = reader.join().unwrap_or_default();
    let mut stderr = String::from_utf8_lossy(&stderr).into_owned();
    if *isolation == Isolation::UnsandboxedOptIn {
        // Make host paths look like jail paths, so the same scrubbing applies.
        stderr = stderr
            .replace(&format!("{}/", job_dir.display()), "/job/")
            .replace(&sysroot.display().to_string(), JAIL_SYSROOT);
    }
    Ok(ClangRun { status, stderr })
}

fn apply_rlimits(limits: &CompileLimits) -> std::io::Result<()> {
    let set = |resource, value: u64| {
        let limit = libc::rlimit {
            rlim_cur: value,
            rlim_max: value,
        };
        // SAFETY: setrlimit reads a valid, initialized rlimit struct.
        if unsafe { libc::setrlimit(resource, &limit) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    };
    set(libc::RLIMIT_CPU, limits.cpu_seconds)?;
    set(libc::RLIMIT_AS, limits.address_space_bytes)?;
    set(libc::RLIMIT_FSIZE, limits.output_bytes)?;
    set(libc::RLIMIT_NOFILE, 256)?;
    set(libc::RLIMIT_CORE, 0)?;
    Ok(())
}

fn bubblewrap_command(toolchain: &Toolchain, sysroot: &Path, job_dir: &Path) -> Result<Command, CompileError> {
    let bwrap = find_bwrap().ok_or_else(|| {
        CompileError::SandboxUnavailable(
            "bubblewrap (bwrap) is not installed, and compiling C without it would let the \
             preprocessor read host files; run scripts/setup to install it, or set \
             WASMUDF_UNSANDBOXED_COMPILER=1 if every source on this machine is trusted"
                .to_string(),
        )
    })?;
    let mut command = Command::new(bwrap);
    command.env_clear();
    command.args(["--unshare-all", "--die-with-parent", "--new-session", "--clearenv"]);
    let llvm_root = toolchain.llvm_root.to_string_lossy().into_owned();
    command.args(["--ro-bind", &llvm_root, &llvm_root]);
    for (source, target) in shared_library_binds(toolchain) {
        command.arg("--ro-bind").arg(source).arg(target);
    }
    command.args(["--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64"]);
    // Debian's clang runs its wasm linker as `wasm-ld-19` found on PATH.
    let lld = toolchain.lld.to_string_lossy().into_owned();
    command.args([
        "--symlink",
        &lld,
        "/usr/bin/wasm-ld-19",
        "--symlink",
        &lld,
        "/usr/bin/wasm-ld",
    ]);
    command.arg("--ro-bind").arg(sysroot).arg(JAIL_SYSROOT);
    command.arg("--bind").arg(job_dir).arg(JAIL_JOB);
    command.args(["--tmpfs", "/tmp", "--chdir", JAIL_JOB]);
    command.args(["--setenv", "PATH", "/usr/bin", "--setenv", "LC_ALL", "C"]);
    command.arg("--").arg(&toolchain.clang);
    Ok(command)
}

fn find_bwrap() -> Option<PathBuf> {
    ["/usr/bin/bwrap", "/bin/bwrap", "/usr/local/bin/bwrap"]
        .iter()
        .map(PathBuf::from)
        .find(|path| path.is_file())
}

/// The shared libraries clang and lld load (per `ldd`), bound one by one at the paths the loader
/// looks for, so the jail holds no other host library.
fn shared_library_binds(toolchain: &Toolchain) -> &'static [(PathBuf, PathBuf)] {
    static BINDS: OnceLock<Vec<(PathBuf, PathBuf)>> = OnceLock::new();
    BINDS.get_or_init(|| {
        let mut binds = Vec::new();
        for binary in [&toolchain.clang, &toolchain.lld] {
            let Ok(output) = Command::new("ldd").arg(binary).stdin(Stdio::null()).output() else {
                continue;
            };
            for word in String::from_utf8_lossy(&output.stdout).split_whitespace() {
                if !word.starts_with('/') {
                    continue;
                }
                let path = PathBuf::from(word);
                let Ok(real) = path.canonicalize() else {
                    continue;
                };
                // The real file, wherever its symlinks lead (llvm-19/lib links into the
                // multiarch directory, for instance).
                binds.push((real.clone(), real.clone()));
                if path.starts_with(&toolchain.llvm_root) {
                    continue;
                }
                // `/lib` is a symlink to `usr/lib` inside the jail as on the host.
                let seen = PathBuf::from(
                    word.replacen("/lib/", "/usr/lib/", 1)
                        .replacen("/lib64/", "/usr/lib64/", 1),
                );
                let seen = if word.starts_with("/lib") { seen } else { path.clone() };
                if seen != real {
                    binds.push((path, seen));
                }
            }
        }
        binds.sort();
        binds.dedup();
        binds
    })
}

/// The exit signal behind a jailed run's status (bwrap reports a signalled child as 128 + signal).
pub fn terminating_signal(status: &ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal().or_else(|| {
        status
            .code()
            .filter(|code| (129..160).contains(code))
            .map(|code| code - 128)
    })
}

impl Default for CompileLimits {
    fn default() -> Self {
        CompileLimits {
            cpu_seconds: 20,
            wall_time: Duration::from_secs(30),
            address_space_bytes: 2 << 30,
            output_bytes: 64 << 20,
        }
    }
}
