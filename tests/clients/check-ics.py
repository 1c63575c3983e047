# SPDX-License-Identifier: MIT
# check-ics.py: check every feed of a rota publication with python3-icalendar.
#
# Usage: /usr/bin/python3 check-ics.py DIR [--manifest FILE]
#
# Beyond "icalendar parses it", each .ics file under DIR must be strict
# UTF-8 with CRLF lines of at most 75 octets, folded between characters;
# every VEVENT has UID, DTSTAMP (UTC), DTSTART and DTEND in a TZID whose
# VTIMEZONE is in the same file; no UID repeats in a feed; icalendar reads
# DTSTART as zoned and at the UTC instant that the system tz database
# gives.  Live events of personal feeds carry a VALARM; events of unit
# and segment feeds (one per team, files under unit/ or segment/) carry
# none, and no two live ones are of one team (same DTSTART, LOCATION and
# duty, the first DESCRIPTION line).  --manifest writes, per file, each event's UID and UTC start/end
# (from the tz database, not from the file) for check-icaljs.mjs.
# Exit 0 if all is well, 1 with one line per problem otherwise, 77 when
# this python has no icalendar module.

import datetime
import json
import os
import re
import sys

try:
    import icalendar
except ImportError:
    print("check-ics.py: no python3 icalendar module (Debian python3-icalendar)")
    sys.exit(77)
import zoneinfo

CAL_PROPS = ("VERSION", "PRODID", "NAME", "X-WR-CALNAME", "REFRESH-INTERVAL",
             "X-PUBLISHED-TTL")
EVENT_PROPS = ("UID", "DTSTAMP", "DTSTART", "DTEND")
STAMP_RE = re.compile(r"^\d{8}T\d{6}Z$")
LOCAL_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$")
# Properties whose difference alone must not tell two events of a feed apart.
IDENTITY_PROPS = ("UID", "DTSTAMP", "LAST-MODIFIED")

problems = []


def problem(path, what):
    problems.append(f"{path}: {what}")


