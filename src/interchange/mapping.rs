//! The small rules every importer shares: text cleaned, lists without repeats, a birthday
//! from what address books write, a name from its parts, and the keys people are matched by.

use crate::model::Birthday;
use chrono::NaiveDate;

/// The text trimmed, line ends as `\n`; `None` when nothing is left.
pub fn clean(text: &str) -> Option<String> {
    let t = text.replace("\r\n", "\n").replace('\r', "\n");
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Add `item` unless the list already holds it by `key` (an email in any case, a phone in
/// any punctuation).
pub fn push_unique(list: &mut Vec<String>, item: &str, key: fn(&str) -> String) {
    let Some(item) = clean(item) else {
        return;
    };
    let k = key(&item);
    if !list.iter().any(|x| key(x) == k) {
        list.push(item);
    }
}

/// How two emails compare: case aside (the part before `@` is case-sensitive by the letter of
/// the standard, and in no mail service anyone uses).
pub fn email_key(email: &str) -> String {
    email.trim().trim_start_matches("mailto:").to_lowercase()
}

/// A tag, an alias or a web address compares with case set aside.
pub fn text_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// How two phone numbers compare: their digits, the last nine when there are more, so that
/// `+44 20 7946 0000` and `020 7946 0000` are one number (a country code or a trunk zero is
/// what differs between how people write the same number). `None` for fewer than six digits:
/// an extension or a short code says too little to match anyone by.
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 6 {
        return None;
    }
    Some(digits[digits.len().saturating_sub(9)..].to_string())
}

/// The whole number with its country code, for a number written internationally (`+44 …`,
/// `0044 …`; a trunk `(0)` left out): two numbers with the same `phone_key` whose country
/// codes both say, and differ, are two numbers (`+44 20 7946 0000` and `+1 207 946 0000`).
/// `None` for a number written nationally, which could be in any country.
pub fn phone_international(phone: &str) -> Option<String> {
    let t = phone.trim().replace("(0)", "");
    let rest = t.strip_prefix('+').or_else(|| t.strip_prefix("00"))?;
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 6).then_some(digits)
}

