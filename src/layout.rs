//! Where the table headers of a TOML text are, found with the toml_parser
//! lexer so that brackets inside strings, multi-line strings and array
//! values are never mistaken for headers.

use toml_parser::lexer::TokenKind;

/// A `[table]` or `[[array.of.tables]]` header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Byte offset of the header's first `[`.
    pub start: usize,
    /// Byte offset just past the header's last `]`.
    pub end: usize,
    /// The dotted key with whitespace and quotes removed, such as
    /// `commitment.update`.
    pub path: String,
    /// `[[...]]` rather than `[...]`.
    pub array: bool,
}

impl Header {
    /// The header written at `start..end` of `text`.
    fn new(text: &str, start: usize, end: usize) -> Self {
        let raw = &text[start..end];
        Header {
            start,
            end,
            path: raw
                .chars()
                .filter(|c| !matches!(c, '[' | ']' | '"' | '\'') && !c.is_whitespace())
                .collect(),
            array: raw.starts_with("[["),
        }
    }
}

/// Every header in `text`, in order. Meant for text that parses; on broken
/// text it still returns without panicking.
pub fn headers(text: &str) -> Vec<Header> {
    let source = toml_parser::Source::new(text);
    let mut found = Vec::new();
    // Depth of `[`/`{` inside values; a header can only start at depth 0.
    let mut depth: usize = 0;
    let mut at_line_start = true;
    let mut in_header: Option<Header> = None;
    for token in source.lex() {
        let span = token.span();
        let kind = token.kind();
        if let Some(header) = &mut in_header {
            match kind {
                TokenKind::Newline | TokenKind::Comment | TokenKind::Eof => {
                    let end = header.end;
                    let start = header.start;
                    in_header = None;
                    found.push(Header::new(text, start, end));
                    at_line_start = kind == TokenKind::Newline;
                }
                TokenKind::Whitespace => {}
                _ => header.end = span.end(),
            }
            continue;
        }
        match kind {
            TokenKind::Newline => at_line_start = true,
            TokenKind::Whitespace | TokenKind::Comment => {}
            TokenKind::LeftSquareBracket if depth == 0 && at_line_start => {
                in_header = Some(Header {
                    start: span.start(),
                    end: span.end(),
                    path: String::new(),
                    array: false,
                });
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                depth += 1;
                at_line_start = false;
            }
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                depth = depth.saturating_sub(1);
                at_line_start = false;
            }
            _ => at_line_start = false,
        }
    }
    if let Some(header) = in_header {
        found.push(Header::new(text, header.start, header.end));
    }
    found
}

/// [`headers`], faster, for texts without multi-line strings: then a line
/// that starts with `[` is a header, or it sits inside a multi-line array
/// value, where a caller that parses what it splits will find the error.
/// `None` when the text has a multi-line string delimiter.
pub fn headers_by_lines(text: &str) -> Option<Vec<Header>> {
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"\"\"\"").is_some()
        || memchr::memmem::find(bytes, b"'''").is_some()
    {
        return None;
    }
    let mut found = Vec::new();
    // Each `[` (found with memchr: there are fewer of them than lines) that
    // only blanks separate from the start of its line. Each blank is passed
    // over once: the walk back stops at the `[` or line end before it.
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'[', &bytes[from..]) {
        let start = from + at;
        let mut line_start = start;
        while line_start > from && matches!(bytes[line_start - 1], b' ' | b'\t') {
            line_start -= 1;
        }
        from = start + 1;
        if line_start > 0 && bytes[line_start - 1] != b'\n' {
            continue;
        }
        let line_end =
            memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |at| start + at + 1);
        from = line_end;
        let raw = text[start..line_end]
            .split('#')
            .next()
            .unwrap_or("")
            .trim_end();
        // The same path as `chars()` gives: an ASCII header needs no decoding.
        let path = if raw.is_ascii() {
            // Sized once: collected a character at a time, the path grew
            // by doubling, and 40,000 headers took 3% of a `check`.
            let mut path = String::with_capacity(raw.len());
            path.extend(
                raw.bytes()
                    .filter(|b| {
                        !matches!(
                            b,
                            b'[' | b']'
                                | b'"'
                                | b'\''
                                | b' '
                                | b'\t'
                                | b'\n'
                                | b'\x0B'
                                | b'\x0C'
                                | b'\r'
                        )
                    })
                    .map(char::from),
            );
            path
        } else {
            raw.chars()
                .filter(|c| !matches!(c, '[' | ']' | '"' | '\'') && !c.is_whitespace())
                .collect()
        };
        found.push(Header {
            start,
            end: start + raw.len(),
            path,
            array: raw.starts_with("[["),
        });
    }
    Some(found)
}

