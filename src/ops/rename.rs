//! A new display name for a person (`rolo rename WHO NAME`). The id, their file's name, stays:
//! entries and other people's files point at it. The old name becomes an alias (unless the
//! caller says not), so what you used to type still finds them.

use super::{Changed, Invalid, OpError, a_name, finish};
use crate::fold;
use crate::sanitize::inert_line;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    name: String,
    keep_alias: bool,
}

impl Rename {
    pub fn new(name: &str, keep_alias: bool) -> Result<Rename, Invalid> {
        Ok(Rename {
            name: a_name(name, "the new name")?,
            keep_alias,
        })
    }

    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let mut refused = None;
        let mut old = String::new();
        let result = store.update_contact(contact, |c| {
            if c.name == self.name {
                refused = Some(format!(
                    "{} is called that already; nothing was written",
                    inert_line(&c.name)
                ));
                return Err(String::new());
            }
            old = std::mem::replace(&mut c.name, self.name.clone());
            let new_key = fold::key(&self.name);
            // The new name is no longer an alias of itself.
            c.aliases.retain(|a| fold::key(a) != new_key);
            let old_key = fold::key(&old);
            if self.keep_alias
                && old_key != new_key
                && !c.aliases.iter().any(|a| fold::key(a) == old_key)
            {
                c.aliases.push(old.clone());
            }
            Ok(())
        });
        let saved = result.map_err(|e| match refused.take() {
            Some(why) => OpError::Refused(Invalid(why)),
            None => OpError::Store(e),
        })?;
        let line = format!(
            "renamed {} to {}",
            inert_line(&old),
            inert_line(&saved.value.name)
        );
        finish(store, &line);
        Ok(Changed {
            status: line.clone(),
            line,
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}
