#!/usr/bin/env bash
# PV for one system, one year at 15 minutes: Swift `Solar` vs pvlib ModelChain on the same weather.
#
#   bench/solar/run.sh            (from anywhere; results in bench/out/solar/, summary on stdout)
#
# SOLAR_BENCH_PACKAGE  SwiftPM package that has the solar-bench product (default: bench/)
# SOLAR_VENV           Python venv with pvlib + pandas (default: .venv-solar/, created if missing)
# RUNS                 timed repetitions of each side (default 7; the medians are reported)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/bench/out/solar"
PKG="${SOLAR_BENCH_PACKAGE:-$ROOT/bench}"
VENV="${SOLAR_VENV:-$ROOT/.venv-solar}"
RUNS="${RUNS:-7}"
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q pvlib pandas
fi
swift build -c release --package-path "$PKG" --product solar-bench >&2
BIN="$(swift build -c release --package-path "$PKG" --show-bin-path)/solar-bench"
TMY3=$("$VENV/bin/python" -c "import os, pvlib; print(os.path.join(os.path.dirname(pvlib.__file__), 'data', '723170TYA.CSV'))")

# Hourly TMY3 → 15-minute CSV (Swift's clear-sky-index spreading); both sides read this file.
"$BIN" export-weather "$TMY3" "$OUT/weather_15min.csv" > "$OUT/weather_15min.csv.site.json"
"$BIN" run "$OUT/weather_15min.csv" "$OUT/swift_ac.csv" "$RUNS" > "$OUT/swift.json"
"$VENV/bin/python" "$ROOT/bench/solar/pvlib_peer.py" "$OUT" "$RUNS" > "$OUT/pvlib.json"

"$VENV/bin/python" - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
s = json.load(open(os.path.join(out, "swift.json")))
p = json.load(open(os.path.join(out, "pvlib.json")))
print(f"steps {s['steps']}, runs {s['runs']} (medians)")
print(f"Swift Solar  one system: {s['swift_one_system_s'] * 1000:8.1f} ms   annual AC {s['annual_ac_kwh']:.1f} kWh")
print(f"pvlib {p['pvlib_version']} ModelChain.run_model: {p['pvlib_run_model_s'] * 1000:8.1f} ms   annual AC {p['pvlib_annual_ac_kwh']:.1f} kWh")
print(f"speed-up {p['pvlib_run_model_s'] / s['swift_one_system_s']:.1f}x;  annual AC difference {p['annual_difference_percent']:+.1e} %;  "
      f"15-min RMSE {p['rmse_percent_of_nameplate']:.1e} % of nameplate")
print(f"1,000 systems, all different orientations: {s['fleet_1000_distinct_s'] * 1000:.0f} ms")
print(f"1,000 houses on 12 orientations:           {s['fleet_1000_houses_12_orientations_s'] * 1000:.0f} ms")
PY
