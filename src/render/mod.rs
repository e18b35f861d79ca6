//! Output of findings: compiler-style text, JSON, and GitHub annotations.

mod excerpt;

use std::io;

use codespan_reporting::diagnostic::{Diagnostic, Label as CsLabel, Severity as CsSeverity};
use codespan_reporting::term::{self, Config};
use serde::Serialize;

use crate::finding::{FileId, Files, Finding, Severity, Shortlist};
use crate::model::Headcount;
use crate::span::Span;
use crate::text::{is_hidden_control, picture, plural, visible, visible_lines};

/// What a check run is about, for the closing summary.
#[derive(Debug, Clone)]
pub struct Summary<'a> {
    /// The ledger's display path.
    pub ledger: &'a str,
    /// The as-of date.
    pub as_of: chrono::NaiveDate,
    /// How many commitments and umbrellas the ledger holds at `as_of`.
    pub headcount: Headcount,
    /// The language of the summary line (`check --lang`); the findings
    /// themselves are in English.
    pub lang: crate::i18n::Lang,
}

/// Counts of errors and warnings.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

/// The last line of human output: the totals of `list`, shown or not.
pub fn summary_line(list: &Shortlist, summary: &Summary<'_>) -> String {
    let locale = crate::i18n::Locale::of(summary.lang);
    locale.with(
        "check-summary",
        &[
            ("ledger", visible(summary.ledger).into()),
            ("errors", locale.count("count-errors", list.errors).into()),
            (
                "warnings",
                locale.count("count-warnings", list.warnings).into(),
            ),
            ("headcount", locale.headcount(&summary.headcount).into()),
            ("date", locale.date(summary.as_of).into()),
        ],
    )
}

fn to_codespan(finding: &Finding, shown: &Shown, files: &Files) -> Diagnostic<usize> {
    let severity = match finding.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
    };
    let mut labels = vec![
        CsLabel::primary(
            finding.primary.file,
            shown.range(finding.primary.file, finding.primary.span, files),
        )
        .with_message(visible(&finding.primary.message)),
    ];
    labels.extend(finding.secondary.iter().map(|label| {
        CsLabel::secondary(label.file, shown.range(label.file, label.span, files))
            .with_message(visible(&label.message))
    }));
    Diagnostic::new(severity)
        .with_code(finding.rule.code)
        .with_message(format!(
            "{} [{}]",
            visible(&finding.message),
            finding.rule.name
        ))
        .with_labels(labels)
        .with_notes(
            finding
                .notes
                .iter()
                .map(|note| visible_lines(note))
                .collect(),
        )
}

/// The most characters a label is drawn under.
const MAX_UNDERLINED: usize = 1_000;

/// The files as a terminal shows them. Each hidden character of a file
/// (ESC, BEL, a bidirectional override) becomes one visible character
/// ([`picture`]), so lines and columns stay the file's, and spans are
/// moved by the bytes that changed.
struct Shown {
    /// The files with pictures, when any file needed them.
    files: Option<Files>,
    /// Per file: (byte offset in the original, bytes added before it).
    shifts: Vec<Vec<(usize, usize)>>,
}

impl Shown {
    fn of(files: &Files) -> Shown {
        // Line ends are control characters too, but they stay as they are.
        let needs = (0..files.len())
            .any(|id| crate::text::has_hidden_control_but_line_ends(files.text(id)));
        if !needs {
            return Shown {
                files: None,
                shifts: Vec::new(),
            };
        }
        let mut shown = Files::default();
        let mut shifts = Vec::new();
        for id in 0..files.len() {
            let text = files.text(id);
            let mut out = String::with_capacity(text.len());
            let mut shift = Vec::new();
            let mut added = 0;
            for (at, c) in text.char_indices() {
                // Line ends stay line ends.
                if is_hidden_control(c) && c != '\n' && c != '\r' {
                    let picture = picture(c);
                    out.push(picture);
                    added += picture.len_utf8() - c.len_utf8();
                    shift.push((at + c.len_utf8(), added));
                } else {
                    out.push(c);
                }
            }
            shown.add(files.name(id).to_owned(), out);
            shifts.push(shift);
        }
        Shown {
            files: Some(shown),
            shifts,
        }
    }

    fn files<'a>(&'a self, original: &'a Files) -> &'a Files {
        self.files.as_ref().unwrap_or(original)
    }

