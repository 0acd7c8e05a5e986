#!/usr/bin/env bash
# Import benchmark: `consult import responses` (parse, validate, redact, pseudonymise, COPY, dedupe)
# against the baseline `psql \copy` of the same CSV into an all-text table, on the same fresh private
# cluster, in one run. Also times `consult code auto`. Release build. Prints a Markdown table row set.
#
# Usage: Benchmarks/import.sh [ROWS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
swift build -c release --product consult >/dev/null
BIN="$(swift build -c release --show-bin-path)/consult"
WORK=$(mktemp -d /tmp/consult-bench.XXXXXX)
chmod 755 "$WORK"
export CONSULT_HOME="$WORK/home" CONSULT_KEY_FILE="$WORK/key"
unset DATABASE_URL PGHOST
trap '"$BIN" db stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

"$BIN" sample generate --out "$WORK/data" --community "$ROWS" --partner 0 --focus-groups 0 >/dev/null
CSV="$WORK/data/community-responses.csv"
"$BIN" survey load >/dev/null
URL=$("$BIN" db url)
export PGOPTIONS="-c client_min_messages=warning"

now() { date +%s.%N; }
peak() { grep -E "Maximum resident" "$1" | awk '{print $6}'; }

# Baseline: psql \copy into a plain text table with the CSV's columns.
COLS=$(head -1 "$CSV" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
psql -q "$URL" -c "DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy ($COLS)"
t0=$(now); psql -q "$URL" -c "\\copy bench_copy FROM '$CSV' WITH (FORMAT csv, HEADER true)"; t1=$(now)
copy_s=$(echo "$t1 - $t0" | bc -l)

t0=$(now); /usr/bin/time -v "$BIN" import responses "$CSV" --survey community 2>"$WORK/import.time" >/dev/null; t1=$(now)
import_s=$(echo "$t1 - $t0" | bc -l)
import_kb=$(peak "$WORK/import.time")

t0=$(now); /usr/bin/time -v "$BIN" code auto 2>"$WORK/code.time" >/dev/null; t1=$(now)
code_s=$(echo "$t1 - $t0" | bc -l)
code_kb=$(peak "$WORK/code.time")
segments=$(psql -qAt "$URL" -c "SELECT count(*) FROM consult.segment")
bytes=$(stat -c %s "$CSV")

printf '| rows | CSV MB | psql \\copy s | consult import s | ratio | import rows/s | import peak RSS MB | segments | code auto s | segments/s | code peak RSS MB |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
printf '| %d | %.1f | %.2f | %.2f | %.1fx | %.0f | %.0f | %d | %.2f | %.0f | %.0f |\n' \
  "$ROWS" "$(echo "$bytes / 1048576" | bc -l)" "$copy_s" "$import_s" "$(echo "$import_s / $copy_s" | bc -l)" \
  "$(echo "$ROWS / $import_s" | bc -l)" "$(echo "$import_kb / 1024" | bc -l)" "$segments" "$code_s" \
  "$(echo "$segments / $code_s" | bc -l)" "$(echo "$code_kb / 1024" | bc -l)"
