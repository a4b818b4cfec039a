//! One module per subcommand.

pub mod cluster;
pub mod compile;
pub mod run;
pub mod serve;
pub mod sql;
pub mod tenants;

use std::path::Path;

use anyhow::{Context, Result};

/// Reads a source file, naming it in the error.
pub fn read_source(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read source file {}", path.display()))
}
