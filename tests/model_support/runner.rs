//! One case: a world, the model, a running TUI; each step is made on the world and on the
//! model, then both are compared.

use super::checks;
use super::model::{Card, Expect, Model, Person, due_of};
use super::roster::{DUES, NEWCOMERS, SEEDS};
use super::steps::{Step, Who, Write, expect, who_text};
use super::tui::{Tui, key, tick, typed};
use super::world::World;
use chrono::{DateTime, Datelike, FixedOffset};
use ratatui::crossterm::event::{Event, KeyCode};
use rolo::app::AppState;
use std::collections::BTreeMap;
use std::time::Duration;

mod tui_write;

pub struct Case {
    pub world: World,
    pub model: Model,
    pub tui: Option<Tui>,
    commits: Vec<(String, Model)>,
    written: usize,
}

/// What a step did, for the failure report.
pub type Outcome = Result<String, String>;

impl Case {
    pub fn new(now: DateTime<FixedOffset>, cache_on: bool) -> Result<Case, String> {
        let world = World::new(now, cache_on)?;
        let people = SEEDS
            .iter()
            .map(|s| {
                let card = Card {
                    name: s.name.into(),
                    aliases: s.aliases.iter().map(|a| a.to_string()).collect(),
                    needs: Vec::new(),
                    follow_ups: Vec::new(),
                };
                (s.id.to_string(), Person { card, broken: None })
            })
            .collect();
        let model = Model {
            people,
            entries: Vec::new(),
            today: now.date_naive(),
        };
        let tui = Tui::start(&world.root(), world.cache_root(), now)?;
        let mut case = Case {
            world,
            model,
            tui: Some(tui),
            commits: Vec::new(),
            written: 0,
        };
        case.commit()?;
        case.check()?;
        Ok(case)
    }

    fn commit(&mut self) -> Result<String, String> {
        let sha = self.world.commit("model step")?;
        self.commits.push((sha.clone(), self.model.clone()));
        Ok(format!("committed {sha:.8}"))
    }

    fn text(&mut self, what: &str) -> String {
        self.written += 1;
        format!("{what} {} · café встреча", self.written)
    }

    /// The TUI after a refresh tick, then disk and TUI against the model.
    pub fn check(&mut self) -> Result<(), String> {
        checks::disk(&self.world.root(), &self.model)?;
        let tui = self.tui.as_mut().ok_or("no TUI")?;
        let state = tui.play(vec![tick(), tick()])?;
        checks::tui(&state, &tui.journal, &self.model)?;
        Ok(())
    }

    pub fn apply(&mut self, step: &Step) -> Outcome {
        if !matches!(step, Step::Tui { .. }) {
            // The TUI notices changes by file times, which move in timer ticks: let one pass
            // so an outside change cannot share a time with the TUI's picture of the folder.
            std::thread::sleep(Duration::from_millis(12));
        }
        let done = match step {
            Step::Cli { write, target, who } => self.cli(write, *target, who)?,
            Step::Add(k) => self.add(NEWCOMERS[k % NEWCOMERS.len()])?,
            Step::Tui { write, target } => self.tui_write(write, *target)?,
            Step::Rewrite(t) => self.rewrite(*t, false)?,
            Step::EditInPlace(t) => self.rewrite(*t, true)?,
            Step::Append(a, b) => self.append(*a, *b)?,
            Step::Delete(t) => match self.model.pick(*t) {
                Some(id) => {
                    std::fs::remove_file(self.world.path(&format!("contacts/{id}.toml")))
                        .map_err(|e| e.to_string())?;
                    self.model.people.remove(&id);
                    format!("deleted contacts/{id}.toml")
                }
                None => "nobody to delete".into(),
            },
            Step::Break(t) => self.break_file(*t)?,
            Step::Fix(t) => self.fix(*t)?,
            Step::Commit => self.commit()?,
            Step::Checkout(k) => {
                let (sha, model) = self.commits[k % self.commits.len()].clone();
                self.world.checkout(&sha)?;
                self.model = model;
                format!("checked out {sha:.8}")
            }
            Step::Restart => {
                if let Some(old) = self.tui.take() {
                    old.stop();
                }
                let w = &self.world;
                self.tui = Some(Tui::start(&w.root(), w.cache_root(), w.now)?);
                "restarted the TUI".into()
            }
        };
        self.check().map_err(|e| format!("{done}\n{e}"))?;
        Ok(done)
    }

