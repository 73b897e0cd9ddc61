#!/usr/bin/env python3
"""The ratchet: the development set's summary figures may not fall.

    ratchet.py ARSRED SOURCE_DIR

Runs ../shared/eval/score.py (beside the source tree) on ARSRED and
compares its summary with tests/ratchet-floors.json: every figure under
"at_least" must be at least its floor, every one under "at_most" at most
its ceiling. Times are not compared (they depend on the machine; bench/
measures them). Where a figure is clearly above its floor, it says so:
raise the floor in the same change that raised the figure.

Exit status 0 (held), 1 (a figure fell), 77 (skipped: ../shared/eval is
absent, as on a user's machine; ctest shows the test as skipped).
"""
import json
import os
import subprocess
import sys

SKIPPED = 77
# above its floor by this much, a figure asks for the floor to be raised
RAISE_BY = 0.5


def figure(summary, path):
    part, key = path.split(".", 1)
    return summary.get(part, {}).get(key)


def main():
    arsred, source = sys.argv[1], sys.argv[2]
    score = os.path.normpath(os.path.join(source, "..", "shared", "eval", "score.py"))
    if not os.path.exists(score):
        print("ratchet: skipped: %s is absent (as on a user's machine)" % score)
        return SKIPPED
    with open(os.path.join(source, "tests", "ratchet-floors.json"), encoding="utf-8") as f:
        floors = json.load(f)
    run = subprocess.run([sys.executable, score, "--arsred", arsred, "--set", "all", "--json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=1800)
    if run.returncode != 0:
        print("ratchet: score.py failed (exit %d): %s" % (run.returncode, run.stderr.decode()[-2000:]))
        return 1
    result = json.loads(run.stdout)
    fell = 0
    for path, floor in sorted(floors["at_least"].items()):
        got = figure(result, path)
        if got is None or got < floor:
            print("FELL   %-46s %s, floor %s" % (path, got, floor))
            fell += 1
        elif got >= floor + RAISE_BY:
            print("above  %-46s %.2f, floor %s: raise it" % (path, got, floor))
        else:
            print("held   %-46s %.2f, floor %s" % (path, got, floor))
    for path, ceiling in sorted(floors["at_most"].items()):
        got = figure(result, path)
        if got is None or got > ceiling:
            print("FELL   %-46s %s, at most %s" % (path, got, ceiling))
            fell += 1
        else:
            print("held   %-46s %s, at most %s" % (path, got, ceiling))
    print("ratchet: %d figures fell" % fell)
    return 1 if fell else 0


if __name__ == "__main__":
    sys.exit(main())
