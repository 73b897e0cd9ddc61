#!/bin/sh
# A batch as an archive run is one: every fixture and the real corpus
# (where ../shared is there), extracted with -o, -j 1 and -j N (N: this
# machine's cores), best of RUNS. Prints files and pages per second, the
# peak memory of the largest worker, and what that makes for the archive
# (ARCHIVE_PAGES pages, about 90 000 files) on a machine of CORES cores.
#   bench/batch.sh [ARSRED] [RUNS]          (default build/arsred, 3)
# ARCHIVE_PAGES and CORES may be set in the environment.
set -eu
cd "$(dirname "$0")/.."
arsred=${1:-build/arsred}
runs=${2:-3}
archive_pages=${ARCHIVE_PAGES:-9000000}
cores_there=${CORES:-64}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# reports of every producer and layout; not fixtures/odd (hostile files,
# some minutes long by design) nor fixtures/bad (not PDFs)
ls fixtures/*.pdf fixtures/series/*.pdf fixtures/variation/*.pdf fixtures/goal-variation/*.pdf \
    fixtures/kpi-variation/*.pdf fixtures/ligatures/*.pdf ../shared/corpus/real/*.pdf 2>/dev/null >"$tmp/list"
files=$(wc -l <"$tmp/list")
pages=0
while read -r f; do
    p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    pages=$((pages + ${p:-0}))
done <"$tmp/list"

# best wall time (s) and, of that run, the peak resident memory (KB) of the
# largest process: the parent's own, or a worker's (getrusage of children)
measure() {
    best="" best_kb=""
    i=0
    while [ $i -lt "$runs" ]; do
        rm -rf "$tmp/out"
        /usr/bin/time -f "%e %M" -o "$tmp/t" "$arsred" extract --quiet -o "$tmp/out" "$@" \
            --files-from "$tmp/list" >/dev/null 2>&1 || true
        read -r s kb <<EOF
$(tail -1 "$tmp/t")
EOF
        if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; best_kb=$kb; fi
        i=$((i + 1))
    done
    echo "$best $best_kb"
}

n=$(nproc)
set -- $(measure -j 1)
j1=$1 j1_kb=$2
set -- $(measure -j "$n")
jn=$1 jn_kb=$2
awk -v files="$files" -v pages="$pages" -v j1="$j1" -v jn="$jn" -v n="$n" \
    -v j1_kb="$j1_kb" -v jn_kb="$jn_kb" -v ap="$archive_pages" -v cores="$cores_there" 'BEGIN {
    printf "%d files, %d pages (fixtures and the real corpus)\n", files, pages
    printf "-j 1: %6.2f s  %6.1f files/s  %6.1f pages/s  peak %5.1f MB\n", j1, files / j1, pages / j1, j1_kb / 1024
    printf "-j %d: %6.2f s  %6.1f files/s  %6.1f pages/s  peak %5.1f MB a worker\n", n, jn, files / jn, pages / jn, jn_kb / 1024
    per_core = pages / jn / n   # what one core does with every core busy
    hours = ap / (per_core * cores) / 3600
    printf "%d pages on %d cores (at -j %d'"'"'s pages per core): %.1f hours; memory %.1f GB at once\n", ap, cores, n, hours, cores * jn_kb / 1024 / 1024
}'
