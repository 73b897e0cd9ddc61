#!/bin/sh
# The command line through the real executable: stdout, stderr and exit
# status, for good and for bad input. Usage: cli.sh ARSRED SOURCE_DIR
set -u
arsred=$1
src=$2  # both absolute: the tests change folder
fix="$src/fixtures"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_status WANT DESCRIPTION -- command...
expect_status() {
    want=$1; what=$2; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "$what: exit $got, want $want; stderr: $(cat "$tmp/err")"; fi
}

expect_stderr() {
    if grep -q -- "$1" "$tmp/err"; then ok; else fail "stderr lacks '$1': $(cat "$tmp/err")"; fi
}

expect_stdout() {
    if grep -q -- "$1" "$tmp/out"; then ok; else fail "stdout lacks '$1'"; fi
}

one_line_stderr() {
    n=$(wc -l <"$tmp/err")
    if [ "$n" -eq 1 ] && grep -q '^arsred: ' "$tmp/err"; then ok; else fail "want one 'arsred:' line on stderr, got: $(cat "$tmp/err")"; fi
}

# --help and --version
expect_status 0 "--help" -- "$arsred" --help
expect_stdout "arsred extract \[options\] FILE.pdf..."
expect_stdout "arsred inspect \[options\] FILE.pdf"
expect_stdout "arsred patterns test \[DIR\]"
expect_status 0 "--version" -- "$arsred" --version
expect_stdout "^arsred [0-9]"

# usage errors: exit 2
expect_status 2 "no command" -- "$arsred"
expect_status 2 "unknown command" -- "$arsred" frobnicate
expect_stderr "^arsred: 'frobnicate' is not a command"
expect_status 2 "extract without files" -- "$arsred" extract
expect_status 2 "bad option" -- "$arsred" extract --no-such-option "$fix/krokom-ks-2020.pdf"
expect_status 2 "bad page list" -- "$arsred" extract --pages 7-3 "$fix/krokom-ks-2020.pdf"
expect_stderr "is not a page list"

# bad input: one arsred: line naming the file, exit 3, no output file
check_bad() {
    file=$1; words=$2
    mkdir -p "$tmp/o"
    expect_status 3 "$file" -- "$arsred" extract -o "$tmp/o" "$file"
    one_line_stderr
    expect_stderr "$(basename "$file")"
    expect_stderr "$words"
    if [ -z "$(ls -A "$tmp/o")" ]; then ok; else fail "$file left output: $(ls -A "$tmp/o")"; fi
    rm -rf "$tmp/o"
}
check_bad "$tmp/missing.pdf" "no such file"
check_bad "$fix/bad/empty.pdf" "empty"
check_bad "$fix/bad/text.pdf" "not a PDF"
check_bad "$fix/bad/truncated.pdf" "truncated"
check_bad "$fix/bad/damaged.pdf" "damaged"
check_bad "$fix/bad/encrypted.pdf" "give the password with --password"
mkdir -p "$tmp/o"
expect_status 3 "wrong password" -- "$arsred" extract -o "$tmp/o" --password fel "$fix/bad/encrypted.pdf"
expect_stderr "password given is wrong"
expect_status 0 "right password" -- "$arsred" extract -o "$tmp/o" --password hemligt "$fix/bad/encrypted.pdf"
[ -s "$tmp/o/encrypted.json" ] && ok || fail "encrypted.json not written with the right password"
rm -rf "$tmp/o"

# a batch: the bad file is reported, the good ones are still done, exit 3
mkdir -p "$tmp/o"
expect_status 3 "batch with a bad file" -- "$arsred" extract --quiet -o "$tmp/o" \
    "$fix/krokom-ks-2020.pdf" "$fix/bad/damaged.pdf" "$fix/bad/scan.pdf"
one_line_stderr
[ -s "$tmp/o/krokom-ks-2020.json" ] && [ -s "$tmp/o/scan.json" ] && ok || fail "batch did not write the good files"
[ "$(ls -A "$tmp/o" | grep -c tmp)" -eq 0 ] && ok || fail "temporary files left behind"
grep -q '"code": *"no-text-layer", *"page": *2' "$tmp/o/scan.json" && ok || fail "scan.pdf page 2 lacks no-text-layer"
rm -rf "$tmp/o"

