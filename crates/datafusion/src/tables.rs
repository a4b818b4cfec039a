//! Registering data files as tables, by extension.

use std::path::Path;

use datafusion::common::{Result, plan_err};
use datafusion::prelude::{CsvReadOptions, JsonReadOptions, ParquetReadOptions, SessionContext};

/// The file formats a table can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// With a header row; the schema is inferred.
    Csv,
    Parquet,
    /// Newline-delimited JSON objects.
    NdJson,
}

impl FileFormat {
    /// The extensions every format is known by, for messages.
    pub const EXTENSIONS: &str = ".csv, .parquet, .json, .ndjson or .jsonl";

    /// The format an extension (without its dot, any case) names: `csv`, `parquet`,
    /// `json`/`ndjson`/`jsonl`.
    pub fn from_extension(extension: &str) -> Option<Self> {
        match extension.to_ascii_lowercase().as_str() {
            "csv" => Some(FileFormat::Csv),
            "parquet" => Some(FileFormat::Parquet),
            "json" | "ndjson" | "jsonl" => Some(FileFormat::NdJson),
            _ => None,
        }
    }

    /// The format a path's extension names.
    pub fn from_path(path: &Path) -> Option<Self> {
        Self::from_extension(path.extension()?.to_str()?)
    }

    /// The format's name: `csv`, `parquet` or `ndjson`.
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Parquet => "parquet",
            FileFormat::NdJson => "ndjson",
        }
    }
}

/// Registers the file at `path` as table `name`.
pub async fn register_file(context: &SessionContext, name: &str, path: &Path) -> Result<()> {
    let Some(format) = FileFormat::from_path(path) else {
        return plan_err!(
            "cannot tell the format of `{}`: use a {} file",
            path.display(),
            FileFormat::EXTENSIONS
        );
    };
    if !path.exists() {
        return plan_err!("data file `{}` does not exist", path.display());
    }
    let location = path.to_string_lossy();
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    let extension = format!(".{extension}");
    match format {
        FileFormat::Csv => {
            let options = CsvReadOptions::new().has_header(true).file_extension(&extension);
            context.register_csv(name, location.as_ref(), options).await
        }
        FileFormat::Parquet => {
            let options = ParquetReadOptions::default().file_extension(&extension);
            context.register_parquet(name, location.as_ref(), options).await
        }
        FileFormat::NdJson => {
            let options = JsonReadOptions::default().file_extension(&extension);
            context.register_json(name, location.as_ref(), options).await
        }
    }
}
