"""Checks a site written by `commitments site` with the tools readers use:
the feed through feedparser (a real feed reader library), and every link of
every page.

Usage: python .ci/check_site.py SITE_DIR LEDGER_TOML
"""

import json
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import feedparser

site = Path(sys.argv[1]).resolve()
ledger = tomllib.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
report = json.loads((site / "ledger.json").read_text(encoding="utf-8"))
as_of = report["as_of"]
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL {message}", file=sys.stderr)


def urls_in(value):
    """Every `url` anywhere in the ledger."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                yield item
            else:
                yield from urls_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls_in(item)


allowed_external = set(urls_in(ledger))

# --- The feed -------------------------------------------------------------
feed = feedparser.parse((site / "feed.xml").read_bytes())
if feed.bozo:
    fail(f"feed.xml is not well-formed: {feed.bozo_exception}")
if feed.version != "atom10":
    fail(f"feed.xml is {feed.version!r}, not Atom 1.0")
made = [c for c in ledger.get("commitment", []) if str(c["made"]) <= as_of]
updates = [
    u
    for c in made
    for u in (c.get("update") or [])
    if str(u["date"]) <= as_of
]
expected = len(made) + len(updates)
if len(feed.entries) != expected:
    fail(
        f"feed.xml has {len(feed.entries)} entries; the ledger has {len(made)} commitments "
        f"and {len(updates)} updates up to {as_of}"
    )
ids = [entry.id for entry in feed.entries]
if len(set(ids)) != len(ids):
    fail("feed.xml has entries with the same id")
dates = [entry.updated for entry in feed.entries]
if dates != sorted(dates, reverse=True):
    fail("feed.xml is not newest first")
for entry in feed.entries:
    target = site / unquote(urldefrag(entry.link)[0])
    if not target.is_file():
        fail(f"feed entry {entry.id} links to {entry.link}, which is not in the site")
print(f"feed.xml: {len(feed.entries)} entries ({len(made)} commitments, {len(updates)} updates), every link resolves")


# --- Every link of every page ----------------------------------------------
class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value is not None:
                self.ids.add(value)


parsed = {}


def parse(page):
    if page not in parsed:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    return parsed[page]


pages = sorted(site.rglob("*.html"))
internal = external = 0
for page in pages:
    for link in parse(page).links:
        if link.startswith(("http://", "https://")):
            external += 1
            if link not in allowed_external:
                fail(f"{page.relative_to(site)}: external link {link} is not a URL of the ledger")
            continue
        if ":" in link.split("/")[0]:
            fail(f"{page.relative_to(site)}: link {link!r} has a scheme other than http(s)")
            continue
        internal += 1
        path, fragment = urldefrag(urljoin(page.as_uri(), link))
        target = Path(unquote(path.removeprefix("file://")))
        if not target.is_file():
            fail(f"{page.relative_to(site)}: {link} does not resolve to a file")
            continue
        if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
            fail(f"{page.relative_to(site)}: {link} names no element of {target.relative_to(site)}")
print(f"{len(pages)} pages: {internal} internal links resolve, {external} external links are the ledger's sources and evidence")

if failures:
    print(f"{len(failures)} site check(s) failed", file=sys.stderr)
    sys.exit(1)