    /// `span` of `file` in the shown text.
    fn range(&self, file: FileId, span: Span, files: &Files) -> std::ops::Range<usize> {
        // Carets are drawn under at most MAX_UNDERLINED characters: the
        // start of a 60,000-letter quote says where it is as well as all of
        // it would, and the text output stays proportionate.
        let text = files.text(file);
        let mut end = span.end();
        if text
            .get(span.start()..span.end())
            .is_some_and(|s| s.len() > MAX_UNDERLINED)
        {
            end = text[span.start()..]
                .char_indices()
                .nth(MAX_UNDERLINED)
                .map_or(span.end(), |(at, _)| span.start() + at);
        }
        let span = Span::new(span.start(), end);
        let Some(shift) = self.shifts.get(file) else {
            return span.range();
        };
        let moved = |at: usize| {
            let before = shift.partition_point(|(from, _)| *from <= at);
            at + before.checked_sub(1).map_or(0, |i| shift[i].1)
        };
        moved(span.start())..moved(span.end())
    }
}

/// Writes a shortlist's findings compiler-style, each rule's followed by
/// how many more there are, then the summary line (which counts them all).
pub fn human(
    out: &mut dyn term::termcolor::WriteColor,
    files: &Files,
    list: &Shortlist,
    summary: &Summary<'_>,
) -> io::Result<()> {
    human_findings(out, files, &list.shown)?;
    for (rule, count) in &list.left_out {
        writeln!(out, "{}\n", left_out_line(rule, *count))?;
    }
    writeln!(out, "{}", summary_line(list, summary))
}

/// "… and 41,900 more `schema` findings", after the first of a rule.
pub fn left_out_line(rule: &crate::rule::Rule, count: usize) -> String {
    format!(
        "... and {} of {} `{}` (`--max-per-rule 0` shows every finding)",
        plural(count, "more finding", "more findings"),
        rule.code,
        rule.name
    )
}

/// Writes findings compiler-style, without a summary line. Without colour
/// (into a file or a pipe), a long list is rendered in parallel, in chunks
/// written in order.
pub fn human_findings(
    out: &mut dyn term::termcolor::WriteColor,
    files: &Files,
    findings: &[Finding],
) -> io::Result<()> {
    use rayon::prelude::*;
    // Below this, one thread renders faster than several start.
    const CHUNK: usize = 256;
    let shown = Shown::of(files);
    if out.supports_color() || findings.len() <= CHUNK {
        return emit_each(out, &shown, files, findings);
    }
    // A few chunks a thread at a time, so that the rendered text in memory
    // stays small however many findings there are.
    let batch = CHUNK * 4 * rayon::current_num_threads();
    for findings in findings.chunks(batch) {
        let rendered: Vec<io::Result<Vec<u8>>> = findings
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buffer = term::termcolor::NoColor::new(Vec::new());
                emit_each(&mut buffer, &shown, files, chunk)?;
                Ok(buffer.into_inner())
            })
            .collect();
        for chunk in rendered {
            out.write_all(&chunk?)?;
        }
    }
    Ok(())
}

/// Renders each finding to `out`, in order.
fn emit_each(
    out: &mut dyn term::termcolor::WriteColor,
    shown: &Shown,
    files: &Files,
    findings: &[Finding],
) -> io::Result<()> {
    // ASCII, as rustc prints: `--> file:line:col` and `|` borders.
    let config = Config {
        chars: term::Chars::ascii(),
        ..Config::default()
    };
    let styles = term::Styles::default();
    for finding in findings {
        let diagnostic = to_codespan(finding, shown, files);
        let mut writer = term::StylesWriter::new(&mut *out, &styles);
        let base = shown.files(files);
        // A label on a long line: a window of the line, not all of it.
        let emitted = match excerpt::cut(base, &diagnostic) {
            Some((excerpt, moved)) => {
                term::emit_to_write_style(&mut writer, &config, &excerpt, &moved)
            }
            None => term::emit_to_write_style(&mut writer, &config, base, &diagnostic),
        };
        emitted.map_err(|error| match error {
            codespan_reporting::files::Error::Io(error) => error,
            other => io::Error::other(other),
        })?;
    }
    Ok(())
}

