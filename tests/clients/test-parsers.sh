#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test-parsers.sh: rota's exported feeds parse with python3-icalendar and ical.js,
# zoned, folded and identified as real clients need; the checkers reject broken feeds.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

have_icalendar || missing "python3-icalendar for $PY"
if ! have_icaljs; then
    if [ "${ROTA_CLIENTS_REQUIRED:-0}" = 1 ]; then
        missing "ical.js (npm ci --prefix tests/clients)"
    fi
    echo "note: no ical.js (npm ci --prefix tests/clients): python3-icalendar only"
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rota-parsers.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---- the checkers themselves: a good fixture passes, each broken copy fails.
good="$CLIENTS_DIR/data/good.ics"
mkdir "$TMP/good"
cp "$good" "$TMP/good/feed.ics"
check_feeds "fixture" "$TMP/good"

# mutant NAME: write $TMP/NAME/feed.ics, good.ics broken one way (python, bytes in, bytes out).
mutant() {
    mkdir "$TMP/$1"
    "$PY" - "$good" "$TMP/$1/feed.ics" "$1" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
kind = sys.argv[3]
if kind == "offset":        # a VTIMEZONE that disagrees with the tz database
    data = data.replace(b"TZOFFSETTO:+0800", b"TZOFFSETTO:+0900")
elif kind == "notz":        # events name a zone the file does not define
    data = data.replace(b"\r\nTZID:Asia/Shanghai", b"\r\nTZID:Asia/Chongqing")
elif kind == "vendor":      # a vendor-prefixed TZID instead of the IANA name
    data = data.replace(b"Asia/Shanghai", b"/freeassociation.sourceforge.net/Asia/Shanghai")
elif kind == "long":        # an unfolded long line
    data = data.replace(b"\r\n ", b"", 1)
elif kind == "splitchar":   # a fold one byte into a multi-byte character
    i = data.index(b"\r\n ")
    data = data[:i - 1] + b"\r\n " + data[i - 1:i] + data[i + 3:]
elif kind == "dupuid":      # two events share a UID
    uids = re.findall(rb"UID:[^\r]*", data)
    data = data.replace(uids[2], uids[0])
elif kind == "nostamp":
    data = re.sub(rb"DTSTAMP:[^\r]*\r\n", b"", data)
elif kind == "badutf8":
    data = data.replace("疏".encode(), b"\xff\xfe\xfd", 1)
elif kind == "lf":
    data = data.replace(b"\r\n", b"\n")
elif kind == "floating":
    data = data.replace(b"DTSTART;TZID=Asia/Shanghai:", b"DTSTART:")
elif kind == "twins":       # two events that differ only in UID
    data = data.replace(b"20261225T17", b"20261224T07").replace(b"20261225T19", b"20261224T09")
    data = data.replace("晚高峰".encode(), "早高峰".encode())
open(sys.argv[2], "wb").write(data)
EOF
}

for m in offset notz vendor long splitchar dupuid nostamp badutf8 lf floating twins; do
    mutant "$m"
done
check_fails "mutant notz (python)" "has no VTIMEZONE in this file" \
    "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/notz"
check_fails "mutant vendor TZID" "is not an IANA zone" "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/vendor"
check_fails "mutant long line" "octets (more than 75)" "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/long"
check_fails "mutant fold in a character" "folded inside a multi-byte character" \
    "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/splitchar"
check_fails "mutant duplicate UID" "appears twice" "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/dupuid"
check_fails "mutant no DTSTAMP" ": no DTSTAMP" "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/nostamp"
check_fails "mutant bad UTF-8" "not UTF-8" "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/badutf8"
check_fails "mutant LF lines" "does not end with CRLF" "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/lf"
check_fails "mutant floating DTSTART" "DTSTART has no TZID" \
    "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/floating"
check_fails "mutant twin events" "only in UID/DTSTAMP/LAST-MODIFIED" \
    "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/twins"
