#!/bin/sh
# SPDX-License-Identifier: MIT
# test-bulletin.sh: "rota bulletin" on a hand-computed example (tests/data/records:
# every figure asserted, month, ISO week and day), its CSV, and its HTML page
# (tidy, headless Chromium: one A4 page per unit summary).
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

model="$DATA/records/model.json"
roster="$DATA/records/roster.json"
records="$DATA/records/records.json"

# The month, by hand (README "Bulletin"): U001 on site 2 head (12-01 done,
# 12-03 late), 1 deputy (12-02 substituted by P0002), 2 missed (12-04
# absent, 12-07 no entry): 100 - 2x5 - (absent 2 + late 1) - (overdue 3 +
# closed late 1) = 83; U003 100 - absent 2 = 98; U002 100.  F0005 and F0008
# are open (F0008 closed only after the period's end), F0007 was found in
# November.  Hours: U002 240+60+120+100+120+120+90 min = 14.17 h.
run "month json" "$ROTA" bulletin "$model" "$roster" "$records" --month 2026-12 --json
expect_status 0
if diff -u "$DATA/records/bulletin-month.json" "$TMP/out" >"$TMP/diff"; then pass "month: every figure"
else fail "month: figures differ" "$(cat "$TMP/diff")"; fi

# A figure by path: figure WEEK|DAY PATH EXPECTED (python reads the JSON).
figure() {
    got=$(/usr/bin/python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))
units = {u["unit"]: u for u in b["units"]}
people = {p["person"]: p for p in b["people"]}
print(eval(sys.argv[2]))' "$TMP/$1.json" "$2") || got="(error)"
    if [ "$got" = "$3" ]; then pass "$1: $2 = $3"; else fail "$1: $2 = $got, expected $3"; fi
}

# ISO week 2026-W49 = 2026-11-30 .. 2026-12-06: four on-site days; F0007
# (found 11-30, 24 h, open) is overdue for U003; F0004's deadline is after
# the week: open.
"$ROTA" bulletin "$model" "$roster" "$records" --week 2026-W49 --json >"$TMP/week.json"
figure week 'b["from"], b["to"]' "('2026-11-30', '2026-12-06')"
figure week 'units["U001"]["onsite"]' "{'required': 4, 'head': 2, 'deputy': 1, 'missed': 1}"
figure week 'units["U001"]["attendance"]' "{'assigned': 4, 'done': 1, 'late': 1, 'absent': 1, 'excused': 0, 'substituted': 1, 'unrecorded': 0}"
figure week 'units["U001"]["findings"]' "{'found': 3, 'closed_in_time': 1, 'closed_late': 1, 'open_overdue': 1, 'open': 0}"
figure week 'units["U001"]["score"], units["U001"]["hours"]' "(88.0, 8.5)"
figure week 'units["U003"]["findings"]' "{'found': 2, 'closed_in_time': 1, 'closed_late': 0, 'open_overdue': 1, 'open': 0}"
figure week 'units["U003"]["score"]' "95.0"
figure week 'units["U002"]["onsite"], units["U002"]["attendance"]["assigned"], units["U002"]["attendance"]["excused"]' "({'required': 4, 'head': 3, 'deputy': 1, 'missed': 0}, 5, 1)"
figure week 'units["U002"]["findings"]["open"], units["U002"]["score"]' "(1, 100.0)"
figure week '[u["unit"] for u in b["units"]], [u["rank"] for u in b["units"]], b["red"], b["black"]' "(['U002', 'U003', 'U001'], [1, 2, 3], ['U002'], ['U001'])"

# The daily push of 2026-12-07: U001 missed its on-site hour and left a duty
# unrecorded (95); the other two tie at 100 and share rank 1 (competition
# ranks: 1, 1, 3); hours_total counts every day up to 12-07.
"$ROTA" bulletin "$model" "$roster" "$records" --day 2026-12-07 --json >"$TMP/day.json"
figure day '[(u["unit"], u["rank"], u["score"]) for u in b["units"]]' "[('U002', 1, 100.0), ('U003', 1, 100.0), ('U001', 3, 95.0)]"
figure day 'units["U001"]["onsite"], units["U001"]["attendance"]["unrecorded"], units["U001"]["hours"]' "({'required': 1, 'head': 0, 'deputy': 0, 'missed': 1}, 1, 0.0)"
figure day 'b["red"], b["black"]' "(['U002', 'U003'], ['U001'])"
figure day 'sorted(people), people["P0010"], people["P0005"]' "(['P0005', 'P0007', 'P0009', 'P0010'], {'person': 'P0010', 'hours': 2.0, 'hours_total': 8.0}, {'person': 'P0005', 'hours': 1.0, 'hours_total': 4.0})"

