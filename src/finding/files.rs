//! The texts findings point into, and their lines.

use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::files::{Error as CodespanError, Files as CodespanFiles};

use super::FileId;
use crate::span::Span;
use crate::text::floor_char_boundary;

/// The texts that findings point into: the ledger, then any source files.
///
/// It is codespan's file database (it implements its `Files`), with a
/// line index of `u32` marks every 8 lines: a ledger of 100,000
/// commitments has 2.8 million lines, and codespan's own index (a `usize`
/// per line, grown by doubling) took 34 MB of the peak where this takes
/// 1.4 MB.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: Vec<File>,
}

/// One file: its name, its text, and where each of its lines starts.
#[derive(Debug, Clone)]
struct File {
    name: String,
    /// Shared with the strings of the model read from it.
    text: Arc<String>,
    /// Where every [`LINES_PER_MARK`]th line starts (line 0 first); the
    /// lines between are found in the text.
    marks: Box<[u32]>,
    /// How many lines there are (a text without line ends has one).
    lines: usize,
}

/// Lines between two marks of the line index: a finding's line is found by
/// a binary search and then a scan of at most this many lines, and the
/// index is an eighth of a full one (1.4 MB at 100k commitments). Every 16
/// lines cost `--format json` 3% more instructions (it places every
/// finding); every 8, 1.8%.
const LINES_PER_MARK: usize = 8;

impl File {
    fn new(name: String, text: String) -> Self {
        // A byte offset fits in `u32`: the loader reads no ledger over
        // 256 MiB and no source over 64 MiB. Past 4 GiB, the offsets would
        // saturate (wrong lines, never a panic).
        let offset = |byte: usize| u32::try_from(byte).unwrap_or(u32::MAX);
        let starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1));
        let mut lines = 0;
        let mut marks = Vec::new();
        for start in starts {
            if lines % LINES_PER_MARK == 0 {
                marks.push(offset(start));
            }
            lines += 1;
        }
        File {
            name,
            text: Arc::new(text),
            marks: marks.into_boxed_slice(),
            lines,
        }
    }

    /// The index of the line that holds `byte` (the last line for a byte
    /// past the end).
    fn line_index(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let mark = self
            .marks
            .partition_point(|&start| start as usize <= byte)
            .saturating_sub(1);
        let from = (self.marks[mark] as usize).min(byte);
        mark * LINES_PER_MARK
            + memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..byte]).count()
    }

    /// The byte where line `index` starts; the text's end for the line
    /// after the last.
    fn line_start(&self, index: usize) -> Result<usize, CodespanError> {
        if index == self.lines {
            return Ok(self.text.len());
        }
        if index > self.lines {
            return Err(CodespanError::LineTooLarge {
                given: index,
                max: self.lines - 1,
            });
        }
        let from = self.marks[index / LINES_PER_MARK] as usize;
        match index % LINES_PER_MARK {
            0 => Ok(from),
            after => Ok(memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..])
                .nth(after - 1)
                .map_or(self.text.len(), |at| from + at + 1)),
        }
    }
}

/// A 1-based line and column (in characters) in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Files {
    /// Adds a file and returns its id.
    pub fn add(&mut self, name: String, text: String) -> FileId {
        self.files.push(File::new(name, text));
        self.files.len() - 1
    }

    /// How many files there are; their ids are `0..len()`.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The display name of a file.
    pub fn name(&self, file: FileId) -> &str {
        self.files.get(file).map_or("?", |f| f.name.as_str())
    }

    /// The text of a file.
    pub fn text(&self, file: FileId) -> &str {
        self.files.get(file).map_or("", |f| f.text.as_str())
    }

    /// The text of `file` (empty if there is none), to share: the loader
    /// reads the model's strings as ranges of it.
    pub(crate) fn shared_text(&self, file: FileId) -> Arc<String> {
        self.files
            .get(file)
            .map_or_else(Arc::default, |f| Arc::clone(&f.text))
    }

    /// `span` moved inside the file and onto character boundaries, so that
    /// slicing and rendering never fail.
    pub fn clamp(&self, file: FileId, span: Span) -> Span {
        let text = self.text(file);
        let start = floor_char_boundary(text, span.start());
        Span::new(start, floor_char_boundary(text, span.end()).max(start))
    }

    /// Line and column of a byte offset.
    pub fn position(&self, file: FileId, byte: usize) -> Position {
        let byte = self.clamp(file, Span::new(byte, byte)).start();
        match self.location(file, byte) {
            Ok(location) => Position {
                line: location.line_number,
                column: location.column_number,
            },
            Err(_) => Position { line: 1, column: 1 },
        }
    }

    /// The text under a span.
    pub fn snippet(&self, file: FileId, span: Span) -> &str {
        let span = self.clamp(file, span);
        &self.text(file)[span.range()]
    }

    fn file(&self, id: FileId) -> Result<&File, CodespanError> {
        self.files.get(id).ok_or(CodespanError::FileMissing)
    }
}

impl<'a> CodespanFiles<'a> for Files {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, CodespanError> {
        Ok(self.file(id)?.name.as_str())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, CodespanError> {
        Ok(self.file(id)?.text.as_str())
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, CodespanError> {
        Ok(self.file(id)?.line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, CodespanError> {
        let file = self.file(id)?;
        Ok(file.line_start(line_index)?..file.line_start(line_index + 1)?)
    }
}

#[cfg(test)]
mod tests {
    use codespan_reporting::files::{Files as _, SimpleFiles};

    use super::*;

    /// The `u32` line index answers as codespan's own file database does,
    /// which the renderer relied on before: for every byte of texts with
    /// and without a last line end, `\r\n`, empty lines and wide characters.
    #[test]
    fn lines_and_columns_are_codespans() {
        // Past several marks of the index, with empty lines on and
        // beside them.
        let long: String = (0..100)
            .map(|n| {
                if n % 16 == 0 || n % 17 == 1 {
                    String::new()
                } else {
                    "ab".repeat(n % 5)
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let texts = [
            "",
            "\n",
            "one",
            "one\n",
            "one\ntwo",
            "a\r\nb\r\n\r\nc",
            "\n\n\nx\n",
            "é\n中文\n𝄞 z\nlast",
            &long,
            &(long.clone() + "\n"),
        ];
        let mut ours = Files::default();
        let mut theirs = SimpleFiles::new();
        for (n, text) in texts.iter().enumerate() {
            ours.add(format!("f{n}"), (*text).to_owned());
            theirs.add(format!("f{n}"), (*text).to_owned());
        }
        for (id, text) in texts.iter().enumerate() {
            assert_eq!(CodespanFiles::name(&ours, id).unwrap(), format!("f{id}"));
            assert_eq!(CodespanFiles::source(&ours, id).unwrap(), *text);
            for byte in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(
                    ours.location(id, byte).unwrap(),
                    theirs.location(id, byte).unwrap(),
                    "{text:?} at {byte}"
                );
                let line = ours.line_index(id, byte).unwrap();
                assert_eq!(
                    ours.line_range(id, line).unwrap(),
                    theirs.line_range(id, line).unwrap()
                );
            }
            let lines = text.matches('\n').count() + 1;
            assert_eq!(
                ours.line_range(id, lines - 1).unwrap(),
                theirs.line_range(id, lines - 1).unwrap(),
                "the last line"
            );
            assert!(ours.line_range(id, lines).is_err());
            assert!(theirs.line_range(id, lines).is_err());
        }
        assert!(CodespanFiles::source(&ours, texts.len()).is_err());
        assert_eq!(ours.name(texts.len()), "?");
    }
}
