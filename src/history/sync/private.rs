//! What git writes into the data folder (a clone's checkout, the files a merge brought) is
//! made with the person's umask, usually readable by others; rolo's own writes are private
//! (0600 files, 0700 folders), so after git it makes them so.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// The folder and the journal in it as private as rolo makes its own: git checks files out
/// with the person's umask.
pub fn make_private(dir: &Path) {
    // Only what differs is changed: after a merge most files already are private.
    let set = |p: &Path, mode: u32| {
        let now = std::fs::symlink_metadata(p).map(|m| m.permissions().mode() & 0o777);
        if now.is_ok_and(|m| m != mode) {
            let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
        }
    };
    fn walk(p: &Path, set: &dyn Fn(&Path, u32)) {
        let Ok(items) = std::fs::read_dir(p) else {
            return;
        };
        for item in items.flatten() {
            let path = item.path();
            match item.file_type() {
                Ok(t) if t.is_dir() => {
                    set(&path, 0o700);
                    walk(&path, set);
                }
                Ok(t) if t.is_file() => set(&path, 0o600),
                _ => {}
            }
        }
    }
    set(dir, 0o700);
    for sub in [crate::store::paths::CONTACTS, crate::store::paths::JOURNAL] {
        let path = dir.join(sub);
        if path.is_dir() {
            set(&path, 0o700);
            walk(&path, &set);
        }
    }
    for file in [
        crate::store::paths::GITIGNORE,
        crate::store::paths::GITATTRIBUTES,
    ] {
        let path = dir.join(file);
        if path.is_file() {
            set(&path, 0o600);
        }
    }
    set(&dir.join(".git"), 0o700);
}
