#!/usr/bin/env python3
"""End-to-end Series benchmarks through the `powerhouse` binary (release), with peers in the same run:

1. Parse and store the 100 MB CSV: `powerhouse import series` into SQLite (one transaction) vs pandas `read_csv`
   and DuckDB `read_csv` into a table of a DuckDB database file. Peak RSS of each process from /usr/bin/time -v.
2. Storage bytes per point of the synthetic 15-minute household load, PV and temperature (a year, seed 42),
   created through `POST /api/v1/series/synthetic` on a release server.
3. Chart queries over one year of 1-minute data (525,600 points) returning 1,000 points, through the HTTP API
   (wrk, one connection, so latency = server time + loopback), with the server's own per-request time from its
   access log.

Writes its section of RESULTS.md between the e2e markers (the rest of the file is compare.py's).
usage: e2e.py --powerhouse BIN --csv FILE [--runs 5] [--seconds 10] [--out RESULTS.md] [--command "..."]
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone

START, END = "<!-- e2e:start -->", "<!-- e2e:end -->"
PASSWORD = "bench horse battery staple"

PEER = r'''
import sys, time
kind, path, db = sys.argv[1], sys.argv[2], sys.argv[3]
if kind == "pandas":
    import pandas as pd
    t = time.perf_counter(); df = pd.read_csv(path, parse_dates=["time"]); ms = (time.perf_counter() - t) * 1e3
    rows = len(df)
else:
    import duckdb
    t = time.perf_counter()
    con = duckdb.connect(db)
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')")
    con.close()
    ms = (time.perf_counter() - t) * 1e3
    rows = duckdb.connect(db).execute("SELECT count(*) FROM t").fetchone()[0]
print(f"{ms} {rows}")
'''


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v: (stdout, stderr, wall s, peak RSS MB, CPU s)."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", p.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", p.stderr).group(1))
    return p.stdout, p.stderr, wall, rss, user + system


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, binary, directory):
        self.port = free_port()
        self.log_path = os.path.join(directory, "serve.log")
        env = dict(os.environ, POWERHOUSE_ADMIN_PASSWORD=PASSWORD, POWERHOUSE_LIMITS_RATE_PER_IP="0",
                   POWERHOUSE_LIMITS_RATE_PER_TOKEN="0", POWERHOUSE_LOG_FORMAT="text", POWERHOUSE_LOG_LEVEL="info",
                   POWERHOUSE_JOBS_WORKERS="0")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--db", f"sqlite:{os.path.join(directory, 'bench.sqlite')}", "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=directory)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/health/ready", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        body = json.dumps({"username": "admin", "password": PASSWORD}).encode()
        request = urllib.request.Request(self.base + "/api/v1/auth/login", data=body,
                                         headers={"Content-Type": "application/json"})
        self.token = json.load(urllib.request.urlopen(request))["access_token"]

    def call(self, method, path, payload=None):
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        return json.load(urllib.request.urlopen(request, timeout=600))

    def server_ms(self, path_prefix):
        """Per-request times the server logged for GETs whose path starts with path_prefix."""
        self.log.flush()
        out = []
        for line in open(self.log_path):
            m = re.search(r"method=GET ms=([\d.]+) path=(\S+)", line)
            if m and m.group(2).startswith(path_prefix):
                out.append(float(m.group(1)))
        return out

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def wrk(url, token, seconds):
    p = subprocess.run(["wrk", "-t1", "-c1", f"-d{seconds}s", "--latency", "-H", f"Authorization: Bearer {token}", url],
                       capture_output=True, text=True, check=True)
    def ms(label):
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", p.stdout, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", p.stdout).group(1))
    return {"p50": ms("50%"), "p99": ms("99%"), "rps": rps}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--powerhouse", required=True)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "RESULTS.md"))
    ap.add_argument("--command", default="bench/series/run.sh")
    a = ap.parse_args()
    binary = os.path.abspath(a.powerhouse)
    work = tempfile.mkdtemp(prefix="series-e2e-")
    try:
        # 1. Parse and store, interleaved runs.
        results = {"ours": [], "pandas": [], "duckdb": []}
        for run in range(a.runs):
            db = os.path.join(work, f"import{run}.sqlite")
            subprocess.run([binary, "migrate", "--db", f"sqlite:{db}", "--log-level", "error"], check=True, capture_output=True)
            out, err, wall, rss, cpu = timed([binary, "import", "series", a.csv, "--db", f"sqlite:{db}", "--log-level", "error"])
            rows = int(re.search(r"from (\d+) rows", err).group(1))
            bpp = statistics.mean(float(x) for x in re.findall(r"([\d.]+) bytes/point", out))
            results["ours"].append({"ms": wall * 1000, "rss": rss, "cpu": cpu, "rows": rows, "bpp": bpp,
                                    "db_mb": os.path.getsize(db) / 1e6})
            os.remove(db)
            for name in ("pandas", "duckdb"):
                target = os.path.join(work, f"peer{run}.duckdb")
                out, _, wall, rss, cpu = timed([sys.executable, "-c", PEER, name, a.csv, target])
                ms, rows = out.split()
                entry = {"ms": float(ms), "wall": wall * 1000, "rss": rss, "cpu": cpu, "rows": int(rows)}
                if name == "duckdb":
                    entry["db_mb"] = os.path.getsize(target) / 1e6
                    os.remove(target)
                results[name].append(entry)

        # 2 and 3 on a release server.
        server = Server(binary, work)
        try:
            storage = {}
            for kind in ("household_load", "pv", "temperature"):
                s = server.call("POST", "/api/v1/series/synthetic", {
                    "kind": kind, "from": "2025-01-01T00:00:00Z", "to": "2026-01-01T00:00:00Z", "step": "15m", "seed": 42})
                storage[kind] = s
            year = server.call("POST", "/api/v1/series/synthetic", {
                "kind": "household_load", "from": "2025-01-01T00:00:00Z", "to": "2026-01-01T00:00:00Z", "step": "1m",
                "seed": 7, "name": "one year of minutes"})
            sid = year["id"].lower()
            queries = [
                ("whole year, LTTB to 1,000 (chart data source)", f"/api/v1/series/values?ids={sid}&points=1000&mode=lttb"),
                ("whole year, min/max to 1,000", f"/api/v1/series/values?ids={sid}&points=1000&mode=minmax"),
                ("whole year, hourly means in Europe/Berlin, then LTTB to 1,000",
                 f"/api/v1/series/{sid}/values?interval=1h&tz=Europe/Berlin&points=1000"),
                ("one month zoomed (charts.js re-request), LTTB to 1,000",
                 f"/api/v1/series/values?ids={sid}&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z&points=1000&mode=lttb"),
                ("daily means for the year (366 buckets, summaries + decoding)",
                 f"/api/v1/series/{sid}/values?interval=1d&tz=Europe/Berlin"),
            ]
            chart = []
            for label, path in queries:
                for _ in range(20):
                    urllib.request.urlopen(urllib.request.Request(server.base + path, headers={"Authorization": f"Bearer {server.token}"}))
                before = len(server.server_ms(path.split("?")[0]))
                w = wrk(server.base + path, server.token, a.seconds)
                logged = server.server_ms(path.split("?")[0])[before:]
                points = len(json.load(urllib.request.urlopen(urllib.request.Request(
                    server.base + path, headers={"Authorization": f"Bearer {server.token}"})))["times"])
                chart.append((label, path, w, statistics.median(logged) if logged else float("nan"), points))
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = lambda xs, k: statistics.median(x[k] for x in xs)
    o, p, d = med(results["ours"], "ms"), med(results["pandas"], "ms"), med(results["duckdb"], "ms")
    size_mb = os.path.getsize(a.csv) / 1e6
    import duckdb, pandas
    L = [START, "", "## End to end: `powerhouse import series`, the HTTP API and storage (release build)", ""]
    L.append(f"Command: `{a.command}` → `bench/series/e2e.py` (medians of {a.runs} interleaved runs; "
             f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; load average {os.getloadavg()[0]:.1f}; "
             f"pandas {pandas.__version__}, DuckDB {duckdb.__version__}).")
    L.append("")
    L.append(f"### Parse and store {size_mb:.0f} MB of CSV ({results['ours'][0]['rows']:,} rows × 4 values)")
    L.append("")
    pw, dw = med(results["pandas"], "wall"), med(results["duckdb"], "wall")
    L.append("| contender | ms (median) | whole process ms | CPU s | peak RSS MB | stored | ratio to ours |")
    L.append("|---|---:|---:|---:|---:|---|---:|")
    L.append(f"| `powerhouse import series FILE` → SQLite, one transaction (whole process: start, sniff, parse, encode, write, commit) "
             f"| {o:.0f} | {o:.0f} | {med(results['ours'], 'cpu'):.2f} | {med(results['ours'], 'rss'):.0f} "
             f"| {med(results['ours'], 'db_mb'):.1f} MB file, {med(results['ours'], 'bpp'):.2f} B/point | 1.00 |")
    L.append(f"| pandas `read_csv(parse_dates=['time'])` (timed inside Python; in memory only) | {p:.0f} | {pw:.0f} | {med(results['pandas'], 'cpu'):.2f} "
             f"| {med(results['pandas'], 'rss'):.0f} | — | {p / o:.2f} |")
    L.append(f"| DuckDB `CREATE TABLE t AS SELECT * FROM read_csv(…)` into a database file, closed (timed inside Python) "
             f"| {d:.0f} | {dw:.0f} | {med(results['duckdb'], 'cpu'):.2f} | {med(results['duckdb'], 'rss'):.0f} "
             f"| {med(results['duckdb'], 'db_mb'):.1f} MB file | {d / o:.2f} |")
    L.append("")
    L.append(f"pandas' time / ours: {p / o:.2f} against pandas timed inside Python, {pw / o:.2f} process against process "
             f"(goal: faster, i.e. above 1). Ours / DuckDB's: {o / d:.2f} (goal: within 1.5). Peak RSS {med(results['ours'], 'rss'):.0f} MB "
             "(goal < 300 MB). Our time is always the whole process (start, sniff, parse, encode, write, commit, exit); the "
             "peers' first column excludes starting Python and importing the library, and stores nothing (pandas).")
    L.append("")
    L.append("### Storage: a year of synthetic 15-minute data (seed 42), bytes per point (goal ≤ 3; raw is 16)")
    L.append("")
    L.append("| series | points | chunks | bytes/point |")
    L.append("|---|---:|---:|---:|")
    for kind, s in storage.items():
        L.append(f"| {kind} | {s['point_count']:,} | {s['chunk_count']} | {s['bytes_per_point']:.2f} |")
    L.append("")
    L.append("### Chart queries: one year of 1-minute data (525,600 points), through HTTP (goal < 20 ms server time)")
    L.append("")
    L.append("| query | points returned | server ms (median, access log) | client ms p50 / p99 (wrk, 1 connection) | req/s |")
    L.append("|---|---:|---:|---:|---:|")
    for label, path, w, logged, points in chart:
        L.append(f"| {label} | {points:,} | {logged:.2f} | {w['p50']:.2f} / {w['p99']:.2f} | {w['rps']:.0f} |")
    L.append("")
    L.append("Every query reads the series' chunks from SQLite and decodes them (the year is 53 chunks of 10,080 points), "
             "then aggregates or downsamples; nothing is cached between requests (the ETag only spares clients a body).")
    L.append("")
    L.append(END)
    section = "\n".join(L)
    text = open(a.out).read() if os.path.exists(a.out) else "# Series benchmarks\n"
    if START in text and END in text:
        text = text[:text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    open(a.out, "w").write(text)
    print(section)


if __name__ == "__main__":
    main()
