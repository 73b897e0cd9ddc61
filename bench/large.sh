#!/bin/sh
# Speed and memory on large reports and batches, against poppler's own
# text extraction (`pdftotext -bbox-layout`) on the same files.
#   bench/large.sh [ARSRED]          (default build/arsred; run `make` first)
# 1. Reports of 100+ and 300+ pages made of every fixture (all producers and
#    layouts), joined two ways: with qpdf, where the copies of a fixture
#    share its fonts and images as the pages of one real report do, and
#    with pdfunite, where every copy brings its own (so poppler's and
#    cairo's font caches fill up). For each: wall time, CPU time, pages per
#    second and peak memory, best of 5 runs, of arsred as it runs by default
#    (a file's next pages read in a second thread where a core is free),
#    of arsred -j 1 (one thread) and of pdftotext.
# 2. A page of 20 000 words.
# 3. A batch: the fixtures and the real corpus, -j 1 against -j 2.
set -eu
cd "$(dirname "$0")/.."
arsred=${1:-build/arsred}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# A report of at least $2 pages, joined with $1 (qpdf or pdfunite) from
# the fixtures, again and again, into $3.
make_report() {
    how=$1 want=$2 out=$3 n=0
    set --
    while [ "$n" -lt "$want" ]; do
        for f in fixtures/*.pdf fixtures/series/*.pdf; do
            set -- "$@" "$f"
            n=$((n + $(pages_of "$f")))
        done
    done
    if [ "$how" = qpdf ]; then
        qpdf --empty --pages "$@" -- "$out"
    else
        pdfunite "$@" "$out"
    fi
}

# best wall time (s), its CPU time (user + system, s) and peak RSS (KB) of
# a command over 5 runs
measure() {
    best="" best_cpu="" best_kb=""
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
        read -r s u y kb <"$tmp/t"
        if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then
            best=$s best_cpu=$(awk "BEGIN{print $u + $y}") best_kb=$kb
        fi
    done
    echo "$best $best_cpu $best_kb"
}

# one row: label, pages, the measure of the run and of pdftotext's
row() {
    awk -v l="$1" -v n="$2" -v a="$3" -v c="$4" -v k="$5" -v p="$6" 'BEGIN {
        printf "%-24s %6d %8.2f %8.2f %8.2f %7.2f %7.2f %7.0f %9.1f\n",
               l, n, a, c, p, a / p, c / p, n / a, k / 1024 }'
}

printf '%-24s %6s %8s %8s %8s %7s %7s %7s %9s\n' \
    report pages wall_s cpu_s pdftxt_s wall_x cpu_x pages/s peak_MB
for how in qpdf pdfunite; do
    for size in 100 300; do
        make_report "$how" "$size" "$tmp/r.pdf"
        pages=$(pages_of "$tmp/r.pdf")
        set -- $(measure pdftotext -bbox-layout "$tmp/r.pdf" "$tmp/out.html")
        p=$1 pkb=$3
        set -- $(measure "$arsred" extract --quiet "$tmp/r.pdf")
        row "$how $size arsred" "$pages" "$1" "$2" "$3" "$p"
        set -- $(measure "$arsred" extract --quiet -j 1 "$tmp/r.pdf")
        row "$how $size arsred -j1" "$pages" "$1" "$2" "$3" "$p"
        awk -v l="$how $size pdftotext" -v n="$pages" -v p="$p" -v k="$pkb" 'BEGIN {
            printf "%-24s %6d %8.2f %8s %8.2f %7s %7s %7.0f %9.1f\n", l, n, p, "", p, "", "", n / p, k / 1024 }'
    done
done

# pages of 20 000 words: plain words, and 1000 goal headings in 1.2 pt type (poppler keeps
# about 16 000 words of that page)
for page in "fixtures/odd/many-runs.pdf 2" "fixtures/odd/many-goals.pdf 1"; do
    set -- $page
    f=$1 n=$2
    w=$(pdftotext -f "$n" -l "$n" "$f" - | wc -w)
    set -- $(measure "$arsred" extract --quiet -j 1 --pages "$n" "$f")
    a=$1
    set -- $(measure pdftotext -bbox-layout -f "$n" -l "$n" "$f" "$tmp/out.html")
    awk -v f="$(basename "$f")" -v a="$a" -v p="$1" -v w="$w" \
        'BEGIN { printf "%s, a page of %d words: arsred -j 1 %.2f s, pdftotext %.2f s\n", f, w, a, p }'
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
