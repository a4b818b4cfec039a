//! `/api/v1/executions`: HTTP only; the execution service (`service/`) does the work.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::datasets::{MAX_PAGE_ROWS, Page, Table};
use crate::error::ApiError;
use crate::outcome::{ErrorKind, ExecutionError, ExecutionStatus};
use crate::rows::{columns, json_rows};
use crate::service::{self, ExecutionBody};
use crate::state::AppState;

/// `{"id": ...}` of an accepted execution.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExecutionCreated {
    pub id: String,
}

/// Start an execution: the paper's ExecutionRequest, or SQL.
#[utoipa::path(post, path = "/executions", tag = "executions", request_body = ExecutionBody,
    responses(
        (status = 202, body = ExecutionCreated, description = "Accepted; poll its status"),
        (status = 400, body = crate::error::ErrorBody, description = "Malformed request, unknown column, type mismatch, a SQL statement that is not allowed (`statement_not_allowed`), SQL that does not parse (`sql_syntax_error`), SQL or a program over its size cap (`sql_too_large`, `program_too_large`), SQL whose shape is over a cap (`sql_too_deep`)"),
        (status = 404, body = crate::error::ErrorBody, description = "Unknown dataset"),
        (status = 413, body = crate::error::ErrorBody, description = "The request body is over the limit (`body_too_large`)"),
        (status = 429, body = crate::error::ErrorBody, description = "Too many executions or compiles of this tenant"),
        (status = 503, body = crate::error::ErrorBody, description = "The server runs as many executions as it takes (`server_busy`, with `Retry-After`)"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    body: Result<Json<ExecutionBody>, axum::extract::rejection::JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let Json(body) = body?;
    let id = service::submit(&state, tenant.id, &body).await?;
    Ok((StatusCode::ACCEPTED, Json(ExecutionCreated { id })))
}

/// An execution as its tenant sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Execution {
    pub id: String,
    pub status: ExecutionStatus,
    pub progress: Progress,
    pub timings: Timings,
    /// Why it failed (or that it was cancelled).
    pub error: Option<ExecutionError>,
    pub created_at: String,
    /// What was asked, as it was sent: the code, the dataset, the columns, or the SQL. Lets a
    /// page reopen a past execution.
    pub request: Option<ExecutionBody>,
}

/// One line of a tenant's history of executions.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExecutionSummary {
    pub id: String,
    pub status: ExecutionStatus,
    /// `MAP`, `FILTER`, `AGGREGATE` or `SQL`.
    pub operation: String,
    /// The function of an ExecutionRequest.
    pub function_name: Option<String>,
    /// The dataset of an ExecutionRequest.
    pub data: Option<String>,
    /// The first line of the SQL of a SQL execution, shortened.
    pub sql: Option<String>,
    pub rows_in: i64,
    pub rows_out: i64,
    /// The error's kind, when it failed.
    pub error_kind: Option<ErrorKind>,
    pub created_at: String,
}

/// A page of a tenant's executions, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ExecutionList {
    pub executions: Vec<ExecutionSummary>,
    /// The `before` of the next (older) page, when there may be one.
    pub next: Option<String>,
}

/// Which page of the history.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryPage {
    /// Only executions older than this one (the previous page's `next`).
    pub before: Option<String>,
    /// Executions to return (at most 100; default 20).
    #[serde(default = "default_history_limit")]
    pub limit: usize,
}

fn default_history_limit() -> usize {
    20
}

const MAX_HISTORY_PAGE: usize = 100;

