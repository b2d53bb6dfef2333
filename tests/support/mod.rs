//! Helpers shared by the native integration tests: the repository's files and snapshot files.
#![allow(dead_code)] // each test file uses its own subset

use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An empty folder of this name under cargo's temporary folder for integration tests.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies `fixtures/{fixture}` to `to`, making the folders on the way.
pub fn copy_fixture(fixture: &str, to: &Path) {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let from = repo().join("fixtures").join(fixture);
    std::fs::copy(&from, to).unwrap_or_else(|e| panic!("copying {}: {e}", from.display()));
}

/// A file's text; `path` is relative to the repository (or absolute).
pub fn read(path: impl AsRef<Path>) -> String {
    let path = repo().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Compares `actual` with `tests/snapshots/{dir}/{name}`; `UPDATE_SNAPSHOTS=1` rewrites it.
pub fn assert_snapshot(dir: &str, name: &str, actual: &str) {
    let path = repo().join("tests/snapshots").join(dir).join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_SNAPSHOTS=1 writes it)", path.display()));
    assert_eq!(
        actual,
        expected,
        "{} differs (UPDATE_SNAPSHOTS=1 rewrites it)",
        path.display()
    );
}
