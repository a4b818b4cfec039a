//! Streams a query's results to the terminal or to a file, with a progress spinner on a TTY.

use std::fs::File;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use datafusion::arrow::array::RecordBatch;
use datafusion::arrow::datatypes::SchemaRef;
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::arrow::{csv, json};
use datafusion::dataframe::DataFrame;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::physical_plan::SendableRecordBatchStream;
use futures::StreamExt;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wasmudf_datafusion::FileFormat;
use wasmudf_files::StagedFile;

/// How results are printed on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// An aligned text table.
    Table,
    /// CSV with a header row.
    Csv,
    /// A JSON array of row objects.
    Json,
}

/// Where results go.
#[derive(Debug, Clone)]
pub enum Destination {
    Stdout(OutputFormat),
    /// A file whose extension picks the format: .parquet, .csv, .json/.ndjson.
    File(PathBuf),
}

/// What was produced.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub rows: usize,
    pub elapsed: Duration,
}

/// Runs `frame` and sends its rows to `destination`. A file is written next to its final name and
/// renamed into place only when complete, so a failed query never leaves a half-written file.
pub async fn emit(frame: DataFrame, destination: &Destination) -> Result<Summary> {
    let started = Instant::now();
    let progress = Progress::start();
    let schema: SchemaRef = std::sync::Arc::new(frame.schema().as_arrow().clone());
    let mut stream = frame.execute_stream().await?;
    let rows;
    match destination {
        Destination::Stdout(OutputFormat::Table) => {
            let mut batches = Vec::new();
            rows = drain(&mut stream, &progress, |batch| {
                batches.push(batch);
                Ok(())
            })
            .await?;
            if batches.is_empty() {
                batches.push(RecordBatch::new_empty(schema));
            }
            let mut stdout = std::io::stdout().lock();
            writeln!(stdout, "{}", pretty_format_batches(&batches)?)?;
        }
        Destination::Stdout(format) => {
            let stdout = std::io::stdout().lock();
            let mut writer = RowWriter::new(*format, stdout, &schema)?;
            rows = drain(&mut stream, &progress, |batch| writer.write(&batch)).await?;
            writer.finish()?;
        }
        Destination::File(path) => {
            let format = file_format(path)?;
            let staging =
                StagedFile::beside(path).with_context(|| format!("cannot create a file beside {}", path.display()))?;
            let file = staging.reopen()?;
            let mut writer = FileWriter::new(format, file, &schema)?;
            rows = drain(&mut stream, &progress, |batch| writer.write(&batch)).await?;
            writer.finish()?;
            staging
                .commit(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(Summary {
        rows,
        elapsed: started.elapsed(),
    })
}

/// Hands every batch of `stream` to `write`, showing the rows so far; returns how many there were.
async fn drain(
    stream: &mut SendableRecordBatchStream,
    progress: &Progress,
    mut write: impl FnMut(RecordBatch) -> Result<()>,
) -> Result<usize> {
    let mut rows = 0usize;
    while let Some(batch) = stream.next().await {
        let batch = batch?;
        rows += batch.num_rows();
        progress.update(rows);
        write(batch)?;
    }
    progress.finish();
    Ok(rows)
}

fn file_format(path: &Path) -> Result<FileFormat> {
    match FileFormat::from_path(path) {
        Some(format) => Ok(format),
        None => bail!(
            "cannot tell the output format of `{}`: use a {} file",
            path.display(),
            FileFormat::EXTENSIONS
        ),
    }
}

enum RowWriter<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Json(json::ArrayWriter<W>),
}

impl<W: Write> RowWriter<W> {
    fn new(format: OutputFormat, out: W, _schema: &SchemaRef) -> Result<Self> {
        Ok(match format {
            OutputFormat::Csv => RowWriter::Csv(Box::new(csv::WriterBuilder::new().with_header(true).build(out))),
            OutputFormat::Json | OutputFormat::Table => RowWriter::Json(json::ArrayWriter::new(out)),
        })
    }

    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        match self {
            RowWriter::Csv(writer) => writer.write(batch)?,
            RowWriter::Json(writer) => writer.write(batch)?,
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            RowWriter::Csv(writer) => writer.into_inner().flush()?,
            RowWriter::Json(mut writer) => {
                writer.finish()?;
                let mut out = writer.into_inner();
                out.write_all(b"\n")?;
                out.flush()?;
            }
        }
        Ok(())
    }
}

enum FileWriter {
    Parquet(ArrowWriter<File>),
    Csv(csv::Writer<File>),
    Json(json::LineDelimitedWriter<File>),
}

impl FileWriter {
    fn new(format: FileFormat, file: File, schema: &SchemaRef) -> Result<Self> {
        Ok(match format {
            FileFormat::Parquet => FileWriter::Parquet(ArrowWriter::try_new(file, schema.clone(), None)?),
            FileFormat::Csv => FileWriter::Csv(csv::WriterBuilder::new().with_header(true).build(file)),
            FileFormat::NdJson => FileWriter::Json(json::LineDelimitedWriter::new(file)),
        })
    }

    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        match self {
            FileWriter::Parquet(writer) => writer.write(batch)?,
            FileWriter::Csv(writer) => writer.write(batch)?,
            FileWriter::Json(writer) => writer.write(batch)?,
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            FileWriter::Parquet(writer) => {
                writer.close()?;
            }
            FileWriter::Csv(writer) => writer.into_inner().sync_all()?,
            FileWriter::Json(mut writer) => {
                writer.finish()?;
                writer.into_inner().sync_all()?;
            }
        }
        Ok(())
    }
}

/// A spinner with a row count and rate on stderr, only when stderr is a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    pub fn start() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    pub fn update(&self, rows: usize) {
        if let Some(bar) = &self.bar {
            let seconds = self.started.elapsed().as_secs_f64().max(1e-6);
            bar.set_message(format!("{rows} rows ({:.0} rows/s)", rows as f64 / seconds));
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
