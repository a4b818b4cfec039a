//! The runtime executions run on, apart from the one serving HTTP.
//!
//! A UDF runs synchronously inside DataFusion's stream poll, so a guest spinning until its
//! deadline holds a worker thread for that long. On the API's runtime, a few such guests would
//! stall every request of every tenant; here they only compete with other executions, and the
//! API stays responsive (the load test measures its latency while hostile guests spin).

use std::sync::OnceLock;

use tokio::runtime::{Builder, Handle, Runtime};

/// The executions' runtime: one worker per core, built on first use and kept for the life of
/// the process (a runtime may not be dropped from async code).
pub fn executor() -> Handle {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
            Builder::new_multi_thread()
                .worker_threads(cores)
                .thread_name("wasmudf-execution")
                .enable_all()
                .build()
                .expect("the execution runtime can start (threads available)")
        })
        .handle()
        .clone()
}
