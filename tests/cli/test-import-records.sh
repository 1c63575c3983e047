#!/bin/sh
# SPDX-License-Identifier: MIT
# test-import-records.sh: "rota import --records": check-in exports (attendance and
# findings CSV) into records.json; importing twice changes nothing; every broken sheet of
# tests/data/records-import-invalid reports exactly its expected lines, exits 1 and
# leaves the records file as it was.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

model="$DATA/records/model.json"
roster="$DATA/records/roster.json"
sheets="$DATA/records-import"
rec="$TMP/records.json"

run "import records: new file" "$ROTA" import --records "$rec" -m "$model" -r "$roster" \
    --attendance "$sheets/attendance.csv" --findings "$sheets/findings.csv"
expect_status 0
expect_out_line "$sheets/attendance.csv: 4 added, 0 recorded already"
expect_out_line "$sheets/findings.csv: 3 added, 0 recorded already"
expect_out_line "wrote $rec (4 attendance entries, 3 findings)"
# Names, the date forms and the status words became ids and format words.
for line in \
    '{ "date": "2026-12-01", "shift": "am", "segment": "S001", "person": "P0003", "status": "done", "by": "P0011" }' \
    '{ "date": "2026-12-02", "shift": "onsite", "segment": "S001", "person": "P0001", "status": "substituted", "substitute": "P0002", "note": "外出开会" }' \
    '{ "date": "2026-12-06", "shift": "am", "segment": "S001", "person": "P0002", "status": "done", "minutes": 90, "note": "临时加岗", "unscheduled": true }' \
    '{ "id": "F0001", "segment": "S001", "found": "2026-12-01T09:20:00+08:00", "category": "环卫", "source": "inspection", "text": "路边垃圾未清运", "deadline": "2026-12-02T09:20:00+08:00", "closed": "2026-12-01T16:05:00+08:00", "closed_by": "P0004" }' \
    '{ "id": "F0101", "segment": "S003", "found": "2026-12-02T08:00:00+08:00", "category": "市政", "source": "hotline", "text": "井盖破损", "deadline": "2026-12-05T08:00:00+08:00" }'; do
    if grep -qF "$line" "$rec"; then pass "import records: $(echo "$line" | cut -c1-60)"
    else fail "import records: missing $line" "$(cat "$rec")"; fi
done
"$ROTA" check "$model" >/dev/null 2>&1
cp "$rec" "$TMP/first"

run "import records again" "$ROTA" import --records "$rec" -m "$model" -r "$roster" \
    --attendance "$sheets/attendance.csv" --findings "$sheets/findings.csv"
expect_status 0
expect_out_line "$sheets/attendance.csv: 0 added, 4 recorded already"
expect_out_line "$sheets/findings.csv: 0 added, 3 recorded already"
if cmp -s "$rec" "$TMP/first"; then pass "import records again: same file byte for byte"
else fail "import records again: file changed"; fi

# The same check-in sheet saved by WPS as GB18030 is the same records.
run "import records GB18030" "$ROTA" import --records "$TMP/gb.json" -m "$model" \
    -r "$roster" --attendance "$sheets/attendance-gb18030.csv" \
    --findings "$sheets/findings.csv" -o "$TMP/gb.json"
expect_status 0
if cmp -s "$TMP/gb.json" "$TMP/first"; then pass "GB18030 sheet: same records as UTF-8"
else fail "GB18030 sheet: other records" "$(diff "$TMP/gb.json" "$TMP/first" | head -5)"; fi

# A later export closes a finding (by id) and another (by segment, time and text).
printf 'id,segment,found,category,text,closed,closed_by\r\nF0101,S003,2026-12-02 08:00,市政,井盖破损,2026-12-06 08:00,P0004\r\n,S002,2026-12-03T10:00:00+08:00,亮灯,路灯不亮,2026/12/3 18:30,孙丽\r\n' \
    >"$TMP/closings.csv"
run "import records: closings" "$ROTA" import --lang zh --records "$rec" -m "$model" \
    --findings "$TMP/closings.csv" -o "$TMP/closed.json"
expect_status 0
expect_out_line "$TMP/closings.csv：新增 2 条，已有 0 条"
if grep -qF '"id": "F0101", "segment": "S003", "found": "2026-12-02T08:00:00+08:00", "category": "市政", "source": "hotline", "text": "井盖破损", "deadline": "2026-12-05T08:00:00+08:00", "closed": "2026-12-06T08:00:00+08:00", "closed_by": "P0004" }' "$TMP/closed.json" &&
    grep -qF '"text": "路灯不亮", "deadline": "2026-12-04T10:00:00+08:00", "closed": "2026-12-03T18:30:00+08:00", "closed_by": "P0012" }' "$TMP/closed.json"
then pass "closings: both findings closed"; else fail "closings" "$(cat "$TMP/closed.json")"; fi
if cmp -s "$rec" "$TMP/first"; then pass "closings: -o left RECORDS alone"
else fail "closings: RECORDS changed although -o was given"; fi

run "import records: usage" "$ROTA" import --records "$rec" -m "$model" --findings x.csv --units u.csv
expect_status 2
run "import records: attendance needs the roster" "$ROTA" import --records "$rec" -m "$model" \
    --attendance "$sheets/attendance.csv"
expect_status 2
expect_err_line "rota: --attendance needs the roster its entries name: -r ROSTER (see 'rota help import')"

# The catalogue of broken sheets, against the committed records of the model.
n_cases=0
for dir in "$DATA"/records-import-invalid/*/; do
    [ -f "$dir/expected" ] || continue
    name=$(basename "$dir")
    n_cases=$((n_cases + 1))
    kind=attendance
    [ -f "$dir/findings.csv" ] && kind=findings
    cp "$DATA/records/records.json" "$TMP/case.json"
    (cd "$dir" && LANG=C "$ROTA" import --records "$TMP/case.json" -m "$model" \
        -r "$roster" --$kind $kind.csv) >"$TMP/out" 2>"$TMP/err"
    status=$?
    sed '$d' "$TMP/err" >"$TMP/lines"
    if [ "$status" -ne 1 ]; then
        fail "$name: exit $status, expected 1" "$(head -n 3 "$TMP/err")"
    elif ! diff -u "$dir/expected" "$TMP/lines" >"$TMP/diff"; then
        fail "$name: other error lines" "$(cat "$TMP/diff")"
    elif ! cmp -s "$TMP/case.json" "$DATA/records/records.json"; then
        fail "$name: the records file changed"
    elif [ -s "$TMP/out" ]; then
        fail "$name: stdout not empty" "$(head -n 3 "$TMP/out")"
    else
        pass "$name"
    fi
    # in Chinese every error is placed at the same file:line:column
    (cd "$dir" && "$ROTA" import --lang zh --records "$TMP/case.json" -m "$model" \
        -r "$roster" --$kind $kind.csv) 2>"$TMP/err-zh" >/dev/null
    place='s/^([^:]*:[0-9]+(:[0-9]+)?):.*/\1/'
    sed '$d' "$TMP/err-zh" | sed -E "$place" >"$TMP/places-zh"
    sed -E "$place" "$TMP/lines" >"$TMP/places"
    if diff -u "$TMP/places" "$TMP/places-zh" >"$TMP/diff"; then pass "$name: placed alike in Chinese"
    else fail "$name: placed differently in Chinese" "$(cat "$TMP/diff")"; fi
done
if [ "$n_cases" -ge 20 ]; then pass "records import catalogue: $n_cases cases"
else fail "records import catalogue: only $n_cases cases"; fi
finish
