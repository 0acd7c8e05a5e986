#!/usr/bin/env bash
# Service benchmark (`consult serve`, release build) on loopback only, bounded in time and count:
#
#   1. sustained submissions: wrk POSTs ROWS distinct synthetic community responses, one JSON object per
#      request, for at most SECONDS s; accepted (201) per second and p50/p99 latency; against the same
#      responses imported from one file with `consult import responses` in the same run;
#   2. kill -9 under load: a second stream, the server killed with SIGKILL part-way; every response
#      answered 201 must be in the database (counted by keyed pseudonym); the restarted server serves;
#   3. two instances on one database receive the same stream at once: each response stored once.
#
# Usage: Benchmarks/serve.sh [ROWS] [SECONDS]   (default 20000, 20)
#        CONSULT_BIN=/path/to/consult Benchmarks/serve.sh ...   measures that build instead
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-20000}
SECONDS_MAX=${2:-20}
CONNECTIONS=${CONNECTIONS:-16}
POOL=${POOL:-8}
if [ -n "${CONSULT_BIN:-}" ]; then
  BIN=$CONSULT_BIN
else
  swift build -c release --scratch-path .build-release --product consult >/dev/null
  BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/consult"
fi
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
WORK=$(mktemp -d /tmp/consult-serve-bench.XXXXXX)
chmod 755 "$WORK"
KEY=$(python3 -c "import secrets; print(secrets.token_hex(32))")
export CONSULT_HOME="$WORK/home" CONSULT_KEY="$KEY" LOG_LEVEL=warning
unset DATABASE_URL PGHOST CONSULT_KEY_FILE
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; "$BIN" db stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

