#!/usr/bin/env bash
# Rebuild every fixture PDF of fixtures/ from its source in fixtures/src/.
#
#   scripts/build-fixtures.sh            build all, then check them
#   scripts/build-fixtures.sh --check    only check the committed fixtures
#
# The PDFs are committed, so tests need none of the programs used here:
# chromium, soffice (LibreOffice writer), pdflatex (texlive-latex-recommended,
# texlive-lang-european, texlive-fonts-recommended), qpdf, ImageMagick
# (convert), poppler-utils and python3 (standard library only; it also
# writes the hostile PDFs of fixtures/odd/ as raw PDF syntax); for
# check-variation/ and kpi-variation/ also fix-qdf (from qpdf) and the fonts
# Carlito and DejaVu (fonts-crosextra-carlito, fonts-dejavu-core), for
# kpi-variation/ also Liberation (fonts-liberation2) and ReportLab; for ligatures/, variation/ and goal-variation/ also lualatex (texlive-luatex,
# texlive-latex-extra; TikZ from texlive-pictures for goal-variation/) and
# ReportLab (python3-reportlab).
# Rebuilding from the same sources with the same program versions gives the
# same bytes: dates and file identifiers are pinned (src/lib/pin_dates.py,
# SOURCE_DATE_EPOCH for pdflatex, qpdf --static-id for the encrypted file).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ in fixtures/src

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FIX=$ROOT/fixtures
SRC=$FIX/src
BAD=$FIX/bad
CHECK_ONLY=0
[ "${1:-}" = "--check" ] && CHECK_ONLY=1

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

say() { printf '\n== %s\n' "$*"; }
die() { printf 'build-fixtures: %s\n' "$*" >&2; exit 1; }

need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "needs '$tool' (see the comment at the top of this script)"
  done
}

chromium_pdf() { # HTML PDF
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$WORK/chromium-profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" >"$WORK/chromium.log" 2>&1 \
    || { cat "$WORK/chromium.log" >&2; die "chromium failed on $1"; }
  [ -s "$2" ] || die "chromium wrote no $2"
}

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# the text of one page (grep it from a here-string: grep -q at the end of a
# pipe can close it early and fail the pipeline under pipefail)
page_text() { pdftotext -f "$2" -l "$2" "$1" -; }

# ---------------------------------------------------------------- build
build_krokom() {
  say "krokom-ks-2020.pdf (Chromium print-to-PDF from HTML/CSS)"
  local d=$WORK/krokom
  mkdir -p "$d"
  python3 "$SRC/krokom-ks-2020/check_seed.py"
  python3 "$SRC/krokom-ks-2020/build.py" "$d" "$FIX"
  chromium_pdf "$d/krokom-ks-2020.html" "$d/krokom-ks-2020.pdf"
  python3 "$SRC/lib/pin_dates.py" "$d/krokom-ks-2020.pdf" D:20210415120000
  cp "$d/krokom-ks-2020.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/krokom-ks-2020.pdf" "Krokoms kommun" "Kommunstyrelsen" 2020 \
    "årsredovisning" chromium
}

build_exempelby() {
  say "exempelby-bun-2021.pdf (LibreOffice writer from a flat .fodt)"
  local d=$WORK/exempelby
  mkdir -p "$d"
  python3 "$SRC/exempelby-bun-2021/build.py" "$d" "$FIX"
  soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \
    --convert-to pdf --outdir "$d" "$d/exempelby-bun-2021.fodt" >"$WORK/soffice.log" 2>&1 \
    || { cat "$WORK/soffice.log" >&2; die "soffice failed"; }
  [ -s "$d/exempelby-bun-2021.pdf" ] || { cat "$WORK/soffice.log" >&2; die "soffice wrote no PDF"; }
  python3 "$SRC/lib/pin_dates.py" "$d/exempelby-bun-2021.pdf" D:20220217120000
  cp "$d/exempelby-bun-2021.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/exempelby-bun-2021.pdf" "Exempelby kommun" \
    "Barn- och utbildningsnämnden" 2021 "årsredovisning" libreoffice
}

