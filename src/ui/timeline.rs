//! The timeline pane: one row per entry (date, kind, the other people, first line of the
//! note), this person's or everyone's. The selected entry, when the pane has focus, opens up
//! in place: its whole note wrapped, and what was given and asked. Rows are built only for
//! what is visible.

use super::text::{fit, line, pad, relative_date, wrap_spans, wrap_text};
use super::{Theme, pane_block, pane_hit};
use crate::app::hits::{Hits, Target};
use crate::app::state::{self, AppState, Pane};
use crate::journal::Journal;
use crate::model::Entry;
use crate::sanitize::inert;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns of the date and the kind at the start of a row.
const DATE_W: usize = 11;
const KIND_W: usize = 8;

#[allow(clippy::too_many_arguments)]
pub fn draw(
    f: &mut Frame,
    area: Rect,
    state: &AppState,
    journal: &Journal,
    today: NaiveDate,
    narrow: bool,
    t: &Theme,
    hits: &mut Hits,
) {
    let focused = state.focus == Pane::Timeline;
    let person = state.selected_ix().and_then(|ix| journal.contact(ix));
    let len = state::timeline_len(state, journal);
    let title = match (state.timeline_all, person) {
        (true, _) => format!("Timeline · everyone {len}"),
        (false, Some(c)) => format!("Timeline · {} {len}", fit(&line(&c.name), 30)),
        (false, None) => "Timeline".to_string(),
    };
    let title = if journal.is_loading_older() {
        format!("{title} · loading older entries…")
    } else {
        title
    };
    let block = pane_block(title, focused, narrow, Pane::Timeline, t);
    pane_hit(hits, area, Pane::Timeline);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    let me = if state.timeline_all {
        None
    } else {
        person.map(|c| c.id.as_str())
    };
    if len == 0 {
        let msg = match (person, state.timeline_all) {
            (_, true) => "Nothing logged yet — press n to write a note about the selected person.",
            (Some(_), false) => {
                "Nothing logged with them yet — press n to write a note (a coffee, a call: tab picks the kind)."
            }
            (None, false) => "Select a person on the left to see your times together.",
        };
        f.render_widget(Paragraph::new(wrap_text(msg, t.dim(), w, 0)), inner);
        return;
    }
    // The selected entry opens up when the pane has focus; it stays whole on screen when it
    // can, its first line at least when it is taller than the pane.
    let sel = state.timeline_sel;
    let open = focused
        .then(|| state::selected_entry(state, journal))
        .flatten()
        .map(|e| opened(e, me, journal, today, w, t));
    let sel_h = open.as_ref().map_or(1, Vec::len);
    let offset = if sel + sel_h <= height {
        0
    } else {
        (sel + sel_h).saturating_sub(height).min(sel)
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut open = open;
    for (i, e) in state::timeline(state, journal).enumerate().skip(offset) {
        if lines.len() >= height {
            break;
        }
        let y = inner.y + u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let before = lines.len();
        match open.as_mut().filter(|_| i == sel) {
            Some(whole) => lines.append(whole),
            None => lines.push(entry_row(e, me, i == sel, focused, journal, today, w, t)),
        }
        let rows = u16::try_from(lines.len() - before).unwrap_or(u16::MAX);
        let rows = rows.min(inner.bottom().saturating_sub(y));
        hits.push(
            Rect {
                y,
                height: rows,
                ..inner
            },
            Target::Entry(i),
        );
    }
    lines.truncate(height);
    f.render_widget(Paragraph::new(lines), inner);
}

/// The selected entry, opened: its row with the first line of the note whole, wrapped under
/// the note's column (or by two on a narrow pane), the rest of the note below it, then what
/// was given and asked. Highlighted as one block.
fn opened(
    e: &Entry,
    me: Option<&str>,
    journal: &Journal,
    today: NaiveDate,
    w: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let base = t.selected(true);
    let indent = if w >= 48 { DATE_W + KIND_W + 1 } else { 2 };
    let note = inert(e.note.trim_end());
    let mut rest = note.lines().skip_while(|l| l.trim().is_empty());
    let first = rest.next().unwrap_or("").replace('\t', "    ");
    let (date, kind, who) = row_parts(e, me, journal, today, w);
    let mut lines = wrap_spans(
        &[
            Span::styled(date, base.fg(t.label)),
            Span::styled(kind, base.fg(t.accent)),
            Span::styled(" ", base),
            Span::styled(who, base.fg(t.person)),
            Span::styled(first, base),
        ],
        w,
        indent,
    );
    let pad = " ".repeat(indent);
    let text_w = w.saturating_sub(indent).max(1);
    let mut more: Vec<Line> = rest
        .flat_map(|l| wrap_text(&l.replace('\t', "    "), base, text_w, 0))
        .collect();
    let said = |label: &str, text: &Option<String>, colour| {
        text.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                wrap_spans(
                    &[Span::styled(
                        format!("{label}: {}", line(s)),
                        base.fg(colour),
                    )],
                    text_w,
                    2,
                )
            })
            .unwrap_or_default()
    };
    more.extend(said("gave", &e.gave, t.ok));
    more.extend(said("asked", &e.asked, t.asked));
    lines.extend(more.into_iter().map(|mut l| {
        l.spans.insert(0, Span::styled(pad.clone(), base));
        l
    }));
    for l in &mut lines {
        let fill = w.saturating_sub(l.width());
        if fill > 0 {
            l.spans.push(Span::styled(" ".repeat(fill), base));
        }
    }
    lines
}

