//! A generator of realistic ledgers, deterministic for a seed. Shared by
//! `examples/synth.rs` (writes a ledger to disk) and `benches/pipeline.rs`.
//!
//! It covers every status and kind, about three dated updates with evidence
//! per commitment, targets with observations, umbrella links, and quotes
//! that are really in the generated sources. The ledger checks with no
//! errors at [`AS_OF`]; open commitments may be `stale` or `overdue`
//! (informative warnings).

#![allow(dead_code)]

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};

/// The ledger's `reviewed` date, and the date to check it at.
pub const AS_OF: &str = "2025-06-30";

const WORDS: &[&str] = &[
    "cooperation",
    "port",
    "trade",
    "agreement",
    "investment",
    "energy",
    "mining",
    "agriculture",
    "education",
    "scholarships",
    "culture",
    "tourism",
    "digital",
    "economy",
    "health",
    "railway",
    "corridor",
    "customs",
    "protocol",
    "exports",
    "imports",
    "fisheries",
    "water",
    "climate",
    "finance",
    "bank",
    "loan",
    "grid",
    "solar",
    "wind",
    "copper",
    "lithium",
    "science",
    "technology",
    "youth",
    "media",
    "security",
    "visa",
    "partnership",
    "development",
    "infrastructure",
    "joint",
    "plan",
    "committee",
    "dialogue",
    "forum",
    "the",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "on",
    "will",
    "both",
    "sides",
    "support",
    "promote",
    "expand",
    "deepen",
    "complete",
    "strengthen",
    "build",
    "open",
    "sign",
    "launch",
    "review",
];
const AREAS: &[&str] = &[
    "trade",
    "infrastructure",
    "education",
    "energy",
    "diplomacy",
    "culture",
    "finance",
    "health",
];

/// A generated ledger: its text and its source files (name, text).
pub struct Synth {
    /// `commitments.toml`.
    pub ledger: String,
    /// `sources/NAME` and their text.
    pub sources: Vec<(String, String)>,
}

fn sentence(rng: &mut fastrand::Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.usize(..WORDS.len())]);
    }
    out
}

/// A quote that is in `text`: a run of its words.
fn quote_from(rng: &mut fastrand::Rng, text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let length = rng.usize(4..10).min(words.len());
    let start = rng.usize(..=words.len() - length);
    words[start..start + length].join(" ")
}

