//! Verbatim quote matching, after folding whitespace and typographic quotes.
//!
//! Folding is exactly this and nothing else: every run of whitespace becomes
//! one space, `‘ ’ ‚ ‛` become `'`, and `“ ” „ ‟` become `"`. Case, accents,
//! dashes and punctuation must match as written.

use crate::span::Span;

/// Folds one character; whitespace is handled by the caller.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        other => other,
    }
}

/// A folded text that remembers where each of its bytes came from.
#[derive(Debug, Clone)]
pub struct FoldedText {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, plus one past the end: the byte offset in the
    /// original text.
    origin: Vec<usize>,
}

impl FoldedText {
    /// Folds `original`.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let mut in_space = false;
        for (at, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    origin.push(at);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let folded = fold_char(c);
            for _ in 0..folded.len_utf8() {
                origin.push(at);
            }
            text.push(folded);
        }
        origin.push(original.len());
        FoldedText { text, origin }
    }

    /// The span in the original text of `start..end` in the folded text.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        let at = |i: usize| self.origin[i.min(self.origin.len() - 1)];
        // The end maps to the byte after the last folded character.
        let end_original = if end == 0 {
            at(0)
        } else {
            let last = at(end - 1);
            let next = at(end);
            if next > last { next } else { last + 1 }
        };
        Span::new(at(start), end_original.max(at(start)))
    }
}

/// Folds a quote the same way as its source.
pub fn fold(quote: &str) -> String {
    FoldedText::new(quote).text
}

/// The passage of a source that comes closest to a quote that is not in it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosePassage {
    /// The passage, as a span of the original source text.
    pub span: Span,
    /// How much of the quote matches the source exactly, from its start
    /// (or from its end, when `from_end`).
    pub matched: String,
    /// Whether `matched` is the end of the quote rather than its start.
    pub from_end: bool,
}

/// Finds the passage of `source` that shares the longest start or end with
/// `quote` (both folded), if that shared part is long enough to be telling.
pub fn closest_passage(source: &FoldedText, quote: &str) -> Option<ClosePassage> {
    let haystack = source.text.as_str();
    let boundaries: Vec<usize> = quote
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(quote.len()))
        .collect();
    let chars = boundaries.len() - 1;
    let prefix = longest_found(haystack, chars, |n| &quote[..boundaries[n]]);
    let suffix = longest_found(haystack, chars, |n| &quote[boundaries[chars - n]..]);
    let needed = (chars / 4).max(8);
    if prefix.max(suffix) < needed {
        return None;
    }
    let length = quote.len();
    let (start, end, matched, from_end) = if prefix >= suffix {
        let matched = &quote[..boundaries[prefix]];
        let start = haystack.find(matched)?;
        (
            start,
            floor_boundary(haystack, start + length),
            matched,
            false,
        )
    } else {
        let matched = &quote[boundaries[chars - suffix]..];
        let end = haystack.find(matched)? + matched.len();
        (
            ceil_boundary(haystack, end.saturating_sub(length)),
            end,
            matched,
            true,
        )
    };
    Some(ClosePassage {
        span: source.original_span(start, end),
        matched: matched.to_owned(),
        from_end,
    })
}

/// The largest `n <= max` for which `part(n)` is in `haystack`. Found-ness
/// is monotone in `n` (a shorter start of a found text is found too), so a
/// binary search needs only log(max) scans.
fn longest_found<'q>(haystack: &str, max: usize, part: impl Fn(usize) -> &'q str) -> usize {
    let (mut found, mut missing) = (0, max + 1);
    while missing - found > 1 {
        let mid = (found + missing) / 2;
        if haystack.contains(part(mid)) {
            found = mid;
        } else {
            missing = mid;
        }
    }
    found
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, at: usize) -> usize {
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
    fn folds_whitespace_and_typographic_quotes_only() {
        assert_eq!(fold("a \n\t b"), "a b");
        assert_eq!(fold("\u{201C}Xi\u{2019}s\u{201D}"), "\"Xi's\"");
        assert_eq!(fold("Caf\u{e9} \u{2014} A"), "Caf\u{e9} \u{2014} A");
    }

    #[test]
    fn maps_folded_spans_back() {
        let source = FoldedText::new("one  two\n\u{2019}three\u{2019}");
        let at = source.text.find("'three'").unwrap();
        let span = source.original_span(at, at + "'three'".len());
        assert_eq!(
            &"one  two\n\u{2019}three\u{2019}"[span.range()],
            "\u{2019}three\u{2019}"
        );
    }

    #[test]
    fn finds_the_passage_that_differs_by_one_word() {
        let text = "Xi also urged joint efforts for the completion of Chancay Harbor on schedule, and more.";
        let source = FoldedText::new(text);
        let passage = closest_passage(
            &source,
            "Xi also urged joint efforts for the opening of Chancay Harbor on schedule",
        )
        .unwrap();
        assert!(!passage.from_end);
        assert_eq!(passage.matched, "Xi also urged joint efforts for the ");
        assert!(
            text[passage.span.range()]
                .starts_with("Xi also urged joint efforts for the completion")
        );
        assert!(closest_passage(&source, "entirely unrelated words here").is_none());
    }
}
