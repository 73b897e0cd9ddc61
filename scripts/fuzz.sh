#!/bin/sh
# Builds the libFuzzer targets of fuzz/ with clang in build-fuzz and runs
# each for SECONDS (default 60). Seeds: fuzz/corpus/<target>/, and for
# fuzz_pipeline the fixture PDFs (linked, not copied). What the fuzzer
# learns goes to build-fuzz/corpus/<target>/, logs to build-fuzz/logs/.
# A crash, leak or sanitizer report makes the script exit 1; the input
# that caused it stays in build-fuzz/crashes/<target>/ (copy it to
# tests/data/fuzz-regressions/<target>/ once it is fixed).
#
#   scripts/fuzz.sh [SECONDS]            every target
#   TARGETS="fuzz_number" scripts/fuzz.sh 20
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
build=${BUILD_FUZZ:-build-fuzz}
targets=${TARGETS:-"fuzz_number fuzz_patterns fuzz_layout fuzz_pipeline"}
cc=${FUZZ_CC:-clang}

case $seconds in
    ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac
if ! command -v "$cc" >/dev/null 2>&1; then
    echo "arsred: $cc not found; run scripts/install-deps.sh (it installs clang)" >&2
    exit 2
fi

cmake -S . -B "$build" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DARSRED_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j 2 --target $targets

# The fixture PDFs (and the broken ones) seed the pipeline.
seeds="$build/seeds/fuzz_pipeline"
rm -rf "$seeds"
mkdir -p "$seeds"
for f in fixtures/*.pdf fixtures/series/*.pdf fixtures/bad/*; do
    if [ -s "$f" ]; then ln -s "$root/$f" "$seeds/$(echo "$f" | tr / _)"; fi
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

failed=""
for t in $targets; do
    corpus="$build/corpus/$t"
    crashes="$build/crashes/$t"
    log="$build/logs/$t.log"
    mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
    set -- "$corpus" "fuzz/corpus/$t"
    max_len=8192
    if [ "$t" = fuzz_layout ]; then
        max_len=16384
    elif [ "$t" = fuzz_pipeline ]; then
        set -- "$@" "$seeds"
        max_len=400000
    fi
    dict=""
    [ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
    echo "arsred: fuzzing $t for ${seconds}s (log: $log)" >&2
    # shellcheck disable=SC2086
    if "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=$max_len -artifact_prefix="$crashes/" -print_final_stats=1 \
        $dict "$@" >"$log" 2>&1; then
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        echo "arsred: $t: ${execs:-?} runs, ${rate:-?}/s, no crash" >&2
    else
        failed="$failed $t"
        echo "arsred: $t: crashed; input kept in $crashes/:" >&2
        ls "$crashes" >&2 || true
        grep -m 20 -E "^(==[0-9]+==ERROR|SUMMARY|.*runtime error| +#[0-9]+ )" "$log" >&2 || true
        echo "arsred: $t: replay with $build/fuzz/$t FILE; full report in $log" >&2
    fi
done

if [ -n "$failed" ]; then
    echo "arsred: fuzzing found problems in:$failed" >&2
    exit 1
fi
