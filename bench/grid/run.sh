#!/usr/bin/env bash
# GridModel benchmark and its NumPy peer, on the same inputs, in one script.
#
#   bench/grid/run.sh                 # 1,000 houses (peer comparison) and 10,000 houses (scale, peak RSS)
#   HOUSES=1000 BIG_HOUSES=10000 REPS=5 bench/grid/run.sh
#   GRID_BENCH_BIN=/path/to/grid-bench bench/grid/run.sh   # reuse a release build
#
# Writes the raw inputs (load.f64, pv.f64, params.json) and both sides' KPIs and timings to bench/out/grid/.
set -euo pipefail
cd "$(dirname "$0")/../.."

HOUSES=${HOUSES:-1000}
BIG_HOUSES=${BIG_HOUSES:-10000}
REPS=${REPS:-5}
OUT=bench/out/grid

if [ -n "${GRID_BENCH_BIN:-}" ]; then
  BIN=$GRID_BENCH_BIN
else
  swift build -c release --package-path bench --product grid-bench
  BIN=bench/.build/release/grid-bench
fi

VENV=${GRID_VENV:-bench/.venv-grid}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q numpy
fi

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -m)"
echo "== profile builder + PV shapes generated on the fly, $HOUSES houses"
"$BIN" run --houses "$HOUSES" --reps "$REPS"
echo "== engine alone (inputs cached), $HOUSES houses"
"$BIN" engine --houses "$HOUSES" --reps "$REPS"
echo "== $BIG_HOUSES houses, aggregates only"
"$BIN" run --houses "$BIG_HOUSES" --reps 1
echo "== the simulate command core end to end: demo neighbourhood, a year, outputs written"
"$BIN" demo --out "$OUT"
echo "== reading a --loads CSV (100 houses, a year)"
"$BIN" csv --houses 100
echo "== same inputs for Swift (arrays in memory) and NumPy, $HOUSES houses"
"$BIN" export --houses "$HOUSES" --reps "$REPS" --out "$OUT"
"$VENV/bin/python" bench/grid/peer_numpy.py "$OUT" --reps "$REPS"
