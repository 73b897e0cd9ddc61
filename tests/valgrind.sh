#!/bin/sh
# arsred extract under valgrind over every fixture PDF (fixtures/*.pdf, ligatures/, variation/,
# goal-variation/, series/, bad/ and odd/): memory errors and
# definite leaks fail the run. Slow (a minute or more), so not a ctest:
# `make valgrind`, or
#
#   tests/valgrind.sh [ARSRED [SOURCE_DIR]]     default: build/arsred, .
#
# Each file runs in its own valgrind, as many at once as there are cores
# (VALGRIND_JOBS). One-time allocations of GLib, fontconfig and poppler
# that are never freed are in tests/valgrind.supp. A failing file's
# valgrind log is printed.
set -u
src=${2:-$(cd "$(dirname "$0")/.." && pwd)}
arsred=${1:-$src/build/arsred}
jobs=${VALGRIND_JOBS:-$(nproc 2>/dev/null || echo 2)}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[ -x "$arsred" ] || { echo "valgrind.sh: no executable $arsred; build first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one file: valgrind's log to $tmp/<n>.log, its exit status to $tmp/<n>.rc
cat >"$tmp/one.sh" <<'ONE'
#!/bin/sh
n=$1; file=$2
valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --num-callers=30 --suppressions="$SUPP" \
    --log-file="$TMP/$n.log" "$ARSRED" extract --quiet "$file" >/dev/null 2>"$TMP/$n.err"
echo "$? $file" >"$TMP/$n.rc"
ONE
export ARSRED="$arsred" SUPP="$src/tests/valgrind.supp" TMP="$tmp"
n=0
for f in "$src"/fixtures/*.pdf "$src"/fixtures/series/*.pdf "$src"/fixtures/bad/*.pdf "$src"/fixtures/ligatures/*.pdf "$src"/fixtures/variation/*.pdf "$src"/fixtures/goal-variation/*.pdf "$src"/fixtures/kpi-variation/*.pdf \
         "$src"/fixtures/odd/*.pdf; do
    [ -e "$f" ] || continue
    # slow-pages.pdf is many-runs.pdf's first page 100 times, for --timeout
    # (and inflate-bomb.pdf, half a minute of poppler inflating, is one too)
    case $f in */odd/slow-pages.pdf | */odd/inflate-bomb.pdf) continue ;; esac
    n=$((n + 1))
    printf '%s\0%s\0' "$n" "$f"
done | xargs -0 -n 2 -P "$jobs" sh "$tmp/one.sh"

# the command line's own paths: inputs that share a file name, a folder
# read with -r, standard input, the cover outside --pages, check of a JSON
mkdir -p "$tmp/in/a" "$tmp/in/b" "$tmp/o"
cp "$src/fixtures/mal-glyf.pdf" "$tmp/in/a/r.pdf"
cp "$src/fixtures/mal-legend.pdf" "$tmp/in/b/r.pdf"
vg_run() { # NAME ARGS...: one valgrind run of arsred ARGS
    name=$1; shift
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite --num-callers=30 --suppressions="$SUPP" \
        --trace-children=yes --log-file="$tmp/$name.%p.log" "$arsred" "$@" </dev/null >/dev/null 2>&1
    echo "$? $name" >"$tmp/$name.rc"
    cat "$tmp/$name".*.log >"$tmp/$name.log" 2>/dev/null
}
vg_run cli-names extract --quiet -j 1 -o "$tmp/o" "$tmp/in/a/r.pdf" "$tmp/in/b/r.pdf"
vg_run cli-other extract --quiet -o "$tmp/o2" "$tmp/in/a/r.pdf"
vg_run cli-other2 extract --quiet -o "$tmp/o2/" "$tmp/in/b/r.pdf"
vg_run cli-recursive extract --quiet -j 1 -r "$tmp/in"
vg_run cli-pages extract --pages 3 "$src/fixtures/krokom-ks-2020.pdf"
vg_run cli-pages-past extract --pages 40 "$src/fixtures/krokom-ks-2020.pdf"
valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --num-callers=30 --suppressions="$SUPP" \
    --log-file="$tmp/cli-stdin.log" "$arsred" extract - <"$tmp/in/a/r.pdf" >"$tmp/stdin.json" 2>/dev/null
echo "$? cli-stdin" >"$tmp/cli-stdin.rc"
vg_run cli-check-json check "$tmp/stdin.json"
rm -f "$tmp"/cli-*.[0-9]*.log

files=0 failed=0 errors=0
for rc in "$tmp"/*.rc; do
    files=$((files + 1))
    read -r status file <"$rc"
    log=${rc%.rc}.log
    e=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -n 1)
    errors=$((errors + ${e:-0}))
    # 99: valgrind found errors; otherwise arsred's own status (0, or 3 for
    # the bad inputs that must fail cleanly)
    if [ "$status" -eq 99 ] || [ "$status" -ge 128 ]; then
        failed=$((failed + 1))
        echo "FAIL: $file (exit $status)"
        cat "$log"
    fi
done
echo "valgrind: $files files, $failed failed, $errors errors"
[ "$failed" -eq 0 ]
