#!/bin/sh
# The command line through the real executable: stdout, stderr and exit
# status, for good and for bad input. Usage: cli.sh ARSRED SOURCE_DIR
set -u
arsred=$1
src=$2
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

# inspect: text and a PNG
expect_status 0 "inspect" -- "$arsred" inspect "$fix/krokom-ks-2020.pdf" --page 3 --png "$tmp/p3.png"
expect_stdout "^page 3: "
expect_stdout "^block 0 "
head -c 8 "$tmp/p3.png" | od -c | grep -q 'P   N   G' && ok || fail "inspect --png wrote no PNG"
expect_status 2 "inspect a page that is not there" -- "$arsred" inspect "$fix/krokom-ks-2020.pdf" --page 999
expect_stderr "there is no page 999"

# check: the Krokom report's real errors give exit 1; a clean report 0;
# the JSON that extract wrote gives the same lines
expect_status 1 "check krokom" -- "$arsred" check "$fix/krokom-ks-2020.pdf"
expect_stdout "^MISMATCH  row.net .*Gemensam administration (p10-t2), Verksamhetsnetto, Budget 2019"
expect_stdout "^SUSPECT .*Intäkter, Budget 2019: printed 4 557; 4 551 would make 2 failing checks hold"
expect_stdout "^UNIT .*declared tkr, effective mnkr"
expect_stdout "^checks: [0-9]* made: [0-9]* ok, [0-9]* within rounding, 4 mismatches; 1 suspect cell$"
cp "$tmp/out" "$tmp/check-pdf.txt"
"$arsred" extract "$fix/krokom-ks-2020.pdf" >"$tmp/k.json"
expect_status 1 "check json" -- "$arsred" check "$tmp/k.json"
cmp -s "$tmp/out" "$tmp/check-pdf.txt" && ok || fail "check of the JSON differs from check of the PDF"
expect_status 0 "check clean" -- "$arsred" check "$fix/exempelby-bun-2021.pdf"
expect_stdout "^checks: [0-9]* made: .* 0 mismatches; 0 suspect cells$"
expect_status 0 "check --all" -- "$arsred" check --all "$fix/exempelby-bun-2021.pdf"
expect_stdout "^ok  *total "
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

pattern kpi.queue
kind    kpi.prose
regex   \bkö\h+på\h+(?<value>\d+)\h+(?<name>\p{L}+)
example en kö på 447 beställningar
  name = beställningar
PAT
expect_status 0 "extract with --patterns" -- "$arsred" extract --patterns "$tmp/pat" "$fix/exempelby-bun-2021.pdf"
grep -q '"name": *"examen", *"value": *88.7' "$tmp/out" && ok || fail "the user's pattern added no KPI"
expect_status 0 "override" -- "$arsred" extract --patterns "$tmp/pat" "$fix/krokom-ks-2020.pdf"
grep -q '"name": *"beställningar", *"value": *447, *"unit": *null, *"year": *2020, *"page"' "$tmp/out" && ok || fail "the override kept the shipped kpi.queue (its qualifier)"
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

# one file with a spare core reads its pages ahead in a second thread: the
# output is the same, byte for byte, as when read in one thread
for f in "$fix"/*.pdf "$fix"/series/lovsala-kfn-2022.pdf "$fix"/odd/page-tree-loop.pdf \
         "$fix"/odd/garbled-font.pdf "$fix"/odd/images-only.pdf; do
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

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
