#!/usr/bin/env python3
"""The turned-page harness: a report whose pages are set a quarter turn
from upright must read as the upright one does.

    turned.py ARSRED SOURCE_DIR

Fixture PDFs of several producers and kinds (tables, goals with status
icons, KPIs in prose and key-figure tables) are turned with qpdf --rotate,
a quarter clockwise (the text then reads downwards) and a quarter
anticlockwise (upwards), and extracted. Each turned rendering must give
the upright one's report, tables, goals, assignments, statements, KPIs and
checks, value for value; every box (bbox) must be the upright one's,
turned the same way (within BOX_TOLERANCE points), and every icon's colour
its colour (within COLOUR_TOLERANCE: none); each page must say
`sideways-text`, and no other warning may come or go.

Exit status 1 where any differs, 77 where qpdf or the fixtures are
absent, 0 otherwise.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# Fixtures from several producers: tables (LibreOffice, Chromium), goals
# read from icons drawn as glyphs, vectors and pictures, icons left and
# right, KPIs from four producers.
FIXTURES = (
    "krokom-ks-2020.pdf",
    "exempelby-bun-2021.pdf",
    "variation/chromium-sans-hrules.pdf",
    "variation/libreoffice-sans-grid.pdf",
    "goal-variation/chromium-raster-left.pdf",
    "goal-variation/chromium-vector-right.pdf",
    "goal-variation/libreoffice-glyph-left.pdf",
    "goal-variation/libreoffice-word-table.pdf",
    "kpi-variation/id-body-chromium.pdf",
    "kpi-variation/id-body-pdflatex.pdf",
    "kpi-variation/id-body-reportlab.pdf",
    "kpi-variation/id-body-libreoffice.pdf",
)
TURNS = {"+90": "clockwise", "+270": "anticlockwise"}
# Icons are read from a rendering whose pixel grid starts at the page's
# top left as read, turned or not: their boxes and colours come out the
# same. Boxes differ by the JSON's rounding to a tenth only.
BOX_TOLERANCE = 0.15  # points
COLOUR_TOLERANCE = 0  # levels of a channel: the same pixels


def extract(arsred, pdf):
    out = subprocess.run([arsred, "extract", "--quiet", pdf], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise RuntimeError("%s: exit %d: %s" % (pdf, out.returncode, out.stderr))
    return json.loads(out.stdout)


def page_sizes(pdf):
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf],
                         capture_output=True, text=True).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[0] == "Page" and parts[2] == "size:":
            sizes[int(parts[1])] = (float(parts[3]), float(parts[5]))
    return sizes


def turn_box(b, turn, w, h):
    """The box of an upright page of w x h points on the page turned."""
    x0, y0, x1, y1 = b
    if turn == "clockwise":
        return [h - y1, x0, h - y0, x1]
    return [y0, w - x1, y1, w - x0]


def split_boxes(node, sizes, turn, boxes, colours, path="$"):
    """node without its bboxes (turned where turn is given) and icon
    colours, which go into boxes and colours by path."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "bbox" and isinstance(v, list) and len(v) == 4:
                if turn:
                    w, h = sizes[node["page"]]
                    v = turn_box(v, turn, w, h)
                boxes[path] = v
            elif k == "color" and isinstance(v, str) and len(v) == 7:
                colours[path] = [int(v[i:i + 2], 16) for i in (1, 3, 5)]
            else:
                out[k] = split_boxes(v, sizes, turn, boxes, colours, path + "." + k)
        return out
    if isinstance(node, list):
        return [split_boxes(v, sizes, turn, boxes, colours, "%s[%d]" % (path, i))
                for i, v in enumerate(node)]
    return node


def far_apart(want, got, tolerance):
    """Paths whose numbers differ by more than tolerance, or that one side lacks."""
    return [p for p in sorted(set(want) | set(got))
            if p not in want or p not in got or
            max(abs(a - b) for a, b in zip(want[p], got[p])) > tolerance]


def content(doc):
    """What must not change with the turn: all but source and the warnings
    that say the page is turned."""
    d = {k: v for k, v in doc.items() if k not in ("source", "warnings")}
    d["warnings"] = sorted((w["code"], w.get("page")) for w in doc.get("warnings", [])
                           if w["code"] != "sideways-text")
    return d


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    arsred, src = sys.argv[1], sys.argv[2]
    if not shutil.which("qpdf") or not shutil.which("pdfinfo"):
        print("turned.py: skipped: needs qpdf and pdfinfo", file=sys.stderr)
        return 77
    pdfs = [os.path.join(src, "fixtures", f) for f in FIXTURES]
    if not all(os.path.exists(p) for p in pdfs):
        print("turned.py: skipped: fixtures absent", file=sys.stderr)
        return 77
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            upright = extract(arsred, pdf)
            sizes = page_sizes(pdf)
            for angle, turn in TURNS.items():
                turned_pdf = os.path.join(tmp, "turned.pdf")
                subprocess.run(["qpdf", "--rotate=%s" % angle, pdf, turned_pdf], check=True)
                turned = extract(arsred, turned_pdf)
                name = "%s turned %s" % (os.path.relpath(pdf, src), turn)
                want_boxes, got_boxes, want_colours, got_colours = {}, {}, {}, {}
                want = split_boxes(content(upright), sizes, turn, want_boxes, want_colours)
                got = split_boxes(content(turned), sizes, None, got_boxes, got_colours)
                problems = []
                if want != got:
                    for key in sorted(set(want) | set(got)):
                        if want.get(key) != got.get(key):
                            problems.append("%s differs: upright %s, turned %s" % (
                                key, json.dumps(want.get(key), ensure_ascii=False)[:300],
                                json.dumps(got.get(key), ensure_ascii=False)[:300]))
                for path in far_apart(want_boxes, got_boxes, BOX_TOLERANCE):
                    problems.append("%s: bbox %s, want %s" % (path, got_boxes.get(path),
                                                              want_boxes.get(path)))
                for path in far_apart(want_colours, got_colours, COLOUR_TOLERANCE):
                    problems.append("%s: colour %s, want %s" % (path, got_colours.get(path),
                                                                want_colours.get(path)))
                sideways = sorted(w.get("page") for w in turned.get("warnings", [])
                                  if w["code"] == "sideways-text")
                pages_with_text = sorted(p for p in sizes
                                         if p not in [w.get("page") for w in upright.get("warnings", [])
                                                      if w["code"] == "no-text-layer"])
                if sideways != pages_with_text:
                    problems.append("sideways-text on pages %s, want %s" % (sideways, pages_with_text))
                if problems:
                    failures += 1
                    print("FAIL %s" % name)
                    for p in problems[:12]:
                        print("  " + p)
                else:
                    print("ok   %s" % name)
    print("turned: %d of %d renderings differ" % (failures, 2 * len(pdfs)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
