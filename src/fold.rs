//! Names folded for comparison: case and accents set aside in every script, and nothing else.
//!
//! "Zoë" and "ZOE" fold alike, as do "Ἀθηνᾶ" and "Αθηνα"; "Анна" and "Борис", "李雷" and
//! "韩梅梅" stay apart, each in its own letters (no transliteration: "Анна" is not "Anna").
//! Only marks that are accents or vowel points are dropped; in scripts where a mark is a
//! letter of its own (Devanagari, Thai, the kana voicing marks) it is kept, so that folding
//! never merges two names a reader would call different.

use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// What `key` and `words` give, by version: the derived cache keeps names folded
/// (`contacts/names.bin`) and resolves typed names on them, so a fold that changes (here, or
/// in the Unicode tables of `unicode-normalization`) must not meet keys folded the old way.
/// The test `the_fold_is_the_one_its_version_names` fails on any change to the fold of a wide
/// sample of text, and says to bump this.
pub const VERSION: u32 = 1;
use unicode_normalization::char::is_combining_mark;

/// Marks that are accents (Latin, Greek, Cyrillic) or pointing (Hebrew, Arabic): a name is
/// the same name with or without them. Elsewhere a combining mark is part of the letter.
fn is_accent(c: char) -> bool {
    match u32::from(c) {
        // The combining diacritical blocks: acute, grave, diaeresis, breve, the Greek breathings.
        0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f => {
            true
        }
        // Cyrillic titlo and friends, Hebrew points and cantillation, Arabic harakat.
        0x0483..=0x0489 | 0x0591..=0x05c7 | 0x0610..=0x061a | 0x064b..=0x065f | 0x0670 => {
            is_combining_mark(c)
        }
        0x06d6..=0x06ed => is_combining_mark(c),
        _ => false,
    }
}

/// Cyrillic letters written with a mark that are letters of their own, not an accented
/// letter: й (и with a breve), ў (у with a breve), ї (і with a diaeresis). "Йоган" and
/// "Иоган" are two names. (ё stays folded into е, as Russian readers and search do.)
fn is_letter_of_its_own(base: char, mark: char) -> bool {
    matches!((base, mark), ('и' | 'у', '\u{306}') | ('і', '\u{308}'))
}

/// Latin letters that keep a stroke or a ligature after the accents are gone (ł, ø, ß, æ, þ):
/// spelled in plain Latin, as a reader would type them. Only Latin: other scripts keep their
/// own letters.
fn is_latin_extra(c: char) -> bool {
    matches!(u32::from(c), 0xc0..=0x24f | 0x1e00..=0x1eff) && c.is_alphabetic()
}

/// Marks inside a word that are punctuation, not a break: "O'Brien", "ג׳ורג׳", a joiner.
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{02bc}'
            | '\u{05f3}'
            | '\u{05f4}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{ad}'
    )
}

/// `text` lowercased, compatibility forms unified (full-width letters, ligatures), accents
/// dropped, then recomposed so that Hangul syllables and kana stay whole characters.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .flat_map(char::to_lowercase)
        .nfkd()
        .scan(' ', |before, c| {
            let keep = !is_accent(c) || is_letter_of_its_own(*before, c);
            *before = c;
            Some(keep.then_some(c))
        })
        .flatten()
        .nfc()
        .flat_map(|c| {
            let spelled = if is_latin_extra(c) {
                deunicode::deunicode_char(c)
            } else {
                None
            };
            let (one, many) = match spelled {
                Some(s) => (None, Some(s.chars().flat_map(char::to_lowercase))),
                // Final sigma is a way of writing σ, not another letter.
                None => (Some(if c == 'ς' { 'σ' } else { c }), None),
            };
            one.into_iter().chain(many.into_iter().flatten())
        })
}

/// One character folded to one character, for fuzzy search, where positions in folded text
/// must index the original: the first character of its fold (`ë` -> `e`, `Ł` -> `l`).
pub fn base_letter(c: char) -> char {
    // Most text is ASCII, where this is all the rest below comes to.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut buf = [0u8; 4];
    folded_chars(c.encode_utf8(&mut buf)).next().unwrap_or(c)
}

/// The words of a name, folded: split at spaces and punctuation, joined across apostrophes.
pub fn words(text: &str) -> Vec<String> {
    if text.is_ascii() {
        return ascii_words(text);
    }
    if text.chars().all(|c| u32::from(c) < LATIN_END) {
        return words_of(text.chars().flat_map(|c| latin_fold(c).chars()));
    }
    words_of(folded_chars(text))
}

