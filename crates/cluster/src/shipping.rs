//! How a Wasm UDF (scalar or aggregate: the signature says which) travels inside a plan: its signature, the SHA-256 of its module, and the
//! module itself — inline up to [`INLINE_LIMIT`] bytes, else nothing more: the module is read
//! from `<module store>/<digest>.wasm`, a store every process can read.
//!
//! ```text
//! "WUDF" 2 | u32 len, signature | u32 len, digest (hex) | u8 mode (0 inline, 1 stored) | u32 len, bytes (empty if stored)
//! ```
//!
//! Decoding validates every length against the buffer, checks the digest of the bytes it ends up
//! with, and returns a *deferred* UDF: nothing is compiled until a batch reaches the function, so
//! a scheduler that only plans never compiles. Executors compile once per digest (the sandbox
//! engine caches compiled code by digest). A payload never names a path: the only file a decoder
//! reads is the store's entry for a digest of 64 hex digits, at most as large as a module may be,
//! and a mismatch says nothing of what the file holds.

use std::path::PathBuf;
use std::sync::Arc;

use datafusion::common::{DataFusionError, Result};
use datafusion::logical_expr::{AggregateUDF, ScalarUDF};
use sha2::{Digest, Sha256};
use wasmudf_abi::UdfSignature;
use wasmudf_datafusion::{ShippableModule, UdfBuilder, WasmAggregateUdf, WasmFunction, WasmScalarUdf};

/// Modules up to this size travel inside the plan; larger ones as their digest only, read from
/// the module store.
pub const INLINE_LIMIT: usize = 1 << 20;
const MAGIC: &[u8] = b"WUDF\x02";
const MODE_INLINE: u8 = 0;
const MODE_STORED: u8 = 1;

/// What every process of a cluster needs to encode and decode Wasm UDFs.
#[derive(Debug, Clone)]
pub struct Shipping {
    /// Builds decoded UDFs with this process's runtime limits.
    pub builder: UdfBuilder,
    /// A directory every process can read, for modules over the inline limit.
    pub module_store: Option<PathBuf>,
    pub inline_limit: usize,
}

impl Shipping {
    pub fn new(builder: UdfBuilder, module_store: Option<PathBuf>) -> Self {
        Shipping {
            builder,
            module_store,
            inline_limit: INLINE_LIMIT,
        }
    }

    /// Writes `udf`'s payload into `buf` if it is a Wasm UDF; leaves other functions to be found
    /// by name, as DataFusion's default codec does.
    pub fn encode(&self, udf: &ScalarUDF, buf: &mut Vec<u8>) -> Result<()> {
        let inner: &dyn std::any::Any = udf.inner().as_ref();
        match inner.downcast_ref::<WasmScalarUdf>() {
            Some(wasm_udf) => self.encode_module(wasm_udf.udf_signature(), wasm_udf.module(), buf),
            None => Ok(()),
        }
    }

    /// [`Shipping::encode`] for an aggregate function.
    pub fn encode_aggregate(&self, udaf: &AggregateUDF, buf: &mut Vec<u8>) -> Result<()> {
        let inner: &dyn std::any::Any = udaf.inner().as_ref();
        match inner.downcast_ref::<WasmAggregateUdf>() {
            Some(wasm_udaf) => self.encode_module(wasm_udaf.udf_signature(), wasm_udaf.module(), buf),
            None => Ok(()),
        }
    }

    /// Reads a payload written by [`Shipping::encode`] into a deferred UDF.
    pub fn decode(&self, name: &str, buf: &[u8]) -> Result<Arc<ScalarUDF>> {
        match self.decode_function(name, buf)? {
            WasmFunction::Scalar(udf) => Ok(Arc::new(udf)),
            WasmFunction::Aggregate(_) => Err(DataFusionError::Plan(format!(
                "function `{name}` arrived as an aggregate where a scalar function was expected"
            ))),
        }
    }

    /// Reads a payload written by [`Shipping::encode_aggregate`] into a deferred aggregate.
    pub fn decode_aggregate(&self, name: &str, buf: &[u8]) -> Result<Arc<AggregateUDF>> {
        match self.decode_function(name, buf)? {
            WasmFunction::Aggregate(udaf) => Ok(Arc::new(udaf)),
            WasmFunction::Scalar(_) => Err(DataFusionError::Plan(format!(
                "function `{name}` arrived as a scalar function where an aggregate was expected"
            ))),
        }
    }

    fn encode_module(&self, signature: &UdfSignature, module: &ShippableModule, buf: &mut Vec<u8>) -> Result<()> {
        let signature = signature.to_string();
        buf.extend_from_slice(MAGIC);
        put(buf, signature.as_bytes())?;
        put(buf, module.digest.as_bytes())?;
        if module.wasm.len() <= self.inline_limit {
            buf.push(MODE_INLINE);
            put(buf, &module.wasm)
        } else {
            self.store(module)?;
            buf.push(MODE_STORED);
            put(buf, &[])
        }
    }

