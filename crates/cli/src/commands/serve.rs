//! `wasmudf serve`: the HTTP API for many tenants.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use wasmudf_server::{TenantLimits, app, ensure_demo, open_state};

use crate::udf_options::UdfOptions;

/// The paper's accounts table, bundled so the binary alone can start a demo.
const DEMO_ACCOUNTS: &[u8] = include_bytes!("../../../../demo/accounts.csv");

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port to listen on.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    bind: String,
    /// Where datasets, results and the metadata database live (created on first start).
    #[arg(long, value_name = "DIR", default_value = "wasmudf-data")]
    data_dir: PathBuf,
    /// Executions one tenant may run at once.
    #[arg(long, default_value_t = 4)]
    max_concurrent_executions: usize,
    /// Largest upload, in MiB.
    #[arg(long, default_value_t = 256)]
    max_upload_mb: usize,
    #[command(flatten)]
    udf: UdfOptions,
}

pub async fn run(args: ServeArgs) -> Result<ExitCode> {
    let limits = TenantLimits {
        max_concurrent_executions: args.max_concurrent_executions,
        max_upload_bytes: args.max_upload_mb << 20,
        ..TenantLimits::default()
    };
    let mut udf = args.udf.clone();
    if udf.cache_dir.is_none() {
        udf.cache_dir = Some(args.data_dir.join("cache"));
    }
    let state = open_state(&args.data_dir, udf.builder(), limits)?;
    let demo_token = ensure_demo(&state, DEMO_ACCOUNTS)?;
    let address: SocketAddr = format!("{}:{}", args.bind, args.port)
        .parse()
        .context("--bind and --port")?;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address}"))?;
    eprintln!(
        "wasmudf is serving http://{address}/api/v1 (data in {})",
        args.data_dir.display()
    );
    eprintln!("demo tenant token: {demo_token}");
    eprintln!("try: curl -H 'Authorization: Bearer {demo_token}' http://{address}/api/v1/datasets");
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(ExitCode::SUCCESS)
}
