#!/usr/bin/env bash
# Counts at scale, before and after (issue 16): for each of one or more release `consult` builds, on
# its own fresh private cluster with the same generated data and the same pseudonym key, one after the
# other: import ROWS community + ROWS/5 partner responses and 8 focus groups, then time the first and
# the repeated run of each query right after the import, after `code auto`, and after one human
# decision (`code apply`, itself timed, and its trigger time inside the server from EXPLAIN ANALYZE).
# Each query's output is kept per build and state, and the builds' outputs are compared at the end:
# the counts must be identical. Prints Markdown tables.
#
# Usage: Benchmarks/counts.sh ROWS NAME=/path/to/consult [NAME=/path/to/consult ...]
#        e.g. Benchmarks/counts.sh 100000 before=/tmp/consult-before/consult after=.build-release/release/consult
#        Each binary runs from its own folder and must find its own sql/ and surveys/ there or above
#        (a release build inside its checkout does; a copied binary needs them copied beside it).
#        REPEATS=N   repeated runs per query (default 3; the median is reported; the chapter runs once more)
#        KEEP=1      keep the work folder (data, outputs, clusters stopped)
#        RESULTS=DIR keep data, key and each build's results in DIR: a later call with another build
#                    reuses the same data and key, and reports and compares every build stored there
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:?rows}; shift
REPEATS=${REPEATS:-3}
if [ -n "${RESULTS:-}" ]; then mkdir -p "$RESULTS"; WORK=$(realpath "$RESULTS"); KEEP=1; else WORK=$(mktemp -d /tmp/consult-counts.XXXXXX); fi
chmod 755 "$WORK"
unset DATABASE_URL PGHOST
export PGOPTIONS="-c client_min_messages=warning"
CURRENT_BIN=""
cleanup() {
  [ -n "$CURRENT_BIN" ] && "$CURRENT_BIN" db stop >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }

QUERIES=(
  "themes|themes --format json"
  "themes --by group|themes --by group --format json"
  "themes --by ethnicity_group|themes --by ethnicity_group --format json"
  "questions --survey community --by age_band|questions --survey community --by age_band --format json"
  "crosstab --survey community --question aware --by ethnicity_group|crosstab --survey community --question aware --by ethnicity_group --format json"
  "summary|summary --format json"
  "chapter (md + html)|chapter --out OUT"
)

# Runs one query: the first run (its output kept), then REPEATS more (the chapter: one); prints
# "first median" in seconds.
run_query() {
  local bin=$1 args=$2 out=$3
  local times=() reps=$REPEATS
  [[ $args == chapter* ]] && reps=1
  for i in $(seq 0 "$reps"); do
    local a b
    a=$(now)
    if [[ $args == chapter* ]]; then
      "$bin" chapter --out "$out.chapter" >/dev/null
    else
      # shellcheck disable=SC2086
      "$bin" $args >"$out.json"
    fi
    b=$(now)
    times+=("$(echo "$b - $a" | bc -l)")
  done
  local median; median=$(printf '%s\n' "${times[@]:1}" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}')
  printf '%s %s' "${times[0]}" "$median"
}

