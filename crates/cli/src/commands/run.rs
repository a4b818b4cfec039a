//! `wasmudf run`: the paper's ExecutionRequest as a command.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;
use wasmudf_abi::SqlType;
use wasmudf_compiler::{CompileError, Language, render_diagnostics};
use wasmudf_datafusion::{
    ExecutionRequest, Operation, WasmUdfError, default_output_column, plan_execution, register_file,
};
use wasmudf_sandbox::GuestLog;

use crate::cluster_options::ClusterOptions;
use crate::output::{Destination, OutputFormat, emit};
use crate::udf_options::UdfOptions;

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("operation").required(true).args(["map", "filter", "aggregate"]))]
pub struct RunArgs {
    /// The data file: .csv (with a header), .parquet, or .json/.ndjson (one object per line).
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    /// The UDF source: .c (one scalar function, or an aggregate's state and parts), .wat or .wasm
    /// (a batch-ABI module).
    #[arg(long, value_name = "FILE")]
    source: PathBuf,
    /// The function to call (its name in the source).
    #[arg(long, value_name = "NAME")]
    function: String,
    /// Columns passed to the function, in order; `name:TYPE` fixes a parameter's type
    /// (otherwise it is read from the C definition, or from the column).
    #[arg(long, value_name = "A,B,...", value_delimiter = ',', required = true)]
    columns: Vec<String>,
    /// The function's return type: INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP,
    /// DECIMAL(p, s) or BINARY.
    #[arg(long, value_name = "TYPE")]
    returns: String,
    /// Add the result as a new column.
    #[arg(long)]
    map: bool,
    /// Name of the new column [default: <function>_RESULT].
    #[arg(long = "as", value_name = "COLUMN")]
    output_column: Option<String>,
    /// Keep only the rows where the function returns true (it must return BOOLEAN).
    #[arg(long)]
    filter: bool,
    /// Run an aggregate function (`<function>_step`, `_merge`, `_finish`): one row per group.
    #[arg(long)]
    aggregate: bool,
    /// The columns to group by, with --aggregate (without it: one row for the whole table).
    #[arg(long, value_name = "A,B,...", value_delimiter = ',', requires = "aggregate")]
    group_by: Vec<String>,
    /// Write the result to a file (.parquet, .csv or .json) instead of printing it.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// How to print the result when there is no --output.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Stop after this many result rows.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    #[command(flatten)]
    cluster: ClusterOptions,
    #[command(flatten)]
    udf: UdfOptions,
}

pub async fn run(args: RunArgs) -> Result<ExitCode> {
    let Some(language) = Language::from_path(&args.source) else {
        bail!(
            "cannot tell the language of {}: use a .c, .wat or .wasm file",
            args.source.display()
        );
    };
    let returns: SqlType = args.returns.parse().map_err(anyhow::Error::msg)?;
    if args.filter && returns != SqlType::Boolean {
        bail!("--filter needs a function that returns BOOLEAN, but --returns is {returns}");
    }
    let mut input_columns = Vec::with_capacity(args.columns.len());
    for column in &args.columns {
        let (name, explicit) = match column.rsplit_once(':') {
            Some((name, type_name)) => (
                name.trim(),
                Some(type_name.parse::<SqlType>().map_err(anyhow::Error::msg)?),
            ),
            None => (column.trim(), None),
        };
        input_columns.push((name.to_string(), explicit));
    }
    let source = super::read_source(&args.source)?;
    if args.output_column.is_some() && args.filter {
        bail!("--as names the new column of --map or --aggregate; --filter adds none");
    }
    let operation = if args.filter {
        Operation::Filter
    } else if args.aggregate {
        Operation::Aggregate {
            output_column: args
                .output_column
                .clone()
                .unwrap_or_else(|| default_output_column(&args.function)),
            group_by: args.group_by.iter().map(|name| name.trim().to_string()).collect(),
        }
    } else {
        Operation::Map {
            output_column: args
                .output_column
                .clone()
                .unwrap_or_else(|| default_output_column(&args.function)),
        }
    };
    let log = GuestLog::new();
    let builder = args.udf.builder().with_log(log.clone());
    let context = args.cluster.session(builder.clone()).await?;
    register_file(&context, "data", &args.data).await?;
    let table = context.table("data").await?;
    let request = ExecutionRequest {
        language,
        source,
        function_name: args.function.clone(),
        input_columns,
        returns,
        operation,
    };
    let planning_request = request.clone();
    let planned = tokio::task::spawn_blocking(move || plan_execution(&builder, table, &planning_request)).await?;
    let planned = match planned {
        Ok(planned) => planned,
        Err(WasmUdfError::Compile(CompileError::Diagnostics(diagnostics))) => {
            let text = String::from_utf8_lossy(&request.source);
            eprint!(
                "{}",
                render_diagnostics(&diagnostics, &args.source.display().to_string(), &text)
            );
            bail!("`{}` did not compile", args.function);
        }
        Err(error) => return Err(error.into()),
    };
    let text = String::from_utf8_lossy(&request.source);
    eprint!(
        "{}",
        render_diagnostics(&planned.compiled.warnings, &args.source.display().to_string(), &text)
    );
    let frame = match args.limit {
        Some(limit) => planned.frame.limit(0, Some(limit))?,
        None => planned.frame,
    };
    let destination = match &args.output {
        Some(path) => Destination::File(path.clone()),
        None => Destination::Stdout(args.format),
    };
    let emitted = emit(frame, &destination).await;
    super::print_guest_log(&log);
    let summary = emitted?;
    if std::io::stderr().is_terminal() || args.output.is_some() {
        eprintln!(
            "{} rows in {:.2} s; compiled {} in {:.2} s{}{}",
            summary.rows,
            summary.elapsed.as_secs_f64(),
            planned.signature,
            planned.compiled.elapsed.as_secs_f64(),
            if planned.compiled.from_cache { " (cached)" } else { "" },
            args.output
                .as_ref()
                .map(|path| format!("; wrote {}", path.display()))
                .unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}
