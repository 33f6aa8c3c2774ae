//! Turning need text and profile phrases into comparable words, and deciding when two words
//! are "the same word" for matching. Shared by matching (need → helpers) and the brief (which
//! entries were about a need).

use crate::search::Matcher;

pub use super::word_lists::{GENERIC, STOPWORDS, is_generic, is_stopword};

/// A word in a piece of text: lowercased, with its first character's position (in chars) in
/// the text, so a match can be highlighted in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub lower: Vec<char>,
    /// Written with a capital (a place or a name, usually).
    pub capital: bool,
}

impl Word {
    pub fn text(&self) -> String {
        self.lower.iter().collect()
    }
}

fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Split text into words: letters and digits, keeping inner hyphens and apostrophes
/// ("co-founder", "doesn't"), dropping a possessive "'s" ("Zoë's" → "zoë").
pub fn words(text: &str) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let inner = |i: usize| {
        matches!(chars[i], '-' | '\'' | '’')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || inner(i)) {
            i += 1;
        }
        let mut lower: Vec<char> = chars[start..i].iter().map(|&c| lower_char(c)).collect();
        if lower.len() > 2
            && matches!(lower[lower.len() - 2], '\'' | '’')
            && lower.ends_with(&['s'])
        {
            lower.truncate(lower.len() - 2);
        }
        out.push(Word {
            start,
            capital: chars[start].is_uppercase(),
            lower,
        });
    }
    out
}

/// The words of a need worth matching on, in order, without repeats: no stopwords, no bare
/// numbers ("60 people", "400 plans" say how much, not what).
pub fn keywords(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        let s = w.text();
        if is_stopword(&s) || w.lower.iter().all(|c| c.is_numeric()) || out.contains(&s) {
            continue;
        }
        out.push(s);
    }
    out
}

/// How closely a keyword matched a word, and which of the word's chars matched.
#[derive(Debug, Clone, PartialEq)]
pub struct WordMatch {
    /// 1.0 same word, 0.9 plural, 0.8 same stem, 0.6 fuzzy (letters left out).
    pub closeness: f64,
    /// Positions within the word.
    pub positions: Vec<usize>,
}

/// Is `word` the keyword, another form of it, or the keyword with a letter or two missing?
///
/// - the same word, or one is the other plus "s" (`team`/`teams`);
/// - both at least 5 letters sharing a stem of at least 5 letters and two thirds of the
///   shorter word (`engineer`/`engineering`, `installers`/`installation`);
/// - a typo'd keyword of 5+ letters that is a fuzzy match confined to the start of the word
///   and nearly as long as it (`organsation`/`organisation`).
///
/// Short words (`ux`, `go`, `r`) only match exactly, since a prefix of them matches everything.
pub fn match_word(matcher: &Matcher, keyword: &[char], word: &[char]) -> Option<WordMatch> {
    let all = |n: usize| (0..n).collect::<Vec<_>>();
    if keyword == word {
        return Some(WordMatch {
            closeness: 1.0,
            positions: all(word.len()),
        });
    }
    let plural =
        |a: &[char], b: &[char]| b.len() == a.len() + 1 && b.starts_with(a) && b.ends_with(&['s']);
    if plural(keyword, word) || plural(word, keyword) {
        return Some(WordMatch {
            closeness: 0.9,
            positions: all(word.len()),
        });
    }
    let shorter = keyword.len().min(word.len());
    let common = keyword.iter().zip(word).take_while(|(a, b)| a == b).count();
    if common >= 5 && common * 3 >= shorter * 2 {
        return Some(WordMatch {
            closeness: 0.8,
            positions: all(common),
        });
    }
    if keyword.len() >= 5 && word.len() <= keyword.len() + 2 && keyword.len() * 4 >= word.len() * 3
    {
        let w: String = word.iter().collect();
        let k: String = keyword.iter().collect();
        if let Some((_, positions)) = matcher.score(&w, &k)
            && positions.first() == Some(&0)
        {
            return Some(WordMatch {
                closeness: 0.6,
                positions,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(k: &str, w: &str) -> Option<f64> {
        let k: Vec<char> = k.chars().collect();
        let w: Vec<char> = w.chars().collect();
        match_word(&Matcher, &k, &w).map(|m| m.closeness)
    }

    #[test]
    fn keywords_drop_framing_and_numbers() {
        assert_eq!(
            keywords(
                "Looking for someone to help find a venue for the January meetup, about 60 people"
            ),
            vec!["venue", "january", "meetup"]
        );
        assert_eq!(
            keywords("A technical co-founder (Rust or Go)"),
            vec!["technical", "co-founder", "rust", "go"]
        );
        assert_eq!(keywords("Zoë's UX feedback"), vec!["zoë", "ux", "feedback"]);
    }

    #[test]
    fn word_positions_count_chars_not_bytes() {
        let w = words("Ünter café-bar, ok");
        assert_eq!(
            w.iter().map(|w| w.start).collect::<Vec<_>>(),
            vec![0, 6, 16]
        );
        assert!(w[0].capital && !w[1].capital);
        assert_eq!(w[1].text(), "café-bar");
    }

    #[test]
    fn word_forms_match_but_short_prefixes_do_not() {
        assert_eq!(m("team", "teams"), Some(0.9));
        assert_eq!(m("engineer", "engineering"), Some(0.8));
        assert_eq!(m("installers", "installation"), Some(0.8));
        assert_eq!(m("organsation", "organisation"), Some(0.6));
        assert_eq!(m("ux", "ux"), Some(1.0));
        assert_eq!(m("go", "good"), None);
        assert_eq!(m("test", "testing"), None);
        assert_eq!(m("data", "database"), None);
        assert_eq!(m("rust", "trust"), None);
    }
}
