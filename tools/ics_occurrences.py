"""Independent check of Tid og Lyst's .ics files: parses one from stdin with
Python's `icalendar` and expands it with `recurring-ical-events`, printing
JSON {"events": [...], "occurrences": [[summary, start_utc, end_utc, start_local], ...]}
for the range given as argv[1], argv[2] (YYYY-MM-DD).

Needs: pip install icalendar recurring-ical-events
"""
import json
import sys
from datetime import date, timezone

import icalendar
import recurring_ical_events

raw = sys.stdin.buffer.read()
# RFC 5545: every line ends with CRLF and no line is longer than 75 octets.
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "file must end with CRLF"
for l in lines[:-1]:
    assert b"\n" not in l and b"\r" not in l, "bare LF or CR"
    assert len(l) <= 75, f"line longer than 75 octets: {len(l)}"
cal = icalendar.Calendar.from_ical(raw)
start = date.fromisoformat(sys.argv[1])
end = date.fromisoformat(sys.argv[2])
events = []
for ev in cal.walk("VEVENT"):
    events.append({
        "summary": str(ev.get("SUMMARY")),
        "location": str(ev.get("LOCATION", "")),
        "description": str(ev.get("DESCRIPTION", "")),
        "rrule": ev.get("RRULE").to_ical().decode() if ev.get("RRULE") else None,
    })
occ = []
for ev in recurring_ical_events.of(cal).between(start, end):
    s = ev["DTSTART"].dt
    e = ev["DTEND"].dt
    occ.append([
        str(ev["SUMMARY"]),
        s.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
        e.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M"),
        s.strftime("%Y-%m-%dT%H:%M"),
    ])
occ.sort(key=lambda o: o[1])
print(json.dumps({"events": events, "occurrences": occ}, ensure_ascii=False))
