//! One module per subcommand.

pub mod cluster;
pub mod compile;
pub mod run;
pub mod serve;
pub mod sql;
pub mod tenants;

use std::path::Path;

use anyhow::{Context, Result};
use wasmudf_sandbox::GuestLog;

/// Reads a source file, naming it in the error.
pub fn read_source(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read source file {}", path.display()))
}

/// Prints what the UDFs printed (`printf`, `wasmudf_log`) on stderr, after the result or the
/// error, under a heading that says where it came from.
pub fn print_guest_log(log: &GuestLog) {
    if log.is_empty() {
        return;
    }
    let text = log.text();
    eprintln!("-- UDF output (printf) --");
    eprint!("{text}");
    if !text.ends_with('\n') {
        eprintln!();
    }
    eprintln!("--");
}
