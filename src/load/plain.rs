//! Keys and strings that need no decoding: the fast path of the event
//! parser's decoders.
//!
//! Most of a ledger's keys are bare (`status`) and most of its strings are
//! basic strings without an escape (`"Chancay port"`). For those, the text
//! between the quotes *is* the value, and the only work is to check that
//! each byte may stand there, which a pass over the bytes does. The
//! `toml_parser` decoders give the same answer, a byte class at a time,
//! through a string builder: 9% of a `check` went there. Anything else
//! (an escape, a control character, a missing quote) goes to them.
//!
//! Dates are the same: nearly all of a ledger's are `YYYY-MM-DD`, which
//! `toml_datetime` lexes into tokens to read (450 instructions each).

use toml::value::{Date, Datetime};

/// A bare key's characters: `A-Z a-z 0-9 - _` (TOML's `unquoted-key`).
const BARE_KEY_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        byte += 1;
    }
    table
};

/// Whether `raw` is a valid bare key, which is then its own value.
pub(crate) fn is_bare_key(raw: &str) -> bool {
    !raw.is_empty()
        && raw
            .bytes()
            .fold(true, |valid, b| valid & BARE_KEY_BYTE[usize::from(b)])
}

/// The value of the basic string `raw` (quotes included) when it has no
/// escape and every byte may stand unescaped in it (TOML's
/// `basic-unescaped`: tab, `0x20`–`0x7E` but `"` and `\`, and anything
/// beyond ASCII); `None` otherwise, for the full decoder.
pub(crate) fn basic_string_without_escapes(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    // No branch per byte, so that the loop can run on vectors.
    let needs_decoder = inner.bytes().fold(false, |any, b| {
        any | (b < 0x20 && b != b'\t') | (b == b'"') | (b == b'\\') | (b == 0x7F)
    });
    (!needs_decoder).then_some(inner)
}

/// The local date `raw` when it is written `YYYY-MM-DD` and is a day of
/// the calendar, as `toml_datetime` checks it (month 01–12, day within the
/// month, 29 February in leap years); `None` otherwise, for the full parse.
pub(crate) fn local_date(raw: &str) -> Option<Datetime> {
    let bytes: &[u8; 10] = raw.as_bytes().try_into().ok()?;
    let digits = [0, 1, 2, 3, 5, 6, 8, 9];
    if bytes[4] != b'-' || bytes[7] != b'-' || !digits.iter().all(|&i| bytes[i].is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days).contains(&day) {
        return None;
    }
    Some(Datetime {
        date: Some(Date {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        }),
        time: None,
        offset: None,
    })
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use toml_parser::decoder::Encoding;
    use toml_parser::{ErrorSink, ParseError, Raw, Span};

    use super::*;

    struct Count(usize);

    impl ErrorSink for Count {
        fn report_error(&mut self, _error: ParseError) {
            self.0 += 1;
        }
    }

    /// What `toml_parser` makes of `raw`: its value, or `None` on an error.
    fn decoded(raw: &str, encoding: Option<Encoding>) -> Option<String> {
        let raw = Raw::new_unchecked(raw, encoding, Span::new_unchecked(0, raw.len()));
        let mut output = Cow::Borrowed("");
        let mut errors = Count(0);
        raw.decode_key(&mut output, &mut errors);
        (errors.0 == 0).then(|| output.into_owned())
    }

    /// Every byte, alone and among others, is taken by the fast path only
    /// where the decoder gives the same value without an error.
    #[test]
    fn the_fast_paths_agree_with_the_decoders_on_every_byte() {
        let mut taken = (0, 0);
        for byte in 0..=u8::MAX {
            // A byte beyond ASCII only ever stands in a character.
            let c = if byte < 0x80 {
                char::from(byte).to_string()
            } else {
                char::from_u32(u32::from(byte) << 4).unwrap().to_string()
            };
            for key in [c.clone(), format!("a{c}"), format!("{c}-_9Z")] {
                if is_bare_key(&key) {
                    taken.0 += 1;
                    assert_eq!(
                        decoded(&key, None).as_deref(),
                        Some(key.as_str()),
                        "{key:?}"
                    );
                }
            }
            for inner in [c.clone(), format!("x {c} y"), format!("{c}{c}")] {
                let raw = format!("\"{inner}\"");
                if let Some(value) = basic_string_without_escapes(&raw) {
                    taken.1 += 1;
                    assert_eq!(value, inner);
                    let reference = decoded(&raw, Some(Encoding::BasicString));
                    assert_eq!(reference.as_deref(), Some(value), "{raw:?}");
                } else if byte >= 0x20 && byte != 0x7F && !matches!(byte, b'"' | b'\\') {
                    panic!("{raw:?} needs no decoder");
                }
            }
        }
        // 64 key bytes, three times each; and 0x20-0x7E but `"` and `\`, tab,
        // and the 128 beyond ASCII, three times each.
        assert_eq!(taken, (3 * 64, 3 * (95 - 2 + 1 + 128)));
    }

    /// Every month and day from 00 to 39 of years around the leap-year
    /// rules: the fast path gives a date exactly where `toml_datetime`
    /// gives one, and the same date.
    #[test]
    fn local_dates_agree_with_toml_datetime() {
        let mut dates = 0;
        for year in [
            "0000", "0004", "1900", "1999", "2000", "2024", "2025", "2100", "2200", "9999",
        ] {
            for month in 0..40 {
                for day in 0..40 {
                    let raw = format!("{year}-{month:02}-{day:02}");
                    let reference = raw.parse::<Datetime>().ok();
                    assert_eq!(local_date(&raw), reference, "{raw}");
                    dates += usize::from(reference.is_some());
                }
            }
        }
        // 365 or 366 days in each of the ten years (0000, 0004, 2000, 2024
        // are leap years; 1900, 2100 and 2200 are not).
        assert_eq!(dates, 10 * 365 + 4);
        for raw in [
            "2025-1-30",
            "2025-01-3",
            "2025/01/30",
            "2025-01/30",
            "2025/01-30",
            "2025-01-30T00:00:00",
            "२०२५-01-30",
            "+025-01-30",
            "2025-01-30 ",
        ] {
            assert_eq!(local_date(raw), None, "{raw}");
        }
    }

    #[test]
    fn what_is_not_plain_goes_to_the_decoder() {
        for key in ["", "a.b", "a b", "é", "\"a\""] {
            assert!(!is_bare_key(key), "{key:?}");
        }
        for raw in [
            "\"",
            "\"\\n\"",
            "'a'",
            "a",
            "\"a",
            "a\"",
            "\"a\"b\"",
            "\"\u{7}\"",
        ] {
            assert_eq!(basic_string_without_escapes(raw), None, "{raw:?}");
        }
        assert_eq!(basic_string_without_escapes("\"\""), Some(""));
    }
}
