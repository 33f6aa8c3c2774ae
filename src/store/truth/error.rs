use super::problem::Problem;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum StoreError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file on disk does not parse; rolo will not write it until it does. The problem's
    /// path is the full path on disk (relative only for the in-memory store).
    Broken(Problem),
    NotFound(String),
    Invalid(String),
    Refused(String),
}

impl StoreError {
    pub fn io(path: PathBuf, source: std::io::Error) -> StoreError {
        StoreError::Io { path, source }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            StoreError::Broken(p) => write!(
                f,
                "{p} (fix this file first: rolo will not change it while it is broken, nothing was written)"
            ),
            StoreError::NotFound(m) | StoreError::Invalid(m) | StoreError::Refused(m) => {
                f.write_str(m)
            }
        }
    }
}

impl std::error::Error for StoreError {}
