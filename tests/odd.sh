#!/bin/sh
# Hostile and odd inputs (fixtures/odd/, made by fixtures/src/odd/make.py),
# --timeout, and Ctrl-C during a batch, through the real executable. Every
# file must end in time with the documented status, never by a crash, and
# leave whole output files only. Usage: odd.sh ARSRED SOURCE_DIR
set -u
arsred=$1
src=$2
odd="$src/fixtures/odd"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# json FILE PYTHON-EXPRESSION DESCRIPTION: the expression (over d, the
# document) must be true
json() {
    if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
codes = lambda c: sorted(w["page"] for w in d["warnings"] if w["code"] == c)
sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2" 2>"$tmp/py.err"; then ok; else fail "$3 ($2) $(cat "$tmp/py.err")"; fi
}

# extract_odd NAME: extract --timeout 20 -o; status 0, no crash, no
# message, a JSON that parses and no temporary file
extract_odd() {
    name=$1
    rm -rf "$tmp/o"
    mkdir -p "$tmp/o"
    "$arsred" extract --quiet --timeout 20 -o "$tmp/o" "$odd/$name.pdf" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -ge 128 ]; then fail "$name: killed by signal $((got - 128))"; return; fi
    [ "$got" -eq 0 ] && ok || fail "$name: exit $got, want 0; stderr: $(cat "$tmp/err")"
    [ ! -s "$tmp/err" ] && ok || fail "$name: stderr: $(cat "$tmp/err")"
    python3 -m json.tool "$tmp/o/$name.json" >/dev/null 2>&1 && ok || fail "$name: no JSON that parses"
    [ "$(ls -A "$tmp/o")" = "$name.json" ] && ok || fail "$name: left $(ls -A "$tmp/o")"
    doc="$tmp/o/$name.json"
}

# (a) 3000 near-empty pages: all counted, done in time
extract_odd many-pages
json "$doc" 'd["source"]["pages"] == 3000' "many-pages: page count"

# (b) a page of 14400 x 14400 pt: its text and its table are read; inspect
# --png draws it at a lower scale instead of allocating gigabytes
extract_odd huge-page
json "$doc" 'd["report"]["organisation"] == "Jättestora kommun"' "huge-page: organisation"
json "$doc" '[c["value"] for r in d["tables"][0]["rows"] for c in r["cells"]][:2] == [12400, 11900]' "huge-page: table"
"$arsred" inspect --page 1 --png "$tmp/huge.png" "$odd/huge-page.pdf" >/dev/null 2>"$tmp/err" && ok || fail "huge-page: inspect --png: $(cat "$tmp/err")"
python3 -c 'import struct, sys
h = open(sys.argv[1], "rb").read(24)
w, ht = struct.unpack(">II", h[16:24])
sys.exit(0 if h[:4] == b"\x89PNG" and w * ht <= 4096 * 4096 else 1)' "$tmp/huge.png" && ok || fail "huge-page: PNG missing or too large"

# (c) 20 000 scattered one-character runs, and 20 000 words on a page
extract_odd many-runs
json "$doc" 'd["source"]["pages"] == 2 and not codes("garbled-text")' "many-runs: pages, no garbled-text"
json "$doc" 'not codes("text-cut")' "many-runs: 20 000 words in 1.5 pt type, none cut"

# (c2) a goal page of 20 000 words, each of its 1000 lines a goal heading
# (in one run the goals are matched against each other): poppler keeps
# the first 822 of them (it keeps 50 000 characters under 3 pt of a page,
# and this type is 1.2 pt), and each is a
# goal with its own number and text
extract_odd many-goals
json "$doc" 'len(d["goals"]) == 822 and [g["id"] for g in d["goals"][:2]] == ["1", "251"]' "many-goals: 822 goals, row by row across the four columns"
json "$doc" 'd["goals"][0]["text"] == "Fler på om 5 i i 1 om en 8 på ök 6 en på 1 med nå"' "many-goals: the first goal's text"
json "$doc" 'codes("text-cut") == [1]' "many-goals: text-cut on page 1 (poppler dropped the rest)"

