#!/bin/sh
# Speed and memory on large reports and batches, against poppler's own
# text extraction (`pdftotext -bbox-layout`) on the same files.
#   bench/large.sh [ARSRED]          (default build/arsred; run `make` first)
# 1. Reports of 100 and 300+ pages, made by joining every fixture (all
#    producers and layouts) with pdfunite: wall time, pages per second and
#    peak memory of both tools, best of 3 runs.
# 2. A batch: the fixtures and the real corpus, -j 1 against -j 2.
set -eu
cd "$(dirname "$0")/.."
arsred=${1:-build/arsred}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pages_of() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# A report of at least $1 pages: the fixtures joined, again and again.
make_report() {
    want=$1 out=$2 n=0
    set --
    while [ "$n" -lt "$want" ]; do
        for f in fixtures/*.pdf fixtures/series/*.pdf; do
            set -- "$@" "$f"
            n=$((n + $(pages_of "$f")))
        done
    done
    pdfunite "$@" "$out"
}

# best wall time (s) and its peak RSS (KB) of a command over 3 runs
measure() {
    best="" best_kb=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
        read -r s kb <"$tmp/t"
        if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s best_kb=$kb; fi
    done
    echo "$best $best_kb"
}

printf '%-8s %6s %9s %9s %7s %10s %10s %9s %9s\n' report pages arsred_s pdftxt_s ratio arsred_p/s pdftxt_p/s arsred_MB pdftxt_MB
for size in 100 300; do
    make_report "$size" "$tmp/r$size.pdf"
    pages=$(pages_of "$tmp/r$size.pdf")
    set -- $(measure "$arsred" extract --quiet "$tmp/r$size.pdf")
    a=$1 akb=$2
    set -- $(measure pdftotext -bbox-layout "$tmp/r$size.pdf" "$tmp/out.html")
    p=$1 pkb=$2
    awk -v f="$size" -v n="$pages" -v a="$a" -v p="$p" -v ak="$akb" -v pk="$pkb" 'BEGIN {
        printf "%-8s %6d %9.2f %9.2f %7.2f %10.0f %10.0f %9.1f %9.1f\n",
               f, n, a, p, a / p, n / a, n / p, ak / 1024, pk / 1024 }'
done

mkdir "$tmp/batch"
for f in fixtures/*.pdf fixtures/series/*.pdf ../shared/corpus/real/*.pdf; do
    [ -f "$f" ] && cp "$f" "$tmp/batch/"
done
files=$(ls "$tmp/batch" | wc -l)
set -- $(measure "$arsred" extract --quiet -j 1 -o "$tmp/out1" "$tmp"/batch/*.pdf)
j1=$1
set -- $(measure "$arsred" extract --quiet -j 2 -o "$tmp/out2" "$tmp"/batch/*.pdf)
j2=$1
awk -v n="$files" -v a="$j1" -v b="$j2" -v c="$(nproc)" \
    'BEGIN { printf "batch of %d files on %d cores: -j 1 %.2f s, -j 2 %.2f s, speed-up %.2f\n", n, c, a, b, a / b }'
