#!/usr/bin/env bash
# PlantData vs pandas on a full-size synthetic eGRID plant sheet: parse, then aggregate by state,
# BA, subregion, NERC region and US, each also by fuel category. Same file, same rules, same machine.
#
#   bench/plants/run.sh            # 12,000 plants (EPA's size) and 25,000 plants (~40 MB)
#   RUNS=9 ROUNDS=5 XRUNS=3 bench/plants/run.sh
#
# Environment: PLANTS_BENCH_BIN (a prebuilt plants-bench; default: build bench/ in release),
# PLANTS_VENV (a venv with pandas; default /work/venv-plants, created if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-7}"
OUT=bench/out/plants
mkdir -p "$OUT"

VENV="${PLANTS_VENV:-/work/venv-plants}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet pandas openpyxl
fi
PY="$VENV/bin/python"

if [ -z "${PLANTS_BENCH_BIN:-}" ]; then
    swift build -c release --package-path bench --product plants-bench >&2
    PLANTS_BENCH_BIN="bench/.build/release/plants-bench"
fi

# Each round runs both tools back to back (RUNS runs each); ROUNDS rounds alternate them, so a
# burst of load on this shared machine hits both. Reported: the median over rounds of each median.
ROUNDS="${ROUNDS:-3}"
for n in 12000 25000; do
    csv="$OUT/plnt_${n}.csv"
    [ -f "$csv" ] || "$PY" bench/plants/gen_plant_sheet.py "$csv" --plants "$n"
    echo "# $n plants, $(du -h "$csv" | cut -f1), $ROUNDS rounds x $RUNS runs"
    results=()
    for _ in $(seq "$ROUNDS"); do
        results+=("$("$PLANTS_BENCH_BIN" "$csv" --runs "$RUNS")")
        results+=("$("$PY" bench/plants/pandas_peer.py "$csv" --runs "$RUNS")")
    done
    printf '%s\n' "${results[@]}"
    printf '%s\n' "${results[@]}" | "$PY" -c '
import json, statistics, sys
rows = [json.loads(line) for line in sys.stdin if line.strip()]
s_runs = [r for r in rows if r["tool"] == "PlantData"]
p_runs = [r for r in rows if r["tool"] != "PlantData"]
# Same answers: both sides aggregate the same file by the same rules.
for s, p in zip(s_runs, p_runs):
    for k, v in s["check"].items():
        assert abs(v - p["check"][k]) <= 1e-9 * max(1.0, abs(v)), (k, v, p["check"][k])
    assert s["groups"] == p["groups"], (s["groups"], p["groups"])
med = lambda runs, key: statistics.median(r[key] for r in runs)
print("| step | PlantData (ms) | pandas (ms) | pandas / PlantData |")
print("|---|---:|---:|---:|")
for key, label in (("parse_ms", "parse (bytes to typed table)"), ("aggregate_ms", "aggregate 5 levels x (all, by fuel)"),
                   ("request_ms", "one request: subregion x fuel + JSON")):
    s, p = med(s_runs, key), med(p_runs, key)
    print(f"| {label} | {s:.1f} | {p:.1f} | {p / s:.1f}x |")
s = statistics.median(r["parse_ms"] + r["aggregate_ms"] for r in s_runs)
p = statistics.median(r["parse_ms"] + r["aggregate_ms"] for r in p_runs)
print(f"| parse + aggregate | {s:.1f} | {p:.1f} | {p / s:.1f}x |")
print("checks agree:", ", ".join(f"{k}={v:.6g}" for k, v in sorted(s_runs[0]["check"].items())))
'
done

# The workbook path: EPA's own unit workbook (2.4 MB, 24,598 units) and a 12,000-plant PLNT23 sheet.
XRUNS="${XRUNS:-3}"
xlsx="$OUT/plnt_12000.xlsx"
[ -f "$xlsx" ] || "$PY" bench/plants/gen_plant_sheet.py "$xlsx" --plants 12000
for wb in ../shared/data/egrid/access_unit_file_2021.xlsx "$xlsx"; do
    [ -f "$wb" ] || continue
    echo "# workbook $(basename "$wb"), $(du -h "$wb" | cut -f1), runs=$XRUNS"
    s=$("$PLANTS_BENCH_BIN" "$wb" --runs "$XRUNS")
    if [ "$(basename "$wb")" = "plnt_12000.xlsx" ]; then p=$("$PY" bench/plants/pandas_peer.py "$wb" --runs "$XRUNS")
    else p=$("$PY" -c "
import json, statistics, time, pandas as pd
t = []
for _ in range($XRUNS):
    t0 = time.perf_counter(); df = pd.read_excel('$wb'); t.append((time.perf_counter() - t0) * 1000)
print(json.dumps({'tool': 'pandas ' + pd.__version__, 'rows': len(df), 'workbook_ms': statistics.median(t)}))")
    fi
    echo "$s"
    echo "$p"
    "$PY" -c "import json,sys; s,p=json.loads(sys.argv[1]),json.loads(sys.argv[2]); print(f'| workbook import | {s[\"workbook_ms\"]:.1f} | {p[\"workbook_ms\"]:.1f} | {p[\"workbook_ms\"]/s[\"workbook_ms\"]:.1f}x |')" "$s" "$p"
done
