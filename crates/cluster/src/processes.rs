//! The scheduler and executor processes, embedded in our binary with our codecs: the stock
//! Ballista binaries cannot decode Wasm UDFs.
//!
//! Both use pull scheduling: executors ask the scheduler for work, so the scheduler never dials
//! back and an executor needs only its Flight port reachable by its peers (for shuffles).

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;

use ballista_core::config::TaskSchedulingPolicy;
use ballista_core::utils::default_session_builder;
use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
use ballista_scheduler::SessionBuilder;
use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::SchedulerConfig;
use ballista_scheduler::scheduler_process::start_server;
use wasmudf_datafusion::datafusion::execution::SessionStateBuilder;

use crate::codec::{WasmLogicalCodec, WasmPhysicalCodec};
use crate::keys::ProjectWasmJoinKeys;
use crate::shipping::Shipping;

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("{0}")]
    Ballista(#[from] ballista_core::error::BallistaError),
    #[error("invalid address `{0}`")]
    Address(String),
}

/// Where a scheduler listens.
#[derive(Debug, Clone)]
pub struct SchedulerOptions {
    pub bind: String,
    pub port: u16,
    /// The host name others reach it by (default: the bind address).
    pub external_host: Option<String>,
    /// An executor silent this long is dead: its tasks are run again elsewhere.
    pub executor_timeout_seconds: u64,
}

/// Runs a scheduler until the process ends.
pub async fn run_scheduler(options: SchedulerOptions, shipping: Shipping) -> Result<(), ClusterError> {
    let session_builder: SessionBuilder = Arc::new(|config| {
        let state = default_session_builder(config)?;
        Ok(SessionStateBuilder::new_from_existing(state)
            .with_optimizer_rule(Arc::new(ProjectWasmJoinKeys))
            .build())
    });
    let config = SchedulerConfig {
        bind_host: options.bind.clone(),
        bind_port: options.port,
        external_host: options.external_host.clone().unwrap_or_else(|| options.bind.clone()),
        scheduling_policy: TaskSchedulingPolicy::PullStaged,
        executor_timeout_seconds: options.executor_timeout_seconds,
        // Look for dead executors often enough that a lost one costs little more than the timeout.
        expire_dead_executor_interval_seconds: (options.executor_timeout_seconds / 4).clamp(1, 15),
        override_session_builder: Some(session_builder),
        override_logical_codec: Some(Arc::new(WasmLogicalCodec::new(shipping.clone()))),
        override_physical_codec: Some(Arc::new(WasmPhysicalCodec::new(shipping))),
        ..Default::default()
    };
    config.validate()?;
    let address = resolve(&options.bind, options.port)?;
    let cluster = BallistaCluster::new_from_config(&config).await?;
    start_server(cluster, address, Arc::new(config)).await?;
    Ok(())
}

/// Where an executor listens and which scheduler it serves.
#[derive(Debug, Clone)]
pub struct ExecutorOptions {
    pub scheduler_host: String,
    pub scheduler_port: u16,
    pub bind: String,
    /// Arrow Flight: peers fetch shuffle output here.
    pub bind_port: u16,
    /// Ballista's executor gRPC port (used by push scheduling; kept distinct per executor).
    pub grpc_port: u16,
    pub external_host: Option<String>,
    /// Tasks run at once.
    pub concurrency: usize,
    pub work_dir: Option<PathBuf>,
}

/// Runs an executor until the process ends (Ctrl-C or SIGTERM drain its tasks first).
pub async fn run_executor(options: ExecutorOptions, shipping: Shipping) -> Result<(), ClusterError> {
    let config = ExecutorProcessConfig {
        bind_host: options.bind.clone(),
        external_host: options.external_host.clone().or_else(|| Some(options.bind.clone())),
        port: options.bind_port,
        grpc_port: options.grpc_port,
        scheduler_host: options.scheduler_host.clone(),
        scheduler_port: options.scheduler_port,
        scheduler_connect_timeout_seconds: 60,
        vcores: options.concurrency.max(1),
        work_dir: options.work_dir.as_ref().map(|dir| dir.to_string_lossy().into_owned()),
        task_scheduling_policy: TaskSchedulingPolicy::PullStaged,
        override_logical_codec: Some(Arc::new(WasmLogicalCodec::new(shipping.clone()))),
        override_physical_codec: Some(Arc::new(WasmPhysicalCodec::new(shipping))),
        ..Default::default()
    };
    start_executor_process(Arc::new(config)).await?;
    Ok(())
}

fn resolve(host: &str, port: u16) -> Result<SocketAddr, ClusterError> {
    (host, port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
        .ok_or_else(|| ClusterError::Address(format!("{host}:{port}")))
}
