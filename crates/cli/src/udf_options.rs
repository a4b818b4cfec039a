//! Options every command that compiles or runs UDFs shares.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use wasmudf_compiler::{Compiler, CompilerConfig};
use wasmudf_datafusion::UdfBuilder;
use wasmudf_sandbox::RuntimeLimits;

#[derive(Debug, Clone, Args)]
pub struct UdfOptions {
    /// Wall-time limit for one UDF call on one batch, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = RuntimeLimits::DEFAULT.batch_timeout.as_millis() as u64)]
    pub time_limit_ms: u64,
    /// Memory limit of one UDF instance, in MiB.
    #[arg(long, value_name = "MIB", default_value_t = RuntimeLimits::DEFAULT.memory_bytes >> 20)]
    pub memory_limit_mb: u64,
    /// Where compiled modules and the private C sysroot are cached
    /// [default: $WASMUDF_CACHE_DIR, else $XDG_CACHE_HOME/wasmudf, else ~/.cache/wasmudf].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

impl Default for UdfOptions {
    fn default() -> Self {
        UdfOptions {
            time_limit_ms: RuntimeLimits::DEFAULT.batch_timeout.as_millis() as u64,
            memory_limit_mb: RuntimeLimits::DEFAULT.memory_bytes >> 20,
            cache_dir: None,
        }
    }
}

impl UdfOptions {
    pub fn compiler(&self) -> Arc<Compiler> {
        let mut config = CompilerConfig::default();
        if let Some(dir) = &self.cache_dir {
            config.cache_dir = Some(dir.clone());
        }
        Arc::new(Compiler::new(config))
    }

    pub fn limits(&self) -> RuntimeLimits {
        RuntimeLimits {
            batch_timeout: Duration::from_millis(self.time_limit_ms.max(1)),
            memory_bytes: self.memory_limit_mb.max(1) << 20,
        }
    }

    pub fn builder(&self) -> UdfBuilder {
        UdfBuilder::new(self.compiler(), self.limits())
    }
}
