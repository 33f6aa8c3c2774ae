//! The generator itself, shared by the `gen` example and the benchmarks (which create their
//! data on first run). Standard library only; the same options always give the same files.

use std::collections::HashSet;
use std::fmt::{self, Write as _};
use std::fs;
use std::path::Path;

// A path relative to this file, so the benches and tests that include it by path find it too.
#[path = "words.rs"]
mod words;

use words::{FOLD, Words};

pub const END: (i32, u32, u32) = (2026, 11, 23);
const KINDS: [&str; 9] = [
    "note", "coffee", "call", "message", "email", "meeting", "event", "intro", "gift",
];
const KIND_WEIGHTS: [usize; 9] = [6, 16, 16, 22, 12, 9, 9, 5, 5];
const INTRO: usize = 7;
const STATUS: [&str; 7] = ["open", "open", "open", "open", "met", "met", "dropped"];
const HOURS: [u16; 16] = [8, 9, 10, 11, 12, 12, 13, 14, 16, 17, 18, 19, 19, 20, 20, 21];

struct Rng(u64);

impl Rng {
    /// splitmix64
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let z = (self.0 ^ (self.0 >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as usize) as i32
    }

    fn pct(&mut self, p: u64) -> bool {
        self.next_u64() % 100 < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// An index in 0..n where low indices come up far more often: the people
    /// you see every week versus the ones you met once.
    fn popular(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u.sqrt() * n as f64) as usize).min(n - 1)
    }

    /// 1 to `max` distinct items of `xs`, as a TOML array.
    fn toml_array(&mut self, xs: &[&str], max: usize) -> String {
        let k = 1 + self.below(max);
        let mut v: Vec<&str> = Vec::with_capacity(k);
        while v.len() < k.min(xs.len()) {
            let x = self.pick(xs);
            if !v.contains(&x) {
                v.push(x);
            }
        }
        let items: Vec<String> = v.iter().map(|x| q(x)).collect();
        format!("[{}]", items.join(", "))
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let (era, mp) = (y.div_euclid(400), (m as i32 + 9) % 12);
    let yoe = y - era * 400;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + (153 * mp + 2) / 5 + d as i32 - 1 - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    (yoe + era * 400 + i32::from(m <= 2), m, d)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m as usize - 1];
    days + u32::from(m == 2 && leap)
}

fn date(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Berlin's UTC offset on a day, valid for times after 03:00 (entries start at 08:00).
fn berlin_offset(day: i32) -> &'static str {
    let y = civil_from_days(day).0;
    let last_sunday = |m| days_from_civil(y, m, 31) - (days_from_civil(y, m, 31) + 4).rem_euclid(7);
    let summer = (last_sunday(3)..last_sunday(10)).contains(&day);
    if summer { "+02:00" } else { "+01:00" }
}

