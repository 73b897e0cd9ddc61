#!/usr/bin/env python3
"""The check variation harness: planted-error financial statements from two
PDF producers in two styles (fixtures/check-variation/, made by
fixtures/src/check-variation/make.py) must give the checks their
<case>.expected.json says.

    check_variation.py ARSRED SOURCE_DIR

For every PDF of every case: each expected table is there (by title) with
its unit.effective; each expected mismatch is a check of that rule with
result "mismatch" whose table, row and column (indices into the table's
rows and columns) name the expected cell (for a `same` relation either of
its two cells), with the expected tolerance where one is given; no other
check is a mismatch (rule "unit" included); every such mismatch names the
expected suspect (its table an id, row and column indices, resolved through
the document's tables) with the expected suggested value, decided (absent
counts as true), also (a compensating pair: the suspect and also as one
set, with their suggested values where the tool gives them) and
alternatives (as a set); every must_check relation is a check, with any
result. Labels are compared after folding case and white space.

Prints each difference, grouped by PDF; exit status 1 where there is any
besides KNOWN_FAILURES (or a known failure passes now), 77 where the tool
or the fixtures are absent, 0 otherwise.
"""
import json
import os
import re
import subprocess
import sys

import known_failures


# What the tool does not get right yet, by PDF: (what, cause). what is a
# kind of difference (table, unit, mismatch, tolerance, extra, suspect,
# must_check, or "*" for all), optionally with ":" and a text the
# difference's message must contain (case and white space folded). A difference an entry covers is printed
# as KNOWN and does not fail the run; an entry that covers no difference
# fails it until it is taken off this list, so that what is fixed stays
# fixed. Every entry is a failure of the tool, named with its cause.
# (As the engine learns, a case's mismatch is found first and its suspect
# compared only then: a new difference may show up there.)
RENDERINGS = ("chromium-grid", "chromium-plain", "pdflatex-grid", "pdflatex-plain")


def every(case, *entries):
    return {"%s-%s.pdf" % (case, r): list(entries) for r in RENDERINGS}


KNOWN_FAILURES = {}


fold = known_failures.fold


def same_number(a, b):
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


class Document:
    """The tool's output, its cells named by labels."""

    def __init__(self, doc):
        self.doc = doc
        self.tables = {t.get("id"): t for t in doc.get("tables", [])}

    def name(self, table_id, row, column):
        """(title, row label, column label) of a cell, folded; None where it
        names no cell."""
        t = self.tables.get(table_id)
        if t is None or not isinstance(row, int) or not isinstance(column, int):
            return None
        rows, cols = t.get("rows", []), t.get("columns", [])
        if not (0 <= row < len(rows) and 0 <= column < len(cols)):
            return None
        return (fold(t.get("title")), fold(rows[row].get("label")), fold(cols[column].get("label")))

    def check_cell(self, c):
        return self.name(c.get("table"), c.get("row"), c.get("column"))


def want_cell(e):
    return (fold(e["table"]), fold(e["row"]), fold(e["column"]))


def show(cell):
    return "%s / %s / %s" % cell if cell else "no cell"


def relation_cells(e):
    """The cells a check of expectation e may name: its own, and for a
    `same` relation also the other side's."""
    cells = [want_cell(e)]
    if e.get("other"):
        cells.append(want_cell(e["other"]))
    return cells


def describe(doc, c):
    cell = doc.check_cell(c)
    where = show(cell) if cell else "table %r" % (doc.tables.get(c.get("table")) or {}).get("title")
    return "%s %s at %s (%s; expected %s, found %s)" % (
        c.get("rule"), c.get("result"), where, c.get("expr"), c.get("expected"), c.get("found"))


