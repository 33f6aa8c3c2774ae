//! Makes text read from files inert before it is printed to a terminal.
//!
//! Journal files can be edited by hand or synced from elsewhere, so they may
//! contain escape sequences (which can recolour, move the cursor, retitle the
//! window or worse) and bidi controls (which reorder what the user sees).
//! Offending characters are swapped for a visible stand-in rather than dropped,
//! so the user can tell something odd is in the file.

use std::borrow::Cow;

/// For multi-line text: keeps `\n` and `\t`, neutralises every other control.
pub fn inert(s: &str) -> Cow<'_, str> {
    neutralise(s, Layout::Keep)
}

/// For one-line display: like [`inert`], but `\n` and `\t` become a space.
pub fn inert_line(s: &str) -> Cow<'_, str> {
    neutralise(s, Layout::Flatten)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Keep,
    Flatten,
}

const REPLACEMENT: char = '\u{FFFD}';

/// The stand-in for `c`, or `None` when `c` is safe to print as is.
fn stand_in(c: char, layout: Layout) -> Option<char> {
    match c {
        '\n' | '\t' if layout == Layout::Keep => None,
        '\n' | '\t' => Some(' '),
        // Control Pictures block mirrors C0 at U+2400 + code, so the stand-in
        // still tells the user which control it was.
        '\0'..='\x1f' => Some(char::from_u32(0x2400 + u32::from(c)).unwrap_or(REPLACEMENT)),
        '\x7f' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some(REPLACEMENT),
        _ => None,
    }
}

/// Byte offset of the first character needing a stand-in.
///
/// Works on bytes because this runs on every rendered string: every offending
/// character is either a single ASCII byte or starts with one of three UTF-8
/// lead bytes (0xC2 for C1, 0xD8 for U+061C, 0xE2 for U+200E..U+2069), so only
/// those positions need a full decode.
fn first_offender(s: &str, layout: Layout) -> Option<usize> {
    s.bytes().enumerate().find_map(|(i, b)| {
        let offends = match b {
            b'\n' | b'\t' => layout == Layout::Flatten,
            0x00..=0x1f | 0x7f => true,
            // Lead bytes never occur mid-character, so `i` is a char boundary.
            0xc2 | 0xd8 | 0xe2 => s
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| stand_in(c, layout).is_some()),
            _ => false,
        };
        offends.then_some(i)
    })
}

fn neutralise(s: &str, layout: Layout) -> Cow<'_, str> {
    let Some(start) = first_offender(s, layout) else {
        return Cow::Borrowed(s);
    };
    let (clean, rest) = s.split_at_checked(start).unwrap_or(("", s));
    // Stand-ins are 3 bytes where the original was usually 1; a little slack
    // avoids regrowing for the common case of a few escape sequences.
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(clean);
    out.extend(rest.chars().map(|c| stand_in(c, layout).unwrap_or(c)));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn is_forbidden(c: char, layout: Layout) -> bool {
        let code = u32::from(c);
        let layout_char = matches!(c, '\n' | '\t');
        (code < 0x20 && (!layout_char || layout == Layout::Flatten))
            || (0x7f..=0x9f).contains(&code)
            || matches!(code, 0x061c | 0x200e | 0x200f)
            || (0x202a..=0x202e).contains(&code)
            || (0x2066..=0x2069).contains(&code)
    }

    #[test]
    fn ansi_escape_becomes_visible() {
        assert_eq!(inert("\x1b[31mred"), "␛[31mred");
        assert_eq!(inert_line("\x1b[31mred\x1b[0m"), "␛[31mred␛[0m");
        assert_eq!(inert("\x1b]0;title\x07"), "␛]0;title␇");
    }

    #[test]
    fn other_c0_and_del() {
        assert_eq!(inert("a\0b\x08c\x7f"), "a␀b␈c␡");
        assert_eq!(inert("\x1f"), "␟");
    }

    #[test]
    fn c1_controls_become_replacement() {
        assert_eq!(inert("a\u{9b}31mb\u{80}\u{85}"), "a�31mb��");
    }

    #[test]
    fn bidi_controls_become_replacement() {
        assert_eq!(inert("abc\u{202e}fdp.exe"), "abc�fdp.exe");
        assert_eq!(
            inert("\u{202a}\u{202b}\u{202c}\u{202d}\u{2066}\u{2067}\u{2068}\u{2069}"),
            "��������"
        );
        assert_eq!(inert("\u{200e}x\u{200f}\u{061c}"), "�x��");
    }

    #[test]
    fn crlf_keeps_newline_but_shows_carriage_return() {
        assert_eq!(inert("one\r\ntwo\r\n"), "one␍\ntwo␍\n");
        assert_eq!(inert_line("one\r\ntwo"), "one␍ two");
        assert_eq!(inert("overwrite\rme"), "overwrite␍me");
    }

    #[test]
    fn inert_keeps_layout_inert_line_flattens() {
        assert_eq!(inert("a\tb\nc"), "a\tb\nc");
        assert!(matches!(inert("a\tb\nc"), Cow::Borrowed(_)));
        assert_eq!(inert_line("a\tb\nc"), "a b c");
    }

    #[test]
    fn clean_text_is_borrowed() {
        for s in ["", "plain", "Zoë — café ☕ 日本語 🙂", "─ ‘quoted’ … © ب"] {
            assert!(matches!(inert(s), Cow::Borrowed(_)), "{s:?}");
            assert!(matches!(inert_line(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn neighbours_of_forbidden_ranges_are_untouched() {
        // Same lead bytes as forbidden characters, but harmless.
        let s = "\u{a0}\u{7e}\u{061b}\u{061d}\u{200d}\u{2010}\u{2029}\u{202f}\u{2065}\u{206a}";
        assert!(matches!(inert(s), Cow::Borrowed(_)));
    }

    #[test]
    fn text_before_first_offender_is_preserved() {
        assert_eq!(inert("héllo wörld\x1b!"), "héllo wörld␛!");
    }

    proptest! {
        #[test]
        fn output_is_always_inert(s in any::<String>()) {
            let kept = inert(&s);
            prop_assert!(!kept.chars().any(|c| is_forbidden(c, Layout::Keep)));
            let flat = inert_line(&s);
            prop_assert!(!flat.chars().any(|c| is_forbidden(c, Layout::Flatten)));
            prop_assert_eq!(kept.chars().count(), s.chars().count());
            prop_assert_eq!(flat.chars().count(), s.chars().count());
        }

        #[test]
        fn clean_strings_are_borrowed(s in any::<String>()) {
            let clean_keep = !s.chars().any(|c| is_forbidden(c, Layout::Keep));
            prop_assert_eq!(matches!(inert(&s), Cow::Borrowed(_)), clean_keep);
            let clean_flat = !s.chars().any(|c| is_forbidden(c, Layout::Flatten));
            prop_assert_eq!(matches!(inert_line(&s), Cow::Borrowed(_)), clean_flat);
        }

        #[test]
        fn dirty_heavy_input(s in "[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}a-c\\n\\t é]{0,64}") {
            let out = inert(&s);
            prop_assert!(!out.chars().any(|c| is_forbidden(c, Layout::Keep)));
            prop_assert_eq!(
                matches!(out, Cow::Borrowed(_)),
                !s.chars().any(|c| is_forbidden(c, Layout::Keep))
            );
        }
    }
}
