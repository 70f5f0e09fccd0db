#!/usr/bin/env bash
# Series benchmarks with their peers (pandas, DuckDB, NumPy) on the same data, written to bench/series/RESULTS.md.
# usage: bench/series/run.sh [RUNS]          env: VENV (default /work/venv-series), SERIES_BENCH_BIN (skip the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
VENV="${VENV:-/work/venv-series}"
DATA="bench/out/series/load_1min.csv"

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import pandas, duckdb, numpy" 2>/dev/null || "$VENV/bin/pip" install -q pandas duckdb numpy

NOTE=""
if [ -n "${SERIES_BENCH_BIN:-}" ]; then
  BIN="$SERIES_BENCH_BIN"
  NOTE="Driver binary: $BIN (prebuilt, release)."
elif swift build -c release --package-path bench --product series-bench; then
  BIN="bench/.build/release/series-bench"
else
  echo "bench package build failed; set SERIES_BENCH_BIN to a release build of series-bench" >&2
  exit 1
fi

[ -f "$DATA" ] || "$VENV/bin/python" bench/series/gen_csv.py "$DATA"
"$VENV/bin/python" bench/series/compare.py --bin "$BIN" --csv "$DATA" --runs "$RUNS" \
  --command "bench/series/run.sh $RUNS" --note "$NOTE"
