//! Text bound for HTML or XML with the characters XML 1.0 forbids (every
//! control character but tab, newline and carriage return, and U+FFFE and
//! U+FFFF) and the bidirectional controls written as visible `\u{1b}`-style
//! escapes, as the terminal and Markdown outputs show them. XML cannot carry
//! those characters at all, not even as `&#x1b;`: one of them in a note
//! would make the feed ill-formed.
//!
//! Every HTML and XML writer passes its output through [`markup_safe`] or
//! [`MarkupSafe`]; the templates themselves hold no such character, so the
//! pass changes only ledger text.

use std::borrow::Cow;
use std::io::Write;

use crate::text::is_bidi_control;

/// Whether `c` may not appear raw in HTML or XML output.
pub fn is_markup_unsafe(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || is_bidi_control(c)
        || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// The first character of `text` that [`is_markup_unsafe`]: ASCII, the
/// common case, is passed over a block of bytes at a time.
pub fn first_markup_unsafe(text: &str) -> Option<char> {
    crate::text::first_unsafe_char(text, is_markup_unsafe)
}

/// `text` with every unsafe character written as `\u{..}`.
pub fn markup_safe(text: &str) -> Cow<'_, str> {
    if first_markup_unsafe(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_markup_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes [`markup_safe`] text on to `inner`, for pages that
/// are written as they are made. A character split between two writes is
/// held until it is whole.
pub struct MarkupSafe<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> MarkupSafe<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        MarkupSafe {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for MarkupSafe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            // An incomplete character at the end waits; anything else is
            // not text, and no page writes that.
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            Err(_) => {
                self.pending.clear();
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "a page is not UTF-8",
                ));
            }
        };
        let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        self.inner.write_all(markup_safe(text).as_bytes())?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "a page ends inside a character",
            ));
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_what_the_character_scan_finds() {
        let mut texts: Vec<String> = (0u32..0x3000)
            .filter_map(char::from_u32)
            .map(|c| format!("ab{c}cd"))
            .collect();
        texts
            .extend(["", "plain", "é\u{202E}x", "\u{FFFE}", "tab\tnew\nline\r"].map(str::to_owned));
        for text in &texts {
            assert_eq!(
                first_markup_unsafe(text),
                text.chars().find(|c| is_markup_unsafe(*c)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn forbidden_characters_become_visible_escapes() {
        assert_eq!(markup_safe("a\u{c}b\u{8}c\td\ne"), "a\\u{c}b\\u{8}c\td\ne");
        assert_eq!(
            markup_safe("\u{0}\u{1b}[2J\u{202e}\u{ffff}"),
            "\\u{0}\\u{1b}[2J\\u{202e}\\u{ffff}"
        );
        assert!(matches!(markup_safe("plain, 中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_holds_a_character_split_between_writes() {
        let text = "a\u{202e}b中\u{1b}c";
        for split in 0..=text.len() {
            let mut out = MarkupSafe::new(Vec::new());
            out.write_all(&text.as_bytes()[..split]).unwrap();
            out.write_all(&text.as_bytes()[split..]).unwrap();
            out.flush().unwrap();
            assert_eq!(
                String::from_utf8(out.inner).unwrap(),
                "a\\u{202e}b中\\u{1b}c"
            );
        }
    }
}
