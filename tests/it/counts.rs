//! The headline recounted from the ledger's text, without the engine, and
//! every output held to it: `check` (human and JSON), the four reports, the
//! site's tiles, filters, party and area counts, the feed, and the LSP's
//! hover. `ledger.rs` runs the same on the live ledger.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{BIN, FROZEN_REVIEWED, ROOT, frozen_ledger};

/// What the headline counts, recounted from the TOML by the rules of
/// docs/editorial-policy.md: requests (with `asks`) and umbrellas (named as
/// a `parent`) are not counted; what was kept on the day it was made is
/// "signed at the talks" and left out of the deliverables' rates.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Recount {
    pub records: usize,
    pub commitments: usize,
    pub signed_at_talks: usize,
    pub requests: usize,
    pub umbrellas: usize,
    pub deliverables: usize,
    pub kept: usize,
    pub ongoing: usize,
    pub by_status: BTreeMap<String, usize>,
    pub by_party: BTreeMap<String, usize>,
    pub by_area: BTreeMap<String, usize>,
    /// (party, status) → count: what each party's page counts.
    pub by_party_status: BTreeMap<(String, String), usize>,
}

fn date_of(value: &toml::Value) -> String {
    value
        .as_datetime()
        .map(|d| d.to_string())
        .unwrap_or_default()
}

