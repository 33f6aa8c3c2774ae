//! An introduction: the entry that records it (in both people's timelines) and, when it was
//! for one of the first person's needs, the update that marks that need met.

use crate::model::{Contact, Entry, Kind, NeedStatus};
use chrono::{DateTime, FixedOffset, NaiveDate};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intro {
    pub entry: Entry,
    /// Present when the intro was for a need of the person being helped.
    pub need_update: Option<NeedUpdate>,
}

/// Marks need `need_id` of contact `contact_id` met on `met_on`, with `how`; `what` is the
/// need's words when the intro was made for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedUpdate {
    pub contact_id: String,
    pub need_id: u32,
    pub what: String,
    pub met_on: NaiveDate,
    pub how: String,
}

impl NeedUpdate {
    /// Apply to the contact as it is now (e.g. inside `Store::update_contact`); refuses when the
    /// need is gone, no longer open or in other words than the intro was for (reworded, or
    /// its number taken by another need, elsewhere meanwhile), so nothing is overwritten by
    /// mistake.
    pub fn apply(&self, c: &mut Contact) -> Result<(), String> {
        let name = c.name.clone();
        let need = c
            .need_mut(self.need_id)
            .ok_or_else(|| format!("{name} has no need #{}", self.need_id))?;
        if need.status != NeedStatus::Open {
            return Err(format!(
                "need #{} of {name} is already {}",
                self.need_id,
                need.status.as_str()
            ));
        }
        if need.what != self.what {
            return Err(format!(
                "need #{} of {name} changed since the intro and now reads \"{}\"; nothing was written",
                self.need_id,
                crate::sanitize::inert_line(&need.what)
            ));
        }
        need.status = NeedStatus::Met;
        need.met_on = Some(self.met_on);
        need.how = Some(self.how.clone());
        Ok(())
    }
}

/// Build the intro of `helped` to `other`, optionally for one of `helped`'s open needs.
///
/// The entry: kind `intro`, both people in `with` (the helped person first), `gave` =
/// "Introduced A to B" plus " for: NEED" when there is one, and the note = `note` or, when
/// none is given, the same sentence. Errors (nothing to write) are one-line messages.
pub fn intro(
    helped: &Contact,
    other: &Contact,
    need_id: Option<u32>,
    note: Option<&str>,
    at: DateTime<FixedOffset>,
) -> Result<Intro, String> {
    if helped.id == other.id {
        return Err(format!("cannot introduce {} to themselves", helped.name));
    }
    let need = match need_id {
        None => None,
        Some(id) => {
            let need = helped
                .need(id)
                .ok_or_else(|| format!("{} has no need #{id}", helped.name))?;
            if need.status != NeedStatus::Open {
                return Err(format!(
                    "need #{id} of {} is already {}",
                    helped.name,
                    need.status.as_str()
                ));
            }
            Some(need)
        }
    };
    let mut gave = format!("Introduced {} to {}", helped.name, other.name);
    if let Some(n) = need {
        gave.push_str(" for: ");
        gave.push_str(n.what.trim());
    }
    let with = vec![helped.id.clone(), other.id.clone()];
    let note = note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("{gave}."));
    let entry = Entry {
        id: Entry::make_id(&at, &with),
        at,
        with,
        kind: Kind::Intro,
        note,
        gave: Some(gave),
        asked: None,
    };
    let need_update = need.map(|n| NeedUpdate {
        contact_id: helped.id.clone(),
        need_id: n.id,
        what: n.what.clone(),
        met_on: at.date_naive(),
        how: format!("introduced to {}", other.name),
    });
    Ok(Intro { entry, need_update })
}
