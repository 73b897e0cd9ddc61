#!/bin/sh
# The tidy CSV loads into SQLite with .import, and queries give the values
# of the tables, goals and KPIs. Usage: csv.sh ARSRED SOURCE_DIR
set -u
arsred=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # description, expected, sql
    got=$(sqlite3 "$tmp/db" "$3" 2>&1)
    if [ "$got" = "$2" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: got '$got', want '$2'"; fi
}

"$arsred" extract --quiet --format csv "$src/fixtures/exempelby-bun-2021.pdf" "$src/fixtures/krokom-ks-2020.pdf" "$src/fixtures/kpi-variation/keyfig-chromium.pdf" >"$tmp/all.csv" || { echo "FAIL: extract --format csv"; exit 1; }
head -1 "$tmp/all.csv" | grep -q '^source,year,section,table,row,column,kind,value,unit,page' \
    && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: header"; }
[ "$(grep -c '^source,' "$tmp/all.csv")" -eq 1 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: one header for two files"; }
sqlite3 "$tmp/db" ".import --csv $tmp/all.csv v" || { echo "FAIL: .import"; exit 1; }

check "a cell" "-472450" "SELECT value FROM v WHERE \"table\" = 'Driftredovisning (tkr)' AND row = 'Nettokostnad' AND kind = 'actual'"
check "a sum over rows" "-471200" "SELECT SUM(value) FROM v WHERE \"table\" = 'Nettokostnad per verksamhet (tkr)' AND row <> 'Summa' AND kind = 'budget'"
check "a decimal with a dot" "-86.3" "SELECT value FROM v WHERE \"table\" = 'Årsbokslut' AND row = 'Kostnader' AND \"column\" = 'Budget 2019'"
check "a unit" "mnkr" "SELECT DISTINCT unit FROM v WHERE \"table\" = 'Årsbokslut'"
check "a label with a comma, quoted" "3" "SELECT COUNT(*) FROM v WHERE \"table\" = 'Näringsliv, kultur och fritid' AND \"column\" = 'Budget 2020'"
check "goal statuses" "met|2" "SELECT value, COUNT(*) FROM v WHERE source LIKE '%krokom%' AND kind = 'goal-status' AND value = 'met' GROUP BY value"
check "a goal's targets by year" "2021|15300" "SELECT year, value FROM v WHERE source LIKE '%krokom%' AND kind = 'goal-target' AND year = 2021"
check "assignments with their goal" "3" "SELECT COUNT(*) FROM v WHERE source LIKE '%krokom%' AND kind = 'assignment-status' AND \"column\" = '1'"
check "a KPI with last year's value" "2019|8.8" "SELECT year, value FROM v WHERE row = 'Kundnöjdhet' AND kind = 'kpi-previous'"
check "a KPI's target from its table" "2023|26000" "SELECT year, value FROM v WHERE row = 'Årets resultat' AND kind = 'kpi-target'"
echo "csv: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
