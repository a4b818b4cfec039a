//! Validated modules on disk, keyed by SHA-256 of everything that determines them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// A content-addressed store of compiled modules: `<dir>/<key>.wasm`, written atomically.
///
/// A cached module is validated again before it runs (the sandbox validates every module), so a
/// damaged or planted file can at worst be refused; it is never trusted as native code.
#[derive(Debug, Clone)]
pub struct ModuleCache {
    dir: PathBuf,
}

/// The cache key: a hex SHA-256 over length-prefixed parts.
pub fn cache_key(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"wasmudf module cache v1");
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex::encode(hasher.finalize())
}

impl ModuleCache {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        ModuleCache { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.wasm"))
    }

    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        fs::read(self.path(key)).ok()
    }

    /// Stores `bytes` under `key`; a crash mid-write leaves no partial entry behind.
    pub fn put(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut staging = tempfile::NamedTempFile::new_in(&self.dir)?;
        staging.write_all(bytes)?;
        staging.as_file().sync_data()?;
        staging.persist(self.path(key)).map_err(|error| error.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(cache_key(&[b"ab", b"c"]), cache_key(&[b"a", b"bc"]));
        assert_eq!(cache_key(&[b"x"]).len(), 64);
    }

    #[test]
    fn put_then_get_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ModuleCache::new(dir.path().join("modules"));
        assert_eq!(cache.get("k"), None);
        cache.put("k", b"\0asm").unwrap();
        assert_eq!(cache.get("k").as_deref(), Some(&b"\0asm"[..]));
    }
}
