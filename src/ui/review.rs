//! `W`: the weekly review, full screen and scrollable. Its lines are worded in
//! `stats::review_words`, the same `rolo review` prints; here they are only styled.

use super::text::wrap_spans;
use super::{Theme, popup_block};
use crate::stats::review_words::Line as Said;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

/// The review as lines wrapped to `width`.
pub fn lines(said: &[Said], width: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for l in said {
        let (style, indent) = match l {
            Said::Title(_) => (t.heading().add_modifier(Modifier::UNDERLINED), 0),
            Said::Heading(_) => (t.heading(), 0),
            Said::Item(_) => (ratatui::style::Style::new(), 2),
            Said::Quiet(_) => (t.dim(), 2),
            Said::Blank => {
                out.push(Line::default());
                continue;
            }
        };
        let text = format!("{}{}", " ".repeat(indent), l.text());
        out.extend(wrap_spans(&[Span::styled(text, style)], width, indent + 2));
    }
    out
}

/// Draw over the main area; returns the furthest useful scroll.
pub fn draw(
    f: &mut Frame,
    area: Rect,
    said: &[Said],
    scroll: u16,
    week: crate::stats::review::Week,
    t: &Theme,
) -> u16 {
    let title = match week {
        crate::stats::review::Week::This => "Weekly review · this week (tab: last week)",
        crate::stats::review::Week::Last => "Weekly review · last week (tab: this week)",
    };
    let block = popup_block(f, area, title.into(), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width.saturating_sub(2)).max(1);
    let lines = lines(said, w, t);
    super::text::scrolled(f, inner, lines, scroll)
}
