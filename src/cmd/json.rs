//! `--json` on the read commands: the same pieces as `rolo export json` (schema `rolo/1`: a
//! person, a need, a promise, an entry), wrapped in what each command lists. People are
//! named by id inside the lists; the full record comes where the command is about one person.

use super::{CliError, CliResult, Ctx};
use crate::interchange::export::json::{self, SCHEMA, to_text};
use crate::serve;
use serde_json::{Value, json};

fn write(ctx: &mut Ctx, value: &Value) -> CliResult {
    ctx.out.write_all(to_text(value).as_bytes())?;
    Ok(())
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn id(ctx: &Ctx, ix: usize) -> String {
    ctx.id_of(ix)
}

pub fn list(ctx: &mut Ctx, tag: Option<&str>, due: bool, archived: bool) -> CliResult {
    let j = &ctx.journal;
    // The rows `rolo list` prints, in its order.
    let rows = super::read::list_rows(j, tag, due, archived, ctx.today());
    let value = json!({ "schema": SCHEMA, "people": json::people(j, &rows) });
    write(ctx, &value)
}

pub fn show(ctx: &mut Ctx, who: &str) -> CliResult {
    let ix = ctx.who_to_read(who)?;
    let j = &ctx.journal;
    let c = j.contact(ix).ok_or(CliError::Vanished)?;
    let entries: Vec<_> = j.timeline_of(ix).map(json::entry).collect();
    let value = json!({ "schema": SCHEMA, "person": json::person(j, ix, c), "entries": entries });
    write(ctx, &value)
}

pub fn timeline(ctx: &mut Ctx, who: Option<&str>, count: usize) -> CliResult {
    let j = &ctx.journal;
    let entries: Vec<_> = match who {
        Some(w) => {
            let ix = ctx.who_to_read(w)?;
            ctx.journal
                .timeline_of(ix)
                .take(count)
                .map(json::entry)
                .collect()
        }
        None => j.timeline().take(count).map(json::entry).collect(),
    };
    let value = json!({ "schema": SCHEMA, "entries": entries });
    write(ctx, &value)
}

fn reconnect(ctx: &Ctx, o: &crate::journal::Overdue) -> Value {
    json!({
        "person": id(ctx, o.ix),
        "days_since": o.days_since,
        "rhythm_days": o.rhythm,
        "days_over": o.days_over,
        "open_needs": o.open_needs,
    })
}

fn promise(ctx: &Ctx, f: &serve::DueFollowUp) -> Value {
    json!({
        "person": id(ctx, f.ix),
        "id": f.id,
        "what": f.what,
        "due": day(f.due),
        "days_late": f.days_late,
    })
}

fn birthday(ctx: &Ctx, b: &crate::journal::UpcomingBirthday) -> Value {
    json!({
        "person": id(ctx, b.ix),
        "date": day(b.date),
        "days_until": b.days_until,
        "turning": b.turning,
    })
}

fn helper(ctx: &Ctx, h: &serve::Helper) -> Value {
    json!({
        "person": id(ctx, h.ix),
        "strong": h.strong,
        "reasons": h.reasons.iter().map(|r| r.phrase.clone()).collect::<Vec<_>>(),
    })
}

pub fn due(ctx: &mut Ctx) -> CliResult {
    let today = ctx.today();
    let j = &ctx.journal;
    let value = json!({
        "schema": SCHEMA,
        "reconnect": serve::reconnect(j, today).iter().map(|o| reconnect(ctx, o)).collect::<Vec<_>>(),
        "follow_ups": serve::follow_ups(j, today, 7).iter().map(|f| promise(ctx, f)).collect::<Vec<_>>(),
        "waiting": serve::waiting_on(j, today).iter().map(|f| promise(ctx, f)).collect::<Vec<_>>(),
        "birthdays": serve::birthdays(j, today, serve::today::BIRTHDAY_DAYS)
            .iter()
            .map(|b| birthday(ctx, b))
            .collect::<Vec<_>>(),
    });
    write(ctx, &value)
}

pub fn today(ctx: &mut Ctx) -> CliResult {
    let date = ctx.today();
    let needs = super::today_cache::strong_matches(ctx, date);
    let t = serve::today_with(&ctx.journal, date, needs);
    let needs: Vec<Value> = t
        .needs
        .iter()
        .map(|n| {
            json!({
                "person": id(ctx, n.ix),
                "need": json::need(&n.need),
                "age_days": n.age_days,
                "helpers": n.helpers.iter().map(|h| helper(ctx, h)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = json!({
        "schema": SCHEMA,
        "date": day(date),
        "follow_ups": t.follow_ups.iter().map(|f| promise(ctx, f)).collect::<Vec<_>>(),
        "waiting": t.waiting.iter().map(|f| promise(ctx, f)).collect::<Vec<_>>(),
        "birthdays": t.birthdays.iter().map(|b| birthday(ctx, b)).collect::<Vec<_>>(),
        "reconnect": t.reconnect.iter().map(|o| reconnect(ctx, o)).collect::<Vec<_>>(),
        "reconnect_total": t.reconnect_total,
        "needs": needs,
    });
    write(ctx, &value)
}

pub fn brief(ctx: &mut Ctx, who: &str) -> CliResult {
    let ix = ctx.who_to_read(who)?;
    let today = ctx.today();
    let b = super::brief_cache::brief(ctx, ix, today)?;
    let j = &ctx.journal;
    let c = j.contact(ix).ok_or(CliError::Vanished)?;
    let needs: Vec<Value> = b
        .needs
        .iter()
        .map(|n| {
            json!({
                "need": json::need(&n.need),
                "age_days": n.age_days,
                "done": n.done.iter().map(json::entry).collect::<Vec<_>>(),
                "helpers": n.helpers.iter().map(|h| helper(ctx, h)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = json!({
        "schema": SCHEMA,
        "person": json::person(j, ix, c),
        "last_spoke": b.last_spoke.map(day),
        "days_since": b.days_since,
        "usual_weeks": b.usual_weeks,
        "birthday": b.birthday.as_ref().map(|u| birthday(ctx, u)),
        "needs": needs,
        "follow_ups": b.follow_ups.iter().map(|f| json!({
            "follow_up": json::follow_up(&f.follow_up),
            "days_late": f.days_late,
        })).collect::<Vec<_>>(),
        "theirs": b.theirs.iter().map(|f| json!({
            "follow_up": json::follow_up(&f.follow_up),
            "days_late": f.days_late,
        })).collect::<Vec<_>>(),
        "meet": b.meet.iter().map(|s| json!({
            "need": s.need_id,
            "helper": helper(ctx, &s.helper),
        })).collect::<Vec<_>>(),
        "recent": b.recent.iter().map(json::entry).collect::<Vec<_>>(),
        "gave": b.balance.gave,
        "asked": b.balance.asked,
    });
    write(ctx, &value)
}
