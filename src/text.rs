//! Text helpers shared by every output: English plurals for diagnostics,
//! Markdown escaping, visible control characters, and char-boundary
//! rounding. Words that readers see in their language are in `i18n`.

/// "1 error", "2 errors".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text made safe for a table cell or a line of Markdown: no raw HTML, no
/// line breaks, no unescaped pipes.
pub(crate) fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("&#92;"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '`' => out.push_str("\\`"),
            c if breaks_markdown_line(c) => out.push(' '),
            other => out.push(other),
        }
    }
    let out = out.trim();
    // Bidirectional controls could reorder the rest of the line: keep their
    // effect inside the cell (first-strong isolate … pop isolate).
    if out.chars().any(is_bidi_control) {
        format!("\u{2068}{out}\u{2069}")
    } else {
        out.to_owned()
    }
}

/// Characters that would end a line of Markdown, or hide in one: line and
/// paragraph separators and every control character.
fn breaks_markdown_line(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A URL made safe inside `(...)` of a Markdown link.
fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '|' => out.push_str("%7C"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            c if c.is_control() => {}
            other => out.push(other),
        }
    }
    out
}

/// `[title](url)` for a web address; anything else (no URL, or a scheme
/// such as `javascript:`) is shown as plain text.
pub(crate) fn markdown_link(title: &str, url: Option<&str>) -> String {
    match url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            format!("[{}]({})", markdown_cell(title), link_target(url))
        }
        _ => markdown_cell(title),
    }
}

/// Whether a terminal would act on `c` instead of showing it: control
/// characters (but tab) and the bidirectional controls that reorder text.
pub fn is_hidden_control(c: char) -> bool {
    (c.is_control() && c != '\t') || is_bidi_control(c)
}

/// Whether `text` holds a [hidden control](is_hidden_control) other than a
/// line end (the scan of a large ledger's every character for these was a
/// tenth of `check`).
pub(crate) fn has_hidden_control_but_line_ends(text: &str) -> bool {
    first_unsafe_char(text, is_hidden_control).is_some()
}

/// The first character of `text` that is an ASCII control but tab and the
/// line ends, or DEL, or beyond ASCII and `unsafe_beyond_ascii`: the same
/// answer as a scan of its characters, found a block of bytes at a time
/// while the text is printable ASCII, which most of a ledger is.
pub(crate) fn first_unsafe_char(
    text: &str,
    unsafe_beyond_ascii: impl Fn(char) -> bool,
) -> Option<char> {
    // Blocks of this many bytes are passed over when none of them is a
    // control or outside ASCII: the test has no branch per byte, which the
    // compiler turns into vector instructions.
    const BLOCK: usize = 64;
    let suspect = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) | (b >= 0x7F);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + BLOCK).min(bytes.len());
        if !bytes[at..end]
            .iter()
            .fold(false, |any, &b| any | suspect(b))
        {
            at = end;
            continue;
        }
        while at < end {
            let byte = bytes[at];
            if byte < 0x80 {
                if suspect(byte) {
                    return Some(char::from(byte));
                }
                at += 1;
                continue;
            }
            // A character of several bytes starts here (`at` is always at
            // a character's start); it may end past the block.
            let c = text[at..].chars().next()?;
            if unsafe_beyond_ascii(c) {
                return Some(c);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// `text` as it can be printed on a terminal or in a one-line message:
/// control characters, newlines included, become `\u{1b}`-style escapes (as
/// rustc shows them), so printed ledger data cannot move the cursor, clear
/// the screen, start a new line or reorder what follows.
pub fn visible(text: &str) -> String {
    escape_hidden(text, |_| false)
}

/// [`visible`], but newlines are kept: for text of several lines.
pub fn visible_lines(text: &str) -> String {
    escape_hidden(text, |c| c == '\n')
}

fn escape_hidden(text: &str, keep: impl Fn(char) -> bool) -> String {
    if !text.chars().any(|c| is_hidden_control(c) && !keep(c)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden_control(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// One visible character that stands for a hidden one in a source excerpt,
/// so that columns stay those of the file: the control pictures `␀`…`␟`
/// and `␡`, and `�` for the rest.
pub fn picture(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// An id (or any short token) as a Markdown code span. Ids are kebab-case
/// once the ledger loads, but references may be anything: backticks, pipes,
/// line breaks and control characters cannot leave the span or the table
/// cell.
pub(crate) fn markdown_code(text: &str) -> String {
    let mut inner = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '`' => inner.push('\''),
            '|' => inner.push_str("\\|"),
            c if breaks_markdown_line(c) || is_bidi_control(c) => inner.push(' '),
            other => inner.push(other),
        }
    }
    let inner = inner.trim();
    if inner.is_empty() {
        "` `".to_owned()
    } else {
        format!("`{inner}`")
    }
}

/// The largest char boundary of `text` at or before `at`.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or after `at`.
pub(crate) fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_byte_scan_for_hidden_controls_agrees_with_the_character_scan() {
        let by_chars = |text: &str| {
            text.chars()
                .any(|c| is_hidden_control(c) && c != '\n' && c != '\r')
        };
        let mut texts: Vec<String> = (0u32..0x3000)
            .chain(0x2000..0x2070)
            .chain([0xFEFF, 0x1F600, 0x10FFFF])
            .filter_map(char::from_u32)
            .flat_map(|c| {
                [
                    format!("{c}"),
                    format!("ab{c}"),
                    format!("é{c}x\n"),
                    format!("中{c}"),
                ]
            })
            .collect();
        texts.extend(
            [
                "",
                "plain\r\n",
                "tab\there",
                "é\u{7f}",
                "\u{202e}x",
                "x\u{85}",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(
                has_hidden_control_but_line_ends(text),
                by_chars(text),
                "{text:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural(0, "day", "days"), "0 days");
        assert_eq!(plural(1, "day", "days"), "1 day");
        assert_eq!(plural(2, "umbrella", "umbrellas"), "2 umbrellas");
    }

    #[test]
    fn cells_cannot_break_a_table_or_inject_html() {
        assert_eq!(markdown_cell("a | b\nc"), "a \\| b c");
        assert_eq!(
            markdown_cell("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(markdown_cell("\\| [x](y)"), "&#92;\\| \\[x\\](y)");
    }

    #[test]
    fn link_targets_cannot_close_the_link() {
        assert_eq!(
            link_target("https://x.org/a (b)|c"),
            "https://x.org/a%20%28b%29%7Cc"
        );
    }

    #[test]
    fn hidden_characters_are_shown_as_escapes() {
        assert_eq!(visible("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\u{a}c");
        assert_eq!(visible_lines("a\u{7}\nb"), "a\\u{7}\nb");
        assert_eq!(visible("x\u{202e}y\tz"), "x\\u{202e}y\tz");
        assert_eq!(visible("plain"), "plain");
        assert_eq!(picture('\u{1b}'), '\u{241b}');
        assert_eq!(picture('\u{9b}'), '\u{fffd}');
    }

    #[test]
    fn code_spans_keep_ids_inside() {
        assert_eq!(markdown_code("chancay-harbor"), "`chancay-harbor`");
        assert_eq!(
            markdown_code("x\n## evil <img src=y>`|"),
            "`x ## evil <img src=y>'\\|`"
        );
    }

    #[test]
    fn char_boundaries_round_down_and_up() {
        let text = "aé"; // é is bytes 1..3
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 3);
        assert_eq!(floor_char_boundary(text, 99), 3);
        assert_eq!(ceil_char_boundary(text, 99), 3);
    }
}
