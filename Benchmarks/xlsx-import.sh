#!/usr/bin/env bash
# XLSX import benchmark: the same generated community responses imported from CSV and from an .xlsx
# workbook of the same rows (Benchmarks/csv-to-xlsx.py: shared strings, date serials), each into a
# fresh private cluster, with wall time and peak memory (/usr/bin/time -v). Release build
# (scratch path .build-release). Prints a Markdown table.
#
# Usage: Benchmarks/xlsx-import.sh [ROWS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
swift build -c release --scratch-path .build-release --product consult >/dev/null
BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/consult"
WORK=$(mktemp -d /tmp/consult-xlsx-bench.XXXXXX)
chmod 755 "$WORK"
unset DATABASE_URL PGHOST
trap 'for h in "$WORK"/home-*; do CONSULT_HOME="$h" "$BIN" db stop >/dev/null 2>&1 || true; done; rm -rf "$WORK"' EXIT

CONSULT_HOME="$WORK/gen" "$BIN" sample generate --out "$WORK/data" --community "$ROWS" --partner 0 --focus-groups 0 >/dev/null
CSV="$WORK/data/community-responses.csv"
XLSX="$WORK/data/community-responses.xlsx"
python3 Benchmarks/csv-to-xlsx.py "$CSV" "$XLSX"

now() { date +%s.%N; }
run() {  # run NAME FILE
  export CONSULT_HOME="$WORK/home-$1" CONSULT_KEY_FILE="$WORK/key"
  "$BIN" survey load >/dev/null
  local t0; t0=$(now)
  /usr/bin/time -v "$BIN" import responses "$2" --survey community 2>"$WORK/$1.time" >"$WORK/$1.out"
  local s; s=$(echo "$(now) - $t0" | bc -l)
  printf '| %s | %s | %.1f MB | %.1f s | %.0f | %s MB |\n' "$1" "$ROWS" "$(echo "$(stat -c %s "$2") / 1000000" | bc -l)" "$s" "$(echo "$ROWS / $s" | bc -l)" \
    "$(( $(grep -E "Maximum resident" "$WORK/$1.time" | awk '{print $6}') / 1024 ))"
  "$BIN" db stop >/dev/null
}
echo "| input | rows | file | wall | rows/s | peak RSS |"
echo "|---|---|---|---|---|---|"
run csv "$CSV"
run xlsx "$XLSX"
