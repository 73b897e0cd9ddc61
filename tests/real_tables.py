#!/usr/bin/env python3
"""Real reports as regression cases: tables of ../shared/corpus/real that
were checked by eye, with their titles, page spans, columns and notes.

    real_tables.py ARSRED SOURCE_DIR

Also, over every table of the corpus: no title is a date or period line,
an organisation number or a column word. Exit status 0 (held), 1 (a case
failed), 77 (skipped: ../shared/corpus/real is absent, as on a user's
machine).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SKIPPED = 77

# file, first page, title, last page, column labels (None: not checked),
# {row label: note_ref}
CASES = [
    ("kalmarnation-balansrapport-2025.pdf", 1, "Balansrapport ÅRL", 2,
     ["Ing balans", "Period", "Utg balans"], {}),
    ("kalmarnation-resultatrapport-2025.pdf", 1, "Resultatrapport ÅRL", 3,
     ["Period", "Ackumulerat", "Period fg år"], {}),
    ("langkatekesen-balansrakning-2025.pdf", 1, "Balansräkning Långkatekesen", 2,
     ["Ing saldo", "Förändring", "Utg saldo"], {"EGET KAPITAL": None}),
    ("langkatekesen-resultatrakning-2025.pdf", 1, "Resultaträkning Långkatekesen", 2,
     ["Ackumulerat"], {}),
    ("brf-49369-hjorthagen.pdf", 8, "Resultaträkning", 8, ["2023", "2022"],
     {"Övriga rörelseintäkter": "3"}),
    ("brf-49369-hjorthagen.pdf", 9, "Balansräkning", 10, ["2023-12-31", "2022-12-31"],
     {"Byggnad och mark": "12", "Övriga fordringar": "14"}),
    ("brf-49369-hjorthagen.pdf", 15, "NOT 11, RÄNTEKOSTNADER OCH LIKNANDE RESULTATPOSTER", 15,
     ["2023", "2022"], {}),
    ("brf-198532-srs.pdf", 9, "Balansräkning", 10, ["2021-12-31", "2020-12-31"],
     {"Byggnader": "8,12"}),
    ("brf-sjotungan-2006.pdf", 6, "Balansräkning", 6, ["2006-12-31", "2005-12-31"],
     {"Byggnader och Mark": "6"}),
    ("goteborg-stadsrevisionen-arsredogorelse-2022.pdf", 43, "Utfall per 2022-12-31", 43,
     ["Utfall 2022", "Budget 2022", "Utfall 2021"], {}),
    # the statement's name in the corner, larger than the column heads,
    # under the page's title
    ("brf-sjotungan-2006.pdf", 5, "Resultaträkning", 5, None, {"Nettoomsättning": "1"}),
    # a proposal under its bold heading after an equity table: two tables
    ("brf-lonnen-jonkoping.pdf", 5, "Resultatdisposition", 5, None, {}),
    # notes set one under another in one grid, each under its heading row
    ("brf-sjotungan-stamma-2022.pdf", 18, "Not 2 Övriga rörelseintäkter", 18, None,
     {"Försäkringsersättningar": None, "Kompensation HSB": None}),
    ("brf-sjotungan-stamma-2022.pdf", 19, "Not 7 Räntekostnader och liknande resultatposter", 19, None,
     {"Räntekostnader långfristiga skulder": None}),
    # heads of tight columns run together, split at the figures' grid; a
    # label's second line in capitals
    ("simrishamn-kfn-arsbokslut-2025.pdf", 21, "Investeringar i detalj per nämnd", 21,
     ["Utgifter sedan projektets start Total projektbudget", "Ack. Utfall", "Avvikelse",
      "Varav årets investeringar Budget 2025", "Utfall 2025", "Budgetavvikelse"],
     {"Ny teknik bowlinghall Korsavad (6154)": None, "Summa färdigställda projekt": None}),
    ("simrishamn-kfn-arsbokslut-2025.pdf", 36, "Ungdomsverksamhet", 36,
     ["Bokslut 2022", "Bokslut 2023", "Bokslut 2024", "Bokslut 2025", "Budget 2025"], {}),
    # the page's shared header of dates over stacked notes; white dates
    # on white over it are no head
    ("brf-lonnen-jonkoping.pdf", 12, "Not 6 Byggnader", 12, ["2023-12-31", "2022-12-31"], {}),
    ("brf-lonnen-jonkoping.pdf", 7, "Balansräkning", 8, ["2023-12-31", "2022-12-31"], {}),
    ("brf-smultronstallet-ytterby.pdf", 8, "Balansräkning", 9, ["2023-12-31", "2022-12-31"], {}),
    ("brf-sjotungan-stamma-2022.pdf", 20, "Not 8 Byggnader och mark", 20, ["2021-12-31", "2020-12-31"], {}),
]

NOT_A_TITLE = [
    re.compile(r"^\s*(\d{4}(-\d\d(-\d\d)?)?)(\s*[-–]\s*\d{4}(-\d\d(-\d\d)?)?)?\s*$"),  # a date or period
    re.compile(r"^\s*(period|räkenskapsår|senaste bokföringsdag|utskrivet)\b.*\d", re.I),
    re.compile(r"^\s*(org\.?\s*nr\.?\s*)?\d{6}-\d{4}\s*$", re.I),                        # an org number
    re.compile(r"^\s*(verksamhet|verksamhetsområde|tjänster|projekt|objekt|belopp|tkr|not)\s*$", re.I),
]


def extract(arsred, pdf, work):
    subprocess.run([arsred, "extract", "--quiet", pdf, "-o", work],
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    path = os.path.join(work, os.path.basename(pdf)[:-4] + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_case(doc, case):
    name, page, title, last_page, columns, notes = case
    found = [t for t in doc["tables"] if t["page"] == page and t.get("title") == title]
    if not found:
        got = [(t["page"], t.get("title")) for t in doc["tables"] if t["page"] == page]
        return ["%s p%d: no table titled %r (page %d has %r)" % (name, page, title, page, got)]
    t = found[0]
    problems = []
    if t.get("last_page", t["page"]) != last_page:
        problems.append("%s %r: ends on page %d, want %d" % (name, title, t.get("last_page", t["page"]), last_page))
    labels = [c["label"] for c in t["columns"]]
    if columns is not None and labels != columns:
        problems.append("%s %r: columns %r, want %r" % (name, title, labels, columns))
    rows = {r["label"]: r.get("note_ref") for r in t["rows"]}
    for label, note in notes.items():
        if label not in rows:
            problems.append("%s %r: no row %r" % (name, title, label))
        elif rows[label] != note:
            problems.append("%s %r: row %r note_ref %r, want %r" % (name, title, label, rows[label], note))
    return problems


def main():
    arsred, source = sys.argv[1], sys.argv[2]
    corpus = os.path.normpath(os.path.join(source, "..", "shared", "corpus", "real"))
    if not os.path.isdir(corpus):
        print("real_tables: skipped: %s is absent (as on a user's machine)" % corpus)
        return SKIPPED
    problems = []
    with tempfile.TemporaryDirectory() as work:
        docs = {}
        for name in sorted(os.listdir(corpus)):
            if name.endswith(".pdf"):
                docs[name] = extract(arsred, os.path.join(corpus, name), work)
        for case in CASES:
            doc = docs.get(case[0])
            problems += ["%s: not read" % case[0]] if doc is None else check_case(doc, case)
        for name, doc in docs.items():
            for t in (doc or {}).get("tables", []):
                title = t.get("title") or ""
                if any(p.search(title) for p in NOT_A_TITLE):
                    problems.append("%s %s: title %r is a date line, an org number or a column word"
                                    % (name, t["id"], title))
    for p in problems:
        print(p)
    print("real_tables: %d cases, %d problems" % (len(CASES), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
