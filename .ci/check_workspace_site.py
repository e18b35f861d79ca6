"""Checks a workspace's site (`commitments site` in a folder with
commitments-workspace.toml) with the tools readers use: the root feed
through feedparser, the totals against each ledger's own ledger.json, the
merged commitments.csv, and the links that `related` makes, both ways.

Usage: python .ci/check_workspace_site.py SITE_DIR
"""

import csv
import json
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import feedparser

site = Path(sys.argv[1]).resolve()
workspace = json.loads((site / "workspace.json").read_text(encoding="utf-8"))
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL {message}", file=sys.stderr)


ledgers = [
    (entry["ledger_id"], json.loads((site / entry["report"]).read_text(encoding="utf-8")))
    for entry in workspace["ledgers"]
]
if len(ledgers) < 2:
    fail(f"workspace.json lists {len(ledgers)} ledgers")

# --- Totals: each the sum of the ledgers' own -------------------------------
totals = workspace["totals"]
for key in ("commitments", "signed_at_talks", "requests", "umbrellas"):
    summed = sum(report["totals"][key] for _, report in ledgers)
    if totals[key] != summed:
        fail(f"workspace.json: totals.{key} is {totals[key]}, the ledgers' ledger.json sum to {summed}")
for status in totals["by_status"]:
    summed = sum(
        c["count"] for _, r in ledgers for c in r["totals"]["by_status"] if c["key"] == status["key"]
    )
    if status["count"] != summed:
        fail(f"workspace.json: {status['key']} is {status['count']}, the ledgers sum to {summed}")
for party in totals["by_party"]:
    summed = sum(
        p["commitments"] for _, r in ledgers for p in r["totals"]["by_party"] if p["id"] == party["id"]
    )
    if party["commitments"] != summed:
        fail(f"workspace.json: party {party['id']} has {party['commitments']}, the ledgers sum to {summed}")
dashboard = (site / "index.html").read_text(encoding="utf-8")
for ledger_id, report in ledgers:
    if f'href="{ledger_id}/index.html"' not in dashboard:
        fail(f"index.html does not link to {ledger_id}/index.html")
print(f"workspace.json: {totals['commitments']} commitments = "
      + " + ".join(str(r["totals"]["commitments"]) for _, r in ledgers)
      + f" over {len(ledgers)} ledgers; statuses and parties sum too")

# --- One feed for everything -----------------------------------------------
feed = feedparser.parse((site / "feed.xml").read_bytes())
if feed.bozo:
    fail(f"feed.xml is not well-formed: {feed.bozo_exception}")
if feed.version != "atom10":
    fail(f"feed.xml is {feed.version!r}, not Atom 1.0")
ledger_ids = set()
for ledger_id, _ in ledgers:
    own = feedparser.parse((site / ledger_id / "feed.xml").read_bytes())
    ledger_ids |= {entry.id for entry in own.entries}
ids = [entry.id for entry in feed.entries]
if len(set(ids)) != len(ids):
    fail("feed.xml has entries with the same id")
if set(ids) != ledger_ids:
    fail(f"feed.xml has {len(set(ids))} ids; the ledgers' own feeds have {len(ledger_ids)}, not the same")
dates = [entry.updated for entry in feed.entries]
if dates != sorted(dates, reverse=True):
    fail("feed.xml is not newest first")
for entry in feed.entries:
    if not any(entry.id.startswith(f"urn:commitments:{lid}:") for lid, _ in ledgers):
        fail(f"feed entry {entry.id} does not name its ledger")
    if not (site / unquote(urldefrag(entry.link)[0])).is_file():
        fail(f"feed entry {entry.id} links to {entry.link}, which is not in the site")
print(f"feed.xml: {len(ids)} entries, the union of the ledgers' feeds, ids unique, every link resolves")

# --- One data download ---------------------------------------------------------
with (site / "commitments.csv").open(encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
expected = sum(len(r["commitments"]) for _, r in ledgers)
if len(rows) != expected:
    fail(f"commitments.csv has {len(rows)} rows, the ledgers {expected}")
if {row["ledger_id"] for row in rows} != {lid for lid, _ in ledgers}:
    fail("commitments.csv: the ledger_id column does not name every ledger")
print(f"commitments.csv: {len(rows)} rows, every ledger's")


# --- Cross-ledger links, both ways ---------------------------------------------
class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.links.extend(v for k, v in attrs if k == "href" and v)


def links_of(page):
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return {
        Path(unquote(urldefrag(urljoin(page.as_uri(), link))[0].removeprefix("file://"))).resolve()
        for link in parser.links
    }


cross = 0
for ledger_id, report in ledgers:
    for commitment in report["commitments"]:
        for related in commitment.get("related", []):
            if ":" not in related:
                continue
            other, target_id = related.split(":", 1)
            page = site / ledger_id / "commitments" / commitment["id"] / "index.html"
            target = site / other / "commitments" / target_id / "index.html"
            if not target.is_file():
                fail(f"{ledger_id}:{commitment['id']} continues {related}, which has no page")
                continue
            if target.resolve() not in links_of(page):
                fail(f"{page.relative_to(site)} does not link to {target.relative_to(site)}")
            if page.resolve() not in links_of(target):
                fail(f"{target.relative_to(site)} does not link back to {page.relative_to(site)}")
            cross += 1
if cross == 0:
    fail("no cross-ledger `related` link in the workspace")
print(f"{cross} cross-ledger links, each both ways")

if failures:
    print(f"{len(failures)} workspace site check(s) failed", file=sys.stderr)
    sys.exit(1)