def check_lines(rel, data):
    """Octet-level rules: UTF-8, CRLF, 75-octet lines, folds between characters."""
    unfolded = data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")
    try:
        unfolded.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        problem(rel, f"not UTF-8 (unfolded, at byte {e.start})")
        return False
    if data.startswith(b"\xef\xbb\xbf"):
        problem(rel, "starts with a byte-order mark")
    if not data.endswith(b"\r\n"):
        problem(rel, "does not end with CRLF")
    whole = True
    for n, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problem(rel, f"line {n}: bare CR or LF")
        if len(line) > 75:
            problem(rel, f"line {n}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            problem(rel, f"line {n}: folded inside a multi-byte character")
            whole = False
        if n == 1 and line != b"BEGIN:VCALENDAR":
            problem(rel, "line 1 is not BEGIN:VCALENDAR")
    return whole


def unfolded_lines(text):
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def event_blocks(text):
    """Each VEVENT's own content lines (its VALARMs left out), in file order."""
    blocks, cur, depth = [], None, 0
    for line in unfolded_lines(text):
        if line == "BEGIN:VEVENT":
            cur, depth = [], 0
        elif cur is not None and line == "END:VEVENT":
            blocks.append(cur)
            cur = None
        elif cur is not None:
            if line.startswith("BEGIN:"):
                depth += 1
            elif line.startswith("END:"):
                depth -= 1
            elif depth == 0:
                cur.append(line)
    return blocks


def raw_prop(block, name):
    """(parameters, value) of the first content line NAME in block, or None."""
    for line in block:
        m = re.match(r"^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", line)
        if m and m.group(1).upper() == name:
            params = dict(p.split("=", 1) for p in m.group(2).split(";")[1:] if "=" in p)
            return {k.upper(): v for k, v in params.items()}, m.group(3)
    return None


def zoned_instant(rel, uid, name, prop, zones):
    """UTC epoch seconds of a DTSTART/DTEND content line, from the tz database."""
    params, value = prop
    tzid = params.get("TZID")
    if tzid is None:
        problem(rel, f"{uid}: {name} has no TZID ({value})")
        return None
    if tzid not in zones:
        problem(rel, f"{uid}: {name} TZID {tzid} has no VTIMEZONE in this file")
    m = LOCAL_RE.match(value)
    if not m:
        problem(rel, f"{uid}: {name} is not a local date-time: {value}")
        return None
    try:
        tz = zoneinfo.ZoneInfo(tzid)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problem(rel, f"{uid}: {name} TZID {tzid} is not an IANA zone")
        return None
    local = datetime.datetime(*map(int, m.groups()), tzinfo=tz)
    return int(local.timestamp())


def check_decoded(rel, uid, event, name, expected):
    """icalendar's own reading of a date-time must be zoned and at the same instant."""
    try:
        value = event.decoded(name)
    except Exception as e:  # icalendar raises several types here
        problem(rel, f"{uid}: icalendar cannot decode {name}: {e}")
        return
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        problem(rel, f"{uid}: icalendar reads {name} as floating ({value!r})")
    elif expected is not None and int(value.timestamp()) != expected:
        problem(rel, f"{uid}: icalendar reads {name} at {value.isoformat()}, "
                f"the tz database says {expected}")


def is_board(rel):
    """A unit or segment feed: one event per team, no reminders."""
    parts = rel.replace(os.sep, "/").split("/")
    return len(parts) >= 2 and parts[-2] in ("unit", "segment")


def check_event(rel, block, event, zones, seen, shapes):
    uid_prop = raw_prop(block, "UID")
    uid = uid_prop[1] if uid_prop else "(no UID)"
    for name in EVENT_PROPS:
        if raw_prop(block, name) is None:
            problem(rel, f"{uid}: no {name}")
    if uid in seen:
        problem(rel, f"UID {uid} appears twice")
    seen.add(uid)
    stamp = raw_prop(block, "DTSTAMP")
    if stamp and not STAMP_RE.match(stamp[1]):
        problem(rel, f"{uid}: DTSTAMP is not UTC: {stamp[1]}")
    seq = raw_prop(block, "SEQUENCE")
    if seq and not seq[1].isdigit():
        problem(rel, f"{uid}: SEQUENCE is not a number: {seq[1]}")
    status = raw_prop(block, "STATUS")
    if status and status[1] not in ("CONFIRMED", "TENTATIVE", "CANCELLED"):
        problem(rel, f"{uid}: STATUS {status[1]}")
    cancelled = bool(status and status[1] == "CANCELLED")
    alarms = sum(1 for c in event.subcomponents if c.name == "VALARM")
    if is_board(rel) and alarms:
        problem(rel, f"{uid}: a VALARM in a unit or segment feed")
    elif not is_board(rel) and not cancelled and not alarms:
        problem(rel, f"{uid}: no VALARM reminder")
    entry = {"uid": uid, "sequence": int(seq[1]) if seq and seq[1].isdigit() else 0,
             "cancelled": cancelled}
    for name in ("DTSTART", "DTEND"):
        prop = raw_prop(block, name)
        if prop is None:
            continue
        entry[name.lower()] = zoned_instant(rel, uid, name, prop, zones)
        check_decoded(rel, uid, event, name, entry[name.lower()])
    if entry.get("dtstart") is not None and entry.get("dtend") is not None \
            and entry["dtend"] <= entry["dtstart"]:
        problem(rel, f"{uid}: DTEND is not after DTSTART")
    shape = tuple(sorted(line for line in block
                         if line.split(":", 1)[0].split(";", 1)[0].upper()
                         not in IDENTITY_PROPS))
    if shape in shapes:
        problem(rel, f"{uid}: differs from {shapes[shape]} only in UID/DTSTAMP/LAST-MODIFIED")
    shapes.setdefault(shape, uid)
    if is_board(rel) and not cancelled:
        start, where, what = (raw_prop(block, n) for n in ("DTSTART", "LOCATION", "DESCRIPTION"))
        team = ("team", start and start[1], where and where[1],
                what and what[1].split("\\n", 1)[0])
        if team in shapes:
            problem(rel, f"{uid}: the same team as {shapes[team]} (one event per team)")
        shapes.setdefault(team, uid)
    return entry


def check_file(top, rel):
    with open(os.path.join(top, rel), "rb") as f:
        data = f.read()
    if not check_lines(rel, data):
        return []
    text = data.decode("utf-8")
    try:
        cal = icalendar.Calendar.from_ical(text)
    except Exception as e:  # icalendar raises ValueError and others
        problem(rel, f"icalendar cannot parse it: {e}")
        return []
    if cal.name != "VCALENDAR":
        problem(rel, f"top component is {cal.name}")
        return []
    for comp in cal.walk():
        for err in getattr(comp, "errors", []):
            problem(rel, f"icalendar error in {comp.name}: {err}")
    for name in CAL_PROPS:
        if name not in cal:
            problem(rel, f"no calendar-level {name}")
    if str(cal.get("VERSION", "")) != "2.0":
        problem(rel, "VERSION is not 2.0")
    zones = {str(z["TZID"]) for z in cal.walk("VTIMEZONE") if "TZID" in z}
    events = cal.walk("VEVENT")
    blocks = event_blocks(text)
    if len(blocks) != len(events):
        problem(rel, f"{len(blocks)} VEVENT blocks but icalendar sees {len(events)}")
        return []
    seen, shapes = set(), {}
    return [check_event(rel, b, e, zones, seen, shapes) for b, e in zip(blocks, events)]


def ics_files(top):
    found = []
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".ics"):
                found.append(os.path.relpath(os.path.join(root, name), top))
    return found


