//! `wasmudf`: run sandboxed C/Wasm UDFs over data files from the command line.

// Printing results on stdout is this program's job.
#![allow(clippy::print_stdout)]

mod cluster_options;
mod commands;
mod output;
mod udf_options;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Run untrusted C functions over Parquet, CSV and JSON data, compiled to WebAssembly and called
/// once per Arrow batch in a wasmtime sandbox, inside Apache DataFusion.
#[derive(Debug, Parser)]
#[command(name = "wasmudf", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply one UDF to a data file as MAP (add a column) or FILTER (keep rows).
    Run(commands::run::RunArgs),
    /// Run SQL statements (CREATE FUNCTION ... LANGUAGE c, SELECT ...) over data files.
    Sql(commands::sql::SqlArgs),
    /// Compile a UDF and print its diagnostics, optionally writing the module.
    Compile(commands::compile::CompileArgs),
    /// Serve the HTTP API for many tenants, with the demo data on first start.
    Serve(commands::serve::ServeArgs),
    /// Manage tenants: create (prints a token), list.
    Tenants(commands::tenants::TenantsArgs),
    /// Manage API tokens: create, revoke.
    Tokens(commands::tenants::TokensArgs),
    /// Operator commands on datasets: share (read-only with every tenant), unshare.
    Datasets(commands::tenants::DatasetsArgs),
    /// Run a Ballista scheduler that can plan queries with Wasm UDFs.
    Scheduler(commands::cluster::SchedulerArgs),
    /// Run a Ballista executor that runs Wasm UDFs (it never compiles C).
    Executor(commands::cluster::ExecutorArgs),
}

const EXAMPLES: &str = "\
Examples:
  # The paper's MAP: add calculate_adj_bal_RESULT to every account
  wasmudf run --data demo/accounts.csv --source examples/calculate_adj_bal.c \\
      --function calculate_adj_bal --columns balance,rate --returns FLOAT --map

  # FILTER, written to Parquet
  wasmudf run --data demo/accounts.csv --source examples/rich.c --function rich \\
      --columns balance --returns BOOLEAN --filter --output rich.parquet

  # SQL with a function defined inline
  wasmudf sql --table accounts=demo/accounts.csv \\
      \"CREATE FUNCTION domain(email STRING) RETURNS STRING LANGUAGE c AS \\$\\$ ... \\$\\$;
       SELECT domain(email) AS d, count(*) FROM accounts GROUP BY d ORDER BY 2 DESC\"

  # Check a function without running it
  wasmudf compile --source examples/domain.c --signature 'domain(email STRING) RETURNS STRING'

Exit status: 0 success, 1 the input's fault (compile error, trap, limit, bad data), 2 usage.";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("wasmudf: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Run(args) => commands::run::run(args).await,
            Command::Sql(args) => commands::sql::run(args).await,
            Command::Compile(args) => commands::compile::run(args).await,
            Command::Serve(args) => commands::serve::run(args).await,
            Command::Tenants(args) => commands::tenants::run(args).await,
            Command::Tokens(args) => commands::tenants::run_tokens(args).await,
            Command::Datasets(args) => commands::tenants::run_datasets(args).await,
            Command::Scheduler(args) => commands::cluster::run_scheduler_command(args).await,
            Command::Executor(args) => commands::cluster::run_executor_command(args).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// `wasmudf ... | head` is a success, not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.to_string().contains("Broken pipe")
    })
}
