//! The bundled demo journal (`examples/demo/`), copied into a fresh temporary folder so that
//! trying rolo never touches a real journal.

use crate::store::{DiskFs, Fs};
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));

/// Write the demo files into `dir` (which should be empty), exactly as bundled.
pub fn install(dir: &Path) -> std::io::Result<()> {
    let fs = DiskFs::new(dir);
    for (rel, text) in DEMO_FILES {
        fs.write_atomic(Path::new(rel), text.as_bytes())?;
    }
    Ok(())
}

/// Write the demo files into `dir`, moved forward so that its "today" is `today`'s week
/// (see `demo_dates`).
pub fn install_as_of(dir: &Path, today: chrono::NaiveDate) -> std::io::Result<()> {
    let fs = DiskFs::new(dir);
    let shift = crate::demo_dates::shift_for(today);
    for (rel, text) in crate::demo_dates::shifted(DEMO_FILES, shift) {
        fs.write_atomic(Path::new(&rel), text.as_bytes())?;
    }
    Ok(())
}

/// A fresh temporary folder holding the demo journal as of `today`; removed when dropped.
pub fn temp_copy(today: chrono::NaiveDate) -> std::io::Result<tempfile::TempDir> {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::Builder::new().prefix("rolo-demo-").tempdir()?;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700))?;
    install_as_of(dir.path(), today)?;
    Ok(dir)
}

pub fn file_count() -> usize {
    DEMO_FILES.len()
}
