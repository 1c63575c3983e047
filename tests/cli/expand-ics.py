#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# expand-ics.py: an expansion of people's calendars into (date, shift) pairs off,
# written apart from rota's libical code, to cross-check rota import --availability.
#
#   expand-ics.py BASE.json DIR     the pairs DIR/ID.ics make off, one per line
#   expand-ics.py --model OUT.json BASE.json
#                                   the pairs OUT.json holds beyond BASE.json
#
# Lines read "ID DATE SHIFT", or "ID DATE *" for a whole day, sorted.  Times
# are read from the raw property text with python3-icalendar; zones come from
# the system's zoneinfo by TZID (the fixtures' VTIMEZONEs follow the same
# rules), recurrences from dateutil.rrule in wall time.
import datetime as dt
import json
import os
import sys
from zoneinfo import ZoneInfo

import icalendar
from dateutil import rrule


def parse_raw(raw, tzid, model_zone):
    """A DATE (datetime.date) or an aware datetime."""
    if len(raw) == 8:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    t = dt.datetime.strptime(raw[:15], "%Y%m%dT%H%M%S")
    if raw.endswith("Z"):
        return t.replace(tzinfo=dt.timezone.utc)
    return t.replace(tzinfo=ZoneInfo(tzid) if tzid else model_zone)


def values(comp, name):
    """Every value of a (possibly repeated, possibly comma-listed) property."""
    props = comp.get(name)
    if props is None:
        return []
    if not isinstance(props, list):
        props = [props]
    out = []
    for p in props:
        raw = p.to_ical().decode()
        tzid = p.params.get("TZID")
        for one in raw.split(","):
            out.append((one, tzid, p.params))
    return out


def duration(comp, start, model_zone):
    if comp.get("DTEND") is not None:
        (raw, tzid, _), = values(comp, "DTEND")
        return parse_raw(raw, tzid, model_zone) - start
    if comp.get("DURATION") is not None:
        return comp["DURATION"].dt
    return dt.timedelta(days=1) if not isinstance(start, dt.datetime) else dt.timedelta(0)


def series(comp, start, until_local, model_zone):
    """Starts of the instances of a master event (RRULE, RDATE, minus EXDATE)."""
    starts = [start]
    if comp.get("RRULE") is not None:
        rule = comp["RRULE"].to_ical().decode()
        parts = []
        for part in rule.split(";"):
            if part.startswith("UNTIL=") and part.endswith("Z") and isinstance(start, dt.datetime):
                u = parse_raw(part[6:], None, model_zone).astimezone(start.tzinfo)
                part = "UNTIL=" + u.strftime("%Y%m%dT%H%M%S")
            parts.append(part)
        naive = start.replace(tzinfo=None) if isinstance(start, dt.datetime) else \
            dt.datetime(start.year, start.month, start.day)
        r = rrule.rrulestr(";".join(parts), dtstart=naive)
        starts = []
        for t in r:
            if t > until_local:
                break
            starts.append(t.replace(tzinfo=start.tzinfo) if isinstance(start, dt.datetime)
                          else t.date())
    for raw, tzid, _ in values(comp, "RDATE"):
        starts.append(parse_raw(raw, tzid, model_zone))
    excluded = {parse_raw(raw, tzid, model_zone) for raw, tzid, _ in values(comp, "EXDATE")}
    return [s for s in starts if s not in excluded]


def busy(cal, model_zone, until_local):
    """(all-day dates, timed intervals) of a calendar."""
    days, intervals, moved = set(), [], set()
    events = [c for c in cal.walk("VEVENT")]
    for c in events:
        if c.get("RECURRENCE-ID") is not None:
            (raw, tzid, _), = values(c, "RECURRENCE-ID")
            moved.add((str(c.get("UID")), parse_raw(raw, tzid, model_zone)))
    for c in events:
        if str(c.get("TRANSP", "")).upper() == "TRANSPARENT":
            continue
        if str(c.get("STATUS", "")).upper() == "CANCELLED":
            continue
        (raw, tzid, _), = values(c, "DTSTART")
        start = parse_raw(raw, tzid, model_zone)
        length = duration(c, start, model_zone)
        if c.get("RECURRENCE-ID") is not None:
            starts = [start]
        else:
            starts = [s for s in series(c, start, until_local, model_zone)
                      if (str(c.get("UID")), s) not in moved]
        for s in starts:
            if isinstance(s, dt.datetime):
                intervals.append((s, s + length))
            else:
                for k in range(length.days):
                    days.add(s + dt.timedelta(days=k))
    for fb in cal.walk("VFREEBUSY"):
        for raw, _, params in values(fb, "FREEBUSY"):
            if params.get("FBTYPE", "BUSY").upper() == "FREE":
                continue
            a, b = raw.split("/")
            s = parse_raw(a, None, model_zone)
            e = s + icalendar.vDuration.from_ical(b) if b.startswith("P") else \
                parse_raw(b, None, model_zone)
            intervals.append((s, e))
    return days, intervals


def shift_intervals(model):
    zone = ZoneInfo(model.get("timezone", "Asia/Shanghai"))
    first = dt.date.fromisoformat(model["start"])
    for d in range(model["days"]):
        date = first + dt.timedelta(days=d)
        for shift in model["shifts"]:
            h, m = map(int, shift["start"].split(":"))
            eh, em = map(int, shift["end"].split(":"))
            minutes = (eh * 60 + em) - (h * 60 + m)
            if minutes <= 0:
                minutes += 1440
            s = dt.datetime(date.year, date.month, date.day, h, m, tzinfo=zone)
            yield date, shift["id"], s, s + dt.timedelta(minutes=minutes)


def expand(base_path, folder):
    model = json.load(open(base_path, encoding="utf-8"))
    zone = ZoneInfo(model.get("timezone", "Asia/Shanghai"))
    first = dt.date.fromisoformat(model["start"])
    last = first + dt.timedelta(days=model["days"] + 1)
    until_local = dt.datetime(last.year, last.month, last.day)
    lines = []
    for person in model["people"]:
        path = os.path.join(folder, person["id"] + ".ics")
        if not os.path.exists(path):
            continue
        cal = icalendar.Calendar.from_ical(open(path, "rb").read())
        days, intervals = busy(cal, zone, until_local)
        horizon = {first + dt.timedelta(days=k) for k in range(model["days"])}
        for day in sorted(days & horizon):
            lines.append("%s %s *" % (person["id"], day.isoformat()))
        for date, shift, s, e in shift_intervals(model):
            if date in days:
                continue
            if any(a < e and s < b for a, b in intervals):
                lines.append("%s %s %s" % (person["id"], date.isoformat(), shift))
    return sorted(set(lines))


def off_pairs(model):
    lines = set()
    for person in model["people"]:
        for off in person.get("off", []):
            if isinstance(off, str):
                lines.add("%s %s *" % (person["id"], off))
            elif "date" in off:
                lines.add("%s %s %s" % (person["id"], off["date"], off.get("shift", "*")))
    return lines


def main(argv):
    if argv[1] == "--model":
        out = json.load(open(argv[2], encoding="utf-8"))
        base = json.load(open(argv[3], encoding="utf-8"))
        lines = sorted(off_pairs(out) - off_pairs(base))
    else:
        lines = expand(argv[1], argv[2])
    for line in lines:
        print(line)


if __name__ == "__main__":
    main(sys.argv)
