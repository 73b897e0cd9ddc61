#!/usr/bin/env python3
"""Writes the small seeds of fuzz/corpus/ (they are committed; run again
only to change them): numbers, a pattern file, synthetic pages for
fuzz_layout in its typesetting code (see fuzz_layout.c) and a tiny PDF
for fuzz_pipeline, and extract JSON for fuzz_json: edge cases always, and
small cuts of the JSON of a few fixtures where --arsred names the
executable to extract them with (fuzz/make_seeds.py --arsred build/arsred).
The fixture PDFs (and the real corpus, where there is one) seed
fuzz_pipeline too, cut small by scripts/fuzz.sh through --cut DEST PDF...:
a PDF of one page for a few pages of each (fuzz_pipeline reads the first
pages of an input only; small seeds mutate and run faster), with qpdf."""
import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


NUMBERS = ["\u22121 234,5", "12,3 %", "(4 557)", "- 6 279", "1\u2009234\u202f567",
           "1.234,5", "-400*", "4 557 a)", "72,7%", "0,250", "2020", "2020-12-31",
           "0640-161 00", "769622-7128", "+46 640 161 00", "1 okt 2019",
           "Nettokostnaden blev 8,8 (8,8) mnkr, \u20133,5 % mot budget.",
           "\u2013", "12345678901234567890123", "835 80 Krokom"]

# fuzz_layout's code: ASCII is itself; 0x80+ are pen commands.
NEWLINE, GAP, SIZE, STYLE, X, Y, PAGE = 0x80, 0x90, 0xa0, 0xb0, 0xb9, 0xba, 0xbd
SPECIAL = {"\u00e5": 0xc0, "\u00e4": 0xc1, "\u00f6": 0xc2, "\u00c5": 0xc3, "\u00c4": 0xc4,
           "\u00d6": 0xc5, "\u2212": 0xc8, "\u2013": 0xc9, "\u00a0": 0xcc, "\u00ad": 0xd0}


def text(s):
    out = bytearray()
    for ch in s:
        out.append(SPECIAL[ch] if ch in SPECIAL else ord(ch))
    return bytes(out)


def at(x, y, s, size=10, bold=False):
    return (bytes([SIZE | (size - 5), STYLE | int(bold), X, int(x / 2.5), Y, int(y / 3.5)])
            + text(s) + b"\n")


def table_page():
    rows = [("Verksamhet", "Budget", "Utfall", "Avvikelse"),
            ("Int\u00e4kter", "4\u00a0557", "4\u00a0812", "255"),
            ("Kostnader", "\u221212\u00a0300", "\u221212\u00a0011", "289"),
            ("Nettokostnad", "\u22127\u00a0743", "\u22127\u00a0199", "544")]
    out = at(50, 60, "Driftredovisning (tkr)", 14, True)
    y = 100
    for r in rows:
        out += at(50, y, r[0], bold=r[0] == "Nettokostnad")
        for k, cell in enumerate(r[1:]):
            out += at(250 + 90 * k, y, cell)
        y += 14
    out += at(50, y + 20, "Nettokostnaden blev 544 tkr b\u00e4ttre \u00e4n budget.")
    return out


def long_table():
    """A table that runs over a page and onto the next, with sums."""
    out = at(50, 40, "Investeringsredovisning (mnkr)", 12, True)
    out += at(50, 60, "Projekt") + at(300, 60, "Budget 2020") + at(400, 60, "Utfall 2020")
    y, page = 74, b""
    for i in range(1, 46):
        if y > 800:
            page += out + bytes([PAGE])
            out, y = b"", 40
        out += at(50, y, "Projekt %d" % i) + at(300, y, "%d,%d" % (i * 3, i % 10))
        out += at(400, y, "\u2212%d,%d" % (i * 2, (i * 7) % 10))
        y += 24
    out += at(50, y, "Summa", bold=True) + at(300, y, "21\u00a0780,0", bold=True)
    return page + out


