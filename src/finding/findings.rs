//! Where a rule's check reports its findings, and the order they are
//! printed in.

use super::files::Files;
use super::{Finding, LEDGER_FILE};

/// The order findings are printed in: the ledger's first, by file and
/// position, then by rule and message.
pub fn print_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    let key = |f: &Finding| {
        (
            f.primary.file != LEDGER_FILE,
            f.primary.file,
            f.primary.span.start(),
            f.rule.code,
        )
    };
    key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
}

/// Where a rule's check reports its findings, their spans kept inside their
/// files. With a cap it keeps only the first `cap` in [`print_order`] (equal
/// ones as they came) and counts the others: `check` prints 100 of each
/// rule, and a rule with 56,000 findings need not hold them all.
#[derive(Debug)]
pub struct Findings<'a> {
    files: &'a Files,
    cap: Option<usize>,
    /// Every finding, without a cap.
    all: Vec<Finding>,
    /// The first `cap`, with a cap: the last of them on top.
    first: std::collections::BinaryHeap<Arrived>,
    arrived: usize,
    left_out: usize,
}

/// A finding and when it came, ordered by [`print_order`], then arrival.
#[derive(Debug)]
struct Arrived(Finding, usize);

impl PartialEq for Arrived {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Arrived {}

impl PartialOrd for Arrived {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Arrived {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        print_order(&self.0, &other.0).then(self.1.cmp(&other.1))
    }
}

impl<'a> Findings<'a> {
    /// Keeps every finding.
    pub fn all(files: &'a Files) -> Self {
        Self::with_cap(files, None)
    }

    /// Keeps at most `cap` (all with `None`).
    pub fn with_cap(files: &'a Files, cap: Option<usize>) -> Self {
        Findings {
            files,
            cap,
            all: Vec::new(),
            first: std::collections::BinaryHeap::new(),
            arrived: 0,
            left_out: 0,
        }
    }

    /// Reports a finding.
    pub fn push(&mut self, mut finding: Finding) {
        finding.primary.span = self.files.clamp(finding.primary.file, finding.primary.span);
        for label in &mut finding.secondary {
            label.span = self.files.clamp(label.file, label.span);
        }
        let Some(cap) = self.cap else {
            self.all.push(finding);
            return;
        };
        self.arrived += 1;
        let arrived = Arrived(finding, self.arrived);
        if self.first.len() < cap {
            self.first.push(arrived);
            return;
        }
        self.left_out += 1;
        if let Some(mut last) = self.first.peek_mut()
            && arrived < *last
        {
            *last = arrived;
        }
    }

    /// The findings kept, in the order they came, and how many were not.
    pub fn into_kept(self) -> (Vec<Finding>, usize) {
        if self.cap.is_none() {
            return (self.all, 0);
        }
        let mut first = self.first.into_vec();
        first.sort_unstable_by_key(|arrived| arrived.1);
        (
            first.into_iter().map(|arrived| arrived.0).collect(),
            self.left_out,
        )
    }
}

impl Extend<Finding> for Findings<'_> {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, findings: I) {
        for finding in findings {
            self.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Rule;
    use crate::span::Span;

    /// With a cap, only the first findings in print order are kept, in the
    /// order they came; equal ones are kept first come, first kept.
    #[test]
    fn a_capped_list_keeps_the_first_in_print_order_and_counts_the_rest() {
        static RULE: Rule = Rule {
            code: "C999",
            name: "test",
            default_level: crate::rule::Level::Warning,
            fixed_level: false,
            edit_help: None,
            summary: "",
            doc: "",
        };
        let mut files = Files::default();
        files.add("f".to_owned(), "x".repeat(100));
        let at = |start: usize, message: &str| {
            Finding::new(&RULE, Span::new(start, start + 1), message.to_owned())
        };
        let mut found = Findings::with_cap(&files, Some(3));
        for (start, message) in [
            (50, "e"),
            (10, "b"),
            (90, "f"),
            (10, "a"),
            (30, "c"),
            (10, "b2"),
            (500, "clamped"),
        ] {
            found.push(at(start, message));
        }
        let (kept, left_out) = found.into_kept();
        let kept: Vec<(usize, &str)> = kept
            .iter()
            .map(|f| (f.primary.span.start(), &*f.message))
            .collect();
        assert_eq!(kept, [(10, "b"), (10, "a"), (10, "b2")]);
        assert_eq!(left_out, 4);

        let mut found = Findings::with_cap(&files, Some(0));
        found.push(at(1, "a"));
        assert_eq!(found.into_kept().1, 1);

        let mut found = Findings::all(&files);
        found.extend([at(500, "z"), at(1, "a")]);
        let (kept, left_out) = found.into_kept();
        assert_eq!(
            (kept.len(), left_out, kept[0].primary.span),
            (2, 0, Span::new(100, 100))
        );
    }
}
