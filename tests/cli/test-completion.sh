#!/bin/bash
# SPDX-License-Identifier: MIT
# test-completion.sh: the bash completion of rota, sourced as bash-completion would, offers the right words.
. "$ROTA_TEST_SRCDIR/tests/cli/common.sh"

script="$ROTA_TEST_SRCDIR/completion/rota.bash"
main=/usr/share/bash-completion/bash_completion

# complete_words WORDS...: COMPREPLY, one per line, for the command line
# WORDS with the cursor at the end of the last word.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _rota
    printf '%s\n' "${COMPREPLY[@]}" | sort
}

# expect WANTED WORDS...: the completions are exactly WANTED (space-separated).
expect() {
    want=$(printf '%s\n' $1 | sort)
    shift
    got=$(complete_words "$@")
    if [ "$got" = "$want" ]; then pass "complete '$*': $(echo $want)"
    else fail "complete '$*'" "got: $(echo $got), want: $(echo $want)"; fi
}

# The cases run twice: with bash-completion's helpers (as installed) and
# with the script alone (plain compgen).
run_cases() {
    mkdir -p "$TMP/w/pub"
    : >"$TMP/w/county.json"; : >"$TMP/w/roster.json"; : >"$TMP/w/notes.md"
    : >"$TMP/w/units.csv"
    cd "$TMP/w" || exit 1
    expect "score solve swap" rota s
    expect "check" rota ch
    expect "--help --version" rota --
    expect "bulletin check demo diff export help import record score solve swap" rota ""
    expect "--format --json --previous --lang --help" rota score --
    expect "--time-limit --threads --trace" rota solve --t
    expect "json curtois" rota check --format ""
    expect "en zh" rota score --lang ""
    expect "ics sheets xlsx csv html" rota export ""
    expect "--output --feeds-url --secret --now --lang --help" rota export html --
    expect "--output --lang --help" rota export xlsx --
    expect "units.csv" rota export csv county.json roster.json -o u
    expect "attendance finding close" rota record ""
    expect "county.json" rota record attendance records.json -m co
    expect "absent" rota record attendance records.json --status ab
    expect "hotline" rota record finding records.json --source h
    expect "--category" rota record finding records.json --c
    expect "--suggest --shift" rota swap county.json roster.json --s
    expect "" rota swap county.json roster.json -s ""
    expect "--month" rota bulletin county.json roster.json records.json --m
    expect "pub" rota bulletin county.json roster.json records.json -o ""
    expect "--output --previous --secret --now --keep-cancelled --help" rota export ics --
    expect "county.json pub roster.json" rota score ""
    expect "county.json" rota solve co
    expect "pub" rota export ics county.json roster.json -o ""
    expect "units.csv pub" rota import --base county.json --units ""
    expect "demo diff" rota help d
    cd - >/dev/null || exit 1
}

if [ -r "$main" ]; then
    # shellcheck disable=SC1090
    . "$main"
    . "$script"
    if [ "$(complete -p rota)" = "complete -F _rota rota" ]; then pass "registered for rota"
    else fail "not registered: $(complete -p rota 2>&1)"; fi
    run_cases
    unset -f _filedir _init_completion
else
    echo "bash-completion is not installed: only the plain compgen cases run"
fi
. "$script"
run_cases

finish