build_sjovik() {
  say "sjovik-mbn-2019.pdf (pdflatex, two columns, babel swedish)"
  local d=$WORK/sjovik
  mkdir -p "$d"
  python3 "$SRC/sjovik-mbn-2019/build.py" "$d" "$FIX"
  for pass in 1 2; do
    (cd "$d" && SOURCE_DATE_EPOCH=1582200000 FORCE_SOURCE_DATE=1 \
      pdflatex -interaction=nonstopmode -halt-on-error sjovik-mbn-2019.tex >"$WORK/pdflatex.log" 2>&1) \
      || { tail -n 40 "$WORK/pdflatex.log" >&2; die "pdflatex failed (pass $pass)"; }
  done
  cp "$d/sjovik-mbn-2019.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/sjovik-mbn-2019.pdf" "Sjöviks kommun" \
    "Miljö- och byggnämnden" 2019 "årsredovisning" pdflatex
}

build_tabeller() {
  say "tabeller-2022.pdf (pdflatex, one column: longtable over a page break, landscape page, side-by-side tables)"
  local d=$WORK/tabeller
  mkdir -p "$d"
  python3 "$SRC/tabeller-2022/build.py" "$d" "$FIX"
  for pass in 1 2; do
    (cd "$d" && SOURCE_DATE_EPOCH=1678881600 FORCE_SOURCE_DATE=1 \
      pdflatex -interaction=nonstopmode -halt-on-error tabeller-2022.tex >"$WORK/pdflatex.log" 2>&1) \
      || { tail -n 40 "$WORK/pdflatex.log" >&2; die "pdflatex failed on tabeller-2022.tex (pass $pass)"; }
  done
  # longtable column widths and the outlines must have settled in two passes
  if grep -Eq "Rerun (LaTeX|to get)" "$d/tabeller-2022.log"; then die "tabeller-2022.tex needs another pdflatex pass"; fi
  cp "$d/tabeller-2022.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/tabeller-2022.pdf" "Norrviks kommun" \
    "Kommunstyrelsen" 2022 "årsredovisning" pdflatex
}

# the planted-error variants (fixtures/src/planted-errors/data.py), in order
PLANTED="planted-detail-cell planted-total planted-sign planted-transposed planted-rounding"

build_planted() {
  say "planted-*.pdf (pdflatex in tabeller-2022's style: one planted error each, and one with rounding only)"
  local d=$WORK/planted name pass
  mkdir -p "$d"
  [ "$(python3 "$SRC/planted-errors/build.py" --names | tr '\n' ' ')" = "$PLANTED " ] \
    || die "the planted variants of data.py are not the ones PLANTED names"
  python3 "$SRC/planted-errors/build.py" "$d" "$FIX"
  for name in $PLANTED; do
    for pass in 1 2; do
      (cd "$d" && SOURCE_DATE_EPOCH=1678881600 FORCE_SOURCE_DATE=1 \
        pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >"$WORK/pdflatex.log" 2>&1) \
        || { tail -n 40 "$WORK/pdflatex.log" >&2; die "pdflatex failed on $name.tex (pass $pass)"; }
    done
    if grep -Eq "Rerun (LaTeX|to get)" "$d/$name.log"; then die "$name.tex needs another pdflatex pass"; fi
    cp "$d/$name.pdf" "$FIX/"
    python3 "$SRC/lib/expect.py" "$FIX/$name.pdf" "Norrviks kommun" \
      "Kommunstyrelsen" 2022 "årsredovisning" pdflatex
  done
}

# the goal fixtures (fixtures/src/mal-*/): statuses as vector icons, coloured
# glyphs, squares explained only by a legend, and words in a goal table
build_mal_vektor() {
  say "mal-vektor.pdf (Chromium: goal list with vector circle icons and a legend)"
  local d=$WORK/mal-vektor
  mkdir -p "$d"
  python3 "$SRC/mal-vektor/build.py" "$d" "$FIX"
  chromium_pdf "$d/mal-vektor.html" "$d/mal-vektor.pdf"
  python3 "$SRC/lib/pin_dates.py" "$d/mal-vektor.pdf" D:20220315120000
  cp "$d/mal-vektor.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/mal-vektor.pdf" "Ljusåsa kommun" \
    "Kultur- och fritidsnämnden" 2021 "årsredovisning" chromium
}

