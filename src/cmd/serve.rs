//! Serve-first commands: `brief`, `intro`, `due`, `today`. The data comes from `crate::serve`
//! (pure); this file only words it and writes.

use super::brief_text::{self, helper_line};
use super::doc::{Doc, Format};
use super::{CliError, CliResult, Ctx};
use crate::journal::{Journal, Overdue, UpcomingBirthday};
use crate::ops;
use crate::sanitize::inert_line;
use crate::serve::wording::{day, days_until, due, plural};
use crate::serve::{self, DueFollowUp, NeedMatch};
use chrono::NaiveDate;

/// Today lists the needs waiting longest; the rest are a `rolo brief` away.
const TODAY_NEEDS: usize = 5;

pub fn brief(ctx: &mut Ctx, who: &str, markdown: bool) -> CliResult {
    let ix = ctx.who_to_read(who)?;
    let today = ctx.today();
    let b = super::brief_cache::brief(ctx, ix, today)?;
    let mut doc = Doc::new(Format::detect(markdown));
    brief_text::render(&mut doc, &ctx.journal, &b, today);
    ctx.out.write_all(doc.render().as_bytes())?;
    Ok(())
}

pub fn intro(ctx: &mut Ctx, a: &str, b: &str, need: Option<u32>, note: Option<&str>) -> CliResult {
    let (ia, ib) = (ctx.who(a)?, ctx.who(b)?);
    if need.is_some() {
        // Marking the need met changes A's file: refused before anything is written.
        ctx.writable(a)?;
    }
    let (Some(ca), Some(cb)) = (ctx.journal.contact(ia), ctx.journal.contact(ib)) else {
        return Err(CliError::Vanished);
    };
    let made = ops::intro::plan(ca, cb, need, note, ctx.now).map_err(|e| {
        let hint = if need.is_some() {
            format!(" (see `rolo brief {}`)", ca.id)
        } else {
            String::new()
        };
        CliError::Intro { reason: e, hint }
    })?;
    let (name_a, name_b) = (ca.name.clone(), cb.name.clone());
    let saved = ops::note::save_intro(ctx.store, made.entry, &name_a, &name_b)?;
    writeln!(ctx.out, "{}", saved.intro_line(&name_a, &name_b))?;
    ctx.warn_broken(&saved.entry.with);
    if let Some(update) = made.need_update {
        // The entry is safe on disk; if the need changed meanwhile, say so and keep the entry.
        let need_id = update.need_id;
        let met = ops::MeetByIntro(update)
            .apply(ctx.store)
            .map_err(|e| CliError::IntroNeedNotMet { need_id, source: e })?;
        writeln!(ctx.out, "{}", met.line)?;
    }
    Ok(())
}

pub fn due_lists(ctx: &mut Ctx) -> CliResult {
    let today = ctx.today();
    let j = &ctx.journal;
    if j.contacts().is_empty() {
        writeln!(ctx.out, "{}", super::NO_CONTACTS)?;
        return Ok(());
    }
    let mut doc = Doc::new(Format::detect(false));
    let people = serve::reconnect(j, today);
    let promises = serve::follow_ups(j, today, 7);
    let birthdays = serve::birthdays(j, today, serve::today::BIRTHDAY_DAYS);
    doc.heading("Reconnect");
    if people.is_empty() {
        doc.note(
            if j.contacts().iter().all(|c| c.keep_in_touch_days.is_none()) {
                "No one has a keep-in-touch rhythm yet \
             (`keep_in_touch_days = 30` in a contact file, or `rolo add NAME --every 30`)."
            } else {
                "Everyone is within their rhythm. Nicely done."
            },
        );
    }
    for o in &people {
        reconnect_item(&mut doc, j, o);
    }
    doc.heading("Promises due this week and earlier");
    if promises.is_empty() {
        doc.note("Nothing due in the next week.");
    }
    for f in &promises {
        promise_item(&mut doc, j, f, today);
    }
    // Promises made to you that are due: only when there are some, to ask after.
    let waiting = serve::waiting_on(j, today);
    if !waiting.is_empty() {
        doc.heading("Waiting on them");
        for f in &waiting {
            promise_item(&mut doc, j, f, today);
        }
    }
    doc.heading(&format!(
        "Birthdays in the next {} days",
        serve::today::BIRTHDAY_DAYS
    ));
    if birthdays.is_empty() {
        doc.note(if j.contacts().iter().all(|c| c.birthday.is_none()) {
            "No birthdays recorded yet (`birthday = 1990-12-10` in a contact file)."
        } else {
            "None coming up."
        });
    }
    for b in &birthdays {
        birthday_item(&mut doc, j, b);
    }
    ctx.out.write_all(doc.render().as_bytes())?;
    Ok(())
}

