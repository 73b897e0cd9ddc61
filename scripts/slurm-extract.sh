#!/bin/sh
# A Slurm job array over a list of PDFs: each task extracts its shard of
# the list (every COUNT-th line from its own) into OUT/shard-TASK, and
# resumes where an earlier run of the task stopped. Afterwards the shards
# merge into one JSON Lines file: cat OUT/shard-*/*.json > all.jsonl
#
#   sbatch --array=0-63 scripts/slurm-extract.sh LIST OUT
#
# LIST holds one PDF path a line. ARSRED names the executable (default
# arsred on PATH); each task runs as many workers as it has CPUs.
#SBATCH --job-name=arsred-extract
#SBATCH --cpus-per-task=4
#SBATCH --mem-per-cpu=4G
#SBATCH --time=12:00:00
#SBATCH --output=arsred-%A_%a.log
set -eu
[ $# -eq 2 ] || { echo "usage: sbatch --array=0-N slurm-extract.sh LIST OUT" >&2; exit 2; }
list=$1
out=$2
arsred=${ARSRED:-arsred}
task=${SLURM_ARRAY_TASK_ID:?run it as a Slurm job array (sbatch --array=0-N)}
count=${SLURM_ARRAY_TASK_COUNT:?run it as a Slurm job array (sbatch --array=0-N)}
cpus=${SLURM_CPUS_PER_TASK:-1}
shard="$out/shard-$task"
mkdir -p "$shard"
# this task's lines: the 0th, COUNT-th, … counted from its own number
awk -v task="$task" -v count="$count" '(NR - 1) % count == task' "$list" >"$shard/files.txt"
# each file's line goes to the manifest as it finishes; --resume skips
# those done before, so a task that was stopped (time limit, preemption)
# starts where it left off. A file that cannot be read is in the manifest
# with its status, and does not stop the task.
status=0
"$arsred" extract --quiet --resume -j "$cpus" -o "$shard" --files-from "$shard/files.txt" || status=$?
# 3: some file could not be read (the manifest says which); 4 and the rest
# are the task's own failure (its output could not be written)
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"