build_mal_glyf() {
  say "mal-glyf.pdf (LibreOffice: coloured ● glyphs, goals in two columns)"
  local d=$WORK/mal-glyf
  mkdir -p "$d"
  python3 "$SRC/mal-glyf/build.py" "$d" "$FIX"
  soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo-profile" \
    --convert-to pdf --outdir "$d" "$d/mal-glyf.fodt" >"$WORK/soffice.log" 2>&1 \
    || { cat "$WORK/soffice.log" >&2; die "soffice failed on mal-glyf.fodt"; }
  [ -s "$d/mal-glyf.pdf" ] || { cat "$WORK/soffice.log" >&2; die "soffice wrote no mal-glyf.pdf"; }
  python3 "$SRC/lib/pin_dates.py" "$d/mal-glyf.pdf" D:20230228120000
  cp "$d/mal-glyf.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/mal-glyf.pdf" "Tallmo kommun" \
    "Socialnämnden" 2022 "årsredovisning" libreoffice
}

build_mal_legend() {
  say "mal-legend.pdf (Chromium: squares in colours that only the legend explains)"
  local d=$WORK/mal-legend
  mkdir -p "$d"
  python3 "$SRC/mal-legend/build.py" "$d" "$FIX"
  chromium_pdf "$d/mal-legend.html" "$d/mal-legend.pdf"
  python3 "$SRC/lib/pin_dates.py" "$d/mal-legend.pdf" D:20240320120000
  cp "$d/mal-legend.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/mal-legend.pdf" "Ekeberga kommun" \
    "Tekniska nämnden" 2023 "årsredovisning" chromium
}

build_mal_tabell() {
  say "mal-tabell.pdf (pdflatex: goal table with status words, one goal in prose)"
  local d=$WORK/mal-tabell pass
  mkdir -p "$d"
  python3 "$SRC/mal-tabell/build.py" "$d" "$FIX"
  for pass in 1 2; do
    (cd "$d" && SOURCE_DATE_EPOCH=1614600000 FORCE_SOURCE_DATE=1 \
      pdflatex -interaction=nonstopmode -halt-on-error mal-tabell.tex >"$WORK/pdflatex.log" 2>&1) \
      || { tail -n 40 "$WORK/pdflatex.log" >&2; die "pdflatex failed on mal-tabell.tex (pass $pass)"; }
  done
  if grep -Eq "Rerun (LaTeX|to get)" "$d/mal-tabell.log"; then die "mal-tabell.tex needs another pdflatex pass"; fi
  cp "$d/mal-tabell.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/mal-tabell.pdf" "Bäckafors kommun" \
    "Utbildningsnämnden" 2020 "årsredovisning" pdflatex
}

build_mal_ikontabell() {
  say "mal-ikontabell.pdf (pdflatex: coloured goal tables whose status column shows vector circles)"
  local d=$WORK/mal-ikontabell pass
  mkdir -p "$d"
  python3 "$SRC/mal-ikontabell/build.py" "$d" "$FIX"
  for pass in 1 2; do
    (cd "$d" && SOURCE_DATE_EPOCH=1742299200 FORCE_SOURCE_DATE=1 \
      pdflatex -interaction=nonstopmode -halt-on-error mal-ikontabell.tex >"$WORK/pdflatex.log" 2>&1) \
      || { tail -n 40 "$WORK/pdflatex.log" >&2; die "pdflatex failed on mal-ikontabell.tex (pass $pass)"; }
  done
  if grep -Eq "Rerun (LaTeX|to get)" "$d/mal-ikontabell.log"; then die "mal-ikontabell.tex needs another pdflatex pass"; fi
  cp "$d/mal-ikontabell.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/mal-ikontabell.pdf" "Norrvik kommun" \
    "Socialnämnden" 2024 "årsredovisning" pdflatex
}

build_uppdrag_ikoner() {
  say "uppdrag-ikoner.pdf (Chromium: assignments with blue raster icons in a table, no goal, no legend)"
  local d=$WORK/uppdrag-ikoner
  mkdir -p "$d"
  python3 "$SRC/uppdrag-ikoner/build.py" "$d" "$FIX"
  chromium_pdf "$d/uppdrag-ikoner.html" "$d/uppdrag-ikoner.pdf"
  python3 "$SRC/lib/pin_dates.py" "$d/uppdrag-ikoner.pdf" D:20250310120000
  cp "$d/uppdrag-ikoner.pdf" "$FIX/"
  python3 "$SRC/lib/expect.py" "$FIX/uppdrag-ikoner.pdf" "Björkvalla kommun" \
    "Barn- och utbildningsnämnden" 2024 "årsredovisning" chromium
}

