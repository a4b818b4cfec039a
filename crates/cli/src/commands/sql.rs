//! `wasmudf sql`: statements over data files, with CREATE FUNCTION ... LANGUAGE c.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;
use wasmudf_datafusion::{Script, register_file};
use wasmudf_sandbox::GuestLog;

use crate::cluster_options::ClusterOptions;
use crate::output::{Destination, OutputFormat, emit};
use crate::udf_options::UdfOptions;

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// Register a data file as a table (repeatable): NAME=FILE.
    #[arg(long = "table", value_name = "NAME=FILE")]
    tables: Vec<String>,
    /// Read the statements from a file.
    #[arg(long, value_name = "SCRIPT.sql", conflicts_with = "statements")]
    file: Option<PathBuf>,
    /// The statements, separated by `;`. The last one's result is printed.
    #[arg(value_name = "SQL", required_unless_present = "file")]
    statements: Option<String>,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Print to stderr how long the statements took in this process: those before the last
    /// (CREATE FUNCTION compiles here) and the last one, read to its end.
    #[arg(long)]
    timing: bool,
    #[command(flatten)]
    cluster: ClusterOptions,
    #[command(flatten)]
    udf: UdfOptions,
}

pub async fn run(args: SqlArgs) -> Result<ExitCode> {
    let log = GuestLog::new();
    let context = args.cluster.session(args.udf.builder().with_log(log.clone())).await?;
    for table in &args.tables {
        let Some((name, path)) = table.split_once('=') else {
            bail!("--table takes NAME=FILE, got `{table}`");
        };
        register_file(&context, name.trim(), &PathBuf::from(path.trim()))
            .await
            .with_context(|| format!("cannot register table `{}`", name.trim()))?;
    }
    let text = match (&args.file, &args.statements) {
        (Some(path), _) => std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?,
        (None, Some(statements)) => statements.clone(),
        (None, None) => bail!("give SQL statements or --file"),
    };
    let script = Script::parse(&text)?;
    let count = script.len();
    let ran = async {
        let started = std::time::Instant::now();
        let last = script.run(&context).await?;
        let frame = last.context("no SQL statement to run")?;
        let planned = started.elapsed();
        emit(frame, &Destination::Stdout(args.format))
            .await
            .with_context(|| format!("statement {count} of {count}"))?;
        if args.timing {
            eprintln!(
                "timing: before the last statement {:.3} ms, the last {:.3} ms",
                planned.as_secs_f64() * 1e3,
                (started.elapsed() - planned).as_secs_f64() * 1e3
            );
        }
        anyhow::Ok(())
    }
    .await;
    super::print_guest_log(&log);
    ran?;
    Ok(ExitCode::SUCCESS)
}
