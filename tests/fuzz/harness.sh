# SPDX-License-Identifier: MIT
# tests/fuzz/harness.sh: sourced by run.sh and campaign.sh, so both run a
# harness the same way.  Needs $srcdir (the source tree).

# fuzz_seed HARNESS CORPUS: check the harness is built and give CORPUS the
# committed seeds when it does not exist yet.
fuzz_seed() {
    [ -x "tests/fuzz/fuzz-$1" ] || { echo "tests/fuzz/fuzz-$1: not built (make fuzz)" >&2; exit 1; }
    [ -d "$2" ] && [ -n "$(ls -A "$2")" ] && return 0
    mkdir -p "$2"
    cp -R "$srcdir/tests/fuzz/corpus/$1/." "$2/"
}

# fuzz_run HARNESS CORPUS SECONDS ARTIFACT_PREFIX LOG [COMMAND PREFIX...]:
# one libFuzzer run with the harness's keys dictionary, leaks and UBSan
# fatal; the exit status is libFuzzer's.
fuzz_run() {
    fuzz_h=$1 fuzz_corpus=$2 fuzz_seconds=$3 fuzz_prefix=$4 fuzz_log=$5
    shift 5
    case $fuzz_h in
    curtois | grid) fuzz_dict= ;;
    import) fuzz_dict=-dict=$srcdir/tests/fuzz/csv.dict ;;
    records) fuzz_dict=-dict=$srcdir/tests/fuzz/records.dict ;;
    *) fuzz_dict=-dict=$srcdir/tests/fuzz/json.dict ;;
    esac
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$@" "tests/fuzz/fuzz-$fuzz_h" $fuzz_dict -max_total_time="$fuzz_seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$fuzz_prefix" -print_final_stats=1 \
        "$fuzz_corpus" >"$fuzz_log" 2>&1
}
