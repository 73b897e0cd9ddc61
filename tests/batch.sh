#!/bin/sh
# Batches at archive scale, through the real executable: a run killed
# midway and resumed (arsred's own --resume, GNU parallel's --joblog
# --resume, and the Slurm job array script run shard by shard with
# SLURM_ARRAY_TASK_ID set) gives the same outputs as one uninterrupted run;
# the manifest has a line for every file; --max-memory stops a worker with
# that file's message while the batch goes on. Over the real corpus where
# ../shared is there, else over the fixtures.
#   Usage: batch.sh ARSRED SOURCE_DIR
set -u
arsred=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

corpus="$src/../shared/corpus/real"
if [ -d "$corpus" ]; then
    ls "$corpus"/*.pdf >"$tmp/list"
else
    echo "batch: $corpus is absent; the fixtures stand in"
    ls "$src"/fixtures/*.pdf >"$tmp/list"
fi
n=$(wc -l <"$tmp/list")

# the reference: one uninterrupted run
"$arsred" extract --quiet -j 2 -o "$tmp/ref" --files-from "$tmp/list" && ok || fail "the uninterrupted run"

# same DIR: the outputs of DIR are those of the reference, byte for byte
same_as_ref() {
    dir=$1
    what=$2
    (cd "$tmp/ref" && ls *.json) >"$tmp/want"
    (cd "$dir" && ls *.json 2>/dev/null) >"$tmp/got"
    cmp -s "$tmp/want" "$tmp/got" || { fail "$what: other files than the uninterrupted run's: $(diff "$tmp/want" "$tmp/got" | head -5)"; return; }
    for f in $(cat "$tmp/want"); do
        cmp -s "$tmp/ref/$f" "$dir/$f" || { fail "$what: $f differs from the uninterrupted run's"; return; }
    done
    ok
}

# wait_for DIR K: until DIR holds K outputs (at most 60 s)
wait_for() {
    i=0
    while [ "$(ls "$1"/*.json 2>/dev/null | wc -l)" -lt "$2" ] && [ $i -lt 600 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}

# arsred's own: a --resume run killed after two files, then run again
mkdir -p "$tmp/a"
"$arsred" extract --quiet -j 2 --resume -o "$tmp/a" --files-from "$tmp/list" 2>"$tmp/a.err" &
pid=$!
wait_for "$tmp/a" 2
kill -TERM $pid
wait $pid
rc=$?
[ "$rc" -eq 143 ] || [ "$rc" -eq 0 ] && ok || fail "a killed batch: exit $rc, want 143 (or 0 where it had ended)"
done_before=$(ls "$tmp/a"/*.json | wc -l)
ls -a "$tmp/a" | grep -q '\.tmp$' && fail "a killed batch left a temporary file" || ok
"$arsred" extract -j 2 --resume -o "$tmp/a" --files-from "$tmp/list" 2>"$tmp/a2.err" && ok || fail "the resumed run"
[ "$done_before" -ge "$n" ] || grep -q "done before, skipped" "$tmp/a2.err" && ok || fail "the resumed run skipped nothing: $(cat "$tmp/a2.err")"
same_as_ref "$tmp/a" "arsred --resume"
python3 - "$tmp/a/arsred-manifest.jsonl" "$tmp/list" <<'PY' && ok || fail "the manifest has no done line for every file"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
done = {l["path"] for l in lines if l["status"] == "done"}
want = {l.strip() for l in open(sys.argv[2]) if l.strip()}
assert want <= done, want - done
assert all(len(l["sha256"]) == 64 and l["seconds"] >= 0 and l["warnings"] >= 0 for l in lines)
PY
# a second resume does nothing
"$arsred" extract --resume -o "$tmp/a" --files-from "$tmp/list" 2>"$tmp/a3.err" && grep -q "all $n files are done already" "$tmp/a3.err" && ok || fail "a second resume: $(cat "$tmp/a3.err")"

# GNU parallel: one file a job, --joblog and --resume, killed midway
if command -v parallel >/dev/null 2>&1; then
    mkdir -p "$tmp/p"
    run_parallel() {
        parallel --will-cite --joblog "$tmp/p.log" --resume -j 2 \
            "$arsred" extract --quiet -o "$tmp/p" {} :::: "$tmp/list"
    }
    run_parallel 2>/dev/null &
    pid=$!
    wait_for "$tmp/p" 2
    kill -TERM $pid 2>/dev/null; sleep 0.2; kill -TERM $pid 2>/dev/null
    wait $pid
    run_parallel && ok || fail "GNU parallel, resumed"
    same_as_ref "$tmp/p" "GNU parallel --resume"
    [ "$(tail -n +2 "$tmp/p.log" | awk '$7 == 0' | wc -l)" -ge "$n" ] && ok || fail "GNU parallel's joblog has not every file done"
else
    echo "batch: GNU parallel is not installed (apt-get install parallel); its case skipped"
fi

# the Slurm job array script, shard by shard (no Slurm here): a task run
# twice (stopped, then started again) gives the same
tasks=3
task=0
while [ $task -lt $tasks ]; do
    SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_COUNT=$tasks ARSRED="$arsred" \
        sh "$src/scripts/slurm-extract.sh" "$tmp/list" "$tmp/s" && ok || fail "slurm task $task"
    task=$((task + 1))
done
SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=$tasks ARSRED="$arsred" \
    sh "$src/scripts/slurm-extract.sh" "$tmp/list" "$tmp/s" && ok || fail "slurm task 1 again"
cat "$tmp/s"/shard-*/*.json | sort >"$tmp/s.jsonl"
cat "$tmp/ref"/*.json | sort >"$tmp/ref.jsonl"
cmp -s "$tmp/s.jsonl" "$tmp/ref.jsonl" && ok || fail "the Slurm shards, merged, are not the uninterrupted run"
[ "$(wc -l <"$tmp/s.jsonl")" -eq "$(wc -l <"$tmp/list")" ] && ok || fail "the merged JSON Lines file has not one line a file"
# more tasks than files: a task with nothing to do ends well
SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_COUNT=500 ARSRED="$arsred" \
    sh "$src/scripts/slurm-extract.sh" "$tmp/list" "$tmp/s" && ok || fail "a slurm task without files"

# --max-memory: a worker past it is stopped with its own message, the
# batch goes on, the manifest says why
big=$(head -1 "$tmp/list")
"$arsred" extract --resume -o "$tmp/m" --max-memory 1M "$big" "$src/fixtures/krokom-ks-2020.pdf" 2>"$tmp/m.err"
rc=$?
[ "$rc" -eq 3 ] && ok || fail "--max-memory 1M: exit $rc, want 3"
grep -q "stopped at --max-memory 1 MB" "$tmp/m.err" && ok || fail "--max-memory: no message naming the limit: $(cat "$tmp/m.err")"
grep -q '"status":"memory"' "$tmp/m/arsred-manifest.jsonl" && ok || fail "--max-memory: the manifest does not say memory"
"$arsred" extract --max-memory lots "$big" 2>"$tmp/m2.err"
[ $? -eq 2 ] && grep -q "needs a size" "$tmp/m2.err" && ok || fail "--max-memory lots: not a usage error"
"$arsred" extract --resume "$big" 2>"$tmp/r.err"
[ $? -eq 2 ] && grep -q "needs -o" "$tmp/r.err" && ok || fail "--resume without -o: not a usage error"

echo "batch: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
