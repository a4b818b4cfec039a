//! A DataFusion session with Wasm UDFs enabled.

use std::sync::Arc;

use datafusion::execution::SessionStateBuilder;
use datafusion::prelude::{SessionConfig, SessionContext};

use crate::{UdfBuilder, WasmFunctionFactory};

/// Options for [`new_session`].
#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// Whether `CREATE FUNCTION ... LANGUAGE wasm AS '<path>'` may read module files.
    pub allow_module_paths: bool,
    /// Rows per batch (DataFusion's `batch_size`); one guest call per batch.
    pub batch_size: usize,
    /// Partitions to run in parallel; 0 means one per core.
    pub target_partitions: usize,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            allow_module_paths: false,
            batch_size: 8192,
            target_partitions: 0,
        }
    }
}

/// A session whose `CREATE FUNCTION` compiles C, WAT or Wasm into sandboxed UDFs.
pub fn new_session(builder: UdfBuilder, options: &SessionOptions) -> SessionContext {
    let mut config = SessionConfig::new()
        .with_batch_size(options.batch_size)
        .with_information_schema(true);
    if options.target_partitions > 0 {
        config = config.with_target_partitions(options.target_partitions);
    }
    let factory = WasmFunctionFactory::new(builder, options.allow_module_paths);
    let state = SessionStateBuilder::new()
        .with_config(config)
        .with_default_features()
        .with_function_factory(Some(Arc::new(factory)))
        .build();
    SessionContext::new_with_state(state)
}
