//! A result's Parquet file, encoded beside the execution's stream and column by column in
//! parallel.
//!
//! `ArrowWriter` encodes every column of a batch on the thread that hands it the batch: on the
//! server that was the thread polling the execution's stream, so encoding and compressing (most
//! of a wide MAP result's cost) ran on one core, taking turns with the plan's partitions. Here
//! the stream only passes batches over a short channel; a thread of the execution's blocking
//! pool cuts them into row groups, and each row group's columns are encoded by one thread per
//! core (parquet's `ArrowColumnWriter`, as DataFusion's parallel `COPY` does) and appended to
//! the file in schema order. For the properties the server writes with (row groups cut by rows)
//! the file is the one `ArrowWriter` writes: same pages, same embedded Arrow schema, same row
//! groups; other ways of cutting row groups are refused.

use std::fs::File;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use datafusion::arrow::array::new_empty_array;
use datafusion::arrow::datatypes::SchemaRef;
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::arrow::arrow_writer::{
    ArrowColumnChunk, ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves,
};
use datafusion::parquet::errors::ParquetError;
use datafusion::parquet::file::properties::WriterProperties;
use datafusion::parquet::file::writer::SerializedFileWriter;
use tokio::sync::mpsc;

/// Batches queued between the stream and the writing thread: enough to keep the encoders busy
/// while the stream produces the next, few enough that only a handful of batches are alive.
const QUEUED_BATCHES: usize = 2;

/// Writes one result file; see the module's comment. Dropped before [`ResultWriter::finish`],
/// the file is abandoned unfinished (the staging file it writes is then discarded).
#[derive(Debug)]
pub(crate) struct ResultWriter {
    batches: Option<mpsc::Sender<RecordBatch>>,
    writing: Option<tokio::task::JoinHandle<Result<(), ParquetError>>>,
    progress: Arc<Progress>,
}

/// What the writing thread reports back while it works.
#[derive(Debug)]
struct Progress {
    /// Bytes of the row groups already in the file.
    written: AtomicUsize,
    /// Each encoder's estimate of its columns' bytes in the row group in progress.
    encoding: Vec<AtomicUsize>,
    /// Set when the writer is dropped unfinished: the thread stops instead of closing the file.
    abandoned: AtomicBool,
}

impl ResultWriter {
    /// Starts writing `file` with `properties` on the current runtime's blocking pool.
    pub(crate) fn start(file: File, schema: SchemaRef, properties: WriterProperties) -> Result<Self, ParquetError> {
        // Row groups are cut by rows only, as `ArrowWriter` cuts them when no byte limit or
        // content-defined chunking is set (the server sets neither).
        if properties.max_row_group_bytes().is_some() || properties.content_defined_chunking().is_some() {
            return Err(ParquetError::General(
                "results are cut into row groups by rows only".into(),
            ));
        }
        // Built here, so that a schema Parquet cannot store is refused before any batch.
        let (file_writer, factory) =
            ArrowWriter::try_new(file, schema.clone(), Some(properties.clone()))?.into_serialized_writer()?;
        let max_rows = properties.max_row_group_row_count().unwrap_or(usize::MAX).max(1);
        // How many Parquet columns (leaves) each field has: a struct or a list has several.
        let mut leaf_counts = Vec::with_capacity(schema.fields().len());
        for field in schema.fields() {
            leaf_counts.push(compute_leaves(field, &new_empty_array(field.data_type()))?.len());
        }
        let encoders = crate::executor::cores().min(schema.fields().len()).max(1);
        let progress = Arc::new(Progress {
            written: AtomicUsize::new(0),
            encoding: (0..encoders).map(|_| AtomicUsize::new(0)).collect(),
            abandoned: AtomicBool::new(false),
        });
        let (sender, receiver) = mpsc::channel(QUEUED_BATCHES);
        let shared = progress.clone();
        let writing = tokio::task::spawn_blocking(move || {
            RowGroups {
                batches: receiver,
                file_writer,
                factory,
                schema,
                leaf_counts,
                max_rows,
                progress: shared,
            }
            .write_all()
        });
        Ok(Self {
            batches: Some(sender),
            writing: Some(writing),
            progress,
        })
    }

    /// Queues `batch`, waiting while the encoders are behind.
    pub(crate) async fn write(&mut self, batch: RecordBatch) -> Result<(), ParquetError> {
        let Some(batches) = &self.batches else {
            return Err(stopped());
        };
        if batches.send(batch).await.is_err() {
            // The thread stopped early: its error says why.
            self.batches = None;
            return Err(self.wait().await.err().unwrap_or_else(stopped));
        }
        Ok(())
    }

