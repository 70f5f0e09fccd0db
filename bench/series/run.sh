#!/usr/bin/env bash
# Series benchmarks with their peers (pandas, DuckDB, NumPy) on the same data, written to bench/series/RESULTS.md.
# usage: bench/series/run.sh [RUNS]          env: VENV (default /work/venv-series), SERIES_BENCH_BIN (skip the build),
#   POWERHOUSE_BIN (a release `powerhouse`, skips its build), SERIES_CORE=0 (end-to-end part only), SERIES_E2E=0 (core only)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
VENV="${VENV:-/work/venv-series}"
DATA="bench/out/series/load_1min.csv"

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c "import pandas, duckdb, numpy" 2>/dev/null || "$VENV/bin/pip" install -q pandas duckdb numpy

[ -f "$DATA" ] || "$VENV/bin/python" bench/series/gen_csv.py "$DATA"

if [ "${SERIES_CORE:-1}" != 0 ]; then
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

"$VENV/bin/python" bench/series/compare.py --bin "$BIN" --csv "$DATA" --runs "$RUNS" \
  --command "bench/series/run.sh $RUNS" --note "$NOTE"
fi

# End to end through the product: import into SQLite, storage and chart queries over HTTP (release build).
if [ "${SERIES_E2E:-1}" != 0 ]; then
  if [ -n "${POWERHOUSE_BIN:-}" ]; then
    PH="$POWERHOUSE_BIN"
  else
    swift build -c release --product powerhouse
    PH=".build/release/powerhouse"
  fi
  command -v wrk >/dev/null || { echo "wrk is needed for the HTTP part (apt-get install wrk)" >&2; exit 1; }
  "$VENV/bin/python" bench/series/e2e.py --powerhouse "$PH" --csv "$DATA" --runs "$RUNS" --command "bench/series/run.sh $RUNS"
fi