/// The code points below this (ASCII, Latin-1, Latin Extended-A and -B) each fold on their
/// own: their decompositions start with a base letter and add only accents, which are
/// dropped, so nothing carries from one character to the next. A third of the large set's
/// names are made of them ("Günther", "Łukasz"); folding them through the tables is as quick
/// as ASCII, and `list` and the TUI's first frame sort 10,000 names by their keys.
const LATIN_END: u32 = 0x250;

/// The fold of one character below `LATIN_END`, worked out once for all of them.
fn latin_fold(c: char) -> &'static str {
    static TABLE: OnceLock<Vec<String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..LATIN_END)
            .map(|code| {
                let one = char::from_u32(code).map(String::from).unwrap_or_default();
                folded_chars(&one).collect()
            })
            .collect()
    });
    usize::try_from(u32::from(c))
        .ok()
        .and_then(|ix| table.get(ix))
        .map_or("", String::as_str)
}

/// Folded characters split into words at spaces and punctuation, joined across apostrophes.
fn words_of(folded: impl Iterator<Item = char>) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in folded {
        if c.is_alphanumeric() || is_combining_mark(c) {
            word.push(c);
        } else if !is_joiner(c) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// `words` for ASCII text, where folding is only lowercasing: most names, and a resolution
/// folds every name in the journal.
fn ascii_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            word.push(char::from(b.to_ascii_lowercase()));
        } else if b != b'\'' && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A name folded to one key for exact comparison (and for sorting names): its folded words
/// joined by single spaces.
pub fn key(text: &str) -> String {
    if text.is_ascii() {
        return ascii_key(text);
    }
    words(text).join(" ")
}

