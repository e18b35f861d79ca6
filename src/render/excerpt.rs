//! Windows of long lines. A finding on a line of 36,000 characters shows the
//! part of the line around its labels, as rustc does, with `…` for the rest;
//! the line numbers and columns printed stay those of the file. Without it,
//! every finding on one long line printed the whole line: 6,000 findings on
//! a 36 KB line wrote over a gigabyte.

use std::ops::Range;

use codespan_reporting::diagnostic::Diagnostic;
use codespan_reporting::files::{Error, Files as CodespanFiles, column_index};

use crate::finding::Files;

/// A line longer than this, in bytes, is shown as a window.
const LONG_LINE: usize = 400;
/// Characters of context kept before the first label and after the last.
const CONTEXT: usize = 60;
/// The most characters a window shows.
const WIDEST: usize = 240;
/// Stands for the part of a line left out.
const ELLIPSIS: &str = "…";

/// The files of one finding, with each file that has a label on a long
/// line cut down to its labelled lines, each long one to a window.
pub(super) struct Excerpt<'a> {
    base: &'a Files,
    cuts: Vec<(usize, Cut)>,
}

/// One file cut down: its labelled lines, in order, one per line of `text`.
struct Cut {
    text: String,
    lines: Vec<CutLine>,
}

struct CutLine {
    /// Where the line is in `text`, without its line end.
    range: Range<usize>,
    /// Its index in the file.
    index: usize,
    /// Characters of the file's line before the window, less the ellipsis:
    /// added to a column in `text` to give the column in the file.
    columns_before: usize,
    /// Where the window starts in the file (bytes), and where it starts in `text`.
    file_start: usize,
    text_start: usize,
    /// The window's length in bytes.
    len: usize,
}

impl CutLine {
    /// A byte of the file, on this line, as a byte of `text`.
    fn map(&self, byte: usize) -> usize {
        self.text_start + byte.saturating_sub(self.file_start).min(self.len)
    }
}

/// The diagnostic with its labels moved into an [`Excerpt`], when one of
/// them is on a long line; `None` when every line is short.
pub(super) fn cut<'a>(
    base: &'a Files,
    diagnostic: &Diagnostic<usize>,
) -> Option<(Excerpt<'a>, Diagnostic<usize>)> {
    // Each label's file, line and range, its end kept to its first line.
    let mut placed = Vec::with_capacity(diagnostic.labels.len());
    let mut any_long = false;
    for label in &diagnostic.labels {
        let source = base.source(label.file_id).ok()?;
        let index = base.line_index(label.file_id, label.range.start).ok()?;
        let line = base.line_range(label.file_id, index).ok()?;
        let line = line.start..trim_line_end(source, line);
        any_long |= line.len() > LONG_LINE;
        let start = label.range.start.clamp(line.start, line.end);
        let end = label.range.end.clamp(start, line.end);
        placed.push((label.file_id, index, line, start..end));
    }
    if !any_long {
        return None;
    }
    let mut cuts: Vec<(usize, Cut)> = Vec::new();
    let mut files: Vec<usize> = placed.iter().map(|p| p.0).collect();
    files.sort_unstable();
    files.dedup();
    for file in files {
        let source = base.source(file).ok()?;
        let mut lines: Vec<(usize, Range<usize>)> = placed
            .iter()
            .filter(|p| p.0 == file)
            .map(|p| (p.1, p.2.clone()))
            .collect();
        lines.sort_unstable_by_key(|(index, _)| *index);
        lines.dedup_by_key(|(index, _)| *index);
        let mut text = String::new();
        let mut cut_lines = Vec::with_capacity(lines.len());
        for (index, line) in lines {
            if !text.is_empty() {
                text.push('\n');
            }
            let spans = placed
                .iter()
                .filter(|p| p.0 == file && p.1 == index)
                .map(|p| p.3.clone());
            let window = window(source, &line, spans);
            let before = &source[line.start..window.start];
            let prefix = if window.start > line.start {
                ELLIPSIS
            } else {
                ""
            };
            let line_start_in_text = text.len();
            text.push_str(prefix);
            let text_start = text.len();
            text.push_str(&source[window.clone()]);
            if window.end < line.end {
                text.push_str(ELLIPSIS);
            }
            cut_lines.push(CutLine {
                range: line_start_in_text..text.len(),
                index,
                columns_before: before.chars().count() - prefix.chars().count(),
                file_start: window.start,
                text_start,
                len: window.len(),
            });
        }
        cuts.push((
            file,
            Cut {
                text,
                lines: cut_lines,
            },
        ));
    }
    let mut moved = diagnostic.clone();
    for (label, (file, index, _, range)) in moved.labels.iter_mut().zip(&placed) {
        let cut = &cuts.iter().find(|(id, _)| id == file)?.1;
        let line = cut.lines.iter().find(|l| l.index == *index)?;
        label.range = line.map(range.start)..line.map(range.end);
    }
    Some((Excerpt { base, cuts }, moved))
}

