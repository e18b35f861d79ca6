"""Checks the data package in a site folder as data people take it: the
real frictionless package validates it (types, enums, primary and foreign
keys), and sqlite-utils loads its tables into SQLite, where a query across
three of them ("kept commitments by party") must give what ledger.json says.

Usage: python .ci/check_datapackage.py SITE_DIR
"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile

import frictionless

site = sys.argv[1]
bin_dir = os.path.dirname(sys.executable)
package = os.path.join(site, "datapackage.json")

report = frictionless.validate(package)
if not report.valid:
    print(report.to_summary(), file=sys.stderr)
    sys.exit("frictionless: the data package is not valid")
tables = [r["name"] for r in json.load(open(package))["resources"]]
print(f"frictionless {frictionless.__version__}: {len(tables)} tables valid: {', '.join(tables)}")

with tempfile.TemporaryDirectory() as scratch:
    db = os.path.join(scratch, "ledger.db")
    for table in tables:
        subprocess.run(
            [os.path.join(bin_dir, "sqlite-utils"), "insert", db, table,
             os.path.join(site, f"{table}.csv"), "--csv"],
            check=True, stdout=subprocess.DEVNULL,
        )
    rows = sqlite3.connect(db).execute(
        """
        select l.party_id, count(*) from commitments c
        join commitment_parties l on l.commitment_id = c.id and l.role = 'by'
        join parties p on p.id = l.party_id
        where c.status = 'kept' and c."group" in ('commitment', 'signed_at_talks')
        group by l.party_id order by l.party_id
        """
    ).fetchall()

ledger = json.load(open(os.path.join(site, "ledger.json")))
expected = sorted(
    (p["id"], next(c["count"] for c in p["by_status"] if c["key"] == "kept"))
    for p in ledger["totals"]["by_party"]
)
expected = [row for row in expected if row[1] > 0]
if rows != expected:
    sys.exit(f"SQLite says kept by party {rows}, ledger.json says {expected}")
print(f"SQLite (sqlite-utils): kept commitments by party {rows}, as in ledger.json")