# the multi-year series (fixtures/src/series/data.py): three annual reports of
# one body, for `arsred compare`; written to fixtures/series/
SERIES="lovsala-kfn-2021 lovsala-kfn-2022 lovsala-kfn-2023"

build_series() {
  say "series/lovsala-kfn-*.pdf (pdflatex in tabeller-2022's style: three years of one body, one restatement)"
  local d=$WORK/series name year epoch pass
  mkdir -p "$d" "$FIX/series"
  [ "$(python3 "$SRC/series/build.py" --list | cut -d' ' -f1 | tr '\n' ' ')" = "$SERIES " ] \
    || die "the reports of series/data.py are not the ones SERIES names"
  python3 "$SRC/series/build.py" "$d" "$FIX/series"
  for name in $SERIES; do
    # the report's year and the day it was adopted (SOURCE_DATE_EPOCH)
    read -r _ year epoch <<<"$(python3 "$SRC/series/build.py" --list | grep "^$name ")"
    for pass in 1 2; do
      (cd "$d" && SOURCE_DATE_EPOCH=$epoch FORCE_SOURCE_DATE=1 \
        pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >"$WORK/pdflatex.log" 2>&1) \
        || { tail -n 40 "$WORK/pdflatex.log" >&2; die "pdflatex failed on $name.tex (pass $pass)"; }
    done
    if grep -Eq "Rerun (LaTeX|to get)" "$d/$name.log"; then die "$name.tex needs another pdflatex pass"; fi
    cp "$d/$name.pdf" "$FIX/series/"
    python3 "$SRC/lib/expect.py" "$FIX/series/$name.pdf" "Lövsala kommun" \
      "Kultur- och fritidsnämnden" "$year" "årsredovisning" pdflatex
  done
}

build_bad() {
  say "bad/ (inputs that must fail cleanly or warn)"
  mkdir -p "$BAD"
  : >"$BAD/empty.pdf"
  python3 "$SRC/bad/make.py" text "$BAD/text.pdf"
  python3 "$SRC/bad/make.py" truncated "$FIX/krokom-ks-2020.pdf" "$BAD/truncated.pdf" 40
  python3 "$SRC/bad/make.py" damaged "$BAD/damaged.pdf"
  # user password "hemligt", owner password "agare", AES-256. AES-256 keys
  # and salts are random, so an encrypted.pdf that still decrypts to the
  # current exempelby-bun-2021.pdf is kept as it is.
  if [ -s "$BAD/encrypted.pdf" ] &&
     qpdf --password=hemligt --decrypt --static-id --force-version=1.4 "$BAD/encrypted.pdf" "$WORK/dec.pdf" 2>/dev/null &&
     qpdf --static-id --force-version=1.4 "$FIX/exempelby-bun-2021.pdf" "$WORK/plain.pdf" &&
     cmp -s "$WORK/dec.pdf" "$WORK/plain.pdf"; then
    echo "bad/encrypted.pdf: up to date"
  else
    qpdf --static-id --static-aes-iv --encrypt hemligt agare 256 -- \
      "$FIX/exempelby-bun-2021.pdf" "$BAD/encrypted.pdf" || [ $? -eq 3 ] || die "qpdf failed"
  fi
  # scan.pdf: page 1 text, page 2 a JPEG picture of a page of text, no text layer
  local d=$WORK/scan
  mkdir -p "$d"
  pdftoppm -r 80 -gray -f 3 -l 3 -singlefile -png "$FIX/sjovik-mbn-2019.pdf" "$d/page"
  convert "$d/page.png" -rotate 0.6 -background white -flatten -quality 55 "$d/page.jpg"
  python3 "$SRC/bad/make.py" scan-html "$d/scan.html" page.jpg
  chromium_pdf "$d/scan.html" "$d/scan.pdf"
  python3 "$SRC/lib/pin_dates.py" "$d/scan.pdf" D:20220217120000
  cp "$d/scan.pdf" "$BAD/scan.pdf"
}

