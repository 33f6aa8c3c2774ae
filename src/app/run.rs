//! The loop: draw, read an event (or a tick), resolve the key, update, carry out effects.
//! Generic over ratatui's `Backend` and fed events from an iterator, so a test can drive the
//! whole app on a `TestBackend` with scripted keys and a temporary folder.

use super::anchors::Anchors;
use super::behind::Behind;
use super::config::Settings;
use super::effects;
use super::signals::DraftSlot;
use super::state::{AppState, PersonHistory, Popup};
use super::update::{Cue, Effect, autosave, on_done, update};
use crate::action::Action;
use crate::history::History;
use crate::journal::Journal;
use crate::keymap::Keymap;
use crate::refresh;
use crate::store::{Change, OlderLoad, Store, Watch, paths};
use chrono::{DateTime, Datelike, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use std::io;
use std::path::Path;
use std::time::Instant;

pub use super::update::DRAFT_EVERY;

/// What the loop needs from the world outside the screen.
pub trait Host {
    /// The current time (tests pin it).
    fn now(&self) -> DateTime<FixedOffset>;
    /// Hand the terminal to the person's editor on `path` and take it back afterwards.
    fn edit(&mut self, path: &Path) -> io::Result<()>;
    /// Older journal months, once a background load has read them (see `Store::load_recent`).
    fn older(&mut self) -> Option<OlderLoad> {
        None
    }
    /// The starting picture for noticing outside edits, once there is one. It stats every
    /// file, so the real host takes it on its background thread; by default it is taken here.
    fn watch(&mut self, store: &Store) -> Option<Watch> {
        Some(store.watch())
    }
    /// As `watch`, waiting for the picture if it is being taken: a key is about to act on
    /// the contacts, and the first picture is what checks the cards taken as kept.
    fn watch_waiting(&mut self, store: &Store) -> Option<Watch> {
        self.watch(store)
    }
    /// Where to publish the note being typed after each event, for a watcher that writes it
    /// when the loop cannot (see `app::signals`).
    fn draft_slot(&self) -> Option<DraftSlot> {
        None
    }
    /// The journal's history (undo, redo, a person's history; outside edits are handed to
    /// it), when there is one to ask.
    fn history(&self) -> Option<History> {
        None
    }
    /// Whether each event waits for the effects running behind to finish before the screen is
    /// drawn: a test's scripted keys then see a finished undo. The real terminal never waits.
    fn settles(&self) -> bool {
        true
    }
    /// Effects are running behind (`true`) or no longer: the real terminal then polls for
    /// keys more often, so their answer shows the moment it is there.
    fn expecting(&mut self, _answers: bool) {}
}

/// An error the loop could not recover from (the terminal went away).
pub type RunResult = Result<AppState, Box<dyn std::error::Error>>;

/// Run the TUI until `q` or until `events` ends, with `keymap` and otherwise the default
/// settings (see `run_app_with`).
pub fn run_app<B, E>(
    terminal: &mut Terminal<B>,
    store: &Store,
    journal: &mut Journal,
    keymap: &Keymap,
    events: E,
    host: &mut dyn Host,
) -> RunResult
where
    B: Backend,
    B::Error: 'static,
    E: IntoIterator<Item = io::Result<Option<Event>>>,
{
    let settings = Settings {
        keymap: keymap.clone(),
        ..Settings::default()
    };
    run_app_with(terminal, store, journal, &settings, events, host)
}

/// Run the TUI until `q` or until `events` ends. `Ok(None)` from `events` is a tick: nothing
/// was pressed for a while (the loop uses it to save the draft).
pub fn run_app_with<B, E>(
    terminal: &mut Terminal<B>,
    store: &Store,
    journal: &mut Journal,
    settings: &Settings,
    events: E,
    host: &mut dyn Host,
) -> RunResult
where
    B: Backend,
    B::Error: 'static,
    E: IntoIterator<Item = io::Result<Option<Event>>>,
{
    let mut state = AppState::new(journal, host.now().date_naive());
    state.place = store.root().map(|p| p.display().to_string());
    offer_drafts(&mut state, store);
    draw(terminal, &mut state, journal, settings, host.now())?;
    // Taken after the first frame (or on a background thread): it stats every file once, which
    // the person should not wait for.
    let mut watch = host.watch(store);
    let history = host.history();
    state.undo_at_hand = history.is_some();
    let slot = host.draft_slot();
    let settles = host.settles();
    // Whether the watch's first picture, and what it found, has been taken in.
    let mut checked = false;
    std::thread::scope(|scope| {
        let mut behind = Behind::new(scope, store, history.clone());
        // The loop in a closure, so whatever way it ends (the events end, `q`, a terminal
        // error such as a closed terminal), the draft is written last.
        let run = || -> Result<(), Box<dyn std::error::Error>> {
            for event in events {
                let event = event?;
                // Held while the event is handled, so the watcher waits for the published
                // draft to match what the effects did (a saved note has no draft left).
                let mut published = slot
                    .as_ref()
                    .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()));
                let tick = event.is_none();
                // The first frame may show cards as the cache kept them (`load_recent_as_kept`);
                // the watch's first picture says which are not so. No key acts before that
                // is taken in: a key waits for the picture (taken first thing after the
                // first frame), and its changes are taken in at once, older months loading
                // or not, since they are contacts only.
                if !checked {
                    if watch.is_none() {
                        watch = if tick {
                            host.watch(store)
                        } else {
                            host.watch_waiting(store)
                        };
                    }
                    if let Some(w) = watch.as_mut() {
                        checked = true;
                        let first = w.take_pending();
                        if !first.is_empty() {
                            take_in_outside_edits(&mut state, journal, store, &first, host.now());
                            if let Some(h) = &history {
                                h.outside_edits();
                            }
                        }
                    }
                }
                // After a save or any other write, the draft follows at once: a refused save
                // leaves the note on screen, and the draft must hold all of it, not the last
                // autosave.
                let mut acted = false;
                for action in event
                    .map(|e| to_actions(&state, settings, e))
                    .unwrap_or_default()
                {
                    let now = host.now();
                    let effects = update(&mut state, journal, action, now);
                    acted |= !effects.is_empty();
                    let mut on = On {
                        state: &mut state,
                        journal,
                        store,
                        host,
                        behind: &mut behind,
                    };
                    on.carry_out_all(effects, now, terminal)?;
                }
                let cue = match (tick, acted) {
                    (true, _) => Cue::Idle,
                    (false, true) => Cue::Acted,
                    (false, false) => Cue::Typing,
                };
                let writes = autosave(&mut state, Instant::now(), cue);
                let now = host.now();
                let mut on = On {
                    state: &mut state,
                    journal,
                    store,
                    host,
                    behind: &mut behind,
                };
                on.carry_out_all(writes, now, terminal)?;
                if let Some(p) = published.as_mut() {
                    **p = state.capture.as_ref().map(|c| c.draft());
                }
                drop(published);
                // What finished behind (an undo, a history read) is taken in before drawing.
                let finished = if settles {
                    behind.rest()
                } else {
                    behind.finished()
                };
                for done in finished {
                    on_done(&mut state, journal, done, host.now());
                }
                host.expecting(behind.busy());
                if let Some(older) = host.older() {
                    journal.extend_older(older);
                    state.refresh_rows(journal, host.now().date_naive());
                }
                if tick {
                    // Idle: index the contacts for the filter now (and again after a contact
                    // changed), so neither `/` nor the first key typed waits for it.
                    state.filter.prepare(journal);
                    // What the history has to say (a commit that failed, history off), once.
                    if let Some(h) = &history {
                        for notice in h.notices() {
                            state.warn(notice);
                        }
                    }
                }
                if tick && watch.is_none() {
                    watch = host.watch(store);
                }
                // Not while older months are still loading: a month reloaded now would be
                // merged again when the load lands. Not while an undo writes either: it reads
                // its files again itself. The watch keeps the change until the next poll.
                if let Some(watch) = watch
                    .as_mut()
                    .filter(|_| tick && !journal.is_loading_older() && !behind.writing())
                {
                    let noticed =
                        pick_up_outside_edits(&mut state, journal, store, watch, host.now());
                    if noticed && let Some(h) = &history {
                        // Committed as "edited outside rolo" on the history's own thread.
                        h.outside_edits();
                    }
                }
                if tick {
                    // The search index goes on building, and follows what changed.
                    super::update::find::tick(&mut state, journal);
                }
                if state.quit {
                    break;
                }
                // The background sync's state, if one runs (read without waiting on it).
                state.sync_line = crate::history::sync::auto::footer(Instant::now());
                draw(terminal, &mut state, journal, settings, host.now())?;
            }
            Ok(())
        };
        let result = run();
        // An undo under way finishes (it is never cut off half-written) and is taken in.
        for done in behind.rest() {
            on_done(&mut state, journal, done, host.now());
        }
        // The draft is written last, however the loop ended. Writing it needs no terminal
        // (the one that failed, perhaps), so nothing here can fail but the write, which says
        // so.
        let writes = autosave(&mut state, Instant::now(), Cue::Leaving);
        for effect in writes {
            let now = host.now();
            if let Some(done) = effects::carry_out(effect, journal, store, host, now) {
                on_done(&mut state, journal, done, now);
            }
        }
        result.map(|()| state)
    })
}

