#!/bin/sh
# The second thread (pages read ahead, extract/page_feed.c) under
# ThreadSanitizer: arsred built with clang -fsanitize=thread in build-tsan,
# then `extract -j 2` (one file, so its pages are read ahead) on every
# fixture and corpus PDF. Any report fails the run. Not a ctest (a third
# build): `make tsan`, or
#
#   tests/tsan.sh [SOURCE_DIR]                 default: the tree it is in
set -u
src=${1:-$(cd "$(dirname "$0")/.." && pwd)}
build="$src/build-tsan"
command -v clang >/dev/null 2>&1 || { echo "tsan.sh: needs clang (scripts/install-deps.sh)" >&2; exit 2; }
CC=clang cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS="-fsanitize=thread -O1 -g" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null &&
    cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target arsred-cli >/dev/null ||
    { echo "tsan.sh: the build failed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=0 failed=0
for f in "$src"/fixtures/*.pdf "$src"/fixtures/series/*.pdf "$src"/fixtures/odd/many-goals.pdf \
         "$src"/fixtures/odd/page-tree-loop.pdf "$src"/../shared/corpus/real/*.pdf; do
    [ -f "$f" ] || continue
    files=$((files + 1))
    TSAN_OPTIONS=halt_on_error=0 "$build/arsred" extract -j 2 --quiet "$f" >/dev/null 2>"$tmp/err"
    if grep -q "ThreadSanitizer" "$tmp/err"; then
        failed=$((failed + 1))
        echo "FAIL: $f"
        sed -n '1,40p' "$tmp/err"
    fi
done
echo "tsan: $files files, $failed with reports"
[ "$failed" -eq 0 ]