/// A row's date, kind and the other people ("Zoë, Klaus: "), each padded to its column.
fn row_parts(
    e: &Entry,
    me: Option<&str>,
    journal: &Journal,
    today: NaiveDate,
    w: usize,
) -> (String, String, String) {
    let date = pad(&relative_date(e.at.date_naive(), today), DATE_W);
    let kind = pad(&line(e.kind.as_str()), KIND_W);
    let names: Vec<&str> = e
        .with
        .iter()
        .filter(|id| Some(id.as_str()) != me)
        .map(|id| journal.name_of(id))
        .collect();
    let first = |name: &'_ str| name.split_whitespace().next().unwrap_or(name).to_string();
    // First names, unless two people here share one ("Zoë, Zoë"): then whole names.
    let shared = names
        .iter()
        .enumerate()
        .any(|(i, a)| names[..i].iter().any(|b| first(a) == first(b)));
    let others: Vec<String> = names
        .iter()
        .map(|name| {
            line(&if shared {
                name.to_string()
            } else {
                first(name)
            })
        })
        .collect();
    let rest = w.saturating_sub(DATE_W + KIND_W + 1);
    // The names get at most half the room, and always end in ": " so the note reads apart.
    let who = if others.is_empty() {
        String::new()
    } else {
        format!(
            "{}: ",
            fit(&others.join(", "), (rest / 2).saturating_sub(2))
        )
    };
    (date, kind, who)
}

#[allow(clippy::too_many_arguments)]
fn entry_row(
    e: &Entry,
    me: Option<&str>,
    selected: bool,
    focused: bool,
    journal: &Journal,
    today: NaiveDate,
    w: usize,
    t: &Theme,
) -> Line<'static> {
    let base = if selected {
        t.selected(focused)
    } else {
        Style::new()
    };
    let (date, kind, who) = row_parts(e, me, journal, today, w);
    let rest = w.saturating_sub(DATE_W + KIND_W + 1);
    let note = pad(
        &line(e.first_line()),
        rest.saturating_sub(super::text::width(&who)),
    );
    Line::from(vec![
        Span::styled(date, base.fg(t.label)),
        Span::styled(kind, base.fg(t.accent)),
        Span::raw(" "),
        Span::styled(who, base.fg(t.person)),
        Span::styled(note, base),
    ])
}

#[cfg(test)]
mod tests {
    use super::row_parts;
    use crate::serve::tests::fixture::{d, entry, journal, person};

    /// Others by first name ("Zoë, Klaus: "), by whole name when two of them share one:
    /// "Zoë, Zoë" says nothing about who was there.
    #[test]
    fn others_are_first_names_unless_two_share_one() {
        let j = journal(
            vec![
                person("zoe-muller", "Zoë Müller"),
                person("zoe-schmidt", "Zoë Schmidt"),
                person("klaus", "Klaus Weber"),
            ],
            Vec::new(),
        );
        let who = |with: &[&str]| {
            let e = entry("2026-11-20T12:00:00+01:00", with, "lunch together");
            row_parts(&e, None, &j, d(2026, 11, 24), 120).2
        };
        assert_eq!(who(&["zoe-muller", "klaus"]), "Zoë, Klaus: ");
        assert_eq!(
            who(&["zoe-muller", "zoe-schmidt", "klaus"]),
            "Zoë Müller, Zoë Schmidt, Klaus Weber: "
        );
    }
}
