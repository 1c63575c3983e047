#!/bin/sh
# SPDX-License-Identifier: MIT
# test-i18n.sh: the locale picks the language of rota's messages (gettext,
# po/zh_CN.po); --lang en|zh overrides it, also where the C locale is set
# or the named locale is not installed (a fresh Debian has only C.UTF-8).
# make check points ROTA_LOCALEDIR at the catalogue compiled in the build tree.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

: "${ROTA_LOCALEDIR:?ROTA_LOCALEDIR must name the build tree's catalogues}"
county="$ROTA_TEST_SRCDIR/examples/county/county.json"
roster="$ROTA_TEST_SRCDIR/examples/county/roster.json"
small="$DATA/cli/small-model.json"
small_roster="$DATA/cli/small-roster.json"

# in_locale LANG CMD...: CMD with only LANG naming the locale.
in_locale() {
    lang=$1; shift
    env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$lang" "$@"
}

for lang in zh_CN.UTF-8 zh_CN.utf8 zh_CN; do
    run "LANG=$lang check" in_locale "$lang" "$ROTA" check "$county"
    expect_status 0
    expect_out_line "模型有效"
done
run "LANG=zh_CN.UTF-8 check --lang en" in_locale zh_CN.UTF-8 "$ROTA" check --lang en "$county"
expect_status 0
expect_out_line "model is valid"
for lang in C C.UTF-8 POSIX en_US.UTF-8; do
    run "LANG=$lang check" in_locale "$lang" "$ROTA" check "$county"
    expect_out_line "model is valid"
    run "LANG=$lang check --lang zh" in_locale "$lang" "$ROTA" check --lang zh "$county"
    expect_status 0
    expect_out_line "模型有效"
done
run "LANG=C check --lang=zh_CN.UTF-8" in_locale C "$ROTA" check --lang=zh_CN.UTF-8 "$county"
expect_out_line "模型有效"
# LANGUAGE is gettext's own override, as in every GNU program.
run "LANGUAGE=zh_CN" env -u LC_ALL LANG=C.UTF-8 LANGUAGE=zh_CN "$ROTA" check "$county"
expect_out_line "模型有效"

# --help: the overview and a command's GOption help.
run "LANG=zh_CN.UTF-8 --help" in_locale zh_CN.UTF-8 "$ROTA" --help
expect_status 0
if grep -q '^用法：rota 命令' "$TMP/out" && grep -q '校验模型并列出其内容' "$TMP/out"; then
    pass "rota --help in Chinese"
else fail "rota --help in Chinese" "$(head -3 "$TMP/out")"; fi
run "LANG=C check --lang zh --help" in_locale C "$ROTA" check --lang zh --help
expect_status 0
if grep -q '校验模型文件并列出其内容。' "$TMP/out" &&
    grep -q '提示信息的语言：en 或 zh' "$TMP/out"; then
    pass "check --help in Chinese (summary and options)"
else fail "check --help in Chinese" "$(cat "$TMP/out")"; fi
run "help solve, en" in_locale C.UTF-8 "$ROTA" help solve
if grep -q 'Build a roster for a model by local search.' "$TMP/out"; then
    pass "help solve in English"
else fail "help solve in English" "$(head -5 "$TMP/out")"; fi

# Score: headings, constraint names and the explanations (message_zh).
run "score zh" in_locale zh_CN.UTF-8 "$ROTA" score "$small" "$small_roster"
expect_status 3
expect_out_line "硬约束违反："
if grep -q '^缺岗 ' "$TMP/out" && grep -q '^约束 ' "$TMP/out"; then
    pass "score zh: the table of terms in Chinese"
else fail "score zh: the table of terms in Chinese" "$(tail -12 "$TMP/out")"; fi
expect_err_line "rota: 值勤表违反了 6 项硬约束"
expect_last_line "score: hard 6 soft 4553"
run "score en" in_locale C "$ROTA" score "$small" "$small_roster"
expect_out_line "hard violations:"
expect_err_line "rota: the roster breaks 6 hard constraints"

# A usage error and an unknown --lang.
run "zh usage error" in_locale C "$ROTA" check --lang zh
expect_status 2
expect_err_line "rota: 需要一个模型文件（参见“rota help check”）"
run "--lang xx" in_locale zh_CN.UTF-8 "$ROTA" check --lang xx "$county"
expect_status 2
if grep -q '未知' "$TMP/err"; then pass "--lang xx: Chinese usage error (locale)"
else fail "--lang xx: Chinese usage error" "$(cat "$TMP/err")"; fi

