//! Bundles `examples/demo/` into the binary so `rolo --demo` works from anywhere.

use std::fmt::Write;
use std::path::Path;

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = read.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "toml")
            && let Ok(rel) = path.strip_prefix(root)
        {
            out.push(rel.to_string_lossy().into_owned());
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("examples/demo");
    println!("cargo:rerun-if-changed=examples/demo");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut code = String::from("pub const DEMO_FILES: &[(&str, &str)] = &[\n");
    for rel in &files {
        let full = root.join(rel);
        let _ = writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            full.to_string_lossy()
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out).join("demo_files.rs"), code) {
        println!("cargo:warning=cannot write demo file list: {e}");
    }
}
