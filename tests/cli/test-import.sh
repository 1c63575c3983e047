#!/bin/sh
# SPDX-License-Identifier: MIT
# test-import.sh: rota import and rota export sheets: the county's sheets give
# county.json byte for byte, export then import gives the model back, a
# GB18030 sheet equals its UTF-8 twin, the CSV forms Excel and WPS write
# (tab, CRLF, BOM, quoting, blank rows, full-width spaces, date forms, lists,
# names) give the golden model, and usage errors exit 2.

: "${ROTA:?ROTA must name the built rota tool}"
: "${ROTA_TEST_SRCDIR:?}"
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

SRC="$ROTA_TEST_SRCDIR"
COUNTY="$SRC/examples/county/county.json"
SHEETS="$SRC/examples/county/sheets"

# same_file NAME EXPECTED GOT: byte for byte.
same_file() {
    if cmp -s "$2" "$3"; then pass "$1"
    else fail "$1" "$(diff "$2" "$3" | head -n 5)"; fi
}

# 1. The county's sheets (one people file in GB18030) give county.json.
run "county sheets" "$ROTA" import --base "$SHEETS/base.json" --units "$SHEETS/units.csv" \
    --segments "$SHEETS/segments.csv" --people "$SHEETS/people.csv" \
    --people "$SHEETS/people-U0103.csv" --off "$SHEETS/off.csv" \
    --requests "$SHEETS/requests.csv" -o "$TMP/county.json"
expect_status 0
expect_out_line "$SHEETS/people-U0103.csv: 23 people (GB18030, comma-separated)"
expect_out_line "$SHEETS/people.csv: 2975 people (UTF-8 with BOM, comma-separated)"
expect_out_line "references resolved by name: 23"
same_file "county sheets: county.json byte for byte" "$COUNTY" "$TMP/county.json"

# 2. export sheets, then import: the same bytes.
run "export sheets" "$ROTA" export sheets "$COUNTY" -o "$TMP/sheets"
expect_status 0
for f in units segments people off requests; do
    name="export sheets: $f.csv"
    if [ "$(head -c 3 "$TMP/sheets/$f.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then
        pass "$name starts with a UTF-8 BOM"
    else fail "$name has no BOM"; fi
    if [ "$(grep -c "$(printf '\r')\$" "$TMP/sheets/$f.csv")" -eq "$(wc -l <"$TMP/sheets/$f.csv")" ]; then
        pass "$name ends every line with CRLF"
    else fail "$name has lines without CR"; fi
done
D="$TMP/sheets"
run "import exported sheets" "$ROTA" import --base "$D/base.json" --units "$D/units.csv" \
    --segments "$D/segments.csv" --people "$D/people.csv" --off "$D/off.csv" \
    --requests "$D/requests.csv" -o "$TMP/again.json"
expect_status 0
same_file "import(export(county)) is county.json" "$COUNTY" "$TMP/again.json"

# 3. The GB18030 file equals its UTF-8 twin.
run "UTF-8 twin" "$ROTA" import --base "$SHEETS/base.json" --units "$SHEETS/units.csv" \
    --segments "$SHEETS/segments.csv" --people "$SHEETS/people.csv" \
    --people "$DATA/import/people-U0103-utf8.csv" --off "$SHEETS/off.csv" \
    --requests "$SHEETS/requests.csv" -o "$TMP/twin.json"
expect_status 0
expect_out_line "$DATA/import/people-U0103-utf8.csv: 23 people (UTF-8, comma-separated)"
same_file "GB18030 import equals UTF-8 import" "$TMP/county.json" "$TMP/twin.json"

# 4. What Excel and WPS write gives the golden model.
F="$DATA/import/features"
run "features" "$ROTA" import --base "$DATA/import/base.json" --units "$F/units.csv" \
    --segments "$F/segments.csv" --people "$F/people.csv" --off "$F/off.csv" \
    --requests "$F/requests.csv" -o "$TMP/features.json"
expect_status 0
expect_out_line "$F/units.csv: 3 units (UTF-8, tab-separated)"
expect_out_line "references resolved by name: 12"
expect_out_line "tags: inspector 2 party 3 volunteer 1 网格员 1"
same_file "features: the golden model" "$F/expected.json" "$TMP/features.json"
run "features --lang zh" "$ROTA" import --lang zh --base "$DATA/import/base.json" \
    --units "$F/units.csv" -o "$TMP/zh.json"
expect_status 0
expect_out_line "$F/units.csv：3 个单位（UTF-8，制表符分隔）"

# 5. The base alone, and a base whose lists stay.
run "base only" "$ROTA" import --base "$DATA/import/base.json" -o "$TMP/base.json"
expect_status 0
run "base only: rota check" "$ROTA" check "$TMP/base.json"
expect_status 0

# 6. Usage and I/O.
run "no --base" "$ROTA" import -o "$TMP/x.json"
expect_status 2
run "no -o" "$ROTA" import --base "$DATA/import/base.json"
expect_status 2
run "missing sheet" "$ROTA" import --base "$DATA/import/base.json" --people "$TMP/none.csv" \
    -o "$TMP/x.json"
expect_status 1
if [ -e "$TMP/x.json" ]; then fail "missing sheet: a model was written"
else pass "missing sheet: nothing written"; fi
run "export sheets without -o" "$ROTA" export sheets "$COUNTY"
expect_status 2
finish