    /// The command line for a write, and how to apply it to the model if it lands on `id`.
    fn args(&mut self, write: &Write, who: &str, id: Option<&str>) -> Vec<String> {
        // A number the person has, or one nobody has (99) when they have none.
        let number = |k: usize, ids: Vec<u32>| -> String {
            ids.get(k % ids.len().max(1))
                .copied()
                .unwrap_or(99)
                .to_string()
        };
        match write {
            Write::Note => vec!["note".into(), who.into(), self.text("note")],
            Write::Need => vec!["need".into(), who.into(), self.text("need")],
            Write::FollowUp(d) => vec![
                "followup".into(),
                who.into(),
                self.text("promise"),
                "--due".into(),
                DUES[d % DUES.len()].into(),
            ],
            Write::Met(k) => {
                let ids = id.map(|i| self.model.open_needs(i)).unwrap_or_default();
                let n = number(*k, ids);
                vec!["met".into(), who.into(), n, "--how".into(), "asked".into()]
            }
            Write::Done(k) => {
                let ids = id
                    .map(|i| self.model.open_follow_ups(i))
                    .unwrap_or_default();
                let n = number(*k, ids);
                vec!["done".into(), who.into(), n]
            }
        }
    }

    /// Apply a write's effect on `id` to `model`; false when it can have none (no such need).
    fn land(model: &mut Model, args: &[String], id: &str) -> bool {
        let today = model.today;
        let number = |i: usize| args.get(i).and_then(|n| n.parse::<u32>().ok());
        match args[0].as_str() {
            "note" => model.entries.push((vec![id.to_string()], args[2].clone())),
            "need" => model.add_need(id, &args[2]),
            "followup" => model.add_follow_up(id, &args[2], due_of(today, &args[4])),
            "met" => {
                let Some(n) = model
                    .card_mut(id)
                    .and_then(|c| c.needs.iter_mut().find(|x| Some(x.id) == number(2)))
                    .filter(|n| n.open)
                else {
                    return false;
                };
                n.open = false;
            }
            "done" => {
                let Some(f) = model
                    .card_mut(id)
                    .and_then(|c| c.follow_ups.iter_mut().find(|x| Some(x.id) == number(2)))
                    .filter(|f| !f.done)
                else {
                    return false;
                };
                f.done = true;
            }
            _ => return false,
        }
        true
    }

    fn cli(&mut self, write: &Write, target: usize, who: &Who) -> Outcome {
        let Some(aim) = self.model.pick(target) else {
            return Ok("nobody left".into());
        };
        let query = who_text(&self.model, &aim, who);
        let expected = expect(&self.model, &query, write);
        let meant = match &expected {
            Expect::Write(id) => Some(id.clone()),
            _ => None,
        };
        let args = self.args(write, &query, meant.as_deref());
        let strs: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = self.world.rolo(&strs)?;
        let said = format!(
            "rolo {strs:?} (expected {expected:?}) -> exit {:?}, stdout {:?}, stderr {:?}",
            run.code, run.stdout, run.stderr
        );
        if run.code == Some(101) || run.stderr.contains("panicked") {
            return Err(format!("the CLI panicked: {said}"));
        }
        let mut candidates = match expected {
            Expect::Write(id) => vec![id],
            Expect::Refuse => Vec::new(),
            Expect::Either(set) => set.into_iter().collect(),
        };
        let must_write = candidates.len() == 1 && meant.is_some();
        // Each candidate model: the write landed on that person (if it can land at all).
        let mut outcomes: Vec<(String, Model)> = Vec::new();
        for id in candidates.drain(..) {
            let mut m = self.model.clone();
            if Case::land(&mut m, &args, &id) {
                outcomes.push((id, m));
            }
        }
        let must_write = must_write && !outcomes.is_empty();
        match run.code {
            Some(0) => {
                let found = super::disk::read(&self.world.root())?;
                let hit = outcomes
                    .into_iter()
                    .find(|(_, m)| super::disk::diff(&found, &super::disk::expected(m)).is_none());
                match hit {
                    Some((_, m)) => self.model = m,
                    None if must_write => {
                        let want = meant.unwrap_or_default();
                        let mut m = self.model.clone();
                        Case::land(&mut m, &args, &want);
                        self.model = m;
                    }
                    None => return Err(format!("wrote what it should not: {said}")),
                }
            }
            Some(1) if !must_write => {}
            _ if must_write => return Err(format!("the write was lost: {said}")),
            _ => return Err(format!("should write nothing and exit 1: {said}")),
        }
        Ok(said)
    }

