//! The words of a text as search sees them: folded with `fold` (case and accents set aside),
//! split at spaces and punctuation, joined across apostrophes, each with where it stands in
//! the original so a hit can be highlighted there. Scripts written without spaces (Chinese,
//! Japanese, Thai...) have no words to split at: each of their characters is a word.

use crate::fold;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

/// Call `f` with each word of `text`: its bytes in `text` and its folded form.
pub fn each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    if text.is_ascii() {
        return ascii_words(text, f);
    }
    let mut start = None;
    let mut end = 0;
    let mut solo = false;
    let flush = |start: &mut Option<usize>, end: usize, f: &mut dyn FnMut(Range<usize>, &str)| {
        if let Some(s) = start.take() {
            let folded: String = fold::words(&text[s..end]).concat();
            if !folded.is_empty() {
                f(s..end, &folded);
            }
        }
    };
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        if is_combining_mark(c) && start.is_some() {
            // A mark belongs to the letter before it, even a letter that is a word alone.
            end = next;
        } else if unspaced(c) {
            flush(&mut start, end, &mut f);
            start = Some(i);
            end = next;
            solo = true;
        } else if c.is_alphanumeric() {
            if solo {
                flush(&mut start, end, &mut f);
                solo = false;
            }
            start.get_or_insert(i);
            end = next;
        } else if fold::is_joiner(c) && start.is_some() && !solo {
            // Inside a word ("O'Brien"): kept in the word's span, dropped by the fold.
        } else {
            flush(&mut start, end, &mut f);
            solo = false;
        }
    }
    flush(&mut start, end, &mut f);
}

/// `each_word` for ASCII, where folding is lowercasing: most notes.
fn ascii_words(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut start = 0;
    let mut end = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            word.push(char::from(b.to_ascii_lowercase()));
            end = i + 1;
        } else if b == b'\'' && !word.is_empty() {
            // "O'Brien" is one word, as `fold` has it.
        } else if !word.is_empty() {
            f(start..end, &word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(start..end, &word);
    }
}

/// Characters of scripts written without spaces between words.
fn unspaced(c: char) -> bool {
    matches!(u32::from(c),
        0x0e00..=0x0eff      // Thai, Lao
        | 0x1000..=0x109f    // Myanmar
        | 0x1780..=0x17ff    // Khmer
        | 0x3040..=0x30ff    // Hiragana, Katakana
        | 0x3400..=0x4dbf    // CJK extension A
        | 0x4e00..=0x9fff    // CJK unified ideographs
        | 0xf900..=0xfaff    // CJK compatibility ideographs
        | 0x20000..=0x2ffff) // CJK extensions B and on
}

/// The folded words of a query, each once, in the order typed.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    each_word(query, |_, w| {
        if !words.iter().any(|x| x == w) {
            words.push(w.to_string());
        }
    });
    words
}

/// Where `words` show in `text`: for each word of the text that one of them begins, the
/// bytes of that beginning (the whole word when folding changed its length), in order.
pub fn marks(text: &str, words: &[String]) -> Vec<Range<usize>> {
    sized_marks(text, words)
        .into_iter()
        .map(|(r, _)| r)
        .collect()
}

/// `marks`, each with the length (in folded characters) of the query word it is for.
pub fn sized_marks(text: &str, words: &[String]) -> Vec<(Range<usize>, usize)> {
    let mut found = Vec::new();
    if words.is_empty() {
        return found;
    }
    each_word(text, |range, folded| {
        let longest = words
            .iter()
            .filter(|w| folded.starts_with(w.as_str()))
            .map(|w| w.chars().count())
            .max();
        if let Some(n) = longest {
            found.push((range.start..prefix_end(text, range, n), n));
        }
    });
    found
}

/// Where the first `n` folded characters of the word at `range` end in the original.
fn prefix_end(text: &str, range: Range<usize>, n: usize) -> usize {
    let word = &text[range.clone()];
    let mut count = 0;
    for (i, c) in word.char_indices() {
        if count >= n && !is_combining_mark(c) {
            return range.start + i;
        }
        count += folded_len(c);
    }
    range.end
}

/// How many characters `c` folds to on its own (an apostrophe and an accent fold to none).
fn folded_len(c: char) -> usize {
    if c.is_ascii() {
        return usize::from(c.is_ascii_alphanumeric());
    }
    let mut buf = [0u8; 4];
    fold::words(c.encode_utf8(&mut buf))
        .iter()
        .map(|w| w.chars().count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        each_word(text, |r, w| out.push((text[r].to_string(), w.to_string())));
        out
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn words_fold_case_and_accents_and_keep_their_place() {
        assert_eq!(
            words("Zoë's café, O'Brien-Smith; 2026!"),
            pairs(&[
                ("Zoë's", "zoes"),
                ("café", "cafe"),
                ("O'Brien", "obrien"),
                ("Smith", "smith"),
                ("2026", "2026")
            ])
        );
        assert_eq!(
            words("Meet O'Brien at 9"),
            pairs(&[
                ("Meet", "meet"),
                ("O'Brien", "obrien"),
                ("at", "at"),
                ("9", "9")
            ])
        );
        assert_eq!(
            words("Jürgen Weiß"),
            pairs(&[("Jürgen", "jurgen"), ("Weiß", "weiss")])
        );
        assert_eq!(words("Rene\u{301}e"), pairs(&[("Rene\u{301}e", "renee")]));
    }

    #[test]
    fn scripts_without_spaces_are_a_word_per_character() {
        assert_eq!(
            words("李雷说 hello"),
            pairs(&[("李", "李"), ("雷", "雷"), ("说", "说"), ("hello", "hello")])
        );
        assert_eq!(
            words("Анна Петрова"),
            pairs(&[("Анна", "анна"), ("Петрова", "петрова")])
        );
    }

    #[test]
    fn a_query_is_its_words_once() {
        assert_eq!(
            query_words("  Visa visa VÍSA, Chennai "),
            ["visa", "chennai"]
        );
        assert!(query_words(" -- ").is_empty());
    }

    #[test]
    fn marks_cover_the_typed_beginning_of_each_word() {
        let text = "Zoë met Zoltan in Zürich";
        let shown: Vec<&str> = marks(text, &["zo".into()])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(shown, ["Zo", "Zo"]);
        let text = "Straße and strasse";
        let shown: Vec<&str> = marks(text, &["strass".into()])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(shown, ["Straß", "strass"]);
        let text = "visa paperwork, visas";
        let shown: Vec<&str> = marks(text, &["visa".into(), "pa".into()])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(shown, ["visa", "pa", "visa"]);
    }
}