/// The end of a line's text, before `\n` or `\r\n`.
fn trim_line_end(source: &str, line: Range<usize>) -> usize {
    let text = &source[line.clone()];
    line.start + text.trim_end_matches(['\n', '\r']).len()
}

/// The bytes of `line` to show: the labels' `spans` with some context,
/// at most [`WIDEST`] characters, on character boundaries. A short line is
/// shown whole.
fn window(
    source: &str,
    line: &Range<usize>,
    spans: impl Iterator<Item = Range<usize>>,
) -> Range<usize> {
    if line.len() <= LONG_LINE {
        return line.clone();
    }
    let text = &source[line.clone()];
    let (mut first, mut last) = (usize::MAX, 0);
    for span in spans {
        first = first.min(span.start - line.start);
        last = last.max(span.end - line.start);
    }
    // Characters before the first label, from which the window starts.
    let start = back_chars(text, first, CONTEXT);
    let wanted = forward_chars(text, last.max(first), CONTEXT);
    let widest = forward_chars(text, start, WIDEST);
    line.start + start..line.start + wanted.min(widest).max(start)
}

/// The byte `count` characters before `at` (or 0).
fn back_chars(text: &str, at: usize, count: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte `count` characters after `at` (or the end).
fn forward_chars(text: &str, at: usize, count: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(i, _)| at + i)
}

impl Excerpt<'_> {
    fn cut(&self, id: usize) -> Option<&Cut> {
        self.cuts
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, cut)| cut)
    }
}

impl<'a> CodespanFiles<'a> for Excerpt<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        CodespanFiles::name(self.base, id)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        match self.cut(id) {
            Some(cut) => Ok(&cut.text),
            None => self.base.source(id),
        }
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        match self.cut(id) {
            Some(cut) => Ok(cut
                .lines
                .iter()
                .rposition(|line| line.range.start <= byte_index)
                .unwrap_or(0)),
            None => self.base.line_index(id, byte_index),
        }
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        match self.cut(id) {
            Some(cut) => {
                cut.lines
                    .get(line_index)
                    .map(|line| line.index + 1)
                    .ok_or(Error::LineTooLarge {
                        given: line_index,
                        max: cut.lines.len().saturating_sub(1),
                    })
            }
            None => self.base.line_number(id, line_index),
        }
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        match self.cut(id) {
            Some(cut) => {
                let line = cut.lines.get(line_index).ok_or(Error::LineTooLarge {
                    given: line_index,
                    max: cut.lines.len().saturating_sub(1),
                })?;
                Ok(column_index(&cut.text, line.range.clone(), byte_index)
                    + 1
                    + line.columns_before)
            }
            None => self.base.column_number(id, line_index, byte_index),
        }
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        match self.cut(id) {
            Some(cut) => cut
                .lines
                .get(line_index)
                .map(|line| line.range.clone())
                .ok_or(Error::LineTooLarge {
                    given: line_index,
                    max: cut.lines.len().saturating_sub(1),
                }),
            None => self.base.line_range(id, line_index),
        }
    }
}
