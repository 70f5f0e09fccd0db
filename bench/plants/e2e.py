"""End-to-end Plants benchmarks: the release `powerhouse` binary against the same synthetic plant sheets as
plants-bench, with the pandas peer in the same script.

    python bench/plants/e2e.py --bin .build/release/powerhouse --runs 5 [--wrk-seconds 10]

1. Import: `powerhouse import egrid plnt_N.csv` into a fresh, migrated SQLite file (process wall time:
   start, read, SHA-256, parse, prepare rows, one transaction, exit). Peer: pandas.read_csv + the same
   group-by (EPA's rules, 5 levels x all/by fuel), in-process, plus its process wall time.
2. HTTP (12,000 plants): `powerhouse serve` on 127.0.0.1 with rate limits off
   (POWERHOUSE_LIMITS_RATE_PER_IP=0, POWERHOUSE_LIMITS_RATE_PER_TOKEN=0), bearer token of an analyst.
   - cold: the first aggregate request after start (loads the year's plants from SQLite, aggregates, encodes);
   - uncached: answer-cache misses with the plants in memory (each request adds a distinct `_n` parameter,
     which is part of the cache key), per level, by fuel and not, sequential, median and p95;
   - cached: wrk against one aggregate URL (the answer cache hit path: auth, cache lookup, ETag, bytes).
Prints JSON lines, then markdown tables.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "bench", "out", "plants")


def run(cmd, env=None, check=True):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    dt = (time.perf_counter() - t0) * 1000
    if check and p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stdout}\n{p.stderr}")
    return dt, p


def import_bench(binary, csv, runs, workdir):
    times, line = [], ""
    for i in range(runs):
        db = os.path.join(workdir, f"import-{i}.sqlite")
        run([binary, "migrate", "--db", f"sqlite:{db}"])
        dt, p = run([binary, "import", "egrid", csv, "--db", f"sqlite:{db}", "--release", "bench"])
        times.append(dt)
        line = p.stdout.strip()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix) and i < runs - 1:
                os.remove(db + suffix)
    size = os.path.getsize(os.path.join(workdir, f"import-{runs - 1}.sqlite"))
    return {"tool": "powerhouse import egrid", "file": os.path.basename(csv), "runs": runs,
            "wall_ms": statistics.median(times), "min_ms": min(times), "db_bytes": size, "output": line}


def pandas_bench(python, csv, runs):
    inproc = json.loads(run([python, os.path.join(HERE, "pandas_peer.py"), csv, "--runs", str(runs)])[1].stdout)
    walls = [run([python, os.path.join(HERE, "pandas_peer.py"), csv, "--runs", "1"])[0] for _ in range(runs)]
    return {"tool": inproc["tool"], "file": os.path.basename(csv), "runs": runs,
            "parse_aggregate_ms": inproc["parse_ms"] + inproc["aggregate_ms"], "request_ms": inproc["request_ms"],
            "process_wall_ms": statistics.median(walls)}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, db, workdir):
        self.port = free_port()
        env = dict(os.environ, POWERHOUSE_ADMIN_PASSWORD="bench-admin-password-123",
                   POWERHOUSE_LIMITS_RATE_PER_IP="0", POWERHOUSE_LIMITS_RATE_PER_TOKEN="0",
                   POWERHOUSE_LOG_LEVEL="warning", POWERHOUSE_JOBS_WORKERS="0",
                   POWERHOUSE_JWT_SECRET="bench-secret-bench-secret-bench-secret-0123")
        self.log = open(os.path.join(workdir, "server.log"), "w")
        self.proc = subprocess.Popen([binary, "serve", "--db", f"sqlite:{db}", "--port", str(self.port)],
                                     stdout=self.log, stderr=self.log, env=env)
        for _ in range(300):
            try:
                if self.get("/health/ready")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        body = json.dumps({"username": "admin", "password": "bench-admin-password-123"})
        c = http.client.HTTPConnection("127.0.0.1", self.port)
        c.request("POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"})
        self.token = json.loads(c.getresponse().read())["access_token"]
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port)

    def get(self, path, token=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port)
        c.request("GET", path, headers={"Authorization": f"Bearer {token}"} if token else {})
        r = c.getresponse()
        return r.status, r.read()

    def timed(self, path):
        t0 = time.perf_counter()
        self.conn.request("GET", path, headers={"Authorization": f"Bearer {self.token}"})
        r = self.conn.getresponse()
        body = r.read()
        dt = (time.perf_counter() - t0) * 1000
        if r.status != 200:
            sys.exit(f"{path}: {r.status} {body[:300]}")
        return dt, body

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=20)
        self.log.close()


def http_bench(binary, csv, workdir, runs, wrk_seconds):
    db = os.path.join(workdir, "serve.sqlite")
    run([binary, "migrate", "--db", f"sqlite:{db}"])
    run([binary, "import", "egrid", csv, "--db", f"sqlite:{db}", "--release", "bench"])
    results = []
    server = Server(binary, db, workdir)
    try:
        cold, body = server.timed("/api/v1/plants/aggregates?level=subregion&by_fuel=true")
        items = json.loads(body)["items"]
        results.append({"step": "cold: first request after start (load 12k plants from SQLite + aggregate subregion x fuel)",
                        "ms": cold, "groups": len(items)})
        n = 0
        for level in ["state", "ba", "subregion", "nerc", "us"]:
            for by_fuel in ["false", "true"]:
                times = []
                for _ in range(max(runs, 5) * 3):
                    n += 1
                    dt, body = server.timed(f"/api/v1/plants/aggregates?level={level}&by_fuel={by_fuel}&_n={n}")
                    times.append(dt)
                times.sort()
                results.append({"step": f"uncached {level}{' x fuel' if by_fuel == 'true' else ''}",
                                "median_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
                                "max_ms": times[-1], "groups": len(json.loads(body)["items"]), "bytes": len(body)})
        url = f"http://127.0.0.1:{server.port}/api/v1/plants/aggregates?level=subregion&by_fuel=true"
        server.timed("/api/v1/plants/aggregates?level=subregion&by_fuel=true")  # make sure it is cached
        # Few connections: the latency of a cached answer at high throughput; many: the throughput ceiling.
        for threads, connections in [(1, 8), (2, 32)]:
            p = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{wrk_seconds}s", "--latency",
                                "-H", f"Authorization: Bearer {server.token}", url], capture_output=True, text=True)
            out = p.stdout
            rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
            lat = {m.group(1): m.group(2) for m in re.finditer(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M)}
            non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
            results.append({"step": f"cached subregion x fuel, wrk -t{threads} -c{connections} -d{wrk_seconds}s",
                            "requests_per_s": rps, "p50": lat.get("50"), "p90": lat.get("90"), "p99": lat.get("99"),
                            "non_2xx": int(non2xx.group(1)) if non2xx else 0, "raw": out})
    finally:
        server.stop()
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "powerhouse"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--wrk-seconds", type=int, default=10)
    ap.add_argument("--sizes", default="12000,25000")
    args = ap.parse_args()
    workdir = tempfile.mkdtemp(prefix="plants-e2e-")
    rows = []
    try:
        for n in [int(x) for x in args.sizes.split(",")]:
            csv = os.path.join(OUT, f"plnt_{n}.csv")
            if not os.path.exists(csv):
                run([args.python, os.path.join(HERE, "gen_plant_sheet.py"), csv, "--plants", str(n)])
            ours = import_bench(args.bin, csv, args.runs, workdir)
            peer = pandas_bench(args.python, csv, args.runs)
            print(json.dumps(ours))
            print(json.dumps(peer))
            rows.append((n, os.path.getsize(csv), ours, peer))
        csv12 = os.path.join(OUT, "plnt_12000.csv")
        peer12 = next((r[3] for r in rows if r[0] == 12000), None) or pandas_bench(args.python, csv12, args.runs)
        http = http_bench(args.bin, csv12, workdir, args.runs, args.wrk_seconds)
        for r in http:
            print(json.dumps({k: v for k, v in r.items() if k != "raw"}))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print("| plants | CSV | powerhouse import egrid, wall (ms) | pandas read_csv + group-by, in-process (ms) | pandas process wall (ms) | pandas in-process / powerhouse wall |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, size, ours, peer in rows:
        print(f"| {n:,} | {size / 1e6:.1f} MB | {ours['wall_ms']:.0f} | {peer['parse_aggregate_ms']:.0f} | {peer['process_wall_ms']:.0f} | "
              f"{peer['parse_aggregate_ms'] / ours['wall_ms']:.2f}x |")
    print()
    print("| HTTP, 12,000 plants | median (ms) | p95 (ms) | groups | pandas same group-by + JSON (ms) |")
    print("|---|---:|---:|---:|---:|")
    for r in http:
        if r["step"].startswith("cold"):
            print(f"| {r['step']} | {r['ms']:.1f} | | {r['groups']} | |")
        elif r["step"].startswith("uncached"):
            peer = f"{peer12['request_ms']:.1f}" if r["step"] == "uncached subregion x fuel" else ""
            print(f"| {r['step']} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} | {r['groups']} | {peer} |")
    for r in http:
        if r["step"].startswith("cached"):
            print()
            print(f"{r['step']}: {r['requests_per_s']:,.0f} requests/s, latency p50 {r['p50']}, p90 {r['p90']}, p99 {r['p99']}, "
                  f"non-2xx {r['non_2xx']}")


if __name__ == "__main__":
    main()
