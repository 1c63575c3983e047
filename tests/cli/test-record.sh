#!/bin/sh
# SPDX-License-Identifier: MIT
# test-record.sh: "rota record": attendance, findings and closings appended atomically; refusals write nothing.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

model="$DATA/records/model.json"
roster="$DATA/records/roster.json"
rec="$TMP/records.json"

run "record new file" "$ROTA" record attendance "$rec" -m "$model" -r "$roster" \
    --date 2026-12-01 --shift am --person P0003 --status done --by P0011
expect_status 0
expect_out_line "recorded: 2026-12-01 am P0003 done"
if grep -qF '{ "date": "2026-12-01", "shift": "am", "segment": "S001", "person": "P0003", "status": "done", "by": "P0011" }' "$rec"
then pass "record: entry written with its segment"; else fail "record: entry" "$(cat "$rec")"; fi

cp "$rec" "$TMP/before"
run "record twice" "$ROTA" record attendance "$rec" -m "$model" -r "$roster" \
    --date 2026-12-01 --shift am --person P0003 --status late
expect_status 1
expect_err_line "rota: person: 2026-12-01 am S001 P0003 is already recorded (attendance[0])"
if cmp -s "$rec" "$TMP/before"; then pass "record twice: file unchanged"; else fail "record twice: file changed"; fi

run "record not in roster" "$ROTA" record attendance "$rec" -m "$model" -r "$roster" \
    --date 2026-12-01 --shift am --segment S001 --person P0002 --status done
expect_status 1
if cmp -s "$rec" "$TMP/before"; then pass "not in roster: file unchanged"; else fail "not in roster: file changed"; fi

run "record unscheduled" "$ROTA" record attendance "$rec" -m "$model" -r "$roster" \
    --date 2026-12-06 --shift am --segment S001 --person P0002 --status done --minutes 90 --unscheduled
expect_status 0

run "record substituted" "$ROTA" record attendance "$rec" -m "$model" -r "$roster" \
    --date 2026-12-02 --shift onsite --person P0001 --status substituted --substitute P0002
expect_status 0
run "record substituted without substitute" "$ROTA" record attendance "$rec" -m "$model" -r "$roster" \
    --date 2026-12-03 --shift onsite --person P0001 --status substituted
expect_status 1
expect_err_line 'rota: substitute: status "substituted" needs a substitute'

run "record needs roster" "$ROTA" record attendance "$rec" -m "$model" \
    --date 2026-12-03 --shift onsite --person P0001 --status done
expect_status 2

# Deadlines from rules.deadlines: 环卫 24 h, utilities (市政) 72 h, default 道路 72 h, 建筑 168 h.
run "finding" "$ROTA" record finding "$rec" -m "$model" --segment S002 --category 环卫 \
    --source hotline --text '路边垃圾未清运' --found 2026-12-01T09:20:00+08:00
expect_status 0
expect_out_line "F0001 recorded, deadline 2026-12-02T09:20:00+08:00"
run "finding utilities" "$ROTA" record finding "$rec" -m "$model" --segment S002 --category 市政 \
    --text '井盖松动' --found 2026-12-01T10:00:00+08:00
expect_out_line "F0002 recorded, deadline 2026-12-04T10:00:00+08:00"
run "finding building" "$ROTA" record finding "$rec" -m "$model" --segment S003 --category building \
    --text '违章搭建' --found 2026-12-01T10:00:00Z
expect_out_line "F0003 recorded, deadline 2026-12-08T18:00:00+08:00"
run "finding zh" "$ROTA" record --lang zh finding "$rec" -m "$model" --segment S001 --category road \
    --text '路面坑洼' --found 2026-12-02T08:00:00+08:00
expect_out_line "F0004 已登记，限时 2026-12-05T08:00:00+08:00"
run "finding bad category" "$ROTA" record finding "$rec" -m "$model" --segment S001 --category 卫生 --text x
expect_status 1
run "finding bad time" "$ROTA" record finding "$rec" -m "$model" --segment S001 --category 环卫 --text x --found 2026-12-01
expect_status 1
expect_err_line 'rota: found: "2026-12-01" is not a time (expected RFC 3339, e.g. "2026-12-01T09:20:00+08:00")'

run "close" "$ROTA" record close "$rec" -m "$model" F0001 --at 2026-12-01T16:05:00+08:00 --by P0005
expect_status 0
expect_out_line "F0001 closed at 2026-12-01T16:05:00+08:00 (in time)"
run "close late" "$ROTA" record close "$rec" -m "$model" F0002 --at 2026-12-05T10:00:00+08:00
expect_out_line "F0002 closed at 2026-12-05T10:00:00+08:00 (late)"
run "close again" "$ROTA" record close "$rec" -m "$model" F0001
expect_status 1
expect_err_line "rota: F0001 was closed already at 2026-12-01T16:05:00+08:00"
run "close unknown" "$ROTA" record close "$rec" -m "$model" F0404
expect_status 1

# The file stays loadable with the roster, and reads as written.
run "reload" "$ROTA" record close "$rec" -m "$model" -r "$roster" F0003 --at 2026-12-09T10:00:00+08:00
expect_status 0
n=$(grep -c '"status"' "$rec"); f=$(grep -c '"id": "F' "$rec")
if [ "$n" = 3 ] && [ "$f" = 4 ]; then pass "records: 3 entries, 4 findings"; else fail "records: $n entries, $f findings"; fi
if ls "$TMP" | grep -q 'records.json.'; then fail "temporary file left"; else pass "no temporary file left"; fi

run "usage" "$ROTA" record bogus "$rec" -m "$model"
expect_status 2
run "help" "$ROTA" help record
expect_status 0
finish
