//! `wasmudf serve`: the HTTP API for many tenants.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use wasmudf_server::spark::SparkCluster;
use wasmudf_server::{GuardedListener, TenantLimits, ensure_demo, open_state};

use crate::cluster_options::ClusterOptions;
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
    #[arg(long, default_value_t = TenantLimits::DEFAULT.max_concurrent_executions)]
    max_concurrent_executions: usize,
    /// Executions the server runs at once, all tenants together (each has a thread per core).
    #[arg(long, default_value_t = TenantLimits::DEFAULT.max_server_executions)]
    max_server_executions: usize,
    /// Largest upload, in MiB.
    #[arg(long, default_value_t = TenantLimits::DEFAULT.max_upload_bytes >> 20)]
    max_upload_mb: usize,
    /// Largest stored result of one execution, in MiB of Parquet.
    #[arg(long, default_value_t = TenantLimits::DEFAULT.max_result_bytes >> 20)]
    max_result_mb: usize,
    /// Compiles one tenant may start per rolling minute.
    #[arg(long, default_value_t = TenantLimits::DEFAULT.max_compiles_per_minute)]
    max_compiles_per_minute: usize,
    /// Wall-clock seconds one execution may take before it fails with kind `limit`.
    #[arg(long, value_name = "SECONDS", default_value_t = TenantLimits::DEFAULT.max_execution_time.as_secs_f64())]
    execution_time_limit: f64,
    /// Memory one execution's operators may hold (hash tables, sorts, aggregates), in MiB;
    /// nothing spills to disk. Guests are capped separately (--memory-limit-mb).
    #[arg(long, value_name = "MIB", default_value_t = TenantLimits::DEFAULT.max_execution_memory_bytes >> 20)]
    execution_memory_mb: usize,
    /// Longest SQL text, and longest C program, accepted, in KiB; checked before parsing.
    #[arg(long, value_name = "KIB", default_value_t = TenantLimits::DEFAULT.max_sql_bytes >> 10)]
    max_source_kb: usize,
    /// Open connections one client address may hold; more are closed at once (behind a
    /// reverse proxy, every client has the proxy's address: raise it there).
    #[arg(long, default_value_t = 128)]
    max_connections_per_client: usize,
    /// Seconds a connection may stay silent (no byte either way) before it is closed.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    idle_timeout_seconds: u64,
    /// Rows of the generated `accounts_large` demo dataset, made on first start (0: none).
    #[arg(long, default_value_t = 1_000_000)]
    demo_rows: usize,
    #[command(flatten)]
    cluster: ClusterOptions,
    /// Run executions' UDFs on a Spark cluster through Spark Connect (`sc://HOST:PORT`). Its
    /// catalog `--spark-catalog` must be wasmudf's (`io.wasmudf.spark.WasmCatalog`) reading
    /// `--spark-library`, and Spark must read the data directory at the same path.
    #[arg(long, value_name = "sc://HOST:PORT", conflicts_with = "cluster")]
    spark: Option<String>,
    /// The directory the Spark catalog reads modules from (`spark.sql.catalog.<name>.library`);
    /// default: `<data-dir>/spark-library`.
    #[arg(long, value_name = "DIR", requires = "spark")]
    spark_library: Option<PathBuf>,
    /// The name of wasmudf's catalog on the Spark cluster (`spark.sql.catalog.<name>`).
    #[arg(long, value_name = "NAME", default_value = "wasm", requires = "spark")]
    spark_catalog: String,
    #[command(flatten)]
    udf: UdfOptions,
}

