#!/usr/bin/env python3
"""The variation harness: one logical report from four PDF producers in ten
styles (fixtures/variation/, made by fixtures/src/variation/make.py) must
give the same tables, cell for cell.

    variation.py ARSRED SOURCE_DIR

For every PDF, every table of expected.json must come out with its title,
section, page span, column labels, row labels in order, values and note
references; no other table may come out (the bar chart beside one table
is no table). Prints each difference, grouped by PDF; exit status 1 where
there is any, 0 where every rendering gives the expected tables.
"""
import json
import os
import subprocess
import sys
import tempfile


def tool_tables(doc):
    out = []
    for t in doc.get("tables", []):
        rows = []
        for r in t.get("rows", []):
            values = [None if c is None else c.get("value", c.get("text")) for c in r.get("cells", [])]
            rows.append({"label": r.get("label"), "values": values, "note_ref": r.get("note_ref")})
        out.append({"title": t.get("title"), "section": t.get("section"), "page": t.get("page"),
                    "last_page": t.get("last_page", t.get("page")),
                    "columns": [c.get("label", "") for c in t.get("columns", [])], "rows": rows})
    return out


def best_match(want, got, used):
    """The tool table on want's pages that shares most row labels with it."""
    labels = [r["label"] for r in want["rows"]]
    best, best_common = None, 0
    for k, g in enumerate(got):
        if k in used or g["last_page"] < want["page"] or g["page"] > want["last_page"]:
            continue
        common = len(set(labels) & {r["label"] for r in g["rows"]})
        if common > best_common:
            best, best_common = k, common
    return best


def differences(want, got):
    name = "%s (p%d)" % (want["title"], want["page"])
    out = []
    for field in ("title", "section", "page", "last_page", "columns"):
        if want[field] != got[field]:
            out.append("%s: %s: want %r, got %r" % (name, field, want[field], got[field]))
    want_labels = [r["label"] for r in want["rows"]]
    got_labels = [r["label"] for r in got["rows"]]
    if want_labels != got_labels:
        out.append("%s: row labels: want %r, got %r" % (name, want_labels, got_labels))
        return out
    for w, g in zip(want["rows"], got["rows"]):
        if w["values"] != g["values"]:
            out.append("%s: row %r: values: want %r, got %r" % (name, w["label"], w["values"], g["values"]))
        if w["note_ref"] != g["note_ref"]:
            out.append("%s: row %r: note_ref: want %r, got %r" % (name, w["label"], w["note_ref"], g["note_ref"]))
    return out


def check_pdf(arsred, pdf, want_tables, work):
    run = subprocess.run([arsred, "extract", "--quiet", pdf, "-o", work],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_json = os.path.join(work, os.path.basename(pdf)[:-4] + ".json")
    if run.returncode != 0 or not os.path.exists(out_json):
        return ["arsred failed (exit %d): %s" % (run.returncode, run.stderr.decode(errors="replace")[:300])]
    with open(out_json, encoding="utf-8") as f:
        got = tool_tables(json.load(f))
    problems, used = [], set()
    for want in want_tables:
        k = best_match(want, got, used)
        if k is None:
            problems.append("%s (p%d): not found" % (want["title"], want["page"]))
            continue
        used.add(k)
        problems += differences(want, got[k])
    for k, g in enumerate(got):
        if k not in used:
            problems.append("an extra table on page %d: %r, columns %r, rows %r"
                            % (g["page"], g["title"], g["columns"], [r["label"] for r in g["rows"]]))
    return problems


def main():
    arsred, source = sys.argv[1], sys.argv[2]
    folder = os.path.join(source, "fixtures", "variation")
    with open(os.path.join(folder, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    failed = 0
    with tempfile.TemporaryDirectory() as work:
        for name in sorted(expected):
            problems = check_pdf(arsred, os.path.join(folder, name), expected[name]["tables"], work)
            status = "ok" if not problems else "%d differences" % len(problems)
            print("%-32s %s" % (name, status))
            for p in problems:
                print("    " + p)
            failed += bool(problems)
    print("variation: %d of %d renderings give the expected tables" % (len(expected) - failed, len(expected)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
