//! Validated modules on disk, keyed by SHA-256 of everything that determines them, and
//! authenticated with a key only this service holds.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use wasmudf_files::StagedFile;

use sha2::{Digest, Sha256};

/// A store of compiled modules keyed by [`cache_key`]: `<dir>/<key>.wasm`, written atomically.
///
/// Each entry starts with an HMAC-SHA256 tag over its cache key and bytes, made with a secret
/// generated on first use (`<dir>/cache.key`, mode 0600). The cache key is computable from
/// public inputs, so without the tag anyone who could write the directory could plant the
/// module another tenant gets for the same source. An entry whose tag does not verify is
/// treated as absent: the module is compiled again and the entry replaced, never used.
#[derive(Clone)]
pub struct ModuleCache {
    dir: PathBuf,
    secret: [u8; 32],
}

impl std::fmt::Debug for ModuleCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ModuleCache")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

const TAG_BYTES: usize = 32;
const SECRET_FILE: &str = "cache.key";

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
    /// Opens the cache in `dir`, creating it and its secret on first use.
    pub fn open(dir: impl Into<PathBuf>) -> std::io::Result<Self> {
        let dir = dir.into();
        fs::create_dir_all(&dir)?;
        let secret = load_or_create_secret(&dir.join(SECRET_FILE))?;
        Ok(ModuleCache { dir, secret })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.wasm"))
    }

    /// The module stored under `key`, if there is one and its tag verifies.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let mut entry = fs::read(self.path(key)).ok()?;
        if entry.len() < TAG_BYTES {
            return None;
        }
        let bytes = entry.split_off(TAG_BYTES);
        let expected = hmac_sha256(&self.secret, &[key.as_bytes(), &bytes]);
        constant_time_eq(&entry, &expected).then_some(bytes)
    }

    /// Stores `bytes` under `key`; a crash mid-write leaves no partial entry behind.
    pub fn put(&self, key: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut staging = StagedFile::in_directory(&self.dir, "")?;
        staging.write_all(&hmac_sha256(&self.secret, &[key.as_bytes(), bytes]))?;
        staging.write_all(bytes)?;
        staging.commit(&self.path(key))
    }
}

/// The key in `path`, made on first use. It is written whole to a staging file and linked into
/// place without replacing anything, so processes and threads racing to create it all end up
/// with the one that won, and none reads a half-written key.
fn load_or_create_secret(path: &Path) -> std::io::Result<[u8; 32]> {
    use std::os::unix::fs::PermissionsExt;
    let mut secret = [0u8; 32];
    if !path.exists() {
        fs::File::open("/dev/urandom")?.read_exact(&mut secret)?;
        let mut staging = StagedFile::beside(path)?;
        staging.as_file().set_permissions(fs::Permissions::from_mode(0o600))?;
        staging.write_all(&secret)?;
        if staging.commit_new(path)? {
            return Ok(secret);
        }
    }
    let stored = fs::read(path)?;
    if stored.len() != secret.len() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "the module cache's key file is damaged; delete the cache directory",
        ));
    }
    secret.copy_from_slice(&stored);
    Ok(secret)
}

/// HMAC-SHA256 (RFC 2104) of the `parts`, each prefixed with its length (as in [`cache_key`]).
fn hmac_sha256(secret: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut inner_pad = [0x36u8; BLOCK];
    let mut outer_pad = [0x5cu8; BLOCK];
    for (index, byte) in secret.iter().enumerate() {
        inner_pad[index] ^= byte;
        outer_pad[index] ^= byte;
    }
    let mut inner = Sha256::new();
    inner.update(inner_pad);
    for part in parts {
        inner.update((part.len() as u64).to_le_bytes());
        inner.update(part);
    }
    let mut outer = Sha256::new();
    outer.update(outer_pad);
    outer.update(inner.finalize());
    outer.finalize().into()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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
        let cache = ModuleCache::open(dir.path().join("modules")).unwrap();
        assert_eq!(cache.get("k"), None);
        cache.put("k", b"\0asm").unwrap();
        assert_eq!(cache.get("k").as_deref(), Some(&b"\0asm"[..]));
        // A second handle on the same directory shares the secret.
        let reopened = ModuleCache::open(dir.path().join("modules")).unwrap();
        assert_eq!(reopened.get("k").as_deref(), Some(&b"\0asm"[..]));
    }

    #[test]
    fn a_planted_or_moved_entry_is_never_returned() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ModuleCache::open(dir.path()).unwrap();
        cache.put("k", b"\0asm good").unwrap();
        let path = dir.path().join("k.wasm");
        // An attacker who can write the file but not read the secret.
        let mut entry = fs::read(&path).unwrap();
        let last = entry.len() - 1;
        entry[last] ^= 1;
        fs::write(&path, &entry).unwrap();
        assert_eq!(cache.get("k"), None, "a flipped byte");
        fs::write(&path, b"\0asm planted without a tag").unwrap();
        assert_eq!(cache.get("k"), None, "no tag");
        // A genuine entry copied under another key does not verify either.
        cache.put("other", b"\0asm other").unwrap();
        fs::copy(dir.path().join("other.wasm"), &path).unwrap();
        assert_eq!(cache.get("k"), None, "moved");
    }

    #[test]
    fn tags_depend_on_the_secret() {
        // Different secrets give different tags for the same input; the same give the same.
        let a = hmac_sha256(&[1; 32], &[b"m"]);
        assert_eq!(a, hmac_sha256(&[1; 32], &[b"m"]));
        assert_ne!(a, hmac_sha256(&[2; 32], &[b"m"]));
    }
}