/// What carrying out effects works on.
struct On<'a, 'scope, 'env> {
    state: &'a mut AppState,
    journal: &'a mut Journal,
    store: &'a Store,
    host: &'a mut dyn Host,
    behind: &'a mut Behind<'scope, 'env>,
}

impl On<'_, '_, '_> {
    /// Carry out each effect (those that wait on git start behind) and let `update` learn
    /// what it came to.
    fn carry_out_all<B: Backend>(
        &mut self,
        effects: Vec<Effect>,
        now: DateTime<FixedOffset>,
        terminal: &mut Terminal<B>,
    ) -> Result<(), B::Error> {
        for effect in effects {
            let suspends = effect.hands_over_terminal();
            let done = if effect.runs_behind() {
                self.behind.start(effect)
            } else {
                effects::carry_out(effect, self.journal, self.store, self.host, now)
            };
            if suspends {
                terminal.clear()?;
            }
            if let Some(done) = done {
                on_done(self.state, self.journal, done, now);
            }
        }
        Ok(())
    }
}

fn to_actions(state: &AppState, settings: &Settings, event: Event) -> Vec<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => settings
            .keymap
            .resolve(state.modes(), &k)
            .into_iter()
            .collect(),
        // Only clicks and the wheel; moving and dragging mean nothing here.
        Event::Mouse(m) if settings.mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => vec![Action::Click {
                x: m.column,
                y: m.row,
            }],
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => vec![Action::Wheel {
                x: m.column,
                y: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }],
            _ => Vec::new(),
        },
        // A paste is typing, so a pasted note lands in the editor with its line breaks.
        Event::Paste(text) if state.modes().iter().any(|m| m.takes_text()) => pasted(&text),
        Event::Resize(..) => vec![Action::Resize],
        _ => Vec::new(),
    }
}