# the hostile and odd inputs (fixtures/src/odd/make.py writes raw PDF
# syntax); many-pages.pdf goes through qpdf into object streams, which
# keeps its 3000 page objects small
ODD="many-pages huge-page many-runs slow-pages garbled-font images-only page-tree-loop no-contents garbage-ops bad-xref many-goals lost-ligatures damaged-stream hidden-text
     xobject-loop inflate-bomb objstm-loop xref-loop deep-nesting odd-boxes odd-rotate type3-text many-objects incremental javascript"

build_odd() {
  say "odd/ (hostile and odd PDFs written as raw PDF syntax)"
  local d=$WORK/odd
  [ "$(python3 "$SRC/odd/make.py" --list | tr '\n' ' ')" = "$(echo $ODD) " ] \
    || die "the files of odd/make.py are not the ones ODD names"
  python3 "$SRC/odd/make.py" "$d"
  qpdf --object-streams=generate --compress-streams=y --static-id "$d/many-pages.pdf" "$d/many-pages.qpdf.pdf"
  mv "$d/many-pages.qpdf.pdf" "$d/many-pages.pdf"
  mkdir -p "$FIX/odd"
  cp "$d"/*.pdf "$FIX/odd/"
}

# the same text from LibreOffice, Chromium and LuaLaTeX, each with the
# Unicode map of its ligatures emptied (fixtures/src/ligatures/make.py)
build_ligatures() {
  say "ligatures/ (lost ligatures from three producers)"
  python3 "$SRC/ligatures/make.py" "$WORK/ligatures"
  mkdir -p "$FIX/ligatures"
  cp "$WORK/ligatures/pdf/"*.pdf "$WORK/ligatures/results/expected.txt" "$FIX/ligatures/"
}

# one logical report from LibreOffice, Chromium, LuaLaTeX and ReportLab in
# ten styles (fixtures/src/variation/make.py); tests/variation.py asserts
# that every rendering gives the same tables
build_variation() {
  say "variation/ (the same tables from four producers, ten styles)"
  python3 "$SRC/variation/make.py" "$WORK/variation"
  mkdir -p "$FIX/variation"
  cp "$WORK/variation/pdf/"*.pdf "$WORK/variation/expected.json" "$FIX/variation/"
}

# planted-error financial statements, seven cases, each from Chromium and
# pdflatex in two styles (fixtures/src/check-variation/make.py, which also
# writes <case>.expected.json and refuses data whose planted error does not
# do what its case says); tests/check_variation.py asserts the checks of
# every rendering
build_check_variation() {
  say "check-variation/ (planted-error statements from two producers, two styles)"
  python3 "$SRC/check-variation/make.py" "$WORK/check-variation"
  mkdir -p "$FIX/check-variation"
  rm -f "$FIX/check-variation/"*.pdf "$FIX/check-variation/"*.expected.json
  cp "$WORK/check-variation/pdf/"*.pdf "$WORK/check-variation/"*.expected.json "$FIX/check-variation/"
}

# KPIs as people write them and reports that must know whose they are,
# thirteen cases, each from Chromium, pdflatex, ReportLab and LibreOffice
# (fixtures/src/kpi-variation/make.py, which also writes
# <case>.expected.json); tests/kpi_variation.py asserts the KPIs and report
# fields of every rendering
build_kpi_variation() {
  say "kpi-variation/ (KPIs and report identity from four producers)"
  python3 "$SRC/kpi-variation/make.py" "$WORK/kpi-variation"
  mkdir -p "$FIX/kpi-variation"
  rm -f "$FIX/kpi-variation/"*.pdf "$FIX/kpi-variation/"*.expected.json
  cp "$WORK/kpi-variation/pdf/"*.pdf "$WORK/kpi-variation/"*.expected.json "$FIX/kpi-variation/"
}

# one goal report from LibreOffice, Chromium, LuaLaTeX and ReportLab in ten
# styles of showing a status (fixtures/src/goal-variation/make.py);
# tests/goal_variation.py asserts that every rendering gives the same goals
build_goal_variation() {
  say "goal-variation/ (the same goals from four producers, sixteen styles)"
  python3 "$SRC/goal-variation/make.py" "$WORK/goal-variation"
  mkdir -p "$FIX/goal-variation"
  cp "$WORK/goal-variation/pdf/"*.pdf "$WORK/goal-variation/expected.json" "$FIX/goal-variation/"
}

# ---------------------------------------------------------------- check
check_good() { # NAME MIN_HYPHENATION_BREAKS
  local pdf=$FIX/$1.pdf
  [ -s "$pdf" ] || die "$pdf is missing"
  printf '%s: %s pages, producer: %s\n' "$1.pdf" "$(pages "$pdf")" \
    "$(pdfinfo "$pdf" | sed -n 's/^Producer: *//p')"
  python3 "$SRC/lib/check_paragraphs.py" "$pdf" "$FIX/$1.paragraphs.txt" --min-hyphen-breaks "$2"
  grep -q "\"pages\": $(pages "$pdf")," "$FIX/$1.expect.json" || die "$1.expect.json: wrong page count"
}

