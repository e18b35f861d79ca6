//! Loading a large ledger in chunks, in parallel.
//!
//! One parse of a whole 100 MB ledger builds a DOM many times its size and
//! grows faster than linearly. So a ledger whose commitments all come after
//! its other tables is split at its `[[commitment]]` headers (found by the
//! lexer, which is not fooled by strings), and the chunks are parsed and read
//! on all cores, each shifting its spans by where it starts.
//!
//! The result must equal [`super::whole::read_whole`]'s: any layout this does not
//! handle, and any chunk with a syntax error, falls back to the whole-file
//! parse. Tests and the fuzzer compare the two.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::events;
use super::keys::ROOT_KEYS;
use super::ledger_reader::{read_commitments, read_ledger};
use super::reader::{FindingSink, TableReader};
use super::whole::{extend_with_limit, read_whole};
use crate::finding::Finding;
use crate::layout::{headers, headers_by_lines};
use crate::model::Ledger;
use crate::span::Span;

/// Ledgers smaller than this are parsed whole: threads would not pay off.
const MIN_CHUNKED_BYTES: usize = 1 << 20;
/// Each chunk holds whole commitments, about this many bytes.
const CHUNK_BYTES: usize = 1 << 20;
/// Chunks read at once, per thread, before they are moved into the ledger.
const WAVE_PER_THREAD: usize = 4;

/// Where to split a ledger.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Plan {
    /// Everything before the first `[[commitment]]`.
    prefix: Range<usize>,
    /// Runs of whole commitments.
    chunks: Vec<Range<usize>>,
    /// How many commitments come before each chunk, to number them.
    first_indexes: Vec<usize>,
    /// How many `[[commitment]]` headers there are.
    commitments: usize,
}

/// A plan for a large ledger whose `[[commitment]]` entries (with their
/// sub-tables) all come after every other table; `None` otherwise.
pub(super) fn plan(text: &str) -> Option<Plan> {
    if text.len() < MIN_CHUNKED_BYTES {
        return None;
    }
    plan_with(text, CHUNK_BYTES)
}

pub(super) fn plan_with(text: &str, chunk_bytes: usize) -> Option<Plan> {
    // Splitting at a place that is not really a header can only make a chunk
    // fail to parse, and any failure falls back to the whole parse.
    let all = headers_by_lines(text).unwrap_or_else(|| headers(text));
    let first = all.iter().position(|h| h.array && h.path == "commitment")?;
    // Before the first commitment, nothing may touch `commitment`; after it,
    // only commitments and their sub-tables may follow.
    if all[..first]
        .iter()
        .any(|h| h.path == "commitment" || h.path.starts_with("commitment."))
    {
        return None;
    }
    if !all[first..]
        .iter()
        .all(|h| (h.path == "commitment" && h.array) || h.path.starts_with("commitment."))
    {
        return None;
    }
    let starts: Vec<usize> = all[first..]
        .iter()
        .filter(|h| h.path == "commitment")
        .map(|h| h.start)
        .collect();
    let mut chunks = Vec::new();
    let mut first_indexes = vec![0];
    let mut chunk_start = starts[0];
    for (index, &start) in starts.iter().enumerate().skip(1) {
        if start - chunk_start >= chunk_bytes {
            chunks.push(chunk_start..start);
            first_indexes.push(index);
            chunk_start = start;
        }
    }
    chunks.push(chunk_start..text.len());
    Some(Plan {
        prefix: 0..starts[0],
        chunks,
        first_indexes,
        commitments: starts.len(),
    })
}

/// What one chunk gave.
#[derive(Default)]
struct ChunkResult {
    ledger: Ledger,
    findings: Vec<Finding>,
    left_out: usize,
    /// A syntax error or an unexpected shape: fall back to the whole parse.
    fallback: bool,
}

