#!/usr/bin/env python3
"""Writes the small seeds of fuzz/corpus/ (they are committed; run again
only to change them): numbers, a pattern file, synthetic pages for
fuzz_layout in its typesetting code (see fuzz_layout.c) and a tiny PDF
for fuzz_pipeline. The fixture PDFs seed fuzz_pipeline too, linked by
scripts/fuzz.sh."""
import os
import shutil

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
    for i in range(1, 121):
        if y > 800:
            page += out + bytes([PAGE])
            out, y = b"", 40
        out += at(50, y, "Projekt %d" % i) + at(300, y, "%d,%d" % (i * 3, i % 10))
        out += at(400, y, "\u2212%d,%d" % (i * 2, (i * 7) % 10))
        y += 12
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


def main():
    for i, n in enumerate(NUMBERS):
        write("fuzz_number", "number-%02d" % i, n)
    for name in ("pdf.pat", "layout.pat"):
        folder = os.path.join(CORPUS, "fuzz_patterns")
        os.makedirs(folder, exist_ok=True)
        shutil.copy(os.path.join(HERE, "..", "patterns", name), os.path.join(folder, name))
    write("fuzz_layout", "table", table_page())
    write("fuzz_layout", "prose", prose_page(1))
    write("fuzz_layout", "pages", b"".join(prose_page(n) + table_page() + bytes([PAGE])
                                           for n in range(1, 6)))
    write("fuzz_layout", "long-table", long_table())
    write("fuzz_pipeline", "tiny.pdf", tiny_pdf())


if __name__ == "__main__":
    main()