"$BIN" sample generate --out "$WORK/data" --community "$((ROWS * 2))" --partner 0 --focus-groups 0 >/dev/null
# The CSV as JSON objects, one per line, keys as headers (what a partner system would send), split in
# two halves: the throughput stream (A) and the kill -9 stream (B).
python3 - "$WORK/data/community-responses.csv" "$WORK" "$ROWS" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
n = int(sys.argv[3])
header = list(rows[0].keys())
for name, part in (("a", rows[:n]), ("b", rows[n:2 * n])):
    with open(f"{sys.argv[2]}/{name}.jsonl", "w", encoding="utf-8") as out:
        for row in part:
            out.write(json.dumps({k: v for k, v in row.items() if v != ""}, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(f"{sys.argv[2]}/{name}.csv", "w", newline="", encoding="utf-8") as out:
        w = csv.DictWriter(out, fieldnames=header); w.writeheader(); w.writerows(part)
PY

start_server() {  # start_server PORT LOGFILE -> pid in SERVER_PID
  "$BIN" serve --listen "127.0.0.1:$1" --max-connections "$POOL" 2>"$2" &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0; sleep 0.1; done
  echo "server on port $1 did not become ready"; cat "$2"; exit 1
}
respondents() { psql -qtA "$URL" -c "SELECT count(*) FROM consult.respondent WHERE instrument_id = 'community'"; }

fresh_db() {
  "$BIN" db stop >/dev/null 2>&1 || true
  rm -rf "$CONSULT_HOME"
  "$BIN" survey load >/dev/null
  "$BIN" roles setup >/dev/null
  URL=$("$BIN" db url)
  TOKEN=$("$BIN" token create --access ingest --survey community 2>/dev/null | tail -n 1)
}
export PGOPTIONS="-c client_min_messages=warning"

echo "## consult serve benchmark: $ROWS responses, $CONNECTIONS connections, pool $POOL, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo

# 0. The same responses from one file, in one run.
fresh_db
START=$(date +%s.%N)
"$BIN" import responses "$WORK/a.csv" --survey community >/dev/null
FILE_S=$(echo "$(date +%s.%N) - $START" | bc -l)
printf "file import: %d responses in %.2f s (%.0f/s)\n" "$ROWS" "$FILE_S" "$(echo "$ROWS / $FILE_S" | bc -l)"

# 1. Sustained submissions over HTTP.
fresh_db
start_server 18181 "$WORK/serve1.log"
echo "http (wrk, $CONNECTIONS connections, at most ${SECONDS_MAX}s):"
WRK_THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
RESPONSES="$WORK/a.jsonl" TOKEN=$TOKEN THREADS=$WRK_THREADS wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_MAX}s" --timeout 10s -s Benchmarks/serve-post.lua \
  http://127.0.0.1:18181/v1/surveys/community/responses | grep -E "^(statuses|latency_ms|requests)"
echo "respondents stored: $(respondents)"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

# 2. kill -9 under load: one connection per wrk thread, so each answer is matched to its request.
fresh_db
start_server 18182 "$WORK/serve2.log"
RESPONSES="$WORK/b.jsonl" TOKEN=$TOKEN THREADS=8 OK_LOG="$WORK/ok" wrk -t8 -c8 -d8s --timeout 5s -s Benchmarks/serve-post.lua \
  http://127.0.0.1:18182/v1/surveys/community/responses > "$WORK/wrk-kill.txt" &
WRK=$!
sleep 3
kill -9 "$SERVER_PID"
wait "$WRK" || true
cat "$WORK"/ok.* 2>/dev/null | sort -u > "$WORK/ok-all.txt"
ANSWERED=$(wc -l < "$WORK/ok-all.txt")
python3 - "$KEY" "$WORK/ok-all.txt" > "$WORK/ok-pseudonyms.txt" <<'PY'
import hashlib, hmac, sys
key = bytes.fromhex(sys.argv[1])
for line in open(sys.argv[2]):
    print("R-" + hmac.new(key, b"community\x1f" + line.strip().encode(), hashlib.sha256).hexdigest()[:16])
PY
psql -qtA "$URL" -c "SELECT pseudonym FROM consult.respondent WHERE instrument_id = 'community'" | sort -u > "$WORK/stored.txt"
LOST=$(comm -23 <(sort -u "$WORK/ok-pseudonyms.txt") "$WORK/stored.txt" | wc -l)
echo "kill -9 after 3 s of load: $ANSWERED answered 201, $(wc -l < "$WORK/stored.txt") stored, $LOST answered 201 but missing"
paste "$WORK/ok-all.txt" "$WORK/ok-pseudonyms.txt" | while read -r id pseudonym; do
  grep -qx "$pseudonym" "$WORK/stored.txt" || echo "  missing: $id ($pseudonym)"
done
start_server 18182 "$WORK/serve2b.log"
AFTER=$(curl -s -o /dev/null -w "%{http_code}" -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -d '{"response_id":"after-restart","aware":"yes"}' http://127.0.0.1:18182/v1/surveys/community/responses)
echo "restarted server: readyz 200, a new submission answered $AFTER"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

# 3. Two instances on one database, the same stream sent to both at once.
fresh_db
start_server 18183 "$WORK/serve3a.log"
start_server 18184 "$WORK/serve3b.log"
SAME=$((ROWS / 4))
head -n "$SAME" "$WORK/a.jsonl" > "$WORK/same.jsonl"
WRKS=()
for port in 18183 18184; do
  RESPONSES="$WORK/same.jsonl" TOKEN=$TOKEN THREADS=1 STREAM=same wrk -t1 -c1 -d"${SECONDS_MAX}s" --timeout 10s -s Benchmarks/serve-post.lua \
    "http://127.0.0.1:$port/v1/surveys/community/responses" > "$WORK/wrk-$port.txt" &
  WRKS+=($!)
done
wait "${WRKS[@]}"
echo "two instances, the same $SAME responses to each: $(grep statuses "$WORK/wrk-18183.txt") | $(grep statuses "$WORK/wrk-18184.txt")"
echo "stored: $(respondents) respondents, $(psql -qtA "$URL" -c "SELECT count(*) - count(DISTINCT pseudonym) FROM consult.respondent") duplicates"
