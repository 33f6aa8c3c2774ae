//! Where things were drawn, for the mouse: the UI lists each pane and each row it drew with
//! its rectangle, the loop keeps the list in the state, and `update` looks a click up in it.
//! Rows are recorded as drawn (a wrapped need spans several lines), so a click always lands
//! on what the person saw there.

use super::state::Pane;
use ratatui::layout::{Position, Rect};

/// What a place on the screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A pane's frame or empty space in it: focuses the pane.
    Pane(Pane),
    /// A row of the contacts list, by its place in `AppState::rows`.
    Contact(usize),
    /// An entry of the timeline, by its place in the list shown.
    Entry(usize),
    /// A need or a promise in the needs & promises pane, by its place there.
    Item(usize),
    /// A selectable row in the reconnect or today list, by its place in `Lists::items`.
    ListRow(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub area: Rect,
    pub target: Target,
}

/// Everything clickable from the last frame, in drawing order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hits(Vec<Hit>);

impl Hits {
    pub fn push(&mut self, area: Rect, target: Target) {
        if area.width > 0 && area.height > 0 {
            self.0.push(Hit { area, target });
        }
    }

    /// What is at column `x`, row `y`: the last thing drawn there (a row before its pane,
    /// a popup before what it covers).
    pub fn at(&self, x: u16, y: u16) -> Option<Target> {
        self.0
            .iter()
            .rev()
            .find(|h| h.area.contains(Position { x, y }))
            .map(|h| h.target)
    }

    /// Forget everything under `area` (a popup drawn over the panes hides their rows).
    pub fn cover(&mut self, area: Rect) {
        self.0.retain(|h| h.area.intersection(area).is_empty());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_thing_drawn_wins() {
        let mut hits = Hits::default();
        hits.push(Rect::new(0, 0, 10, 10), Target::Pane(Pane::Contacts));
        hits.push(Rect::new(1, 2, 8, 1), Target::Contact(1));
        assert_eq!(hits.at(3, 2), Some(Target::Contact(1)));
        assert_eq!(hits.at(3, 3), Some(Target::Pane(Pane::Contacts)));
        assert_eq!(hits.at(30, 3), None);
        hits.cover(Rect::new(0, 0, 5, 5));
        assert!(hits.is_empty());
    }
}
