#!/usr/bin/env python3
"""The KPI variation harness: KPIs as people write them, and the report's
own name, from four PDF producers (fixtures/kpi-variation/, made by
fixtures/src/kpi-variation/make.py) must give what <case>.expected.json
says.

    kpi_variation.py ARSRED SOURCE_DIR [--show]

For every PDF of every case, against the tool's `extract` output:
- every expected KPI is there: a KPI whose name, folded (case, white space,
  trailing punctuation), is the entry's `name` or one of its `aliases`, with
  exactly its `value` (kind "missing");
- that figure is there once: exactly one KPI of that name and value
  (kind "twice");
- where the entry gives them, its `unit`, `year`, `previous`, `target`,
  `kolada_id` and `qualifier` are the KPI's (a kind each; null in the entry
  means the KPI has none);
- no other KPI: every KPI of the output matches an entry of `kpis` or of
  `optional` (whose value, where left out, is any) (kind "extra");
- no KPI is named as one of `forbidden_names` (kind "forbidden");
- the `report` fields given (organisation, body, year) are the output's
  (kind "report").

Prints each difference, grouped by PDF (--show also prints every KPI the
tool gave); exit status 1 where there is any besides KNOWN_FAILURES (or a
known failure passes now), 77 where the tool or the fixtures are absent, 0
otherwise.
"""
import json
import os
import re
import subprocess
import sys

import known_failures


FIELDS = ("unit", "year", "previous", "target", "kolada_id", "qualifier")
RENDERINGS = ("chromium", "pdflatex", "reportlab", "libreoffice")


def every(case, *entries, only=RENDERINGS):
    """The same entries for the case's PDF in each rendering of only."""
    return {"%s-%s.pdf" % (case, r): list(entries) for r in only}


# What the tool does not get right yet, by PDF: (what, cause). what is a
# kind of difference (missing, twice, unit, year, previous, target,
# kolada_id, qualifier, extra, forbidden, report, or "*" for all),
# optionally with ":" and a text the difference's message must contain
# (case and white space folded). A difference an entry covers is printed as
# KNOWN and does not fail the run; an entry that covers no difference fails
# it until it is taken off this list, so that what is fixed stays fixed.
# Every entry is a failure of the tool, named with its cause. (Written from
# a run of the tool at the commit this file came with; issue 17 empties it.)

KNOWN_FAILURES = {}


def fold(s):
    """Case, runs of white space and trailing punctuation folded."""
    s = re.sub(r"\s+", " ", s or "").strip()
    return re.sub(r"[\s.,:;!?]+$", "", s).casefold()


def same_number(a, b):
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def names(entry):
    return {fold(entry["name"])} | {fold(a) for a in entry.get("aliases", [])}


def matches(entry, k, value_needed=True):
    if fold(k.get("name")) not in names(entry):
        return False
    if "value" not in entry:
        return not value_needed
    return same_number(k.get("value"), entry["value"])


def same_field(field, want, got):
    if want is None:
        return got is None
    if field in ("previous", "target", "year"):
        return same_number(got, want)
    if field == "qualifier":
        return fold(got) == fold(want)
    return got == want


def show_kpi(k):
    extra = "".join(", %s %s" % (f, json.dumps(k[f], ensure_ascii=False)) for f in FIELDS if f in k)
    return "%r = %s%s (p. %s, %s: %r)" % (k.get("name"), k.get("value"), extra, k.get("page"),
                                          k.get("pattern"), k.get("text"))


def want_kpi(e):
    return "%r = %s" % (e["name"], e["value"])


def check_pdf(arsred, pdf, exp, work, show=False):
    """[(kind, message)]: every difference from the expectation."""
    if not os.path.exists(pdf):
        return [("*", "the PDF is missing")]
    run = subprocess.run([arsred, "extract", "--quiet", pdf, "-o", work],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_json = os.path.join(work, os.path.basename(pdf)[:-4] + ".json")
    if run.returncode != 0 or not os.path.exists(out_json):
        return [("*", "arsred failed (exit %d): %s" % (run.returncode, run.stderr.decode(errors="replace")[:300]))]
    with open(out_json, encoding="utf-8") as f:
        doc = json.load(f)
    kpis = doc.get("kpis", [])
    if show:
        for k in kpis:
            print("      kpi " + show_kpi(k))
    problems = []
    for e in exp["kpis"]:
        hits = [k for k in kpis if matches(e, k)]
        if not hits:
            named = [show_kpi(k) for k in kpis if fold(k.get("name")) in names(e)]
            valued = [show_kpi(k) for k in kpis if same_number(k.get("value"), e["value"])]
            problems.append(("missing", "no KPI %s (of that name: %s; of that value: %s)"
                             % (want_kpi(e), "; ".join(named) or "none", "; ".join(valued) or "none")))
            continue
        if len(hits) > 1:
            problems.append(("twice", "KPI %s %d times: %s" % (want_kpi(e), len(hits),
                                                                "; ".join(show_kpi(k) for k in hits))))
        # the hit that agrees on the most fields
        hit = max(hits, key=lambda k: sum(same_field(f, e[f], k.get(f)) for f in FIELDS if f in e))
        for f in FIELDS:
            if f in e and not same_field(f, e[f], hit.get(f)):
                problems.append((f, "KPI %s: %s: want %s, got %s" % (
                    want_kpi(e), f, json.dumps(e[f], ensure_ascii=False), json.dumps(hit.get(f), ensure_ascii=False))))
    for k in kpis:
        if not any(matches(e, k) for e in exp["kpis"]) and not any(matches(o, k, False) for o in exp["optional"]):
            problems.append(("extra", "an extra KPI %s" % show_kpi(k)))
    forbidden = {fold(n) for n in exp["forbidden_names"]}
    for k in kpis:
        if fold(k.get("name")) in forbidden:
            problems.append(("forbidden", "a KPI named %r: %s" % (k.get("name"), show_kpi(k))))
    report = doc.get("report") or {}
    for field, want in exp["report"].items():
        if report.get(field) != want:
            problems.append(("report", "report.%s: want %s, got %s" % (
                field, json.dumps(want, ensure_ascii=False), json.dumps(report.get(field), ensure_ascii=False))))
    return problems



def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--show" in sys.argv
    arsred, source = args[0], args[1]
    folder = os.path.join(source, "fixtures", "kpi-variation")
    return known_failures.run_set("kpi_variation", arsred, folder,
                                  lambda pdf, exp, work: check_pdf(arsred, pdf, exp, work, show),
                                  KNOWN_FAILURES, "the expected KPIs and report fields")


if __name__ == "__main__":
    sys.exit(main())
