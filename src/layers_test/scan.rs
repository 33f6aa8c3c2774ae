//! Reads the crate's own source for the layer test: every module file reached from `lib.rs`
//! (following `mod` declarations, `#[path]` included), and in each one every path that names
//! another module — `use crate::…` lines, `crate::x::y` written inline, and `super::` chains
//! resolved to where they land. Comments and string literals are skipped, so a doc comment
//! that mentions `crate::store` is not an import. Code under `#[cfg(test)]` is marked as test.
//!
//! A small tokenizer rather than `syn`: the test needs only identifiers, a few punctuation
//! marks and line numbers, and stays free of a dependency built twice (host and target).

use std::path::{Path, PathBuf};

/// One module file of the crate.
pub struct File {
    /// Relative to the crate root, `/`-separated (`src/journal/mod.rs`).
    pub rel: String,
    pub refs: Vec<Ref>,
    /// Methods this file defines on the store (`fn` directly inside `impl Store { }`),
    /// outside test code: the store's halves both add to `Store`, so a call is an arrow too.
    pub store_methods: Vec<String>,
    /// Method calls (`.name(` or `.name::<`) outside test code, with their lines.
    pub calls: Vec<(usize, String)>,
    /// Field reads (`.name` not called) outside test code, with their lines.
    pub fields: Vec<(usize, String)>,
    /// Fields of `struct Store { }` declared here whose type names the store's speed half.
    pub speed_fields: Vec<String>,
}

/// A path in the source that names something in the crate.
pub struct Ref {
    pub line: usize,
    /// The module the path is written in (the file's, plus any inline `mod x { }`).
    pub from: Vec<String>,
    /// Absolute path inside the crate, without `crate::` (`store::Problem`).
    pub target: Vec<String>,
    /// Written under `#[cfg(test)]` (directly or in a test-only module or file).
    pub test: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Punct(char),
    Str(String),
}

struct Token {
    tok: Tok,
    line: usize,
}

/// Every module file reached from `src/lib.rs`, in the order they are declared.
pub fn crate_files(root: &Path) -> Result<Vec<File>, String> {
    let mut files = Vec::new();
    visit(
        root,
        PathBuf::from("src/lib.rs"),
        Vec::new(),
        false,
        &mut files,
    )?;
    Ok(files)
}

fn visit(
    root: &Path,
    rel: PathBuf,
    module: Vec<String>,
    test: bool,
    out: &mut Vec<File>,
) -> Result<(), String> {
    let text =
        std::fs::read_to_string(root.join(&rel)).map_err(|e| format!("{}: {e}", rel.display()))?;
    let toks = lex(&text);
    let scan = walk(&toks, &module, test);
    // Where `mod x;` looks for x: next to lib.rs/mod.rs, or in a folder named after this file.
    let dir = match rel.file_name().and_then(|n| n.to_str()) {
        Some("lib.rs" | "main.rs" | "mod.rs") => rel.parent().map(Path::to_path_buf),
        _ => rel
            .parent()
            .map(|p| p.join(rel.file_stem().unwrap_or_default())),
    }
    .unwrap_or_default();
    out.push(File {
        rel: rel.to_string_lossy().replace('\\', "/"),
        refs: scan.refs,
        store_methods: scan.store_methods,
        calls: scan.calls,
        fields: scan.fields,
        speed_fields: scan.speed_fields,
    });
    for decl in scan.mods {
        let child = match &decl.path_attr {
            Some(p) => rel.parent().unwrap_or(Path::new("")).join(p),
            None => {
                let base = decl.inline.iter().fold(dir.clone(), |d, m| d.join(m));
                let flat = base.join(format!("{}.rs", decl.name));
                if root.join(&flat).exists() {
                    flat
                } else {
                    base.join(&decl.name).join("mod.rs")
                }
            }
        };
        let mut m = module.clone();
        m.extend(decl.inline.iter().cloned());
        m.push(decl.name.clone());
        visit(root, child, m, decl.test, out)?;
    }
    Ok(())
}

struct ModDecl {
    name: String,
    /// Inline modules (`mod a { mod b; }`) the declaration sits in.
    inline: Vec<String>,
    path_attr: Option<String>,
    test: bool,
}

struct Scan {
    refs: Vec<Ref>,
    mods: Vec<ModDecl>,
    store_methods: Vec<String>,
    calls: Vec<(usize, String)>,
    fields: Vec<(usize, String)>,
    speed_fields: Vec<String>,
}

/// A `{` seen: whether what it opens is test code, the module it opens if any, and whether
/// it is the body of an `impl Store` or of `struct Store`.
struct Frame {
    test: bool,
    module: Option<String>,
    impl_store: bool,
    struct_store: bool,
}