def prose_page(n):
    out = at(50, 25, "Kommunstyrelsen \u2013 \u00c5rsredovisning 2020", 8)
    out += at(50, 80, "\u00c5rsredovisning 2020", 18, True)
    out += at(50, 120, "M\u00e5l: Alla barn ska ha en trygg skolg\u00e5ng. Uppfyllt.")
    out += at(50, 134, "Andel beh\u00f6riga l\u00e4rare 72,7 % (70,1 %).")
    out += at(50, 148, "En l\u00e5ng mening som forts\u00e4tter p\u00e5 n\u00e4sta ko-")
    out += at(300, 120, "lumn och slutar d\u00e4r.")
    out += at(290, 800, str(n), 8)
    return out


def tiny_pdf():
    """One page with a heading, a line of prose and a three-column table."""
    lines = [(72, 760, 14, "Kommunstyrelsen \\226 \\305rsredovisning 2020"),
             (72, 730, 10, "Driftredovisning \\(tkr\\)"),
             (72, 710, 10, "Verksamhet"), (250, 710, 10, "Budget"), (340, 710, 10, "Utfall"),
             (72, 696, 10, "Int\\344kter"), (250, 696, 10, "4 557"), (340, 696, 10, "4 812"),
             (72, 682, 10, "Kostnader"), (250, 682, 10, "-12 300"), (340, 682, 10, "-12 011"),
             (72, 668, 10, "Nettokostnad"), (250, 668, 10, "-7 743"), (340, 668, 10, "-7 199")]
    content = "".join("BT /F1 %d Tf %d %d Td (%s) Tj ET\n" % (s, x, y, t) for x, y, s, t in lines)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length %d >>\nstream\n%sendstream" % (len(content), content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += "%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += "".join("%010d 00000 n \n" % o for o in offsets)
    out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out.encode("latin-1")


JSON_FIXTURES = ["krokom-ks-2020", "mal-ikontabell", "planted-sign", "exempelby-bun-2021"]


