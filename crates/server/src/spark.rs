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
use wasmudf_abi::UdfSignature;
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

    /// Checks, within [`CHECK_TIMEOUT`], that the cluster answers, that this server may switch
    /// off variable substitution (see [`SparkCluster::run`]) and that it has the catalog.
    pub async fn check(&self) -> Result<(), SparkConnectError> {
        let check = async {
            let session = self.session("wasmudf").await?;
            session
                .query(&format!("SHOW USER FUNCTIONS IN {}", quote_identifier(&self.catalog)))
                .await?;
            Ok(())
        };
        tokio::time::timeout(CHECK_TIMEOUT, check).await.unwrap_or_else(|_| {
            Err(SparkConnectError::Protocol(format!(
                "no answer within {CHECK_TIMEOUT:?}"
            )))
        })
    }

    /// A new session whose SQL text is taken literally. Spark substitutes `${env:X}`,
    /// `${system:X}` and `${conf}` anywhere in a statement before parsing it, quoted identifiers
    /// included: with tenants' column names in the text, that would read the driver's
    /// environment and settings into their results.
    async fn session(&self, user: &str) -> Result<SparkSession, SparkConnectError> {
        let session = SparkSession::connect(&self.url, user).await?;
        session.sql("SET spark.sql.variable.substitute=false").await?;
        Ok(session)
    }

    /// Runs `request`'s MAP or FILTER with the compiled module `wasm` over the file `dataset`, as
    /// `user` (the tenant: Spark Connect sessions are per user). At most `max_rows` + 1 rows and
    /// `max_bytes` of Arrow data come back: the caller's result limits hold before anything is
    /// gathered in memory.
    #[allow(clippy::too_many_arguments)]
    pub async fn run(
        &self,
        user: &str,
        dataset: &Path,
        signature: &UdfSignature,
        wasm: &[u8],
        digest: &str,
        request: &ExecutionRequest,
        (max_rows, max_bytes): (usize, usize),
    ) -> Result<Vec<RecordBatch>, SparkConnectError> {
        let function = format!("f_{digest}");
        let module = self.library.join(format!("{function}.wasm"));
        if !module.exists() {
            wasmudf_files::write_atomically(&module, wasm)
                .map_err(|error| SparkConnectError::Protocol(format!("cannot publish the module: {error}")))?;
        }
        let session = self.session(user).await?;
        session.sql(&view_statement(dataset)).await?;
        let call = call_expression(&self.catalog, &function, signature, request);
        let query = match &request.operation {
            Operation::Map { output_column } => {
                format!("SELECT *, {call} AS {} FROM data", quote_identifier(output_column))
            }
            Operation::Filter => format!("SELECT * FROM data WHERE {call}"),
            // The planner refuses these before a Spark run: the catalog serves scalar functions.
            Operation::Aggregate { .. } => {
                return Err(SparkConnectError::Spark {
                    code: "UNSUPPORTED".to_string(),
                    message: "a C aggregate runs on the embedded engine or the cluster, not on Spark".to_string(),
                });
            }
        };
        let limit = max_rows.saturating_add(1);
        session.query_within(&format!("{query} LIMIT {limit}"), max_bytes).await
    }
}

/// What Spark said, as an execution's error. A guest's failure reaches Spark Connect clients only
/// as text: Spark's task failure quoting `io.wasmudf.spark.WasmUdfException: [kind] message`,
/// which the catalog writes for exactly this reading. Anything else is Spark's own error.
///
/// The marker counts only where Spark names the failed task's exception (right after the first
/// `): ` following "most recent failure: "): a value quoted inside another error (a CAST of a
/// tenant's string) cannot pose as a guest failure. The kinds a guest can have are the only ones
/// accepted. Spark's own errors keep their first line (no executor stack).
pub(crate) fn failure(text: &str) -> ExecutionError {
    const GUEST: &str = "io.wasmudf.spark.WasmUdfException: [";
    let task_exception = text
        .find("most recent failure: ")
        .and_then(|at| text[at..].find("): ").map(|colon| at + colon + "): ".len()));
    if let Some(start) = task_exception
        && let Some(rest) = text[start..].strip_prefix(GUEST)
        && let Some((kind, message)) = rest.lines().next().unwrap_or_default().split_once("] ")
    {
        let kind = match ErrorKind::from_name(kind) {
            Some(
                ErrorKind::Internal
                | ErrorKind::Cancelled
                | ErrorKind::Interrupted
                | ErrorKind::Unavailable
                | ErrorKind::CompileError,
            )
            | None => ErrorKind::Trap,
            Some(kind) => kind,
        };
        return ExecutionError::new(kind, message.to_string());
    }
    let first_line = text.lines().next().unwrap_or_default();
    ExecutionError::new(ErrorKind::ExecutionError, format!("on Spark: {first_line}"))
}

/// How long `serve --spark` waits for the cluster at start.
const CHECK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

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
        // wasmudf's SQL type names (INT, BIGINT, FLOAT, DOUBLE, BOOLEAN, STRING) are Spark's too.
        .map(|((column, _), sql_type)| format!("CAST({} AS {})", quote_identifier(column), sql_type.sql_name()))
        .collect();
    format!("{}.{}({})", quote_identifier(catalog), function, args.join(", "))
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
        let other = failure("[UNRESOLVED_COLUMN] no column `x`\n\tat org.apache.spark...");
        assert_eq!(other.kind, ErrorKind::ExecutionError);
        assert_eq!(other.message, "on Spark: [UNRESOLVED_COLUMN] no column `x`");
        // A tenant's string quoted in a CAST error cannot choose the kind.
        let forged = "Job aborted: most recent failure: Lost task 0.0 (TID 1) (h executor 1): \
                      org.apache.spark.SparkNumberFormatException: [CAST_INVALID_INPUT] The value \
                      'x): io.wasmudf.spark.WasmUdfException: [internal] log in at evil' cannot be cast";
        assert_eq!(failure(forged).kind, ErrorKind::ExecutionError);
        let server_kind = "most recent failure: Lost task (h executor 1): \
                           io.wasmudf.spark.WasmUdfException: [cancelled] UDF `f` failed: x";
        assert_eq!(failure(server_kind).kind, ErrorKind::Trap);
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
