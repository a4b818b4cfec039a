//! `wasmudf sql`: statements over data files, with CREATE FUNCTION ... LANGUAGE c.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;
use wasmudf_datafusion::datafusion::sql::parser::DFParser;
use wasmudf_datafusion::register_file;

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
    #[command(flatten)]
    cluster: ClusterOptions,
    #[command(flatten)]
    udf: UdfOptions,
}

pub async fn run(args: SqlArgs) -> Result<ExitCode> {
    let context = args.cluster.session(args.udf.builder()).await?;
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
    let statements = DFParser::parse_sql(&text)?;
    if statements.is_empty() {
        bail!("no SQL statement to run");
    }
    let count = statements.len();
    for (index, statement) in statements.into_iter().enumerate() {
        let position = index + 1;
        let plan = context
            .state()
            .statement_to_plan(statement)
            .await
            .with_context(|| format!("statement {position} of {count}"))?;
        let frame = context
            .execute_logical_plan(plan)
            .await
            .with_context(|| format!("statement {position} of {count}"))?;
        if position == count {
            emit(frame, &Destination::Stdout(args.format))
                .await
                .with_context(|| format!("statement {position} of {count}"))?;
        } else {
            frame
                .collect()
                .await
                .with_context(|| format!("statement {position} of {count}"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
