//! Reading address books: the fixtures of `tests/fixtures/interchange/` through `read`.
