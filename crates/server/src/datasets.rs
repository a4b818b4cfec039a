//! `/api/v1/datasets`: list, upload, schema, rows, delete.

use std::path::Path;
use wasmudf_files::StagedFile;

use axum::Json;
use axum::extract::{Multipart, Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use datafusion::dataframe::DataFrame;
use datafusion::prelude::SessionContext;
use serde::{Deserialize, Serialize};
use wasmudf_datafusion::{FileFormat, SessionOptions, new_session, register_file};

use crate::auth::Caller;
use crate::error::{ApiError, ErrorCode};
use crate::rows::{ColumnInfo, columns, json_rows};
use crate::state::AppState;
use crate::store::DatasetRecord;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DatasetInfo {
    pub name: String,
    /// csv, parquet or ndjson.
    pub format: &'static str,
    pub bytes: i64,
    pub shared: bool,
    /// Whether the caller owns it (shared datasets of others are read-only).
    pub owned: bool,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DatasetList {
    pub datasets: Vec<DatasetInfo>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Schema {
    pub columns: Vec<ColumnInfo>,
}

/// A page of rows: `rows[i][j]` is column `j` of row `offset + i`; NULL is `null`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Table {
    pub columns: Vec<ColumnInfo>,
    #[schema(value_type = Vec<Vec<Object>>)]
    pub rows: Vec<Vec<serde_json::Value>>,
    pub total_rows: usize,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// Rows to skip.
    #[serde(default)]
    pub offset: usize,
    /// Rows to return (at most 10000; default 100).
    #[serde(default = "default_limit")]
    pub limit: usize,
}

/// What an upload became.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UploadedDataset {
    pub name: String,
    pub rows: usize,
    pub columns: Vec<ColumnInfo>,
}

/// The multipart form of an upload.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // Describes the form for the OpenAPI document; the handler reads it as a stream.
pub struct UploadForm {
    /// A .csv, .parquet, .json, .ndjson or .jsonl file.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// The dataset's name; the file's stem when absent.
    name: Option<String>,
}

fn default_limit() -> usize {
    100
}

/// Rows per page at most.
pub const MAX_PAGE_ROWS: usize = 10_000;

fn format_name(file: &str) -> &'static str {
    FileFormat::from_path(Path::new(file)).map_or("unknown", FileFormat::name)
}

/// The caller's datasets and the shared ones.
#[utoipa::path(get, path = "/datasets", tag = "datasets", responses((status = 200, body = DatasetList)))]
pub async fn list(State(state): State<AppState>, Caller(tenant): Caller) -> Result<Json<DatasetList>, ApiError> {
    let datasets = state
        .store
        .list_datasets(tenant.id)?
        .into_iter()
        .map(|record| DatasetInfo {
            format: format_name(&record.file),
            owned: record.owner == tenant.id,
            name: record.name,
            bytes: record.bytes,
            shared: record.shared,
        })
        .collect();
    Ok(Json(DatasetList { datasets }))
}

/// Opens a readable dataset as a DataFrame in a fresh session in this process.
pub async fn open(state: &AppState, tenant: i64, name: &str) -> Result<(SessionContext, DataFrame), ApiError> {
    let context = new_session(state.builder.clone(), &SessionOptions::default());
    open_in(context, state, tenant, name).await
}

/// Opens a readable dataset as a DataFrame in `context` (in process, or on the cluster).
pub async fn open_in(
    context: SessionContext,
    state: &AppState,
    tenant: i64,
    name: &str,
) -> Result<(SessionContext, DataFrame), ApiError> {
    let record = state
        .store
        .readable_dataset(tenant, name)?
        .ok_or_else(|| ApiError::not_found("dataset", name))?;
    let path = state.dataset_path(record.owner, &record.file);
    register_file(&context, "data", &path)
        .await
        .map_err(|error| ApiError::internal("opening a dataset", error))?;
    let frame = context
        .table("data")
        .await
        .map_err(|error| ApiError::internal("opening a dataset", error))?;
    Ok((context, frame))
}

/// A dataset's columns and their types.
#[utoipa::path(get, path = "/datasets/{name}/schema", tag = "datasets",
    params(("name" = String, Path, description = "Dataset name")),
    responses((status = 200, body = Schema), (status = 404, body = crate::error::ErrorBody)))]
pub async fn schema(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(name): UrlPath<String>,
) -> Result<Json<Schema>, ApiError> {
    let (_, frame) = open(&state, tenant.id, &name).await?;
    Ok(Json(Schema {
        columns: columns(frame.schema().as_arrow()),
    }))
}

/// A page of a dataset's rows.
#[utoipa::path(get, path = "/datasets/{name}/rows", tag = "datasets",
    params(("name" = String, Path, description = "Dataset name"), Page),
    responses((status = 200, body = Table), (status = 400, body = crate::error::ErrorBody),
        (status = 404, body = crate::error::ErrorBody)))]