if have_icaljs; then
    for m in offset notz floating; do
        "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/$m" --manifest "$TMP/$m.json" >/dev/null || true
    done
    check_fails "mutant wrong VTIMEZONE offset (ical.js)" "h off" \
        node "$CLIENTS_DIR/check-icaljs.mjs" "$TMP/offset" "$TMP/offset.json"
    check_fails "mutant notz (ical.js reads floating)" "as floating" \
        node "$CLIENTS_DIR/check-icaljs.mjs" "$TMP/notz" "$TMP/notz.json"
fi

# A unit or segment feed as rota wrote it before team events (per-person
# events, each with a reminder) is rejected; so is one team in two events.
check_fails "per-person events in a segment feed (before team events)" \
    "a VALARM in a unit or segment feed" \
    "$PY" "$CLIENTS_DIR/check-ics.py" "$ROTA_TEST_SRCDIR/tests/data/ics/golden-v1/feeds"
mkdir -p "$TMP/team/segment"
"$ROTA" export ics "$ROTA_TEST_SRCDIR/tests/data/ics/model.json" \
    "$ROTA_TEST_SRCDIR/tests/data/ics/roster.json" -o "$TMP/team-pub" \
    --secret "$ROTA_TEST_SRCDIR/tests/data/ics/secret.key" --now 2026-11-30T08:00:00Z >/dev/null
"$PY" - "$TMP/team-pub/feeds/segment/S002.ics" "$TMP/team/segment/S002.ics" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
i = data.index(b"BEGIN:VEVENT")
j = data.index(b"END:VEVENT\r\n", i) + len(b"END:VEVENT\r\n")
twin = re.sub(rb"UID:[^\r]*", b"UID:twin@rota", data[i:j])
twin = re.sub(rb"SUMMARY:[^\r]*", "SUMMARY:早高峰 · 另一人".encode(), twin)
open(sys.argv[2], "wb").write(data[:j] + twin + data[j:])
EOF
check_with "team events of rota's unit and segment feeds" "$PY" "$CLIENTS_DIR/check-ics.py" \
    "$TMP/team-pub/feeds"
check_fails "one team in two events" "one event per team" \
    "$PY" "$CLIENTS_DIR/check-ics.py" "$TMP/team"

# ---- rota's own feeds: a first publication, then a re-solve with people away
# (changed and cancelled events) exported into the same folder.
printf 'client-test secret key\n' >"$TMP/secret"
chmod 600 "$TMP/secret"
"$ROTA" solve "$CLIENT_MODEL" -o "$TMP/r1.json" --seed 1 --moves 200000 --threads 1 --quiet \
    >/dev/null
"$ROTA" export ics "$CLIENT_MODEL" "$TMP/r1.json" -o "$TMP/pub" --secret "$TMP/secret" \
    --now 2026-12-20T08:00:00Z >"$TMP/export1.out"
check_feeds "first publication" "$TMP/pub"
nfeeds=$(find "$TMP/pub" -name '*.ics' | wc -l)
if [ "$nfeeds" -eq 20 ]; then pass "first publication: 13 + 3 + 4 feeds"
else fail "first publication: $nfeeds feeds, expected 20 (13 people, 3 units, 4 segments)"; fi

edit_model "$CLIENT_MODEL" "$TMP/model2.json" off:P03:2026-12-28:2026-12-31 \
    off:P07:2026-12-30:2026-12-31 chief:S3:P06
status=0
"$ROTA" solve "$TMP/model2.json" --previous "$TMP/r1.json" -o "$TMP/r2.json" --seed 1 \
    --moves 200000 --threads 1 --quiet >/dev/null || status=$?
if [ "$status" -ne 0 ]; then fail "re-solve with --previous: exit $status"; fi
"$ROTA" export ics "$TMP/model2.json" "$TMP/r2.json" -o "$TMP/pub" --secret "$TMP/secret" \
    --now 2026-12-21T08:00:00Z >"$TMP/export2.out"
check_feeds "re-publication" "$TMP/pub"
if grep -rq '^STATUS:CANCELLED' "$TMP/pub"; then pass "re-publication: has cancelled events"
else fail "re-publication: no STATUS:CANCELLED anywhere (the test lost its point)"; fi

finish