    fn decode_function(&self, name: &str, buf: &[u8]) -> Result<WasmFunction> {
        if buf.is_empty() {
            return Err(DataFusionError::NotImplemented(format!(
                "function `{name}` arrived without its definition; it is not a function this cluster knows by name"
            )));
        }
        let bad = |why: &str| DataFusionError::Plan(format!("the payload of function `{name}` is malformed: {why}"));
        let mut reader = Reader { rest: buf };
        if reader.take(MAGIC.len()).map_err(|_| bad("too short"))? != MAGIC {
            return Err(bad("unknown format"));
        }
        let signature_text =
            std::str::from_utf8(reader.chunk().map_err(bad)?).map_err(|_| bad("signature is not UTF-8"))?;
        let signature: UdfSignature = signature_text
            .parse()
            .map_err(|e: wasmudf_abi::SignatureError| bad(&e.to_string()))?;
        let digest = std::str::from_utf8(reader.chunk().map_err(bad)?)
            .map_err(|_| bad("digest is not UTF-8"))?
            .to_string();
        let mode = reader.take(1).map_err(bad)?[0];
        let body = reader.chunk().map_err(bad)?;
        if !reader.rest.is_empty() {
            return Err(bad("trailing bytes"));
        }
        if !(digest.len() == 64 && digest.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))) {
            return Err(bad("the digest is not 64 lowercase hex digits"));
        }
        let wasm: Arc<[u8]> = match mode {
            MODE_INLINE => Arc::from(body),
            MODE_STORED if body.is_empty() => Arc::from(self.fetch(name, &digest)?),
            MODE_STORED => return Err(bad("a stored module carries no bytes")),
            _ => return Err(bad("unknown mode")),
        };
        if hex::encode(Sha256::digest(&wasm)) != digest {
            return Err(DataFusionError::Plan(format!(
                "the module of function `{name}` does not match its digest {digest}; refusing to load it"
            )));
        }
        let module = ShippableModule { wasm, digest };
        Ok(self.builder.deferred(signature, module))
    }

    /// Puts a large module in the store, once per digest, at `<store>/<digest>.wasm`.
    fn store(&self, module: &ShippableModule) -> Result<()> {
        let target = self.stored_path(&module.digest).ok_or_else(|| {
            DataFusionError::Plan(format!(
                "the module is {} MiB, over the {} MiB that travel inside a plan; give a module store \
                 (--module-store DIR) that every executor can read",
                module.wasm.len() >> 20,
                self.inline_limit >> 20
            ))
        })?;
        if !target.exists() {
            wasmudf_files::write_atomically(&target, &module.wasm)?;
        }
        Ok(())
    }

    fn stored_path(&self, digest: &str) -> Option<PathBuf> {
        Some(self.module_store.as_ref()?.join(format!("{digest}.wasm")))
    }

    /// Reads the stored module for `digest` (already checked to be hex), at most as many bytes
    /// as a valid module may have; the caller checks its digest. Errors name neither the path
    /// nor anything of the file.
    fn fetch(&self, name: &str, digest: &str) -> Result<Vec<u8>> {
        let unreadable = |why: String| {
            DataFusionError::Plan(format!(
                "cannot read the stored module of function `{name}` ({digest}): {why}; is the module store shared?"
            ))
        };
        let path = self
            .stored_path(digest)
            .ok_or_else(|| unreadable("this process has no --module-store".to_string()))?;
        let limit = wasmudf_abi::ModuleLimits::default().max_module_bytes;
        let file = std::fs::File::open(path).map_err(|error| unreadable(error.kind().to_string()))?;
        let mut wasm = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(file, limit as u64 + 1), &mut wasm)
            .map_err(|error| unreadable(error.kind().to_string()))?;
        if wasm.len() > limit {
            return Err(unreadable(format!(
                "larger than the {} MiB a module may have",
                limit >> 20
            )));
        }
        Ok(wasm)
    }
}

fn put(buf: &mut Vec<u8>, bytes: &[u8]) -> Result<()> {
    let len = u32::try_from(bytes.len()).map_err(|_| DataFusionError::Plan("a payload part is over 4 GiB".into()))?;
    buf.extend_from_slice(&len.to_le_bytes());
    buf.extend_from_slice(bytes);
    Ok(())
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> std::result::Result<&'a [u8], &'static str> {
        if self.rest.len() < n {
            return Err("truncated");
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn chunk(&mut self) -> std::result::Result<&'a [u8], &'static str> {
        let len = u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "truncated")?) as usize;
        self.take(len)
    }
}
