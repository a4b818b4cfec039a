//! `/api/v1/executions`: the paper's ExecutionRequest (or SQL), run in the background.

use std::time::Instant;

use axum::Json;
use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use wasmudf_compiler::{Language, infer_c_function};
use wasmudf_datafusion::abi::{SqlType, UdfSignature};
use wasmudf_datafusion::datafusion::dataframe::DataFrame;
use wasmudf_datafusion::datafusion::error::DataFusionError;
use wasmudf_datafusion::datafusion::parquet::arrow::ArrowWriter;
use wasmudf_datafusion::datafusion::prelude::{ParquetReadOptions, SessionContext};
use wasmudf_datafusion::sandbox::{CancelFlag, FailureLog, OutputProblem, RowLocation, SandboxError};
use wasmudf_datafusion::{
    ExecutionRequest, Operation, Script, UdfBuilder, WasmUdfError, default_output_column, plan_execution,
    register_file, sql_type_of_column,
};

use crate::auth::Caller;
use crate::datasets::{MAX_PAGE_ROWS, Page, Table, open, open_in};
use crate::error::ApiError;
use crate::rows::{columns, json_rows};
use crate::state::AppState;
use crate::store::TenantId;

/// The paper's ExecutionRequest, or `{"sql": "..."}`.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecutionBody {
    /// The C source defining `function_name`.
    pub program: Option<String>,
    /// The dataset's name.
    pub data: Option<String>,
    /// `MAP` (add a column) or `FILTER` (keep the rows where the function returns true).
    pub operation: Option<String>,
    pub function_name: Option<String>,
    /// The columns passed to the function, in parameter order.
    pub input_column_names: Option<Vec<String>>,
    /// Defaults to `<function_name>_RESULT`.
    pub output_column_name: Option<String>,
    /// INTEGER, BIGINT, FLOAT, DOUBLE, BOOLEAN or STRING (BOOLEAN for FILTER).
    pub output_column_type: Option<String>,
    /// SQL over the caller's datasets (as tables) calling its saved functions; instead of the rest.
    pub sql: Option<String>,
}

/// `{"id": ...}` of an accepted execution.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExecutionCreated {
    pub id: String,
}

fn missing(field: &str) -> ApiError {
    ApiError::bad_request("missing_field", format!("the request needs `{field}`"))
}

/// What a validated request will run.
enum Job {
    Udf {
        dataset: String,
        request: ExecutionRequest,
    },
    /// The script, or why it does not parse (reported as the execution's failure).
    Sql(Result<Script, DataFusionError>),
}