# an output folder that cannot be written: exit 4
expect_status 4 "unwritable output" -- "$arsred" extract -o /proc/arsred-no "$fix/krokom-ks-2020.pdf"

# several inputs without -o: JSON Lines, one document per line, in order
expect_status 0 "json lines" -- "$arsred" extract "$fix/krokom-ks-2020.pdf" "$fix/bad/scan.pdf"
[ "$(wc -l <"$tmp/out")" -eq 2 ] && ok || fail "want 2 JSON lines"
head -1 "$tmp/out" | grep -q '"path": *"[^"]*krokom-ks-2020.pdf"' && ok || fail "first line is not krokom"

# json_true FILE EXPRESSION DESCRIPTION: a Python expression over d
json_true() {
    if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
codes = lambda c: sorted(w["page"] or 0 for w in d["warnings"] if w["code"] == c)
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2" 2>"$tmp/py.err"; then ok; else fail "$3 ($2) $(cat "$tmp/py.err")"; fi
}

# inspect: text and a PNG
expect_status 0 "inspect" -- "$arsred" inspect "$fix/krokom-ks-2020.pdf" --page 3 --png "$tmp/p3.png"
expect_stdout "^page 3: "
expect_stdout "^block 0 "
head -c 8 "$tmp/p3.png" | od -c | grep -q 'P   N   G' && ok || fail "inspect --png wrote no PNG"
# the table reader's decisions: caption, header rows, labels, the note
# column taken out, the columns with their years
expect_status 0 "inspect tables" -- "$arsred" inspect "$fix/variation/libreoffice-serif-plain.pdf" --page 2 --png "$tmp/v2.png"
expect_stdout '^table p2-t0 "Resultaträkning" .* 2 columns, 10 rows$'
expect_stdout '^  caption \[62.5 56.2 180.7 77.0\]$'
expect_stdout '^  header \[65.9 81.6 478.6 93.9\]$'
expect_stdout '^  notes \[312.4 81.6 317.1 257.9\]$'
expect_stdout '^  column 1 "2023" actual 2023$'
expect_stdout '^table p2-t1 "Invånare 31 december" .* 3 columns, 2 rows$'
head -c 8 "$tmp/v2.png" | od -c | grep -q 'P   N   G' && ok || fail "inspect --png of tables wrote no PNG"
# years: a balance date's year; a column headed only by a period is the
# outcome (kind_evidence "period"); a column with no year says so, and
# the CSV leaves its year empty rather than write the report's (page 6
# holds a known failure of tests/variation.py, whose split-off rows have
# no head)
expect_status 0 "years from dates" -- "$arsred" extract "$fix/variation/reportlab-gap0.pdf" -o "$tmp/yr"
json_true "$tmp/yr/reportlab-gap0.json" '[(c["year"], c["kind"], c.get("kind_evidence")) for c in d["tables"][6]["columns"]] == [(2024, "actual", "period"), (2023, "actual", "period")] and [p for p in codes("column-year-missing") if p < 6] == []' "balance dates give years; period columns are outcomes"
expect_status 0 "a column without a year" -- "$arsred" extract "$fix/tabeller-2022.pdf" -o "$tmp/yr"
json_true "$tmp/yr/tabeller-2022.json" 'codes("column-year-missing") == [4, 5]' "column-year-missing where no head gives a year"
expect_status 0 "csv without a year" -- "$arsred" extract --format csv "$fix/tabeller-2022.pdf"
grep -q '^[^,]*tabeller-2022.pdf,,[^,]*,[^,]*,[^,]*,Budget,budget,' "$tmp/out" && ok || fail "csv: a column with no year has an empty year"
expect_status 2 "inspect a page that is not there" -- "$arsred" inspect "$fix/krokom-ks-2020.pdf" --page 999
expect_stderr "there is no page 999"

