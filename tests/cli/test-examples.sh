#!/bin/sh
# SPDX-License-Identifier: MIT
# test-examples.sh: the example programs, and county.json against its generator.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

: "${ROTA_TEST_BUILDDIR:?}"
county="$ROTA_TEST_SRCDIR/examples/county/county.json"
gen="$ROTA_TEST_BUILDDIR/examples/county/county-gen"
list="$ROTA_TEST_BUILDDIR/examples/list-people"
score="$ROTA_TEST_BUILDDIR/examples/score-roster"

# count_lines ERE: how many lines of the last run's stdout match ERE.
count_lines() { grep -c -E -- "$1" "$TMP/out"; }

# expect_count WHAT REGEX N: exactly N lines of stdout match REGEX.
expect_count() {
    n=$(count_lines "$2")
    if [ "$n" -eq "$3" ]; then pass "$name: $3 $1"
    else fail "$name: $n $1, expected $3"; fi
}

# --- list-people on the committed county
run "list-people county" "$list" "$county"
expect_status 0
expect_out_line "示例县 2026年12月值勤: 103 units, 2998 people"
expect_count "unit lines" '^U[0-9]{4} ' 103
expect_out_line "U0001 县委办公室	head 王佳燕	deputies 李庆永,谢敏	members 37"
expect_out_line "U0022 县生态环境分局	head 曹蕾红	deputies 邓佳	members 23"
expect_out_line "U0103 中国人民财产保险县支公司	head 许勇伟	deputies 刘旭波,张龙	members 23"
total=$(sed -n 's/.*	members \([0-9]*\)$/\1/p' "$TMP/out" |
    awk '{ s += $1 } END { print s }')
if [ "$total" = 2998 ]; then pass "list-people county: members add up to the people"
else fail "list-people county: members add up to $total"; fi

run "list-people usage" "$list"
expect_status 2
run "list-people missing file" "$list" "$TMP/no-such.json"
expect_status 1
expect_empty_out
expect_err_line "list-people: $TMP/no-such.json: cannot read: No such file or directory"

# --- the generator reproduces the committed file byte for byte
run "county-gen scale 1" "$gen" -q -o "$TMP/county.json"
expect_status 0
if cmp -s "$county" "$TMP/county.json"; then pass "county-gen: county.json is up to date"
else fail "county-gen: county.json differs from the generator's output" \
          "regenerate: county-gen -o examples/county/county.json"; fi

run "county-gen summary" "$gen" -o "$TMP/again.json"
expect_status 0
summary="103 units, 136 segments, 2998 people (party 1264, volunteer 1734, inspector 50)"
summary="$summary, 5 duties, 7882 cells, 16172 places, 3193 on-site cells"
expect_out_line "$TMP/again.json: $summary"

run "county-gen seed 2" "$gen" -q --seed 2 -o "$TMP/seed2.json"
expect_status 0
if cmp -s "$county" "$TMP/seed2.json"; then fail "county-gen: --seed 2 gave seed 1's file"
else pass "county-gen: --seed changes the draw"; fi

run "county-gen scale 2" "$gen" -q --scale 2 -o "$TMP/scale2.json"
expect_status 0
"$gen" -q --scale 2 -o "$TMP/scale2b.json"
if cmp -s "$TMP/scale2.json" "$TMP/scale2b.json"; then pass "county-gen scale 2: stable"
else fail "county-gen scale 2: two runs differ"; fi
run "list-people scale 2" "$list" "$TMP/scale2.json"
expect_status 0
expect_count "unit lines" '^U[0-9]{4} ' 206
expect_out_line "U0104 县委办公室·2	head 杨燕蕾	deputies 杨超帅	members 42"