/// Pasted text as typing. A line break may come as `\n`, `\r\n` or a lone `\r` (tmux and
/// several terminals send the last in a bracketed paste): each is one new line.
fn pasted(text: &str) -> Vec<Action> {
    let mut actions = Vec::with_capacity(text.len());
    let mut after_cr = false;
    for c in text.chars() {
        match c {
            '\n' if after_cr => {}
            '\r' | '\n' => actions.push(Action::Newline),
            c => actions.push(Action::Type(c)),
        }
        after_cr = c == '\r';
    }
    actions
}

fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut AppState,
    journal: &Journal,
    settings: &Settings,
    now: DateTime<FixedOffset>,
) -> Result<(), B::Error> {
    // A page is the height of a pane's inside: the screen minus borders, footer and status.
    let size = terminal.size()?;
    state.page = usize::from(size.height.saturating_sub(5)).max(1);
    let mut drawn = crate::ui::Drawn::default();
    terminal.draw(|f| {
        drawn = crate::ui::draw_themed(f, state, journal, &settings.keymap, &settings.theme, now)
    })?;
    let scroll = match state.popup.as_mut() {
        Some(Popup::Brief { scroll, .. }) => Some(scroll),
        Some(Popup::Need(view)) => Some(&mut view.scroll),
        Some(Popup::History(PersonHistory { scroll, .. })) => Some(scroll),
        _ => None,
    };
    if let (Some(max), Some(scroll)) = (drawn.scroll_max, scroll) {
        *scroll = (*scroll).min(max);
    }
    state.hits = drawn.hits;
    Ok(())
}

