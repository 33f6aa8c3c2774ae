//! A write made in the running TUI (a note, a need, a follow-up, a need met or a promise
//! done), on the world and on the model: the keys that select the person and type it.

use super::*;

/// Keys that move the contact list's selection to `id`, and the state they start from.
pub fn select(tui: &Tui, today: chrono::NaiveDate, id: &str) -> Option<(Vec<Event>, AppState)> {
    let mut state = AppState::new(&tui.journal, today);
    let pos = state
        .rows
        .iter()
        .position(|r| tui.journal.contact(r.ix).is_some_and(|c| c.id == id))?;
    state.contact_sel = pos;
    Some((vec![key(KeyCode::Char('j')); pos], state))
}

impl Case {
    pub(super) fn tui_write(&mut self, write: &Write, target: usize) -> Outcome {
        let Some(id) = self.model.pick(target) else {
            return Ok("nobody left".into());
        };
        let broken = self
            .model
            .people
            .get(&id)
            .is_some_and(|p| p.broken.is_some());
        let today = self.model.today;
        let text = self.text("tui");
        let tui = self.tui.as_ref().ok_or("no TUI")?;
        let (mut keys, state) = select(tui, today, &id).ok_or(format!("{id} is not listed"))?;
        let selected = keys.len();
        let mut model = self.model.clone();
        let said = match write {
            Write::Note => {
                keys.push(key(KeyCode::Char('n')));
                keys.extend(typed(&text));
                model.entries.push((vec![id.clone()], text.clone()));
                format!("TUI: note for {id}")
            }
            Write::Need => {
                keys.push(key(KeyCode::Char('N')));
                keys.extend(typed(&text));
                model.add_need(&id, &text);
                format!("TUI: need for {id}")
            }
            Write::FollowUp(d) => {
                let due = DUES[d % DUES.len()];
                keys.push(key(KeyCode::Char('F')));
                keys.extend(typed(&text));
                keys.push(key(KeyCode::Enter));
                keys.extend(typed(due));
                model.add_follow_up(&id, &text, due_of(today, due));
                format!(
                    "TUI: follow-up for {id} due {due} (today {today} {})",
                    today.weekday()
                )
            }
            Write::Met(k) | Write::Done(k) => {
                let open = self.model.open_needs(&id);
                let Some(need) = open.get(k % open.len().max(1)).copied() else {
                    return Ok(format!("TUI: {id} has no open need"));
                };
                let list = rolo::app::state::needs(&state, &tui.journal);
                let pos = list.iter().position(|(_, n)| n.id == need);
                // A broken file may not show its needs at all: the write is refused at `x`
                // whichever need is highlighted, so where it would be does not matter.
                let pos = match pos {
                    Some(pos) => pos,
                    None if broken => 0,
                    None => return Err(format!("need {need} of {id} not in the needs pane")),
                };
                keys.extend([key(KeyCode::Tab), key(KeyCode::Tab)]);
                keys.extend(vec![key(KeyCode::Char('j')); pos]);
                keys.push(key(KeyCode::Char('x')));
                keys.extend(typed("asked"));
                if let Some(n) = model
                    .card_mut(&id)
                    .and_then(|c| c.needs.iter_mut().find(|n| n.id == need))
                {
                    n.open = false;
                }
                format!("TUI: need {need} of {id} met")
            }
        };
        keys.push(key(KeyCode::Enter));
        keys.push(tick());
        let note = matches!(write, Write::Note);
        if broken && !note {
            // A write to a broken file is refused before any prompt opens: a person reads the
            // refusal and types nothing more (letters would be commands in browse mode).
            let command = match write {
                Write::Met(_) | Write::Done(_) => keys.iter().rposition(is_met).unwrap_or(selected),
                _ => selected,
            };
            keys.truncate(command + 1);
            keys.push(tick());
        }
        if !broken {
            self.model = model;
        }
        let name = self.model.people.get(&id).map(|p| p.card.name.clone());
        let tui = self.tui.as_mut().ok_or("no TUI")?;
        let state = tui.play(keys).map_err(|e| format!("{said}: {e}"))?;
        if broken && note {
            // A note for a person whose file is broken goes to the month file: it may be
            // kept or refused, but not lost once it was said to be saved.
            let found = super::super::disk::read(&self.world.root())?;
            let entry = (vec![id.clone()], text.clone());
            if found.entries.contains(&entry) {
                self.model.entries.push(entry);
            }
        }
        let status = state.status.map(|s| s.text).unwrap_or_default();
        let said = format!("{said} (status: {status})");
        if broken && !note && !status.contains("does not load") {
            return Err(format!("{said}: a write to a broken file was not refused"));
        }
        // What the person sees: the timeline of the one they picked.
        if let Some(name) = name.filter(|_| !broken) {
            let screen = tui.screen();
            if !screen.contains(&format!("Timeline · {name}")) {
                let rows: Vec<&str> = screen.lines().map(str::trim).take(3).collect();
                return Err(format!(
                    "{said}: the TUI does not show {name}:\n{}",
                    rows.join("\n")
                ));
            }
        }
        Ok(said)
    }
}

/// The `x` that asks how a need was met, after the keys that move to it.
fn is_met(k: &Event) -> bool {
    matches!(k, Event::Key(e) if e.code == KeyCode::Char('x'))
}
