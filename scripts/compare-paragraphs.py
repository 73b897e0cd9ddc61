#!/usr/bin/env python3
"""Shows how arsred's paragraphs of a fixture differ from the expected ones.
Usage: scripts/compare-paragraphs.py build/arsred fixtures/NAME.pdf"""
import difflib
import subprocess
import sys

arsred, pdf = sys.argv[1], sys.argv[2]
fold = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " "})
got = subprocess.run([arsred, "inspect", "--paragraphs", pdf], capture_output=True,
                     text=True, check=True).stdout.translate(fold).splitlines()
want = open(pdf[:-4] + ".paragraphs.txt", encoding="utf-8").read().translate(fold).splitlines()
matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
found = 0
for op, a0, a1, b0, b1 in matcher.get_opcodes():
    if op == "equal":
        found += a1 - a0
        continue
    for line in want[a0:a1]:
        print("- " + line[:160])
    for line in got[b0:b1]:
        print("+ " + line[:160])
    print()
print(f"{found} of {len(want)} expected paragraphs found in order")
