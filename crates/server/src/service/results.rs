//! Stored results, read back: a page as a DataFrame, or the whole result streamed as CSV or
//! Parquet without holding it in memory.

use std::io::Read;

use axum::body::Bytes;
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::common::Column;
use datafusion::dataframe::DataFrame;
use datafusion::error::DataFusionError;
use datafusion::logical_expr::Expr;
use datafusion::prelude::{ParquetReadOptions, SessionContext};
use futures::{Stream, StreamExt};
use serde::Serialize;

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
    // Reads of a result (pages, sorted pages, charts) run on the API's runtime: under the
    // execution memory limit, with nothing spilled to disk.
    let runtime = datafusion::execution::runtime_env::RuntimeEnvBuilder::new()
        .with_memory_limit(state.limits.max_execution_memory_bytes, 1.0)
        .with_disk_manager_builder(
            datafusion::execution::disk_manager::DiskManagerBuilder::default()
                .with_mode(datafusion::execution::disk_manager::DiskManagerMode::Disabled),
        )
        .build_arc()
        .map_err(|error| ApiError::internal("reading results", error))?;
    let context = SessionContext::new_with_config_rt(datafusion::prelude::SessionConfig::new(), runtime);
    let path = state.result_file(id);
    // In the file's order, one partition: a page's rows do not depend on how the read is split.
    context
        .read_parquet(path.to_string_lossy().as_ref(), ParquetReadOptions::default())
        .await
        .map(wasmudf_datafusion::in_table_order)
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

/// Most bins of a numeric histogram.
pub const MAX_HISTOGRAM_BINS: usize = 100;
/// Values of a categorical histogram shown on their own; the rest are counted together.
pub const HISTOGRAM_CATEGORIES: usize = 12;

/// How a result column's values spread, over every row of the result.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Histogram {
    pub column: String,
    pub kind: HistogramKind,
    /// Numeric: equal-width bins from the smallest to the largest finite value. Categorical: the
    /// most frequent values, most frequent first.
    pub bins: Vec<HistogramBin>,
    /// Rows of the result.
    pub rows: u64,
    /// Rows where the column is NULL.
    pub nulls: u64,
    /// Values not in a bin: NaN and infinities (numeric), values past the most frequent
    /// (categorical).
    pub other: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HistogramKind {
    Numeric,
    Categorical,
}

/// A numeric bin `[low, high)` (the last one includes `high`), or one categorical value.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HistogramBin {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub count: u64,
}

/// Charts drawn at once, server-wide: each reads a whole result two or three times.
static CHARTS_AT_ONCE: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// The histogram of `column` over the whole of `frame`, in two aggregations the engine runs over
/// the stored result (never more than `bins` or [`HISTOGRAM_CATEGORIES`] groups come back),
/// under the memory limit `frame` reads with; at most [`CHARTS_AT_ONCE`] at a time.
pub(crate) async fn histogram(frame: DataFrame, column: &str, bins: usize) -> Result<Histogram, ApiError> {
    if !(1..=MAX_HISTOGRAM_BINS).contains(&bins) {
        return Err(ApiError::new(
            ErrorCode::BadQuery,
            format!("bins must be 1 to {MAX_HISTOGRAM_BINS}, not {bins}"),
        ));
    }
    let _turn = CHARTS_AT_ONCE
        .acquire()
        .await
        .map_err(|error| ApiError::internal("charting results", error))?;
    chart(frame, column, bins).await.map_err(|error| match error {
        ChartError::Api(error) => error,
        ChartError::Engine(error) => match error.find_root() {
            DataFusionError::ResourcesExhausted(_) => ApiError::new(
                ErrorCode::BadQuery,
                format!("`{column}` has too many distinct values to chart within the memory limit; sort by it instead"),
            ),
            _ => ApiError::internal("charting results", error),
        },
    })
}

enum ChartError {
    Api(ApiError),
    Engine(DataFusionError),
}

impl From<DataFusionError> for ChartError {
    fn from(error: DataFusionError) -> Self {
        ChartError::Engine(error)
    }
}

impl From<ApiError> for ChartError {
    fn from(error: ApiError) -> Self {
        ChartError::Api(error)
    }
}

/// The first value of column `index` of the first non-empty batch.
fn first_value<T: datafusion::arrow::datatypes::ArrowPrimitiveType>(
    batches: &[RecordBatch],
    index: usize,
) -> Option<T::Native> {
    use datafusion::arrow::array::{Array, AsArray};
    let batch = batches.iter().find(|batch| batch.num_rows() > 0)?;
    let values = batch.column(index).as_primitive_opt::<T>()?;
    values.is_valid(0).then(|| values.value(0))
}

