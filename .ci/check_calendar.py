"""Reads deadlines.ics with Python's icalendar, as calendar tools do: every
event has a UID, a DTSTAMP, an all-day DTSTART before its DTEND and a
summary; the open commitments with a deadline in ledger.json are its
events; and a second build of the same ledger and date gives the same UIDs.

Usage: python .ci/check_calendar.py FIRST.ics SECOND.ics LEDGER_JSON
"""

import json
import sys

import icalendar

first, second, ledger_json = sys.argv[1:4]


def events(path):
    calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
    found = []
    for event in calendar.walk("VEVENT"):
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if key not in event:
                sys.exit(f"{path}: an event has no {key}")
        if not event["DTSTART"].dt < event["DTEND"].dt:
            sys.exit(f"{path}: {event['UID']} ends before it starts")
        found.append((str(event["UID"]), event["DTSTART"].dt.isoformat()))
    return found


a, b = events(first), events(second)
if a != b:
    sys.exit(f"two builds gave different events: {a} / {b}")
ledger = json.load(open(ledger_json))
final = {"kept", "partially_kept", "broken"}
expected = sorted(
    (f"{c['id']}.due@{ledger['ledger_id']}.commitments", c["due"])
    for c in ledger["commitments"]
    if c["due"] and c["status"] not in final
)
if sorted(a) != expected:
    sys.exit(f"deadlines.ics has {sorted(a)}, ledger.json's open deadlines are {expected}")
print(f"icalendar {icalendar.__version__}: {len(a)} events, the same UIDs in two builds, one per open deadline")