/// Checks everything that can be checked without compiling, so that bad requests get a 4xx now
/// instead of a failed execution later.
async fn validate(state: &AppState, tenant: TenantId, body: &ExecutionBody) -> Result<Job, ApiError> {
    if let Some(sql) = &body.sql {
        if body.program.is_some() || body.data.is_some() {
            return Err(ApiError::bad_request(
                "ambiguous_request",
                "send either `sql` or an ExecutionRequest, not both",
            ));
        }
        return Ok(Job::Sql(Script::parse(sql)));
    }
    let program = body.program.clone().ok_or_else(|| missing("program"))?;
    let dataset = body.data.clone().ok_or_else(|| missing("data"))?;
    let function_name = body.function_name.clone().ok_or_else(|| missing("function_name"))?;
    let column_names = body
        .input_column_names
        .clone()
        .ok_or_else(|| missing("input_column_names"))?;
    let operation = match body.operation.as_deref().map(str::to_ascii_uppercase).as_deref() {
        Some("MAP") => Operation::Map {
            output_column: body
                .output_column_name
                .clone()
                .unwrap_or_else(|| default_output_column(&function_name)),
        },
        Some("FILTER") => Operation::Filter,
        Some(other) => {
            return Err(ApiError::bad_request(
                "bad_operation",
                format!("operation `{other}` is not MAP or FILTER"),
            ));
        }
        None => return Err(missing("operation")),
    };
    let returns = match &body.output_column_type {
        Some(text) => text
            .parse::<SqlType>()
            .map_err(|message| ApiError::bad_request("bad_type", message))?,
        None if operation == Operation::Filter => SqlType::Boolean,
        None => return Err(missing("output_column_type")),
    };
    if operation == Operation::Filter && returns != SqlType::Boolean {
        return Err(ApiError::bad_request(
            "bad_type",
            format!("a FILTER function must return BOOLEAN, not {returns}"),
        ));
    }
    let (_, frame) = open(state, tenant, &dataset).await?;
    let schema = frame.schema().as_arrow().clone();
    let shape = infer_c_function(&program, &function_name).ok();
    for (index, name) in column_names.iter().enumerate() {
        let field = schema.field_with_name(name).map_err(|_| {
            let available: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            ApiError::bad_request(
                "unknown_column",
                format!(
                    "dataset `{dataset}` has no column `{name}`; it has {}",
                    available.join(", ")
                ),
            )
        })?;
        let column_type = sql_type_of_column(field.data_type());
        let declared = shape
            .as_ref()
            .and_then(|shape| shape.params.get(index))
            .map(|(_, sql_type)| *sql_type);
        if let (Some(column_type), Some(declared)) = (column_type, declared) {
            let numeric = |t: SqlType| !matches!(t, SqlType::String | SqlType::Boolean);
            let compatible = column_type == declared || (numeric(column_type) && numeric(declared));
            if !compatible {
                return Err(ApiError::bad_request(
                    "type_mismatch",
                    format!(
                        "column `{name}` is {column_type} but parameter {} of `{function_name}` is {declared}",
                        index + 1
                    ),
                ));
            }
        }
    }
    if let Some(shape) = &shape
        && shape.params.len() != column_names.len()
    {
        return Err(ApiError::bad_request(
            "type_mismatch",
            format!(
                "`{function_name}` takes {} parameter(s) but {} column(s) were chosen",
                shape.params.len(),
                column_names.len()
            ),
        ));
    }
    let request = ExecutionRequest {
        language: Language::C,
        source: program.into_bytes(),
        function_name,
        input_columns: column_names.into_iter().map(|name| (name, None)).collect(),
        returns,
        operation,
    };
    Ok(Job::Udf { dataset, request })
}

/// How many compiles a job may start: the UDF, or each `CREATE FUNCTION` in the SQL (saved
/// functions come from the compile cache).
fn compiles_in(job: &Job) -> usize {
    match job {
        Job::Udf { .. } => 1,
        Job::Sql(script) => script.as_ref().map_or(0, Script::function_definitions),
    }
}

/// Start an execution: the paper's ExecutionRequest, or SQL.
#[utoipa::path(post, path = "/executions", tag = "executions", request_body = ExecutionBody,
    responses(
        (status = 202, body = ExecutionCreated, description = "Accepted; poll its status"),
        (status = 400, body = crate::error::ErrorBody, description = "Malformed request, unknown column, type mismatch"),
        (status = 404, body = crate::error::ErrorBody, description = "Unknown dataset"),
        (status = 429, body = crate::error::ErrorBody, description = "Too many executions or compiles"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    body: Result<Json<ExecutionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(body) = body?;
    let job = validate(&state, tenant.id, &body).await?;
    if state.progress.running_for(tenant.id) >= state.limits.max_concurrent_executions {
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_executions",
            format!(
                "at most {} executions may run at once; wait for one to finish",
                state.limits.max_concurrent_executions
            ),
        ));
    }
    state.charge_compiles(tenant.id, compiles_in(&job))?;
    let id = crate::random_hex(16);
    let request_json =
        serde_json::to_string(&body).map_err(|error| ApiError::internal("recording a request", error))?;
    state.store.insert_execution(&id, tenant.id, &request_json)?;
    let cancel = state.progress.start(&id, tenant.id);
    crate::executor::executor().spawn(run(state.clone(), tenant.id, id.clone(), job, cancel));
    Ok((StatusCode::ACCEPTED, Json(ExecutionCreated { id })))
}

