//! The scheduler and executor processes, embedded in our binary with our codecs: the stock
//! Ballista binaries cannot decode Wasm UDFs.
//!
//! Both use pull scheduling: executors ask the scheduler for work, so the scheduler never dials
//! back and an executor needs only its Flight port reachable by its peers (for shuffles).

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;

use arrow_flight::flight_service_server::FlightServiceServer;
use ballista_core::ConfigProducer;
use ballista_core::config::TaskSchedulingPolicy;
use ballista_core::error::BallistaError;
use ballista_core::extension::SessionConfigExt;
use ballista_core::serde::protobuf::scheduler_grpc_server::SchedulerGrpcServer;
use ballista_core::utils::{GrpcServerConfig, create_grpc_server, default_config_producer, default_session_builder};
use ballista_executor::ArrowFlightServerProvider;
use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
use ballista_executor::flight_service::BallistaFlightService;
use ballista_executor::shutdown::Shutdown;
use ballista_scheduler::SessionBuilder;
use ballista_scheduler::cluster::BallistaCluster;
use ballista_scheduler::config::SchedulerConfig;
use ballista_scheduler::scheduler_process::{create_scheduler, start_server};
use datafusion::execution::SessionStateBuilder;
use datafusion_proto::protobuf::{LogicalPlanNode, PhysicalPlanNode};
use tonic::service::RoutesBuilder;
use tonic::service::interceptor::InterceptedService;

use crate::auth::{ClusterSecret, check_bind};
use crate::codec::{WasmLogicalCodec, WasmPhysicalCodec};
use crate::keys::ProjectWasmJoinKeys;
use crate::shipping::Shipping;

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("{0}")]
    Ballista(#[from] ballista_core::error::BallistaError),
    #[error("invalid address `{0}`")]
    Address(String),
    #[error("{0}")]
    Secret(String),
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
    /// Required on every gRPC call when set; needed to bind beyond loopback.
    pub secret: Option<ClusterSecret>,
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
    check_bind(&options.bind, options.secret.as_ref())?;
    let address = resolve(&options.bind, options.port)?;
    let cluster = BallistaCluster::new_from_config(&config).await?;
    match &options.secret {
        None => start_server(cluster, address, Arc::new(config)).await?,
        Some(secret) => serve_scheduler_with_secret(cluster, address, config, secret).await?,
    }
    Ok(())
}

/// Ballista's scheduler service (as `start_server` builds it, without the optional Flight SQL,
/// proxy and REST routes, none of which we compile in) behind an interceptor that checks the
/// cluster secret. `/healthz` and `/readyz` stay open: they tell only whether it is up. The
/// scheduler itself is given no endpoint override: in pull mode it dials executors only on a
/// port nothing of ours listens on, and must not hand the token to whatever does.
async fn serve_scheduler_with_secret(
    cluster: BallistaCluster,
    address: SocketAddr,
    config: SchedulerConfig,
    secret: &ClusterSecret,
) -> Result<(), ClusterError> {
    use axum::http::StatusCode;
    use axum::routing::get;
    let config = Arc::new(config);
    let scheduler = create_scheduler::<LogicalPlanNode, PhysicalPlanNode>(cluster, config.clone()).await?;
    let ready = scheduler.clone();
    let grpc = SchedulerGrpcServer::new(scheduler)
        .max_encoding_message_size(config.grpc_server_max_encoding_message_size as usize)
        .max_decoding_message_size(config.grpc_server_max_decoding_message_size as usize);
    let mut routes = RoutesBuilder::default();
    routes.add_service(InterceptedService::new(grpc, secret.interceptor()));
    let app = routes
        .routes()
        .into_axum_router()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/readyz",
            get(move || {
                let ready = ready.is_ready();
                async move {
                    if ready {
                        (StatusCode::OK, "ready\n")
                    } else {
                        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
                    }
                }
            }),
        );
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(BallistaError::from)?;
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .await
        .map_err(BallistaError::from)?;
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
    /// Ballista's executor gRPC port: only announced to the scheduler. Under the pull scheduling
    /// used here no executor service listens on it.
    pub grpc_port: u16,
    pub external_host: Option<String>,
    /// Tasks run at once.
    pub concurrency: usize,
    pub work_dir: Option<PathBuf>,
    /// Sent on every call to the scheduler and to peers, and required on every call into this
    /// executor's Flight service; needed to bind beyond loopback.
    pub secret: Option<ClusterSecret>,
}

/// Runs an executor until the process ends (Ctrl-C or SIGTERM drain its tasks first).
pub async fn run_executor(options: ExecutorOptions, shipping: Shipping) -> Result<(), ClusterError> {
    check_bind(&options.bind, options.secret.as_ref())?;
    let mut config = ExecutorProcessConfig {
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
    if let Some(secret) = &options.secret {
        // Calls to the scheduler, and shuffle fetches from peers (made with each task's config).
        config.override_create_grpc_client_endpoint = Some(secret.endpoint_override());
        let peers = secret.endpoint_override();
        let producer: ConfigProducer = Arc::new(move || {
            default_config_producer().with_ballista_override_create_grpc_client_endpoint(peers.clone())
        });
        config.override_config_producer = Some(producer);
        config.override_arrow_flight_service = Some(guarded_flight_service(secret));
    }
    start_executor_process(Arc::new(config)).await?;
    Ok(())
}

/// Ballista's Flight service (shuffle output, results), as the executor starts it by default,
/// behind the secret's interceptor.
fn guarded_flight_service(secret: &ClusterSecret) -> Arc<ArrowFlightServerProvider> {
    let auth = secret.interceptor();
    Arc::new(
        move |work_dir: String, address: SocketAddr, mut shutdown: Shutdown, server: GrpcServerConfig| {
            let auth = auth.clone();
            tokio::spawn(async move {
                let flight = FlightServiceServer::new(BallistaFlightService::new(work_dir))
                    .max_decoding_message_size(16 << 20)
                    .max_encoding_message_size(16 << 20);
                create_grpc_server(&server)
                    .add_service(InterceptedService::new(flight, auth))
                    .serve_with_shutdown(address, shutdown.recv())
                    .await
                    .map_err(BallistaError::TonicError)
            })
        },
    )
}

fn resolve(host: &str, port: u16) -> Result<SocketAddr, ClusterError> {
    (host, port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
        .ok_or_else(|| ClusterError::Address(format!("{host}:{port}")))
}