# check: the Krokom report's real errors give exit 1; a clean report 0;
# the JSON that extract wrote gives the same lines
expect_status 1 "check krokom" -- "$arsred" check "$fix/krokom-ks-2020.pdf"
expect_stdout "^Gemensam administration (p10-t2), page 10, tkr$"
expect_stdout "^  ERROR  *Intäkter, Budget 2019: printed 4 557; 4 551 would make 2 failing checks hold$"
expect_stdout "^    breaks  *row.net: Verksamhetsnetto, Budget 2019: Intäkter + Kostnader = Verksamhetsnetto; expected -40 523 from the parts, found -40 529, difference -6, tolerance 1,5$"
expect_stdout "^  ERROR  *Intäkter, Bokfört 2020: printed 16,6; 16,7 would make 1 failing check hold$"
expect_stdout "^  UNIT  *unit: unit of Årsbokslut: declared tkr, effective mnkr"
expect_stdout "^checks: [0-9]* made: [0-9]* ok, [0-9]* within rounding, 4 mismatches; 2 suspect cells$"
expect_stdout "^coverage: 18 roll-ups: 18 checked$"
cp "$tmp/out" "$tmp/check-pdf.txt"
"$arsred" extract "$fix/krokom-ks-2020.pdf" >"$tmp/k.json"
expect_status 1 "check json" -- "$arsred" check "$tmp/k.json"
cmp -s "$tmp/out" "$tmp/check-pdf.txt" && ok || fail "check of the JSON differs from check of the PDF"
expect_status 0 "check clean" -- "$arsred" check "$fix/exempelby-bun-2021.pdf"
expect_stdout "^checks: [0-9]* made: .* 0 mismatches; 0 suspect cells$"
expect_status 0 "check --all" -- "$arsred" check --all "$fix/exempelby-bun-2021.pdf"
expect_stdout "^  ok  *total: "
# check --format json|csv: the same checks for programs and spreadsheets
expect_status 1 "check --format json" -- "$arsred" check --format json "$fix/krokom-ks-2020.pdf"
python3 - "$tmp/out" <<'PY' && ok || fail "check --format json: not the Krokom checks"
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").read())
assert d["arsred_check"] == 1 and d["summary"]["mismatches"] == 4, d["summary"]
s = [c["suspect"] for c in d["checks"] if c.get("suspect")]
assert any(x["row_label"] == "Intäkter" and x["column_label"] == "Budget 2019" and x["suggested"] == 4551
           and x["decided"] is True for x in s), s
rules = {r["rule"]: r for r in d["check_coverage"]["rules"]}
assert rules["rollup"]["checked"] == 18 and rules["rollup"]["not_checked"] == 0, rules
PY
expect_status 1 "check --format csv" -- "$arsred" check --format csv "$fix/krokom-ks-2020.pdf"
expect_stdout "^source,page,page_label,table,table_title,row,column,rule,result,expected,found,difference,tolerance,tolerance_kind,suspect_table,suspect_row,suspect_column,suspect_found,suggested,decided,reason,expr"
expect_stdout ",Gemensam administration,Verksamhetsnetto,Budget 2019,row.net,mismatch,-40523,-40529,-6,1.5,rounding,p10-t2,Intäkter,Budget 2019,4557,4551,true,,"
expect_status 2 "check --format xml" -- "$arsred" check --format xml "$fix/krokom-ks-2020.pdf"
expect_stderr "write text, json or csv"
# a command's usage: COMMAND --help and help COMMAND
expect_status 0 "check --help" -- "$arsred" check --help
expect_stdout "^  --format FMT      text (for people, the default), json or csv$"
expect_status 0 "help extract" -- "$arsred" help extract
expect_stdout "^  arsred extract \[options\]"
expect_stdout "^extract options:$"
expect_status 2 "help of no command" -- "$arsred" help nope
expect_stderr "'nope' is not a command"
printf '{"not": "arsred"}' >"$tmp/other.json"
expect_status 3 "check other json" -- "$arsred" check "$tmp/other.json"
expect_stderr "not an arsred document"

# --patterns: a user's pattern file adds a KPI and overrides a shipped one
mkdir -p "$tmp/pat"
cat >"$tmp/pat/mine.pat" <<'PAT'
pattern my.exam
kind    kpi.prose
regex   (?<value>\d{1,3},\d)\h+procent\h+(?<name>examen)
example tog 88,7 procent examen
  value = 88,7
  name = examen

pattern kpi.amount-of
kind    kpi.prose
regex   \bkö\h+på\h+(?<value>\d+)\h+(?<name>\p{L}+)
example en kö på 447 beställningar
  name = beställningar