# (d) a font without a Unicode map whose glyphs look like digits: a
# garbled-text warning, and no figure from them anywhere
extract_odd garbled-font
json "$doc" 'codes("garbled-text") == [1]' "garbled-font: garbled-text on page 1"
json "$doc" 'not d["kpis"] and not d["checks"]' "garbled-font: no KPIs, no checks"
json "$doc" 'not [c for t in d["tables"] for r in t["rows"] for c in r["cells"] if c["value"] is not None]' "garbled-font: no cell values"
"$arsred" inspect --paragraphs "$odd/garbled-font.pdf" >"$tmp/para" 2>&1
grep -q 'Årets resultat blev tkr' "$tmp/para" && ! grep -v '20[0-9][0-9]' "$tmp/para" | grep -q '[0-9]' \
    && ok || fail "garbled-font: digits in the paragraphs: $(cat "$tmp/para")"

# (e) only images: no-text-layer on each page
extract_odd images-only
json "$doc" 'codes("no-text-layer") == [1, 2]' "images-only: no-text-layer on pages 1 and 2"
json "$doc" 'all("may be a scan" in w["message"] for w in d["warnings"] if w["code"] == "no-text-layer")' "images-only: pages of pictures may be scans"

# (f) broken structures
extract_odd page-tree-loop     # the Kids of a node lead back to the root
json "$doc" 'd["source"]["pages"] == 3 and codes("page-unreadable") == [3]' "page-tree-loop: page 3 unreadable"
"$arsred" inspect --paragraphs "$odd/page-tree-loop.pdf" 2>/dev/null | grep -q 'Sida två, vars syskon' && ok || fail "page-tree-loop: page 2 not read"
extract_odd no-contents        # no /Contents; /Contents a missing object
json "$doc" 'codes("no-text-layer") == [1, 3]' "no-contents: no-text-layer on pages 1 and 3"
extract_odd garbage-ops        # unknown operators, wrong operand counts, ...
"$arsred" inspect --paragraphs "$odd/garbage-ops.pdf" 2>/dev/null | grep -q 'Sista raden' && ok || fail "garbage-ops: text after the garbage not read"
json "$doc" 'codes("page-damaged") == [1]' "garbage-ops: page-damaged on page 1"
json "$doc" 'codes("page-damaged") == [1] and "Unknown operator" in [w["message"] for w in d["warnings"] if w["code"] == "page-damaged"][0]' "garbage-ops: the first error named"

# (f2) a content stream damaged in the middle: the page is read as far as
# poppler gets, with page-damaged; the other pages are whole
extract_odd damaged-stream
json "$doc" 'codes("page-damaged") == [2]' "damaged-stream: page-damaged on page 2 only"
json "$doc" '[w["count"] for w in d["warnings"] if w["code"] == "page-damaged"] == [2]' "damaged-stream: poppler's errors counted"
json "$doc" '[w["message"] for w in d["warnings"] if w["code"] == "page-damaged"] == ["page 2 is damaged: poppler met 2 errors reading it (Unterminated string), so text and figures from this page may be missing"]' "damaged-stream: the message"
"$arsred" inspect --paragraphs "$odd/damaged-stream.pdf" >"$tmp/para" 2>&1
[ "$(grep -o 'Rad 40 med intäkter och kostnader 3907 tkr' "$tmp/para" | wc -l)" -eq 2 ] \
    && ok || fail "damaged-stream: pages 1 and 3 not read whole"
extract_odd no-contents
json "$doc" 'codes("page-damaged") == [3]' "no-contents: a missing /Contents object damages page 3"

# (f2b) text in the paper's colour: white dates and rows on the white page
# are no text of it; a white caption on a dark band is
extract_odd hidden-text
json "$doc" '[c["label"] for c in d["tables"][0]["columns"]] == ["2024-12-31", "2023-12-31"]' "hidden-text: the hidden dates head no column"
json "$doc" '[r["label"] for r in d["tables"][0]["rows"]][-1] == "Summa tillgångar"' "hidden-text: the hidden row is no row"
"$arsred" inspect --page 1 "$odd/hidden-text.pdf" 2>/dev/null | grep -q '"Balansräkning"' && ok || fail "hidden-text: the caption on the band not read"

