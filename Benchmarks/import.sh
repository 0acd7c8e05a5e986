#!/usr/bin/env bash
# Import benchmark: `consult import responses` (parse, validate, redact, pseudonymise, COPY, dedupe)
# against two `psql \copy` baselines on the same fresh private cluster, in one run:
#
#   wide       the generated CSV as it is, into one all-text table with no indexes or constraints
#              (the floor for moving these bytes into PostgreSQL at all);
#   long-form  exactly the rows consult stored (respondents, answers, segments), dumped from its
#              import, already clean, into tables of the same shape: same columns, primary keys,
#              unique constraints, indexes and foreign keys, in one transaction like the import.
#
# Also times `consult code auto` unless --no-code. Release build (scratch path .build-release).
# Prints a Markdown table.
#
# Usage: Benchmarks/import.sh [ROWS] [--no-code]   (default 100000)
#        CONSULT_BIN=/path/to/consult Benchmarks/import.sh ...   measures that build instead (before/after)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
CODE=${2:-}
if [ -n "${CONSULT_BIN:-}" ]; then
  BIN=$CONSULT_BIN
else
  swift build -c release --scratch-path .build-release --product consult >/dev/null
  BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/consult"
fi
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
since() { echo "$(now) - $1" | bc -l; }

# Baseline 1: psql \copy of the CSV into a plain text table with the CSV's columns.
COLS=$(head -1 "$CSV" | tr ',' '\n' | sed 's/.*/"&" text/' | paste -sd, -)
psql -q "$URL" -c "DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy ($COLS)"
t0=$(now); psql -q "$URL" -c "\\copy bench_copy FROM '$CSV' WITH (FORMAT csv, HEADER true)"; wide_s=$(since "$t0")

t0=$(now); /usr/bin/time -v "$BIN" import responses "$CSV" --survey community 2>"$WORK/import.time" >/dev/null; import_s=$(since "$t0")
import_kb=$(peak "$WORK/import.time")

# Baseline 2: the rows consult stored, already clean, into tables of the same shape. LIKE ... INCLUDING
# ALL copies columns, defaults, checks, primary keys, unique constraints and indexes; foreign keys are
# added as consult's schema declares them.
for t in respondent answer segment; do
  psql -q "$URL" -c "\\copy (SELECT * FROM consult.$t ORDER BY 1, 2, 3) TO '$WORK/$t.tsv'"
done
psql -q "$URL" <<'SQL'
CREATE SCHEMA bench;
CREATE TABLE bench.respondent (LIKE consult.respondent INCLUDING ALL,
    FOREIGN KEY (instrument_id) REFERENCES consult.instrument (id), FOREIGN KEY (batch_id) REFERENCES consult.import_batch (id));
-- The answers' long form as consult stored it until sql/0016 (consult.answer is now a view of the
-- profiles): one row per chosen option, with its keys, the same baseline for every build.
CREATE TABLE bench.answer (respondent_id bigint NOT NULL REFERENCES bench.respondent (id) ON DELETE CASCADE,
    question_id text NOT NULL, value text NOT NULL, PRIMARY KEY (respondent_id, question_id, value));
CREATE INDEX ON bench.answer (question_id, value);
CREATE TABLE bench.segment (LIKE consult.segment INCLUDING ALL,
    FOREIGN KEY (respondent_id) REFERENCES bench.respondent (id) ON DELETE CASCADE);
SQL
printf '\\copy bench.respondent FROM %s\n\\copy bench.answer FROM %s\n\\copy bench.segment FROM %s\n' \
  "$WORK/respondent.tsv" "$WORK/answer.tsv" "$WORK/segment.tsv" >"$WORK/long.sql"
t0=$(now); psql -q -1 "$URL" -f "$WORK/long.sql"; long_s=$(since "$t0")
answers=$(psql -qAt "$URL" -c "SELECT count(*) FROM bench.answer")
segments=$(psql -qAt "$URL" -c "SELECT count(*) FROM bench.segment")
bytes=$(stat -c %s "$CSV")

printf '| rows | CSV MB | answers | segments | \\copy wide s | \\copy long-form s | consult import s | vs wide | vs long-form | import rows/s | import peak RSS MB |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
printf '| %d | %.1f | %d | %d | %.2f | %.2f | %.2f | %.1fx | %.2fx | %.0f | %.0f |\n' \
  "$ROWS" "$(echo "$bytes / 1048576" | bc -l)" "$answers" "$segments" "$wide_s" "$long_s" "$import_s" \
  "$(echo "$import_s / $wide_s" | bc -l)" "$(echo "$import_s / $long_s" | bc -l)" \
  "$(echo "$ROWS / $import_s" | bc -l)" "$(echo "$import_kb / 1024" | bc -l)"

[ "$CODE" = "--no-code" ] && exit 0
t0=$(now); /usr/bin/time -v "$BIN" code auto 2>"$WORK/code.time" >/dev/null; code_s=$(since "$t0")
code_kb=$(peak "$WORK/code.time")
printf '\n| segments | code auto s | segments/s | code peak RSS MB |\n|---:|---:|---:|---:|\n'
printf '| %d | %.2f | %.0f | %.0f |\n' "$segments" "$code_s" "$(echo "$segments / $code_s" | bc -l)" "$(echo "$code_kb / 1024" | bc -l)"
