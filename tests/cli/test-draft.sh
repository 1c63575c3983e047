#!/bin/sh
# SPDX-License-Identifier: MIT
# test-draft.sh: the draft-roster example fills a county roster that rota can score.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

: "${ROTA_TEST_BUILDDIR:?}"
draft="$ROTA_TEST_BUILDDIR/examples/draft-roster"
county="$ROTA_TEST_SRCDIR/examples/county/county.json"

run "draft county" "$draft" "$county" "$TMP/draft1.json"
expect_status 0
summary_re='^draft-roster: naive greedy draft, not the solver: [1-9][0-9]* assignments,'
summary_re="$summary_re hard [0-9]+, soft [0-9]+\$"
if grep -Eq "$summary_re" "$TMP/out"; then pass "draft county: summary line"
else fail "draft county: summary line" "$(head -3 "$TMP/out")"; fi
if [ -s "$TMP/draft1.json" ]; then pass "draft county: roster written"
else fail "draft county: roster written"; fi

# The saved roster loads and scores (3: it may break hard rules, it is a draft),
# and rota agrees with the totals the draft printed.
run "score draft" "$ROTA" score "$county" "$TMP/draft1.json"
case $status in
    0|3) pass "score draft: exit $status" ;;
    *) fail "score draft: exit $status, expected 0 or 3" "$(head -3 "$TMP/err")" ;;
esac
last=$(tail -n 1 "$TMP/out")
if printf '%s\n' "$last" | grep -Eqx 'score: hard [0-9]+ soft [0-9]+'; then
    pass "score draft: last line '$last'"
else fail "score draft: last line '$last'"; fi
summary=$("$draft" "$county" "$TMP/draft2.json" |
    sed -n 's/.*, hard \([0-9]*\), soft \([0-9]*\)$/score: hard \1 soft \2/p')
if [ "$summary" = "$last" ]; then pass "score draft: the draft's own totals agree"
else fail "score draft: draft says '$summary', rota says '$last'"; fi

if cmp -s "$TMP/draft1.json" "$TMP/draft2.json"; then pass "draft twice: byte-identical"
else fail "draft twice: files differ"; fi

run "draft usage" "$draft" "$county"
expect_status 2
run "draft missing model" "$draft" "$TMP/none.json" "$TMP/draft3.json"
expect_status 1
if [ ! -e "$TMP/draft3.json" ]; then pass "draft missing model: nothing written"
else fail "draft missing model: a file was written"; fi

finish
