//! A workspace from arbitrary bytes: the input, split at NUL bytes, is the
//! workspace file, `commitments.toml` and `ledgers/b.toml`. Loading it,
//! checking every ledger and printing every finding (the workspace's own
//! point into several files) must never panic.

#![no_main]

use commitments::check::{Levels, check};
use commitments::render::{self, Summary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0);
    let workspace = parts.next().unwrap_or_default();
    let first = parts.next().unwrap_or_default();
    let second = parts.next().unwrap_or_default();
    let Ok(dir) = tempfile::tempdir() else { return };
    let root = dir.path();
    let _ = std::fs::create_dir(root.join("ledgers"));
    let written = std::fs::write(root.join("commitments-workspace.toml"), workspace)
        .and_then(|()| std::fs::write(root.join("commitments.toml"), first))
        .and_then(|()| std::fs::write(root.join("ledgers/b.toml"), second));
    if written.is_err() {
        return;
    }
    let Ok(loaded) = commitments::workspace::load(&root.join("commitments-workspace.toml")) else {
        return;
    };
    let _ = render::findings_string(&loaded.files, &loaded.findings);
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
    for member in &loaded.members {
        let findings = check(&member.loaded, &Levels::of(&member.loaded), as_of);
        let name = member.path.display().to_string();
        let summary = Summary {
            lang: Default::default(),
            ledger: &name,
            as_of,
            headcount: member.loaded.headcount(as_of),
        };
        let _ = render::human_string(&member.loaded.files, &findings, &summary);
    }
    if loaded.errors().is_empty() {
        for lang in [None, Some(commitments::i18n::Lang::ZhHans)] {
            let _ = commitments::report::build_workspace(&loaded, as_of, lang).map(|r| {
                commitments::report::workspace_to_markdown(&r)
            });
        }
    }
});