    /// The file's size so far: row groups written plus the encoders' estimate of the one in
    /// progress (what `ArrowWriter::bytes_written() + in_progress_size()` tells).
    pub(crate) fn bytes(&self) -> usize {
        // The size first (see `RowGroups::write_all`): at worst a row group is missed, which the
        // check of the finished file's size makes up for.
        let written = self.progress.written.load(Ordering::Acquire);
        let encoding: usize = self
            .progress
            .encoding
            .iter()
            .map(|estimate| estimate.load(Ordering::Relaxed))
            .sum();
        written + encoding
    }

    /// Encodes what is queued and closes the file (footer written, not yet synced).
    pub(crate) async fn finish(mut self) -> Result<(), ParquetError> {
        self.batches = None;
        self.wait().await
    }

    async fn wait(&mut self) -> Result<(), ParquetError> {
        match self.writing.take() {
            Some(writing) => writing
                .await
                .map_err(|_| ParquetError::General("the result writer stopped unexpectedly".into()))?,
            None => Err(stopped()),
        }
    }
}

impl Drop for ResultWriter {
    fn drop(&mut self) {
        if self.writing.is_some() {
            self.progress.abandoned.store(true, Ordering::Relaxed);
        }
    }
}

fn stopped() -> ParquetError {
    ParquetError::General("the result writer has stopped".into())
}

/// The writing thread's side: batches in, row groups out.
struct RowGroups {
    batches: mpsc::Receiver<RecordBatch>,
    file_writer: SerializedFileWriter<File>,
    factory: ArrowRowGroupWriterFactory,
    schema: SchemaRef,
    leaf_counts: Vec<usize>,
    max_rows: usize,
    progress: Arc<Progress>,
}

impl RowGroups {
    fn write_all(mut self) -> Result<(), ParquetError> {
        let mut carried = None;
        for index in 0.. {
            let Some(first) = carried.take().or_else(|| next_batch(&mut self.batches, &self.progress)) else {
                break;
            };
            let (chunks, rest) = self.encode_row_group(index, first)?;
            if self.progress.abandoned.load(Ordering::Relaxed) {
                return Err(stopped());
            }
            carried = rest;
            let mut row_group = self.file_writer.next_row_group()?;
            for chunk in chunks {
                chunk.append_to_row_group(&mut row_group)?;
            }
            row_group.close()?;
            start_writeback(self.file_writer.inner());
            // Estimates first, then the file's size (released after them): a reader that sees
            // the new size sees the row group's estimates gone, so it is never counted twice.
            for estimate in &self.progress.encoding {
                estimate.store(0, Ordering::Relaxed);
            }
            self.progress
                .written
                .store(self.file_writer.bytes_written(), Ordering::Release);
        }
        if self.progress.abandoned.load(Ordering::Relaxed) {
            return Err(stopped());
        }
        self.file_writer.close()?;
        Ok(())
    }

