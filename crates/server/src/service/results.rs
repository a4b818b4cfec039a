//! Stored results, read back: a page as a DataFrame, or the whole result streamed as CSV or
//! Parquet without holding it in memory.

use std::io::Read;

use axum::body::Bytes;
use datafusion::dataframe::DataFrame;
use datafusion::prelude::{ParquetReadOptions, SessionContext};
use futures::{Stream, StreamExt};

use crate::error::{ApiError, ErrorCode};
use crate::outcome::ExecutionStatus;
use crate::state::AppState;
use crate::store::TenantId;

/// Bytes read from a result file per chunk of a download.
const CHUNK_BYTES: usize = 1 << 20;

/// The finished result of one of the caller's executions.
pub(crate) async fn frame(state: &AppState, tenant: TenantId, id: &str) -> Result<DataFrame, ApiError> {
    let record = state
        .store
        .execution(tenant, id)?
        .ok_or_else(|| ApiError::not_found("execution", id))?;
    if record.status != ExecutionStatus::Succeeded {
        return Err(ApiError::new(
            ErrorCode::NoResults,
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

/// The whole result as CSV, one record batch at a time: memory stays at one batch whatever the
/// result's size. An error mid-stream ends the download early (the client sees a truncated
/// body); it is logged.
pub(crate) async fn csv_stream(
    frame: DataFrame,
) -> Result<impl Stream<Item = Result<Bytes, std::io::Error>>, ApiError> {
    let batches = frame
        .execute_stream()
        .await
        .map_err(|error| ApiError::internal("reading results", error))?;
    let mut first = true;
    Ok(batches.map(move |batch| {
        let batch = batch.map_err(|error| download_error("reading results", error))?;
        let mut bytes = Vec::new();
        {
            let mut writer = datafusion::arrow::csv::WriterBuilder::new()
                .with_header(first)
                .build(&mut bytes);
            writer
                .write(&batch)
                .map_err(|error| download_error("writing CSV", error))?;
        }
        first = false;
        Ok(Bytes::from(bytes))
    }))
}

/// The stored Parquet file, in chunks read off the async workers.
pub(crate) fn file_stream(path: std::path::PathBuf) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    futures::stream::unfold(Some((path, 0u64)), |cursor| async move {
        let (path, offset) = cursor?;
        let read = tokio::task::spawn_blocking(move || -> std::io::Result<(std::path::PathBuf, Vec<u8>)> {
            let mut file = std::fs::File::open(&path)?;
            std::io::Seek::seek(&mut file, std::io::SeekFrom::Start(offset))?;
            let mut chunk = Vec::with_capacity(CHUNK_BYTES);
            file.by_ref().take(CHUNK_BYTES as u64).read_to_end(&mut chunk)?;
            Ok((path, chunk))
        })
        .await;
        match read {
            Ok(Ok((_, chunk))) if chunk.is_empty() => None,
            Ok(Ok((path, chunk))) => {
                let next = offset + chunk.len() as u64;
                Some((Ok(Bytes::from(chunk)), Some((path, next))))
            }
            Ok(Err(error)) => Some((Err(download_error("reading results", error)), None)),
            Err(error) => Some((Err(download_error("reading results", error)), None)),
        }
    })
}

fn download_error(context: &str, error: impl std::fmt::Display) -> std::io::Error {
    eprintln!("wasmudf-server: download failed while {context}: {error}");
    std::io::Error::other(format!("download failed while {context}"))
}
