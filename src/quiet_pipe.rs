//! Output into a pipe whose reader has gone (`rolo list | head`): the reader had all it
//! wanted, so that is no error. Writes after the pipe closed are dropped, and rolo finishes
//! as if they had gone through, with no "Broken pipe" message.

use std::io::{self, ErrorKind, Write};

pub struct QuietPipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> QuietPipe<W> {
    pub fn new(inner: W) -> QuietPipe<W> {
        QuietPipe {
            inner,
            closed: false,
        }
    }

    fn quiet<T>(&mut self, result: io::Result<T>, done: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for QuietPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.quiet(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.quiet(result, ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes `room` bytes, then reports what a closed pipe reports.
    struct Pipe {
        got: Vec<u8>,
        room: usize,
        error: ErrorKind,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.got.len() >= self.room {
                return Err(io::Error::from(self.error));
            }
            let n = buf.len().min(self.room - self.got.len());
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_swallows_the_rest_quietly() {
        let pipe = Pipe {
            got: Vec::new(),
            room: 4,
            error: ErrorKind::BrokenPipe,
        };
        let mut out = QuietPipe::new(pipe);
        assert!(writeln!(out, "ada\nbo\ncy").is_ok());
        assert!(out.flush().is_ok());
        assert_eq!(out.inner.got, b"ada\n");
        assert!(out.closed);
    }

    #[test]
    fn other_write_errors_still_fail() {
        let pipe = Pipe {
            got: Vec::new(),
            room: 0,
            error: ErrorKind::StorageFull,
        };
        let mut out = QuietPipe::new(pipe);
        assert_eq!(
            writeln!(out, "ada").map_err(|e| e.kind()),
            Err(ErrorKind::StorageFull)
        );
    }
}