PAT
expect_status 0 "extract with --patterns" -- "$arsred" extract --patterns "$tmp/pat" "$fix/exempelby-bun-2021.pdf"
grep -q '"name": *"examen", *"value": *88.7' "$tmp/out" && ok || fail "the user's pattern added no KPI"
expect_status 0 "override" -- "$arsred" extract --patterns "$tmp/pat" "$fix/krokom-ks-2020.pdf"
grep -q '"name": *"beställningar", *"value": *447, *"unit": *null, *"year": *2020, *"page"' "$tmp/out" && ok || fail "the override kept the shipped kpi.amount-of (its name and unit)"
# a broken pattern file: file, line and the PCRE2 message; exit 3
printf 'pattern broken.one\nkind    kpi.prose\nregex   (?<value>\\d+\n' >"$tmp/pat/broken.pat"
expect_status 3 "broken pattern" -- "$arsred" extract --patterns "$tmp/pat" "$fix/krokom-ks-2020.pdf"
expect_stderr "broken.pat:3: .*missing closing parenthesis"
rm "$tmp/pat/broken.pat"
# a pattern that backtracks without end is stopped by its limits; the run goes on
cat >"$tmp/pat/slow.pat" <<'PAT'
pattern slow.one
kind    kpi.prose
regex   ^(?<name>(?:\p{L}+\h?)*)(?<value>\d+)$
example Abc 5
  value = 5
PAT
expect_status 0 "runaway pattern" -- "$arsred" extract --patterns "$tmp/pat" "$fix/krokom-ks-2020.pdf"
grep -q '"code": *"pattern-limit"' "$tmp/out" && ok || fail "no pattern-limit warning"
grep -q '"name": *"Kundnöjdhet"' "$tmp/out" && ok || fail "the run did not go on after the limit"

# exact_stderr WANT: standard error is exactly these lines
exact_stderr() {
    printf '%s\n' "$1" >"$tmp/want-err"
    if cmp -s "$tmp/want-err" "$tmp/err"; then ok; else fail "stderr: want '$1', got '$(cat "$tmp/err")'"; fi
}