# librota's own errors (it binds its text domain itself) follow too.
run "zh load error" in_locale zh_CN.UTF-8 "$ROTA" check "$TMP/missing.json"
expect_status 1
if grep -q "^rota: $TMP/missing.json：无法读取：" "$TMP/err"; then
    pass "zh load error: librota's message in Chinese"
else fail "zh load error: librota's message in Chinese" "$(cat "$TMP/err")"; fi
run "en load error" in_locale C "$ROTA" check "$TMP/missing.json"
if grep -q "^rota: $TMP/missing.json: cannot read: " "$TMP/err"; then
    pass "en load error"
else fail "en load error" "$(cat "$TMP/err")"; fi

# rota import: the summary and the sheets' errors follow the locale too
# (librota's catalogue, not Chinese text kept in the code).
features="$DATA/import/features"
run "import zh summary" in_locale zh_CN.UTF-8 "$ROTA" import --base "$DATA/import/base.json" \
    --units "$features/units.csv" --people "$features/people.csv" -o "$TMP/zh-import.json"
expect_status 0
expect_out_line "$features/units.csv：3 个单位（UTF-8，制表符分隔）"
expect_out_line "$features/people.csv：6 人（UTF-8，逗号分隔）"
expect_out_line "按名称找到的引用：8"
expect_out_line "身份： inspector 2 party 3 volunteer 1 网格员 1"
run "import zh calendars" in_locale zh_CN.UTF-8 "$ROTA" import \
    --base "$DATA/import/ics-base.json" --availability "$DATA/import/ics" -o "$TMP/zh-ics.json"
expect_status 0
expect_out_line "日历：8 个文件，21 个（日期，班次）不可排班"
expect_out_line "$DATA/import/ics/P4.ics：不可排班 2027-03-19 全天 2027-03-20 全天 2027-04-01 全天"
suggest="$DATA/import-invalid/unknown-unit-suggestion/people.csv"
run "import zh error" in_locale zh_CN.UTF-8 "$ROTA" import --base "$DATA/import/base.json" \
    --people "$suggest" -o "$TMP/zh-bad.json"
expect_status 1
expect_err_line "$suggest:2:3: 列 单位 (unit): 未知单位“县住建局”（是不是“县住房和城乡建设局”？）"
run "import en error" in_locale C "$ROTA" import --base "$DATA/import/base.json" \
    --people "$suggest" -o "$TMP/en-bad.json"
expect_err_line "$suggest:2:3: 列 单位 (unit): unknown unit \"县住建局\" (did you mean \"县住房和城乡建设局\"?)"

# Without a catalogue, messages stay English (the msgids).
# Load errors in Chinese, placed where the English ones are: every model of
# the invalid catalogue gives the same file:line:column (the locator reads
# the JSON path before ": ", which the translations keep), and a message
# that differs from the English one (it was translated).
place='s/^rota: ([^:：]*(:[0-9]+:[0-9]+)?).*/\1/'
n=0; same=0; translated=0
for model in "$DATA"/invalid/*/model.json; do
    n=$((n + 1))
    en=$(LANGUAGE= LC_ALL=C "$ROTA" check "$model" 2>&1 >/dev/null | head -n 1)
    zh=$(in_locale zh_CN.UTF-8 "$ROTA" check "$model" 2>&1 >/dev/null | head -n 1)
    [ "$(printf '%s' "$en" | sed -E "$place")" = "$(printf '%s' "$zh" | sed -E "$place")" ] &&
        same=$((same + 1))
    [ "$en" != "$zh" ] && translated=$((translated + 1))
done
name="invalid models in Chinese"
if [ "$n" -ge 80 ] && [ "$same" -eq "$n" ]; then pass "$name: $n placed alike"
else fail "$name: $same of $n placed alike"; fi
# a few messages are the same in both (an unreadable file, a bare number)
if [ "$translated" -ge $((n * 9 / 10)) ]; then pass "$name: $translated of $n translated"
else fail "$name: only $translated of $n translated"; fi

run "no catalogue" env -u LC_ALL -u LANGUAGE LANG=zh_CN.UTF-8 \
    ROTA_LOCALEDIR="$TMP/none" "$ROTA" check "$county"
expect_out_line "model is valid"

finish
