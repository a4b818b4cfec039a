//! A validated, compiled module bound to its signature, and the per-call limits it runs under.

use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};
use wasmtime::Module;
use wasmudf_abi::{ModuleLimits, ModuleReport, UdfSignature};

use crate::SandboxError;
use crate::engine::{HARD_MEMORY_CAP_BYTES, SandboxEngine};

/// Per-call resource limits of a UDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuntimeLimits {
    /// Wall time one batch call may take before it is interrupted.
    pub batch_timeout: Duration,
    /// Largest linear memory an instance may grow to, in bytes.
    pub memory_bytes: u64,
}

impl RuntimeLimits {
    /// The limits of every surface unless its operator says otherwise: 10 s per batch, 256 MiB.
    pub const DEFAULT: RuntimeLimits = RuntimeLimits {
        batch_timeout: Duration::from_secs(10),
        memory_bytes: 256 << 20,
    };
}

impl Default for RuntimeLimits {
    fn default() -> Self {
        RuntimeLimits::DEFAULT
    }
}

/// A validated, compiled module bound to its signature and limits; cheap to share.
#[derive(Debug)]
pub struct LoadedModule {
    pub(crate) module: Module,
    pub(crate) signature: UdfSignature,
    pub(crate) limits: RuntimeLimits,
    pub(crate) report: ModuleReport,
    digest: String,
}

impl LoadedModule {
    /// Validates `wasm` against the ABI and `signature`, then compiles it (or reuses the
    /// engine's compilation of the same bytes).
    pub fn load(wasm: &[u8], signature: &UdfSignature, limits: RuntimeLimits) -> Result<Arc<Self>, SandboxError> {
        let module_limits = ModuleLimits::default();
        let report = wasmudf_abi::validate_module(wasm, &module_limits, Some(signature))?;
        // The compiled-code cache is shared by tenants: its key must be collision resistant.
        let digest = hex::encode(Sha256::digest(wasm));
        let module = SandboxEngine::shared().compile(&digest, wasm)?;
        let limits = RuntimeLimits {
            memory_bytes: limits.memory_bytes.min(HARD_MEMORY_CAP_BYTES),
            ..limits
        };
        Ok(Arc::new(LoadedModule {
            module,
            signature: signature.clone(),
            limits,
            report,
            digest,
        }))
    }

    pub fn signature(&self) -> &UdfSignature {
        &self.signature
    }

    pub fn limits(&self) -> RuntimeLimits {
        self.limits
    }

    /// Hex SHA-256 of the module's bytes.
    pub fn digest(&self) -> &str {
        &self.digest
    }
}