/// Whether two numbers with the same `phone_key` may be one: unless both say their country
/// code and the whole numbers differ.
pub fn phones_may_match(a: &str, b: &str) -> bool {
    match (phone_international(a), phone_international(b)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// `phone_key` for `push_unique`: numbers too short to compare are compared as written.
pub fn phone_list_key(phone: &str) -> String {
    phone_key(phone).unwrap_or_else(|| phone.trim().to_string())
}

/// Add `phone` to `list` unless it is a number the list has (`phone_list_key` alike and
/// `phones_may_match`): a number in another country with the same last digits is kept.
pub fn push_phone(list: &mut Vec<String>, phone: &str) {
    let Some(phone) = clean(phone) else {
        return;
    };
    let k = phone_list_key(&phone);
    let known = list
        .iter()
        .any(|p| phone_list_key(p) == k && phones_may_match(p, &phone));
    if !known {
        list.push(phone);
    }
}

/// The year Apple Contacts writes for a birthday without one (with `X-APPLE-OMIT-YEAR`).
const NO_YEAR: u16 = 1604;

/// A birthday from its parts; a year of 1604 (Apple's "no year") or 0 counts as none.
pub fn birthday_from_parts(
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
) -> Option<Birthday> {
    let (m, d) = (u32::from(month?), u32::from(day?));
    match year.filter(|&y| y != NO_YEAR && y != 0) {
        Some(y) => NaiveDate::from_ymd_opt(i32::from(y), m, d).map(Birthday::Full),
        None => Birthday::parse_month_day(&format!("{m}-{d}")),
    }
}

/// A birthday as address books write it in text: `1815-12-10`, `18151210`, `--12-10`,
/// `--1210`, with a time after a `T` ignored.
pub fn birthday_from_text(text: &str) -> Option<Birthday> {
    let t = text.trim();
    let t = t.split(['T', ' ']).next().unwrap_or(t);
    if let Some(rest) = t.strip_prefix("--") {
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let (m, d) = (digits.get(..2)?, digits.get(2..4)?);
        if digits.len() != 4 {
            return None;
        }
        return birthday_from_parts(None, m.parse().ok(), d.parse().ok());
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let shape_ok = t.len() == digits.len() || (t.len() == 10 && t.matches('-').count() == 2);
    if digits.len() != 8 || !shape_ok {
        return None;
    }
    birthday_from_parts(
        digits.get(..4)?.parse().ok(),
        digits.get(4..6)?.parse().ok(),
        digits.get(6..8)?.parse().ok(),
    )
}

/// Han, kana and Hangul: names written family name first with no space between.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af)
}

/// A display name from a structured one (vCard's `N`, a CSV's name columns), in the order
/// people write it: "Dr. Ada King Lovelace Jr."; "李雷" for family 李 and given 雷.
pub fn name_from_parts(
    family: &str,
    given: &str,
    middle: &str,
    prefix: &str,
    suffix: &str,
) -> String {
    let (family, given) = (family.trim(), given.trim());
    let cjk =
        !family.is_empty() && !given.is_empty() && format!("{family}{given}").chars().all(is_cjk);
    if cjk {
        return format!("{family}{given}");
    }
    [prefix, given, middle, family, suffix]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Birthday {
        Birthday::Full(NaiveDate::from_ymd_opt(y, m, day).unwrap())
    }

    #[test]
    fn birthdays_in_every_shape_address_books_write() {
        assert_eq!(birthday_from_text("1815-12-10"), Some(d(1815, 12, 10)));
        assert_eq!(birthday_from_text("18151210"), Some(d(1815, 12, 10)));
        assert_eq!(
            birthday_from_text("1815-12-10T00:00:00Z"),
            Some(d(1815, 12, 10))
        );
        assert_eq!(
            birthday_from_text("--12-10"),
            Some(Birthday::MonthDay(12, 10))
        );
        assert_eq!(
            birthday_from_text("--1210"),
            Some(Birthday::MonthDay(12, 10))
        );
        assert_eq!(
            birthday_from_text("1604-02-29"),
            Some(Birthday::MonthDay(2, 29))
        );
        assert_eq!(birthday_from_text("--02-30"), None);
        assert_eq!(birthday_from_text("2023-02-29"), None);
        assert_eq!(birthday_from_text("next tuesday"), None);
        assert_eq!(birthday_from_text("12/10/1815"), None);
    }

    #[test]
    fn phones_match_whatever_their_punctuation_and_prefix() {
        assert_eq!(phone_key("+44 20 7946 0000"), phone_key("020-7946-0000"));
        assert_eq!(phone_key("(555) 010-9999"), phone_key("555.010.9999"));
        assert_ne!(phone_key("+44 20 7946 0000"), phone_key("+44 20 7946 0001"));
        assert_eq!(phone_key("112"), None);
    }

    #[test]
    fn numbers_whose_country_codes_both_say_and_differ_are_two() {
        let uk = "+44 20 7946 0000";
        assert_eq!(phone_key(uk), phone_key("+1 207 946 0000"));
        assert!(!phones_may_match(uk, "+1 207 946 0000"));
        assert!(!phones_may_match(uk, "001 207 946 0000"));
        assert!(phones_may_match(uk, "+44 (0)20 7946 0000"));
        assert!(phones_may_match(uk, "0044 20 7946 0000"));
        assert!(
            phones_may_match(uk, "020 7946 0000"),
            "national: any country"
        );
        assert!(phones_may_match("207 946 0000", "+1 207 946 0000"));
        let mut list = vec![uk.to_string()];
        push_phone(&mut list, "020 7946 0000");
        push_phone(&mut list, "+1 207 946 0000");
        assert_eq!(
            list,
            [uk, "+1 207 946 0000"],
            "one number, and another country's"
        );
    }

    #[test]
    fn names_from_parts_in_the_order_people_write_them() {
        assert_eq!(
            name_from_parts("Lovelace", "Ada", "", "", ""),
            "Ada Lovelace"
        );
        assert_eq!(
            name_from_parts("Lovelace", "Ada", "King", "Dr.", "Jr."),
            "Dr. Ada King Lovelace Jr."
        );
        assert_eq!(name_from_parts("李", "雷", "", "", ""), "李雷");
        assert_eq!(name_from_parts("", "Ada", "", "", ""), "Ada");
    }

    #[test]
    fn lists_take_each_item_once() {
        let mut emails = vec!["Ada@Example.org".to_string()];
        push_unique(&mut emails, " ada@example.org ", email_key);
        push_unique(&mut emails, "ada@work.example", email_key);
        push_unique(&mut emails, "  ", email_key);
        assert_eq!(emails, ["Ada@Example.org", "ada@work.example"]);
    }
}
