use super::*;

fn kept(id: &str, mtime_ns: i64) -> KeptName {
    KeptName {
        id: id.to_string(),
        stamp: Stamp {
            size: 40,
            mtime_ns,
            ctime_ns: mtime_ns,
            inode: 9,
            device: 1,
        },
        hash: mtime_ns.unsigned_abs() * 7,
        rank: mtime_ns.unsigned_abs().wrapping_mul(13),
        name: format!("{id} Zoë Müller"),
        aliases: vec!["Z".to_string(), "Мюллер".to_string()],
        open_need: mtime_ns % 2 == 0,
    }
}

/// A cache in a folder of its own that keeps `names`; the folder lives as long as the guard.
fn keeping(names: &[KeptName]) -> (tempfile::TempDir, Cache) {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    cache.keep_names(names);
    (dir, cache)
}

#[test]
fn names_come_back_as_kept_and_a_damaged_file_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    assert_eq!(cache.kept_names(), Vec::new());
    let names = vec![kept("zoe", 1_000), kept("ada", 2_000)];
    cache.keep_names(&names);
    assert_eq!(cache.kept_names(), names);
    let file = std::fs::read(cache.names_path()).unwrap();
    std::fs::write(cache.names_path(), &file[..file.len() - 1]).unwrap();
    assert_eq!(cache.kept_names(), Vec::new());
    std::fs::write(cache.names_path(), b"scribbled").unwrap();
    assert_eq!(cache.kept_names(), Vec::new());
}

/// A brief by name reads the file once: the guess's read is what the names pass takes
/// (shown here by removing the file between them), and only once; keeping new names
/// drops it.
#[test]
fn the_guess_and_the_names_pass_read_the_file_once() {
    let names = vec![kept("zoe", 1_000), kept("ada", 2_000)];
    let (_dir, cache) = keeping(&names);
    assert_eq!(cache.kept_open_need("z"), None, "both have the alias Z");
    std::fs::remove_file(cache.names_path()).unwrap();
    assert_eq!(cache.kept_names(), names, "from the guess's read");
    assert_eq!(cache.kept_names(), Vec::new(), "taken once");
    cache.keep_names(&names);
    assert_eq!(
        cache.kept_open_need("ada zoe muller"),
        Some(("ada".to_string(), true))
    );
    cache.keep_names(&names[..1]);
    assert_eq!(
        cache.kept_names(),
        names[..1].to_vec(),
        "what was kept last"
    );
}

/// Only the very cards kept, in the order kept, each under the stamp kept, are as kept.
#[test]
fn names_are_as_now_only_for_the_same_cards_in_order_and_stamps() {
    let names = vec![kept("ada", 1_000), kept("zoe", 2_000)];
    let (_dir, cache) = keeping(&names);
    let file = cache.kept_names_file();
    let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let stamps = |list: &[&KeptName]| list.iter().map(|k| Some(k.stamp)).collect::<Vec<_>>();
    let (ada, zoe) = (&names[0], &names[1]);
    assert!(kept_as_now(
        &file,
        &ids(&["ada", "zoe"]),
        &stamps(&[ada, zoe])
    ));
    let edited = kept("zoe", 3_000);
    assert!(!kept_as_now(
        &file,
        &ids(&["ada", "zoe"]),
        &stamps(&[ada, &edited])
    ));
    assert!(!kept_as_now(
        &file,
        &ids(&["ada", "zoe"]),
        &[Some(ada.stamp), None]
    ));
    assert!(!kept_as_now(
        &file,
        &ids(&["ada", "bob"]),
        &stamps(&[ada, zoe])
    ));
    assert!(!kept_as_now(
        &file,
        &ids(&["zoe", "ada"]),
        &stamps(&[zoe, ada])
    ));
    assert!(!kept_as_now(&file, &ids(&["ada"]), &stamps(&[ada])));
    let three = ids(&["ada", "zoe", "bob"]);
    assert!(!kept_as_now(&file, &three, &stamps(&[ada, zoe, zoe])));
    assert!(!kept_as_now(
        &file[..file.len() - 1],
        &ids(&["ada", "zoe"]),
        &stamps(&[ada, zoe])
    ));
    assert!(!kept_as_now(&[], &[], &[]), "nothing kept is not as now");
}