    fn add(&mut self, name: &str) -> Outcome {
        let taken = self.model.people.values().any(|p| {
            super::model::fold(&p.card.name) == super::model::fold(name) || p.broken.is_some()
        });
        if taken {
            return Ok(format!("not adding {name}"));
        }
        let run = self.world.rolo(&["add", name])?;
        let said = format!("rolo add {name:?} -> exit {:?} {:?}", run.code, run.stderr);
        if run.code != Some(0) {
            return Err(format!("add failed: {said}"));
        }
        let new: Vec<String> = self
            .world
            .contact_ids()
            .into_iter()
            .filter(|id| !self.model.people.contains_key(id))
            .collect();
        let [id] = new.as_slice() else {
            return Err(format!("add made {new:?}: {said}"));
        };
        if id.starts_with("contact-") || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(format!("add made the id {id:?} for {name:?}"));
        }
        let card = Card {
            name: name.into(),
            aliases: Vec::new(),
            needs: Vec::new(),
            follow_ups: Vec::new(),
        };
        self.model
            .people
            .insert(id.clone(), Person { card, broken: None });
        Ok(format!("{said}: {id}"))
    }
}

impl Case {
    fn rewrite(&mut self, t: usize, in_place: bool) -> Outcome {
        let Some(id) = self
            .model
            .pick(t)
            .filter(|id| self.model.people[id].broken.is_none())
        else {
            return Ok("nothing to rewrite".into());
        };
        let rel = format!("contacts/{id}.toml");
        let text = String::from_utf8(self.world.read(&rel).unwrap_or_default())
            .map_err(|e| e.to_string())?;
        let mut table: toml::Table = text.parse().map_err(|e| format!("{rel}: {e}"))?;
        let card = self.model.card_mut(&id).ok_or("gone")?;
        card.name = match card.name.strip_suffix(" Jr") {
            Some(n) => n.to_string(),
            None => format!("{} Jr", card.name),
        };
        table.insert("name".into(), toml::Value::String(card.name.clone()));
        let name = card.name.clone();
        if in_place {
            self.world
                .write_in_place(&rel, table.to_string().as_bytes())?;
            Ok(format!("renamed {id} to {name:?} by hand, in place"))
        } else {
            self.world.replace(&rel, table.to_string().as_bytes())?;
            Ok(format!("renamed {id} to {name:?} by hand"))
        }
    }

    fn append(&mut self, a: usize, b: usize) -> Outcome {
        let (Some(x), Some(y)) = (self.model.pick(a), self.model.pick(b)) else {
            return Ok("nobody to append for".into());
        };
        let mut with = vec![x];
        if !with.contains(&y) {
            with.push(y);
        }
        let note = self.text("outside");
        let now = self.world.now;
        let quoted: Vec<String> = with.iter().map(|w| format!("{w:?}")).collect();
        let block = format!(
            "\n[[entry]]\nid = \"{}-outside-{}\"\nat = {}\nwith = [{}]\nkind = \"call\"\nnote = {}\n",
            now.format("%Y-%m-%d-%H%M"),
            self.written,
            now.to_rfc3339(),
            quoted.join(", "),
            super::roster::quoted(&note),
        );
        let rel = format!("journal/{}/{}.toml", now.year(), now.format("%Y-%m"));
        self.world.append(&rel, &block)?;
        self.model.entries.push((with.clone(), note));
        Ok(format!("appended an entry with {with:?} to {rel}"))
    }

    fn break_file(&mut self, t: usize) -> Outcome {
        let Some(id) = self
            .model
            .pick(t)
            .filter(|id| self.model.people[id].broken.is_none())
        else {
            return Ok("nothing to break".into());
        };
        let rel = format!("contacts/{id}.toml");
        let good = String::from_utf8(self.world.read(&rel).unwrap_or_default())
            .map_err(|e| e.to_string())?;
        let bad = format!("name = \"{id}\nneed = [\n").into_bytes();
        self.world.replace(&rel, &bad)?;
        if let Some(p) = self.model.people.get_mut(&id) {
            p.broken = Some((bad, good));
        }
        Ok(format!("broke {rel}"))
    }

    fn fix(&mut self, t: usize) -> Outcome {
        let broken: BTreeMap<String, String> = self
            .model
            .people
            .iter()
            .filter_map(|(id, p)| {
                p.broken
                    .as_ref()
                    .map(|(_, good)| (id.clone(), good.clone()))
            })
            .collect();
        let count = broken.len().max(1);
        let Some((id, good)) = broken.into_iter().nth(t % count) else {
            return Ok("nothing to fix".into());
        };
        self.world
            .replace(&format!("contacts/{id}.toml"), good.as_bytes())?;
        if let Some(p) = self.model.people.get_mut(&id) {
            p.broken = None;
        }
        Ok(format!("fixed contacts/{id}.toml"))
    }
}