fn read_chunk(text: &Arc<String>, range: Range<usize>, first_index: usize) -> ChunkResult {
    let mut result = ChunkResult::default();
    let Some(tree) = events::parse(&text[range.clone()]) else {
        result.fallback = true;
        return result;
    };
    let Some(root) = tree.root().as_table() else {
        result.fallback = true;
        return result;
    };
    let mut sink = FindingSink::at(text, range.start);
    if !root.keys().eq(["commitment"]) {
        result.fallback = true;
        return result;
    }
    let reader = TableReader::new(root, Span::default(), String::new(), ROOT_KEYS);
    if let Some(value) = reader.get("commitment") {
        read_commitments(value, first_index, &mut result.ledger, &mut sink);
    }
    result.findings = sink.findings;
    result.left_out = sink.left_out;
    result
}

/// Reads a ledger chunk by chunk on all cores; falls back to the whole parse
/// on anything unusual, so the result is always the whole parse's.
pub(super) fn read(text: &Arc<String>, plan: &Plan, findings: &mut Vec<Finding>) -> Option<Ledger> {
    read_in_waves(
        text,
        plan,
        findings,
        WAVE_PER_THREAD * rayon::current_num_threads(),
    )
}

/// [`read`], `wave` chunks at a time.
fn read_in_waves(
    text: &Arc<String>,
    plan: &Plan,
    findings: &mut Vec<Finding>,
    wave: usize,
) -> Option<Ledger> {
    let Some(prefix_tree) = events::parse(&text[plan.prefix.clone()]) else {
        return read_whole(text, findings);
    };
    let Some(prefix) = prefix_tree.root().as_table() else {
        return read_whole(text, findings);
    };
    let mut sink = FindingSink::at(text, 0);
    if prefix.contains_key("commitment") {
        return read_whole(text, findings);
    }
    let mut ledger = read_ledger(prefix, &mut sink);
    // One allocation of the right size (a header per commitment), not a
    // doubling per chunk.
    ledger.commitments.reserve_exact(plan.commitments);
    // The chunks are read a wave at a time, each wave on all cores, and
    // moved into the ledger before the next: all of them read before any
    // was moved held the commitments twice at the peak (49 MB more at
    // 100k).
    for (ranges, first_indexes) in plan
        .chunks
        .chunks(wave)
        .zip(plan.first_indexes.chunks(wave))
    {
        let chunks: Vec<ChunkResult> = ranges
            .par_iter()
            .zip(first_indexes)
            .map(|(range, &first_index)| read_chunk(text, range.clone(), first_index))
            .collect();
        if chunks.iter().any(|chunk| chunk.fallback) {
            drop((chunks, ledger, sink));
            return read_whole(text, findings);
        }
        for chunk in chunks {
            ledger.commitments.extend(chunk.ledger.commitments);
            ledger.incomplete_ids.extend(chunk.ledger.incomplete_ids);
            super::reader::merge_findings(
                &mut sink.findings,
                &mut sink.left_out,
                chunk.findings,
                chunk.left_out,
            );
        }
    }
    extend_with_limit(findings, sink.findings, sink.left_out);
    Some(ledger)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEDGER: &str = "[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n\n[[commitment]]\nid = \"a\"\nnote = \"\"\"\n[[commitment]]\n\"\"\"\n\n[[commitment.update]]\ndate = 2025-01-01\n\n[[commitment]]\nid = \"b\"\n\n[[commitment]]\nid = \"c\"\n";

    #[test]
    fn splits_at_commitment_headers_only() {
        let plan = plan_with(LEDGER, 1).unwrap();
        let a = LEDGER.find("[[commitment]]\nid = \"a\"").unwrap();
        let b = LEDGER.find("[[commitment]]\nid = \"b\"").unwrap();
        let c = LEDGER.find("[[commitment]]\nid = \"c\"").unwrap();
        assert_eq!(plan.prefix, 0..a);
        assert_eq!(plan.chunks, [a..b, b..c, c..LEDGER.len()]);
        assert_eq!(plan.first_indexes, [0, 1, 2]);
    }

    #[test]
    fn other_tables_after_commitments_mean_no_plan() {
        let text = format!("{LEDGER}\n[checker.levels]\nstale = \"allow\"\n");
        assert_eq!(plan_with(&text, 1), None);
        let text = format!("[commitment.x]\n{LEDGER}");
        assert_eq!(plan_with(&text, 1), None);
    }

    /// Forty commitments in forty chunks, read two at a time: the same
    /// ledger and findings as the whole parse, and the same again when a
    /// chunk of a late wave does not parse (the waves before are thrown
    /// away).
    #[test]
    fn chunks_read_in_waves_agree_with_the_whole_read() {
        let mut text = String::from("[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n");
        for n in 0..40 {
            text.push_str(&format!("\n[[commitment]]\nid = \"c-{n}\"\ntitle = 3\n"));
        }
        let broken = text.replace("id = \"c-33\"", "id = \"c-33");
        for text in [text, broken].map(Arc::new) {
            let plan = plan_with(&text, 1).unwrap();
            assert_eq!((plan.chunks.len(), plan.commitments), (40, 40));
            let (mut waves, mut whole) = (Vec::new(), Vec::new());
            let a = read_in_waves(&text, &plan, &mut waves, 2);
            let b = read_whole(&text, &mut whole);
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
            assert_eq!(format!("{waves:?}"), format!("{whole:?}"));
            assert!(!whole.is_empty(), "schema or syntax errors to compare");
        }
    }

    /// A string written without escapes is a range of the ledger's text,
    /// in a chunk as in the whole read; one with escapes is its own.
    #[test]
    fn strings_without_escapes_are_ranges_of_the_text() {
        let mut text = String::from(
            "[ledger]\ntitle = \"t\"\nreviewed = 2025-01-01\n\n[parties.cn]\nname = \"China\"\n\n[sources.a]\ntitle = \"A\"\nurl = \"https://example.org/a\"\n",
        );
        for n in 0..4 {
            text.push_str(&format!(
                "\n[[commitment]]\nid = \"c-{n}\"\ntitle = \"Port \\u00e9 {n}\"\nparties = [\"cn\"]\nkind = \"deliverable\"\nmade = 2025-01-01\nstatus = \"in_progress\"\nsource = {{ ref = \"a\", quote = \"port\" }}\nnotes = \'\'\'\nplain {n}\'\'\'\n"
            ));
        }
        let text = Arc::new(text);
        let plan = plan_with(&text, 1).unwrap();
        for ledger in [
            read_in_waves(&text, &plan, &mut Vec::new(), 2),
            read_whole(&text, &mut Vec::new()),
        ] {
            let ledger = ledger.unwrap();
            assert!(ledger.meta.unwrap().title.is_range_of(&text));
            assert!(ledger.parties[0].id.is_range_of(&text), "a key too");
            assert_eq!(ledger.commitments.len(), 4);
            for (n, c) in ledger.commitments.iter().enumerate() {
                assert_eq!(c.id.as_str(), format!("c-{n}"));
                assert!(c.id.is_range_of(&text));
                assert!(c.source.quote.is_range_of(&text), "in an inline table");
                let notes = c.notes.as_ref().unwrap();
                assert_eq!(notes.as_str(), format!("plain {n}"));
                assert!(notes.is_range_of(&text), "a multi-line literal");
                assert_eq!(c.title.as_str(), format!("Port \u{e9} {n}"));
                assert!(!c.title.is_range_of(&text), "decoded, so a copy");
            }
        }
    }

    #[test]
    fn chunked_and_whole_reads_agree() {
        let plan = plan_with(LEDGER, 1).unwrap();
        let (mut chunked, mut whole) = (Vec::new(), Vec::new());
        let text = Arc::new(LEDGER.to_owned());
        let a = read(&text, &plan, &mut chunked);
        let b = read_whole(&text, &mut whole);
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        let key = |f: &Finding| (f.primary.span.start(), f.rule.code, f.message.clone());
        let (mut chunked, mut whole): (Vec<_>, Vec<_>) = (
            chunked.iter().map(key).collect(),
            whole.iter().map(key).collect(),
        );
        chunked.sort();
        whole.sort();
        assert_eq!(chunked, whole);
        assert!(
            !whole.is_empty(),
            "the fixture has schema errors to compare"
        );
    }
}
