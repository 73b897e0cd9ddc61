#!/bin/sh
# arsred compare on the Lövsala series (three years, PDFs and extract JSON,
# in any order) gives exactly the series, KPIs, goal matches and
# restatements of fixtures/series/series.expected.json; its CSV loads into
# SQLite; other organisations and repeated years are handled as the README
# says. Usage: compare.sh ARSRED SOURCE_DIR
set -u
arsred=$1
src=$2
series=$src/fixtures/series
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

# The expected document against a compare document: every expected series,
# KPI, goal and restatement present with exactly these values, and no more.
same_as_expected() {
    python3 - "$series/series.expected.json" "$1" <<'PY'
import json, sys
want = json.load(open(sys.argv[1]))
got = json.load(open(sys.argv[2]))
errors = []
def key(x):
    return tuple(x.get(k) for k in ("table", "row", "kind", "kpi", "name", "year"))
for part in ("series", "kpis"):
    g = {key(x): x for x in got[part]}
    for w in want[part]:
        x = g.get(key(w))
        if not x or x["by_year"] != w["by_year"] or x["unit"] != w["unit"]:
            errors.append(f"{part}: want {json.dumps(w, ensure_ascii=False)}, got {json.dumps(x, ensure_ascii=False)}")
    if len(got[part]) != len(want[part]):
        errors.append(f"{part}: {len(got[part])} lines, want {len(want[part])}")
g = {x["text"]: x for x in got["goals"]}
for w in want["goals"]:
    x = g.get(w["text"])
    if not x or x["by_year"] != w["by_year"] or x["texts"] != w["texts"]:
        errors.append(f"goal {w['text']!r}: got {json.dumps(x, ensure_ascii=False)}")
if len(got["goals"]) != len(want["goals"]):
    errors.append(f"goals: {len(got['goals'])}, want {len(want['goals'])}")
g = {key(x): x for x in got["restatements"]}
for w in want["restatements"]:
    x = g.get(key(w))
    pairs = lambda r: [(v["report"], v["value"]) for v in r["values"]]
    if not x or pairs(x) != pairs(w):
        errors.append(f"restatement {key(w)}: got {json.dumps(x, ensure_ascii=False)}")
if len(got["restatements"]) != len(want["restatements"]):
    errors.append(f"restatements: {len(got['restatements'])}, want {len(want['restatements'])}")
for e in errors:
    print("  " + e)
sys.exit(1 if errors else 0)
PY
}

"$arsred" compare "$series/lovsala-kfn-2023.pdf" "$series/lovsala-kfn-2021.pdf" "$series/lovsala-kfn-2022.pdf" \
    >"$tmp/pdfs.json" && ok || fail "compare on PDFs exits 0"
same_as_expected "$tmp/pdfs.json" && ok || fail "compare on PDFs: series, KPIs, goals, restatements"

for y in 2021 2022 2023; do
    "$arsred" extract --quiet "$series/lovsala-kfn-$y.pdf" >"$tmp/$y.json" || fail "extract $y"
done
"$arsred" compare "$tmp/2022.json" "$tmp/2023.json" "$tmp/2021.json" >"$tmp/docs.json" && ok || fail "compare on JSON exits 0"
same_as_expected "$tmp/docs.json" && ok || fail "compare on extract JSON: same as expected"

# A goal matched by words that differ much is reported as unsure; these
# wordings differ by a few words and every match is sure.
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(any(g.get('match') != 'sure' for g in d['goals']))" \
    "$tmp/pdfs.json" && ok || fail "every Lövsala goal matched for sure"

# Two reports of one year: the later file on the command line wins, with a warning.
cp "$tmp/2022.json" "$tmp/2022-again.json"
"$arsred" compare "$tmp/2021.json" "$tmp/2022.json" "$tmp/2022-again.json" >"$tmp/twice.json" 2>"$tmp/twice.err" \
    && ok || fail "same year twice exits 0"
grep -q "both of 2022" "$tmp/twice.err" "$tmp/twice.json" && ok || fail "same year twice warns"

