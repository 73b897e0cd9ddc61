#!/bin/sh
# Builds the libFuzzer targets of fuzz/ with clang in build-fuzz and runs
# each for SECONDS (default 60). Seeds: fuzz/corpus/<target>/, and for
# fuzz_pipeline pages of the fixture PDFs and of the real corpus. What the fuzzer
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
targets=${TARGETS:-"fuzz_number fuzz_patterns fuzz_json fuzz_layout fuzz_pipeline"}
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

# The pipeline's seeds: the fixture PDFs (and the broken ones) and the real
# corpus beside the source tree (../shared/corpus/real), where there is
# one (ARSRED_REAL_CORPUS names another), cut into small one-page PDFs
# (fuzz/make_seeds.py --cut, with qpdf; fuzz_pipeline reads the first pages
# of an input only). Cut again when the PDFs change; without qpdf the
# fixtures are linked whole.
seeds="$build/seeds/fuzz_pipeline"
case " $targets " in
*" fuzz_pipeline "*)
    real=${ARSRED_REAL_CORPUS:-../shared/corpus/real}
    pdfs=""
    # (and, of the hostile PDFs, the quick ones with odd geometry: pages
    # turned a quarter, boxes zero or negative)
    for f in fixtures/*.pdf fixtures/series/*.pdf fixtures/bad/* \
        fixtures/odd/odd-rotate.pdf fixtures/odd/odd-boxes.pdf; do
        if [ -e "$f" ]; then pdfs="$pdfs $f"; fi
    done
    real_pdfs=""
    if [ -d "$real" ]; then
        for f in "$real"/*.pdf; do
            if [ -s "$f" ]; then real_pdfs="$real_pdfs $f"; fi
        done
    fi
    stamp="$seeds/.cut" # the PDFs cut, one a line
    # shellcheck disable=SC2086
    if [ "$(cat "$stamp" 2>/dev/null)" != "$(printf '%s\n' $pdfs $real_pdfs)" ] ||
        [ -n "$(find $pdfs $real_pdfs fuzz/make_seeds.py -newer "$stamp" 2>/dev/null)" ]; then
        rm -rf "$seeds"
        mkdir -p "$seeds"
        if command -v qpdf >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
            echo "arsred: cutting the seed PDFs into pages ($seeds)" >&2
            # shellcheck disable=SC2086
            python3 fuzz/make_seeds.py --cut "$seeds" $pdfs
            # shellcheck disable=SC2086
            [ -z "$real_pdfs" ] || python3 fuzz/make_seeds.py --cut "$seeds" --most 4 $real_pdfs
        else
            for f in $pdfs; do
                if [ -s "$f" ]; then ln -s "$root/$f" "$seeds/$(echo "$f" | tr / _)"; fi
            done
        fi
        # shellcheck disable=SC2086
        printf '%s\n' $pdfs $real_pdfs >"$stamp"
    fi
    ;;
esac

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
        max_len=2048 # a few pages of a few hundred characters (fuzz_layout.c)
    elif [ "$t" = fuzz_json ]; then
        max_len=16384
    elif [ "$t" = fuzz_pipeline ]; then
        set -- "$@" "$seeds"
        max_len=65536
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
