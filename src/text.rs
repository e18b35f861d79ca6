//! Text helpers shared by every output: plurals, the headcount phrase,
//! status labels, Markdown escaping, and char-boundary rounding.

use crate::model::{Headcount, Status};

/// "1 error", "2 errors".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl std::fmt::Display for Headcount {
    /// "29 commitments plus 1 umbrella", or "2 commitments".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}",
            plural(self.commitments, "commitment", "commitments")
        )?;
        if self.umbrellas > 0 {
            write!(
                f,
                " plus {}",
                plural(self.umbrellas, "umbrella", "umbrellas")
            )?;
        }
        Ok(())
    }
}

/// A status as an emoji and its word; the word is always there.
pub(crate) fn status_label(status: Status) -> String {
    let emoji = match status {
        Status::Announced => "📣",
        Status::InProgress => "🚧",
        Status::Active => "🔄",
        Status::AtRisk => "⚠️",
        Status::Stalled => "⏸️",
        Status::Kept => "✅",
        Status::PartiallyKept => "🌓",
        Status::Broken => "❌",
    };
    format!("{emoji} {}", status.as_str().replace('_', " "))
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
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => out.push(' '),
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

fn is_bidi_control(c: char) -> bool {
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
    fn char_boundaries_round_down_and_up() {
        let text = "aé"; // é is bytes 1..3
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 3);
        assert_eq!(floor_char_boundary(text, 99), 3);
        assert_eq!(ceil_char_boundary(text, 99), 3);
    }
}
