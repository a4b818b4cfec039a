//! The threads executions and their parsing run on, apart from the runtime serving HTTP.
//!
//! A UDF runs synchronously inside DataFusion's stream poll, so a guest spinning until its
//! deadline holds a worker thread for that long. Each execution therefore gets a runtime of its
//! own ([`execution_runtime`]): its threads compete with other executions' threads for the CPU
//! under the kernel's scheduler, so one tenant's spinning guests cannot keep another tenant's
//! execution from being polled (the API runtime is never involved). Parsing a tenant's SQL and
//! reading a C prototype run on the blocking pool of [`parsing`], never on the API's workers.
//!
//! Execution threads run in the idle scheduling class, so the API's threads come first
//! whatever executions do.
//! Every thread here has a [`STACK_BYTES`] stack: the SQL depth limit keeps recursion in the
//! planner far below it, and dropping a long operator chain the parser built (before the depth
//! check refused it) recurses once per operator.

use std::sync::OnceLock;

use tokio::runtime::{Builder, Handle, Runtime};

/// Stack of every parsing and execution thread. Reserved address space, touched only as deep
/// as the recursion goes.
pub const STACK_BYTES: usize = 64 << 20;

/// The runtime whose blocking pool parses tenants' SQL and C: built on first use and kept for
/// the life of the process (a runtime may not be dropped from async code).
pub fn parsing() -> Handle {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            Builder::new_multi_thread()
                .worker_threads(1)
                .max_blocking_threads(cores() * 4)
                .thread_stack_size(STACK_BYTES)
                .thread_name("wasmudf-parse")
                .enable_all()
                .build()
                .expect("the parsing runtime can start (threads available)")
        })
        .handle()
        .clone()
}

/// A runtime for one execution: one worker per core (DataFusion's partitions), its own
/// threads. Shut down with `shutdown_background` when the execution ends, which drops every
/// task still running in it.
pub fn execution_runtime() -> std::io::Result<Runtime> {
    Builder::new_multi_thread()
        .worker_threads(cores())
        .max_blocking_threads(cores() * 2)
        .thread_stack_size(STACK_BYTES)
        .thread_name("wasmudf-execution")
        .on_thread_start(lower_priority)
        .enable_all()
        .build()
}

/// Execution threads run in the kernel's idle scheduling class (`SCHED_IDLE`): they share the
/// cores among themselves as usual, but a thread answering requests (or any other normal
/// thread) runs first whenever it is ready, however many executions spin. A nice value is not
/// enough: a hundred threads at nice 10 still outweigh one at nice 0 ten to one. On Linux the
/// policy is per thread; pid 0 is the calling thread.
pub(crate) fn lower_priority() {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: `param` is a valid sched_param that outlives the call; failing (e.g. under a
    // seccomp filter) leaves the thread in the normal class, which is harmless.
    let _ = unsafe { libc::sched_setscheduler(0, libc::SCHED_IDLE, &param) };
}

pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
}
