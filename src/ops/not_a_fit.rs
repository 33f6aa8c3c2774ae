//! "Not a fit": a person marked unsuitable for one need is never suggested for it again
//! (`Need::not_a_fit`, kept in the contact file). Undone by the same operation with
//! `not_a_fit: false`.

use super::{Changed, OpError};
use crate::sanitize::inert_line;
use crate::store::Store;

/// Mark (or unmark) `helper` (a contact id) as not a fit for need `need` of the person whose
/// file is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFit {
    pub need: u32,
    pub helper: String,
    /// The helper's name, for the description.
    pub helper_name: String,
    /// `false` takes the mark back (the undo).
    pub not_a_fit: bool,
}

impl NotAFit {
    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let NotAFit {
            need,
            helper,
            helper_name,
            not_a_fit,
        } = self;
        let mut missing = None;
        let result = store.update_contact(contact, |c| {
            let (name, id) = (c.name.clone(), c.id.clone());
            let Some(n) = c.need_mut(need) else {
                missing = Some(OpError::NoNeed {
                    name,
                    contact: id,
                    need,
                });
                return Err(String::new());
            };
            n.set_not_a_fit(&helper, not_a_fit);
            Ok(())
        });
        let saved = result.map_err(|e| missing.unwrap_or(OpError::Store(e)))?;
        let name = inert_line(&saved.value.name).into_owned();
        let helper = inert_line(&helper_name).into_owned();
        let (line, status) = if not_a_fit {
            (
                format!("{helper} will not be suggested for need #{need} of {name} again"),
                format!("{helper}: not a fit for this need"),
            )
        } else {
            (
                format!("{helper} may be suggested for need #{need} of {name} again"),
                format!("{helper} may be suggested again"),
            )
        };
        super::finish(store, &line);
        Ok(Changed {
            line,
            status,
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}