pub async fn rows(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(name): UrlPath<String>,
    page: Result<Query<Page>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Table>, ApiError> {
    let Query(page) = page?;
    let (_, frame) = open(&state, tenant.id, &name).await?;
    let columns = columns(frame.schema().as_arrow());
    let total_rows = frame.clone().count().await.map_err(|error| read_error(&state, error))?;
    let limit = page.limit.min(MAX_PAGE_ROWS);
    // One partition: a page holds the rows at those numbers in the file, the numbers a trap's
    // `table_row` uses, however the file is split.
    let batches = wasmudf_datafusion::in_table_order(frame)
        .limit(page.offset, Some(limit))
        .map_err(|error| read_error(&state, error))?
        .collect()
        .await
        .map_err(|error| read_error(&state, error))?;
    Ok(Json(Table {
        columns,
        rows: json_rows(&batches),
        total_rows,
    }))
}

/// A data file that fails to read is the uploader's problem; say what failed, without paths.
fn read_error(state: &AppState, error: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::UnreadableDataset,
        crate::scrub_paths(&state.data_dir, &error.to_string()),
    )
}

/// The schema and row count of an uploaded file (staged at `path`), read completely. Errors
/// name the file as the user did (`file_name`), not as it sits on the server.
async fn read_back(state: &AppState, path: &Path, file_name: &str) -> Result<(Schema, usize), ApiError> {
    let fail = |error: datafusion::error::DataFusionError| match unreadable_file(&error, file_name) {
        Some(sentence) => ApiError::new(ErrorCode::UnreadableDataset, sentence),
        None => read_error(state, crate::replace_path(&error.to_string(), path, file_name)),
    };
    let context = new_session(state.builder.clone(), &SessionOptions::default());
    register_file(&context, "upload", path).await.map_err(fail)?;
    let frame = context.table("upload").await.map_err(fail)?;
    let schema = Schema {
        columns: columns(frame.schema().as_arrow()),
    };
    let rows = frame.count().await.map_err(fail)?;
    Ok((schema, rows))
}

/// A file that does not read as its format, in a sentence (the engine's own text names its
/// readers: "Error when processing CSV file ... caused by Arrow error: Csv error: ...").
fn unreadable_file(error: &datafusion::error::DataFusionError, file_name: &str) -> Option<String> {
    let datafusion::error::DataFusionError::ArrowError(arrow, _) = error.find_root() else {
        return None;
    };
    match arrow.as_ref() {
        datafusion::arrow::error::ArrowError::CsvError(detail) => {
            let problem = match ragged_line(detail) {
                Some((line, expected, found)) => format!(
                    "line {line} has {found} fields where the header has {expected} (a field with a comma \
                     must be quoted: \"a, b\")"
                ),
                None => detail.trim_end_matches('.').to_string(),
            };
            Some(format!("{file_name} is not a CSV file wasmudf can read: {problem}"))
        }
        datafusion::arrow::error::ArrowError::JsonError(detail) => Some(format!(
            "{file_name} is not newline-delimited JSON wasmudf can read (one object per line): {detail}"
        )),
        datafusion::arrow::error::ArrowError::ParseError(detail) => Some(format!(
            "{file_name} has a value its column's type cannot hold: {detail}"
        )),
        _ => None,
    }
}

/// (line, fields expected, fields found) of the CSV reader's two ways of saying a line is ragged:
/// `incorrect number of fields for line 3, expected 2 got 3` (reading) and `... Expected 2
/// records, found 3 records at line 3` (inferring the schema).
fn ragged_line(detail: &str) -> Option<(u64, u64, u64)> {
    let numbers: Vec<u64> = detail
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|part| part.parse().ok())
        .collect();
    match numbers[..] {
        [line, expected, found] if detail.contains("incorrect number of fields for line") => {
            Some((line, expected, found))
        }
        [expected, found, line] if detail.contains("unequal lengths between records") => Some((line, expected, found)),
        _ => None,
    }
}

/// Delete one of the caller's own datasets.
#[utoipa::path(delete, path = "/datasets/{name}", tag = "datasets",
    params(("name" = String, Path, description = "Dataset name")),
    responses((status = 204), (status = 404, body = crate::error::ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    UrlPath(name): UrlPath<String>,
) -> Result<StatusCode, ApiError> {
    let record = state
        .store
        .delete_dataset(tenant.id, &name)?
        .ok_or_else(|| ApiError::not_found("dataset", &name))?;
    let _ = std::fs::remove_file(state.dataset_path(tenant.id, &record.file));
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/datasets", tag = "datasets",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, body = UploadedDataset),
        (status = 400, body = crate::error::ErrorBody, description = "Unsupported format, bad name, rows that do not parse"),
        (status = 409, body = crate::error::ErrorBody, description = "A dataset of that name exists"),
        (status = 413, body = crate::error::ErrorBody, description = "Larger than the tenant's upload limit")))]
