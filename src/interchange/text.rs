//! The bytes of an imported file as text. Address books write UTF-8 (with or without a BOM),
//! Outlook sometimes UTF-16 with a BOM, and older exports 8-bit Windows-1252 (which covers
//! ISO-8859-1's letters): each is read as what it is, so no letter turns into `�`.

/// Windows-1252's 0x80..=0x9F; the rest of the 8-bit range is ISO-8859-1 (the same code points).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        // Line by line: a file put together from two address books can hold a card in UTF-8
        // and another in Windows-1252, and one byte of the second must not turn the first's
        // "Zoë" into "ZoÃ«". (A whole file in UTF-8 is taken above, so a character split
        // across a folded line stays whole.)
        Err(_) => bytes
            .split_inclusive(|&b| b == b'\n')
            .map(|line| match std::str::from_utf8(line) {
                Ok(text) => text.to_string(),
                Err(_) => line.iter().map(|&b| cp1252(b)).collect(),
            })
            .collect(),
    }
}

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn each_encoding_reads_as_its_letters() {
        assert_eq!(decode("Zoë".as_bytes()), "Zoë");
        assert_eq!(decode(b"\xef\xbb\xbfZo\xc3\xab"), "Zoë");
        assert_eq!(decode(b"M\xfcller \x80"), "Müller €");
        assert_eq!(decode(b"\xff\xfeZ\x00o\x00\xeb\x00"), "Zoë");
        assert_eq!(decode(b"\xfe\xff\x00Z\x00o\x00\xeb"), "Zoë");
    }

    /// A card in UTF-8 and another in Windows-1252 in one file: each line as what it is.
    #[test]
    fn a_file_of_two_encodings_reads_each_line_as_its_own() {
        let mixed = b"FN;CHARSET=UTF-8:Zo\xc3\xab M\xc3\xbcller\r\nFN;CHARSET=ISO-8859-1:Ren\xe9 Dupont\r\n";
        assert_eq!(
            decode(mixed),
            "FN;CHARSET=UTF-8:Zoë Müller\r\nFN;CHARSET=ISO-8859-1:René Dupont\r\n"
        );
    }
}
