#!/usr/bin/env bash
# Platform benchmark: start-to-ready, idle memory, and HTTP throughput/latency with wrk against a release build on
# 127.0.0.1, with FastAPI (uvicorn, 2 workers) measured in the same run on the same endpoints.
# Usage: bench/platform/run.sh            (results appended to bench/platform/RESULTS.md)
# Needs wrk and curl (Debian packages); installs FastAPI into a throw-away venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PORT=${PORT:-18181}
PEER_PORT=${PEER_PORT:-18182}
DURATION=${DURATION:-10s}
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-3}
OUT=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$OUT"' EXIT

command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }
BIN=${POWERHOUSE_BIN:-}
if [ -z "$BIN" ]; then
  swift build -c release --product powerhouse >&2
  BIN="$ROOT/.build/release/powerhouse"
fi

export POWERHOUSE_ADMIN_PASSWORD="bench password 1234"
export POWERHOUSE_JWT_SECRET=$(printf 's%.0s' {1..48})
# Rate limits would (rightly) throttle one client sending 20,000 requests/s; the benchmark measures the server.
export POWERHOUSE_LIMITS_RATE_PER_IP=0 POWERHOUSE_LIMITS_RATE_PER_TOKEN=0
# One access-log line per request is written at info level; the benchmark runs at warning, as noted in BENCHMARKS.md.
export POWERHOUSE_LOG_LEVEL=warning POWERHOUSE_LOG_FORMAT=json
DB="sqlite:$OUT/bench.sqlite"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_ms() { date +%s%3N; }

# First start migrates and creates the admin; the measured starts are on an existing database, like a restart.
"$BIN" serve --db "$DB" --port "$PORT" > "$OUT/first.log" 2>&1 &
until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do sleep 0.05; done
kill -INT %1; wait %1 2>/dev/null || true

ready_times=()
for _ in $(seq "$RUNS"); do
  start=$(now_ms)
  "$BIN" serve --db "$DB" --port "$PORT" > "$OUT/serve.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; do sleep 0.005; done
  ready_times+=($(( $(now_ms) - start )))
  kill -INT $pid; wait $pid 2>/dev/null || true
done
READY_MS=$(printf '%s\n' "${ready_times[@]}" | median)

"$BIN" serve --db "$DB" --port "$PORT" > "$OUT/serve.log" 2>&1 &
SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do sleep 0.05; done
sleep 2
IDLE_RSS_MB=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$SERVER/status)
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$POWERHOUSE_ADMIN_PASSWORD\"}" \
  "http://127.0.0.1:$PORT/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
export TOKEN

# wrk prints latency in us/ms/s; everything is converted to milliseconds.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f\n", v}'; }
# Runs wrk ROUNDS times and prints "median requests/s, median p99 ms".
measure() {
  local rates=() p99s=()
  for _ in $(seq "$ROUNDS"); do
    out=$("$@")
    rates+=($(echo "$out" | awk '/Requests\/sec/ {print $2}'))
    p99s+=($(echo "$out" | awk '/ 99%/ {print $2}' | to_ms))
  done
  echo "$(printf '%s\n' "${rates[@]}" | median) $(printf '%s\n' "${p99s[@]}" | median)"
}
full() { wrk -t1 -c64 -d"$DURATION" --latency "$@"; }

read LIVE_RPS LIVE_P99 < <(measure full "http://127.0.0.1:$PORT/health/live")
read ME_RPS ME_P99 < <(measure full -s bench/platform/auth.lua "http://127.0.0.1:$PORT/api/v1/me")
# Steady ~1,000 requests/s: 11 connections, each pausing 10 ms between requests.
read STEADY_RPS STEADY_P99 < <(PAUSE_MS=10 measure wrk -t1 -c11 -d"$DURATION" --latency -s bench/platform/steady.lua "http://127.0.0.1:$PORT/api/v1/me")
kill -INT $SERVER; wait $SERVER 2>/dev/null || true

# Peer: FastAPI on uvicorn (with uvloop and httptools) and 2 workers, one per core.
VENV=${VENV:-/work/venv-platform}
[ -x "$VENV/bin/uvicorn" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q fastapi "uvicorn[standard]" pyjwt; }
(cd bench/platform && PEER_SECRET="$POWERHOUSE_JWT_SECRET" "$VENV/bin/uvicorn" peer_fastapi:app --host 127.0.0.1 \
   --port "$PEER_PORT" --workers 2 --log-level warning > "$OUT/peer.log" 2>&1 &)
until curl -sf "http://127.0.0.1:$PEER_PORT/health/live" >/dev/null 2>&1; do sleep 0.1; done
read PEER_LIVE_RPS PEER_LIVE_P99 < <(measure full "http://127.0.0.1:$PEER_PORT/health/live")
read PEER_ME_RPS PEER_ME_P99 < <(measure full -s bench/platform/auth.lua "http://127.0.0.1:$PEER_PORT/api/v1/me")
pkill -f "uvicorn peer_fastapi:app" || true

{
  echo
  echo "### $(date -u +%Y-%m-%dT%H:%MZ) — \`bench/platform/run.sh\` (wrk -t1 -c64 -d$DURATION on the same machine, $(nproc) cores, median of $ROUNDS rounds)"
  echo
  echo "| measure | Powerhouse | FastAPI peer | ratio |"
  echo "|---|---:|---:|---:|"
  echo "| GET /health/live, requests/s | $LIVE_RPS | $PEER_LIVE_RPS | $(python3 -c "print(f'{$LIVE_RPS/$PEER_LIVE_RPS:.1f}×')") |"
  echo "| GET /api/v1/me (JWT), requests/s | $ME_RPS | $PEER_ME_RPS | $(python3 -c "print(f'{$ME_RPS/$PEER_ME_RPS:.1f}×')") |"
  echo "| GET /api/v1/me p99 at full load, ms | $ME_P99 | $PEER_ME_P99 | |"
  echo "| GET /api/v1/me at a steady $STEADY_RPS requests/s: p99, ms | $STEADY_P99 | | |"
  echo "| start to ready (SQLite, existing database), median of $RUNS | ${READY_MS} ms | | |"
  echo "| idle resident memory | ${IDLE_RSS_MB} MB | | |"
} | tee -a bench/platform/RESULTS.md