/// Runs one execution to its end, recording the outcome. Never panics the server: every failure
/// becomes a `failed` status with a structured error. Cancellation stops the guest within one
/// epoch tick (its UDFs carry the flag) and the polling loop at the next batch.
async fn run(state: AppState, tenant: TenantId, id: String, job: Job, cancel: CancelFlag) {
    let started = Instant::now();
    let failures = FailureLog::new();
    let builder = state
        .builder
        .clone()
        .with_cancel(cancel.clone())
        .with_failure_log(failures.clone());
    let outcome = execute(&state, &builder, tenant, &id, job, &cancel).await;
    let record = |status: &str, error: Option<Value>, rows: (i64, i64), compile_ms: Option<i64>| {
        let run_ms = Some(started.elapsed().as_millis() as i64 - compile_ms.unwrap_or(0));
        // Every execution error passes here: no message shown to a tenant names a server path.
        let data_dir = state.data_dir.display().to_string();
        let error = error.map(|e| e.to_string().replace(&data_dir, "<data>"));
        if let Err(failure) = state
            .store
            .finish_execution(&id, status, error.as_deref(), rows, compile_ms, run_ms)
        {
            eprintln!("wasmudf-server: cannot record execution {id}: {failure}");
        }
    };
    match outcome {
        _ if cancel.is_cancelled() => {
            let _ = std::fs::remove_file(state.result_file(&id));
            record(
                "cancelled",
                Some(json!({"kind": "cancelled", "message": "cancelled by the user"})),
                (0, 0),
                None,
            )
        }
        Ok(done) => record("succeeded", None, (done.rows_in, done.rows_out), Some(done.compile_ms)),
        Err(error) => {
            // The guest's own account of what went wrong, when there is one.
            let error = failures.first().map_or(error, |failure| guest_error(&failure));
            // A compile error ends the compile phase: its time is compile time, not run time.
            let compile_ms = (error["kind"] == "compile_error").then(|| started.elapsed().as_millis() as i64);
            record("failed", Some(error), (0, 0), compile_ms)
        }
    }
    state.progress.finish(&id);
}

struct Done {
    rows_in: i64,
    rows_out: i64,
    compile_ms: i64,
}

async fn execute(
    state: &AppState,
    builder: &UdfBuilder,
    tenant: TenantId,
    id: &str,
    job: Job,
    cancel: &CancelFlag,
) -> Result<Done, Value> {
    let _ = state.store.set_status(id, "compiling");
    let compile_started = Instant::now();
    let (frame, rows_in) = match job {
        Job::Udf { dataset, request } => {
            let context = state
                .execution_session(builder)
                .await
                .map_err(|error| engine_error(&error))?;
            let (_, table) = open_in(context, state, tenant, &dataset)
                .await
                .map_err(|error| json!({"kind": "bad_request", "message": error.message}))?;
            let rows_in = table.clone().count().await.map_err(|error| engine_error(&error))? as i64;
            state.progress.set_rows_in(id, rows_in as u64);
            let builder = builder.clone();
            let planned = tokio::task::spawn_blocking(move || plan_execution(&builder, table, &request))
                .await
                .map_err(|error| json!({"kind": "internal", "message": error.to_string()}))?
                .map_err(|error| udf_error(&error))?;
            (planned.frame, rows_in)
        }
        Job::Sql(script) => (run_sql(state, builder, tenant, script).await?, 0),
    };
    let compile_ms = compile_started.elapsed().as_millis() as i64;
    let _ = state.store.set_status(id, "running");
    let rows_out = write_results(state, id, frame, cancel).await?;
    Ok(Done {
        rows_in,
        rows_out,
        compile_ms,
    })
}