/// `POST /api/v1/datasets`: multipart field `file` (CSV, Parquet or NDJSON by extension) and an
/// optional `name`. The upload is written next to its final place, read back completely (so a
/// CSV row that does not parse is refused now, with its line), and only then renamed into place
/// and recorded: a half-written upload never appears as a dataset.
pub async fn upload(
    State(state): State<AppState>,
    Caller(tenant): Caller,
    mut multipart: Multipart,
) -> Result<impl IntoResponse, ApiError> {
    let directory = state.datasets_dir(tenant.id);
    std::fs::create_dir_all(&directory).map_err(|error| ApiError::internal("storing an upload", error))?;
    let mut name = None;
    let mut staged: Option<(StagedFile, String, String, usize)> = None;
    while let Some(mut field) = multipart.next_field().await? {
        match field.name() {
            Some("name") => name = Some(field.text().await?),
            Some("file") => {
                let file_name = field.file_name().unwrap_or("upload.csv").to_string();
                let extension = Path::new(&file_name)
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .filter(|e| FileFormat::from_extension(e).is_some())
                    .ok_or_else(|| {
                        ApiError::new(
                            ErrorCode::UnsupportedFormat,
                            format!("`{file_name}` is not a {} file", FileFormat::EXTENSIONS),
                        )
                    })?;
                let staging = StagedFile::in_directory(&directory, &format!(".{extension}"))
                    .map_err(|error| ApiError::internal("storing an upload", error))?;
                let mut bytes = 0usize;
                let mut writer = staging
                    .reopen()
                    .map_err(|error| ApiError::internal("storing an upload", error))?;
                while let Some(chunk) = field.chunk().await? {
                    bytes += chunk.len();
                    if bytes > state.limits.max_upload_bytes {
                        return Err(ApiError::new(
                            ErrorCode::UploadTooLarge,
                            format!(
                                "the upload is larger than this tenant's limit of {} bytes",
                                state.limits.max_upload_bytes
                            ),
                        ));
                    }
                    std::io::Write::write_all(&mut writer, &chunk)
                        .map_err(|error| ApiError::internal("storing an upload", error))?;
                }
                let stem = Path::new(&file_name)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("dataset")
                    .to_string();
                staged = Some((staging, file_name, stem, bytes));
            }
            _ => {}
        }
    }
    let (staging, file_name, stem, bytes) =
        staged.ok_or_else(|| ApiError::new(ErrorCode::MissingFile, "the multipart field `file` is missing"))?;
    let name = dataset_name(name.as_deref().unwrap_or(&stem))?;
    if state
        .store
        .readable_dataset(tenant.id, &name)?
        .is_some_and(|d| d.owner == tenant.id)
    {
        return Err(ApiError::new(
            ErrorCode::DatasetExists,
            format!("a dataset named `{name}` exists; delete it first"),
        ));
    }
    // Read it all back before it becomes visible. In a task of its own: a reader that panics
    // on a crafted file (the parquet crate's overflow checks) fails this upload, not the server.
    let read_back = {
        let (state, path, file_name) = (state.clone(), staging.path().to_path_buf(), file_name.clone());
        tokio::spawn(async move { read_back(&state, &path, &file_name).await })
    };
    let (schema, rows) = read_back.await.unwrap_or_else(|_| {
        Err(ApiError::new(
            ErrorCode::UnreadableDataset,
            format!("`{file_name}` could not be read: it is not a valid file of its kind"),
        ))
    })?;
    let extension = staging
        .path()
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("csv")
        .to_string();
    let file = format!("{name}.{extension}");
    // Syncing up to the upload limit takes a while: off the API's threads.
    let target = directory.join(&file);
    tokio::task::spawn_blocking(move || staging.commit(&target))
        .await
        .map_err(|error| ApiError::internal("storing an upload", error))?
        .map_err(|error| ApiError::internal("storing an upload", error))?;
    let record = DatasetRecord {
        name: name.clone(),
        owner: tenant.id,
        file,
        shared: false,
        bytes: bytes as i64,
    };
    state.store.insert_dataset(tenant.id, &record)?;
    Ok((
        StatusCode::CREATED,
        Json(UploadedDataset {
            name,
            rows,
            columns: schema.columns,
        }),
    ))
}

/// A dataset's name, checked by [`crate::check_name`].
pub fn dataset_name(text: &str) -> Result<String, ApiError> {
    crate::check_name("dataset", text)
        .map(|()| text.to_string())
        .map_err(|message| ApiError::new(ErrorCode::BadName, message))
}