fn walk(toks: &[Token], module: &[String], file_test: bool) -> Scan {
    let mut scan = Scan {
        refs: Vec::new(),
        mods: Vec::new(),
        store_methods: Vec::new(),
        calls: Vec::new(),
        fields: Vec::new(),
        speed_fields: Vec::new(),
    };
    let mut frames: Vec<Frame> = Vec::new();
    let (mut pending_test, mut pending_path, mut pending_mod) = (false, None, None);
    let (mut pending_impl_store, mut pending_struct_store) = (false, false);
    // Inside `struct Store { }`: the field being declared.
    let mut field: Option<String> = None;
    let in_test = |frames: &[Frame]| file_test || frames.last().is_some_and(|f| f.test);
    let here = |frames: &[Frame]| {
        let mut m = module.to_vec();
        m.extend(frames.iter().filter_map(|f| f.module.clone()));
        m
    };
    let is = |i: usize, t: &Tok| toks.get(i).is_some_and(|x| &x.tok == t);
    let colons = |i: usize| is(i, &Tok::Punct(':')) && is(i + 1, &Tok::Punct(':'));
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        match &t.tok {
            Tok::Punct('#') => {
                let open = if is(i + 1, &Tok::Punct('!')) {
                    i + 2
                } else {
                    i + 1
                };
                if is(open, &Tok::Punct('[')) {
                    let end = closing(toks, open, '[', ']');
                    let attr = &toks[open + 1..end.min(toks.len())];
                    let ident = |k: usize, s: &str| matches!(attr.get(k), Some(Token { tok: Tok::Ident(x), .. }) if x == s);
                    let has = |s: &str| attr.iter().any(|a| a.tok == Tok::Ident(s.into()));
                    if ident(0, "cfg") && has("test") && !has("not") {
                        pending_test = true;
                    }
                    if ident(0, "path")
                        && let Some(Token {
                            tok: Tok::Str(p), ..
                        }) = attr.get(2)
                    {
                        pending_path = Some(p.clone());
                    }
                    i = end + 1;
                    continue;
                }
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let Some(Token {
                    tok: Tok::Ident(name),
                    ..
                }) = toks.get(i + 1)
                {
                    if is(i + 2, &Tok::Punct(';')) {
                        scan.mods.push(ModDecl {
                            name: name.clone(),
                            inline: here(&frames)[module.len()..].to_vec(),
                            path_attr: pending_path.take(),
                            test: in_test(&frames) || pending_test,
                        });
                    } else {
                        pending_mod = Some(name.clone());
                    }
                }
            }
            Tok::Ident(kw) if kw == "impl" || kw == "struct" => {
                let store = is(i + 1, &Tok::Ident("Store".into())) && is(i + 2, &Tok::Punct('{'));
                if kw == "impl" {
                    pending_impl_store = store;
                } else {
                    pending_struct_store = store;
                }
            }
            Tok::Ident(name) if frames.last().is_some_and(|f| f.struct_store) => {
                if is(i + 1, &Tok::Punct(':')) && !is(i + 2, &Tok::Punct(':')) {
                    field = Some(name.clone());
                } else if name == "speed"
                    && let Some(f) = field.take()
                {
                    scan.speed_fields.push(f);
                }
            }
            Tok::Ident(kw) if kw == "fn" => {
                if let Some(Token {
                    tok: Tok::Ident(name),
                    ..
                }) = toks.get(i + 1)
                    && frames.last().is_some_and(|f| f.impl_store)
                    && !(in_test(&frames) || pending_test)
                {
                    scan.store_methods.push(name.clone());
                }
            }
            Tok::Punct('.') => {
                if let Some(Token {
                    tok: Tok::Ident(name),
                    line,
                }) = toks.get(i + 1)
                    && !(in_test(&frames) || pending_test)
                {
                    let call = is(i + 2, &Tok::Punct('('))
                        || (colons(i + 2) && is(i + 4, &Tok::Punct('<')));
                    let list = if call {
                        &mut scan.calls
                    } else {
                        &mut scan.fields
                    };
                    list.push((*line, name.clone()));
                }
            }
            Tok::Punct('{') => {
                frames.push(Frame {
                    test: in_test(&frames) || pending_test,
                    module: pending_mod.take(),
                    impl_store: std::mem::take(&mut pending_impl_store),
                    struct_store: std::mem::take(&mut pending_struct_store),
                });
                (pending_test, pending_path) = (false, None);
            }
            Tok::Punct('}') => {
                frames.pop();
                (pending_test, pending_path, pending_mod) = (false, None, None);
            }
            Tok::Punct(';') => {
                (pending_test, pending_path, pending_mod) = (false, None, None);
                (pending_impl_store, pending_struct_store) = (false, false);
            }
            Tok::Ident(kw) if (kw == "crate" || kw == "super") && colons(i + 1) => {
                // `$crate::` is a macro's; `a::super::` is not where a path starts.
                let starts =
                    i == 0 || !(is(i - 1, &Tok::Punct('$')) || is(i - 1, &Tok::Punct(':')));
                if starts {
                    let mut base = if kw == "crate" {
                        Vec::new()
                    } else {
                        here(&frames)
                    };
                    let mut j = i;
                    while kw == "super" && is(j, &Tok::Ident("super".into())) && colons(j + 1) {
                        base.pop();
                        j += 3;
                    }
                    if kw == "crate" {
                        j += 3;
                    }
                    let mut targets = Vec::new();
                    let next = tree(toks, j, base, &mut targets);
                    let test = in_test(&frames) || pending_test;
                    for target in targets.into_iter().filter(|t| !t.is_empty()) {
                        scan.refs.push(Ref {
                            line: t.line,
                            from: here(&frames),
                            target,
                            test,
                        });
                    }
                    i = next.max(i + 1);
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    scan
}

/// Index of the token closing the bracket opened at `open`.
fn closing(toks: &[Token], open: usize, o: char, c: char) -> usize {
    let mut depth = 0;
    for (k, t) in toks.iter().enumerate().skip(open) {
        if t.tok == Tok::Punct(o) {
            depth += 1;
        } else if t.tok == Tok::Punct(c) {
            depth -= 1;
            if depth == 0 {
                return k;
            }
        }
    }
    toks.len()
}

/// Reads a path (or a `use` tree: `a::{b, c::{d}}`) from `i`, pushing each full path.
fn tree(toks: &[Token], mut i: usize, mut path: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let punct = |i: usize, c: char| toks.get(i).is_some_and(|t| t.tok == Tok::Punct(c));
    loop {
        match toks.get(i).map(|t| &t.tok) {
            Some(Tok::Ident(s)) if s == "self" => i += 1,
            Some(Tok::Ident(s)) if s != "as" => {
                path.push(s.clone());
                i += 1;
            }
            Some(Tok::Punct('*')) => {
                out.push(path);
                return i + 1;
            }
            Some(Tok::Punct('{')) => {
                i += 1;
                loop {
                    if punct(i, '}') {
                        return i + 1;
                    }
                    i = tree(toks, i, path.clone(), out);
                    if punct(i, ',') {
                        i += 1;
                    } else if punct(i, '}') {
                        return i + 1;
                    } else {
                        return i;
                    }
                }
            }
            _ => break,
        }
        if punct(i, ':') && punct(i + 1, ':') {
            i += 2;
        } else {
            break;
        }
    }
    if matches!(toks.get(i).map(|t| &t.tok), Some(Tok::Ident(s)) if s == "as") {
        i += 2;
    }
    out.push(path);
    i
}

/// Identifiers, punctuation and string contents with their lines; comments dropped.
fn lex(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(c[i] == '\n');
                    i += 1;
                }
            }
        } else if let Some((hashes, start)) = raw_string_start(&c, i) {
            let (mut j, first) = (start, line);
            let closes = |j: usize| c[j] == '"' && (1..=hashes).all(|h| at(j + h) == '#');
            while j < c.len() && !closes(j) {
                line += usize::from(c[j] == '\n');
                j += 1;
            }
            let text = c[start..j.min(c.len())].iter().collect();
            out.push(Token {
                tok: Tok::Str(text),
                line: first,
            });
            i = j + 1 + hashes;
        } else if ch == '"' || (ch == 'b' && at(i + 1) == '"') {
            let (mut j, first) = (i + if ch == 'b' { 2 } else { 1 }, line);
            let start = j;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
                line += usize::from(c.get(j - 1) == Some(&'\n'));
            }
            let text = c[start..j.min(c.len())].iter().collect();
            out.push(Token {
                tok: Tok::Str(text),
                line: first,
            });
            i = j + 1;
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            let q = if ch == 'b' { i + 1 } else { i };
            if at(q + 1) == '\\' {
                // An escaped char literal: '\n', '\'', '\u{202e}'.
                let mut j = q + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(q + 2) == '\'' {
                i = q + 3;
            } else {
                i = q + 1; // a lifetime: its name lexes as an identifier
            }
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            out.push(Token {
                tok: Tok::Ident(word),
                line,
            });
        } else {
            out.push(Token {
                tok: Tok::Punct(ch),
                line,
            });
            i += 1;
        }
    }
    out
}

/// `r"`, `r#"`, `br##"`…: the number of `#` and where the text starts.
fn raw_string_start(c: &[char], i: usize) -> Option<(usize, usize)> {
    let prev_ident = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
    if prev_ident {
        return None;
    }
    let r = match (c.get(i), c.get(i + 1)) {
        (Some('r'), _) => i,
        (Some('b'), Some('r')) => i + 1,
        _ => return None,
    };
    let mut j = r + 1;
    while c.get(j) == Some(&'#') {
        j += 1;
    }
    (c.get(j) == Some(&'"')).then_some((j - r - 1, j + 1))
}