def index_paths(value):
    if isinstance(value, str):
        if value.endswith(".ics"):
            yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from index_paths(v)
    elif isinstance(value, list):
        for v in value:
            yield from index_paths(v)


def check_published(top, index):
    """DIR/feeds, the published folder, holds feeds only, and none names a
    personal token of index.json (a guesser's way to others' feeds)."""
    feeds = os.path.join(top, "feeds")
    tokens = set()
    for entry in index.get("people", {}).values():
        name = os.path.basename(entry.get("path", ""))[:-4]
        if "-" in name:
            tokens.add(name.rsplit("-", 1)[1])
    for root, _, files in os.walk(feeds):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), top)
            if not name.endswith(".ics"):
                problem(rel, "published, but not a feed")
                continue
            with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            for token in sorted(t for t in tokens if t in text):
                problem(rel, f"names the personal token {token}")


def check_index(top, files):
    """index.json, when present, names every feed and only existing ones;
    its paths are relative to DIR/feeds when that folder exists."""
    path = os.path.join(top, "index.json")
    if not os.path.exists(path):
        return
    try:
        with open(path, encoding="utf-8") as f:
            index = json.load(f)
    except (ValueError, UnicodeDecodeError) as e:
        problem("index.json", f"not JSON: {e}")
        return
    base = "feeds/" if os.path.isdir(os.path.join(top, "feeds")) else ""
    if base:
        check_published(top, index)
    named = set(base + p.lstrip("/") for p in index_paths(index))
    for p in sorted(named - set(files)):
        problem("index.json", f"names {p}, which does not exist")
    for p in sorted(set(files) - named):
        problem("index.json", f"does not name {p}")


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--manifest"):
        print("usage: check-ics.py DIR [--manifest FILE]", file=sys.stderr)
        return 2
    top = argv[1]
    files = ics_files(top)
    if not files:
        problem(top, "no .ics file")
    manifest = {rel: check_file(top, rel) for rel in files}
    check_index(top, files)
    if len(argv) == 4:
        with open(argv[3], "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=0, sort_keys=True)
    events = sum(len(v) for v in manifest.values())
    for p in problems[:200]:
        print(p)
    if len(problems) > 200:
        print(f"... and {len(problems) - 200} more")
    print(f"check-ics.py: {len(files)} feeds, {events} events, {len(problems)} problems "
          f"(icalendar {icalendar.__version__})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
