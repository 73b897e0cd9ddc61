#!/usr/bin/env python3
"""Real reports as regression cases for the checks: what is wrong in
../shared/corpus/real as checked by eye against the printed pages, and
nothing else.

    real_checks.py ARSRED SOURCE_DIR

For every PDF of the corpus:
- the mismatches are exactly MISMATCHES (rule, table title, row label,
  column label), each a misprint found on the page: no false mismatch in
  the clean statements;
- the balance identity (Summa tillgångar = Summa eget kapital och skulder,
  or in credit signs their sum the result) is checked, and holds, in as
  many columns as BALANCE_IDENTITY says: in every balansräkning whose
  tables show it whole;
- for the files of COVERAGE, check_coverage gives those counts (checked,
  not checked) per rule;
- the organisation comes from the text (report.evidence) exactly in the
  files of ORGANISATION_FROM_TEXT, with that name;
- the KPIs of KPIS, read off the pages by eye, are there (name, value,
  unit, previous where given); no KPI anywhere is named as a bare unit or a
  pronoun (BARE_NAMES), and none states a figure of a note's table or a
  financial statement's.

Exit status 0 (held), 1 (a case failed), 77 (skipped: ../shared/corpus/real
is absent, as on a user's machine).
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from real_tables import extract  # noqa: E402  one way to run the tool on a PDF

SKIPPED = 77

# Misprints in the reports, read off the pages:
MISMATCHES = {
    # note 4's TOTALT DRIFTKOSTNADER 2022 is 2 984 990; its subtotals add to
    # 3 049 359 and the resultaträkning's Driftkostnader is -3 049 360
    "brf-53546-srs.pdf": [
        ("same", "Resultaträkning", "Driftkostnader", "2022"),
        ("same", "Not 4 DRIFTKOSTNADER", "TOTALT DRIFTKOSTNADER", "2022"),
    ],
    # the flerårsöversikt gives Nettoomsättning 2021-2022 as 3 541 484, the
    # resultaträkning as 3 541 521
    "brf-79568-hjorthagen.pdf": [("same", "Resultaträkning", "Nettoomsättning", "2021 - 2022")],
    # head counts: 33 + 0 + 1 + 1 printed 34
    "goteborg-stadsrevisionen-arsredogorelse-2022.pdf": [
        ("total", "Antal anställda", "Totalt antal anställda", "2022"),
    ],
    # Ekonomi's Nettoinvesteringar 5 403 against the investment table's
    # 5,401 mnkr (and the deviation with it); Summa investeringsprojekt's
    # Ack. Utfall and Avvikelse 0,003 off their parts
    "simrishamn-kfn-arsbokslut-2025.pdf": [
        ("total", "Investeringar i detalj per nämnd", "Summa investeringsprojekt", "Ack. Utfall"),
        ("total", "Investeringar i detalj per nämnd", "Summa investeringsprojekt", "Avvikelse"),
        ("same", "Investeringar i detalj per nämnd", "Summa investeringsprojekt", "Utfall 2025"),
        ("same", "Investeringar i detalj per nämnd", "Summa investeringsprojekt", "Budgetavvikelse"),
    ],
}

# Columns in which the balance identity is checked and holds. Not here:
# brf-52576-srs (its text layer spells "tillgångar" with other letters),
# brf-sjotungan-2006 (the equity side's total is not read as a table row),
# and brf-sjotungan-2010-ocrmypdf has one (OCR misread the 2009 total).
BALANCE_IDENTITY = {
    "brf-198532-srs.pdf": 2, "brf-268411-hjorthagen.pdf": 2, "brf-49369-hjorthagen.pdf": 2,
    "brf-53546-srs.pdf": 2, "brf-58306-hjorthagen.pdf": 2, "brf-79568-hjorthagen.pdf": 2,
    "brf-lonnen-jonkoping.pdf": 2, "brf-sjotungan-2003.pdf": 2,
    "brf-sjotungan-2010-ocrmypdf.pdf": 1, "brf-sjotungan-stamma-2022.pdf": 2,
    "brf-smultronstallet-ytterby.pdf": 2, "kalmarnation-balansrapport-2025.pdf": 3,
    "langkatekesen-balansrakning-2025.pdf": 3,
}

# (checked, not checked) per rule, for a few files: a ledger's balance
# report (every row's opening + change = closing, every sum, the identity in
# three columns), a ledger's income statement (one group heading's words
# printed in a figure column leave one sum unread), and a board's report
# (three prose figures name no table).
COVERAGE = {
    "langkatekesen-balansrakning-2025.pdf": {"total": (26, 0), "same": (3, 0)},
    "kalmarnation-resultatrapport-2025.pdf": {"total": (44, 1)},
    "simrishamn-kfn-arsbokslut-2025.pdf": {"row.net": (2, 0), "column.deviation": (40, 0),
                                           "total": (33, 0), "same": (6, 0), "text": (1, 3)},
}


# The report's own name where the cover does not give it (an image) and
# the text does, again and again ("Simrishamns kommuns kulturpris …").
ORGANISATION_FROM_TEXT = {
    "simrishamn-kfn-arsbokslut-2025.pdf": "Simrishamns kommun",
}


def mismatches(doc):
    tables = {t["id"]: t for t in doc["tables"]}
    out = []
    for c in doc["checks"]:
        if c.get("result") != "mismatch":
            continue
        t = tables[c["table"]]
        row = t["rows"][c["row"]]["label"] if c.get("row") is not None else None
        column = t["columns"][c["column"]]["label"] if c.get("column") is not None else None
        out.append((c["rule"], t.get("title"), row, column))
    return sorted(out, key=repr)


# KPIs read off the pages: (name, value, unit, previous or None).
KPIS = {
    "brf-lonnen-jonkoping.pdf": [
        ("medlemmar", 40, None, 40),              # "hade vid årets slut 40 (40) medlemmar"
        ("röstberättigade medlemmar", 27, None, 28),
        ("lägenhetsöverlåtelser", 4, None, 3),
    ],
    "brf-198532-srs.pdf": [
        ("Antal medlemmar vid räkenskapsårets början", 170, None, None),
        ("Tillkommande medlemmar", 22, None, None),
        ("Avgående medlemmar", 27, None, None),
        ("Antal medlemmar vid räkenskapsårets slut", 165, None, None),
    ],
    "brf-58306-hjorthagen.pdf": [
        ("Medlemmar vid årets utgång", 35, "st", None),   # label and figure apart on one line
        ("protokollförda sammanträden", 11, None, None),
    ],
    "brf-sjotungan-2003.pdf": [
        ("medlemmar", 723, None, None),
        ("Total bostadsyta", 55170, "kvm", None),          # "55.170 kvm"
        ("Total lokalyta", 2951, "kvm", None),
    ],
    "brf-sjotungan-2010-ocrmypdf.pdf": [
        ("redovisade timmar", 3061, "timmar", 2890),       # "redovisade 3061 (2890) timmar"
        ("överlåtits genom köp", 41, None, None),
    ],
    "goteborg-stadsrevisionen-arsredogorelse-2022.pdf": [
        ("kommunbidrag", 38352, "tkr", None),              # "ett kommunbidrag om 38 352 tusen kronor"
        ("Intäkter från granskningen", 5214, "tkr", None),
        ("Det egna kapitalet", 3366, "tkr", None),
        ("yrkesrevisorer", 24, None, None),                # "varav 24 yrkesrevisorer"
        ("Den totala sjukfrånvaron", 2.8, "%", 5.0),
        ("Den korta sjukfrånvaron (1–14 dagar)", 1.3, "%", 0.9),
    ],
    "goteborg-stadsrevisionen-arsredogorelse-2024.pdf": [
        ("kommunbidrag", 42296, "tkr", None),
        ("det egna kapitalet", 5479, "tkr", None),         # "I bokslutet 2024 uppgår det egna kapitalet till …"
        ("medarbetare", 30, None, None),
    ],
}

# The same figure stated twice in prose (a summary and the finance
# section) is one KPI with both places: (name, value, sources).
ONCE = {
    "goteborg-stadsrevisionen-arsredogorelse-2024.pdf": [("Årets resultat", 2778, 2)],
}

BARE_NAMES = {"kr", "tkr", "mnkr", "kvm", "st", "procent", "%", "objekt", "den", "det", "dessa", "vi"}
NOT_KEY_FIGURES = ("not ", "noter", "resultaträkning", "balansräkning", "kassaflöde")


def kpi_problems(name, doc):
    problems = []
    kpis = doc.get("kpis", [])
    for want in KPIS.get(name, []):
        hit = [k for k in kpis if (k["name"], k["value"], k.get("unit"), k.get("previous")) == want]
        if not hit:
            problems.append("%s: no KPI %r" % (name, want))
    for want_name, want_value, want_sources in ONCE.get(name, []):
        hit = [k for k in kpis if k["name"] == want_name and k["value"] == want_value]
        if len(hit) != 1 or len(hit[0].get("sources", [])) != want_sources:
            problems.append("%s: %r = %s once with %d sources, got %r"
                            % (name, want_name, want_value, want_sources,
                               [(k["name"], len(k.get("sources", []))) for k in hit]))
    statement_figures = set()
    for t in doc.get("tables", []):
        where = ("%s %s" % (t.get("title") or "", t.get("section") or "")).strip().casefold()
        if any(where.startswith(w) or (" " + w) in where for w in NOT_KEY_FIGURES):
            for r in t["rows"]:
                for c in r["cells"]:
                    if c and c.get("value") is not None:
                        statement_figures.add((r["label"], c["value"], c.get("page", t["page"])))
    for k in kpis:
        if k["name"].casefold() in BARE_NAMES:
            problems.append("%s: a KPI named %r (p. %s: %r)" % (name, k["name"], k["page"], k["text"]))
        if (k["name"], k["value"], k["page"]) in statement_figures:
            problems.append("%s: a KPI from a note or a statement: %r = %s" % (name, k["name"], k["value"]))
    return problems


def check_file(name, doc):
    problems = []
    got = mismatches(doc)
    want = sorted(MISMATCHES.get(name, []), key=repr)
    if got != want:
        problems.append("%s: mismatches %r, want %r" % (name, got, want))
    holding = sum(1 for c in doc["checks"]
                  if "balance identity" in c.get("expr", "") and c.get("result") != "mismatch")
    if holding != BALANCE_IDENTITY.get(name, 0):
        problems.append("%s: the balance identity holds in %d columns, want %d"
                        % (name, holding, BALANCE_IDENTITY.get(name, 0)))
    report = doc.get("report", {})
    want_org = ORGANISATION_FROM_TEXT.get(name)
    from_text = report.get("evidence", {}).get("organisation", "").startswith("the text names it")
    if want_org and (report.get("organisation") != want_org or not from_text):
        problems.append("%s: organisation %r (evidence %r), want %r from the text"
                        % (name, report.get("organisation"), report.get("evidence"), want_org))
    if not want_org and from_text:
        problems.append("%s: organisation %r taken from the text, but the cover names it"
                        % (name, report.get("organisation")))
    problems += kpi_problems(name, doc)
    if name in COVERAGE:
        rules = {r["rule"]: (r["checked"], r["not_checked"])
                 for r in doc.get("check_coverage", {}).get("rules", [])}
        if rules != COVERAGE[name]:
            problems.append("%s: coverage %r, want %r" % (name, rules, COVERAGE[name]))
    return problems


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    arsred, source = sys.argv[1], sys.argv[2]
    corpus = os.path.normpath(os.path.join(source, "..", "shared", "corpus", "real"))
    if not os.path.isdir(corpus):
        print("real_checks: %s is absent; skipped" % corpus)
        return SKIPPED
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".pdf"))
    problems = []
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            doc = extract(arsred, os.path.join(corpus, name), work)
            if doc is None:
                problems.append("%s: no output" % name)
                continue
            problems += check_file(name, doc)
    for listed in sorted(set(MISMATCHES) | set(BALANCE_IDENTITY) | set(COVERAGE)):
        if listed not in names:
            problems.append("%s: listed here but not in the corpus" % listed)
    for p in problems:
        print("FAIL: " + p)
    print("real_checks: %d PDFs, %d problems" % (len(names), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
