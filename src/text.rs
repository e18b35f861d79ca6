//! Text helpers shared by every output: plurals, the headcount phrase,
//! status labels, Markdown escaping, and char-boundary rounding.

use crate::model::{Headcount, Precision, Status};

/// "1 error", "2 errors".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl std::fmt::Display for Headcount {
    /// "24 commitments (5 signed at the talks) plus 1 request and 1
    /// umbrella", or "2 commitments": groups that are empty are not named.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rest = headcount_rest(self);
        let space = if rest.is_empty() { "" } else { " " };
        write!(
            f,
            "{}{space}{rest}",
            plural(self.commitments, "commitment", "commitments")
        )
    }
}

/// What a [`Headcount`] says after "N commitments": "(5 signed at the
/// talks) plus 1 request and 1 umbrella", or nothing.
pub fn headcount_rest(count: &Headcount) -> String {
    let mut rest = Vec::new();
    if count.signed_at_talks > 0 {
        rest.push(format!("({} signed at the talks)", count.signed_at_talks));
    }
    let uncounted: Vec<String> = [
        (count.requests, "request", "requests"),
        (count.umbrellas, "umbrella", "umbrellas"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    if !uncounted.is_empty() {
        rest.push(format!("plus {}", uncounted.join(" and ")));
    }
    rest.join(" ")
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

/// A deadline as every output writes it: "2024-11-30", "by the end of
/// November 2024" or "by the end of 2029", followed by "(the editors'
/// estimate)" when no source states it. A month or a year is never
/// written as the day that stands for it.
pub fn deadline(due: chrono::NaiveDate, precision: Precision, estimated: bool) -> String {
    let date = match precision {
        Precision::Day => due.to_string(),
        Precision::Month => format!("by the end of {}", due.format("%B %Y")),
        Precision::Year => format!("by the end of {}", due.format("%Y")),
    };
    if estimated {
        format!("{date} (the editors' estimate)")
    } else {
        date
    }
}

/// What a count of days against a deadline rests on, to follow "16 days
/// early" or "3 days overdue": nothing for a day that a source states.
pub fn against(precision: Precision, estimated: bool) -> &'static str {
    match (estimated, precision) {
        (true, _) => ", against the editors' estimate of the deadline",
        (false, Precision::Day) => "",
        (false, Precision::Month) => ", counted from the end of the month the source gives",
        (false, Precision::Year) => ", counted from the end of the year the source gives",
    }
}

/// A delivery against its deadline: "16 days early, against the editors'
/// estimate of the deadline", "on the day", "3 days late".
pub fn deviation(days: i64, precision: Precision, estimated: bool) -> String {
    let words = match days {
        0 => "on the deadline".to_owned(),
        d if d < 0 => format!("{} early", plural(d.unsigned_abs() as usize, "day", "days")),
        d => format!("{} late", plural(d as usize, "day", "days")),
    };
    format!("{words}{}", against(precision, estimated))
}

/// "N of M": shares of fewer than [`MIN_FOR_PERCENT`] items are not given
/// as percentages, which would claim a precision a handful cannot have.
pub fn share(part: usize, whole: usize, percent: f64) -> String {
    if whole >= MIN_FOR_PERCENT {
        format!("{part} of {whole} ({percent}%)")
    } else {
        format!("{part} of {whole}")
    }
}

/// The fewest items a share is given as a percentage of.
pub const MIN_FOR_PERCENT: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_say_their_precision_and_whether_they_are_estimated() {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            deadline(day("2024-11-30"), Precision::Day, false),
            "2024-11-30"
        );
        assert_eq!(
            deadline(day("2024-11-30"), Precision::Day, true),
            "2024-11-30 (the editors' estimate)"
        );
        assert_eq!(
            deadline(day("2025-05-31"), Precision::Month, false),
            "by the end of May 2025"
        );
        assert_eq!(
            deadline(day("2029-12-31"), Precision::Year, false),
            "by the end of 2029"
        );
        assert_eq!(
            Precision::Month.end_of_period(day("2028-02-03")),
            day("2028-02-29")
        );
        assert_eq!(
            Precision::Month.end_of_period(day("2025-12-10")),
            day("2025-12-31")
        );
        assert_eq!(
            Precision::Year.end_of_period(day("2029-06-30")),
            day("2029-12-31")
        );
        assert_eq!(
            deviation(-16, Precision::Day, true),
            "16 days early, against the editors' estimate of the deadline"
        );
        assert_eq!(deviation(1, Precision::Day, false), "1 day late");
        assert_eq!(share(1, 2, 50.0), "1 of 2");
        assert_eq!(share(7, 12, 58.3), "7 of 12 (58.3%)");
    }

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