/// Runs every statement of `script` in a session holding the tenant's readable datasets as
/// tables and the saved functions it names; returns the last statement's frame.
async fn run_sql(
    state: &AppState,
    builder: &UdfBuilder,
    tenant: TenantId,
    script: Result<Script, DataFusionError>,
) -> Result<DataFrame, Value> {
    let script = script.map_err(|error| engine_error(&error))?;
    let context: SessionContext = state
        .execution_session(builder)
        .await
        .map_err(|error| engine_error(&error))?;
    let internal = |error: rusqlite::Error| json!({"kind": "internal", "message": error.to_string()});
    for record in state.store.list_datasets(tenant).map_err(internal)? {
        let path = state.dataset_path(record.owner, &record.file);
        register_file(&context, &record.name, &path)
            .await
            .map_err(|error| engine_error(&error))?;
    }
    // Saved functions come from the compile cache; define only those the script names.
    let saved = state.store.list_functions(tenant).map_err(internal)?;
    for function in saved.into_iter().filter(|f| script.mentions(&f.name)) {
        let signature = function
            .signature
            .parse::<UdfSignature>()
            .map_err(|error| json!({"kind": "internal", "message": error.to_string()}))?;
        let language = if function.language == "wat" {
            Language::Wat
        } else {
            Language::C
        };
        let defined = crate::functions::define(builder, signature, language, function.source)
            .await
            .map_err(|error| udf_error(&error))?;
        context.register_udf(defined.udf);
    }
    script
        .run(&context)
        .await
        .map_err(|failure| engine_error(&failure.error))?
        .ok_or_else(|| json!({"kind": "bad_request", "message": "no SQL statement to run"}))
}

/// Streams the result into `results/<id>.parquet` (written next to it, renamed when complete).
async fn write_results(state: &AppState, id: &str, frame: DataFrame, cancel: &CancelFlag) -> Result<i64, Value> {
    let io = |error: &dyn std::fmt::Display| json!({"kind": "internal", "message": format!("cannot store results: {error}")});
    let target = state.result_file(id);
    let directory = target.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    std::fs::create_dir_all(&directory).map_err(|error| io(&error))?;
    let staging = tempfile::NamedTempFile::new_in(&directory).map_err(|error| io(&error))?;
    let schema = std::sync::Arc::new(frame.schema().as_arrow().clone());
    let file = staging.reopen().map_err(|error| io(&error))?;
    let mut writer =
        ArrowWriter::try_new(file, schema, Some(crate::parquet_properties())).map_err(|error| io(&error))?;
    let mut stream = frame.execute_stream().await.map_err(|error| engine_error(&error))?;
    let mut rows = 0usize;
    while let Some(batch) = stream.next().await {
        if cancel.is_cancelled() {
            return Err(json!({"kind": "cancelled", "message": "cancelled by the user"}));
        }
        let batch = batch.map_err(|error| engine_error(&error))?;
        rows += batch.num_rows();
        if rows > state.limits.max_result_rows {
            return Err(
                json!({"kind": "limit", "message": format!("the result has more than {} rows", state.limits.max_result_rows)}),
            );
        }
        writer.write(&batch).map_err(|error| io(&error))?;
        let bytes = writer.bytes_written() + writer.in_progress_size();
        if bytes > state.limits.max_result_bytes {
            return Err(json!({"kind": "limit", "message": format!(
                "the result is larger than {} MiB; select fewer columns or rows", state.limits.max_result_bytes >> 20
            )}));
        }
        state.progress.advance(id, rows as u64);
    }
    writer.close().map_err(|error| io(&error))?;
    staging.persist(&target).map_err(|error| io(&error.error))?;
    Ok(rows as i64)
}

fn udf_error(error: &WasmUdfError) -> Value {
    let api = crate::functions::definition_error(error);
    let kind = match api.code {
        "compile_error" => "compile_error",
        "compiler_unavailable" => "unavailable",
        _ => "bad_request",
    };
    let mut value = json!({"kind": kind, "message": api.message});
    if let Some(diagnostics) = api.details {
        value["diagnostics"] = diagnostics;
    }
    value
}