# output names: inputs that share a file name are named after the folders
# in which they differ, with a note; each output records its input
mkdir -p "$tmp/in/a" "$tmp/in/b" "$tmp/in/kommuner/krokom/2023" "$tmp/in/kommuner/kalmar/2023"
cp "$fix/mal-glyf.pdf" "$tmp/in/a/r.pdf"
cp "$fix/mal-legend.pdf" "$tmp/in/b/r.pdf"
cp "$fix/mal-glyf.pdf" "$tmp/in/kommuner/krokom/2023/arsredovisning.pdf"
cp "$fix/mal-tabell.pdf" "$tmp/in/kommuner/kalmar/2023/arsredovisning.pdf"
cd "$tmp/in" || exit 1
expect_status 0 "two inputs named r.pdf" -- "$arsred" extract --quiet -j 1 -o out a/r.pdf b/r.pdf
exact_stderr "arsred: a/r.pdf: written as out/a-r.json (another input has its file name)
arsred: b/r.pdf: written as out/b-r.json (another input has its file name)"
[ "$(ls out | tr '\n' ' ')" = "a-r.json b-r.json " ] && ok || fail "outputs: $(ls out)"
json_true out/a-r.json 'd["source"]["path"] == "a/r.pdf" and d["source"]["sha256"] == "'"$(sha256sum a/r.pdf | cut -c1-64)"'"' "a-r.json names its input"
json_true out/b-r.json 'd["source"]["path"] == "b/r.pdf" and d["source"]["sha256"] == "'"$(sha256sum b/r.pdf | cut -c1-64)"'"' "b-r.json names its input"
# the same names whatever the order, the -j and the spelling of the paths
expect_status 0 "the other order" -- "$arsred" extract --quiet -j 1 -o out2 ./b/r.pdf "$tmp/in/a/r.pdf"
[ "$(ls out2 | tr '\n' ' ')" = "a-r.json b-r.json " ] && ok || fail "outputs in the other order: $(ls out2)"
# only the folders in which the paths differ
expect_status 0 "recursive, deeper folders" -- "$arsred" extract --quiet -r -o out3/x/y kommuner
[ "$(ls out3/x/y | tr '\n' ' ')" = "kalmar-arsredovisning.json krokom-arsredovisning.json " ] && ok || fail "-r outputs: $(ls out3/x/y)"
# one file per process (GNU parallel): an output of another input is never
# replaced; this input's own output is
expect_status 0 "first process" -- "$arsred" extract -o par a/r.pdf
expect_status 0 "second process" -- "$arsred" extract -o par b/r.pdf
exact_stderr "arsred: b/r.pdf: par/r.json holds the output of a/r.pdf; written as par/b-r.json"
expect_status 0 "first process again" -- "$arsred" extract -o par ./a/r.pdf
[ ! -s "$tmp/err" ] && ok || fail "a run again over its own output: $(cat "$tmp/err")"
json_true par/r.json 'd["source"]["path"] == "./a/r.pdf"' "r.json is a/r.pdf's, written again"
json_true par/b-r.json 'd["source"]["path"] == "b/r.pdf"' "b-r.json is b/r.pdf's"
expect_status 0 "csv outputs too" -- "$arsred" extract -o parcsv --format csv a/r.pdf
expect_status 0 "csv, second process" -- "$arsred" extract -o parcsv --format csv b/r.pdf
exact_stderr "arsred: b/r.pdf: parcsv/r.csv holds the output of a/r.pdf; written as parcsv/b-r.csv"
# the same relative path from two folders names two files: told apart by
# their content, not by how their paths are written
(cd a && "$arsred" extract -o ../cwd r.pdf) && (cd b && "$arsred" extract -o ../cwd r.pdf 2>"$tmp/err")
expect_stderr "^arsred: r.pdf: ../cwd/r.json holds the output of r.pdf; written as ../cwd/r-[0-9a-f]\{8\}.json$"
[ "$(ls cwd | wc -l)" -eq 2 ] && ok || fail "two folders, one relative name: $(ls cwd)"
# standard input twice, two reports: two outputs
"$arsred" extract -o sin2 - <a/r.pdf && "$arsred" extract -o sin2 - <b/r.pdf 2>"$tmp/err"
expect_stderr "^arsred: <stdin>: sin2/stdin.json holds the output of <stdin>; written as sin2/stdin-[0-9a-f]\{8\}.json$"
"$arsred" extract -o sin2 - <b/r.pdf 2>"$tmp/err"
[ "$(ls sin2 | wc -l)" -eq 2 ] && ok || fail "standard input again: $(ls sin2)"
# a file that arsred did not write for this input is not replaced
mkdir -p keep && printf 'my notes\n' >keep/r.json
expect_status 0 "a file of the user's" -- "$arsred" extract -o keep a/r.pdf
expect_stderr "^arsred: a/r.pdf: keep/r.json is a file arsred did not write for this input; written as keep/r-[0-9a-f]\{8\}.json$"
[ "$(cat keep/r.json)" = "my notes" ] && ok || fail "the user's file was replaced"
expect_status 2 "-o with no name" -- "$arsred" extract -o "" a/r.pdf
exact_stderr "arsred: -o needs the name of a folder, like -o out"
# a file given twice is read once
expect_status 0 "a file twice" -- "$arsred" extract --quiet -o twice a/r.pdf ./a/r.pdf
exact_stderr "arsred: ./a/r.pdf: given twice (also as a/r.pdf); read once"
[ "$(ls twice)" = "r.json" ] && ok || fail "a file twice: $(ls twice)"
# a folder: said plainly, the other inputs still done; -r reads it, sorted
expect_status 3 "a folder" -- "$arsred" extract --quiet -o fo a a/r.pdf
exact_stderr "arsred: a: is a folder; give the PDF files in it, or -r to read every PDF below it"
[ -s fo/r.json ] && ok || fail "the file beside the folder was not done"
expect_status 3 "an empty folder with -r" -- "$arsred" extract -r fo
exact_stderr "arsred: fo: no PDF files below it"
expect_status 0 "-r without -o: JSON lines, sorted by path" -- "$arsred" extract --quiet -r .
python3 -c 'import json, sys
paths = [json.loads(l)["source"]["path"] for l in open(sys.argv[1])]
sys.exit(0 if paths == ["./a/r.pdf", "./b/r.pdf", "./kommuner/kalmar/2023/arsredovisning.pdf",
                        "./kommuner/krokom/2023/arsredovisning.pdf"] else 1)' "$tmp/out" && ok || fail "-r order: $(head -c 300 "$tmp/out")"
