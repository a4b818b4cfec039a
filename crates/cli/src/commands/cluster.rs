//! `wasmudf scheduler` and `wasmudf executor`: a Ballista cluster that runs Wasm UDFs.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use wasmudf_cluster::{ExecutorOptions, SchedulerOptions, Shipping, run_executor, run_scheduler};

use crate::cluster_options::SecretOption;
use crate::udf_options::UdfOptions;

#[derive(Debug, Args)]
pub struct SchedulerArgs {
    /// Address to listen on: loopback unless a cluster secret is set (docs/cluster.md).
    #[arg(long, default_value = "127.0.0.1")]
    bind: String,
    /// Port clients and executors connect to.
    #[arg(long, default_value_t = 50050)]
    port: u16,
    /// Host name others reach this scheduler by [default: the bind address].
    #[arg(long)]
    external_host: Option<String>,
    /// A directory every process can read, holding modules over 1 MiB.
    #[arg(long, value_name = "DIR")]
    module_store: Option<PathBuf>,
    /// Seconds without word from an executor before it is declared dead and its tasks rerun.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    executor_timeout_seconds: u64,
    #[command(flatten)]
    secret: SecretOption,
}

pub async fn run_scheduler_command(args: SchedulerArgs) -> Result<ExitCode> {
    // The scheduler plans only: it never compiles C or Wasm, so its limits are never used.
    let shipping = Shipping::new(UdfOptions::default().builder(), args.module_store);
    eprintln!("wasmudf scheduler listening on {}:{}", args.bind, args.port);
    run_scheduler(
        SchedulerOptions {
            bind: args.bind,
            port: args.port,
            external_host: args.external_host,
            executor_timeout_seconds: args.executor_timeout_seconds,
            secret: args.secret.secret()?,
        },
        shipping,
    )
    .await
    .context("the scheduler stopped")?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Args)]
pub struct ExecutorArgs {
    /// The scheduler, HOST:PORT.
    #[arg(long, value_name = "HOST:PORT")]
    scheduler: String,
    /// Address to listen on: loopback unless a cluster secret is set (docs/cluster.md).
    #[arg(long, default_value = "127.0.0.1")]
    bind: String,
    /// Arrow Flight port, where other executors fetch this one's shuffle output.
    #[arg(long, default_value_t = 50051)]
    bind_port: u16,
    /// Ballista's executor gRPC port: only announced to the scheduler (under pull scheduling
    /// nothing listens on it).
    #[arg(long, default_value_t = 50052)]
    grpc_port: u16,
    /// Host name peers reach this executor by [default: the bind address].
    #[arg(long)]
    external_host: Option<String>,
    /// Tasks run at once [default: one per core].
    #[arg(long)]
    concurrency: Option<usize>,
    /// Where shuffle files are written [default: a temporary directory].
    #[arg(long, value_name = "DIR")]
    work_dir: Option<PathBuf>,
    /// The module store the clients write modules over 1 MiB to.
    #[arg(long, value_name = "DIR")]
    module_store: Option<PathBuf>,
    #[command(flatten)]
    secret: SecretOption,
    #[command(flatten)]
    udf: UdfOptions,
}

pub async fn run_executor_command(args: ExecutorArgs) -> Result<ExitCode> {
    let (host, port) = args
        .scheduler
        .rsplit_once(':')
        .with_context(|| format!("--scheduler takes HOST:PORT, got `{}`", args.scheduler))?;
    let port: u16 = port
        .parse()
        .with_context(|| format!("bad port in `{}`", args.scheduler))?;
    let concurrency = args
        .concurrency
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get));
    let shipping = Shipping::new(args.udf.builder(), args.module_store);
    eprintln!(
        "wasmudf executor on {}:{} (flight) / {} (grpc), scheduler {}",
        args.bind, args.bind_port, args.grpc_port, args.scheduler
    );
    run_executor(
        ExecutorOptions {
            scheduler_host: host.to_string(),
            scheduler_port: port,
            bind: args.bind,
            bind_port: args.bind_port,
            grpc_port: args.grpc_port,
            external_host: args.external_host,
            concurrency,
            work_dir: args.work_dir,
            secret: args.secret.secret()?,
        },
        shipping,
    )
    .await
    .context("the executor stopped")?;
    Ok(ExitCode::SUCCESS)
}