/// "Łukasz Nowak" -> "lukasz-nowak"
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(ascii) = FOLD.split(' ').find_map(|t| t.strip_prefix(c)) {
            out.push_str(ascii);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A TOML basic string.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

struct Person {
    id: String,
    name: String,
    first: &'static str,
    first_slug: String,
    alias: Option<String>,
}

struct Entry {
    day: i32,
    minute: u16,
    kind: usize,
    who: Vec<u32>,
}

struct Gen {
    rng: Rng,
    w: Words,
    people: Vec<Person>,
    start: i32,
    end: i32,
    follow_ups: usize,
}

impl Gen {
    /// Appends template `t` to `out`, filling the placeholders for people `who`.
    fn fill(&mut self, t: &str, who: &[u32], out: &mut String) {
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let person = |k: usize| &self.people[who[k] as usize];
            match &rest[i..i + 3] {
                "{n}" => out.push_str(person(0).first),
                "{m}" => out.push_str(person(who.len() - 1).first),
                "{o}" => out.push_str(&self.people[self.rng.below(self.people.len())].name),
                "{p}" => out.push_str(self.rng.pick(&self.w.place)),
                "{e}" => out.push_str(self.rng.pick(&self.w.event)),
                "{t}" => out.push_str(self.rng.pick(&self.w.topic)),
                _ => out.push_str(self.rng.pick(&self.w.skill)),
            }
            rest = &rest[i + 3..];
        }
        out.push_str(rest);
    }

    fn field(&mut self, out: &mut String, key: &str, t: &str, who: &[u32]) -> fmt::Result {
        let mut s = String::new();
        self.fill(t, who, &mut s);
        writeln!(out, "{key} = {}", q(&s))
    }

    fn make_people(&mut self, n: usize) {
        let mut taken = HashSet::new();
        for _ in 0..n {
            let raw = self.rng.pick(&self.w.first);
            let (first, nick) = raw
                .split_once('/')
                .map_or((raw, None), |(f, k)| (f, Some(k)));
            let mut last = self.rng.pick(&self.w.last).to_string();
            if self.rng.pct(8) {
                last = format!("{last}-{}", self.rng.pick(&self.w.last));
            }
            let name = if self.rng.pct(25) {
                let initial = char::from(b'A' + self.rng.below(26) as u8);
                format!("{first} {initial}. {last}")
            } else {
                format!("{first} {last}")
            };
            let alias = nick
                .filter(|_| self.rng.pct(60))
                .map(|k| format!("{k} {last}"));
            let base = slug(&name);
            let (mut id, mut k) = (base.clone(), 1);
            while !taken.insert(id.clone()) {
                k += 1;
                id = format!("{base}-{k}");
            }
            let first_slug = slug(first);
            self.people.push(Person {
                id,
                name,
                first,
                first_slug,
                alias,
            });
        }
    }

    fn contact(&mut self, i: usize, needs: usize, out: &mut String) -> fmt::Result {
        let (me, p, rng) = ([i as u32], &self.people[i], &mut self.rng);
        writeln!(out, "name = {}", q(&p.name))?;
        if let Some(alias) = &p.alias {
            writeln!(out, "aliases = [{}]", q(alias))?;
        }
        writeln!(out, "tags = {}", rng.toml_array(&self.w.tag, 3))?;
        if rng.pct(75) {
            if rng.pct(80) {
                writeln!(out, "company = {}", q(rng.pick(&self.w.company)))?;
            }
            writeln!(out, "role = {}", q(rng.pick(&self.w.role)))?;
        }
        if rng.pct(65) {
            let user = slug(&p.name).replace('-', ".");
            writeln!(out, "email = [\"{user}@{}\"]", rng.pick(&self.w.domain))?;
        }
        if rng.pct(45) {
            let prefix = rng.pick(&self.w.phone);
            writeln!(out, "phone = [\"{prefix}{:04}\"]", rng.below(10_000))?;
        }
        if rng.pct(55) {
            let (y, m) = (rng.range(1950, 2004), rng.range(1, 12) as u32);
            if rng.pct(70) {
                let d = rng.range(1, days_in_month(y, m) as i32);
                writeln!(out, "birthday = {y}-{m:02}-{d:02}")?;
            } else {
                let d = rng.range(1, days_in_month(2000, m) as i32);
                writeln!(out, "birthday = \"{m:02}-{d:02}\"")?;
            }
        }
        if rng.pct(60) {
            let met = if i > 0 && rng.pct(25) {
                format!("introduced by {}", self.people[rng.below(i)].id)
            } else {
                let year = rng.range(civil_from_days(self.start).0.max(1990), END.0);
                format!("{}, {year}", rng.pick(&self.w.met))
            };
            writeln!(out, "met = {}", q(&met))?;
        }
        if rng.pct(40) {
            let days = rng.pick(&[14, 30, 60, 90, 180]);
            writeln!(out, "keep_in_touch_days = {days}")?;
        }
        if rng.pct(70) {
            let skills = rng.toml_array(&self.w.skill, 4);
            writeln!(out, "can_help_with = {skills}")?;
        }
        if rng.pct(30) {
            let (a, b) = (rng.pick(&self.w.note), rng.pick(&self.w.note));
            let b = if a == b || rng.pct(50) { "" } else { b };
            let notes = format!("{a} {b}");
            writeln!(out, "notes = \"\"\"\n{}\n\"\"\"", notes.trim_end())?;
        }
        for id in 1..=needs {
            writeln!(out, "\n[[need]]\nid = {id}")?;
            let t = self.rng.pick(&self.w.need);
            self.field(out, "what", t, &me)?;
            let since = self.rng.range(self.start.max(self.end - 3 * 365), self.end);
            let status = self.rng.pick(&STATUS);
            writeln!(out, "since = {}\nstatus = \"{status}\"", date(since))?;
            if status == "met" {
                let met_on = (since + self.rng.range(1, 90)).min(self.end);
                writeln!(out, "met_on = {}", date(met_on))?;
                let t = self.rng.pick(&self.w.how);
                self.field(out, "how", t, &me)?;
            }
        }
        let follow_ups = self.rng.pick(&[0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
        for id in 1..=follow_ups {
            writeln!(out, "\n[[follow_up]]\nid = {id}")?;
            let t = self.rng.pick(&self.w.follow);
            self.field(out, "what", t, &me)?;
            let due = self.rng.range(self.end - 90, self.end + 60);
            let done = self.rng.pct(if due <= self.end { 50 } else { 5 });
            writeln!(out, "due = {}\ndone = {done}", date(due))?;
        }
        self.follow_ups += follow_ups;
        Ok(())
    }

    /// `m` random entries, oldest first.
    fn entries(&mut self, m: usize) -> Vec<Entry> {
        let (n, total) = (self.people.len(), KIND_WEIGHTS.iter().sum());
        let mut v = Vec::with_capacity(m);
        for _ in 0..m {
            let (mut r, mut kind) = (self.rng.below(total), 0);
            while r >= KIND_WEIGHTS[kind] {
                r -= KIND_WEIGHTS[kind];
                kind += 1;
            }
            let size = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][self.rng.below(10)];
            let size = if kind == INTRO { size.max(2) } else { size }.min(n);
            let kind = if kind == INTRO && size < 2 { 0 } else { kind };
            let mut who = Vec::with_capacity(size);
            while who.len() < size {
                let p = self.rng.popular(n) as u32;
                if !who.contains(&p) {
                    who.push(p);
                }
            }
            let step = self.rng.pick(&[1, 1, 1, 15, 15, 15, 15, 15, 15, 15]);
            let minute = self.rng.pick(&HOURS) * 60 + self.rng.below(60) as u16 / step * step;
            v.push(Entry {
                day: self.rng.range(self.start, self.end),
                minute,
                kind,
                who,
            });
        }
        v.sort_by_key(|e| (e.day, e.minute));
        v
    }

    /// Appends one `[[entry]]`; `dup` counts earlier entries that had the same id.
    fn entry(&mut self, e: &Entry, dup: usize, out: &mut String) -> fmt::Result {
        let ((y, m, d), (hh, mm)) = (civil_from_days(e.day), (e.minute / 60, e.minute % 60));
        let stamp = format!("{y:04}-{m:02}-{d:02}");
        let first = &self.people[e.who[0] as usize].first_slug;
        write!(out, "[[entry]]\nid = \"{stamp}-{hh:02}{mm:02}-{first}")?;
        if dup > 0 {
            write!(out, "-{}", dup + 1)?;
        }
        let offset = berlin_offset(e.day);
        write!(out, "\"\nat = {stamp}T{hh:02}:{mm:02}:00{offset}\nwith = [")?;
        for (k, &p) in e.who.iter().enumerate() {
            let sep = if k > 0 { ", " } else { "" };
            write!(out, "{sep}\"{}\"", self.people[p as usize].id)?;
        }
        writeln!(out, "]\nkind = \"{}\"\nnote = \"\"\"", KINDS[e.kind])?;
        let w = &self.w;
        let openers = [
            &w.k0, &w.k1, &w.k2, &w.k3, &w.k4, &w.k5, &w.k6, &w.k7, &w.k8,
        ];
        let mut t = vec![self.rng.pick(openers[e.kind])];
        match self.rng.below(3) {
            0 => {}
            1 => t.push(self.rng.pick(&w.middle)),
            _ => t.extend([self.rng.pick(&w.middle), self.rng.pick(&w.closer)]),
        }
        let sep = if self.rng.pct(8) { "\n" } else { " " };
        self.fill(&t.join(sep), &e.who, out);
        out.push_str("\n\"\"\"\n");
        if e.kind == INTRO {
            self.field(out, "gave", "Introduced {n} to {m}", &e.who)?;
        } else if self.rng.pct(12) {
            let t = self.rng.pick(&self.w.gave);
            self.field(out, "gave", t, &e.who)?;
        }
        if self.rng.pct(8) {
            writeln!(out, "asked = {}", q(self.rng.pick(&self.w.asked)))?;
        }
        Ok(())
    }

    /// Writes the month files under `dir`/journal; returns how many.
    fn journal(&mut self, entries: &[Entry], dir: &Path) -> Result<usize, String> {
        let (mut text, mut month, mut files) = (String::new(), None, 0);
        let (mut minute, mut firsts) = ((0, 0), Vec::new());
        for e in entries {
            let (y, m, _) = civil_from_days(e.day);
            if month == Some((y, m)) {
                text.push('\n');
            } else if let Some((y, m)) = month.replace((y, m)) {
                write_month(dir, y, m, &text)?;
                files += 1;
                text.clear();
            }
            if minute != (e.day, e.minute) {
                minute = (e.day, e.minute);
                firsts.clear();
            }
            let slug_of = |p: u32| &self.people[p as usize].first_slug;
            let dup = firsts
                .iter()
                .filter(|&&p| slug_of(p) == slug_of(e.who[0]))
                .count();
            firsts.push(e.who[0]);
            self.entry(e, dup, &mut text).map_err(fmt_err)?;
        }
        if let Some((y, m)) = month {
            write_month(dir, y, m, &text)?;
            files += 1;
        }
        Ok(files)
    }
}

fn fmt_err(_: fmt::Error) -> String {
    "formatting failed".into()
}

fn put(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn mkdir(path: &Path) -> Result<(), String> {
    fs::create_dir_all(path).map_err(|e| format!("cannot create {}: {e}", path.display()))
}

fn write_month(dir: &Path, y: i32, m: u32, text: &str) -> Result<(), String> {
    let year = dir.join("journal").join(format!("{y:04}"));
    mkdir(&year)?;
    put(&year.join(format!("{y:04}-{m:02}.toml")), text)
}

/// What to generate. `needs: None` means one need per two contacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub contacts: usize,
    pub entries: usize,
    pub needs: Option<usize>,
    pub years: u64,
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub needs: usize,
    pub follow_ups: usize,
    pub month_files: usize,
}

/// Writes `contacts/` and `journal/` into `dir`, which must not have them yet.
pub fn generate(o: &Options, dir: &Path) -> Result<Summary, String> {
    for sub in ["contacts", "journal"] {
        if dir.join(sub).exists() {
            return Err(format!(
                "{} already has {sub}/; use a new DIR",
                dir.display()
            ));
        }
    }
    let contacts_dir = dir.join("contacts");
    mkdir(&contacts_dir)?;
    mkdir(&dir.join("journal"))?;
    // Private, as rolo keeps its own folders (it warns about a data folder others can read).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| format!("cannot make {} private: {e}", dir.display()))?;
    }

    let end = days_from_civil(END.0, END.1, END.2);
    let start = days_from_civil(END.0 - o.years as i32, END.1, END.2) + 1;
    let (rng, w) = (Rng(o.seed), Words::new());
    let mut g = Gen {
        rng,
        w,
        people: Vec::with_capacity(o.contacts),
        start,
        end,
        follow_ups: 0,
    };
    g.make_people(o.contacts);
    let total_needs = o.needs.unwrap_or(o.contacts / 2);
    let mut needs = vec![0; o.contacts];
    for _ in 0..total_needs {
        needs[g.rng.below(o.contacts)] += 1;
    }
    let mut text = String::new();
    for (i, &n) in needs.iter().enumerate() {
        text.clear();
        g.contact(i, n, &mut text).map_err(fmt_err)?;
        let path = contacts_dir.join(format!("{}.toml", g.people[i].id));
        put(&path, &text)?;
    }
    let entries = g.entries(o.entries);
    let month_files = g.journal(&entries, dir)?;
    Ok(Summary {
        needs: total_needs,
        follow_ups: g.follow_ups,
        month_files,
    })
}