/// The caller's executions, newest first, a page at a time.
#[utoipa::path(get, path = "/executions", tag = "executions", params(HistoryPage),
    responses((status = 200, body = ExecutionList), (status = 400, body = crate::error::ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    page: Result<Query<HistoryPage>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ExecutionList>, ApiError> {
    let Query(page) = page?;
    let limit = page.limit.clamp(1, MAX_HISTORY_PAGE);
    let records = state.store.list_executions(tenant.id, page.before.as_deref(), limit)?;
    let next = (records.len() == limit)
        .then(|| records.last().map(|record| record.id.clone()))
        .flatten();
    let executions = records.into_iter().map(|record| summary(&state, record)).collect();
    Ok(Json(ExecutionList { executions, next }))
}

/// A stored request as its tenant may see it again: a path into the server's data directory that
/// the tenant typed (a guess, refused when it ran) comes back as `<data>`, like every answer.
fn echoed_request(state: &AppState, stored: &str) -> Option<ExecutionBody> {
    let mut request: ExecutionBody = serde_json::from_str(stored).ok()?;
    let scrub = |text: &mut Option<String>| {
        if let Some(text) = text.as_mut() {
            *text = crate::scrub_paths(&state.data_dir, text);
        }
    };
    scrub(&mut request.program);
    scrub(&mut request.sql);
    scrub(&mut request.data);
    Some(request)
}

fn summary(state: &AppState, record: crate::store::ExecutionListing) -> ExecutionSummary {
    let scrub = |text: String| crate::scrub_paths(&state.data_dir, &text);
    let sql = record.sql.map(scrub).map(|sql| {
        let first = sql
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty() && !line.starts_with("--"))
            .unwrap_or("");
        let mut shown: String = first.chars().take(80).collect();
        if first.chars().count() > 80 {
            shown.push('…');
        }
        shown
    });
    let operation = if sql.is_some() {
        "SQL".to_string()
    } else {
        record.operation.unwrap_or_default().to_ascii_uppercase()
    };
    ExecutionSummary {
        id: record.id,
        status: record.status,
        operation,
        function_name: record.function_name,
        data: record.data.map(scrub),
        sql,
        rows_in: record.rows_in,
        rows_out: record.rows_out,
        error_kind: record.error.map(|error| error.kind),
        created_at: record.created_at,
    }
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
    responses((status = 200, body = Execution), (status = 404, body = crate::error::ErrorBody)))]