run "text" "$ROTA" bulletin "$model" "$roster" "$records" --month 2026-12
expect_status 0
if grep -q '^   3  U001       83.00  2/1/2 ' "$TMP/out"; then pass "text: U001 row"; else fail "text: U001 row" "$(cat "$TMP/out")"; fi

run "bad week" "$ROTA" bulletin "$model" "$roster" "$records" --week 2026-W54
expect_status 2
run "two periods" "$ROTA" bulletin "$model" "$roster" "$records" --week 2026-W49 --day 2026-12-01
expect_status 2

run "files" "$ROTA" bulletin "$model" "$roster" "$records" --month 2026-12 -o "$TMP/out-dir"
expect_status 0
for f in bulletin.html bulletin.json bulletin.csv; do
    if [ -s "$TMP/out-dir/$f" ]; then pass "files: $f"; else fail "files: $f missing"; fi
done
if cmp -s "$TMP/out-dir/bulletin.json" "$DATA/records/bulletin-month.json"; then pass "files: bulletin.json as --json"
else fail "files: bulletin.json differs"; fi
if [ "$(head -c 3 "$TMP/out-dir/bulletin.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then pass "csv: BOM"; else fail "csv: no BOM"; fi
lines=$(wc -l <"$TMP/out-dir/bulletin.csv"); crlf=$(grep -c "$(printf '\r')\$" "$TMP/out-dir/bulletin.csv")
if [ "$lines" = 4 ] && [ "$crlf" = 4 ]; then pass "csv: 4 CRLF lines"; else fail "csv: $lines lines, $crlf CRLF"; fi
row=$(sed -n 4p "$TMP/out-dir/bulletin.csv" | tr -d '\r')
if [ "$row" = "3,U001,县住房和城乡建设局,83.0,黑榜 black,5,2,1,2,5,1,1,1,0,1,1,8.5,3,1,1,1,0,1,0,0,0,1,1,0,0" ]; then pass "csv: U001 row"
else fail "csv: U001 row" "$row"; fi

html="$TMP/out-dir/bulletin.html"
if grep -qi '<script\|https\?://\|<link\|src=' "$html"; then fail "html: script or external resource"
else pass "html: self-contained"; fi
n_svg=$(grep -o '<svg' "$html" | wc -l)
if [ "$n_svg" -ge 11 ]; then pass "html: $n_svg inline SVG charts"; else fail "html: $n_svg charts"; fi

required() {
    if [ "${CI:-}" = true ] || [ "${ROTA_CLIENTS_REQUIRED:-}" = 1 ]; then fail "$1 missing (required in CI)"
    else echo "SKIP: $1 not installed"; fi
}
if command -v tidy >/dev/null 2>&1; then
    if tidy -errors -q "$html" >"$TMP/tidy" 2>&1; then pass "html: tidy clean"
    else fail "html: tidy" "$(head -5 "$TMP/tidy")"; fi
else required tidy; fi

chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chrome" ] && command -v pdftotext >/dev/null 2>&1; then
    profile=$(mktemp -d "$TMP/chrome.XXXXXX")
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$TMP/b.pdf" \
        "file://$html" >/dev/null 2>&1
    pages=$(pdfinfo "$TMP/b.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    if pdfinfo "$TMP/b.pdf" | grep -q 'Page size: *59[45].* x 84[12].*(A4)'; then pass "pdf: A4"; else fail "pdf: not A4"; fi
    # Each unit summary on a page of its own, and no other page holds one.
    units_seen=0; bad=0; p=1
    while [ "$p" -le "${pages:-0}" ]; do
        k=$(pdftotext -f "$p" -l "$p" "$TMP/b.pdf" - | grep -c '单位小结')
        [ "$k" -gt 1 ] && bad=1
        units_seen=$((units_seen + k)); p=$((p + 1))
    done
    if [ "$units_seen" = 3 ] && [ "$bad" = 0 ] && [ "$pages" = 4 ]; then pass "pdf: one A4 page per unit (4 pages)"
    else fail "pdf: $pages pages, $units_seen unit summaries, bad $bad"; fi
else required "chromium or poppler-utils"; fi
finish
