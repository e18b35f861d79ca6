"""Validates the reports that .ci/run renders for the real ledger.

usage: validate_reports.py DIR LEDGER
DIR holds report.json, report.csv, report.md, report.html, dom.html (Chromium's
dump of the page) and screenshot.png (Chromium's screenshot of it); LEDGER is
the ledger they were made from, whose records the report must hold.
"""
import csv
import json
import sys
import tomllib
from pathlib import Path

from PIL import Image

folder = Path(sys.argv[1])

report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
assert report["schema_version"] == 2, report["schema_version"]
ids = [c["id"] for c in report["commitments"]]
# Every record made by the as-of date, in ledger order: read from the ledger
# itself, so that recording news or correcting the ledger never breaks CI.
ledger = tomllib.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
expected = [
    c["id"] for c in ledger.get("commitment", []) if str(c["made"]) <= report["as_of"]
]
assert ids == expected, (ids, expected)
print(f"json: parses, schema_version 2, {len(ids)} commitments")

with (folder / "report.csv").open(newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
assert [row["id"] for row in rows] == ids, "csv rows do not match the json"
# Numeric columns hold plain numbers (a minus sign there is a sign); every
# other cell must not start like a formula.
numeric = {"days_early", "days_late", "days_overdue", "target_baseline", "target_goal", "target_latest", "findings"}
for row in rows:
    for column, cell in row.items():
        if column in numeric:
            assert cell == "" or float(cell) == float(cell), (column, cell)
        else:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
print(f"csv: parses, {len(rows)} rows, numbers in numeric columns, no formula cells")

markdown = (folder / "report.md").read_text(encoding="utf-8")
assert markdown.startswith("# " + report["title"]), markdown[:80]
print("markdown: starts with the title")

dom = (folder / "dom.html").read_text(encoding="utf-8")
assert f"<title>{report['title']} — as of {report['as_of']}</title>" in dom, "title missing from the DOM"
missing = [i for i in ids if f'id="c-{i}"' not in dom]
assert not missing, f"commitments missing from the DOM: {missing}"
assert '<svg class="timeline" id="timeline"' in dom, "timeline SVG missing"
assert "<script" not in dom, "the page has a script"
print(f"html: the browser's DOM has the title, all {len(ids)} commitments and the timeline")

image = Image.open(folder / "screenshot.png").convert("RGB")
width, height = image.size
colours = image.getcolors(maxcolors=1 << 20) or []
non_white = sum(count for count, colour in colours if colour != (255, 255, 255))
share = non_white / (width * height)
assert len(colours) > 50, f"only {len(colours)} colours: a blank page?"
assert share > 0.02, f"only {share:.1%} of the screenshot is not white"
print(f"screenshot: {width}x{height}, {len(colours)} colours, {share:.1%} not white")