# (f3) ligatures whose ToUnicode maps them to nothing: words in pieces
# ("Kor ris ga fordringar"); each lost glyph inside a word is counted, on
# its page, with the word; wide spaces, ruled cells and underlines are not
extract_odd lost-ligatures
json "$doc" 'codes("garbled-text") == [2, 3]' "lost-ligatures: garbled-text on pages 2 and 3, not 1"
json "$doc" '[w["count"] for w in d["warnings"] if w["code"] == "garbled-text"] == [10, 4]' "lost-ligatures: the glyphs counted"
json "$doc" '[w["message"] for w in d["warnings"] if w["code"] == "garbled-text"] == ["page 2: 10 glyphs in words map to no character (such as \"Kor\ufffdris\ufffdga\"); a font there has no Unicode mapping for them (often ligatures), so words on this page may be cut in pieces", "page 3: 4 glyphs in words map to no character (such as \"Långfris\ufffdga\"); a font there has no Unicode mapping for them (often ligatures), so words on this page may be cut in pieces"]' "lost-ligatures: counts and examples"
# the same text from three producers (fixtures/src/ligatures/make.py),
# its ligatures' Unicode map emptied: every lost glyph between letters on
# a row is found (expected.txt lists them) but two in LuaLaTeX's page 1,
# "A[ff]ärsflödet" and "e[ff]ektiva": their ff is as wide as the spaces of
# that justified row, to 0.02 em, so nothing tells it from a space but
# its ink, and the spaces are not looked at; the originals warn of nothing
lig="$src/fixtures/ligatures"
for case in "libreoffice-carlito [(1, 36), (2, 15)]" "chromium-dejavu-carlito [(1, 12), (2, 12)]" \
            "lualatex-libertine [(1, 23), (2, 11)]"; do
    name=${case%% *}
    "$arsred" extract "$lig/$name-lost.pdf" >"$tmp/lig.json" 2>/dev/null
    json "$tmp/lig.json" '[(w["page"], w["count"]) for w in d["warnings"] if w["code"] == "garbled-text"] == '"${case#* }" "$name-lost: lost glyphs per page"
    "$arsred" extract "$lig/$name.pdf" >"$tmp/lig.json" 2>/dev/null
    json "$tmp/lig.json" 'not codes("garbled-text")' "$name: no garbled-text"