/// A guest failure as the API reports it: the kind (`division_by_zero`, `time_limit`, ...), the
/// function, and the row with its input values where the host found them.
fn guest_error(error: &SandboxError) -> Value {
    let (kind, function, location) = match error {
        SandboxError::Trap {
            function,
            kind,
            location,
        } => (kind.code(), function.clone(), location.clone()),
        SandboxError::InvalidOutput {
            function,
            location,
            problem,
        } => {
            let kind = match problem {
                OutputProblem::InvalidUtf8 { .. } => "invalid_utf8",
                OutputProblem::OutOfBounds { .. } => "invalid_output",
            };
            (kind, function.clone(), Some(location.clone()))
        }
        _ => ("trap", String::new(), None),
    };
    let mut value = json!({"kind": kind, "function": function, "message": error.to_string()});
    match location {
        Some(RowLocation::Row { index, values }) => {
            value["row"] = json!(index);
            value["values"] = Value::Object(
                values
                    .into_iter()
                    .map(|(name, text)| (name, Value::String(text)))
                    .collect(),
            );
        }
        Some(RowLocation::Range { start, end }) => value["rows"] = json!([start, end]),
        None => {}
    }
    value
}

fn engine_error(error: &DataFusionError) -> Value {
    let root = error.find_root();
    let kind = match root {
        DataFusionError::ResourcesExhausted(_) => "limit",
        DataFusionError::Execution(message) if message.starts_with("UDF `") => "trap",
        DataFusionError::Plan(_) | DataFusionError::SQL(..) | DataFusionError::SchemaError(..) => "bad_request",
        _ => "execution_error",
    };
    json!({"kind": kind, "message": root.to_string()})
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExecutionStatus {
    pub id: String,
    /// queued, compiling, running, succeeded, failed or cancelled.
    pub status: String,
    pub progress: Progress,
    pub timings: Timings,
    /// On failure: `kind` (compile_error, division_by_zero, time_limit, memory_limit, limit,
    /// bad_request, interrupted, ...), `message`, and where known `function`, `row`, `values`
    /// (input values by column) or `diagnostics` (`[{severity, line, column, message}]`).
    #[schema(value_type = Option<Object>)]
    pub error: Option<Value>,
    pub created_at: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Progress {
    /// Rows in the input dataset (MAP/FILTER executions).
    pub rows_in: i64,
    /// Rows produced so far.
    pub rows_processed: i64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Timings {
    pub compile_ms: Option<i64>,
    pub run_ms: Option<i64>,
}

/// An execution's status, progress, timings and error.
#[utoipa::path(get, path = "/executions/{id}", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 200, body = ExecutionStatus), (status = 404, body = crate::error::ErrorBody)))]
pub async fn status(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<ExecutionStatus>, ApiError> {
    let record = state
        .store
        .execution(tenant.id, &id)?
        .ok_or_else(|| ApiError::not_found("execution", &id))?;
    let (rows_in, rows_processed) = match state.progress.rows(&id) {
        Some((rows_in, done)) => (rows_in.map_or(record.rows_in, |n| n as i64), done as i64),
        None => (record.rows_in, record.rows_out),
    };
    Ok(Json(ExecutionStatus {
        id: record.id,
        status: record.status,
        progress: Progress {
            rows_in,
            rows_processed,
        },
        timings: Timings {
            compile_ms: record.compile_ms,
            run_ms: record.run_ms,
        },
        error: record.error.and_then(|text| serde_json::from_str(&text).ok()),
        created_at: record.created_at,
    }))
}

/// Cancel a running execution; its guest stops within one epoch tick.
#[utoipa::path(delete, path = "/executions/{id}", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 202, description = "Cancelling"), (status = 404, body = crate::error::ErrorBody),
        (status = 409, body = crate::error::ErrorBody, description = "Not running")))]
pub async fn cancel(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
) -> Result<StatusCode, ApiError> {
    let record = state
        .store
        .execution(tenant.id, &id)?
        .ok_or_else(|| ApiError::not_found("execution", &id))?;
    if state.progress.cancel(&id, tenant.id) {
        Ok(StatusCode::ACCEPTED)
    } else {
        Err(ApiError::new(
            StatusCode::CONFLICT,
            "not_running",
            format!("execution `{id}` already {}", record.status),
        ))
    }
}

/// The finished result of one of the caller's executions.
async fn result_frame(state: &AppState, tenant: TenantId, id: &str) -> Result<DataFrame, ApiError> {
    let record = state
        .store
        .execution(tenant, id)?
        .ok_or_else(|| ApiError::not_found("execution", id))?;
    if record.status != "succeeded" {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "no_results",
            format!("execution `{id}` is {}, it has no results", record.status),
        ));
    }
    let context = SessionContext::new();
    let path = state.result_file(id);
    context
        .read_parquet(path.to_string_lossy().as_ref(), ParquetReadOptions::default())
        .await
        .map_err(|error| ApiError::internal("reading results", error))
}