expect_status 3 "check a folder" -- "$arsred" check a
exact_stderr "arsred: a: is a folder; give the PDF files in it"
# standard input
"$arsred" extract - <a/r.pdf >"$tmp/stdin.json" 2>"$tmp/err" && ok || fail "extract -: $(cat "$tmp/err")"
json_true "$tmp/stdin.json" 'd["source"]["path"] == "<stdin>" and d["report"]["organisation"] == "Tallmo kommun"' "extract - reads standard input"
"$arsred" extract -o sin - <a/r.pdf 2>"$tmp/err" && [ -s sin/stdin.json ] && ok || fail "extract -o DIR -: $(cat "$tmp/err") $(ls sin)"
expect_status 3 "not a PDF on standard input" -- sh -c "echo hello | '$arsred' extract -"
exact_stderr "arsred: <stdin>: not a PDF (no %PDF header); check that the file is the report and not a web page or text file"
expect_status 2 "standard input twice" -- sh -c "'$arsred' extract - - <a/r.pdf"
expect_stderr "^arsred: -: standard input can be read only once$"
"$arsred" extract a/r.pdf >"$tmp/r.json"
expect_status 0 "check - reads an extract JSON" -- sh -c "'$arsred' check - <'$tmp/r.json'"
[ -z "$(ls "${TMPDIR:-/tmp}" | grep arsred-stdin)" ] && ok || fail "standard input's copy left behind"
cd - >/dev/null || exit 1

# -o makes the folders it needs
expect_status 0 "-o new/deep/folder" -- "$arsred" extract --quiet -o "$tmp/new/deep/folder" "$fix/mal-glyf.pdf"
[ -s "$tmp/new/deep/folder/mal-glyf.json" ] && ok || fail "-o did not make its folders"
printf x >"$tmp/afile"
expect_status 4 "-o under a file" -- "$arsred" extract -o "$tmp/afile/sub" "$fix/mal-glyf.pdf"
exact_stderr "arsred: $tmp/afile/sub: cannot make the output folder (Not a directory)"

# --pages outside the document: a usage error naming its page count
expect_status 2 "--pages past the end" -- "$arsred" extract --pages 40-50 "$fix/mal-glyf.pdf"
exact_stderr "arsred: $fix/mal-glyf.pdf: --pages 40-50: the document has 3 pages, so there is no page 40; give pages from 1 to 3"
expect_status 2 "--pages partly past the end" -- "$arsred" extract --pages 2-5 "$fix/mal-glyf.pdf"
expect_stderr "so there is no page 4; give pages from 1 to 3"
expect_status 0 "--pages 2- to the end" -- "$arsred" extract --pages 2- "$fix/mal-glyf.pdf"
# the cover is read where --pages leaves it out, with a warning
"$arsred" extract --pages 10 "$fix/krokom-ks-2020.pdf" >"$tmp/p10.json" 2>"$tmp/err"
json_true "$tmp/p10.json" 'd["report"]["organisation"] == "Krokoms kommun" and d["report"]["year"] == 2020 and codes("cover-outside-pages") == [0]' "--pages 10 keeps the report's fields"
json_true "$tmp/p10.json" 'all(t["page"] == 10 for t in d["tables"]) and d["tables"]' "--pages 10: only page 10's tables"
"$arsred" extract --pages 1-3 "$fix/krokom-ks-2020.pdf" >"$tmp/p13.json"
json_true "$tmp/p13.json" 'not codes("cover-outside-pages")' "--pages 1-3 reads the cover itself"

# text that could not be read is said: glyphs that map to nothing inside
# words, and a damaged content stream (fixtures/src/odd/make.py); the rest
# of the report is read, exit 0
expect_status 0 "lost ligatures" -- "$arsred" extract "$fix/odd/lost-ligatures.pdf"
cp "$tmp/out" "$tmp/lig.json"
json_true "$tmp/lig.json" 'codes("garbled-text") == [2, 3] and "Kor\ufffdris\ufffdga" in d["warnings"][0]["message"]' "lost ligatures: garbled-text on pages 2 and 3, with the word"
expect_status 0 "a damaged content stream" -- "$arsred" extract "$fix/odd/damaged-stream.pdf"
cp "$tmp/out" "$tmp/dmg.json"
json_true "$tmp/dmg.json" 'codes("page-damaged") == [2] and d["source"]["pages"] == 3' "damaged stream: page-damaged on page 2"