done
for f in "$src"/fixtures/*.pdf "$src"/fixtures/series/*.pdf; do
    "$arsred" extract "$f" >"$tmp/fx.json" 2>/dev/null
    json "$tmp/fx.json" 'not codes("garbled-text") and not codes("page-damaged")' "$(basename "$f"): no garbled-text or page-damaged"
done

extract_odd bad-xref           # every xref offset wrong, startxref past the end
json "$doc" 'd["source"]["pages"] == 2' "bad-xref: 2 pages"
for name in page-tree-loop no-contents garbage-ops bad-xref images-only garbled-font; do
    "$arsred" check "$odd/$name.pdf" >/dev/null 2>"$tmp/err"
    got=$?
    [ "$got" -eq 0 ] && ok || fail "check $name: exit $got; $(cat "$tmp/err")"
done

# (g) hostile structures, each ended in time (extract_odd: --timeout 20,
# status 0) with its text read or a warning
paragraphs() { "$arsred" inspect --paragraphs "$odd/$1.pdf" 2>/dev/null >"$tmp/para"; }
has_text() { # NAME TEXT...: each TEXT is in NAME's paragraphs
    name=$1; shift
    paragraphs "$name"
    for t in "$@"; do
        grep -qF "$t" "$tmp/para" && ok || fail "$name: \"$t\" not read: $(head -c 400 "$tmp/para")"
    done
}
# a Form XObject that draws itself, and two that draw each other: poppler
# stops the loop; each form's text once, and what comes after it
extract_odd xobject-loop
has_text xobject-loop "Före formuläret" "Ett formulär" "Formulär A" "Formulär B" "Efter formuläret"
json "$doc" 'd["source"]["pages"] == 2 and not codes("page-damaged") and not codes("page-unreadable")' "xobject-loop: both pages whole"
# an object stream that /Extends itself, an object inside the stream that
# is itself, an xref stream whose /Prev is its own offset
extract_odd objstm-loop
has_text objstm-loop "Sidan ett ur en objektström"
json "$doc" 'd["source"]["pages"] == 2 and codes("page-damaged") == [2] and d["source"]["revisions"] == 1' "objstm-loop: page 2 damaged, one revision"
# two xref streams whose /Prev name each other: two sections, counted once
extract_odd xref-loop
has_text xref-loop "Sidan ett i en slinga av korsreferenser" "Sidan två likaså"
json "$doc" 'd["source"]["pages"] == 2 and d["source"]["revisions"] == 2' "xref-loop: 2 pages, 2 revisions"
# 100 000 nested arrays and dictionaries in resources, an annotation and
# content operands: poppler's nesting limit holds, page 1 is damaged
# (no text after the deep operands), page 2 whole
extract_odd deep-nesting
has_text deep-nesting "Före djupet" "Sidan två"
json "$doc" 'd["source"]["pages"] == 2 and codes("page-damaged") == [1] and not codes("page-unreadable")' "deep-nesting: page-damaged on page 1 only"
# MediaBox [0 0 0 0] (poppler gives it a Letter page), [0 0 -595 -842]
# (the text is off that box: no text), [595 842 0 0] (turned round), a
# CropBox [0 0 0 0] (ignored)
extract_odd odd-boxes
has_text odd-boxes "Sida 1 med rutan noll" "Sida 3 med rutan omvänd" "Sida 4 med rutan beskuren" "Sida 5 med rutan vanlig"
json "$doc" 'd["source"]["pages"] == 5 and codes("no-text-layer") == [2]' "odd-boxes: no text on page 2 only"
json "$doc" '[w for w in d["warnings"] if w["code"] == "no-text-layer" and "outside its page box" in w["message"] and "scan" not in w["message"]]' "odd-boxes: page 2 is not called a scan"
# /Rotate 270, 45, -90, 3600, 1000000000, 1e9 (no number: page-damaged), 0
extract_odd odd-rotate
json "$doc" 'codes("sideways-text") == [1, 3]' "odd-rotate: sideways-text on the pages turned 270 and -90"
# ... and those two read turned upright, in order
has_text odd-rotate "Sida 1 vriden 270" "Sida 3 vriden -90"
has_text odd-rotate "Sida 2 vriden 45" "Sida 4 vriden 3600" "Sida 5 vriden 1000000000" "Sida 6 vriden 1e9" "Sida 7 vriden 0"
[ "$(grep -o vriden "$tmp/para" | wc -l)" -eq 7 ] && ok || fail "odd-rotate: not every page's text read: $(cat "$tmp/para")"
json "$doc" 'd["source"]["pages"] == 7 and codes("page-damaged") == [6]' "odd-rotate: 7 pages, page 6 damaged"
# Type3 fonts without ToUnicode beside Helvetica: glyphs named as letters
# read as those letters; the other font's codes come out as themselves
extract_odd type3-text
has_text type3-text "Vanlig text före" "Text" "och vanlig text efter" "Sista raden"
# 200 000 text objects of one glyph on a page: poppler keeps 50 000 of the
# narrow ones (text-cut), in a few seconds
extract_odd many-objects
has_text many-objects "Tvåhundratusen textobjekt"
json "$doc" 'codes("text-cut") == [1]' "many-objects: text-cut on page 1"
# two incremental updates: the last revision's text, and three revisions
extract_odd incremental
has_text incremental "Tredje versionen"
grep -q "Första\|Andra" "$tmp/para" && fail "incremental: an old revision's text: $(cat "$tmp/para")" || ok
json "$doc" 'd["source"]["revisions"] == 3' "incremental: 3 revisions"
for name in many-pages bad-xref; do  # object streams from qpdf; offsets to rebuild
    "$arsred" extract "$odd/$name.pdf" >"$tmp/rev.json" 2>/dev/null
    json "$tmp/rev.json" 'd["source"]["revisions"] == 1' "$name: one revision"
done
# JavaScript in the name tree and as the OpenAction: never run, the text read
extract_odd javascript
has_text javascript "Årsredovisning med skript" "Texten läses ändå"
json "$doc" '[w["code"] for w in d["warnings"] if w["code"] != "report-field-missing"] == []' "javascript: no warning of its own"

# a content stream that inflates to 2.5 GB of spaces: poppler reads them
# all inside one call (for minutes), so --timeout is what bounds it: the
# worker is stopped (5 s after the limit, as the page cannot end sooner),
# with a message; the other file is read
rm -rf "$tmp/o"
start=$(date +%s)
"$arsred" extract --quiet --timeout 5 -j 2 -o "$tmp/o" "$odd/inflate-bomb.pdf" "$odd/javascript.pdf" \
    >"$tmp/out" 2>"$tmp/err"
got=$?
[ "$got" -eq 3 ] && ok || fail "inflate-bomb: exit $got, want 3; stderr: $(cat "$tmp/err")"
grep -q '^arsred: .*inflate-bomb.pdf: stopped after --timeout 5 s' "$tmp/err" && ok || fail "inflate-bomb: no timeout message: $(cat "$tmp/err")"
[ "$(ls -A "$tmp/o")" = "javascript.json" ] && ok || fail "inflate-bomb: want only javascript.json, have: $(ls -A "$tmp/o")"
[ $(($(date +%s) - start)) -le 15 ] && ok || fail "inflate-bomb: took $(($(date +%s) - start)) s"

# --timeout: a file of 100 slow pages is stopped with a message naming it;
# the batch goes on with the other files, and exit status is 3
rm -rf "$tmp/o"
"$arsred" extract --quiet --timeout 5 -j 1 -o "$tmp/o" "$odd/slow-pages.pdf" "$odd/huge-page.pdf" \
    >"$tmp/out" 2>"$tmp/err"
got=$?
[ "$got" -eq 3 ] && ok || fail "timeout: exit $got, want 3; stderr: $(cat "$tmp/err")"
grep -q '^arsred: .*slow-pages.pdf: .*--timeout' "$tmp/err" && ok || fail "timeout: no message: $(cat "$tmp/err")"
[ "$(ls -A "$tmp/o")" = "huge-page.json" ] && ok || fail "timeout: want only huge-page.json, have: $(ls -A "$tmp/o")"

# Ctrl-C: SIGINT to the process group of a batch of 24 files, as a
# terminal sends it. Status 130, a message, no temporary file, and each
# .json that is there whole.
mkdir -p "$tmp/in"
i=0
while [ $i -lt 24 ]; do cp "$odd/many-runs.pdf" "$tmp/in/r$i.pdf"; i=$((i + 1)); done
rm -rf "$tmp/o"
mkdir -p "$tmp/o"
python3 - "$arsred" "$tmp" >"$tmp/int" 2>&1 <<'PY'
import os, signal, subprocess, sys, time
arsred, tmp = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(tmp, "in", f) for f in os.listdir(os.path.join(tmp, "in")))
p = subprocess.Popen([arsred, "extract", "--quiet", "-j", "2", "-o", os.path.join(tmp, "o")] + files,
                     stderr=subprocess.PIPE, text=True, start_new_session=True,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
try:
    deadline = time.time() + 60
    while time.time() < deadline:    # until the first file is written, then a moment
        if any(f.endswith(".json") for f in os.listdir(os.path.join(tmp, "o"))):
            break
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(p.pid, signal.SIGINT)
    err = p.communicate(timeout=30)[1]
finally:
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGKILL)
print("status", p.returncode)
print(err, end="")
PY
grep -q '^status 130$' "$tmp/int" && ok || fail "interrupt: want status 130: $(cat "$tmp/int")"
grep -q '^arsred: interrupted' "$tmp/int" && ok || fail "interrupt: no message: $(cat "$tmp/int")"
if [ -z "$(ls -A "$tmp/o" | grep -v '\.json$')" ]; then ok; else fail "interrupt: left $(ls -A "$tmp/o" | grep -v '\.json$')"; fi
n=0
for f in "$tmp"/o/*.json; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    python3 -m json.tool "$f" >/dev/null 2>&1 || fail "interrupt: $f does not parse"
done
[ "$n" -ge 1 ] && [ "$n" -lt 24 ] && ok || fail "interrupt: $n of 24 files written, want some but not all"
ps -eo pid,args | grep -v grep | grep -q "$tmp/in" && fail "interrupt: workers still running" || ok

echo "odd: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
