//! The ledgers a workspace file lists: its paths and patterns resolved
//! inside the workspace's folder, then each ledger loaded once.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::finding::Finding;
use crate::model::SharedStr;
use crate::rules::{schema, unknown_reference};
use crate::span::Spanned;

use super::Member;

/// The ledger files `patterns` name, relative to `base`, in the order they
/// are listed (a pattern's matches sorted by name), each once, with the
/// pattern that named it first. Findings for a pattern that names nothing
/// or a file outside the folder.
pub(super) fn resolve(
    base: &Path,
    patterns: &[Spanned<SharedStr>],
) -> (Vec<(PathBuf, usize)>, Vec<Finding>) {
    let mut found = Vec::new();
    let mut findings = Vec::new();
    let mut seen = HashSet::new();
    let root = base_dir(base).canonicalize().ok();
    for (index, pattern) in patterns.iter().enumerate() {
        let relative = Path::new(&pattern.value);
        let leaves = relative.is_absolute()
            || relative
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
        if leaves {
            findings.push(schema::ledger_outside_workspace(
                pattern.span,
                &pattern.value,
            ));
            continue;
        }
        let full = format!(
            "{}{}",
            glob::Pattern::escape(&with_separator(base)),
            pattern.value
        );
        let mut matched: Vec<PathBuf> = match glob::glob(&full) {
            Ok(paths) => paths
                .filter_map(Result::ok)
                .filter(|p| p.is_file())
                .collect(),
            Err(error) => {
                findings.push(schema::bad_ledger_pattern(pattern.span, error.msg));
                continue;
            }
        };
        matched.sort();
        if matched.is_empty() {
            findings.push(unknown_reference::missing_ledger(
                pattern.span,
                &pattern.value,
            ));
            continue;
        }
        for path in matched {
            let Ok(canonical) = path.canonicalize() else {
                continue;
            };
            // A link that leads out of the folder would publish a file from
            // anywhere on the machine.
            if root
                .as_ref()
                .is_some_and(|root| !canonical.starts_with(root))
            {
                findings.push(schema::ledger_outside_workspace(
                    pattern.span,
                    &path.display().to_string(),
                ));
                continue;
            }
            if seen.insert(canonical) {
                found.push((path, index));
            }
        }
    }
    (found, findings)
}

/// Loads every ledger, on all cores; a ledger that cannot be read at all is
/// a finding at the pattern that named it.
pub(super) fn load_all(
    paths: &[(PathBuf, usize)],
    patterns: &[Spanned<SharedStr>],
    findings: &mut Vec<Finding>,
) -> Vec<Member> {
    let loaded: Vec<_> = paths
        .par_iter()
        .map(|(path, _)| crate::load::load_path(path))
        .collect();
    let mut members = Vec::with_capacity(paths.len());
    for ((path, index), result) in paths.iter().zip(loaded) {
        match result {
            Ok(loaded) => {
                let id = loaded
                    .ledger
                    .as_ref()
                    .map_or_else(|| "ledger".to_owned(), crate::model::Ledger::id);
                members.push(Member {
                    path: path.clone(),
                    id,
                    loaded,
                });
            }
            Err(error) => findings.push(unknown_reference::unreadable_ledger(
                patterns[*index].span,
                &error.to_string(),
            )),
        }
    }
    members
}

fn base_dir(base: &Path) -> &Path {
    if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    }
}

/// `base` with a trailing separator, or nothing for the current folder.
fn with_separator(base: &Path) -> String {
    if base.as_os_str().is_empty() {
        return String::new();
    }
    let mut text = base.display().to_string();
    if !text.ends_with(std::path::MAIN_SEPARATOR) {
        text.push(std::path::MAIN_SEPARATOR);
    }
    text
}
