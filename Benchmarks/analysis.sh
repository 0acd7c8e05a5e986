#!/usr/bin/env bash
# Analysis benchmark (issue 5): with ROWS community responses (plus ROWS/5 partner responses and the
# sample's focus groups) imported and rule-coded, times the theme queries by group and by field, a
# closed-question table, the summary and the whole chapter (md + html), each as the user runs it
# (a release `consult` process: start, connect, query, print). Prints a Markdown table.
#
# Usage: Benchmarks/analysis.sh [ROWS]   (default 1000000; ~15 minutes on 2 cores, most of it import and coding)
#        SCRATCH=.build-release Benchmarks/analysis.sh ...   to use another build folder
#        REUSE=/tmp/consult-analysis.XXXX Benchmarks/analysis.sh  to time again on a database a run kept
#        (KEEP=1 keeps it; the timing part then runs against the same data with the current binary)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
BUILD=(swift build -c release ${SCRATCH:+--scratch-path "$SCRATCH"})
"${BUILD[@]}" --product consult >/dev/null
BIN="$("${BUILD[@]}" --show-bin-path)/consult"
WORK=${REUSE:-$(mktemp -d /tmp/consult-analysis.XXXXXX)}
chmod 755 "$WORK"
export CONSULT_HOME="$WORK/home" CONSULT_KEY_FILE="$WORK/key"
unset DATABASE_URL PGHOST
if [ -n "${KEEP:-}${REUSE:-}" ]; then trap '"$BIN" db stop >/dev/null 2>&1 || true' EXIT
else trap '"$BIN" db stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT; fi

now() { date +%s.%N; }
if [ -z "${REUSE:-}" ]; then
"$BIN" sample generate --out "$WORK/data" --community "$ROWS" --partner $((ROWS / 5)) --focus-groups 8 >/dev/null
"$BIN" survey load >/dev/null
t0=$(now)
"$BIN" import responses "$WORK/data/community-responses.csv" --survey community >/dev/null
"$BIN" import responses "$WORK/data/partner-responses.csv" --survey partner >/dev/null
"$BIN" import notes "$WORK/data/focus-groups" --survey focus_groups >/dev/null
t1=$(now)
"$BIN" code auto >/dev/null
t2=$(now)
else
"$BIN" migrate >/dev/null
t0=0; t1=0; t2=0
fi
segments=$(psql -qAt "$("$BIN" db url)" -c "SELECT count(*) FROM consult.segment")

# Runs a command 5 times; prints the first (cold) and the median of the other four (warm) in seconds.
time_it() {
  local name=$1; shift
  local times=()
  for _ in 1 2 3 4 5; do
    local a b; a=$(now); "$BIN" "$@" >/dev/null; b=$(now)
    times+=("$(echo "$b - $a" | bc -l)")
  done
  local warm; warm=$(printf '%s\n' "${times[@]:1}" | sort -g | sed -n 2,3p | paste -sd+ - | sed 's/.*/(&)\/2/' | bc -l)
  printf '| %s | %.3f | %.3f |\n' "$name" "${times[0]}" "$warm"
}

printf '\n%d community + %d partner responses, %d segments; import %.0f s, code auto %.0f s\n\n' \
  "$ROWS" $((ROWS / 5)) "$segments" "$(echo "$t1 - $t0" | bc -l)" "$(echo "$t2 - $t1" | bc -l)"
printf '| command | first run s | warm run s (median) |\n|---|---:|---:|\n'
time_it "themes" themes --format json
time_it "themes --by group" themes --by group --format json
time_it "themes --by ethnicity_group" themes --by ethnicity_group --format json
time_it "questions --survey community --by age_band" questions --survey community --by age_band --format json
time_it "summary" summary --format json
time_it "chapter (md + html)" chapter --out "$WORK/out"