pub fn today(ctx: &mut Ctx) -> CliResult {
    let date = ctx.today();
    let needs = super::today_cache::strong_matches(ctx, date);
    let j = &ctx.journal;
    let t = serve::today_with(j, date, needs);
    let mut doc = Doc::new(Format::detect(false));
    doc.title(&format!("Today, {}", date.format("%A %-d %B %Y")));
    let quiet = t.follow_ups.is_empty()
        && t.waiting.is_empty()
        && t.birthdays.is_empty()
        && t.reconnect.is_empty()
        && t.needs.is_empty();
    if j.contacts().is_empty() {
        // An empty journal is not a quiet day: say what would fill this page.
        doc.text("No contacts yet (add one with `rolo add NAME`).");
    } else if quiet {
        doc.text("Nothing pressing today. A good day to ask someone how they are.");
    }
    if !t.follow_ups.is_empty() {
        doc.heading("Promises due");
        for f in &t.follow_ups {
            promise_item(&mut doc, j, f, date);
        }
    }
    if !t.waiting.is_empty() {
        doc.heading("Waiting on them");
        for f in &t.waiting {
            promise_item(&mut doc, j, f, date);
        }
    }
    if !t.birthdays.is_empty() {
        doc.heading("Birthdays this week");
        for b in &t.birthdays {
            birthday_item(&mut doc, j, b);
        }
    }
    if !t.reconnect.is_empty() {
        doc.heading("Reconnect");
        for o in &t.reconnect {
            reconnect_item(&mut doc, j, o);
        }
        let more = t.reconnect_total - t.reconnect.len();
        if more > 0 {
            doc.detail(&doc.quiet(&format!("and {more} more in `rolo due`")));
        }
    }
    if !t.needs.is_empty() {
        doc.heading("You could help right now");
        for n in t.needs.iter().take(TODAY_NEEDS) {
            need_item(&mut doc, j, n);
        }
        if t.needs.len() > TODAY_NEEDS {
            doc.detail(&doc.quiet(&format!(
                "and {} more; `rolo brief NAME` shows who could help",
                t.needs.len() - TODAY_NEEDS
            )));
        }
    }
    ctx.out.write_all(doc.render().as_bytes())?;
    Ok(())
}

fn name(j: &Journal, ix: usize) -> String {
    j.contact(ix)
        .map(|c| inert_line(&c.name).into_owned())
        .unwrap_or_default()
}

fn reconnect_item(doc: &mut Doc, j: &Journal, o: &Overdue) {
    let since = match o.days_since {
        Some(days) => format!("it has been {days} days"),
        None => "nothing logged together yet".into(),
    };
    let needs = if o.open_needs > 0 {
        format!(
            " · {}",
            plural(o.open_needs as i64, "open need", "open needs")
        )
    } else {
        String::new()
    };
    let line = format!(
        "Reconnect with {} — {since}{needs}",
        doc.strong(&name(j, o.ix))
    );
    doc.item(&line);
}

fn promise_item(doc: &mut Doc, j: &Journal, f: &DueFollowUp, today: NaiveDate) {
    let line = format!(
        "{}: {} — {} ({})",
        doc.strong(&name(j, f.ix)),
        inert_line(&f.what),
        due(f.days_late),
        day(f.due, today)
    );
    doc.item(&line);
}

fn birthday_item(doc: &mut Doc, j: &Journal, b: &UpcomingBirthday) {
    let turning = b
        .turning
        .map(|t| format!(", turning {t}"))
        .unwrap_or_default();
    let leap = j.contact(b.ix).and_then(|c| c.birthday).is_some_and(|bd| {
        bd.month_day() == (2, 29) && b.date.format("%m-%d").to_string() != "02-29"
    });
    let leap = if leap { " (born on 29 February)" } else { "" };
    let line = format!(
        "{} — {}, {}{turning}{leap}",
        doc.strong(&name(j, b.ix)),
        b.date.format("%A %-d %B"),
        days_until(b.days_until)
    );
    doc.item(&line);
}

fn need_item(doc: &mut Doc, j: &Journal, n: &NeedMatch) {
    let owner = j.contact(n.ix);
    doc.item(&format!(
        "{} #{}: {} ({})",
        doc.strong(&name(j, n.ix)),
        n.need.id,
        inert_line(&n.need.what),
        plural(n.age_days, "day", "days")
    ));
    for h in &n.helpers {
        doc.detail(&format!("→ {}", helper_line(doc, j, h)));
    }
    if let (Some(o), Some(h)) = (owner, n.helpers.first().and_then(|h| j.contact(h.ix))) {
        doc.detail(&doc.quiet(&format!(
            "rolo intro {} {} --for {}",
            inert_line(&o.id),
            inert_line(&h.id),
            n.need.id
        )));
    }
}
