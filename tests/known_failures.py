"""What the variation harnesses share: run every PDF of a fixture set
against its <case>.expected.json, hold each PDF's differences against its
KNOWN_FAILURES entries, and report. An entry is (what, cause): what is a
kind of difference, or "*" for all, optionally with ":" and a text the
difference's message must contain (case and white space folded). A known
difference does not fail the run; an entry that covers none does, until it
is taken off the list."""
import glob
import json
import os
import re
import tempfile


def fold(s):
    return re.sub(r"\s+", " ", s or "").strip().casefold()


def covers(entry, problem):
    what = entry[0]
    if what == "*":
        return True
    kind, _, text = what.partition(":")
    return kind == problem[0] and fold(text) in fold(problem[1])


def run_set(harness, arsred, folder, check_pdf, known_failures, summary):
    """check_pdf(pdf_path, expected, work_dir) -> [(kind, message)];
    summary: what a PDF without differences gives ("the expected checks").
    Returns the exit status: 0, 1 where anything failed, 77 to skip."""
    paths = sorted(glob.glob(os.path.join(folder, "*.expected.json")))
    if not paths:
        print("%s: no %s/*.expected.json; skipped" % (harness, folder))
        return 77
    if not os.access(arsred, os.X_OK):
        print("%s: %s is not there; skipped" % (harness, arsred))
        return 77
    failed = known_count = clean = total = 0
    listed = set()
    with tempfile.TemporaryDirectory() as work:
        for path in paths:
            with open(path, encoding="utf-8") as f:
                exp = json.load(f)
            for name in exp["pdfs"]:
                total += 1
                listed.add(name)
                problems = check_pdf(os.path.join(folder, name), exp, work)
                known = known_failures.get(name, [])
                new = [p for p in problems if not any(covers(e, p) for e in known)]
                fixed = [e for e in known if not any(covers(e, p) for p in problems)]
                status = "ok" if not new and not fixed else "%d differences" % (len(new) + len(fixed))
                print("%-36s %s%s" % (name, status, " (%d known)" % (len(known) - len(fixed)) if known else ""))
                for kind, message in new:
                    print("    %s: %s" % (kind, message))
                for what, _ in fixed:
                    print("    %s: passes now; take it off KNOWN_FAILURES" % what)
                for e in known:
                    if e in fixed:
                        continue
                    print("    KNOWN %s: %s" % e)
                    for p in problems:
                        if covers(e, p):
                            print("          " + p[1])
                failed += bool(new or fixed)
                clean += not problems
                known_count += len(known) - len(fixed)
    for name in sorted(set(known_failures) - listed):
        print("%s: in KNOWN_FAILURES but no case lists it" % name)
        failed += 1
    print("%s: %d of %d PDFs give %s, but for %d known failures (%d with none)"
          % (harness, total - failed, total, summary, known_count, clean))
    return 1 if failed else 0
