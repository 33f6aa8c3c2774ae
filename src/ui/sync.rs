//! `Y`: the conflicts the last sync stopped at. Each file with the person it is about, each
//! value with this machine's side and the other's; the highlighted file is the one `o` and
//! `t` settle. Nothing was merged while they wait, so the words say nothing is lost.

use super::text::{centered, fit, line, wrap_spans};
use super::{Theme, popup_block};
use crate::app::sync_view::{ConflictFile, SyncView};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// How far a value's continuation lines are indented under its name.
const INDENT: usize = 4;

/// `picking`: a pick is syncing (`AppState::picking_sync`).
pub fn draw(f: &mut Frame, area: Rect, view: &SyncView, picking: bool, t: &Theme) {
    // As wide as the history's; as tall as what it says, up to the screen.
    let width = usize::from(centered(area, 90, 1).width.saturating_sub(2)).max(1);
    let warn = t.fg(t.warning);
    let (lines, at) = match &view.read {
        None => (
            vec![Line::styled("reading what the last sync found…", t.dim())],
            None,
        ),
        Some(Err(why)) => (wrap_spans(&[Span::styled(line(why), warn)], width, 0), None),
        Some(Ok(files)) if files.is_empty() => {
            let said = if view.no_remote {
                "no remote to sync with yet: `rolo sync --remote URL` sets one (any git remote you own, a bare repository on a USB stick will do); from then on rolo syncs on start, after changes and at quit"
            } else {
                "nothing waits for you: the last sync merged everything it found"
            };
            (wrap_spans(&[Span::styled(said, t.dim())], width, 0), None)
        }
        Some(Ok(files)) => {
            let (lines, at) = listed(files, view.selected, width, t);
            (lines, Some(at))
        }
    };
    let want = u16::try_from(lines.len().saturating_add(2)).unwrap_or(u16::MAX);
    let rect = centered(area, 90, want.min(area.height.saturating_sub(2)).max(5));
    let title = if picking {
        "Sync · syncing with your pick…"
    } else {
        "Sync · what needs you"
    };
    let block = popup_block(f, rect, title.to_string(), t);
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let height = usize::from(inner.height).max(1);
    // The highlighted file's lines in view, its name first when it is longer than the room.
    let first = at.map_or(0, |(start, end): (usize, usize)| {
        end.saturating_sub(height).min(start)
    });
    let shown: Vec<Line> = lines.into_iter().skip(first).take(height).collect();
    f.render_widget(Paragraph::new(shown), inner);
}

/// The files' lines, and where the highlighted one starts and ends.
fn listed(
    files: &[ConflictFile],
    selected: usize,
    width: usize,
    t: &Theme,
) -> (Vec<Line<'static>>, (usize, usize)) {
    let dim = |text: &'static str| wrap_spans(&[Span::styled(text, t.dim())], width, 0);
    let mut lines = dim(
        "These changed differently here and on the other machine. Nothing was merged, and nothing is lost until you pick: o keeps this machine's values for the highlighted file, t takes the other's.",
    );
    let mut at = (0, 0);
    for (i, file) in files.iter().enumerate() {
        lines.push(Line::default());
        let start = lines.len();
        let mark = if i == selected { "▶" } else { " " };
        let who = match file.who.as_str() {
            "" => String::new(),
            who => format!(" · {}", line(who)),
        };
        let head = fit(&format!("{mark} {}{who}", line(&file.path)), width);
        lines.push(if i == selected {
            Line::styled(head, t.selected(true))
        } else {
            Line::styled(head, t.heading())
        });
        for c in &file.clashes {
            let what = match c.what.as_str() {
                "" => String::new(),
                w => format!("{}: ", line(w)),
            };
            let spans = [
                Span::raw(format!("  {what}")),
                Span::styled("here ", t.dim()),
                Span::raw(line(&c.here)),
                Span::styled(", there ", t.dim()),
                Span::raw(line(&c.there)),
            ];
            lines.extend(wrap_spans(&spans, width, INDENT));
        }
        if i == selected {
            at = (start, lines.len());
        }
    }
    lines.push(Line::default());
    lines.extend(dim(
        "Or edit the file to what it should say, then run `rolo sync --ours PATH`.",
    ));
    (lines, at)
}