# one file written with -o says what it did where standard error is a terminal
rm -rf "$tmp/tty"
script -qec "'$arsred' extract -o '$tmp/tty' '$fix/krokom-ks-2020.pdf'" /dev/null >"$tmp/tty.log" 2>&1
grep -q "^arsred: 1 file: 1 done, 0 failed, [0-9]* warning" "$tmp/tty.log" && ok || fail "no summary on a terminal: $(cat "$tmp/tty.log")"
expect_status 0 "no summary off a terminal" -- "$arsred" extract -o "$tmp/tty" "$fix/krokom-ks-2020.pdf"
[ ! -s "$tmp/err" ] && ok || fail "a summary off a terminal: $(cat "$tmp/err")"

# one file with a spare core reads its pages ahead in a second thread: the
# output is the same, byte for byte, as when read in one thread
for f in "$fix"/*.pdf "$fix"/series/lovsala-kfn-2022.pdf "$fix"/odd/page-tree-loop.pdf \
         "$fix"/odd/garbled-font.pdf "$fix"/odd/images-only.pdf "$fix"/odd/lost-ligatures.pdf \
         "$fix"/odd/damaged-stream.pdf "$fix"/odd/garbage-ops.pdf "$fix"/odd/no-contents.pdf; do
    "$arsred" extract -j 1 "$f" >"$tmp/one.json" 2>/dev/null
    "$arsred" extract -j 2 "$f" >"$tmp/two.json" 2>/dev/null
    cmp -s "$tmp/one.json" "$tmp/two.json" && ok || fail "$(basename "$f"): read ahead gives other output"
done
"$arsred" extract -j 2 --password hemligt "$fix/bad/encrypted.pdf" >"$tmp/two.json" 2>/dev/null
"$arsred" extract -j 1 --password hemligt "$fix/bad/encrypted.pdf" >"$tmp/one.json" 2>/dev/null
[ -s "$tmp/one.json" ] && cmp -s "$tmp/one.json" "$tmp/two.json" && ok || fail "encrypted: read ahead gives other output"
"$arsred" extract -j 2 --pages 2,4-5 "$fix/krokom-ks-2020.pdf" >"$tmp/two.json" 2>/dev/null
"$arsred" extract -j 1 --pages 2,4-5 "$fix/krokom-ks-2020.pdf" >"$tmp/one.json" 2>/dev/null
cmp -s "$tmp/one.json" "$tmp/two.json" && ok || fail "--pages: read ahead gives other output"

# reports joined into one PDF give every report's goals, each numbered
# from 1 (pdfunite is in poppler-utils, which the build installs):
# joined_goals DESCRIPTION PDF...
joined_goals() {
    what=$1; shift
    pdfunite "$@" "$tmp/joined.pdf"
    : >"$tmp/parts.txt"
    for part in "$@"; do
        "$arsred" extract "$part" 2>/dev/null | python3 -c 'import json, sys
for g in json.load(sys.stdin)["goals"]: print(g["id"], g["status"], g["text"])' >>"$tmp/parts.txt"
    done
    "$arsred" extract "$tmp/joined.pdf" 2>/dev/null | python3 -c 'import json, sys
for g in json.load(sys.stdin)["goals"]: print(g["id"], g["status"], g["text"])' >"$tmp/joined.txt"
    cmp -s "$tmp/parts.txt" "$tmp/joined.txt" && ok || fail "$what: $(diff "$tmp/parts.txt" "$tmp/joined.txt" | head -5)"
}
if command -v pdfunite >/dev/null; then
    # two bodies: a goal table, then "Mål N." headings under a legend
    joined_goals "two bodies' goals in one PDF" "$fix/mal-tabell.pdf" "$fix/mal-vektor.pdf"
    # one body's three years: the same goals, each year assessed in words
    joined_goals "three years' goals in one PDF" "$fix/series/lovsala-kfn-2021.pdf" \
        "$fix/series/lovsala-kfn-2022.pdf" "$fix/series/lovsala-kfn-2023.pdf"
else
    echo "SKIP: reports joined into one PDF (no pdfunite)"
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