# Each build runs from its own folder: consult finds its sql/ and surveys/ from the current directory
# up first, so a build copied beside its own checkout's sql/ migrates to its own schema version.
BINS=()
for spec in "$@"; do BINS+=("$(realpath "${spec#*=}")"); done
if [ ! -f "$WORK/key" ]; then
  (cd "$(dirname "${BINS[0]}")" && "${BINS[0]}" sample generate --out "$WORK/data" --community "$ROWS" --partner $((ROWS / 5)) --focus-groups 8 >/dev/null)
  head -c 32 /dev/urandom >"$WORK/key.new"
  chmod 600 "$WORK/key.new"
  mv "$WORK/key.new" "$WORK/key"
fi

names=()
for i in "${!BINS[@]}"; do
  spec=${*:i+1:1}
  name=${spec%%=*} bin=${BINS[i]}
  names+=("$name")
  cd "$(dirname "$bin")"
  rm -rf "${WORK:?}/$name"
  CURRENT_BIN=$bin
  export CONSULT_HOME="$WORK/$name/home" CONSULT_KEY_FILE="$WORK/key"
  mkdir -p "$WORK/$name/out"
  "$bin" survey load >/dev/null
  URL=$("$bin" db url)
  t0=$(now)
  /usr/bin/time -f %M -o "$WORK/$name/import.kb" "$bin" import responses "$WORK/data/community-responses.csv" --survey community >/dev/null
  community_s=$(since "$t0")
  "$bin" import responses "$WORK/data/partner-responses.csv" --survey partner >/dev/null
  "$bin" import notes "$WORK/data/focus-groups" --survey focus_groups >/dev/null
  import_s=$(since "$t0")
  echo "$community_s $import_s $(cat "$WORK/$name/import.kb")" >"$WORK/$name/import.txt"
  for state in import auto decision; do
    if [ "$state" = auto ]; then
      # A `code auto` that overlapped another coding run on the same database failed with a duplicate
      # coding key before coding runs took turns (auto-dup; issue 16's notes): for builds from before
      # that, the failed run changes nothing and is retried once, said so.
      t0=$(now)
      if ! "$bin" code auto >/dev/null 2>"$WORK/$name/auto.err"; then
        cat "$WORK/$name/auto.err" >&2; echo "code auto failed once; retrying" >&2
        t0=$(now); "$bin" code auto >/dev/null
      fi
      since "$t0" >"$WORK/$name/auto.txt"
    elif [ "$state" = decision ]; then
      read -r segment theme < <(psql -qAt -F ' ' "$URL" -c "SELECT segment_id, theme_id FROM consult.coding WHERE kind = 'rule' ORDER BY 1, 2 LIMIT 1")
      # The decision's cost inside the server, triggers included, rolled back; then the real one, timed as the user runs it.
      psql -qAt "$URL" >"$WORK/$name/decision-plan.txt" <<SQL
BEGIN;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
INSERT INTO consult.coding (segment_id, codebook_version, theme_id, coder, kind, applied)
SELECT $segment, version, '$theme', 'bench', 'human', false FROM consult.codebook WHERE is_current;
ROLLBACK;
SQL
      t0=$(now); "$bin" code apply --segment "$segment" --theme "$theme" --coder bench --not >/dev/null; since "$t0" >"$WORK/$name/apply.txt"
    fi
    mkdir -p "$WORK/$name/$state"
    for q in "${QUERIES[@]}"; do
      label=${q%%|*} args=${q#*|}
      key=$(echo "$label" | tr -c 'A-Za-z0-9_\n' '-')
      echo "$label|$(run_query "$bin" "$args" "$WORK/$name/$state/$key")" >>"$WORK/$name/$state/times.txt"
    done
  done
  psql -qAt "$URL" -c "SELECT count(*) FROM consult.segment" >"$WORK/$name/segments.txt"
  "$bin" db stop >/dev/null
  CURRENT_BIN=""
done

if [ -n "${RESULTS:-}" ]; then
  # Every build stored here, in the order they were measured.
  mapfile -t names < <(cd "$WORK" && ls -dtr -- */ | tr -d / | while read -r d; do [ -f "$d/segments.txt" ] && echo "$d"; done)
fi
first=${names[0]}
printf '\n%d community + %d partner responses, 8 focus groups, %s segments; %s\n\n' "$ROWS" $((ROWS / 5)) \
  "$(cat "$WORK/$first/segments.txt")" "$(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
printf '| build | import s (community / all) | import peak MB | code auto s | code apply s | decision in server |\n|---|---:|---:|---:|---:|---|\n'
for name in "${names[@]}"; do
  read -r community all kb <"$WORK/$name/import.txt"
  plan=$(grep -E 'Trigger|Execution Time' "$WORK/$name/decision-plan.txt" | sed 's/^ *//' | paste -sd';' -)
  printf '| %s | %.2f / %.2f | %.0f | %.2f | %.3f | %s |\n' "$name" "$community" "$all" "$(echo "$kb / 1024" | bc -l)" \
    "$(cat "$WORK/$name/auto.txt")" "$(cat "$WORK/$name/apply.txt")" "$plan"
done
for state in import auto decision; do
  case $state in import) title="right after the import";; auto) title="after code auto";; decision) title="after one human decision";; esac
  printf '\n%s: first run / repeated (median of %d), seconds\n\n| query |' "$title" "$REPEATS"
  for name in "${names[@]}"; do printf ' %s first | %s repeated |' "$name" "$name"; done
  printf '\n|---|'; for _ in "${names[@]}"; do printf -- '---:|---:|'; done; printf '\n'
  for q in "${QUERIES[@]}"; do
    label=${q%%|*}
    printf '| %s |' "$label"
    for name in "${names[@]}"; do
      read -r a b < <(grep -F "$label|" "$WORK/$name/$state/times.txt" | head -1 | cut -d'|' -f2)
      printf ' %.3f | %.3f |' "$a" "$b"
    done
    printf '\n'
  done
done

# Same data, same counts: every query's output, and the chapter, identical across builds.
status=0
for name in "${names[@]:1}"; do
  for state in import auto decision; do
    if diff -r -q "$WORK/$first/$state" "$WORK/$name/$state" -x times.txt >"$WORK/diff.txt"; then
      printf '\noutputs %s: %s = %s (every query, and the chapter)\n' "$state" "$first" "$name"
    else
      printf '\noutputs %s: %s and %s DIFFER:\n' "$state" "$first" "$name"; cat "$WORK/diff.txt"; status=1
    fi
  done
done
exit $status