def dumps(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def cut_document(doc, rows=4, items=3):
    """The document with a few of each: two tables of a few rows, the
    checks and relations not checked that name them, a few goals, KPIs
    and warnings."""
    doc = copy.deepcopy(doc)
    doc["tables"] = doc["tables"][:2]
    for t in doc["tables"]:
        t["rows"] = t["rows"][:rows]
    ids = {t["id"]: t for t in doc["tables"]}

    def inside(o):
        t = ids.get(o.get("table"))
        return t is not None and (o.get("row") is None or o["row"] < len(t["rows"]))

    doc["checks"] = [c for c in doc.get("checks", []) if inside(c)][:items * 2]
    cov = doc.get("check_coverage", {})
    cov["not_checked"] = [u for u in cov.get("not_checked", []) if inside(u)][:items]
    for key in ("goals", "assignments", "kpis", "warnings"):
        doc[key] = doc.get(key, [])[:items]
    return doc


def extract_json(arsred):
    """The extract JSON of JSON_FIXTURES, by the executable arsred."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in JSON_FIXTURES:
            pdf = os.path.join(HERE, "..", "fixtures", name + ".pdf")
            subprocess.run([arsred, "extract", "-o", tmp, pdf], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(os.path.join(tmp, name + ".json"), encoding="utf-8") as f:
                out[name] = json.load(f)
    return out


def leaves_replaced(doc, value):
    """doc with every scalar (not the format version) replaced by value."""
    def walk(o, key=None):
        if isinstance(o, dict):
            return {k: (o[k] if k == "arsred" else walk(o[k], k)) for k in o}
        if isinstance(o, list):
            return [walk(x) for x in o]
        return value
    return walk(doc)


def containers_replaced(doc, value):
    """doc with every list and object below the top replaced by value."""
    out = {}
    for k, v in doc.items():
        if k == "tables":
            out[k] = [value if isinstance(t, (dict, list)) else t for t in v] + [
                {kk: (value if isinstance(vv, (dict, list)) else vv) for kk, vv in t.items()}
                for t in v]
        elif isinstance(v, (dict, list)):
            out[k] = value
        else:
            out[k] = v
    return out


def json_seeds(small):
    """Edge cases of the extract JSON around small, a cut of a real one."""
    seeds = {
        "minimal": '{"arsred":1,"tables":[]}',
        "not-arsred": '{"arsred":2,"tables":[]}',
        "no-tables": '{"arsred":1}',
        "empty": "",
        "nul-string": '{"arsred":1,"tables":[{"id":"a\\u0000b","title":"\\u0000"}]}',
        "lone-surrogate": '{"arsred":1,"tables":[{"id":"\\ud800","title":"x\\udfff"}]}',
        "deep": '{"arsred":1,"tables":[],"report":' + "[" * 3000 + "]" * 3000 + "}",
        "deep-ok": '{"arsred":1,"tables":[],"report":' + '{"a":' * 1000 + "1" + "}" * 1000 + "}",
        "long-strings": dumps({"arsred": 1, "source": {"path": "p" * 2000},
                               "report": {"organisation": "\u00e5" * 1000},
                               "tables": [{"id": "t" * 2000, "title": "x" * 4000,
                                           "columns": [{"label": "y" * 1000}],
                                           "rows": [{"label": "z" * 1000,
                                                     "cells": [{"text": "1" * 1000}]}]}]}),
        "huge-numbers": ('{"arsred":1,"source":{"pages":9223372036854775807},'
                         '"report":{"year":-9223372036854775808},'
                         '"tables":[{"id":"t","page":2147483648,"columns":[{"year":1e308}],'
                         '"rows":[{"cells":[{"value":1e308,"decimals":2147483648}]},'
                         '{"cells":[{"value":-1e308,"decimals":-2147483649}]}]}],'
                         '"checks":[{"table":"t","row":9223372036854775807,"column":-1,'
                         '"expected":1e308,"found":-1e308,"tolerance":1e-320,'
                         '"suspect":{"table":"t","row":0,"column":0,"explains":4294967296}}],'
                         '"warnings":[{"code":"x","count":9223372036854775807,"page":-1}]}'),
        "overflow": '{"arsred":1,"tables":[{"page":99999999999999999999,"rows":[{"cells":[{"value":1e999}]}]}]}',
        "nan-ish": ('{"arsred":1,"tables":[{"id":"t","columns":[{"kind":"budget"}],'
                    '"rows":[{"cells":[{"value":"NaN"}]},{"cells":[{"value":"Infinity"}]},'
                    '{"cells":[{"value":NaN}]}]}]}'),
        "duplicate-ids": ('{"arsred":1,"tables":[{"id":"t","columns":[{}],"rows":[{"cells":[{"value":1}]}]},'
                          '{"id":"t","columns":[],"rows":[]}],"checks":[{"table":"t","row":0,"column":0,'
                          '"suspect":{"table":"t","row":0,"column":0,"also":[{"table":"t","row":0,"column":0}]}}]}'),
    }
    for name, value in (("null", None), ("true", True), ("zero", 0), ("negative", -1),
                        ("huge", 1e308), ("string", "x"), ("empty-string", ""),
                        ("array", []), ("object", {})):
        seeds["leaves-" + name] = dumps(leaves_replaced(small, value))
        if isinstance(value, (list, dict)) or value is None or value == "x":
            seeds["containers-" + name] = dumps(containers_replaced(small, value))
    for key in small:
        if key != "arsred":
            missing = dict(small)
            del missing[key]
            seeds["missing-" + key] = dumps(missing)
    bare = copy.deepcopy(small)
    for t in bare["tables"]:
        for k in ("id", "columns", "unit", "page"):
            t.pop(k, None)
        for r in t["rows"]:
            r.pop("label", None)
            for c in r.get("cells", []):
                if isinstance(c, dict):
                    c.pop("value", None)
    seeds["missing-table-members"] = dumps(bare)
    return seeds


def pages_to_cut(n, most):
    """The pages of an n-page PDF to cut out: the first two (the cover
    and what follows it), then pages spread evenly over the rest."""
    pages = list(range(1, min(n, 2) + 1))
    rest = list(range(3, n + 1))
    if len(rest) > most - len(pages):
        step = len(rest) / max(1, most - len(pages))
        rest = sorted({rest[int(i * step)] for i in range(most - len(pages))})
    return pages + rest


FONT_FILE = re.compile(rb"^ */FontFile[23]? \d+ 0 R\r?\n", re.M)


def qpdf(*args):
    """qpdf, quiet; True where it wrote (exit 3: with warnings)."""
    done = subprocess.run(["qpdf", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode in (0, 3)


def one_page(pdf, page, out):
    """Page of pdf alone in out, without its embedded font programs (the
    text, widths and ToUnicode maps stay; poppler draws with a substitute),
    which are most of a page's bytes: 120 kB become 10. False where qpdf
    could not."""
    with tempfile.TemporaryDirectory() as tmp:
        alone, qdf = os.path.join(tmp, "page.pdf"), os.path.join(tmp, "page.qdf")
        if not qpdf("--empty", "--pages", pdf, str(page), "--", alone) or \
           not qpdf("--qdf", "--object-streams=disable", alone, qdf):
            return False
        with open(qdf, "rb") as f:
            text = FONT_FILE.sub(b"", f.read())
        with open(qdf, "wb") as f:
            f.write(text)
        # the xref offsets are off now: qpdf finds the objects again
        return qpdf("--object-streams=generate", "--recompress-flate",
                    "--compression-level=9", qdf, out) and os.path.getsize(out) > 0


def cut_pdfs(dest, pdfs, most, max_bytes):
    """One-page PDFs of up to most pages of each of pdfs, in dest (those
    past max_bytes, a scanned page say, left out); a PDF qpdf cannot read
    (the broken fixtures) is linked as it is."""
    os.makedirs(dest, exist_ok=True)
    for pdf in pdfs:
        name = os.path.basename(os.path.dirname(pdf)) + "_" + os.path.basename(pdf)[:-4]
        count = subprocess.run(["qpdf", "--show-npages", pdf], capture_output=True, text=True)
        if count.returncode not in (0, 3) or not count.stdout.strip().isdigit():
            os.symlink(os.path.abspath(pdf), os.path.join(dest, name + ".pdf"))
            continue
        for page in pages_to_cut(int(count.stdout), most):
            out = os.path.join(dest, "%s-p%d.pdf" % (name, page))
            if not one_page(pdf, page, out) or os.path.getsize(out) > max_bytes:
                if os.path.exists(out):
                    os.unlink(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--arsred", help="the arsred executable, to cut the JSON of fixtures")
    parser.add_argument("--cut", metavar="DEST", help="cut the PDFs given into pages in DEST")
    parser.add_argument("--most", type=int, default=8, help="pages cut of each PDF (--cut)")
    parser.add_argument("--max-bytes", type=int, default=65536,
                        help="the largest page kept (--cut)")
    parser.add_argument("pdfs", nargs="*", help="PDFs to cut (--cut)")
    args = parser.parse_args()
    if args.cut:
        cut_pdfs(args.cut, args.pdfs, args.most, args.max_bytes)
        return
    for i, n in enumerate(NUMBERS):
        write("fuzz_number", "number-%02d" % i, n)
    for name in ("pdf.pat", "layout.pat"):
        folder = os.path.join(CORPUS, "fuzz_patterns")
        os.makedirs(folder, exist_ok=True)
        shutil.copy(os.path.join(HERE, "..", "patterns", name), os.path.join(folder, name))
    write("fuzz_layout", "table", table_page())
    write("fuzz_layout", "prose", prose_page(1))
    write("fuzz_layout", "pages", b"".join(prose_page(n) + table_page() + bytes([PAGE])
                                           for n in range(1, 4)))
    write("fuzz_layout", "long-table", long_table())
    write("fuzz_pipeline", "tiny.pdf", tiny_pdf())
    folder = os.path.join(CORPUS, "fuzz_json")
    if args.arsred:
        for name, doc in extract_json(args.arsred).items():
            write("fuzz_json", name + ".json", dumps(cut_document(doc)))
    small_path = os.path.join(folder, JSON_FIXTURES[0] + ".json")
    if not os.path.exists(small_path):
        raise SystemExit("make_seeds.py: %s missing; give --arsred build/arsred" % small_path)
    with open(small_path, encoding="utf-8") as f:
        small = json.load(f)
    for name, text in json_seeds(cut_document(small, rows=2, items=1)).items():
        write("fuzz_json", name + ".json", text)


if __name__ == "__main__":
    main()