/// As now, the hashes and fingerprints are those the cards were kept with, in order; nothing
/// when not as now.
/// The digest of them is the same whatever reads it, and moves with any one hash.
#[test]
fn the_hashes_as_now_are_those_of_every_card_kept() {
    let names = vec![kept("ada", 1_000), kept("zoe", 2_000)];
    let (_dir, cache) = keeping(&names);
    let file = cache.kept_names_file();
    let ids = vec!["ada".to_string(), "zoe".to_string()];
    let stamps: Vec<_> = names.iter().map(|k| Some(k.stamp)).collect();
    let digest = |cards: &[(&str, u64)]| {
        let mut d = CardsDigest::default();
        for (id, hash) in cards {
            d.card(id, Some(*hash));
        }
        d.finish()
    };
    let (ada, zoe) = (names[0].hash, names[1].hash);
    assert_eq!(
        kept_hashes_as_now(&file, &ids, &stamps),
        Some(vec![(ada, names[0].rank), (zoe, names[1].rank)])
    );
    assert_eq!(kept_hashes_as_now(&file, &ids, &[stamps[0], None]), None);
    assert_eq!(
        digest(&[("ada", ada), ("zoe", zoe)]),
        digest(&[("ada", ada), ("zoe", zoe)])
    );
    assert_ne!(
        digest(&[("ada", ada), ("zoe", zoe)]),
        digest(&[("ada", ada), ("zoe", zoe + 1)])
    );
    assert_ne!(
        digest(&[("ada", ada), ("zoe", zoe)]),
        digest(&[("zoe", zoe), ("ada", ada)])
    );
    assert!(kept_ids_are(&file, &ids));
    assert!(!kept_ids_are(&file, &ids[..1]));
    assert!(!kept_ids_are(
        &file,
        &["ada".to_string(), "bob".to_string()]
    ));
    assert!(!kept_ids_are(&file[..file.len() - 1], &ids));
}

/// The names kept are just those cards when the same ids come in the same order under the
/// same stamps: a read that would keep them again can tell so without writing.
#[test]
fn names_are_kept_just_for_the_same_cards_in_order_and_stamps() {
    let names = vec![kept("ada", 1_000), kept("zoe", 2_000)];
    let (_dir, cache) = keeping(&names);
    let file = cache.kept_names_file();
    fn cards<'k>(list: &[&'k KeptName]) -> Vec<(&'k str, Stamp)> {
        list.iter().map(|k| (k.id.as_str(), k.stamp)).collect()
    }
    let (ada, zoe) = (&names[0], &names[1]);
    assert!(kept_just(&file, cards(&[ada, zoe])));
    assert!(!kept_just(&file, cards(&[ada])));
    assert!(!kept_just(&file, cards(&[ada, zoe, zoe])));
    assert!(!kept_just(&file, cards(&[zoe, ada])));
    assert!(!kept_just(&file, cards(&[ada, &kept("zoe", 3_000)])));
    assert!(!kept_just(&file[..file.len() - 1], cards(&[ada, zoe])));
    assert!(!kept_just(&[], cards(&[ada, zoe])));
}

#[test]
fn a_card_changed_just_now_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (cache, now) = super::super::settling_an_hour(dir.path());
    cache.keep_names(&[kept("new", now), kept("old", 1_000)]);
    assert_eq!(cache.kept_names(), vec![kept("old", 1_000)]);
}

/// Keys folded by another version of the fold are not this rolo's keys: the file reads
/// as if nothing were kept, for the names pass, its guess and the open-need guess.
#[test]
fn names_kept_by_another_fold_read_as_none() {
    let names = vec![kept("zoe", 1_000)];
    let (_dir, cache) = keeping(&names);
    let file = std::fs::read(cache.names_path()).unwrap();
    let mut payload = unframe(FileKind::Names, &file).unwrap().to_vec();
    let best = || BestFit::new("zoe zoe muller").unwrap();
    assert_eq!(kept_id_by_name(&file, &mut best()), Some(Some("zoe")));
    assert_eq!(payload[0], 1, "the fold's version comes first");
    payload[0] = 2;
    let other = frame(FileKind::Names, &payload);
    std::fs::write(cache.names_path(), &other).unwrap();
    assert_eq!(cache.kept_names(), Vec::new());
    assert_eq!(kept_in(&other), Vec::new());
    assert_eq!(kept_id_by_name(&other, &mut best()), None);
    assert_eq!(cache.kept_open_need("zoe zoe muller"), None);
}