pub async fn run(args: ServeArgs) -> Result<ExitCode> {
    // A panic is caught where tenants' work runs (a crafted upload, a bug in an operator) and
    // answered as an error; the log gets one line for it, not a backtrace a tenant can repeat
    // until the disk fills.
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|at| format!(" at {}:{}", at.file(), at.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| (*text).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("wasmudf-server: panic{location}: {message}");
    }));
    // Absolute, so that paths given to a cluster's executors mean the same file there.
    let data_dir = std::path::absolute(&args.data_dir).context("--data-dir")?;
    let limits = TenantLimits {
        max_concurrent_executions: args.max_concurrent_executions,
        max_server_executions: args.max_server_executions,
        max_upload_bytes: args.max_upload_mb << 20,
        max_result_bytes: args.max_result_mb << 20,
        max_compiles_per_minute: args.max_compiles_per_minute,
        max_execution_time: std::time::Duration::try_from_secs_f64(args.execution_time_limit)
            .context("--execution-time-limit")?,
        max_execution_memory_bytes: args.execution_memory_mb << 20,
        max_sql_bytes: args.max_source_kb << 10,
        max_program_bytes: args.max_source_kb << 10,
        ..TenantLimits::default()
    };
    // The compile cache and private sysroot stay where the compiler puts them by default
    // (`$WASMUDF_CACHE_DIR`, else `$XDG_CACHE_HOME/wasmudf`, else `~/.cache/wasmudf`), outside
    // the data directory: nothing a tenant's request names can reach them.
    let udf = args.udf.clone();
    let compiler = udf.compiler();
    if let Some(cache_dir) = &compiler.config().cache_dir
        && std::path::absolute(cache_dir).is_ok_and(|cache_dir| cache_dir.starts_with(&data_dir))
    {
        anyhow::bail!("--cache-dir must lie outside --data-dir (the compile cache is trusted code)");
    }
    let mut state = open_state(&data_dir, udf.builder(), limits)?;
    if let Some(url) = &args.cluster.cluster {
        // Fail now, not at the first execution, if the scheduler is not there.
        args.cluster
            .session(udf.builder())
            .await
            .with_context(|| format!("the cluster at {url}"))?;
        eprintln!(
            "executions run on the cluster at {url}; every executor must read {} at that path",
            data_dir.display()
        );
        state.sessions = args.cluster.sessions()?;
    }
    if let Some(url) = &args.spark {
        let url = wasmudf_spark_connect::SparkConnectUrl::parse(url)?;
        let library = match &args.spark_library {
            Some(library) => std::path::absolute(library).context("--spark-library")?,
            None => data_dir.join("spark-library"),
        };
        std::fs::create_dir_all(&library).with_context(|| format!("creating {}", library.display()))?;
        let spark = SparkCluster::new(url.clone(), library.clone(), args.spark_catalog.clone());
        // Fail now, not at the first execution, if Spark or its catalog is not there.
        spark
            .check()
            .await
            .with_context(|| format!("the Spark cluster at {url}"))?;
        eprintln!(
            "executions run on Spark at {url}, catalog `{}` reading {}; Spark must read {} at that path",
            args.spark_catalog,
            library.display(),
            data_dir.display()
        );
        state.spark = Some(spark);
    }
    let demo_token = ensure_demo(&state, DEMO_ACCOUNTS, args.demo_rows)?;
    let address: SocketAddr = format!("{}:{}", args.bind, args.port)
        .parse()
        .context("--bind and --port")?;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| format!("cannot listen on {address}"))?;
    let shown = if address.ip().is_unspecified() {
        format!("localhost:{}", address.port())
    } else {
        address.to_string()
    };
    eprintln!("wasmudf is serving (data in {})", data_dir.display());
    eprintln!();
    eprintln!("  open      http://{shown}/");
    match &demo_token {
        Some(token) => {
            eprintln!("  token     {token}   (the demo tenant's, shown only now; the page asks for it once)");
            eprintln!("  API       http://{shown}/api/v1/openapi.json");
            eprintln!("  try       curl -H 'Authorization: Bearer {token}' http://{shown}/api/v1/datasets");
        }
        None => {
            eprintln!("  token     the demo tenant's was shown when it was created; a new one:");
            eprintln!(
                "            wasmudf tokens create demo --data-dir {}",
                data_dir.display()
            );
            eprintln!("  API       http://{shown}/api/v1/openapi.json");
        }
    }
    eprintln!();
    let listener = GuardedListener::new(
        listener,
        args.max_connections_per_client,
        std::time::Duration::from_secs(args.idle_timeout_seconds.max(1)),
    );
    wasmudf_server::serve(listener, state, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(ExitCode::SUCCESS)
}
