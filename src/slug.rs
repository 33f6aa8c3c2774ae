//! Contact ids derived from names. Ids become file names, so they must be
//! safe on every filesystem: no path separators, no dot segments, no Windows
//! device names, bounded length, and stable across platforms (ASCII only).
//! Names in any script are spelled in ASCII first (deunicode), so "Анна Петрова" is
//! `anna-petrova`. Only new contacts get an id from here: an id never changes afterwards.

use unicode_normalization::char::is_combining_mark;

/// Longest id, in bytes; well under every common file-name limit even with an
/// extension and a `-NN` suffix added.
pub const MAX_ID_LEN: usize = 64;

const FALLBACK: &str = "contact";

/// Windows opens a device instead of a file for these names, whatever the
/// extension. COM0/LPT0 are included because newer Windows versions reserve them.
const RESERVED: [&str; 24] = [
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// What a character of a name, or of its transliteration, contributes to a slug.
enum Piece {
    Letter(char),
    Separator,
    Skip,
}

fn ascii_piece(c: char) -> Piece {
    match c {
        _ if c.is_ascii_alphanumeric() => Piece::Letter(c.to_ascii_lowercase()),
        // Apostrophes sit inside names ("O'Brien"); splitting there reads badly.
        '\'' | '\u{2019}' | '\u{02bc}' => Piece::Skip,
        // Combining marks from decomposed input ("e" + U+0301) belong to the letter.
        _ if is_combining_mark(c) => Piece::Skip,
        _ => Piece::Separator,
    }
}

/// Every letter of any script spelled in ASCII (deunicode: "Анна" -> "Anna", "李" -> "Li "),
/// so that a name in any script gives a readable id; symbols and emoji separate words.
fn pieces(c: char) -> impl Iterator<Item = Piece> {
    let spelled = (!c.is_ascii() && c.is_alphanumeric())
        .then(|| deunicode::deunicode_char(c))
        .flatten();
    let (one, many) = match spelled {
        Some(text) => (None, Some(text.chars().map(ascii_piece))),
        None => (Some(ascii_piece(c)), None),
    };
    one.into_iter().chain(many.into_iter().flatten())
}

/// Shortens a valid slug to at most `max` bytes, preferring to cut between words.
fn fit(slug: &mut String, max: usize) {
    if slug.len() <= max {
        return;
    }
    let word_break = if slug.as_bytes().get(max) == Some(&b'-') {
        Some(max)
    } else {
        slug.get(..max).and_then(|head| head.rfind('-'))
    };
    // Cutting at a word boundary is nicer, but not at the cost of most of the name.
    let cut = word_break.filter(|&at| at >= max / 2).unwrap_or(max);
    slug.truncate(cut);
    while slug.ends_with('-') {
        slug.pop();
    }
}

fn is_reserved(id: &str) -> bool {
    RESERVED.contains(&id)
}

pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    let mut pending_separator = false;
    for piece in name.chars().flat_map(pieces) {
        let letter = match piece {
            Piece::Letter(l) => l,
            Piece::Separator => {
                pending_separator = true;
                continue;
            }
            Piece::Skip => continue,
        };
        if pending_separator && !slug.is_empty() {
            slug.push('-');
        }
        pending_separator = false;
        slug.push(letter);
        // One byte past the limit is enough for `fit` to see a word boundary,
        // and stopping early keeps huge inputs cheap.
        if slug.len() > MAX_ID_LEN {
            break;
        }
    }
    fit(&mut slug, MAX_ID_LEN);
    if slug.is_empty() {
        slug.push_str(FALLBACK);
    }
    if is_reserved(&slug) {
        slug.push('-');
        slug.push_str(FALLBACK);
    }
    slug
}

/// How many numbered candidates `unique_slug` tries before giving up. Far more people with
/// one name than anyone knows; small enough that a `taken` that always says yes (an unreadable
/// folder) ends in an error quickly instead of a hang.
pub const MAX_SUFFIX: u32 = 10_000;