    /// Encodes row group `index`, starting with `first`, until it holds `max_rows` rows or the
    /// batches end. Returns its column chunks in schema order, and the part of a batch that did
    /// not fit.
    fn encode_row_group(
        &mut self,
        index: usize,
        first: RecordBatch,
    ) -> Result<(Vec<ArrowColumnChunk>, Option<RecordBatch>), ParquetError> {
        let mut writers = self.factory.create_column_writers(index)?.into_iter().enumerate();
        let columns = writers.len();
        let encoders = self.progress.encoding.len();
        // Field `f` (with its leaves) goes to encoder `f % encoders`. Each encoder computes the
        // levels of its own fields, one field at a time: they cost up to 10 bytes a value, so
        // they are never built for a whole batch at once.
        let mut shares: Vec<Share> = (0..encoders).map(|_| Vec::new()).collect();
        for (field, &leaves) in self.leaf_counts.iter().enumerate() {
            let field_writers: Vec<(usize, ArrowColumnWriter)> = writers.by_ref().take(leaves).collect();
            if field_writers.len() != leaves {
                return Err(ParquetError::General(
                    "the result's columns do not match its schema".into(),
                ));
            }
            shares[field % encoders].push((field, field_writers));
        }
        let Self {
            batches,
            schema,
            progress,
            max_rows,
            ..
        } = self;
        let max_rows = *max_rows;
        let schema = &*schema;
        std::thread::scope(|scope| {
            let mut senders = Vec::with_capacity(encoders);
            let mut encoding = Vec::with_capacity(encoders);
            for (share, estimate) in shares.into_iter().zip(&progress.encoding) {
                // One batch waiting per encoder: what is alive stays a few batches.
                let (sender, received) = std::sync::mpsc::sync_channel(1);
                senders.push(sender);
                let encoder = std::thread::Builder::new()
                    .name("wasmudf-encode".to_string())
                    .spawn_scoped(scope, move || encode_share(schema, share, received, estimate))
                    .map_err(|error| ParquetError::General(format!("starting a column encoder: {error}")))?;
                encoding.push(encoder);
            }
            let mut rows = 0;
            let mut batch = first;
            let mut carried = None;
            loop {
                if batch.num_columns() != schema.fields().len() {
                    return Err(ParquetError::General(format!(
                        "a batch of {} columns for a result of {}",
                        batch.num_columns(),
                        schema.fields().len()
                    )));
                }
                let room = max_rows - rows;
                if batch.num_rows() > room {
                    carried = Some(batch.slice(room, batch.num_rows() - room));
                    batch = batch.slice(0, room);
                }
                rows += batch.num_rows();
                // A send fails only when that encoder has stopped on an error, returned below.
                if senders.iter().any(|sender| sender.send(batch.clone()).is_err()) {
                    break;
                }
                if rows >= max_rows || carried.is_some() {
                    break;
                }
                match next_batch(batches, progress) {
                    Some(next) => batch = next,
                    None => break,
                }
            }
            drop(senders);
            let mut chunks = Vec::with_capacity(columns);
            for encoder in encoding {
                let share = encoder
                    .join()
                    .map_err(|_| ParquetError::General("a column encoder panicked".into()))??;
                chunks.extend(share);
            }
            chunks.sort_by_key(|(leaf, _)| *leaf);
            Ok((chunks.into_iter().map(|(_, chunk)| chunk).collect(), carried))
        })
    }
}

/// An encoder's fields, each with the writers of its leaves (numbered in file order).
type Share = Vec<(usize, Vec<(usize, ArrowColumnWriter)>)>;

/// Starts writing what the file holds so far to disk, without waiting. The file is synced when
/// it is committed; started row group by row group, the write-back overlaps the encoding of the
/// next one and the final sync waits only for the last (a 250 MB result took 0.75 s to sync
/// all at the end).
fn start_writeback(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: a syscall on a descriptor `file` holds open, with no memory passed; it only starts
    // write-back of the file's dirty pages, and failing leaves them to the final sync.
    let _ = unsafe { libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE) };
}

/// The next batch with rows; `None` once the stream's side is done, or gone.
fn next_batch(batches: &mut mpsc::Receiver<RecordBatch>, progress: &Progress) -> Option<RecordBatch> {
    loop {
        let batch = batches.blocking_recv()?;
        if progress.abandoned.load(Ordering::Relaxed) {
            return None;
        }
        if batch.num_rows() > 0 {
            return Some(batch);
        }
    }
}

