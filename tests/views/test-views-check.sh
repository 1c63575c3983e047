#!/bin/sh
# SPDX-License-Identifier: MIT
# test-views-check.sh: the workbook read back with python3-openpyxl and every page
# of the site through tidy's HTML5 check, on the small model, on awkward unit
# names and on the county (a roster of a short reproducible solve).
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"
. "$ROTA_TEST_SRCDIR/tests/views/lib.sh"

need tidy
need_openpyxl
check_xlsx="$ROTA_TEST_SRCDIR/tests/views/check-xlsx.py"
county="$ROTA_TEST_SRCDIR/examples/county/county.json"

# xlsx_ok NAME MODEL ROSTER: export the workbook and read it back.
xlsx_ok() {
    run "$1 xlsx" "$ROTA" export xlsx "$2" "$3" -o "$TMP/$1.xlsx"
    expect_status 0
    if /usr/bin/python3 "$check_xlsx" "$2" "$3" "$TMP/$1.xlsx" >"$TMP/check" 2>&1; then
        pass "$1 xlsx: read back: $(tail -n 1 "$TMP/check")"
    else fail "$1 xlsx: read back" "$(head -8 "$TMP/check")"; fi
}

# tidy_ok NAME DIR: every page of the site passes `tidy -errors -q` (HTML5).
tidy_ok() {
    bad=""
    n=0
    for page in $(find "$2" -name '*.html' | LC_ALL=C sort); do
        n=$((n + 1))
        tidy -errors -q "$page" >/dev/null 2>"$TMP/tidy" || bad="$bad $page: $(head -2 "$TMP/tidy")"
    done
    if [ -z "$bad" ] && [ "$n" -gt 0 ]; then pass "$1 html: $n pages pass tidy"
    else fail "$1 html: tidy" "$bad"; fi
    refs=$(external_refs "$2")
    if [ -z "$refs" ]; then pass "$1 html: no external resource"
    else fail "$1 html: external resources" "$(echo "$refs" | head -3)"; fi
}

xlsx_ok small "$SMALL_MODEL" "$SMALL_ROSTER"
run "small html" "$ROTA" export html "$SMALL_MODEL" "$SMALL_ROSTER" -o "$TMP/small" \
    --feeds-url "$SMALL_URL" --secret "$SMALL_SECRET" --now "$SMALL_NOW"
expect_status 0
tidy_ok small "$TMP/small"

# Unit names Excel refuses as sheet names (characters, length, a repeat once
# cut to 31 characters) and HTML must escape; a person without a unit.
/usr/bin/python3 - "$SMALL_MODEL" "$TMP/names.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
long = "县住房和城乡建设局[城管]:*?/\\督查组——一个非常非常非常长的单位名称用来测试截断"
m["units"][0]["name"] = "'" + long
m["units"][1]["name"] = long + "<&>"
del m["people"][4]["unit"]                      # P5 without a unit, serving by tag
m["duties"][0]["who"] = {"tags": ["party"]}
m["duties"][1]["who"] = {"tags": ["volunteer"]}
json.dump(m, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
"$ROTA" check "$TMP/names.json" >/dev/null 2>"$TMP/err" || fail "names: model" "$(cat "$TMP/err")"
xlsx_ok names "$TMP/names.json" "$SMALL_ROSTER"
run "names html" "$ROTA" export html "$TMP/names.json" "$SMALL_ROSTER" -o "$TMP/names" \
    --feeds-url "$SMALL_URL" --secret "$SMALL_SECRET" --now "$SMALL_NOW"
expect_status 0
tidy_ok names "$TMP/names"
if grep -q '督查组——一个非常非常非常长的单位名称用来测试截断&lt;&amp;&gt;' "$TMP/names/internal/index.html"; then
    pass "names html: names escaped"
else fail "names html: names escaped"; fi

# The county: 103 units, 136 segments, 31 days.
"$ROTA" solve "$county" --moves 1000 --threads 1 --quiet -o "$TMP/county.json" >/dev/null
xlsx_ok county "$county" "$TMP/county.json"
run "county csv" "$ROTA" export csv "$county" "$TMP/county.json" -o "$TMP/county.csv"
expect_status 0
rows=$(($(wc -l <"$TMP/county.csv") - 1))
n=$(/usr/bin/python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["assignments"]))' \
    "$TMP/county.json")
if [ "$rows" -eq "$n" ]; then pass "county csv: $rows rows, one per assignment"
else fail "county csv: $rows rows for $n assignments"; fi
run "county html" "$ROTA" export html "$county" "$TMP/county.json" -o "$TMP/county" \
    --feeds-url https://rota.example.cn/ --now 2026-12-09T08:00:00+08:00
expect_status 0
pages=$(find "$TMP/county" -name '*.html' | wc -l)
if [ "$pages" -eq 272 ]; then pass "county html: 272 pages (2 indexes, 136 signs, 103 units, 31 days)"
else fail "county html: $pages pages"; fi
tidy_ok county "$TMP/county"

finish