# Values that no series can take are said, not dropped silently: a column
# whose year was not found (null in the JSON), by table and count.
python3 - "$tmp/2022.json" "$tmp/2022-noyear.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["tables"][0]
t["columns"][0]["year"] = None
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$arsred" compare "$tmp/2021.json" "$tmp/2022-noyear.json" >"$tmp/noyear.json" 2>"$tmp/noyear.err" \
    && ok || fail "a column without a year: exit 0"
n=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['tables'][0]; print(sum(1 for r in t['rows'] if r['cells'][0] and r['cells'][0].get('value') is not None))" "$tmp/2022-noyear.json")
grep -q "table $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['tables'][0]['id'])" "$tmp/2022.json") (page [0-9]*): $n values\{0,1\} left out of every series: no year for column '.*'" \
    "$tmp/noyear.err" "$tmp/noyear.json" && ok || fail "a column without a year: no warning with its $n values: $(cat "$tmp/noyear.err")"

# Another organisation is a usage error (exit 2), and says which files.
"$arsred" compare "$series/lovsala-kfn-2021.pdf" "$src/fixtures/krokom-ks-2020.pdf" >"$tmp/other.json" 2>"$tmp/other.err"
rc=$?
[ "$rc" -eq 2 ] && grep -q "arsred:" "$tmp/other.err" && ok || fail "two organisations: exit $rc, $(cat "$tmp/other.err")"

# The compare CSV in SQLite: a series, a restated value and a goal's years.
"$arsred" compare --format csv "$series"/lovsala-kfn-20*.pdf >"$tmp/series.csv" || fail "compare --format csv"
sqlite3 "$tmp/db" ".import --csv $tmp/series.csv v" || fail ".import"
check() { # description, expected, sql
    got=$(sqlite3 "$tmp/db" "$3" 2>&1)
    [ "$got" = "$2" ] && ok || fail "$1: got '$got', want '$2'"
}
check "net cost by year" "2020|-44390
2021|-45280
2022|-46940
2023|-48930" "SELECT year, value FROM v WHERE row = 'Nettokostnad' AND kind = 'actual' ORDER BY year"
check "the restated value and its report" "lovsala-kfn-2021.pdf|-52340" \
    "SELECT replace(source, rtrim(source, replace(source, '/', '')), ''), value FROM v WHERE row = 'Kostnader' AND kind = 'restated'"
check "a goal's statuses" "2021|not_met
2022|partly_met" "SELECT year, value FROM v WHERE kind = 'goal-status' AND row LIKE 'Kulturskolans kö%' ORDER BY year"
check "a KPI from prose with last year's value" "2020|71" "SELECT year, value FROM v WHERE row = 'Nöjd-kund-index' AND year = 2020"

# One KPI named two ways in two years ("Sjukfrånvaron", "Sjukfrånvaro, %";
# "Elevkostnaden", "Elevkostnad"): one series, by name and unit.
"$arsred" extract --quiet "$src/fixtures/kpi-variation/prose-chromium.pdf" >"$tmp/k2023.json" || fail "extract prose"
python3 - "$tmp/k2023.json" "$tmp/k2024.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["report"]["year"] = 2024
d["source"]["path"] = "k2024.pdf"
renamed = {"Sjukfrånvaron": "Sjukfrånvaro, %", "Elevkostnaden": "Elevkostnad"}
for k in d["kpis"]:
    k["year"], k["value"], k["name"] = 2024, k["value"] + 1, renamed.get(k["name"], k["name"])
    k.pop("previous", None)
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$arsred" compare "$tmp/k2023.json" "$tmp/k2024.json" >"$tmp/k.json" || fail "compare two namings"
python3 - "$tmp/k.json" <<'PY' && ok || fail "a KPI named two ways is one series"
import json, sys
d = json.load(open(sys.argv[1]))
by = {(s["name"], s["unit"]): s["by_year"] for s in d["kpis"]}
assert by[("Sjukfrånvaron", "%")] == {"2022": 6.9, "2023": 6.4, "2024": 7.4}, by
assert by[("Elevkostnaden", "kr")] == {"2022": 101200, "2023": 98700, "2024": 98701}, by
assert not any(n in ("Sjukfrånvaro, %", "Elevkostnad") for n, _ in by)
PY

echo "compare: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
