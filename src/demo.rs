//! The bundled demo journal (`examples/demo/`), copied into a fresh temporary folder so that
//! trying rolo never touches a real journal.

use crate::store::{DiskFs, Fs};
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));

/// Write the demo files into `dir` (which should be empty).
pub fn install(dir: &Path) -> std::io::Result<()> {
    let fs = DiskFs::new(dir);
    for (rel, text) in DEMO_FILES {
        fs.write_atomic(Path::new(rel), text.as_bytes())?;
    }
    Ok(())
}

/// A fresh temporary folder holding the demo journal; removed when dropped.
pub fn temp_copy() -> std::io::Result<tempfile::TempDir> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::Builder::new().prefix("rolo-demo-").tempdir()?;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700))?;
    install(dir.path())?;
    Ok(dir)
}

pub fn file_count() -> usize {
    DEMO_FILES.len()
}