# The quarter (季调度) and the year (年评比): valid models over 92 and 365 days, the
# official calendar's holidays and make-up days inside them, limits over the horizon
# scaled from the month's.
for h in quarter:2026-10-01:92 year:2026-01-01:365; do
    horizon=${h%%:*}
    rest=${h#*:}
    run "county-gen --horizon $horizon" "$gen" -q --horizon "$horizon" -o "$TMP/$horizon.json"
    expect_status 0
    run "rota check $horizon" "$ROTA" check "$TMP/$horizon.json"
    expect_status 0
    if grep -q "^  \"start\": \"${rest%%:*}\",$" "$TMP/$horizon.json" &&
        grep -q "^  \"days\": ${rest#*:},$" "$TMP/$horizon.json"; then
        pass "county-gen --horizon $horizon: ${rest#*:} days from ${rest%%:*}"
    else fail "county-gen --horizon $horizon: horizon" "$(grep -m2 '"start"\|"days"' "$TMP/$horizon.json")"; fi
done
if grep -q '"2026-10-01", "2026-10-02"' "$TMP/quarter.json" && grep -q '"2026-10-10"' "$TMP/quarter.json" &&
    grep -q '"max_weekends": 8' "$TMP/quarter.json" && grep -q '"max_weekends": 35' "$TMP/year.json"
then pass "county-gen: National Day, its make-up day and the weekend limit over the horizon"
else fail "county-gen: quarter/year calendar or limits" "$(grep -m3 'max_weekends\|holidays' "$TMP/quarter.json")"; fi
run "county-gen bad horizon" "$gen" --horizon week -o "$TMP/x.json"
expect_status 2

run "county-gen no output" "$gen"
expect_status 2
run "county-gen scale 0" "$gen" --scale 0 -o "$TMP/x.json"
expect_status 2
run "county-gen scale 401" "$gen" --scale 401 -o "$TMP/x.json"
expect_status 2
if [ ! -e "$TMP/x.json" ]; then pass "county-gen usage: nothing written"
else fail "county-gen usage: wrote a file"; fi
run "county-gen bad option" "$gen" --frobnicate -o "$TMP/x.json"
expect_status 2

# --- score-roster: an empty roster leaves every place open and every
# on-site hour missing (two of them unstaffed: head and deputies away);
# then one on-site hour and one full rush-hour team fill some.
cat >"$TMP/empty.json" <<'EOF'
{ "format": "rota-roster", "version": 1, "assignments": [] }
EOF
run "score-roster empty" "$score" "$county" "$TMP/empty.json" 3
expect_status 3
expect_out_line "  onsite_missing           3193           0"
if grep -q onsite_unstaffed "$TMP/out"; then fail "score-roster empty: the county leaves no unit without an on-site person"
else pass "score-roster empty: no onsite_unstaffed"; fi
expect_out_line "  uncovered                7882    16172000"
expect_out_line "  quota                    5842     2921000"
expect_out_line "  request                   172         349"
expect_count "violations shown" '^  (hard|soft) ' 3
expect_out_line "  ... and 17086 more"
expect_last_line "score: hard 3193 soft 19093349"

# U0001's head on site at its segment S0096, and a rush-hour team there of
# a party member and a volunteer: one on-site miss fewer, one cell covered
# with its quota, and U0001's fairness term for 2 of its 36 members
# working 90 minutes: floor(5 * (36 * 2 * 90^2 - 180^2) / (3600 * 36)) = 21.
cat >"$TMP/some.json" <<'EOF'
{ "format": "rota-roster", "version": 1, "assignments": [
  { "date": "2026-12-01", "shift": "onsite", "segment": "S0096", "person": "P00001",
    "duty": "onsite" },
  { "date": "2026-12-01", "shift": "am", "segment": "S0096", "person": "P00010",
    "duty": "rush-am" },
  { "date": "2026-12-01", "shift": "am", "segment": "S0096", "person": "P00005",
    "duty": "rush-am" }
] }
EOF
run "score-roster some" "$score" "$county" "$TMP/some.json" 0
expect_status 3
expect_out_line "$TMP/some.json: 3 assignments"
expect_out_line "  onsite_missing           3192           0"
expect_out_line "  uncovered                7881    16170000"
expect_out_line "  quota                    5841     2920500"
expect_out_line "  fairness                    1          21"
expect_count "violations shown" '^  (hard|soft) ' 0
expect_last_line "score: hard 3192 soft 19090870"

run "score-roster usage" "$score" "$county"
expect_status 2
run "score-roster bad count" "$score" "$county" "$TMP/empty.json" -1
expect_status 2
expect_err_line 'score-roster: N must be a count, not "-1"'
run "score-roster bad roster" "$score" "$county" "$county"
expect_status 1


# --- build-model: the builder's model saves, loads back and checks
build="$ROTA_TEST_BUILDDIR/examples/build-model"
solvep="$ROTA_TEST_BUILDDIR/examples/solve-progress"
publish="$ROTA_TEST_BUILDDIR/examples/publish-feeds"
run "build-model" "$build" "$TMP/built.json"
expect_status 0
expect_out_line "人民路 2026年12月第一周: 7 days, 3 shifts, 3 segments, 2 units, 10 people, 2 duties"
expect_out_line "18 duty cells, 18 places wanted, 10 on-site unit-days"
run "built model checks" "$ROTA" check "$TMP/built.json"
expect_status 0
expect_out_line "model is valid"
run "build-model usage" "$build"
expect_status 2

# --- solve-progress: cancelled by its watchdog long before its minute,
# reports progress, and still writes a roster that rota scores
run "solve-progress" "$solvep" "$TMP/built.json" "$TMP/built-roster.json" 0.5
expect_status 0
if [ -s "$TMP/built-roster.json" ]; then pass "solve-progress: roster written"
else fail "solve-progress: no roster"; fi
if grep -qE '^cancelled after [1-9][0-9]* progress reports$' "$TMP/out"; then
    pass "solve-progress: cancelled, with progress reports"
else fail "solve-progress: not cancelled" "$(head -3 "$TMP/out")"; fi
if grep -qE '^ +[0-9.]+ s  hard [0-9]+  soft [0-9]+  [0-9]+ moves$' "$TMP/err"; then
    pass "solve-progress: progress lines on stderr"
else fail "solve-progress: no progress lines" "$(head -3 "$TMP/err")"; fi
want=$(tail -n 1 "$TMP/out")
run "solve-progress roster scores" "$ROTA" score "$TMP/built.json" "$TMP/built-roster.json"
if [ "$status" -eq 0 ] || [ "$status" -eq 3 ]; then pass "$name: scored"
else fail "$name: exit $status" "$(head -3 "$TMP/err")"; fi
expect_last_line "$want"

# --- publish-feeds: a first publication writes everything, the same
# roster again rewrites nothing
run "publish-feeds" "$publish" "$TMP/built.json" "$TMP/built-roster.json" "$TMP/pub"
expect_status 0
expect_out_line "15 feeds: 16 files written, 0 unchanged"
expect_out_line "U1 县住房和城乡建设局: unit/U1.ics"
if [ -f "$TMP/pub/feeds/unit/U1.ics" ] && [ -f "$TMP/pub/index.json" ]; then
    pass "publish-feeds: feeds and index.json written"
else fail "publish-feeds: files missing"; fi
run "publish-feeds again" "$publish" "$TMP/built.json" "$TMP/built-roster.json" "$TMP/pub"
expect_status 0
expect_out_line "15 feeds: 0 files written, 16 unchanged"
if grep -qE '^[0-9]+ events: 0 new, 0 changed, 0 cancelled$' "$TMP/out"; then
    pass "publish-feeds again: no event changed"
else fail "publish-feeds again: events changed" "$(cat "$TMP/out")"; fi

finish
