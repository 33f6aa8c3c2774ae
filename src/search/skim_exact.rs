//! The score of fuzzy-matcher's `SkimMatcherV2::fuzzy_match` (case ignored), computed from a
//! field prepared once: its characters, the in-place bonus of each character and a letter mask.
//! skim rebuilds all of that on every call (and allocates); a keystroke scores every field of
//! every person, so it is done once per key instead. The arithmetic below follows skim's
//! two-row score matrix step by step, so the scores are the same numbers; the tests compare
//! the two on random text.

use std::cmp::max;

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

#[derive(Clone, Copy, PartialEq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

fn char_type(ch: char) -> CharType {
    match ch {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty | CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower | CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// The bonus skim gives a match at each character of `field` (the first one doubled).
#[cfg(test)]
pub fn bonuses(field: &[char]) -> Vec<i8> {
    let mut out = Vec::with_capacity(field.len());
    push_bonuses(field, &mut out);
    out
}

/// `bonuses(field)` appended to `out`, so a table of many fields is built without a list each.
pub fn push_bonuses(field: &[char], out: &mut Vec<i8>) {
    let start = out.len();
    let mut prev = '\0';
    out.extend(field.iter().map(|&c| {
        let b = in_place_bonus(char_type(prev), char_type(c));
        prev = c;
        b as i8
    }));
    if let Some(first) = out.get_mut(start) {
        *first = (i32::from(*first) * FIRST_CHAR_MULTIPLIER) as i8;
    }
}

/// One bit per character class, compared ignoring ASCII case as skim does: a field whose mask
/// lacks a bit of a word's mask cannot contain that word as a subsequence.
pub fn mask(text: &[char]) -> u64 {
    text.iter().fold(0, |m, &c| m | bit(c))
}

fn bit(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    let n = u32::from(c);
    let at = match c {
        'a'..='z' => n - u32::from('a'),
        '0'..='9' => 26 + n - u32::from('0'),
        _ if c.is_ascii() => 36 + n % 20,
        _ => 56 + n % 8,
    };
    1 << at
}

#[inline]
fn char_equal(a: char, b: char) -> bool {
    a.eq_ignore_ascii_case(&b)
}

#[inline]
fn match_score(c: char, p: char) -> i32 {
    if p != c {
        max(0, SCORE_MATCH + PENALTY_CASE_MISMATCH)
    } else {
        SCORE_MATCH
    }
}

#[derive(Clone, Copy)]
struct Cell {
    m_score: i32,
    p_score: i32,
    bonus: i32,
}

const RESET: Cell = Cell {
    m_score: NEG_INFINITY,
    p_score: NEG_INFINITY,
    bonus: 0,
};

/// Reused between calls so that scoring allocates nothing.
#[derive(Default)]
pub struct Scratch {
    first_matches: Vec<usize>,
    cells: Vec<Cell>,
}

/// skim's `fuzzy_match(field, pattern)` with case ignored; `bonus` is `bonuses(field)`.
pub fn score(field: &[char], bonus: &[i8], pattern: &[char], s: &mut Scratch) -> Option<i64> {
    if pattern.is_empty() {
        return Some(0);
    }
    if let [p] = pattern {
        // One row of the matrix: the best single match, its bonus taken from a skip row of -1.
        return field
            .iter()
            .zip(bonus)
            .filter(|&(&c, _)| char_equal(c, *p))
            .map(|(&c, &b)| i64::from(GAP_EXTENSION + i32::from(b) + match_score(c, *p)))
            .max();
    }
    s.first_matches.clear();
    let mut rest = pattern.iter().peekable();
    for (i, &c) in field.iter().enumerate() {
        match rest.peek() {
            Some(&&p) if char_equal(c, p) => {
                s.first_matches.push(i);
                rest.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if rest.peek().is_some() {
        return None;
    }
    let cols = field.len() + 1;
    // A fresh matrix each time, as skim's is when it does not reuse it (`use_cache(false)`):
    // skim reads a few cells' bonus before writing them, so a reused matrix would let one
    // field's score depend on the field scored before it.
    s.cells.clear();
    s.cells.resize(2 * cols, RESET);
    let (fm, m) = (&s.first_matches, &mut s.cells[..]);
    let (row0, row1) = m.split_at_mut(cols);
    for cell in row0.iter_mut() {
        cell.p_score = GAP_EXTENSION;
    }
    for (i, &p) in pattern.iter().enumerate() {
        // Pattern row i + 1 lives in buffer row (i + 1) % 2, as in skim's compressed matrix.
        let (cur, prev) = if i % 2 == 0 {
            (&mut *row1, &*row0)
        } else {
            (&mut *row0, &*row1)
        };
        let to_skip = fm[i];
        let (cur, prev) = (&mut cur[to_skip..], &prev[to_skip..]);
        let (text, bonus) = (&field[to_skip..], &bonus[to_skip..]);
        // The cell left of the current one, as the buffer holds it.
        let mut last = cur[0];
        for k in 1..cur.len() {
            let (c, here) = (text[k - 1], i32::from(bonus[k - 1]));
            let before = prev[k - 1];
            let mut cell = Cell {
                m_score: NEG_INFINITY,
                p_score: max(
                    GAP_START + GAP_EXTENSION + last.m_score,
                    GAP_EXTENSION + last.p_score,
                ),
                bonus: 0,
            };
            if char_equal(c, p) {
                let consecutive = max(last.bonus, max(here, BONUS_CONSECUTIVE));
                cur[k - 1].bonus = consecutive;
                cell.m_score =
                    max(before.m_score + consecutive, before.p_score + here) + match_score(c, p);
                // skim leaves a matched cell's bonus as it was.
                cell.bonus = cur[k].bonus;
            }
            cur[k] = cell;
            last = cell;
        }
    }
    let last_row = (pattern.len() & 1) * cols;
    let last_first = fm[fm.len() - 1];
    m[last_row + last_first..last_row + cols]
        .iter()
        .map(|c| i64::from(c.m_score))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    /// skim itself, with a fresh matrix (a new matcher) per call: the reference.
    /// (`use_cache(false)` would do the same but panics in fuzzy-matcher 0.3.7.)
    fn skim(field: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .ignore_case()
            .fuzzy_match(field, pattern)
    }

    fn ours(field: &str, pattern: &str, s: &mut Scratch) -> Option<i64> {
        let field: Vec<char> = field.chars().collect();
        let pattern: Vec<char> = pattern.chars().collect();
        score(&field, &bonuses(&field), &pattern, s)
    }

    // Few letters, so that patterns often match and letters repeat ("nn", "aa").
    const TEXT: &str = "[abnlmsAB N.\\-/_(0-9éÜß]{0,40}";
    const WORD: &str = "[abnlmsAB.\\-/é0-9]{1,6}";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn scores_equal_skim(field in TEXT, pattern in WORD, other in TEXT) {
            let mut s = Scratch::default();
            // Score another field first: nothing may carry over from one call to the next.
            ours(&other, &pattern, &mut s);
            prop_assert_eq!(ours(&field, &pattern, &mut s), skim(&field, &pattern));
        }

        #[test]
        fn a_missing_letter_in_the_mask_means_no_match(field in TEXT, pattern in WORD) {
            let (f, p): (Vec<char>, Vec<char>) = (field.chars().collect(), pattern.chars().collect());
            if mask(&p) & !mask(&f) != 0 {
                prop_assert_eq!(skim(&field, &pattern), None);
            }
        }
    }

    #[test]
    fn known_scores() {
        let mut s = Scratch::default();
        for (field, pattern) in [
            ("maria schmidt", "ms"),
            ("anna", "ana"),
            ("hello world", "lo"),
            ("Aaron Baaker", "aba"),
            ("a", "a"),
            ("", "a"),
            ("abc", ""),
        ] {
            assert_eq!(
                ours(field, pattern, &mut s),
                skim(field, pattern),
                "{field} {pattern}"
            );
        }
    }
}