/// A page of an execution's result.
#[utoipa::path(get, path = "/executions/{id}/results", tag = "executions",
    params(("id" = String, Path, description = "Execution id"), Page),
    responses((status = 200, body = Table), (status = 404, body = crate::error::ErrorBody),
        (status = 409, body = crate::error::ErrorBody, description = "Not succeeded")))]
pub async fn results(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
    page: Result<Query<Page>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Table>, ApiError> {
    let Query(page) = page?;
    let frame = result_frame(&state, tenant.id, &id).await?;
    let columns = columns(frame.schema().as_arrow());
    let total_rows = frame
        .clone()
        .count()
        .await
        .map_err(|error| ApiError::internal("reading results", error))?;
    let batches = frame
        .limit(page.offset, Some(page.limit.min(MAX_PAGE_ROWS)))
        .map_err(|error| ApiError::internal("reading results", error))?
        .collect()
        .await
        .map_err(|error| ApiError::internal("reading results", error))?;
    Ok(Json(Table {
        columns,
        rows: json_rows(&batches),
        total_rows,
    }))
}

/// The whole result as CSV.
#[utoipa::path(get, path = "/executions/{id}/results.csv", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = crate::error::ErrorBody),
        (status = 409, body = crate::error::ErrorBody)))]
pub async fn results_csv(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    let frame = result_frame(&state, tenant.id, &id).await?;
    let batches = frame
        .collect()
        .await
        .map_err(|error| ApiError::internal("reading results", error))?;
    let mut bytes = Vec::new();
    {
        let mut writer = wasmudf_datafusion::datafusion::arrow::csv::WriterBuilder::new()
            .with_header(true)
            .build(&mut bytes);
        for batch in &batches {
            writer
                .write(batch)
                .map_err(|error| ApiError::internal("writing CSV", error))?;
        }
    }
    Ok(download(bytes, "text/csv; charset=utf-8", &format!("{id}.csv")))
}

/// The whole result as Parquet.
#[utoipa::path(get, path = "/executions/{id}/results.parquet", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 200, content_type = "application/vnd.apache.parquet", body = Vec<u8>),
        (status = 404, body = crate::error::ErrorBody), (status = 409, body = crate::error::ErrorBody)))]
pub async fn results_parquet(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    result_frame(&state, tenant.id, &id).await?;
    let bytes = std::fs::read(state.result_file(&id)).map_err(|error| ApiError::internal("reading results", error))?;
    Ok(download(
        bytes,
        "application/vnd.apache.parquet",
        &format!("{id}.parquet"),
    ))
}

fn download(bytes: Vec<u8>, content_type: &str, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        Body::from(bytes),
    )
        .into_response()
}