fn strings(value: Option<&toml::Value>) -> Vec<String> {
    value
        .and_then(|v| v.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn recount(ledger: &Path, as_of: &str) -> Recount {
    let text = std::fs::read_to_string(ledger).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let empty = Vec::new();
    let records: Vec<&toml::Table> = table
        .get("commitment")
        .and_then(|c| c.as_array())
        .unwrap_or(&empty)
        .iter()
        .filter_map(|c| c.as_table())
        .filter(|c| date_of(&c["made"]).as_str() <= as_of)
        .collect();
    let parents: Vec<String> = records
        .iter()
        .filter_map(|c| c.get("parent").and_then(|p| p.as_str()).map(str::to_owned))
        .collect();
    let mut count = Recount {
        records: records.len(),
        ..Recount::default()
    };
    for party in table
        .get("parties")
        .and_then(|p| p.as_table())
        .into_iter()
        .flat_map(|p| p.keys())
    {
        count.by_party.insert(party.clone(), 0);
    }
    for record in records {
        let id = record["id"].as_str().unwrap();
        let updates: Vec<&toml::Table> = record
            .get("update")
            .and_then(|u| u.as_array())
            .unwrap_or(&empty)
            .iter()
            .filter_map(|u| u.as_table())
            .collect();
        if !strings(record.get("asks")).is_empty() {
            count.requests += 1;
            continue;
        }
        if parents.iter().any(|p| p == id) {
            count.umbrellas += 1;
            continue;
        }
        count.commitments += 1;
        let status = updates
            .iter()
            .rev()
            .find(|u| date_of(&u["date"]).as_str() <= as_of)
            .map_or("announced", |u| u["status"].as_str().unwrap());
        *count.by_status.entry(status.to_owned()).or_default() += 1;
        let mut by = strings(record.get("by"));
        if by.is_empty() {
            by = strings(record.get("parties"));
        }
        for party in by {
            *count
                .by_party_status
                .entry((party.clone(), status.to_owned()))
                .or_default() += 1;
            *count.by_party.entry(party).or_default() += 1;
        }
        if let Some(area) = record.get("area").and_then(|a| a.as_str()) {
            *count.by_area.entry(area.to_owned()).or_default() += 1;
        }
        let signed = updates.first().is_some_and(|first| {
            first["status"].as_str() == Some("kept") && first["date"] == record["made"]
        });
        if signed {
            count.signed_at_talks += 1;
        } else if record["kind"].as_str() == Some("deliverable") {
            count.deliverables += 1;
            count.kept += usize::from(status == "kept");
        }
        count.ongoing += usize::from(record["kind"].as_str() == Some("ongoing"));
    }
    count
}

fn run(ledger: &Path, args: &[&str]) -> String {
    let output = Command::new(BIN)
        .args(args)
        .current_dir(ledger.parent().unwrap())
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Holds every output of `ledger` at `as_of` to the recount.
pub(crate) fn every_output_agrees(ledger: &Path, as_of: &str) {
    let count = recount(ledger, as_of);
    let file = ledger.file_name().unwrap().to_str().unwrap();
    let at = ["--as-of", as_of];

    // `check`: the summary line and the JSON totals.
    let mut phrase = plural(count.commitments, "commitment", "commitments");
    if count.signed_at_talks > 0 {
        phrase.push_str(&format!(" ({} signed at the talks)", count.signed_at_talks));
    }
    let uncounted: Vec<String> = [
        (count.requests, "request", "requests"),
        (count.umbrellas, "umbrella", "umbrellas"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| plural(n, one, many))
    .collect();
    if !uncounted.is_empty() {
        phrase.push_str(&format!(" plus {}", uncounted.join(" and ")));
    }
    let human = run(ledger, &["check", file, at[0], at[1], "-q"]);
    assert!(
        human.contains(&format!(" in {phrase} (as of {as_of})")),
        "check: {human} (expected {phrase})"
    );
    let check: Value = serde_json::from_str(&run(
        ledger,
        &["check", file, at[0], at[1], "--format", "json"],
    ))
    .unwrap();
    let report: Value = serde_json::from_str(&run(
        ledger,
        &["report", file, at[0], at[1], "--format", "json"],
    ))
    .unwrap();
    for (key, value) in [
        ("commitments", count.commitments),
        ("signed_at_talks", count.signed_at_talks),
        ("requests", count.requests),
        ("umbrellas", count.umbrellas),
    ] {
        assert_eq!(check[key], value, "check --format json: {key}");
        assert_eq!(report["totals"][key], value, "report json: {key}");
    }
    let totals = &report["totals"];
    assert_eq!(totals["deliverables"]["total"], count.deliverables);
    assert_eq!(totals["deliverables"]["kept"], count.kept);
    for status in totals["by_status"].as_array().unwrap() {
        let key = status["key"].as_str().unwrap();
        assert_eq!(
            status["count"],
            count.by_status.get(key).copied().unwrap_or(0),
            "report json: status {key}"
        );
    }
    // `key → count` of a JSON array of objects, as the recount holds them.
    let counts_of = |array: &Value, key: &str, count: &str| -> BTreeMap<String, usize> {
        array
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| item[key] != "(none)")
            .map(|item| {
                (
                    item[key].as_str().unwrap().to_owned(),
                    item[count].as_u64().unwrap() as usize,
                )
            })
            .collect()
    };
    assert_eq!(
        counts_of(&totals["by_party"], "id", "commitments"),
        count.by_party,
        "report json: by party"
    );
    assert_eq!(
        counts_of(&totals["by_area"], "key", "count"),
        count.by_area,
        "report json: by area"
    );

    // The headline, in words: counts, never a percentage of fewer than ten.
    let headline = if count.deliverables == 0 {
        "No deliverables.".to_owned()
    } else if count.deliverables < 10 {
        format!(
            "Deliverables: {} of {} kept",
            count.kept, count.deliverables
        )
    } else {
        format!(
            "Deliverables: {} of {} kept (",
            count.kept, count.deliverables
        )
    };
    let markdown = run(ledger, &["report", file, at[0], at[1]]);
    let html = run(ledger, &["report", file, at[0], at[1], "--format", "html"]);
    for (name, text) in [("markdown", &markdown), ("html", &html)] {
        assert!(text.contains(&headline), "{name}: no {headline:?}");
        if count.ongoing > 0 && count.deliverables > 0 {
            let ongoing = plural(count.ongoing, "ongoing commitment", "ongoing commitments");
            assert!(text.contains(&ongoing), "{name}: no {ongoing:?}");
        }
        if count.deliverables < 10 {
            let rate = text
                .lines()
                .find(|l| l.contains("Deliverables:"))
                .unwrap_or_default();
            assert!(!rate.contains('%'), "{name}: a percentage of a few: {rate}");
        }
    }
    assert!(
        markdown.contains(&format!("**{phrase}**.")),
        "markdown: {phrase}"
    );
    for (party, n) in &count.by_party {
        assert!(
            markdown.contains(&format!("(`{party}`) | {n} |")),
            "markdown: party {party} {n}"
        );
    }
    for (area, n) in &count.by_area {
        assert!(
            markdown.contains(&format!("| {area} | {n} |")),
            "markdown: {area}"
        );
    }
    assert!(
        html.contains(&format!("<b>{}</b>commitments", count.commitments)),
        "html: tile"
    );

    // The CSV: a row per record, each with its group.
    let csv = run(ledger, &["report", file, at[0], at[1], "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().unwrap().clone();
    let group = header.iter().position(|h| h == "group").unwrap();
    let groups: Vec<String> = rows
        .records()
        .map(|r| r.unwrap()[group].to_owned())
        .collect();
    assert_eq!(groups.len(), count.records, "csv: rows");
    let counted = groups
        .iter()
        .filter(|g| *g == "commitment" || *g == "signed_at_talks")
        .count();
    assert_eq!(counted, count.commitments, "csv: counted rows");

    // The site: tiles, filters, progress by party and by area, the feed.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let ledger_arg = ledger.to_str().unwrap();
    let status = Command::new(BIN)
        .args(["site", "--ledger", ledger_arg, at[0], at[1], "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success(), "site");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains(&format!("<b>{}</b>commitments", count.commitments)),
        "site: tile"
    );
    for (status, n) in &count.by_status {
        let words = status.replace('_', " ");
        assert!(
            index.contains(&format!("<b>{n}</b>{words}</a>")),
            "site: status tile {status} {n}"
        );
    }
    assert!(index.contains(&headline), "site: headline");
    // Each party and area is linked twice: in "Progress by ..." and in the
    // filters. Both links say the same count.
    let links = |href: String| -> Vec<&str> {
        index
            .split(&href)
            .skip(1)
            .map(|after| after.split("</div>").next().unwrap_or(after))
            .collect()
    };
    for (party, n) in &count.by_party {
        let after = links(format!("parties/{party}/index.html\">"));
        assert_eq!(after.len(), 2, "site: party {party} linked twice");
        assert!(
            after.iter().any(|a| a
                .split("</a>")
                .next()
                .unwrap()
                .ends_with(&format!(" ({n})"))),
            "site: party filter {party} {n}"
        );
        assert!(
            after
                .iter()
                .any(|a| a.contains(&format!("({} commitments)", n))),
            "site: progress of {party} {n}"
        );
    }
    for (area, n) in &count.by_area {
        let slug = area.to_lowercase().replace(' ', "-");
        let after = links(format!("areas/{slug}/index.html\">"));
        assert_eq!(after.len(), 2, "site: area {area} linked twice");
        assert!(
            after.iter().any(|a| a
                .split("</a>")
                .next()
                .unwrap()
                .ends_with(&format!(" ({n})"))),
            "site: area filter {area} {n}"
        );
        assert!(
            after
                .iter()
                .any(|a| a.contains(&format!("<span class=\"muted\">({n})</span>"))),
            "site: progress of {area} {n}"
        );
    }
    // The filter pages count within their filter: a party's page lists and
    // counts that party's commitments by status, and a status page marks
    // its own filter.
    let page = |path: String| std::fs::read_to_string(out.join(path)).unwrap();
    let entries = |html: &str| html.matches("<li id=\"c-").count();
    for (party, n) in &count.by_party {
        let html = page(format!("parties/{party}/index.html"));
        assert_eq!(entries(&html), *n, "site: the page of {party} lists");
        for ((of, status), k) in &count.by_party_status {
            if of == party {
                let words = status.replace('_', " ");
                assert!(
                    html.contains(&format!("href=\"#s-{status}\">{words} ({k})</a>")),
                    "site: the page of {party} counts {k} {status}"
                );
            }
        }
    }
    for (area, n) in &count.by_area {
        let slug = area.to_lowercase().replace(' ', "-");
        let html = page(format!("areas/{slug}/index.html"));
        assert_eq!(entries(&html), *n, "site: the page of area {area} lists");
    }
    for (status, n) in &count.by_status {
        let html = page(format!("status/{status}/index.html"));
        assert_eq!(
            entries(&html),
            *n,
            "site: the page of status {status} lists"
        );
        assert!(
            html.contains(&format!(
                "href=\"../../status/{status}/index.html\" aria-current=\"page\">"
            )),
            "site: the page of status {status} marks its own filter"
        );
    }
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert_eq!(
        feed.matches("<title>New: ").count(),
        count.records,
        "feed: one \"New:\" entry per record"
    );

    // The LSP: a party's hover counts what the reports count.
    let text = std::fs::read_to_string(ledger).unwrap();
    for (party, n) in &count.by_party {
        let hover = crate::lsp::hover_at(&text, as_of, &format!("[parties.{party}]"), 10);
        assert!(
            hover.contains(&format!(
                "made {} by {as_of}",
                plural(*n, "commitment", "commitments")
            )),
            "lsp: {party}: {hover}"
        );
    }
}

#[test]
fn the_frozen_ledger_is_recounted_the_same_in_every_output() {
    let count = recount(&frozen_ledger(), FROZEN_REVIEWED);
    // Read from the frozen ledger by hand: 29 records, one of them a
    // request; five documents signed at the talks; three deliverables.
    assert_eq!(
        (
            count.records,
            count.commitments,
            count.requests,
            count.signed_at_talks
        ),
        (29, 28, 1, 5)
    );
    assert_eq!((count.deliverables, count.kept), (3, 2));
    every_output_agrees(&frozen_ledger(), FROZEN_REVIEWED);
}

#[test]
fn the_report_fixtures_are_recounted_the_same_in_every_output() {
    for name in ["every-status", "umbrella", "deadlines", "targets"] {
        let path = Path::new(ROOT).join(format!("tests/fixtures/reports/{name}.toml"));
        every_output_agrees(&path, "2025-06-30");
    }
}