pub async fn status(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<Execution>, ApiError> {
    let record = state
        .store
        .execution(tenant.id, &id)?
        .ok_or_else(|| ApiError::not_found("execution", &id))?;
    let (rows_in, rows_processed) = match state.progress.rows(&id) {
        Some((rows_in, done)) => (rows_in.map_or(record.rows_in, |n| n as i64), done as i64),
        None => (record.rows_in, record.rows_out),
    };
    Ok(Json(Execution {
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
        error: record.error,
        created_at: record.created_at,
        request: echoed_request(&state, &record.request),
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
    service::cancel(&state, tenant.id, &id)?;
    Ok(StatusCode::ACCEPTED)
}

/// A page of an execution's result.
/// The deepest row a sorted page may reach (offset + limit): a sorted read keeps the rows before
/// the page in memory.
const MAX_SORTED_ROWS: usize = 100_000;

/// How a page of a result is sorted: by one of its columns, over the whole result.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResultOrder {
    /// A column of the result to sort by (NULLs last); unsorted when absent.
    pub order_by: Option<String>,
    /// Largest first.
    #[serde(default)]
    pub desc: bool,
}

#[utoipa::path(get, path = "/executions/{id}/results", tag = "executions",
    params(("id" = String, Path, description = "Execution id"), Page, ResultOrder),
    responses((status = 200, body = Table), (status = 400, body = crate::error::ErrorBody, description = "No such column to sort by"),
        (status = 404, body = crate::error::ErrorBody),
        (status = 409, body = crate::error::ErrorBody, description = "Not succeeded")))]
pub async fn results(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
    page: Result<Query<Page>, axum::extract::rejection::QueryRejection>,
    order: Result<Query<ResultOrder>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Table>, ApiError> {
    let Query(page) = page?;
    let Query(order) = order?;
    let mut frame = service::results::frame(&state, tenant.id, &id).await?;
    let columns = columns(frame.schema().as_arrow());
    let total_rows = frame
        .clone()
        .count()
        .await
        .map_err(|error| ApiError::internal("reading results", error))?;
    if let Some(name) = &order.order_by {
        // A sorted page keeps every row before it while the result is read: bounded.
        let end = page.offset.saturating_add(page.limit.min(MAX_PAGE_ROWS));
        if end > MAX_SORTED_ROWS {
            return Err(ApiError::new(
                crate::error::ErrorCode::BadQuery,
                format!(
                    "a sorted result can be paged through its first {MAX_SORTED_ROWS} rows; download it \
                     (results.csv or results.parquet) to see it all"
                ),
            ));
        }
        if !columns.iter().any(|column| column.name == *name) {
            let names: Vec<&str> = columns.iter().map(|column| column.name.as_str()).collect();
            return Err(ApiError::new(
                crate::error::ErrorCode::UnknownColumn,
                format!(
                    "the result has no column `{name}` to sort by; it has {}",
                    names.join(", ")
                ),
            ));
        }
        // Taken literally (no SQL case folding); with the page's limit the engine keeps only the
        // rows up to the page's end (at most MAX_SORTED_ROWS) while it reads.
        let key = datafusion::prelude::Expr::Column(datafusion::common::Column::new_unqualified(name));
        frame = frame
            .sort(vec![key.sort(!order.desc, false)])
            .map_err(|error| ApiError::internal("sorting results", error))?;
    }
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

/// Which column of a result to chart, in how many bins.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistogramQuery {
    /// A column of the result; the last one (a MAP's new column) when absent.
    pub column: Option<String>,
    /// Bins of a numeric column, 1 to 100.
    #[serde(default = "default_bins")]
    pub bins: usize,
}

fn default_bins() -> usize {
    20
}

/// How one column of an execution's result spreads, over the whole result: equal-width bins of
/// a numeric column, the most frequent values of any other.
#[utoipa::path(get, path = "/executions/{id}/histogram", tag = "executions",
    params(("id" = String, Path, description = "Execution id"), HistogramQuery),
    responses((status = 200, body = service::Histogram),
        (status = 400, body = crate::error::ErrorBody, description = "No such column, or one that is not charted"),
        (status = 404, body = crate::error::ErrorBody),
        (status = 409, body = crate::error::ErrorBody, description = "Not succeeded")))]
pub async fn histogram(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
    query: Result<Query<HistogramQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<service::Histogram>, ApiError> {
    let Query(query) = query?;
    let frame = service::results::frame(&state, tenant.id, &id).await?;
    let column = match query.column {
        Some(column) => column,
        None => frame
            .schema()
            .fields()
            .last()
            .map(|field| field.name().clone())
            .unwrap_or_default(),
    };
    Ok(Json(service::results::histogram(frame, &column, query.bins).await?))
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
    let frame = service::results::frame(&state, tenant.id, &id).await?;
    let stream = service::results::csv_stream(frame).await?;
    Ok(download(
        Body::from_stream(stream),
        "text/csv; charset=utf-8",
        &format!("{id}.csv"),
    ))
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
    service::results::frame(&state, tenant.id, &id).await?;
    let stream = service::results::file_stream(state.result_file(&id));
    Ok(download(
        Body::from_stream(stream),
        "application/vnd.apache.parquet",
        &format!("{id}.parquet"),
    ))
}

/// What the execution's functions printed (`printf`, `puts`, `wasmudf_log`), as text: at most
/// 1 KiB per row and 64 KiB per execution, cuts marked. Empty until the execution ends, and for
/// one that printed nothing.
#[utoipa::path(get, path = "/executions/{id}/log", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 200, content_type = "text/plain", body = String), (status = 404, body = crate::error::ErrorBody)))]
pub async fn log(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    state
        .store
        .execution(tenant.id, &id)?
        .ok_or_else(|| ApiError::not_found("execution", &id))?;
    let text = match tokio::fs::read(state.log_file(&id)).await {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(error) => return Err(ApiError::internal("reading an execution's log", error)),
    };
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}

fn download(body: Body, content_type: &str, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
