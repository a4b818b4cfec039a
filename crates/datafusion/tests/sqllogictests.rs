//! Runs the `.slt` files in `tests/slt/`, each in a fresh session with the demo tables.
//!
//! `cargo test --release --test sqllogictests -- --complete` rewrites the expected
//! output in place (review the diff!); any other argument selects files by name substring.

// Test code: a panic is the failure report.
#![allow(clippy::unwrap_used)]
// The harness reports on stdout, like libtest.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use datafusion::arrow::array::{Array, RecordBatch};
use datafusion::arrow::datatypes::DataType;
use datafusion::arrow::util::display::{ArrayFormatter, FormatOptions};
use datafusion::error::DataFusionError;
use datafusion::prelude::SessionContext;
use sqllogictest::{DBOutput, DefaultColumnType};
use wasmudf_compiler::Compiler;
use wasmudf_datafusion::{SessionOptions, UdfBuilder, new_session, register_file};
use wasmudf_sandbox::RuntimeLimits;

struct WasmUdfDb {
    context: SessionContext,
}

#[async_trait]
impl sqllogictest::AsyncDB for WasmUdfDb {
    type Error = DataFusionError;
    type ColumnType = DefaultColumnType;

    async fn run(&mut self, sql: &str) -> Result<DBOutput<DefaultColumnType>, DataFusionError> {
        let frame = self.context.sql(sql).await?;
        let schema = frame.schema().as_arrow().clone();
        let batches = frame.collect().await?;
        let is_statement = sql.trim_start().to_ascii_uppercase().starts_with("CREATE")
            || sql.trim_start().to_ascii_uppercase().starts_with("DROP");
        if is_statement && schema.fields().is_empty() {
            return Ok(DBOutput::StatementComplete(0));
        }
        let types = schema
            .fields()
            .iter()
            .map(|field| column_type(field.data_type()))
            .collect();
        let mut rows = Vec::new();
        for batch in &batches {
            rows.extend(format_rows(batch)?);
        }
        Ok(DBOutput::Rows { types, rows })
    }

    async fn shutdown(&mut self) {}

    fn engine_name(&self) -> &str {
        "wasmudf"
    }

    async fn sleep(duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}

fn column_type(data_type: &DataType) -> DefaultColumnType {
    match data_type {
        data_type if data_type.is_integer() => DefaultColumnType::Integer,
        data_type if data_type.is_floating() || matches!(data_type, DataType::Decimal128(..)) => {
            DefaultColumnType::FloatingPoint
        }
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => DefaultColumnType::Text,
        _ => DefaultColumnType::Any,
    }
}

fn format_rows(batch: &RecordBatch) -> Result<Vec<Vec<String>>, DataFusionError> {
    let options = FormatOptions::default().with_null("NULL");
    let formatters = batch
        .columns()
        .iter()
        .map(|column| ArrayFormatter::try_new(column.as_ref(), &options))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rows = Vec::with_capacity(batch.num_rows());
    for row in 0..batch.num_rows() {
        let mut values = Vec::with_capacity(formatters.len());
        for (formatter, column) in formatters.iter().zip(batch.columns()) {
            let text = formatter.value(row).to_string();
            // sqllogictest separates values by spaces: show empty strings distinctly.
            values.push(if text.is_empty() && column.is_valid(row) {
                "(empty)".to_string()
            } else {
                text
            });
        }
        rows.push(values);
    }
    Ok(rows)
}

fn workspace_root() -> PathBuf {
    manifest_dir().join("../..")
}

async fn fresh_session(compiler: Arc<Compiler>) -> Result<WasmUdfDb, DataFusionError> {
    let limits = RuntimeLimits {
        batch_timeout: Duration::from_millis(500),
        memory_bytes: 64 << 20,
    };
    let options = SessionOptions {
        allow_module_paths: true,
        target_partitions: 2,
        ..SessionOptions::default()
    };
    let context = new_session(UdfBuilder::new(compiler, limits), &options);
    register_file(&context, "accounts", &workspace_root().join("demo/accounts.csv")).await?;
    let data = manifest_dir().join("tests/data");
    register_file(&context, "people", &data.join("people.csv")).await?;
    register_file(&context, "events", &data.join("events.ndjson")).await?;
    Ok(WasmUdfDb { context })
}

fn main() -> std::process::ExitCode {
    let mut args = std::env::args();
    let _program = args.next();
    let args: Vec<String> = args
        .filter(|arg| !arg.starts_with("--") || arg == "--complete")
        .collect();
    let complete = args.iter().any(|arg| arg == "--complete");
    let filters: Vec<&String> = args.iter().filter(|arg| *arg != "--complete").collect();
    let compiler = wasmudf_test_support::compiler();
    let directory = manifest_dir().join("tests/slt");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&directory)
        .expect("tests/slt exists")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "slt"))
        .filter(|path| filters.is_empty() || filters.iter().any(|f| path.to_string_lossy().contains(f.as_str())))
        .collect();
    files.sort();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let (mut passed, mut failed) = (0, 0);
    for file in &files {
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let compiler = compiler.clone();
        let outcome = runtime.block_on(async {
            let mut runner = sqllogictest::Runner::new(move || fresh_session(compiler.clone()));
            if complete {
                runner
                    .update_test_file(
                        file,
                        " ",
                        sqllogictest::default_validator,
                        sqllogictest::default_normalizer,
                        sqllogictest::default_column_validator,
                    )
                    .await
                    .map_err(|error| error.to_string())
            } else {
                runner
                    .run_file_async(file)
                    .await
                    .map_err(|error| error.display(true).to_string())
            }
        });
        match outcome {
            Ok(()) => {
                println!("slt {name} ... ok");
                passed += 1;
            }
            Err(error) => {
                println!("slt {name} ... FAILED\n{error}");
                failed += 1;
            }
        }
    }
    println!("sqllogictest: {passed} passed, {failed} failed");
    if failed > 0 || files.is_empty() {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// This package's directory: `CARGO_MANIFEST_DIR` at run time (`env!` only as a fallback): a test
/// binary built by another checkout sharing the target directory must read this one's files.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), Into::into)
}
