//! An open document: its text as the editor holds it, the conversion between
//! the editor's line/character positions and the byte spans of the model,
//! and the file path behind its URI.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, PositionEncodingKind, Range, TextDocumentContentChangeEvent, Uri};

use crate::span::Span;
use crate::text::floor_char_boundary;

/// How the editor counts characters in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    /// Bytes.
    Utf8,
    /// UTF-16 code units: the protocol's default.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (it saves every conversion), else
    /// UTF-16, which every client must accept.
    pub(super) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        if offered
            .unwrap_or_default()
            .contains(&PositionEncodingKind::UTF8)
        {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub(super) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts, to turn byte offsets into positions
/// and back.
#[derive(Debug, Clone)]
pub(super) struct LineIndex {
    starts: Vec<usize>,
    encoding: Encoding,
}

impl LineIndex {
    /// How positions count characters in this index.
    pub(super) fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub(super) fn new(text: &str, encoding: Encoding) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1));
        LineIndex { starts, encoding }
    }

    /// The position of byte `offset` (clamped into the text and onto a
    /// character boundary).
    pub(super) fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let character = match self.encoding {
            Encoding::Utf8 => offset - start,
            encoding => text[start..offset].chars().map(|c| encoding.width(c)).sum(),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of `position`. A line past the end means the end of
    /// the text; a character past the end of its line means the line's end,
    /// as the protocol says.
    pub(super) fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |next| next - 1);
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end.max(start)
        };
        let wanted = position.character as usize;
        let mut counted = 0;
        for (at, c) in text[start..end].char_indices() {
            if counted >= wanted {
                return start + at;
            }
            counted += self.encoding.width(c);
        }
        end
    }

    pub(super) fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start()),
            self.position(text, span.end()),
        )
    }

    pub(super) fn span(&self, text: &str, range: Range) -> Span {
        let start = self.offset(text, range.start);
        let end = self.offset(text, range.end);
        Span::new(start.min(end), end.max(start))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A text document the editor has open.
#[derive(Debug)]
pub(super) struct Document {
    pub(super) text: String,
    pub(super) version: i32,
    pub(super) index: LineIndex,
    /// The file behind a `file:` URI.
    pub(super) path: Option<PathBuf>,
}

impl Document {
    pub(super) fn new(uri: &Uri, text: String, version: i32, encoding: Encoding) -> Self {
        Document {
            index: LineIndex::new(&text, encoding),
            text,
            version,
            path: uri_to_path(uri),
        }
    }

    /// Applies the editor's changes in order (ranges, or the whole text).
    pub(super) fn change(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.index.span(&self.text, range);
                    self.text.replace_range(span.range(), &change.text);
                }
                None => self.text = change.text,
            }
            self.index = LineIndex::new(&self.text, self.index.encoding);
        }
        self.version = version;
    }

    /// The name findings and the loader use: the path, or the URI for a
    /// document that is not a file.
    pub(super) fn name(&self, uri: &Uri) -> String {
        self.path
            .as_ref()
            .map_or_else(|| uri.as_str().to_owned(), |p| p.display().to_string())
    }

    /// The folder that the ledger's source files are relative to.
    pub(super) fn base_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// The path of a `file:` URI, percent-decoded.
pub(super) fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    if !uri
        .scheme()
        .is_some_and(|s| s.as_str().eq_ignore_ascii_case("file"))
    {
        return None;
    }
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(uri.path().as_str()).collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8(bytes).ok().map(PathBuf::from)
    }
}

/// The `file:` URI of an absolute path.
pub(super) fn path_to_uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    // Everything but unreserved characters and `/` is escaped (RFC 3986).
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let encoded = percent_encoding::utf8_percent_encode(text, PATH);
    Uri::from_str(&format!("file://{encoded}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_round_trip() {
        let text = "a = \"é𝄞x\"\r\nb = 1\n";
        let index = LineIndex::new(text, Encoding::Utf16);
        let x = text.find('x').unwrap();
        // é is one UTF-16 unit, 𝄞 two.
        assert_eq!(index.position(text, x), Position::new(0, 8));
        assert_eq!(index.offset(text, Position::new(0, 8)), x);
        // Past the end of a CRLF line: the line's end, before "\r".
        assert_eq!(
            index.offset(text, Position::new(0, 99)),
            text.find('\r').unwrap()
        );
        assert_eq!(
            index.offset(text, Position::new(1, 0)),
            text.find('b').unwrap()
        );
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        // Inside a character: its start.
        assert_eq!(index.position(text, x - 1), Position::new(0, 6));
    }

    #[test]
    fn file_uris_and_paths_round_trip() {
        let path = Path::new("/tmp/a b/ledger ü.toml");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/ledger%20%C3%BC.toml");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        assert_eq!(
            uri_to_path(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }
}