fn date(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Generates a ledger of `commitments` commitments from `seed`.
pub fn generate(commitments: usize, seed: u64) -> Synth {
    let mut rng = fastrand::Rng::with_seed(seed);
    let as_of = NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap();
    let first_day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let span_days = (as_of - first_day).num_days();

    // About one source per 500 commitments, each a few hundred sentences.
    let source_count = (commitments / 500).clamp(1, 400);
    let sources: Vec<(String, String)> = (0..source_count)
        .map(|k| {
            let mut text = String::new();
            for _ in 0..300 {
                let words = rng.usize(8..20);
                let _ = writeln!(text, "{}.", sentence(&mut rng, words));
            }
            (format!("s-{k}.txt"), text)
        })
        .collect();

    let mut out = String::with_capacity(commitments * 1100 + 10_000);
    let _ = writeln!(
        out,
        "# A generated ledger (seed {seed}, {commitments} commitments).\n"
    );
    let _ = writeln!(
        out,
        "[ledger]\ntitle = \"Synthetic ledger of {commitments} commitments\"\nreviewed = {AS_OF}\n"
    );
    for p in 0..20 {
        let _ = writeln!(out, "[parties.p{p}]\nname = \"Party {p}\"\n");
    }
    for (k, (name, _)) in sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "[sources.s-{k}]\ntitle = \"Source {k}\"\npublisher = \"Publisher {}\"\npublished = 2019-12-31\nfile = \"sources/{name}\"\n",
            k % 7
        );
    }

    let mut umbrella: Option<usize> = None;
    for i in 0..commitments {
        let source = rng.usize(..sources.len());
        let made = first_day + Duration::days(rng.i64(0..span_days - 200));
        // Every 50th commitment is an umbrella; the next few are under it.
        let is_umbrella = i % 50 == 0;
        let parent = if is_umbrella {
            None
        } else {
            umbrella.filter(|u| i - u <= 5)
        };
        let deliverable = !is_umbrella && rng.u8(..100) < 60;
        let kind = if deliverable {
            "deliverable"
        } else {
            "ongoing"
        };
        let updates = if is_umbrella { 1 } else { rng.usize(1..6) };
        // The statuses the history passes through, ending where it ends.
        let path: Vec<&str> = if deliverable {
            let end = [
                "in_progress",
                "at_risk",
                "stalled",
                "kept",
                "partially_kept",
                "broken",
                "announced",
            ][rng.usize(..7)];
            let mut path = vec!["in_progress"; updates.saturating_sub(1)];
            path.push(end);
            path
        } else {
            let end = ["active", "at_risk", "stalled", "broken", "announced"][rng.usize(..5)];
            let mut path = vec!["active"; updates.saturating_sub(1)];
            path.push(end);
            path
        };
        let mut day = made;
        let mut dates = Vec::new();
        for _ in &path {
            let room = (as_of - day).num_days();
            day += Duration::days(rng.i64(0..=room.min(200)));
            dates.push(day);
        }
        let last = *dates.last().unwrap_or(&made);
        let status = *path.last().unwrap_or(&"announced");
        // A deadline that a kept deliverable met (kept-late would warn).
        let due = if deliverable && rng.bool() {
            Some(if status == "kept" {
                last + Duration::days(rng.i64(0..60))
            } else {
                made + Duration::days(rng.i64(30..900))
            })
        } else {
            None
        };
        let parties = if rng.bool() {
            format!("\"p{}\"", rng.usize(..20))
        } else {
            let a = rng.usize(..10);
            format!("\"p{a}\", \"p{}\"", a + 10)
        };
        let _ = writeln!(out, "[[commitment]]");
        let _ = writeln!(out, "id = \"c-{i}\"");
        let title_words = rng.usize(3..8);
        let _ = writeln!(out, "title = \"{}\"", sentence(&mut rng, title_words));
        let _ = writeln!(out, "parties = [{parties}]");
        let _ = writeln!(out, "area = \"{}\"", AREAS[rng.usize(..AREAS.len())]);
        let _ = writeln!(out, "kind = \"{kind}\"");
        let _ = writeln!(out, "made = {}", date(made));
        if let Some(due) = due {
            let _ = writeln!(out, "due = {}", date(due));
        }
        if let Some(parent) = parent {
            let _ = writeln!(out, "parent = \"c-{parent}\"");
        }
        let _ = writeln!(out, "status = \"{status}\"");
        let quote = quote_from(&mut rng, &sources[source].1);
        let _ = writeln!(
            out,
            "source = {{ ref = \"s-{source}\", quote = \"{quote}\" }}"
        );
        if !deliverable && rng.u8(..100) < 5 {
            let _ = writeln!(
                out,
                "\n[commitment.target]\nmetric = \"{}\"\nunit = \"places\"",
                sentence(&mut rng, 3)
            );
            let base = rng.u32(10..100);
            let _ = writeln!(
                out,
                "baseline = {{ value = {base}, date = {} }}\ngoal = {}",
                date(made - Duration::days(1)),
                base * 2
            );
            let mut obs_day = made;
            for n in 0..rng.usize(1..4) {
                obs_day += Duration::days(rng.i64(0..=(as_of - obs_day).num_days().min(150)));
                let _ = writeln!(
                    out,
                    "\n[[commitment.target.observation]]\ndate = {}\nvalue = {}\nevidence = [{{ url = \"https://example.org/c-{i}/obs-{n}\", quote = \"{} places\" }}]",
                    date(obs_day),
                    base + 5 * (n as u32 + 1),
                    base + 5 * (n as u32 + 1)
                );
            }
        }
        for (n, (status, day)) in path.iter().zip(&dates).enumerate() {
            let note_words = rng.usize(6..16);
            let _ = writeln!(
                out,
                "\n[[commitment.update]]\ndate = {}\nstatus = \"{status}\"\nnote = \"{}.\"",
                date(*day),
                sentence(&mut rng, note_words)
            );
            if *status != "announced" || rng.bool() {
                if rng.bool() {
                    let quote = quote_from(&mut rng, &sources[source].1);
                    let _ = writeln!(
                        out,
                        "evidence = [{{ ref = \"s-{source}\", quote = \"{quote}\" }}]"
                    );
                } else {
                    let quote_words = rng.usize(4..9);
                    let _ = writeln!(
                        out,
                        "evidence = [{{ url = \"https://example.org/c-{i}/{n}\", title = \"Report {n}\", published = {}, quote = \"{}\" }}]",
                        date(*day),
                        sentence(&mut rng, quote_words)
                    );
                }
            }
        }
        out.push('\n');
        if is_umbrella {
            umbrella = Some(i);
        }
    }
    Synth {
        ledger: out,
        sources: sources
            .into_iter()
            .map(|(name, text)| (format!("sources/{name}"), text))
            .collect(),
    }
}

