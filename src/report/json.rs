//! The report as JSON: its [`Report`] serialized as is.

use super::document::Report;

/// The report as pretty JSON with a trailing newline.
pub fn to_json(report: &Report) -> String {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail, and the JSON is UTF-8.
    let _ = write_json(report, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`to_json`] written to `out` as it is made, without holding the whole
/// text (the JSON of 100,000 commitments is hundreds of megabytes).
pub fn write_json(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")
}