/// Hand edits, `git pull` or another rolo changed files: show the files as they are now. A later
/// save cannot undo such an edit either, since every save re-reads the file it changes.
fn pick_up_outside_edits(
    state: &mut AppState,
    journal: &mut Journal,
    store: &Store,
    watch: &mut Watch,
    now: DateTime<FixedOffset>,
) -> bool {
    // Every file is looked at in turn; what is on screen is looked at on every poll.
    let mut also = vec![paths::month((now.year(), now.month()))];
    if let Some(c) = state.selected_ix().and_then(|ix| journal.contact(ix)) {
        also.push(paths::contact(&c.id));
    }
    let changes = store.poll(watch, &also);
    if changes.is_empty() {
        return false;
    }
    take_in_outside_edits(state, journal, store, &changes, now);
    true
}

/// The files `changes` names, read and shown as they are now, with a word on the status line.
fn take_in_outside_edits(
    state: &mut AppState,
    journal: &mut Journal,
    store: &Store,
    changes: &[Change],
    now: DateTime<FixedOffset>,
) {
    // Positions held on screen are written down as ids first: a removed contact shifts them.
    let anchors = Anchors::take(state, journal);
    let done = refresh::apply(store, journal, changes);
    if done.is_empty() {
        return;
    }
    if done.broken > 0 {
        state.warn(done.summary());
    } else {
        state.say(done.summary());
    }
    // After the summary: a popup closed because its person is gone says so instead.
    anchors.restore(state, journal, now);
}

/// Drafts left by an earlier session (a crash, a closed terminal) are offered at start.
fn offer_drafts(state: &mut AppState, store: &Store) {
    let (blank, kept): (Vec<_>, Vec<_>) = store
        .drafts()
        .into_iter()
        .partition(|d| d.note.trim().is_empty());
    for d in blank {
        let _ = store.remove_draft(&d);
    }
    if !kept.is_empty() {
        state.popup = Some(Popup::Drafts { drafts: kept });
    }
}

#[cfg(test)]
mod tests {
    use super::pasted;
    use crate::action::Action::{Newline, Type};

    #[test]
    fn every_kind_of_line_break_in_a_paste_is_one_new_line() {
        let typed = |s: &str| s.chars().map(Type).collect::<Vec<_>>();
        let mut want = typed("a");
        want.push(Newline);
        want.extend(typed("b"));
        for text in ["a\nb", "a\r\nb", "a\rb"] {
            assert_eq!(pasted(text), want, "{text:?}");
        }
        assert_eq!(pasted("\r\r\n\n"), vec![Newline, Newline, Newline]);
        assert_eq!(pasted("tab\tstays"), typed("tab\tstays"));
    }
}