/// Returns `slugify(name)`, or it with `-2`, `-3`, ... appended, whichever is
/// first not `taken`; `None` when even `-MAX_SUFFIX` is taken.
pub fn unique_slug(name: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    let base = slugify(name);
    if !taken(&base) {
        return Some(base);
    }
    (2..=MAX_SUFFIX).find_map(|n| {
        let suffix = format!("-{n}");
        let mut candidate = base.clone();
        fit(&mut candidate, MAX_ID_LEN - suffix.len());
        candidate.push_str(&suffix);
        (!taken(&candidate)).then_some(candidate)
    })
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && !is_reserved(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    #[test]
    fn simple_names() {
        assert_eq!(slugify("Ada Lovelace"), "ada-lovelace");
        assert_eq!(slugify("  Grace   M.  Hopper  "), "grace-m-hopper");
        assert_eq!(slugify("R2-D2"), "r2-d2");
        assert_eq!(slugify("--Ann--Marie--"), "ann-marie");
        assert_eq!(slugify("O'Brien"), "obrien");
        assert_eq!(slugify("D\u{2019}Angelo"), "dangelo");
    }

    #[test]
    fn transliterates_latin_accents() {
        assert_eq!(slugify("Zoë Renée"), "zoe-renee");
        assert_eq!(slugify("Jürgen Weiß"), "jurgen-weiss");
        assert_eq!(slugify("Søren Kierkegård"), "soren-kierkegard");
        assert_eq!(slugify("Łukasz Żółć"), "lukasz-zolc");
        assert_eq!(slugify("Æsa Þórr Ðuð"), "aesa-thorr-dud");
        assert_eq!(slugify("Núñez François"), "nunez-francois");
        assert_eq!(slugify("Œdipe Ĳssel ŉ ſ Ÿ"), "oedipe-ijssel-n-s-y");
        assert_eq!(slugify("Čapek Ğül Ħ Ŋ Ŧ Ŵ Ź"), "capek-gul-h-ng-t-w-z");
        assert_eq!(slugify("a×b÷c"), "a-b-c");
    }

    #[test]
    fn decomposed_accents_stay_with_their_letter() {
        assert_eq!(slugify("Rene\u{301}e"), "renee");
    }

    #[test]
    fn names_in_any_script_are_spelled_in_ascii() {
        assert_eq!(slugify("Анна Петрова"), "anna-petrova");
        assert_eq!(slugify("Борис"), "boris");
        assert_eq!(slugify("Ἀθηνᾶ Παππᾶ"), "athena-pappa");
        assert_eq!(slugify("李雷"), "li-lei");
        assert_eq!(slugify("韩梅梅"), "han-mei-mei");
        assert_eq!(slugify("Дмитрий О’Нил"), "dmitrii-onil");
        assert_eq!(slugify("李 Wei 🙂 Chen"), "li-wei-chen");
        let arabic = slugify("محمد");
        assert!(arabic != "contact" && is_valid_id(&arabic), "{arabic}");
        let hebrew = slugify("שרה");
        assert!(hebrew != "contact" && is_valid_id(&hebrew), "{hebrew}");
    }

    #[test]
    fn symbols_and_emoji_separate_words() {
        assert_eq!(slugify("Ann🙂Lee"), "ann-lee");
        assert_eq!(slugify("a×b÷c"), "a-b-c");
    }

    #[test]
    fn empty_results_fall_back() {
        for name in ["", "🙂🙂", "...", "   ", "'", "\u{301}"] {
            assert_eq!(slugify(name), "contact", "{name:?}");
        }
    }

    #[test]
    fn paths_cannot_escape() {
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("..\\..\\Windows\\System32"), "windows-system32");
        assert_eq!(slugify("/"), "contact");
    }

    #[test]
    fn device_names_get_a_suffix() {
        assert_eq!(slugify("CON"), "con-contact");
        assert_eq!(slugify("nul"), "nul-contact");
        assert_eq!(slugify("Com1"), "com1-contact");
        assert_eq!(slugify("LPT9."), "lpt9-contact");
        assert_eq!(slugify("con.txt"), "con-txt");
        assert_eq!(slugify("Connie"), "connie");
        assert_eq!(slugify("com10"), "com10");
    }

    #[test]
    fn long_names_are_cut_at_a_word_boundary() {
        let slug = slugify(&"word ".repeat(30));
        assert_eq!(slug, "word-".repeat(12) + "word");
        assert_eq!(slug.len(), 64);
        let slug = slugify(&"wordy ".repeat(30));
        assert_eq!(slug, "wordy-".repeat(9) + "wordy");
        assert_eq!(slug.len(), 59);
    }

    #[test]
    fn long_names_without_breaks_are_cut_hard() {
        assert_eq!(slugify(&"x".repeat(100)), "x".repeat(64));
        let slug = slugify(&format!("ab {}", "y".repeat(100)));
        assert_eq!(slug, format!("ab-{}", "y".repeat(61)));
        assert_eq!(slugify(&"ß".repeat(40)), "s".repeat(64));
    }

    #[test]
    fn unique_slug_appends_counters() {
        let taken: HashSet<&str> = ["ann", "ann-2", "ann-3"].into();
        let unique = |name, taken: &dyn Fn(&str) -> bool| unique_slug(name, taken);
        assert_eq!(
            unique("Ann", &|s| taken.contains(s)).as_deref(),
            Some("ann-4")
        );
        assert_eq!(
            unique("Bob", &|s| taken.contains(s)).as_deref(),
            Some("bob")
        );
        assert_eq!(
            unique("", &|s| s == "contact").as_deref(),
            Some("contact-2")
        );
        assert_eq!(
            unique("CON", &|s| s == "con-contact").as_deref(),
            Some("con-contact-2")
        );
    }

    #[test]
    fn unique_slug_gives_up_when_everything_is_taken() {
        assert_eq!(unique_slug("Ann", |_| true), None);
        let last = format!("ann-{MAX_SUFFIX}");
        assert_eq!(
            unique_slug("Ann", |s| s != last).as_deref(),
            Some(last.as_str())
        );
    }

    #[test]
    fn unique_slug_stays_within_length() {
        let name = "x".repeat(100);
        let full = "x".repeat(64);
        let second = format!("{}-2", "x".repeat(62));
        let id = unique_slug(&name, |s| s == full || s == second).unwrap_or_default();
        assert_eq!(id, format!("{}-3", "x".repeat(62)));
        assert!(is_valid_id(&id));
    }

    #[test]
    fn validity() {
        let max = "z".repeat(64);
        for id in ["ann", "a", "ann-lee-2", "0", "con-contact", &max] {
            assert!(is_valid_id(id), "{id:?}");
        }
        let too_long = "z".repeat(65);
        let bad = [
            "", "-ann", "ann-", "ann--lee", "Ann", "ann_lee", "ann.md", "ann lee", "..", "a/b",
            "con", "lpt1", "com0", "é", &too_long,
        ];
        for id in bad {
            assert!(!is_valid_id(id), "{id:?}");
        }
    }

    proptest! {
        #[test]
        fn slugify_always_valid(s in any::<String>()) {
            let slug = slugify(&s);
            prop_assert!(is_valid_id(&slug), "{:?} -> {:?}", s, slug);
        }

        #[test]
        fn slugify_valid_for_latin_heavy_input(s in "[a-zA-Z0-9\\u{a0}-\\u{17f} ./'-]{0,120}") {
            let slug = slugify(&s);
            prop_assert!(is_valid_id(&slug), "{:?} -> {:?}", s, slug);
        }

        #[test]
        fn slugify_valid_for_many_scripts(
            s in "[\\u{370}-\\u{3ff}\\u{400}-\\u{4ff}\\u{590}-\\u{6ff}\\u{4e00}-\\u{4fff}\\u{ac00}-\\u{acff} ./'-]{0,80}"
        ) {
            let slug = slugify(&s);
            prop_assert!(is_valid_id(&slug), "{:?} -> {:?}", s, slug);
        }

        #[test]
        fn unique_slug_avoids_taken(s in any::<String>(), extra in 0usize..5) {
            let base = slugify(&s);
            let mut taken: HashSet<String> = HashSet::new();
            taken.insert(base.clone());
            for n in 2..2 + extra {
                taken.insert(format!("{base}-{n}"));
            }
            let id = unique_slug(&s, |c| taken.contains(c)).unwrap_or_default();
            prop_assert!(!taken.contains(&id));
            prop_assert!(is_valid_id(&id), "{:?} -> {:?}", s, id);
        }
    }
}
