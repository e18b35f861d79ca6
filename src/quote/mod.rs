//! Verbatim quote matching, after folding whitespace and typographic quotes.
//!
//! Folding is exactly this and nothing else: every run of whitespace becomes
//! one space, `‘ ’ ‚ ‛` become `'`, and `“ ” „ ‟` become `"`. Case, accents,
//! dashes and punctuation must match as written.

mod find;

pub use find::find_all;

use crate::span::Span;
use crate::text::{ceil_char_boundary, floor_char_boundary};

/// Folds one character; whitespace is handled by the caller.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        other => other,
    }
}

/// How many bytes `bytes` starts with that folding leaves as they are:
/// ASCII that is not whitespace. Most of a source and of a quote is such
/// runs, copied whole instead of a character at a time.
fn plain_run(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| b >= 0x80 || matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
        .unwrap_or(bytes.len())
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
        let mut at = 0;
        while at < original.len() {
            let run = plain_run(&original.as_bytes()[at..]);
            if run > 0 {
                text.push_str(&original[at..at + run]);
                origin.extend(at..at + run);
                in_space = false;
                at += run;
                continue;
            }
            let Some(c) = original[at..].chars().next() else {
                break;
            };
            let here = at;
            at += c.len_utf8();
            let at = here;
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

/// Folds a quote the same way as its source (without the offset map that
/// [`FoldedText`] keeps: there are many quotes).
pub fn fold(quote: &str) -> String {
    let mut text = String::with_capacity(quote.len());
    let mut in_space = false;
    let mut at = 0;
    while at < quote.len() {
        let run = plain_run(&quote.as_bytes()[at..]);
        if run > 0 {
            text.push_str(&quote[at..at + run]);
            in_space = false;
            at += run;
            continue;
        }
        let Some(c) = quote[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if c.is_whitespace() {
            if !in_space {
                text.push(' ');
            }
            in_space = true;
        } else {
            in_space = false;
            text.push(fold_char(c));
        }
    }
    text
}

/// The passage of a source that comes closest to a quote that is not in it,
/// as a span of the original source text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosePassage {
    /// Where the passage is in the original source.
    pub span: Span,
}

/// Above this many cells (source words × quote words) the alignment is
/// skipped for the cheaper prefix-and-suffix search.
const ALIGNMENT_BUDGET: usize = 2_000_000;

/// How much comparing one source may cost, in letter pairs (quote bytes ×
/// source bytes, what the alignment compares at worst), for all of its
/// missing quotes together. Past it, a quote gets only the cheap
/// prefix-and-suffix search. 100 random long words against a 1.2 MB source
/// took 9 s each before; the article's quotes cost a few million.
#[derive(Debug, Clone, Copy)]
pub struct SearchBudget {
    left: u64,
}

impl SearchBudget {
    /// The budget for one source: about a quarter of a second of alignment.
    pub const PER_SOURCE: u64 = 200_000_000;

    /// A budget of `letter_pairs`.
    pub fn new(letter_pairs: u64) -> Self {
        SearchBudget { left: letter_pairs }
    }

    /// Takes `work` if it is left.
    fn take(&mut self, work: u64) -> bool {
        if work <= self.left {
            self.left -= work;
            true
        } else {
            false
        }
    }
}

impl Default for SearchBudget {
    fn default() -> Self {
        SearchBudget::new(SearchBudget::PER_SOURCE)
    }
}

/// Finds the passage of `source` closest to `quote` (both folded): the run of
/// words that needs the fewest word edits, where replacing a word by a
/// similar one costs less than by a different one. `None` when more than half
/// of the quote would have to change.
pub fn closest_passage(
    source: &FoldedText,
    quote: &str,
    budget: &mut SearchBudget,
) -> Option<ClosePassage> {
    let quote_words: Vec<&str> = quote.split(' ').filter(|w| !w.is_empty()).collect();
    if quote_words.is_empty() {
        return None;
    }
    let text_words = word_ranges(&source.text);
    let cells = text_words.len().saturating_mul(quote_words.len());
    let work = (quote.len() as u64).saturating_mul(source.text.len() as u64);
    let (start, end) = if cells <= ALIGNMENT_BUDGET && budget.take(work) {
        let (cost, start, end) = align(&source.text, &text_words, &quote_words)?;
        if cost > quote_words.len() as f64 / 2.0 {
            return None;
        }
        (start, end)
    } else {
        shared_start_or_end(&source.text, quote)?
    };
    let (start, end) = trim_punctuation(&source.text[start..end], quote, start);
    Some(ClosePassage {
        span: source.original_span(start, end),
    })
}

/// Drops punctuation at the ends of a passage that the quote does not have,
/// so that "cooperation," is shown as "cooperation".
fn trim_punctuation(passage: &str, quote: &str, offset: usize) -> (usize, usize) {
    let is_extra =
        |c: char, quote_has: Option<char>| c.is_ascii_punctuation() && quote_has != Some(c);
    let trimmed_end = passage.trim_end_matches(|c| is_extra(c, quote.chars().last()));
    let trimmed = trimmed_end.trim_start_matches(|c| is_extra(c, quote.chars().next()));
    let start = offset + (trimmed_end.len() - trimmed.len());
    (start, start + trimmed.len())
}

/// Byte ranges of the space-separated words of a folded text.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c == ' ', start) {
            (true, Some(from)) => {
                words.push((from, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    words
}

/// Approximate substring matching over words (Sellers' algorithm): the run
/// of text words with the least cost to turn into the quote, as (cost, start
/// byte, end byte). Inserting or dropping a word costs 1; replacing one costs
/// 1 minus the similarity of the two words. Time O(text × quote) word
/// comparisons, memory O(quote).
fn align(text: &str, text_words: &[(usize, usize)], quote: &[&str]) -> Option<(f64, usize, usize)> {
    let m = quote.len();
    let mut cost: Vec<f64> = (0..=m).map(|i| i as f64).collect();
    let mut start = vec![0usize; m + 1];
    let mut next_cost = vec![0.0; m + 1];
    let mut next_start = vec![0usize; m + 1];
    let mut best: Option<(f64, usize, usize)> = None;
    for (j, &(from, to)) in text_words.iter().enumerate() {
        let word = &text[from..to];
        // A match may begin at any word of the text for free.
        next_cost[0] = 0.0;
        next_start[0] = j + 1;
        for i in 1..=m {
            let replace = word_distance(quote[i - 1], word);
            let candidates = [
                (cost[i - 1] + replace, start[i - 1]),
                (next_cost[i - 1] + 1.0, next_start[i - 1]),
                (cost[i] + 1.0, start[i]),
            ];
            let chosen = candidates
                .into_iter()
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .unwrap_or(candidates[0]);
            next_cost[i] = chosen.0;
            next_start[i] = chosen.1;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
        if best.is_none_or(|(c, _, _)| cost[m] < c) && start[m] <= j {
            best = Some((cost[m], text_words[start[m]].0, to));
        }
    }
    best
}

/// Longer words are compared only for equality: the edit distance of two
/// words costs the product of their lengths, and one 60,000-letter "word"
/// must not cost seconds per quote.
const SIMILARITY_MAX_BYTES: usize = 64;

/// 0 for the same word, up to 1 for unrelated ones.
fn word_distance(a: &str, b: &str) -> f64 {
    if a == b {
        0.0
    } else if a.len() > SIMILARITY_MAX_BYTES || b.len() > SIMILARITY_MAX_BYTES {
        1.0
    } else {
        1.0 - strsim::normalized_levenshtein(a, b)
    }
}

/// For very long sources: the passage sharing the longest start or end
/// with the quote, if that shared part is long enough to be telling.
fn shared_start_or_end(haystack: &str, quote: &str) -> Option<(usize, usize)> {
    let boundaries: Vec<usize> = quote
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(quote.len()))
        .collect();
    let chars = boundaries.len() - 1;
    let prefix = longest_found(haystack, chars, |n| &quote[..boundaries[n]]);
    let suffix = longest_found(haystack, chars, |n| &quote[boundaries[chars - n]..]);
    if prefix.max(suffix) < (chars / 4).max(8) {
        return None;
    }
    if prefix >= suffix {
        let start = haystack.find(&quote[..boundaries[prefix]])?;
        Some((start, floor_char_boundary(haystack, start + quote.len())))
    } else {
        let matched = &quote[boundaries[chars - suffix]..];
        let end = haystack.find(matched)? + matched.len();
        Some((
            ceil_char_boundary(haystack, end.saturating_sub(quote.len())),
            end,
        ))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding a character at a time, as it was written first.
    fn fold_by_chars(original: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut origin = Vec::new();
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
        (text, origin)
    }

    #[test]
    fn folding_runs_whole_agrees_with_folding_a_character_at_a_time() {
        let alphabet = [
            'a',
            'Z',
            '0',
            '.',
            ' ',
            '\t',
            '\n',
            '\u{b}',
            '\u{c}',
            '\r',
            '\u{85}',
            '\u{a0}',
            '\u{2019}',
            '\u{201C}',
            'é',
            '中',
            '\u{3000}',
            '\u{1F600}',
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..3000 {
            let len = rng.usize(0..40);
            let text: String = (0..len)
                .map(|_| alphabet[rng.usize(0..alphabet.len())])
                .collect();
            let (expected_text, expected_origin) = fold_by_chars(&text);
            let folded = FoldedText::new(&text);
            assert_eq!(folded.text, expected_text, "{text:?}");
            assert_eq!(folded.origin, expected_origin, "{text:?}");
            assert_eq!(fold(&text), expected_text, "{text:?}");
        }
    }

    #[test]
    fn folds_whitespace_and_typographic_quotes_only() {
        assert_eq!(fold("a \n\t b"), "a b");
        assert_eq!(fold("\u{201C}Xi\u{2019}s\u{201D}"), "\"Xi's\"");
        assert_eq!(fold("Caf\u{e9} \u{2014} A"), "Caf\u{e9} \u{2014} A");
    }

    #[test]
    fn fold_and_folded_text_agree() {
        for text in [
            "a \n\t b",
            "\u{201C}Xi\u{2019}s\u{201D}  ",
            " lead",
            "caf\u{e9}\u{2003}x",
        ] {
            assert_eq!(fold(text), FoldedText::new(text).text, "{text:?}");
        }
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
        let text = "Boluarte hopes to expand pragmatic cooperation. Xi urged them to deepen practical cooperation, and more.";
        let source = FoldedText::new(text);
        let passage = closest_passage(
            &source,
            "deepen pragmatic cooperation",
            &mut SearchBudget::default(),
        )
        .unwrap();
        assert_eq!(&text[passage.span.range()], "deepen practical cooperation");
        assert!(
            closest_passage(
                &source,
                "entirely unrelated words here",
                &mut SearchBudget::default()
            )
            .is_none()
        );
    }

    #[test]
    fn past_its_budget_the_search_is_only_the_cheap_one() {
        let text = "Boluarte hopes to expand pragmatic cooperation. Xi urged them to deepen practical cooperation, and more.";
        let source = FoldedText::new(text);
        let quote = "deepen pragmatic cooperation";
        let work = (quote.len() * source.text.len()) as u64;
        // Room for exactly one alignment, which finds the passage word by word.
        let mut budget = SearchBudget::new(work);
        let aligned = closest_passage(&source, quote, &mut budget).unwrap();
        assert_eq!(&text[aligned.span.range()], "deepen practical cooperation");
        // The second has no budget left: only the cheap search, which
        // takes the longest shared end, " pragmatic cooperation".
        let cheap = closest_passage(&source, quote, &mut budget).unwrap();
        assert_eq!(&text[cheap.span.range()], "expand pragmatic cooperation");
    }
}
