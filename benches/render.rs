//! Drawing the TUI on a large journal (10,000 contacts, 200,000 entries): rows are built only
//! for visible lines, so a frame should cost about the same as on the demo journal.

use chrono::{DateTime, Duration, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolo::action::Action;
use rolo::app::{AppState, update};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::model::{Contact, Entry, Kind, Need, NeedStatus};
use rolo::store::Loaded;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-24T14:26:00+01:00").unwrap()
}

fn big() -> Journal {
    const FIRST: [&str; 10] = [
        "Ada", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Günter", "Hana", "Ivan", "Jun",
    ];
    const LAST: [&str; 10] = [
        "Lovelace", "Okafor", "Müller", "Tanaka", "García", "Nowak", "Rossi", "Kim", "Berg",
        "Silva",
    ];
    let contacts: Vec<Contact> = (0..10_000)
        .map(|i| {
            let mut c = Contact::new(
                format!("p{i}"),
                format!("{} {} {i}", FIRST[i % 10], LAST[(i / 10) % 10]),
            );
            c.tags = vec!["berlin".into(), "rust".into()];
            c.keep_in_touch_days = (i % 3 == 0).then_some(30);
            if i % 2 == 0 {
                c.needs.push(Need {
                    id: 1,
                    what: "An introduction to a publisher".into(),
                    since: now().date_naive() - Duration::days(20),
                    status: NeedStatus::Open,
                    met_on: None,
                    how: None,
                    not_a_fit: Vec::new(),
                });
            }
            c
        })
        .collect();
    let start = now() - Duration::days(3650);
    let entries = (0..200_000)
        .map(|i| {
            let at = start + Duration::minutes(i64::from(i) * 26);
            let with = vec![format!("p{}", i % 10_000), format!("p{}", (i * 7) % 10_000)];
            Entry {
                id: format!("e{i}"),
                at,
                with,
                kind: Kind::Coffee,
                note: "Talked about the Engine's funding. She is looking for a publisher.".into(),
                gave: None,
                asked: None,
            }
        })
        .collect();
    Journal::new(Loaded {
        contacts,
        entries,
        problems: Vec::new(),
    })
}

fn render(c: &mut Criterion) {
    let journal = big();
    let keymap = Keymap::default();
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    let mut state = AppState::new(&journal, now().date_naive());
    c.bench_function("draw main screen (10k contacts, 200k entries)", |b| {
        b.iter(|| {
            terminal
                .draw(|f| rolo::ui::draw(f, &state, &journal, &keymap, now()))
                .map(|_| ())
                .unwrap()
        })
    });
    let _ = update(&mut state, &journal, Action::ToggleTimelineScope, now());
    let _ = update(&mut state, &journal, Action::NextPane, now());
    let _ = update(&mut state, &journal, Action::Bottom, now());
    c.bench_function("draw everyone's timeline at the oldest entry", |b| {
        b.iter(|| {
            terminal
                .draw(|f| rolo::ui::draw(f, &state, &journal, &keymap, now()))
                .map(|_| ())
                .unwrap()
        })
    });
    // `/` pressed (the filter's index is made then, or on an idle tick before it): what is
    // timed is the first character typed, ranked and drawn.
    let mut searching = state.clone();
    let _ = update(&mut searching, &journal, Action::Search, now());
    c.bench_function("type one filter character and draw", |b| {
        b.iter_batched(
            || searching.clone(),
            |mut s| {
                let _ = update(&mut s, &journal, Action::Type('g'), now());
                terminal
                    .draw(|f| rolo::ui::draw(f, &s, &journal, &keymap, now()))
                    .unwrap();
            },
            criterion::BatchSize::LargeInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = render
}
criterion_main!(benches);
