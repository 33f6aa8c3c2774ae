//! `rolo import` of 5,000 cards into the large data set (10,000 people), as a person runs it:
//! the release binary started, the contacts loaded, the cards read and matched, the preview
//! printed and 5,000 files written (`--yes`). Target: under 2 s. Each run gets a fresh copy
//! of the data set (made outside the timing), so every run writes the same files.
//!
//! The cards: 4,500 new people in vCard 3.0 as Google writes them (name, two emails, a phone,
//! a birthday, an organisation, a note, categories), and 500 who are in the data set already
//! (same name), so matching has work to do.

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::process::{Command, Stdio};

const NEW: usize = 4_500;
const KNOWN: usize = 500;

fn cards(known: &[String]) -> String {
    let mut out = String::new();
    for i in 0..NEW {
        let _ = write!(
            out,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported Person{i}\r\nN:Person{i};Imported;;;\r\n\
             EMAIL;TYPE=INTERNET:imported{i}@example.org\r\nEMAIL;TYPE=INTERNET;TYPE=WORK:p{i}@work.example\r\n\
             TEL;TYPE=CELL:+44 20 {:04} {:04}\r\nBDAY:19{:02}-{:02}-{:02}\r\nORG:Company {}\r\nTITLE:Engineer\r\n\
             NOTE:Met at the conference\\, talked about engines.\r\nCATEGORIES:myContacts,imported\r\nEND:VCARD\r\n",
            i / 10_000,
            i % 10_000,
            50 + i % 50,
            1 + i % 12,
            1 + i % 28,
            i % 97
        );
    }
    for name in known.iter().take(KNOWN) {
        let _ = write!(
            out,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nURL:https://example.org/{}\r\nEND:VCARD\r\n",
            name.len()
        );
    }
    out
}

fn bench(c: &mut Criterion) {
    let data = support::LARGE.ensure();
    let store = rolo::store::Store::on_disk(&data);
    let mut names: Vec<String> = store
        .load_contacts_only()
        .expect("contacts")
        .contacts
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.sort();
    names.dedup();
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), cards(&names)).expect("cards");
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("large/5000_cards", |b| {
        b.iter_batched(
            || support::LARGE.scratch_copy(),
            |copy| {
                let status = Command::new(env!("CARGO_BIN_EXE_rolo"))
                    .arg("--no-cache")
                    .arg("--dir")
                    .arg(copy.path())
                    .arg("import")
                    .arg(file.path())
                    .arg("--yes")
                    .env("ROLO_NOW", support::TODAY)
                    .stdout(Stdio::null())
                    .status()
                    .expect("rolo runs");
                assert!(status.success(), "rolo import failed");
                copy
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
