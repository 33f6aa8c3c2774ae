//! Import and export, more: rolo's own vCards read back whole, and an import that writes
//! nothing saying why (`interchange_cli.rs` has the rest).

use crate::interchange_cli::{contacts, fixture, import};
use crate::support::home::Home;
use rolo::model::Contact;
use std::path::Path;

/// The demo's people, exported as vCards and imported into an empty journal, come back with
/// everything a vCard carries: what they can help with item by item (several in one
/// property came back as one "a;b;c"), where you met, the rhythm, the notes.
#[test]
fn rolo_s_own_fields_come_back_from_its_vcards() {
    let home = Home::new();
    let exported = home.tmp.path().join("demo.vcf");
    std::fs::write(&exported, home.ok(&["--demo", "export", "vcard"])).expect("write");
    import(&home, &[exported.display().to_string()], true);
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    let carried = |c: &Contact| {
        (
            c.name.clone(),
            c.aliases.clone(),
            c.tags.clone(),
            (c.company.clone(), c.role.clone()),
            (c.email.clone(), c.phone.clone(), c.urls.clone()),
            (c.birthday, c.met.clone(), c.keep_in_touch_days),
            c.can_help_with.clone(),
            c.notes.as_deref().map(str::trim_end).map(str::to_string),
        )
    };
    let by_name = |dir: &Path| {
        let mut all: Vec<_> = contacts(dir).iter().map(carried).collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    };
    let (back, demo) = (by_name(&home.data()), by_name(&demo));
    assert!(
        demo.iter().filter(|c| c.6.len() > 1).count() > 3,
        "the demo has people who can help with several things"
    );
    assert_eq!(back, demo);
}

/// An import that writes nothing says why: everyone here already, or cards skipped (a file
/// that is no address book, a card with no name), never "everyone is here" for those.
#[test]
fn an_import_that_writes_nothing_says_why() {
    let home = Home::new();
    import(&home, &[fixture("google.vcf")], true);
    let junk = home.tmp.path().join("notes.txt");
    std::fs::write(&junk, "not an address book\n").expect("write");
    let junk = junk.display().to_string();
    let out = import(&home, std::slice::from_ref(&junk), true);
    assert!(
        out.ends_with(&format!(
            "nothing imported from {junk}: all of it was skipped (see why above)\n"
        )),
        "{out}"
    );
    let out = import(&home, &[fixture("google.vcf"), junk.clone()], true);
    assert!(
        out.ends_with("1 skipped (see why above), the rest here already\n"),
        "{out}"
    );
    assert!(out.contains("\nSkipped\n"), "{out}");
    // Two files that are no address book beside two cards here already: not "all of it".
    let other = home.tmp.path().join("more.txt");
    std::fs::write(&other, "nor this\n").expect("write");
    let out = import(
        &home,
        &[
            fixture("google.vcf"),
            junk.clone(),
            other.display().to_string(),
        ],
        true,
    );
    assert!(
        out.ends_with("2 skipped (see why above), the rest here already\n"),
        "{out}"
    );
    let out = import(&home, &[fixture("google.vcf")], true);
    assert!(
        out.ends_with("everyone in it is here already, with all it says\n"),
        "{out}"
    );
}