check_krokom_layout() {
  local pdf=$FIX/krokom-ks-2020.pdf
  # the contents page promises these pages
  for entry in "3:Kommentar från förvaltningschefen" "5:Måluppfyllelse" \
               "10:Ekonomisk uppföljning" "11:Verksamhetsberättelse"; do
    grep -qx "${entry#*:}" <<<"$(page_text "$pdf" "${entry%%:*}")" \
      || die "krokom: '${entry#*:}' is not on page ${entry%%:*} as the contents page says"
  done
  # header and footer on every page but the cover
  local n i
  n=$(pages "$pdf")
  for i in $(seq 2 "$n"); do
    grep -q "Kommunstyrelsen – Årsredovisning 2020" <<<"$(page_text "$pdf" "$i")" || die "krokom: no header on page $i"
    grep -q "Offerdalsvägen 8, 835 80 Krokoms" <<<"$(page_text "$pdf" "$i")" || die "krokom: no footer on page $i"
  done
  # 13 status icons on page 5 (4 legend + 9 goals), 48x48 raster images
  [ "$(pdfimages -f 5 -l 5 -list "$pdf" | awk '$4 == 48 && $5 == 48' | wc -l)" -eq 13 ] \
    || die "krokom: expected 13 status icons on page 5"
  echo "krokom-ks-2020.pdf: contents page numbers, header and footer on pages 2-$n, 13 icons on page 5: ok"
}

check_exempelby_text() {
  local pdf=$FIX/exempelby-bun-2021.pdf
  # U+2212 minus signs and Sida N av M on every page
  local minus
  minus=$(pdftotext "$pdf" - | grep -o '−' | wc -l || true)
  [ "$minus" -ge 10 ] || die "exempelby: expected U+2212 minus signs, found $minus"
  local n i
  n=$(pages "$pdf")
  for i in $(seq 1 "$n"); do
    grep -q "Sida $i av $n" <<<"$(page_text "$pdf" "$i")" || die "exempelby: no 'Sida $i av $n' on page $i"
  done
  # the no-break spaces are in the PDF's ToUnicode maps (pdftotext prints them as spaces)
  qpdf --qdf --object-streams=disable "$pdf" "$WORK/ex-qdf.pdf"
  grep -aq '<00A0>' "$WORK/ex-qdf.pdf" || die "exempelby: no U+00A0 in the ToUnicode maps"
  echo "exempelby-bun-2021.pdf: $minus U+2212 minus signs, 'Sida N av $n' on every page, U+00A0 mapped: ok"
}

