//! Each frame shown whole. A frame that changes much of the screen (a scroll through the
//! timeline, a popup opening, the screen cleared after a resize) goes out as many writes, and a
//! terminal may paint between them: the person sees half the old frame and half the new.
//! Terminals that know synchronized output (DEC private mode 2026: kitty, WezTerm, foot,
//! Alacritty, iTerm2 and others) hold the picture from the mode's start to its end; the rest
//! ignore a private mode they do not know. `Synced` wraps the real backend and brackets every
//! frame that writes anything: started by the first change (a cell or a clear), ended when
//! ratatui flushes the frame.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::layout::{Position, Size};
use std::io::{self, Write};

/// A backend whose frames are each one synchronized update.
pub struct Synced<B> {
    inner: B,
    /// A frame has begun and not yet been flushed.
    open: bool,
}

impl<B: Backend<Error = io::Error> + Write> Synced<B> {
    pub fn new(inner: B) -> Synced<B> {
        Synced { inner, open: false }
    }

    fn begin(&mut self) -> io::Result<()> {
        if !self.open {
            queue!(self.inner, BeginSynchronizedUpdate)?;
            self.open = true;
        }
        Ok(())
    }
}

impl<B: Backend<Error = io::Error> + Write> Backend for Synced<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // A frame with nothing changed writes nothing, not even the brackets.
        let mut content = content.peekable();
        if content.peek().is_some() {
            self.begin()?;
        }
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.begin()?;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.begin()?;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::replace(&mut self.open, false) {
            queue!(self.inner, EndSynchronizedUpdate)?;
        }
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::Synced;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::widgets::Paragraph;
    use ratatui::{Terminal, TerminalOptions, Viewport};
    use std::cell::RefCell;
    use std::io::{self, Write};
    use std::rc::Rc;

    const BEGIN: &str = "\x1b[?2026h";
    const END: &str = "\x1b[?2026l";

    /// What the backend wrote, kept where the test can read it.
    #[derive(Clone, Default)]
    struct Tape(Rc<RefCell<Vec<u8>>>);

    impl Write for Tape {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Tape {
        /// What was written since last asked.
        fn take(&self) -> String {
            String::from_utf8_lossy(&std::mem::take(&mut *self.0.borrow_mut())).into_owned()
        }
    }

    type Term = Terminal<Synced<CrosstermBackend<Tape>>>;

    fn terminal() -> (Term, Tape) {
        let tape = Tape::default();
        let backend = Synced::new(CrosstermBackend::new(tape.clone()));
        let viewport = Viewport::Fixed(Rect::new(0, 0, 20, 3));
        match Terminal::with_options(backend, TerminalOptions { viewport }) {
            Ok(t) => (t, tape),
            Err(e) => panic!("a terminal over a tape: {e}"),
        }
    }

    fn draw(t: &mut Term, text: &str) {
        if let Err(e) = t.draw(|f| f.render_widget(Paragraph::new(text), f.area())) {
            panic!("draw: {e}");
        }
    }

    #[test]
    fn a_frame_is_one_synchronized_update_around_everything_it_writes() {
        let (mut t, tape) = terminal();
        draw(&mut t, "Ada Lovelace");
        let frame = tape.take();
        assert!(frame.starts_with(BEGIN), "{frame:?}");
        assert!(frame.ends_with(END), "{frame:?}");
        assert!(
            frame.contains("Ada") && frame.contains("Lovelace"),
            "{frame:?}"
        );
        assert_eq!(frame.matches(BEGIN).count(), 1, "{frame:?}");
        assert_eq!(frame.matches(END).count(), 1, "{frame:?}");
    }

    /// The screen cleared (after a resize, or when `$EDITOR` gives the terminal back) and the
    /// frame drawn on it go out as one picture, not a blank screen first.
    #[test]
    fn a_clear_and_the_frame_after_it_are_one_update() {
        use ratatui::backend::Backend;
        use ratatui::buffer::Cell;
        let tape = Tape::default();
        let mut b = Synced::new(CrosstermBackend::new(tape.clone()));
        let cell = Cell::new("B");
        let steps = Backend::clear(&mut b)
            .and_then(|()| b.draw(std::iter::once((0, 0, &cell))))
            .and_then(|()| Backend::flush(&mut b));
        if let Err(e) = steps {
            panic!("clear, draw, flush: {e}");
        }
        let frame = tape.take();
        assert!(frame.starts_with(BEGIN), "{frame:?}");
        assert!(frame.ends_with(END), "{frame:?}");
        assert_eq!(frame.matches(BEGIN).count(), 1, "{frame:?}");
        assert!(
            frame.contains("\x1b[2J") && frame.contains('B'),
            "{frame:?}"
        );
    }

    #[test]
    fn a_frame_with_nothing_changed_writes_no_brackets() {
        let (mut t, tape) = terminal();
        draw(&mut t, "Ada Lovelace");
        tape.take();
        draw(&mut t, "Ada Lovelace");
        let frame = tape.take();
        assert!(!frame.contains(BEGIN) && !frame.contains(END), "{frame:?}");
    }
}
