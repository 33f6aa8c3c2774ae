//! Changes to the file of a person whose file does not load are refused before anything is
//! asked or written: the store would refuse them too, but only after the person had typed
//! their need or promise. `e` stays open to them (editing the file is how it gets fixed), and
//! notes are welcome (they go to a month file and name the person by id).

use crate::app::state::AppState;
use crate::journal::Journal;
use crate::sanitize::inert_line;

/// True (with the reason on the status line) when `id`'s contact file must not be changed.
pub fn refused(state: &mut AppState, journal: &Journal, id: &str) -> bool {
    let Some(p) = journal.broken_by_id(id) else {
        return false;
    };
    let name = inert_line(journal.name_of(id)).into_owned();
    state.warn(format!(
        "{name}'s file does not load ({}:{}:{}: {}); press e to fix it — nothing was written",
        inert_line(&p.path.display().to_string()),
        p.line,
        p.col,
        inert_line(&p.message)
    ));
    true
}

/// The status after an entry was saved with people whose file does not load.
pub fn saved_with(journal: &Journal, with: &[String]) -> Option<String> {
    let id = with.iter().find(|id| journal.broken_by_id(id).is_some())?;
    let p = journal.broken_by_id(id)?;
    Some(format!(
        "saved; but {}'s file does not load ({}:{}:{}) — press e on them to fix it",
        inert_line(journal.name_of(id)),
        inert_line(&p.path.display().to_string()),
        p.line,
        p.col
    ))
}