/// `key` for ASCII text, built in one string: `list` sorts 10,000 names by their keys, and
/// a list of words for each, joined, was a twentieth of its time.
fn ascii_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let (mut in_word, mut space_due) = (false, false);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if space_due {
                key.push(' ');
                space_due = false;
            }
            key.push(char::from(b.to_ascii_lowercase()));
            in_word = true;
        } else if b != b'\'' && in_word {
            // The word ends here; the space is written only if another word follows.
            in_word = false;
            space_due = true;
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `words` the long way, through the whole of `folded_chars`.
    fn words_the_long_way(text: &str) -> Vec<String> {
        words_of(folded_chars(text))
    }

    proptest! {
        /// Latin text folded a character at a time through the table is folded as the
        /// whole text would be: accents, capitals, ligatures, apostrophes and all.
        #[test]
        fn latin_folds_alike_through_the_table(text in "[\\u{0}-\\u{24f}]{0,24}") {
            prop_assert_eq!(words(&text), words_the_long_way(&text));
        }

        /// The one-string key of ASCII text is the words' key, whatever the punctuation.
        #[test]
        fn the_ascii_key_is_the_words_joined(text in "[ -~]{0,40}") {
            prop_assert_eq!(ascii_key(&text), words(&text).join(" "));
        }
    }

    #[test]
    fn the_ascii_key_joins_words_by_single_spaces() {
        assert_eq!(key("  O'Brien,  ANN-marie  "), "obrien ann marie");
        assert_eq!(key("\u{27}\u{27}"), "");
        assert_eq!(key("a.b"), "a b");
    }

    #[test]
    fn case_and_accents_fold_in_latin() {
        assert_eq!(key("Zoë  MÜLLER"), "zoe muller");
        assert_eq!(key("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(key("Jürgen Weiß"), "jurgen weiss");
        assert_eq!(key("Søren Kierkegård"), "soren kierkegard");
        assert_eq!(key("Nguyễn Thị"), "nguyen thi");
        assert_eq!(key("Rene\u{301}e"), "renee");
        assert_eq!(key("O'Brien"), key("OBrien"));
        assert_eq!(key("Ann-Marie"), "ann marie");
        assert_eq!(key("Ａｄａ"), "ada");
        assert_eq!(key("İpek"), "ipek");
    }

    #[test]
    fn greek_folds_accents_breathings_and_final_sigma() {
        assert_eq!(key("Ἀθηνᾶ"), key("Αθηνα"));
        assert_eq!(key("ΟΔΥΣΣΕΥΣ"), key("Οδυσσεύς"));
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        assert_eq!(key("Анна"), "анна");
        assert_ne!(key("Анна"), key("Борис"));
        assert_ne!(key("Анна"), key("Anna"));
        assert_eq!(key("Алёна"), key("Алена"));
        // Letters of their own, though written with a mark: never folded into another.
        assert_ne!(key("Йоган"), key("Иоган"));
        assert_eq!(key("ЙОГАН"), "йоган");
        assert_ne!(key("Їжак"), key("Іжак"));
        assert_ne!(key("Ўладзімір"), key("Уладзімір"));
        assert_ne!(key("李雷"), key("韩梅梅"));
        assert_eq!(key("李雷"), "李雷");
        assert_eq!(key("מֹשֶׁה"), key("משה"));
        assert_ne!(key("משה"), key("שרה"));
        assert_eq!(key("مُحَمَّد"), key("محمد"));
        assert_ne!(key("محمد"), key("علي"));
        // Marks that are letters stay: Hindi vowel signs, the kana voicing mark, Hangul.
        assert_ne!(key("कुमार"), key("कमार"));
        assert_ne!(key("がとう"), key("かとう"));
        assert_eq!(key("김철수"), "김철수");
    }

    #[test]
    fn base_letter_is_the_first_letter_of_the_fold() {
        assert_eq!(base_letter('Ë'), 'e');
        assert_eq!(base_letter('ß'), 's');
        assert_eq!(base_letter('Ł'), 'l');
        assert_eq!(base_letter('Д'), 'д');
        assert_eq!(base_letter('ά'), 'α');
        assert_eq!(base_letter('김'), '김');
        assert_eq!(base_letter('🙂'), '🙂');
    }

    #[test]
    fn ascii_takes_a_shortcut_to_the_same_words() {
        for text in [
            "Ada Lovelace",
            "O'Brien-Smith  jr.",
            "R2-D2",
            "",
            "--",
            "A_b",
        ] {
            let slow: Vec<String> = {
                let mut w = Vec::new();
                let mut word = String::new();
                for c in folded_chars(text) {
                    if c.is_alphanumeric() {
                        word.push(c);
                    } else if !is_joiner(c) && !word.is_empty() {
                        w.push(std::mem::take(&mut word));
                    }
                }
                w.extend((!word.is_empty()).then_some(word));
                w
            };
            assert_eq!(words(text), slow, "{text:?}");
        }
    }

    #[test]
    fn nothing_to_fold_is_no_words() {
        assert!(words("").is_empty());
        assert!(words(" -- . 🙂").is_empty());
        assert_eq!(words("a🙂b"), vec!["a", "b"]);
    }

    /// Pins the fold of every code point below U+3400 (every alphabet, the kana, the CJK
    /// symbols), the Hangul syllables, CJK ideographs and full-width forms by a sample, and
    /// names with apostrophes, joiners and ligatures. A change here changes what the cache's
    /// kept names mean: bump `VERSION`, then set `PINNED` to the new value.
    #[test]
    fn the_fold_is_the_one_its_version_names() {
        const PINNED: u64 = 12_861_075_499_496_533_427;
        let chars = (0..0x3400)
            .chain((0xac00..0xd7a4).step_by(7))
            .chain((0x4e00..0xa000).step_by(11))
            .chain(0xf900..0xfb50)
            .chain(0xff00..0xfff0)
            .filter_map(char::from_u32);
        let mut all = String::new();
        for c in chars {
            all.push_str(&key(&c.to_string()));
            all.push('\u{0}');
        }
        for name in [
            "O'Brien",
            "l’Été",
            "Jean-Luc",
            "Ἀθηνᾶ",
            "Straße",
            "İstanbul ı",
            "ﬁnn",
            "Ｚｏë",
            "Алёна",
            "שָׂרָה",
            "مُحَمَّد",
            "がぎ",
            "김민준",
            "a\u{200d}b",
            "Łukasz Nowak",
        ] {
            all.push_str(&key(name));
            all.push('\u{0}');
            all.push_str(&words(name).join("|"));
            all.push('\u{0}');
        }
        let hash = xxhash_rust::xxh3::xxh3_64(all.as_bytes());
        assert_eq!(
            hash,
            PINNED,
            "the fold changed: bump fold::VERSION to {} and set PINNED to {hash}",
            VERSION + 1
        );
    }
}
