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

# ---- End to end through the powerhouse binary: the Solar glue, the CLI, a server run, PV via the CLI ----
# POWERHOUSE_BIN=/path/to/release/powerhouse reuses a build; E2E=0 skips this part; E2E_REPS (default 3).
if [ "${E2E:-1}" = 1 ]; then
  if [ -n "${POWERHOUSE_BIN:-}" ]; then
    PH=$POWERHOUSE_BIN
  else
    swift build -c release --product powerhouse
    PH="$(swift build -c release --show-bin-path)/powerhouse"
  fi
  E2E_REPS=${E2E_REPS:-3}
  python3 bench/grid/make_topology.py 1000 "$OUT/bench-1000.json"
  echo "== powerhouse simulate: demo neighbourhood (150 houses, 3 transformers), a year, synthetic weather, Solar PV"
  python3 bench/grid/e2e.py cli "$PH" "$OUT/demo/topology.json" "$OUT/cli-demo" "$E2E_REPS" | tee "$OUT/e2e_cli_demo.json"
  echo "== powerhouse simulate: 1,000 houses (all PV, half batteries, 7 transformers), a year"
  python3 bench/grid/e2e.py cli "$PH" "$OUT/bench-1000.json" "$OUT/cli-1000" "$E2E_REPS" | tee "$OUT/e2e_cli_1000.json"
  echo "== server: POST /api/v1/simulations until its KPIs are there, the same 1,000 houses, a year (SQLite file)"
  python3 bench/grid/e2e.py api "$PH" "$OUT/bench-1000.json" "$OUT/api" "$E2E_REPS" | tee "$OUT/e2e_api_1000.json"

  echo "== powerhouse pv: one system, a year at 15 min, against pvlib ModelChain on the same weather"
  SOLAR_VENV=${SOLAR_VENV:-.venv-solar}
  if [ ! -x "$SOLAR_VENV/bin/python" ]; then
    python3 -m venv "$SOLAR_VENV"
    "$SOLAR_VENV/bin/pip" install -q pvlib pandas
  fi
  WEATHER=bench/out/solar/weather_15min.csv
  if [ ! -f "$WEATHER" ]; then   # the Solar bench's input: pvlib's TMY3 spread to 15 minutes
    mkdir -p bench/out/solar
    swift build -c release --package-path bench --product solar-bench
    TMY3=$("$SOLAR_VENV/bin/python" -c "import os, pvlib; print(os.path.join(os.path.dirname(pvlib.__file__), 'data', '723170TYA.CSV'))")
    "$(swift build -c release --package-path bench --show-bin-path)/solar-bench" export-weather "$TMY3" "$WEATHER" > "$WEATHER.site.json"
  fi
  mkdir -p "$OUT/pv"
  cp "$WEATHER" "$WEATHER.site.json" "$OUT/pv/"
  python3 bench/grid/e2e.py pv "$PH" "$OUT/pv/weather_15min.csv" "$OUT/pv/weather_15min.csv.site.json" "$OUT/pv" 7 | tee "$OUT/e2e_pv.json"
  "$SOLAR_VENV/bin/python" bench/solar/pvlib_peer.py "$OUT/pv" 7 | tee "$OUT/pv/pvlib.json"
  python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
cli = json.load(open(os.path.join(out, "e2e_pv.json")))
peer = json.load(open(os.path.join(out, "pv", "pvlib.json")))
print(f"powerhouse pv (whole process: start, read CSV, simulate, write CSV): {cli['median_s'] * 1000:.0f} ms; "
      f"pvlib run_model alone: {peer['pvlib_run_model_s'] * 1000:.0f} ms -> {peer['pvlib_run_model_s'] / cli['median_s']:.1f}x; "
      f"annual AC {peer['swift_annual_ac_kwh']:.2f} vs {peer['pvlib_annual_ac_kwh']:.2f} kWh ({peer['annual_difference_percent']:+.1e} %), "
      f"15-min RMSE {peer['rmse_percent_of_nameplate']:.1e} % of nameplate")
PY
fi