/// The start of the comment and blank lines directly above `offset` (the
/// start of a header), which belong to that header.
pub fn leading_comments_start(text: &str, offset: usize) -> usize {
    let mut start = offset;
    loop {
        let before = &text[..start];
        // `before` ends at a line start; look at the line above it.
        let Some(line_end) = before.strip_suffix('\n').map(str::len) else {
            return start;
        };
        let line_start = before[..line_end].rfind('\n').map_or(0, |i| i + 1);
        let line = before[line_start..line_end].trim();
        if line.is_empty() || line.starts_with('#') {
            start = line_start;
            if line_start == 0 {
                return 0;
            }
        } else {
            return start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `headers_by_lines` as it was, line by line: the memchr version must
    /// find the same headers.
    fn by_lines_reference(text: &str) -> Option<Vec<Header>> {
        if text.contains("\"\"\"") || text.contains("\'\'\'") {
            return None;
        }
        let mut found = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_start_matches([' ', '\t']);
            if trimmed.starts_with('[') {
                let start = line_start + (line.len() - trimmed.len());
                let raw = trimmed.split('#').next().unwrap_or("").trim_end();
                found.push(Header {
                    start,
                    end: start + raw.len(),
                    path: raw
                        .chars()
                        .filter(|c| !matches!(c, '[' | ']' | '"' | '\'') && !c.is_whitespace())
                        .collect(),
                    array: raw.starts_with("[["),
                });
            }
            line_start += line.len();
        }
        Some(found)
    }

    #[test]
    fn headers_by_lines_finds_what_the_line_by_line_scan_found() {
        let texts = [
            "[ledger]\ntitle = 1\n  [[ commitment ]] # c\n\t[[commitment.update]]\r\n[a .\x0B b]\n",
            "[\"quoted\" . 'x']\n[[ca\u{3000}fé]]\n[[commitment]]",
            "no header\n = [\n[1],\n]\n",
            "",
            "[",
            "\n\n[x]#\n",
            "  [a]\nb = [1, [2]]\n \t [[c]] # [d]\n[e][f]\n\n   [\n[",
            "x = [\n  [1],\n  [ 2 ],\n]\n[ [g] ]\n[[h]]\r[i]\r\n[j]\x0C[k]",
            "a = 1\r[i]\n\x0C[k]\n\u{a0}[l]\n[m]\r\n",
        ];
        let fixtures = [
            include_str!("../tests/fixtures/china-peru/commitments.toml"),
            include_str!("../tests/fixtures/workspace/good/ledgers/second-talks.toml"),
            include_str!("../tests/fixtures/edit/ledger.toml"),
        ];
        for text in texts.iter().chain(&fixtures) {
            let (new, old) = (headers_by_lines(text), by_lines_reference(text));
            let key = |h: &Option<Vec<Header>>| {
                h.as_ref().map(|v| {
                    v.iter()
                        .map(|h| (h.start, h.end, h.path.clone(), h.array))
                        .collect::<Vec<_>>()
                })
            };
            assert_eq!(key(&new), key(&old), "{text:?}");
        }
    }

    #[test]
    fn finds_headers_but_not_brackets_in_values_or_strings() {
        let text = "a = [\n  [1, 2],\n]\ns = \"\"\"\n[not.a.header]\n\"\"\"\n[ledger]\n[[ commitment ]] # c\nx = { y = [1] }\n[[commitment.update]]\n";
        let found: Vec<(String, bool)> = headers(text)
            .into_iter()
            .map(|h| (h.path, h.array))
            .collect();
        assert_eq!(
            found,
            [
                ("ledger".into(), false),
                ("commitment".into(), true),
                ("commitment.update".into(), true)
            ]
        );
    }

    #[test]
    fn line_headers_agree_with_lexed_headers_without_multi_line_strings() {
        let text = "[ledger]\n  [[ commitment ]] # c\nx = { y = [1] }\n[[commitment.update]]\nz = 'a [b]'\n";
        assert_eq!(headers_by_lines(text), Some(headers(text)));
        assert_eq!(headers_by_lines("s = \"\"\"\n[x]\n\"\"\"\n"), None);
    }

    #[test]
    fn comments_above_a_header_belong_to_it() {
        let text = "x = 1\n\n# about b\n[b]\n";
        let b = text.find("[b]").unwrap();
        // The blank line and the comment line both go with `[b]`.
        assert_eq!(leading_comments_start(text, b), "x = 1\n".len());
    }
}