check_mal() {
  local pdf=$FIX/mal-vektor.pdf
  # vector icons: no raster image anywhere
  [ "$(pdfimages -list "$pdf" | tail -n +3 | wc -l)" -eq 0 ] || die "mal-vektor: has raster images"
  python3 "$SRC/mal-lib/check_goals.py" "$pdf" "$FIX/mal-vektor.goals.json" \
    --legend "#5cb85c=met=Målet är uppfyllt" --legend "#f0ad4e=partly_met=Målet är delvis uppfyllt" \
    --legend "#d9534f=not_met=Målet är inte uppfyllt" --legend "#999999=not_evaluated=Målet har inte utvärderats"
  # glyphs: 3 legend lines, 7 goals and 2 assignments open with a "●" in the text
  pdf=$FIX/mal-glyf.pdf
  [ "$(pdftotext "$pdf" - | grep -c '^●' || true)" -eq 12 ] || die "mal-glyf: expected 12 lines opening with ●"
  python3 "$SRC/mal-lib/check_goals.py" "$pdf" "$FIX/mal-glyf.goals.json" \
    --legend "#2e7d32=met=Målet är uppfyllt" --legend "#f9a825=partly_met=Målet är delvis uppfyllt" \
    --legend "#c62828=not_met=Målet är inte uppfyllt" \
    --palette "#2e7d32=met" --palette "#f9a825=partly_met" --palette "#c62828=not_met"
  pdf=$FIX/mal-legend.pdf
  [ "$(pdfimages -list "$pdf" | tail -n +3 | wc -l)" -eq 0 ] || die "mal-legend: has raster images"
  python3 "$SRC/mal-lib/check_goals.py" "$pdf" "$FIX/mal-legend.goals.json" \
    --legend "#1f5fa8=met=Uppfyllt" --legend "#7e3f98=partly_met=Delvis uppfyllt" \
    --legend "#000000=not_met=Ej uppfyllt" --legend "#cccccc=not_evaluated=Ej bedömt"
  python3 "$SRC/mal-lib/check_goals.py" "$FIX/mal-tabell.pdf" "$FIX/mal-tabell.goals.json"
  python3 "$SRC/mal-tabell/check_table.py" "$FIX"
  pdf=$FIX/mal-ikontabell.pdf
  [ "$(pdfimages -list "$pdf" | tail -n +3 | wc -l)" -eq 0 ] || die "mal-ikontabell: has raster images"
  python3 "$SRC/mal-ikontabell/check_icons.py" "$pdf" "$FIX/mal-ikontabell.goals.json" \
    --palette "#3a9d23=met" --palette "#f0a202=partly_met" --palette "#d62828=not_met" \
    --palette "#9e9e9e=not_evaluated"
}

