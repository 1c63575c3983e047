#!/bin/sh
# SPDX-License-Identifier: MIT
# test-views.sh: rota export csv and html on the small model: golden files byte for
# byte, what may go public, usage errors, a stale page removed.
# Golden files: regenerate with the commands below and review the diff.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"
. "$ROTA_TEST_SRCDIR/tests/views/lib.sh"

golden="$DATA/views"

run "csv" "$ROTA" export csv "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/small.csv" --lang en
expect_status 0
expect_out_line "csv $TMP/small.csv: 11 rows"
if cmp -s "$golden/small.csv" "$TMP/small.csv"; then pass "csv: byte for byte"
else fail "csv: differs from tests/data/views/small.csv" "$(diff "$golden/small.csv" "$TMP/small.csv" | head -5)"; fi
if [ "$(head -c 3 "$TMP/small.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then pass "csv: BOM"
else fail "csv: no UTF-8 BOM"; fi
lines=$(wc -l <"$TMP/small.csv")
crlf=$(grep -c "$(printf '\r')\$" "$TMP/small.csv")
if [ "$lines" -eq 12 ] && [ "$crlf" -eq 12 ]; then pass "csv: 12 lines, all CRLF"
else fail "csv: $lines lines, $crlf with CRLF"; fi

run "html" "$ROTA" export html "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/site" \
    --feeds-url "$SMALL_URL" --secret "$SMALL_SECRET" --now "$SMALL_NOW" --lang en
expect_status 0
expect_out_line "site $TMP/site: 13 pages, 0.1 MB, 7 QR codes; publish $TMP/site/public/, keep $TMP/site/internal/ inside"
if diff -r "$golden/site" "$TMP/site" >"$TMP/diff" 2>&1; then pass "html: byte for byte"
else fail "html: differs from tests/data/views/site" "$(head -20 "$TMP/diff")"; fi

# Nothing loaded from elsewhere; without --feeds-url no URL at all.
refs=$(external_refs "$TMP/site")
if [ -z "$refs" ]; then pass "html: no external resource"
else fail "html: external resources" "$refs"; fi
run "html without url" "$ROTA" export html "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/bare" \
    --now "$SMALL_NOW"
expect_status 0
if ! grep -rlE 'https?:|//[a-z]' "$TMP/bare" >"$TMP/urls"; then pass "html without url: no URL in any page"
else fail "html without url: URLs" "$(head -3 "$TMP/urls")"; fi
if [ ! -e "$TMP/bare.secret" ]; then pass "html without url: no secret key made"
else fail "html without url: made a secret key"; fi

# public/ names no personal feed: every token the internal slips carry is
# absent from public/, and the public QR codes point to segment feeds only.
tokens=$(grep -rhoE 'person/[^"<]*-[0-9a-f]{24}\.ics' "$TMP/site/internal" | sort -u)
if [ "$(echo "$tokens" | wc -l)" -eq 5 ]; then pass "html: five personal feed URLs on the unit pages"
else fail "html: personal feed URLs on the unit pages" "$tokens"; fi
leaks=""
for t in $tokens; do
    token=${t%.ics}
    leaks="$leaks$(grep -rl -- "${token##*-}" "$TMP/site/public")"
done
if [ -z "$leaks" ] && ! grep -rq 'feeds/person' "$TMP/site/public"; then
    pass "html: public/ names no personal feed"
else fail "html: public/ names a personal feed" "$leaks"; fi
# The same token as `rota export ics` with the same key.
"$ROTA" export ics "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/pub" --secret "$SMALL_SECRET" \
    --now "$SMALL_NOW" >/dev/null
missing=""
for t in $tokens; do [ -f "$TMP/pub/feeds/$t" ] || missing="$missing $t"; done
if [ -z "$missing" ]; then pass "html: slips point to the feeds export ics publishes"
else fail "html: slips point to feeds that export ics does not publish" "$missing"; fi

# A page of a segment that left the model is removed on the next export.
: >"$TMP/site/public/segment/S9.html"
: >"$TMP/site/public/segment/notes.txt"
"$ROTA" export html "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/site" --feeds-url "$SMALL_URL" \
    --secret "$SMALL_SECRET" --now "$SMALL_NOW" >/dev/null
if [ ! -e "$TMP/site/public/segment/S9.html" ] && [ -e "$TMP/site/public/segment/notes.txt" ]; then
    pass "html again: stale page removed, other files kept"
else fail "html again: stale pages"; fi
if diff -r -x notes.txt "$golden/site" "$TMP/site" >/dev/null 2>&1; then pass "html again: same bytes"
else fail "html again: bytes changed"; fi

# The signs show the week of --now; outside the horizon, its first or last.
"$ROTA" export html "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/late" --now 2027-03-01T00:00:00Z >/dev/null
if grep -q '本周值勤（12月28日—1月3日）' "$TMP/late/public/segment/S1.html"; then
    pass "html: a time after the horizon shows its last week"
else fail "html: week after the horizon" "$(grep -o '本周值勤[^<]*' "$TMP/late/public/segment/S1.html")"; fi

# Usage errors: exit 2, nothing written.
run "usage xlsx --feeds-url" "$ROTA" export xlsx "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/x.xlsx" \
    --feeds-url "$SMALL_URL"
expect_status 2
expect_err_line "rota: --feeds-url, --secret and --now apply to html only (see 'rota help export')"
run "usage no -o" "$ROTA" export csv "$SMALL_MODEL" "$SMALL_ROSTER"
expect_status 2
run "usage bad url" "$ROTA" export html "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/u" --feeds-url ftp://x/
expect_status 2
if [ ! -e "$TMP/u" ] && [ ! -e "$TMP/x.xlsx" ]; then pass "usage: nothing written"
else fail "usage: something written"; fi
run "usage format" "$ROTA" export pdf "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/x"
expect_status 2
expect_err_line "rota: unknown export format \"pdf\" (expected ics, sheets, xlsx, csv or html) (see 'rota help export')"
run "bad roster" "$ROTA" export csv "$SMALL_MODEL" "$TMP/none.json" -o "$TMP/n.csv"
expect_status 1
if [ ! -e "$TMP/n.csv" ]; then pass "bad roster: nothing written"; else fail "bad roster: wrote"; fi

# Chinese summary lines with --lang zh.
run "csv zh" "$ROTA" export csv "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/zh.csv" --lang zh
expect_out_line "CSV $TMP/zh.csv：11 行"

finish