def compare_suspect(doc, want, got):
    """The differences between an expected suspect and a check's."""
    if got is None:
        return ["no suspect"]
    out = []
    cell = doc.name(got.get("table"), got.get("row"), got.get("column"))
    also_got = [(doc.name(a.get("table"), a.get("row"), a.get("column")), a) for a in got.get("also") or []]
    want_also = [(want_cell(a), a) for a in want.get("also", [])]
    if want_also:   # a pair: either cell may be the suspect
        want_set = {want_cell(want)} | {c for c, _ in want_also}
        got_set = {cell} | {c for c, _ in also_got}
        if want_set != got_set:
            out.append("suspect and also: want {%s}, got {%s}" % (
                "; ".join(sorted(map(show, want_set))), "; ".join(sorted(map(show, got_set)))))
        suggested = {want_cell(want): want["suggested"]}
        suggested.update({c: a["suggested"] for c, a in want_also})
        for c, g in [(cell, got)] + also_got:
            if c in suggested and "suggested" in g and not same_number(g["suggested"], suggested[c]):
                out.append("suggested for %s: want %s, got %s" % (show(c), suggested[c], g["suggested"]))
        if cell in suggested and "suggested" not in got:
            out.append("no suggested value")
    else:
        if cell != want_cell(want):
            out.append("suspect: want %s, got %s" % (show(want_cell(want)), show(cell)))
        elif not same_number(got.get("suggested"), want["suggested"]):
            out.append("suggested: want %s, got %s" % (want["suggested"], got.get("suggested")))
        if also_got:
            out.append("also: want none, got %s" % "; ".join(show(c) for c, _ in also_got))
    decided = got.get("decided", True)
    if decided != want["decided"]:
        out.append("decided: want %s, got %s" % (want["decided"], decided))
    want_alt = {want_cell(a) for a in want.get("alternatives", [])}
    got_alt = {doc.name(a.get("table"), a.get("row"), a.get("column")) for a in got.get("alternatives") or []}
    if want_alt != got_alt:
        out.append("alternatives: want {%s}, got {%s}" % ("; ".join(sorted(map(show, want_alt))),
                                                           "; ".join(sorted(map(show, got_alt)))))
    return out


def check_pdf(arsred, pdf, exp, work):
    """[(kind, message)]: every difference from the expectation."""
    if not os.path.exists(pdf):
        return [("*", "the PDF is missing")]
    run = subprocess.run([arsred, "extract", "--quiet", pdf, "-o", work],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_json = os.path.join(work, os.path.basename(pdf)[:-4] + ".json")
    if run.returncode != 0 or not os.path.exists(out_json):
        return [("*", "arsred failed (exit %d): %s" % (run.returncode, run.stderr.decode(errors="replace")[:300]))]
    with open(out_json, encoding="utf-8") as f:
        doc = Document(json.load(f))
    problems = []
    titles = [t.get("title") for t in doc.tables.values()]
    for want in exp["tables"]:
        found = [t for t in doc.tables.values() if fold(t.get("title")) == fold(want["title"])]
        if not found:
            problems.append(("table", "table %r not found (the tables: %r)" % (want["title"], titles)))
            continue
        units = [(t.get("unit") or {}).get("effective") for t in found]
        if want["unit_effective"] not in units:
            problems.append(("unit", "table %r: unit.effective: want %r, got %r"
                             % (want["title"], want["unit_effective"], units[0] if len(units) == 1 else units)))
    checks = doc.doc.get("checks", [])
    mismatches = [c for c in checks if c.get("result") == "mismatch"]
    used = set()
    matched = []
    for want in exp["mismatches"]:
        cells = relation_cells(want)
        k = next((i for i, c in enumerate(mismatches)
                  if i not in used and c.get("rule") == want["rule"] and doc.check_cell(c) in cells), None)
        name = "%s at %s" % (want["rule"], show(cells[0]))
        if k is None:
            near = [describe(doc, c) for c in checks if doc.check_cell(c) in cells]
            problems.append(("mismatch", "no mismatch %s (checks there: %s)" % (name, "; ".join(near) or "none")))
            continue
        used.add(k)
        matched.append(mismatches[k])
        if "tolerance" in want and not same_number(mismatches[k].get("tolerance"), want["tolerance"]):
            problems.append(("tolerance", "mismatch %s: tolerance: want %s, got %s"
                             % (name, want["tolerance"], mismatches[k].get("tolerance"))))
    for i, c in enumerate(mismatches):
        if i not in used:
            problems.append(("extra", "an extra mismatch: %s" % describe(doc, c)))
    if exp["suspect"] is not None:
        seen = set()
        for c in matched:
            for p in compare_suspect(doc, exp["suspect"], c.get("suspect")):
                if p not in seen:
                    seen.add(p)
                    problems.append(("suspect", "%s (on %s %s)" % (p, c.get("rule"), show(doc.check_cell(c)))))
    for want in exp["must_check"]:
        cells = relation_cells(want)
        if not any(c.get("rule") == want["rule"] and doc.check_cell(c) in cells for c in checks):
            near = [describe(doc, c) for c in checks if doc.check_cell(c) in cells]
            problems.append(("must_check", "no check %s at %s (checks there: %s)"
                             % (want["rule"], show(cells[0]), "; ".join(near) or "none")))
    return problems



def main():
    arsred, source = sys.argv[1], sys.argv[2]
    folder = os.path.join(source, "fixtures", "check-variation")
    return known_failures.run_set("check_variation", arsred, folder,
                                  lambda pdf, exp, work: check_pdf(arsred, pdf, exp, work),
                                  KNOWN_FAILURES, "the expected checks")


if __name__ == "__main__":
    sys.exit(main())