check_bad() {
  local f
  for f in empty text damaged; do
    if pdfinfo "$BAD/$f.pdf" >/dev/null 2>&1; then die "bad/$f.pdf: poppler opens it"; fi
    echo "bad/$f.pdf: pdfinfo fails: $(pdfinfo "$BAD/$f.pdf" 2>&1 | tail -n 1)"
  done
  if pdfinfo "$BAD/encrypted.pdf" >/dev/null 2>&1; then die "bad/encrypted.pdf opens without a password"; fi
  [[ "$(pdfinfo -upw hemligt "$BAD/encrypted.pdf")" =~ Encrypted:\ *yes\ \(.*AES-256 ]] \
    || die "bad/encrypted.pdf: not AES-256 with user password 'hemligt'"
  echo "bad/encrypted.pdf: needs a password; with 'hemligt': $(pdfinfo -upw hemligt "$BAD/encrypted.pdf" | sed -n 's/^Encrypted: *//p')"
  [ "$(pages "$BAD/scan.pdf")" -eq 2 ] || die "bad/scan.pdf: not 2 pages"
  [ -n "$(pdftotext -f 1 -l 1 "$BAD/scan.pdf" - | tr -d '[:space:]')" ] || die "bad/scan.pdf: page 1 has no text"
  [ -z "$(pdftotext -f 2 -l 2 "$BAD/scan.pdf" - | tr -d '[:space:]')" ] || die "bad/scan.pdf: page 2 has text"
  [ "$(pdfimages -f 2 -l 2 -list "$BAD/scan.pdf" | tail -n +3 | wc -l)" -eq 1 ] || die "bad/scan.pdf: page 2 is not one image"
  echo "bad/scan.pdf: 2 pages, page 1 text, page 2 one image and no text: ok"
  local tr
  tr=$(pdfinfo "$BAD/truncated.pdf" 2>&1 | grep -E '^(Pages|Syntax Error)' | head -n 2 | tr '\n' ' ' || true)
  echo "bad/truncated.pdf: $(stat -c %s "$BAD/truncated.pdf") of $(stat -c %s "$FIX/krokom-ks-2020.pdf") bytes; pdfinfo: ${tr:-fails}"
}

check_odd() {
  local name size
  for name in $ODD; do
    [ -s "$FIX/odd/$name.pdf" ] || die "odd/$name.pdf is missing"
    size=$(stat -c %s "$FIX/odd/$name.pdf")
    [ "$size" -lt 300000 ] || die "odd/$name.pdf: $size bytes; keep it under 300 KB"
  done
  [ "$(pages "$FIX/odd/many-pages.pdf")" -eq 3000 ] || die "odd/many-pages.pdf: not 3000 pages"
  [ "$(pages "$FIX/odd/slow-pages.pdf")" -eq 100 ] || die "odd/slow-pages.pdf: not 100 pages"
  pdfinfo "$FIX/odd/huge-page.pdf" | grep -q '^Page size: *14400 x 14400 pts' || die "odd/huge-page.pdf: not 14400 x 14400 pt"
  [ "$(pdftotext -raw -f 1 -l 1 "$FIX/odd/many-runs.pdf" - | tr -d '[:space:]' | wc -m)" -eq 20000 ] \
    || die "odd/many-runs.pdf: page 1 does not have 20000 characters"
  [ "$(pdftotext -f 2 -l 2 "$FIX/odd/many-runs.pdf" - | wc -w)" -eq 20000 ] || die "odd/many-runs.pdf: page 2 does not have 20000 words"
  # the digits of garbled-font.pdf come out as control characters, none as a digit
  pdftotext -layout "$FIX/odd/garbled-font.pdf" - | grep -q '[[:cntrl:]]' || die "odd/garbled-font.pdf: no unmapped glyphs"
  pdftotext "$FIX/odd/garbled-font.pdf" - | grep -v '20[0-9][0-9]' | grep -q '[0-9]' && die "odd/garbled-font.pdf: a digit in the text"
  [ -z "$(pdftotext "$FIX/odd/images-only.pdf" - | tr -d '[:space:]')" ] || die "odd/images-only.pdf has text"
  pdfinfo "$FIX/odd/bad-xref.pdf" 2>&1 | grep -q '^Pages: *2' || die "odd/bad-xref.pdf: poppler does not rebuild it"
  # the bomb is small in the file; its 2.5 GB are not inflated here
  [ "$(stat -c %s "$FIX/odd/inflate-bomb.pdf")" -lt 20000 ] || die "odd/inflate-bomb.pdf: not a few KB"
  [ "$(grep -ac '%%EOF' "$FIX/odd/incremental.pdf")" -eq 3 ] || die "odd/incremental.pdf: not three revisions"
  [ "$(pdftotext "$FIX/odd/incremental.pdf" - | tr -d '\f')" = "Tredje versionen" ] || die "odd/incremental.pdf: the last revision is not read"
  pdftotext "$FIX/odd/javascript.pdf" - | grep -q 'Texten läses ändå' || die "odd/javascript.pdf: no text"
  pdfinfo "$FIX/odd/odd-rotate.pdf" 2>/dev/null | grep -q '^Pages: *7' || die "odd/odd-rotate.pdf: not 7 pages"
  echo "odd/: $(echo $ODD | wc -w) files, $(du -ch "$FIX"/odd/*.pdf | tail -n 1 | cut -f1) in all: ok"
}

need python3 pdfinfo pdftotext pdfimages qpdf
if [ "$CHECK_ONLY" -eq 0 ]; then
  need chromium soffice pdflatex pdftoppm convert
  build_krokom
  build_exempelby
  build_sjovik
  build_tabeller
  build_planted
  build_mal_vektor
  build_mal_glyf
  build_mal_legend
  build_mal_tabell
  build_mal_ikontabell
  build_uppdrag_ikoner
  build_series
  build_bad
  build_odd
  need fix-qdf
  build_check_variation
  build_kpi_variation
  need lualatex
  build_ligatures
  build_variation
  build_goal_variation
fi

say "checks"
check_good krokom-ks-2020 10
check_krokom_layout
check_good exempelby-bun-2021 10
check_exempelby_text
check_good sjovik-mbn-2019 10
check_good tabeller-2022 10
python3 "$SRC/tabeller-2022/check_tables.py" "$FIX"
for name in $PLANTED; do check_good "$name" 1; done
python3 "$SRC/planted-errors/check.py" "$FIX"
check_good mal-vektor 0
check_good mal-glyf 5
check_good mal-legend 0
check_good mal-tabell 0
check_good mal-ikontabell 0
check_mal
check_good uppdrag-ikoner 0
python3 "$SRC/uppdrag-ikoner/check.py" "$FIX"
for name in $SERIES; do check_good "series/$name" 3; done
python3 "$SRC/series/check.py" "$FIX/series"
check_bad
check_odd
python3 "$SRC/check-variation/make.py" --check "$FIX/check-variation"
python3 "$SRC/kpi-variation/make.py" --check "$FIX/kpi-variation"
say "fixtures: $(du -sh "$FIX" | cut -f1) in $FIX"
