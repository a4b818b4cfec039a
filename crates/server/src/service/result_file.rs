//! A result's Parquet file, encoded beside the execution's stream and column by column in
//! parallel.
//!
//! `ArrowWriter` encodes every column of a batch on the thread that hands it the batch: on the
//! server that was the thread polling the execution's stream, so encoding and compressing (most
//! of a wide MAP result's cost) ran on one core, taking turns with the plan's partitions. Here
//! the stream only passes batches over a short channel; a thread of the execution's blocking
//! pool cuts them into row groups, and each row group's columns are encoded by one thread per
//! core (parquet's `ArrowColumnWriter`, as DataFusion's parallel `COPY` does) and appended to
//! the file in schema order. The file is the one `ArrowWriter` writes: same properties, same
//! embedded Arrow schema, same row groups.

use std::fs::File;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use datafusion::arrow::datatypes::SchemaRef;
use datafusion::arrow::record_batch::RecordBatch;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::arrow::arrow_writer::{
    ArrowColumnChunk, ArrowColumnWriter, ArrowLeafColumn, ArrowRowGroupWriterFactory, compute_leaves,
};
use datafusion::parquet::errors::ParquetError;
use datafusion::parquet::file::properties::{DEFAULT_MAX_ROW_GROUP_ROW_COUNT, WriterProperties};
use datafusion::parquet::file::writer::SerializedFileWriter;
use tokio::sync::mpsc;

/// Batches queued between the stream and the encoders: enough to keep the encoders busy while
/// the stream produces the next, few enough that only a handful of batches are alive at once.
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
        // Built here, so that a schema Parquet cannot store is refused before any batch.
        let (file_writer, factory) =
            ArrowWriter::try_new(file, schema.clone(), Some(properties.clone()))?.into_serialized_writer()?;
        let max_rows = properties
            .max_row_group_row_count()
            .unwrap_or(DEFAULT_MAX_ROW_GROUP_ROW_COUNT)
            .max(1);
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
        let encoding: usize = self
            .progress
            .encoding
            .iter()
            .map(|estimate| estimate.load(Ordering::Relaxed))
            .sum();
        self.progress.written.load(Ordering::Relaxed) + encoding
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
    max_rows: usize,
    progress: Arc<Progress>,
}

impl RowGroups {
    fn write_all(mut self) -> Result<(), ParquetError> {
        let mut carried = None;
        for index in 0.. {
            let Some(first) = carried.take().or_else(|| next_batch(&mut self.batches)) else {
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
            self.progress
                .written
                .store(self.file_writer.bytes_written(), Ordering::Relaxed);
            for estimate in &self.progress.encoding {
                estimate.store(0, Ordering::Relaxed);
            }
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
        let writers = self.factory.create_column_writers(index)?;
        let columns = writers.len();
        let encoders = self.progress.encoding.len().min(columns).max(1);
        // Leaf column `i` goes to encoder `i % encoders`: wide and narrow columns spread evenly
        // enough, and every encoder sees every batch once.
        let mut shares: Vec<Vec<(usize, ArrowColumnWriter)>> = (0..encoders).map(|_| Vec::new()).collect();
        for (leaf, writer) in writers.into_iter().enumerate() {
            shares[leaf % encoders].push((leaf, writer));
        }
        let Self {
            batches,
            progress,
            max_rows,
            ..
        } = self;
        let max_rows = *max_rows;
        std::thread::scope(|scope| {
            let mut senders = Vec::with_capacity(encoders);
            let mut encoding = Vec::with_capacity(encoders);
            for (share, estimate) in shares.into_iter().zip(&progress.encoding) {
                let (sender, leaves) = std::sync::mpsc::sync_channel(QUEUED_BATCHES);
                senders.push(sender);
                encoding.push(scope.spawn(move || encode_share(share, leaves, estimate)));
            }
            let mut rows = 0;
            let mut batch = first;
            let mut carried = None;
            loop {
                let room = max_rows - rows;
                if batch.num_rows() > room {
                    carried = Some(batch.slice(room, batch.num_rows() - room));
                    batch = batch.slice(0, room);
                }
                rows += batch.num_rows();
                let leaves = Arc::new(leaves_of(&batch)?);
                // A send fails only when that encoder has stopped on an error, returned below.
                if senders.iter().any(|sender| sender.send(leaves.clone()).is_err()) {
                    break;
                }
                if rows >= max_rows || carried.is_some() {
                    break;
                }
                match next_batch(batches) {
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

/// The next batch with rows; `None` once the stream's side is done (or gone).
fn next_batch(batches: &mut mpsc::Receiver<RecordBatch>) -> Option<RecordBatch> {
    loop {
        let batch = batches.blocking_recv()?;
        if batch.num_rows() > 0 {
            return Some(batch);
        }
    }
}

/// Every leaf column of `batch`, in the order of the file's columns.
fn leaves_of(batch: &RecordBatch) -> Result<Vec<ArrowLeafColumn>, ParquetError> {
    let mut leaves = Vec::with_capacity(batch.num_columns());
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        leaves.extend(compute_leaves(field, column)?);
    }
    Ok(leaves)
}

/// One encoder: writes its share of the columns of every batch, then closes them into chunks.
fn encode_share(
    mut share: Vec<(usize, ArrowColumnWriter)>,
    batches: std::sync::mpsc::Receiver<Arc<Vec<ArrowLeafColumn>>>,
    estimate: &AtomicUsize,
) -> Result<Vec<(usize, ArrowColumnChunk)>, ParquetError> {
    crate::executor::lower_priority();
    for leaves in batches {
        for (leaf, writer) in &mut share {
            let column = leaves
                .get(*leaf)
                .ok_or_else(|| ParquetError::General("a batch has fewer columns than the result".into()))?;
            writer.write(column)?;
        }
        let bytes = share.iter().map(|(_, writer)| writer.get_estimated_total_bytes()).sum();
        estimate.store(bytes, Ordering::Relaxed);
    }
    share
        .into_iter()
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