async fn chart(frame: DataFrame, column: &str, bins: usize) -> Result<Histogram, ChartError> {
    use datafusion::arrow::array::AsArray;
    use datafusion::arrow::datatypes::{DataType, Float64Type, Int64Type};
    use datafusion::functions::expr_fn::{abs, floor};
    use datafusion::functions_aggregate::expr_fn::{count, max, min};
    use datafusion::logical_expr::{cast, lit, when};

    let field = frame
        .schema()
        .as_arrow()
        .fields()
        .iter()
        .find(|field| field.name() == column)
        .cloned()
        .ok_or_else(|| {
            let names: Vec<String> = frame
                .schema()
                .fields()
                .iter()
                .map(|field| field.name().clone())
                .collect();
            ApiError::new(
                ErrorCode::UnknownColumn,
                format!(
                    "the result has no column `{column}` to chart; it has {}",
                    names.join(", ")
                ),
            )
        })?;
    let raw = Expr::Column(Column::new_unqualified(column));
    let count_at =
        |batches: &[RecordBatch], index: usize| first_value::<Int64Type>(batches, index).unwrap_or(0).max(0) as u64;
    if field.data_type().is_numeric() {
        let x = cast(raw.clone(), DataType::Float64);
        // NaN and the infinities are counted apart: they have no place on the axis.
        let finite = when(abs(x.clone()).lt_eq(lit(f64::MAX)), x).end()?;
        let stats = frame
            .clone()
            .aggregate(
                vec![],
                vec![
                    count(lit(1)),
                    count(raw),
                    count(finite.clone()),
                    min(finite.clone()),
                    max(finite.clone()),
                ],
            )?
            .collect()
            .await?;
        let (rows, present, finite_count) = (count_at(&stats, 0), count_at(&stats, 1), count_at(&stats, 2));
        let mut histogram = Histogram {
            column: column.to_string(),
            kind: HistogramKind::Numeric,
            bins: Vec::new(),
            rows,
            nulls: rows.saturating_sub(present),
            other: present.saturating_sub(finite_count),
        };
        let (Some(low), Some(high)) = (
            first_value::<Float64Type>(&stats, 3),
            first_value::<Float64Type>(&stats, 4),
        ) else {
            return Ok(histogram);
        };
        let width = (high - low) / bins as f64;
        // One bin when every value is equal, or the range is too narrow (or too wide) to divide.
        if !width.is_normal() {
            histogram.bins.push(HistogramBin {
                low: Some(low),
                high: Some(high),
                value: None,
                count: finite_count,
            });
            return Ok(histogram);
        }
        let last = bins as i64 - 1;
        let index = cast(floor((finite.clone() - lit(low)) / lit(width)), DataType::Int64);
        let index = when(index.clone().gt(lit(last)), lit(last)).otherwise(index)?;
        let counted = frame
            .filter(finite.is_not_null())?
            .aggregate(vec![index.alias("bin")], vec![count(lit(1))])?
            .collect()
            .await?;
        let mut counts = vec![0u64; bins];
        for batch in &counted {
            let (Some(bin), Some(count)) = (
                batch.column(0).as_primitive_opt::<Int64Type>(),
                batch.column(1).as_primitive_opt::<Int64Type>(),
            ) else {
                continue;
            };
            for row in 0..batch.num_rows() {
                if let Ok(bin) = usize::try_from(bin.value(row).clamp(0, last)) {
                    counts[bin] += count.value(row).max(0) as u64;
                }
            }
        }
        histogram.bins = counts
            .into_iter()
            .enumerate()
            .map(|(bin, count)| HistogramBin {
                low: Some(low + bin as f64 * width),
                high: Some(if bin as i64 == last {
                    high
                } else {
                    low + (bin + 1) as f64 * width
                }),
                value: None,
                count,
            })
            .collect();
        return Ok(histogram);
    }
    let charted = matches!(
        field.data_type(),
        DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Utf8View
            | DataType::Boolean
            | DataType::Date32
            | DataType::Date64
            | DataType::Timestamp(..)
    );
    if !charted {
        return Err(ApiError::new(
            ErrorCode::BadQuery,
            format!(
                "the column `{column}` holds {} values, which are not charted",
                field.data_type()
            ),
        )
        .into());
    }
    let stats = frame
        .clone()
        .aggregate(vec![], vec![count(lit(1)), count(raw.clone())])?
        .collect()
        .await?;
    let (rows, present) = (count_at(&stats, 0), count_at(&stats, 1));
    let value = cast(raw.clone(), DataType::Utf8).alias("value");
    let top = frame
        .filter(raw.is_not_null())?
        .aggregate(vec![value], vec![count(lit(1)).alias("n")])?
        .sort(vec![
            Expr::Column(Column::new_unqualified("n")).sort(false, false),
            Expr::Column(Column::new_unqualified("value")).sort(true, false),
        ])?
        .limit(0, Some(HISTOGRAM_CATEGORIES))?
        .collect()
        .await?;
    let mut bins = Vec::new();
    for batch in &top {
        let values = datafusion::arrow::compute::cast(batch.column(0), &DataType::Utf8)
            .map_err(|error| ChartError::Engine(error.into()))?;
        let (values, Some(counts)) = (
            values.as_string::<i32>(),
            batch.column(1).as_primitive_opt::<Int64Type>(),
        ) else {
            continue;
        };
        for row in 0..batch.num_rows() {
            bins.push(HistogramBin {
                low: None,
                high: None,
                value: Some(values.value(row).to_string()),
                count: counts.value(row).max(0) as u64,
            });
        }
    }
    let shown: u64 = bins.iter().map(|bin| bin.count).sum();
    Ok(Histogram {
        column: column.to_string(),
        kind: HistogramKind::Categorical,
        bins,
        rows,
        nulls: rows.saturating_sub(present),
        other: present.saturating_sub(shown),
    })
}