/// Findings as compiler-style text without colour, then the summary line.
pub fn human_string(files: &Files, findings: &[Finding], summary: &Summary<'_>) -> String {
    let mut buffer = term::termcolor::NoColor::new(Vec::new());
    // Writing into memory cannot fail.
    let _ = human(
        &mut buffer,
        files,
        &Shortlist::of(findings.to_vec(), None),
        summary,
    );
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}

/// Findings as compiler-style text without colour or summary.
pub fn findings_string(files: &Files, findings: &[Finding]) -> String {
    let mut buffer = term::termcolor::NoColor::new(Vec::new());
    let _ = human_findings(&mut buffer, files, findings);
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}

#[derive(Serialize)]
struct JsonReport<'a> {
    ledger: &'a str,
    as_of: String,
    errors: usize,
    warnings: usize,
    commitments: usize,
    signed_at_talks: usize,
    requests: usize,
    umbrellas: usize,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
    labels: Vec<JsonLabel<'a>>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
}

/// Findings as one JSON document:
/// `{ ledger, as_of, errors, warnings, commitments, signed_at_talks,
/// requests, umbrellas, findings: [...] }`.
pub fn json(files: &Files, findings: &[Finding], summary: &Summary<'_>) -> String {
    let (errors, warnings) = counts(findings);
    let report = JsonReport {
        ledger: summary.ledger,
        as_of: summary.as_of.to_string(),
        errors,
        warnings,
        commitments: summary.headcount.commitments,
        signed_at_talks: summary.headcount.signed_at_talks,
        requests: summary.headcount.requests,
        umbrellas: summary.headcount.umbrellas,
        findings: findings
            .iter()
            .map(|finding| {
                let label = &finding.primary;
                let start = files.position(label.file, label.span.start());
                let end = files.position(label.file, label.span.end());
                JsonFinding {
                    code: finding.rule.code,
                    name: finding.rule.name,
                    severity: finding.severity.as_str(),
                    message: &finding.message,
                    file: files.name(label.file),
                    line: start.line,
                    column: start.column,
                    end_line: end.line,
                    end_column: end.column,
                    text: files.snippet(label.file, label.span),
                    labels: finding
                        .secondary
                        .iter()
                        .map(|label| {
                            let start = files.position(label.file, label.span.start());
                            let end = files.position(label.file, label.span.end());
                            JsonLabel {
                                file: files.name(label.file),
                                line: start.line,
                                column: start.column,
                                end_line: end.line,
                                end_column: end.column,
                                message: &label.message,
                            }
                        })
                        .collect(),
                    notes: &finding.notes,
                }
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// Escapes the message part of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A shortlist's findings as GitHub Actions workflow commands, so CI
/// annotates the lines, then a notice of how many more of each rule.
pub fn github(files: &Files, list: &Shortlist, summary: &Summary<'_>) -> String {
    let mut text = github_list(files, list);
    // The summary is a line of the log too: escaped like the rest, so that
    // nothing in a ledger's path can start a workflow command.
    text.push_str(&escape_data(&summary_line(list, summary)).replace("::", ":%3A"));
    text.push('\n');
    text
}

/// [`github`] without its summary line, of at most `limit` findings of each
/// rule: the annotations alone, such as a workspace's own findings before
/// its ledgers'.
pub fn github_annotations(files: &Files, findings: &[Finding], limit: Option<usize>) -> String {
    github_list(files, &Shortlist::of(findings.to_vec(), limit))
}

fn github_list(files: &Files, list: &Shortlist) -> String {
    let mut text = String::new();
    let (shown, left_out) = (&list.shown, &list.left_out);
    for finding in shown {
        let label = &finding.primary;
        let start = files.position(label.file, label.span.start());
        let end = files.position(label.file, label.span.end());
        let mut message = visible(&finding.message);
        for note in &finding.notes {
            message.push('\n');
            message.push_str(&visible_lines(note));
        }
        text.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            finding.severity.as_str(),
            escape_property(files.name(label.file)),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&format!("{} {}", finding.rule.code, finding.rule.name)),
            escape_data(&message)
        ));
    }
    for (rule, count) in left_out {
        text.push_str(&format!(
            "::notice title={}::{}\n",
            escape_property(&format!("{} {}", rule.code, rule.name)),
            escape_data(&left_out_line(rule, *count))
        ));
    }
    text
}