/// Writes a generated ledger into `dir` (`commitments.toml` and `sources/`).
pub fn write(dir: &std::path::Path, synth: &Synth) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("sources"))?;
    std::fs::write(dir.join("commitments.toml"), &synth.ledger)?;
    for (name, text) in &synth.sources {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

// Only benches/hostile.rs uses it; the other users of this module do not.
#[allow(dead_code)]
/// A ledger of a hostile shape, about `bytes` long (its text, sources
/// aside), for `benches/hostile.rs`. Each shape once cost far more than a
/// normal ledger of its size.
pub fn hostile(shape: &str, bytes: usize) -> Synth {
    let head =
        "[ledger]\ntitle = \"Hostile\"\nreviewed = 2025-06-30\n\n[parties.cn]\nname = \"China\"\n";
    let commitment = |id: &str, status: &str, source: &str, quote: &str| {
        format!(
            "\n[[commitment]]\nid = \"{id}\"\ntitle = \"T\"\nparties = [\"cn\"]\nkind = \"ongoing\"\nmade = 2025-01-01\nstatus = \"{status}\"\nsource = {{ ref = \"{source}\", quote = \"{quote}\" }}\n"
        )
    };
    let article =
        "the two sides agreed to deepen practical cooperation in trade and investment ".repeat(50);
    let mut ledger = String::from(head);
    let mut sources = Vec::new();
    match shape {
        // Many updates citing one quote that is in the source: the shape
        // that once made the automaton quadratic.
        "one-quote" => {
            ledger.push_str("\n[sources.a]\ntitle = \"A\"\nfile = \"sources/a.txt\"\n");
            ledger.push_str(&commitment(
                "c",
                "active",
                "a",
                "deepen practical cooperation",
            ));
            while ledger.len() < bytes {
                ledger.push_str("\n[[commitment.update]]\ndate = 2025-02-01\nstatus = \"active\"\nnote = \"n\"\nevidence = [{ ref = \"a\", quote = \"deepen practical cooperation\" }]\n");
            }
            sources.push(("sources/a.txt".to_owned(), article));
        }
        // Many updates citing the same two quotes, one in the source and one
        // not: duplicate patterns, and one closest-passage search.
        "identical-quotes" => {
            ledger.push_str("\n[sources.a]\ntitle = \"A\"\nfile = \"sources/a.txt\"\n");
            ledger.push_str(&commitment(
                "c",
                "active",
                "a",
                "deepen practical cooperation",
            ));
            let mut i = 0;
            while ledger.len() < bytes {
                let quote = if i % 2 == 0 {
                    "deepen practical cooperation"
                } else {
                    "deepen theoretical cooperation"
                };
                ledger.push_str(&format!(
                    "\n[[commitment.update]]\ndate = 2025-02-01\nstatus = \"active\"\nnote = \"n\"\nevidence = [{{ ref = \"a\", quote = \"{quote}\" }}]\n"
                ));
                i += 1;
            }
            sources.push(("sources/a.txt".to_owned(), article));
        }
        // Quotes with a 60,000-letter word that is almost in the source:
        // every one gets a closest-passage search.
        "long-word" => {
            let word = "a".repeat(60_000);
            ledger.push_str("\n[sources.a]\ntitle = \"A\"\nfile = \"sources/a.txt\"\n");
            let mut i = 0;
            while ledger.len() < bytes {
                let quote = format!("start {}{i} end", &word[..59_990]);
                ledger.push_str(&commitment(&format!("c{i}"), "announced", "a", &quote));
                i += 1;
            }
            sources.push((
                "sources/a.txt".to_owned(),
                format!("{article} start {word} end"),
            ));
        }
        // One 8 MB source named by 150 sources, quoted by every commitment.
        "shared-source" => {
            for s in 0..150 {
                ledger.push_str(&format!(
                    "\n[sources.s{s}]\ntitle = \"S\"\nfile = \"sources/big.txt\"\n"
                ));
            }
            let mut i = 0;
            while ledger.len() < bytes {
                ledger.push_str(&commitment(
                    &format!("c{i}"),
                    "announced",
                    &format!("s{}", i % 150),
                    "deepen practical cooperation",
                ));
                i += 1;
            }
            sources.push((
                "sources/big.txt".to_owned(),
                article.repeat(8 * 1024 * 1024 / article.len()),
            ));
        }
        other => panic!("no hostile shape {other}"),
    }
    Synth { ledger, sources }
}
