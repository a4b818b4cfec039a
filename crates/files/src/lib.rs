//! Files written whole or not at all.
//!
//! Everything wasmudf stores (compiled modules, uploads, results, shipped modules, the CLI's
//! output files) is written to a hidden staging file in the target's directory, synced, and
//! renamed into place: a reader sees the old file or the whole new one, and a crash leaves only
//! a staging file, which [`is_staging`] recognizes so that a sweeper can remove it.
//!
//! **Architecture invariant:** the one place that knows how to replace a file safely; depends
//! on no other crate of the workspace.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// How every staging file's name starts.
pub const STAGING_PREFIX: &str = ".staging-";

/// Whether a file name is that of a staging file (left behind if its writer crashed).
pub fn is_staging(file_name: &str) -> bool {
    file_name.starts_with(STAGING_PREFIX)
}

/// A file being written, hidden beside where it will live until [`commit`](Self::commit)
/// renames it there. Dropped without a commit, it is removed.
#[derive(Debug)]
pub struct StagedFile {
    file: NamedTempFile,
}

impl StagedFile {
    /// A staging file in `directory` (created if missing) whose name ends with `suffix` (e.g.
    /// `.csv`, for readers that go by the extension).
    pub fn in_directory(directory: &Path, suffix: &str) -> io::Result<Self> {
        std::fs::create_dir_all(directory)?;
        let file = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .suffix(suffix)
            .tempfile_in(directory)?;
        Ok(StagedFile { file })
    }

    /// A staging file beside `target`.
    pub fn beside(target: &Path) -> io::Result<Self> {
        Self::in_directory(&directory_of(target), "")
    }

    /// Where the staging file is now.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// The open file, to write to.
    pub fn as_file(&self) -> &File {
        self.file.as_file()
    }

    /// Another handle to the file, for writers that take ownership of one.
    pub fn reopen(&self) -> io::Result<File> {
        self.file.reopen()
    }

    /// Syncs the file to disk and renames it to `target`, replacing whatever is there.
    pub fn commit(self, target: &Path) -> io::Result<()> {
        self.file.as_file().sync_all()?;
        self.file.persist(target).map(drop).map_err(|error| error.error)
    }

    /// Syncs the file and links it at `target` unless something is there already; returns
    /// whether it was placed. Racing writers of the same content all see one winner's file.
    pub fn commit_new(self, target: &Path) -> io::Result<bool> {
        self.file.as_file().sync_all()?;
        match self.file.persist_noclobber(target) {
            Ok(_) => Ok(true),
            Err(error) if error.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            Err(error) => Err(error.error),
        }
    }
}

impl Write for StagedFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.file.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Writes `bytes` to `target` whole or not at all (its directory is created if missing).
pub fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut staged = StagedFile::beside(target)?;
    staged.write_all(bytes)?;
    staged.commit(target)
}

fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_file_replaces_the_target_whole() {
        let directory = tempfile::tempdir().unwrap();
        let target = directory.path().join("nested/result.parquet");
        write_atomically(&target, b"first").unwrap();
        write_atomically(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let names: Vec<String> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["result.parquet"]);
    }

    #[test]
    fn an_uncommitted_file_never_appears_and_is_removed() {
        let directory = tempfile::tempdir().unwrap();
        let target = directory.path().join("upload.csv");
        let mut staged = StagedFile::in_directory(directory.path(), ".csv").unwrap();
        staged.write_all(b"a,b\n1,2\n").unwrap();
        let name = staged.path().file_name().unwrap().to_string_lossy().into_owned();
        assert!(is_staging(&name) && name.ends_with(".csv"), "{name}");
        drop(staged);
        assert!(!target.exists());
        assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 0);
    }

    #[test]
    fn commit_new_keeps_the_first_file() {
        let directory = tempfile::tempdir().unwrap();
        let target = directory.path().join("cache.key");
        let mut first = StagedFile::beside(&target).unwrap();
        first.write_all(b"one").unwrap();
        let mut second = StagedFile::beside(&target).unwrap();
        second.write_all(b"two").unwrap();
        assert!(first.commit_new(&target).unwrap());
        assert!(!second.commit_new(&target).unwrap());
        assert_eq!(std::fs::read(&target).unwrap(), b"one");
    }
}
