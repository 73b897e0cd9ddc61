#!/usr/bin/env python3
"""Real reports as regression cases for goals and assignments: the goals
of ../shared/corpus/real as checked by eye, and the reports that have none.

    real_goals.py ARSRED SOURCE_DIR

- simrishamn-kfn-arsbokslut-2025.pdf against its truth
  (../shared/eval/truth-real/simrishamn-kfn-arsbokslut-2025.json): exactly
  its 11 goals, in order, each with the truth's text (a final full stop and
  whitespace aside), no comment in a goal's text, status met; each goal's
  assignments (the truth's activities) under it, in order, with the
  truth's texts, each with a comment, progress 1.0 for a full bar and
  between 0.5 and 1.0 for a bar with a dark end segment; no top-level
  assignments.
- every other PDF of the corpus (the Göteborg stadsrevisionen reports are
  prose; the rest are accounts): no goals and no assignments, except the
  reports in UNASSERTED.

Exit status 0 (held), 1 (a case failed), 77 (skipped: ../shared/corpus/real
is absent, as on a user's machine).
"""
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_tables import extract  # noqa: E402  one way to run the tool on a PDF

SKIPPED = 77

# the reports whose goals are checked against their truth file
WITH_GOALS = {
    "simrishamn-kfn-arsbokslut-2025.pdf": 11,
}

# reports with goals that are not asserted either way (none so far)
UNASSERTED = set()

# the words of the truth's progress for a bar that is not full
PARTIAL_BAR = "not complete"


def norm(s):
    """Text as compared: whitespace runs as one space, no final full stop."""
    s = re.sub(r"\s+", " ", s or "").strip()
    return re.sub(r"\s*\.$", "", s)


def short(s, n=70):
    s = s or ""
    return s if len(s) <= n else s[:n - 1] + "…"


def check_assignments(name, gid, want, got):
    problems = []
    where = "%s goal %s" % (name, gid)
    wt = [norm(a["text"]) for a in want]
    gt = [norm(a.get("text")) for a in got]
    if wt != gt:
        problems.append("%s: assignments differ (%d wanted, %d given)" % (where, len(wt), len(gt)))
        for i in range(max(len(wt), len(gt))):
            w = wt[i] if i < len(wt) else None
            g = gt[i] if i < len(gt) else None
            if w != g:
                problems.append("  #%d want %r" % (i + 1, w))
                problems.append("  #%d got  %r" % (i + 1, g))
        return problems
    for i, (w, g) in enumerate(zip(want, got)):
        label = "%s assignment %d %r" % (where, i + 1, short(g.get("text"), 50))
        if not (g.get("comment") or "").strip():
            problems.append("%s: no comment" % label)
        if g.get("status") != w.get("status"):  # a check mark in an activity table: no verdict
            problems.append("%s: status %r, want %r" % (label, g.get("status"), w.get("status")))
        progress = g.get("progress")
        partial = PARTIAL_BAR in (w.get("progress") or "")
        if not isinstance(progress, (int, float)):
            problems.append("%s: progress %r, want a number (%s)" % (label, progress, w.get("progress")))
        elif partial and not 0.5 < progress < 1.0:
            problems.append("%s: progress %r, want between 0.5 and 1.0 (%s)" % (label, progress, w.get("progress")))
        elif not partial and progress != 1.0:
            problems.append("%s: progress %r, want 1.0 (%s)" % (label, progress, w.get("progress")))
    return problems


def check_goals(name, doc, truth, count):
    problems = []
    want, got = truth["goals"], doc.get("goals", [])
    if len(want) != count:
        problems.append("%s: the truth has %d goals, the test expects %d" % (name, len(want), count))
    if len(got) != count:
        problems.append("%s: %d goals, want %d" % (name, len(got), count))
    for i in range(max(len(want), len(got))):
        w = want[i] if i < len(want) else None
        g = got[i] if i < len(got) else None
        if g is None:
            problems.append("%s: goal %s missing: %r" % (name, w["id"], short(w["text"])))
            continue
        text = g.get("text") or ""
        if w is None:
            problems.append("%s: extra goal %s: %r" % (name, g.get("id"), short(text)))
            continue
        where = "%s goal %s (p%s)" % (name, w["id"], g.get("page"))
        if norm(text) != norm(w["text"]):
            problems.append("%s: text differs\n  want %r\n  got  %r" % (where, norm(w["text"]), norm(text)))
        if re.search(r"kommentar", text, re.I):
            problems.append("%s: 'Kommentar' in the goal's text: %r" % (where, short(text)))
        comment = norm(g.get("comment"))
        if comment and comment[:40] in norm(text):
            problems.append("%s: the goal's comment is in its text: %r" % (where, short(comment)))
        for a in g.get("assignments", []):
            if a.get("text") and norm(a["text"])[:40] in norm(text):
                problems.append("%s: an assignment's words are in the goal's text: %r" % (where, short(a["text"])))
        if g.get("status") != w["status"]:
            problems.append("%s: status %r, want %r" % (where, g.get("status"), w["status"]))
        problems += check_assignments(name, w["id"], w.get("assignments", []), g.get("assignments", []))
    top = doc.get("assignments", [])
    if top:
        problems.append("%s: %d top-level assignments, want none: %s"
                        % (name, len(top), "; ".join(repr(short(a.get("text"), 40)) for a in top[:5])))
    return problems


def check_none(name, doc):
    problems = []
    goals, top = doc.get("goals", []), doc.get("assignments", [])
    if goals:
        problems.append("%s: %d goals, want none: %s"
                        % (name, len(goals), "; ".join("p%s %r" % (g.get("page"), short(g.get("text"), 40))
                                                       for g in goals[:5])))
    if top:
        problems.append("%s: %d top-level assignments, want none: %s"
                        % (name, len(top), "; ".join("p%s %r" % (a.get("page"), short(a.get("text"), 40))
                                                     for a in top[:5])))
    return problems


def main():
    arsred, source = sys.argv[1], sys.argv[2]
    shared = os.path.normpath(os.path.join(source, "..", "shared"))
    corpus = os.path.join(shared, "corpus", "real")
    truths = os.path.join(shared, "eval", "truth-real")
    if not os.path.isdir(corpus):
        print("real_goals: skipped: %s is absent (as on a user's machine)" % corpus)
        return SKIPPED
    problems = []
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".pdf"))
    for name in WITH_GOALS:
        if name not in names:
            problems.append("%s: not in %s" % (name, corpus))
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            doc = extract(arsred, os.path.join(corpus, name), work)
            if doc is None:
                problems.append("%s: not read" % name)
            elif name in WITH_GOALS:
                path = os.path.join(truths, name[:-4] + ".json")
                if not os.path.exists(path):
                    problems.append("%s: no truth at %s" % (name, path))
                    continue
                with open(path, encoding="utf-8") as f:
                    truth = json.load(f)
                problems += check_goals(name, doc, truth, WITH_GOALS[name])
            elif name not in UNASSERTED:
                problems += check_none(name, doc)
    for p in problems:
        print(p)
    print("real_goals: %d reports, %d problems" % (len(names), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
