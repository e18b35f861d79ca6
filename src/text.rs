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