/// One encoder: writes its fields of every batch, then closes their leaves into chunks. Levels
/// are computed from the file's schema, as `ArrowWriter` does: a batch's own fields may differ
/// in nullability.
fn encode_share(
    schema: &SchemaRef,
    mut share: Share,
    batches: std::sync::mpsc::Receiver<RecordBatch>,
    estimate: &AtomicUsize,
) -> Result<Vec<(usize, ArrowColumnChunk)>, ParquetError> {
    crate::executor::lower_priority();
    for batch in batches {
        let mut bytes = 0;
        for (field, writers) in &mut share {
            let leaves = compute_leaves(schema.field(*field), batch.column(*field))?;
            if leaves.len() != writers.len() {
                return Err(ParquetError::General(
                    "a batch's column does not match the result's".into(),
                ));
            }
            for (leaf, (_, writer)) in leaves.iter().zip(writers.iter_mut()) {
                writer.write(leaf)?;
                bytes += writer.get_estimated_total_bytes();
            }
        }
        estimate.store(bytes, Ordering::Relaxed);
    }
    share
        .into_iter()
        .flat_map(|(_, writers)| writers)
        .map(|(leaf, writer)| Ok((leaf, writer.close()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use datafusion::arrow::array::{ArrayRef, Float64Array, Int64Array, StringArray, StructArray};
    use datafusion::arrow::datatypes::{DataType, Field, Schema};
    use datafusion::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    use super::*;

    fn batch(schema: &SchemaRef, from: i64, rows: i64) -> RecordBatch {
        let ids: ArrayRef = Arc::new(Int64Array::from_iter_values(from..from + rows));
        let values: ArrayRef = Arc::new(Float64Array::from_iter(
            (from..from + rows).map(|i| (i % 7 != 0).then_some(i as f64 / 3.0)),
        ));
        let names: ArrayRef = Arc::new(StringArray::from_iter_values(
            (from..from + rows).map(|i| format!("n{i}")),
        ));
        let nested: ArrayRef = Arc::new(StructArray::from(vec![(
            Arc::new(Field::new("id", DataType::Int64, false)),
            ids.clone(),
        )]));
        RecordBatch::try_new(schema.clone(), vec![ids, values, names, nested]).expect("a valid batch")
    }

    fn schema() -> SchemaRef {
        Arc::new(Schema::new(vec![
            Field::new("id", DataType::Int64, false),
            Field::new("value", DataType::Float64, true),
            Field::new("name", DataType::Utf8, false),
            Field::new(
                "nested",
                DataType::Struct(vec![Field::new("id", DataType::Int64, false)].into()),
                false,
            ),
        ]))
    }

    /// The same rows come back, in order, in row groups of the configured size, with the
    /// Arrow schema embedded, whatever the batch sizes.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_file_holds_every_row_in_order_in_row_groups_of_the_configured_size() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("result.parquet");
        let schema = schema();
        let properties = WriterProperties::builder()
            .set_max_row_group_row_count(Some(1000))
            .build();
        let mut writer = ResultWriter::start(File::create(&path).expect("created"), schema.clone(), properties)
            .expect("a schema Parquet can store");
        let mut from = 0;
        for rows in [0, 1, 999, 0, 1500, 3, 2497] {
            writer.write(batch(&schema, from, rows)).await.expect("queued");
            from += rows;
        }
        assert!(writer.bytes() > 0, "the size so far is reported");
        writer.finish().await.expect("closed");

        let reader =
            ParquetRecordBatchReaderBuilder::try_new(File::open(&path).expect("opened")).expect("a Parquet file");
        let groups: Vec<i64> = reader.metadata().row_groups().iter().map(|g| g.num_rows()).collect();
        assert_eq!(groups, vec![1000, 1000, 1000, 1000, 1000]);
        assert_eq!(reader.schema(), &schema, "the Arrow schema comes back as written");
        let mut expected = 0;
        for read in reader.build().expect("a reader") {
            let read = read.expect("a batch");
            assert_eq!(read, batch(&schema, expected, read.num_rows() as i64));
            expected += read.num_rows() as i64;
        }
        assert_eq!(expected, from);
    }

    /// The engine's batches may say a column has no NULLs where the result's schema allows
    /// them: levels follow the file's schema, and the values come back.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn batches_whose_fields_differ_in_nullability_are_written_as_the_files_schema_says() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("result.parquet");
        let nullable: SchemaRef = Arc::new(Schema::new(vec![Field::new("id", DataType::Int64, true)]));
        let strict: SchemaRef = Arc::new(Schema::new(vec![Field::new("id", DataType::Int64, false)]));
        let mut writer = ResultWriter::start(
            File::create(&path).expect("created"),
            nullable.clone(),
            WriterProperties::default(),
        )
        .expect("a schema Parquet can store");
        let ids: ArrayRef = Arc::new(Int64Array::from_iter_values(0..10));
        writer
            .write(RecordBatch::try_new(strict, vec![ids.clone()]).expect("a valid batch"))
            .await
            .expect("queued");
        writer.finish().await.expect("closed");
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&path).expect("opened"))
            .expect("a Parquet file")
            .build()
            .expect("a reader");
        let read: Vec<RecordBatch> = reader.collect::<Result<_, _>>().expect("batches");
        assert_eq!(
            read,
            vec![RecordBatch::try_new(nullable, vec![ids]).expect("a valid batch")]
        );
    }

    /// An unfinished writer leaves no complete file: the footer is never written.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_writer_dropped_unfinished_writes_no_footer() {
        let directory = tempfile::tempdir().expect("a temporary directory");
        let path = directory.path().join("result.parquet");
        let schema = schema();
        let mut writer = ResultWriter::start(
            File::create(&path).expect("created"),
            schema.clone(),
            WriterProperties::default(),
        )
        .expect("a schema Parquet can store");
        writer.write(batch(&schema, 0, 100)).await.expect("queued");
        drop(writer);
        // The thread notices within its current row group; give it a moment.
        for _ in 0..100 {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        let bytes = std::fs::read(&path).expect("readable");
        assert!(
            !bytes.ends_with(b"PAR1") || bytes.len() <= 4,
            "no footer: {} bytes",
            bytes.len()
        );
    }
}
