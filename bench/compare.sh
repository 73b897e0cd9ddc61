#!/bin/sh
# Time and peak memory of `arsred extract` against poppler's own
# `pdftotext -bbox-layout` on the same files, best of N runs each.
#   bench/compare.sh [ARSRED] [N] [PDF...]
# Defaults: build/arsred, 5 runs, the fixtures and the real corpus.
set -eu
cd "$(dirname "$0")/.."
arsred=${1:-build/arsred}
runs=${2:-5}
[ $# -ge 2 ] && shift 2 || shift $#
[ $# -gt 0 ] || set -- fixtures/*.pdf ../shared/corpus/real/*.pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best wall time (s) and its peak RSS (KB) of a command over $runs runs
measure() {
    best=""; best_kb=""
    i=0
    while [ $i -lt "$runs" ]; do
        /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
        read -r s kb <"$tmp/t"
        if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; best_kb=$kb; fi
        i=$((i + 1))
    done
    echo "$best $best_kb"
}

printf '%-52s %5s %9s %9s %7s %9s %9s\n' file pages arsred_s pdftxt_s ratio arsred_MB pdftxt_MB
total_a=0; total_p=0; total_pages=0
for pdf in "$@"; do
    pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ -n "$pages" ] || continue
    set -- $(measure "$arsred" extract --quiet "$pdf")
    a=$1; akb=$2
    set -- $(measure pdftotext -bbox-layout "$pdf" "$tmp/out.html")
    p=$1; pkb=$2
    total_a=$(awk "BEGIN{print $total_a + $a}")
    total_p=$(awk "BEGIN{print $total_p + $p}")
    total_pages=$((total_pages + pages))
    awk -v f="$(basename "$pdf")" -v n="$pages" -v a="$a" -v p="$p" -v ak="$akb" -v pk="$pkb" \
        'BEGIN{printf "%-52s %5d %9.2f %9.2f %7.2f %9.1f %9.1f\n", f, n, a, p, (p > 0 ? a/p : 0), ak/1024, pk/1024}'
done
awk -v a="$total_a" -v p="$total_p" -v n="$total_pages" \
    'BEGIN{printf "total: %d pages, arsred %.2f s (%.1f ms/page), pdftotext %.2f s (%.1f ms/page), ratio %.2f\n", n, a, 1000*a/n, p, 1000*p/n, a/p}'
