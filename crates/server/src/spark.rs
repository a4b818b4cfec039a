//! The paper's system on Spark: `wasmudf serve --spark sc://HOST:PORT` runs executions' UDFs on
//! a Spark cluster through Spark Connect.
//!
//! The server compiles the function as always, then hands the module to the Spark cluster's
//! wasmudf catalog (`io.wasmudf.spark.WasmCatalog` with `library=` this server's library
//! directory) as `f_<sha256>.wasm`, named by its digest so that tenants never share or replace a
//! name, and sends the MAP or FILTER as Spark SQL over the dataset's file. Spark's rows come back
//! as Arrow batches and are stored as every other execution's results, so the page and the API
//! read them unchanged. Spark and this server must see the same files (datasets, library).

use std::path::{Path, PathBuf};

use datafusion::arrow::array::RecordBatch;
use wasmudf_abi::{SqlType, UdfSignature};
use wasmudf_datafusion::{ExecutionRequest, Operation};
use wasmudf_spark_connect::{SparkConnectError, SparkConnectUrl, SparkSession};

use crate::outcome::{ErrorKind, ExecutionError};

/// Where executions' UDFs run when the server was started with `--spark`.
#[derive(Debug, Clone)]
pub struct SparkCluster {
    url: SparkConnectUrl,
    library: PathBuf,
    catalog: String,
}

impl SparkCluster {
    /// `library` is the directory the cluster's catalog `catalog` reads (`spark.sql.catalog.
    /// <catalog>.library`).
    pub fn new(url: SparkConnectUrl, library: PathBuf, catalog: String) -> Self {
        SparkCluster { url, library, catalog }
    }

    pub fn url(&self) -> &SparkConnectUrl {
        &self.url
    }

    pub fn library(&self) -> &Path {
        &self.library
    }

    /// Checks that the cluster answers and has the catalog: `SHOW USER FUNCTIONS IN <catalog>`.
    pub async fn check(&self) -> Result<(), SparkConnectError> {
        let session = SparkSession::connect(&self.url, "wasmudf").await?;
        session
            .query(&format!("SHOW USER FUNCTIONS IN {}", quote_identifier(&self.catalog)))
            .await?;
        Ok(())
    }

    /// Runs `request`'s MAP or FILTER with the compiled module `wasm` over the file `dataset`, as
    /// `user` (the tenant's name: Spark Connect sessions are per user).
    pub async fn run(
        &self,
        user: &str,
        dataset: &Path,
        signature: &UdfSignature,
        wasm: &[u8],
        digest: &str,
        request: &ExecutionRequest,
    ) -> Result<Vec<RecordBatch>, SparkConnectError> {
        let function = format!("f_{digest}");
        let module = self.library.join(format!("{function}.wasm"));
        if !module.exists() {
            wasmudf_files::write_atomically(&module, wasm)
                .map_err(|error| SparkConnectError::Protocol(format!("cannot publish the module: {error}")))?;
        }
        let session = SparkSession::connect(&self.url, user).await?;
        session.sql(&view_statement(dataset)).await?;
        let call = call_expression(&self.catalog, &function, signature, request);
        let query = match &request.operation {
            Operation::Map { output_column } => {
                format!("SELECT *, {call} AS {} FROM data", quote_identifier(output_column))
            }
            Operation::Filter => format!("SELECT * FROM data WHERE {call}"),
        };
        session.query(&query).await
    }
}

/// What Spark said, as an execution's error. A guest's failure reaches Spark Connect clients only
/// as text: Spark's task failure quoting `io.wasmudf.spark.WasmUdfException: [kind] message`,
/// which the catalog writes for exactly this reading. Anything else is Spark's own error.
pub(crate) fn failure(text: &str) -> ExecutionError {
    const GUEST: &str = "io.wasmudf.spark.WasmUdfException: [";
    if let Some(start) = text.find(GUEST) {
        let rest = &text[start + GUEST.len()..];
        let line = rest.lines().next().unwrap_or_default();
        if let Some((kind, message)) = line.split_once("] ") {
            let kind = ErrorKind::from_name(kind).unwrap_or(ErrorKind::Trap);
            return ExecutionError::new(kind, message.to_string());
        }
    }
    ExecutionError::new(ErrorKind::ExecutionError, format!("on Spark: {text}"))
}

/// `CREATE TEMPORARY VIEW data` over the dataset's file, read as the embedded engine reads it.
fn view_statement(dataset: &Path) -> String {
    let format = match dataset.extension().and_then(|extension| extension.to_str()) {
        Some("parquet") => "parquet",
        Some("json" | "ndjson" | "jsonl") => "json",
        _ => "csv",
    };
    let options = if format == "csv" {
        ", header 'true', inferSchema 'true'"
    } else {
        ""
    };
    format!(
        "CREATE OR REPLACE TEMPORARY VIEW data USING {format} OPTIONS (path {}{options})",
        quote_string(&dataset.to_string_lossy())
    )
}

/// `catalog.f_<digest>(CAST(`a` AS INT), ...)`: each column cast to its parameter's type, as the
/// embedded engine casts it.
fn call_expression(catalog: &str, function: &str, signature: &UdfSignature, request: &ExecutionRequest) -> String {
    let args: Vec<String> = request
        .input_columns
        .iter()
        .zip(signature.param_types())
        .map(|((column, _), sql_type)| format!("CAST({} AS {})", quote_identifier(column), spark_type(sql_type)))
        .collect();
    format!("{}.{}({})", quote_identifier(catalog), function, args.join(", "))
}

fn spark_type(sql_type: SqlType) -> &'static str {
    match sql_type {
        SqlType::Int => "INT",
        SqlType::BigInt => "BIGINT",
        SqlType::Float => "FLOAT",
        SqlType::Double => "DOUBLE",
        SqlType::Boolean => "BOOLEAN",
        SqlType::String => "STRING",
    }
}

/// A Spark SQL identifier in backquotes (a backquote inside doubled): column names are the
/// tenant's, and nothing in them may become SQL.
fn quote_identifier(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// A Spark SQL string literal (backslashes and quotes escaped).
fn quote_string(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guests_failure_keeps_its_kind_and_message_through_sparks_text() {
        let text = "Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times, most recent \
                    failure: Lost task 0.0 (TID 3) (10.0.0.5 executor 1): io.wasmudf.spark.WasmUdfException: \
                    [division_by_zero] UDF `divide` failed: integer division by zero at the row (a=1, b=0)\n\tat x";
        let error = failure(text);
        assert_eq!(error.kind, ErrorKind::DivisionByZero);
        assert_eq!(
            error.message,
            "UDF `divide` failed: integer division by zero at the row (a=1, b=0)"
        );
        let other = failure("[UNRESOLVED_COLUMN] no column `x`");
        assert_eq!(other.kind, ErrorKind::ExecutionError);
        assert_eq!(other.message, "on Spark: [UNRESOLVED_COLUMN] no column `x`");
    }

    #[test]
    fn identifiers_and_strings_cannot_break_out_of_their_quotes() {
        assert_eq!(quote_identifier("a`b"), "`a``b`");
        assert_eq!(quote_string(r"it's\"), r"'it\'s\\'");
        assert_eq!(
            view_statement(Path::new("/d/accounts.csv")),
            "CREATE OR REPLACE TEMPORARY VIEW data USING csv OPTIONS (path '/d/accounts.csv', header 'true', inferSchema 'true')"
        );
        assert_eq!(
            view_statement(Path::new("/d/big.parquet")),
            "CREATE OR REPLACE TEMPORARY VIEW data USING parquet OPTIONS (path '/d/big.parquet')"
        );
    }
}
