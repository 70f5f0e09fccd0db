#!/usr/bin/env python3
"""Runs the Series benchmarks and their peers on the same data in the same run; writes RESULTS.md.

usage: compare.py --bin PATH_TO_series-bench --csv FILE [--runs 5] [--out RESULTS.md] [--command "..."]
Every number is the median of --runs runs. Peak RSS comes from /usr/bin/time -v (whole process).
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

PEER = r'''
import sys, time
kind, path = sys.argv[1], sys.argv[2]
if kind == "pandas_csv":
    import pandas as pd
    t = time.perf_counter(); df = pd.read_csv(path, parse_dates=["time"]); ms = (time.perf_counter() - t) * 1e3
    rows = len(df)
elif kind == "duckdb_csv":
    import duckdb
    con = duckdb.connect()
    t = time.perf_counter(); con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')"); ms = (time.perf_counter() - t) * 1e3
    rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
print(f"{ms} {rows}")
'''

ALGO = r'''
import sys, time, statistics
import numpy as np, pandas as pd
runs = int(sys.argv[1])
def med(f):
    xs = []
    for _ in range(runs):
        t = time.perf_counter(); f(); xs.append((time.perf_counter() - t) * 1e3)
    return statistics.median(xs)
n = 10_000_000
x = np.arange(n, dtype=np.int64) * 1000 + 1_704_067_200_000
y = np.sin(np.arange(n) / 5000) * 10 + np.random.default_rng(1).random(n)
def minmax():
    k = 500
    m = n // k * k
    b = y[:m].reshape(k, -1)
    return b.argmin(axis=1), b.argmax(axis=1)
def lttb(threshold=1000):
    # The usual NumPy LTTB: one vectorised argmax per bucket.
    every = (n - 2) / (threshold - 2)
    out = [0]; a = 0
    xf = (x - x[0]).astype(np.float64)
    for i in range(threshold - 2):
        s = int(i * every) + 1; e = int((i + 1) * every) + 1; ne = min(int((i + 2) * every) + 1, n)
        cx = xf[e:ne].mean(); cy = y[e:ne].mean()
        area = np.abs((xf[a] - cx) * (y[s:e] - y[a]) - (xf[a] - xf[s:e]) * (cy - y[a]))
        a = s + int(area.argmax()); out.append(a)
    out.append(n - 1)
    return out
print("numpy_minmax_10M_to_1000", med(minmax))
print("numpy_lttb_10M_to_1000", med(lttb))
m = 525_600
idx = pd.DatetimeIndex(pd.to_datetime(np.arange(m, dtype=np.int64) * 60_000 + 1_704_067_200_000, unit="ms", utc=True)).tz_convert("Europe/Berlin")
s = pd.Series(np.random.default_rng(2).random(m), index=idx)
print("pandas_resample_day_mean_berlin", med(lambda: s.resample("D").mean()))
print("pandas_resample_hour_mean_berlin", med(lambda: s.resample("h").mean()))
'''


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (stdout, peak RSS in MB, wall s, cpu s)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, check=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", p.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", p.stderr).group(1))
    return p.stdout, rss, user + system


def median_of(rows, key):
    return statistics.median(r[key] for r in rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "RESULTS.md"))
    ap.add_argument("--command", default="bench/series/run.sh")
    ap.add_argument("--note", default="")
    a = ap.parse_args()
    py = sys.executable

    csv = {"ours": [], "ours+encode": [], "pandas": [], "duckdb": []}
    for _ in range(a.runs):  # interleaved, so load changes hit every contender alike
        out, rss, cpu = timed([a.bin, "csv", a.csv])
        j = json.loads(out.strip().splitlines()[-1])
        csv["ours"].append({"ms": j["ms"], "rss": rss, "cpu": cpu, "rows": j["rows"]})
        out, rss, cpu = timed([a.bin, "csv", a.csv, "--encode"])
        j = json.loads(out.strip().splitlines()[-1])
        csv["ours+encode"].append({"ms": j["ms"], "rss": rss, "cpu": cpu, "encode_ms": j["encode_ms"],
                                   "chunks": j["chunks"], "bpp": j["chunk_bytes_per_point"]})
        for name in ("pandas", "duckdb"):
            out, rss, cpu = timed([py, "-c", PEER, f"{name}_csv", a.csv])
            ms, rows = out.split()
            csv[name].append({"ms": float(ms), "rss": rss, "cpu": cpu, "rows": int(rows)})

    ours = {}
    for sub in ("downsample", "codec", "aggregate"):
        out = subprocess.run([a.bin, sub, str(max(a.runs, 5))], capture_output=True, text=True, check=True).stdout
        for line in out.strip().splitlines():
            j = json.loads(line)
            ours[j["bench"]] = j
    peers = {}
    out = subprocess.run([py, "-c", ALGO, str(max(a.runs, 5))], capture_output=True, text=True, check=True).stdout
    for line in out.strip().splitlines():
        k, v = line.split()
        peers[k] = float(v)

    size_mb = os.path.getsize(a.csv) / 1e6
    o, pd_, dd = (median_of(csv[k], "ms") for k in ("ours", "pandas", "duckdb"))
    cpu_model = ""
    try:
        cpu_model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except Exception:
        pass
    load = os.getloadavg()[0]
    import duckdb, pandas, numpy
    L = []
    L.append("# Series benchmarks\n")
    L.append(f"Command: `{a.command}` (medians of {a.runs} runs, interleaved; peers in the same run on the same data).  ")
    L.append(f"Machine: {platform.machine()}, {os.cpu_count()} cores ({cpu_model}), load average {load:.1f} at the end "
             f"(shared with other builds, so absolute times are noisy; ratios within one run are the fair part).  ")
    L.append(f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Peers: pandas {pandas.__version__}, "
             f"DuckDB {duckdb.__version__}, NumPy {numpy.__version__}.")
    if a.note:
        L.append(f"\n{a.note}")
    L.append("\n## CSV import: 100 MB, ISO timestamp + 4 numeric columns, 1-minute steps\n")
    L.append(f"File: `bench/series/gen_csv.py` output, {size_mb:.1f} MB, {csv['ours'][0]['rows']:,} rows.\n")
    L.append("| contender | wall ms (median) | CPU s (user+sys) | peak RSS MB (process) | ratio to ours |")
    L.append("|---|---:|---:|---:|---:|")
    for name, label in (("ours", "Series `CSVReader.importFile` (sniff + streaming parse into columns)"),
                        ("pandas", "pandas `read_csv(parse_dates=['time'])`"),
                        ("duckdb", "DuckDB `CREATE TABLE AS SELECT * FROM read_csv(...)`")):
        m = median_of(csv[name], "ms")
        L.append(f"| {label} | {m:.0f} | {median_of(csv[name], 'cpu'):.2f} | {median_of(csv[name], 'rss'):.0f} | {m / o:.2f} |")
    enc = median_of(csv["ours+encode"], "encode_ms")
    both = median_of(csv["ours+encode"], "ms") + enc
    e0 = csv["ours+encode"][0]
    L.append(f"\nOurs vs pandas: {pd_ / o:.2f}× faster; ours vs DuckDB: {dd / o:.2f}× "
             f"({'faster' if o < dd else 'slower'}). Both read on all cores (ours: plain rows of each 1 MB chunk split between two threads). "
             "Wall times include waiting for the CPU on this shared machine; the CPU column is steadier.")
    L.append(f"\nStorage preview (goal: parse + store within 1.5× of DuckDB): `series-bench csv FILE --encode` also cuts "
             f"the {csv['ours'][0]['rows'] * 4:,} points into {e0['chunks']} chunks and encodes and summarises them "
             f"(`ChunkCodec.encodeBlocks`, one series per core): +{enc:.0f} ms ({e0['bpp']:.2f} bytes/point), "
             f"parse + encode {both:.0f} ms = {both / dd:.2f}× DuckDB's time, CPU {median_of(csv['ours+encode'], 'cpu'):.2f} s, "
             f"peak RSS {median_of(csv['ours+encode'], 'rss'):.0f} MB, before database writes (the lead's part).")
    L.append("\n## Downsampling: 10 million points to 1,000 (goal < 100 ms)\n")
    L.append("| operation | ours ms | peer | peer ms |")
    L.append("|---|---:|---|---:|")
    L.append(f"| LTTB | {ours['lttb_10M_to_1000']['ms']:.1f} | NumPy LTTB (vectorised per bucket) | {peers['numpy_lttb_10M_to_1000']:.1f} |")
    L.append(f"| min/max per pixel | {ours['minmax_10M_to_1000']['ms']:.1f} | NumPy reshape argmin/argmax (index buckets) | {peers['numpy_minmax_10M_to_1000']:.1f} |")
    L.append("\n## Chunk codec: one year of synthetic 15-minute data (goal ≤ 3 bytes per point, raw is 16)\n")
    L.append("| series | points | chunks | bytes/point | encode ns/point | decode ns/point |")
    L.append("|---|---:|---:|---:|---:|---:|")
    for k in ("household_load", "pv", "temperature"):
        j = ours[f"codec_{k}_15min_year"]
        L.append(f"| {k} | {j['points']:,} | {j['chunks']} | {j['bytes_per_point']:.2f} | {j['encode_ns_per_point']:.1f} | {j['decode_ns_per_point']:.1f} |")
    L.append("\n## Aggregation: one year of 1-minute data (525,600 points), core time (server goal < 20 ms incl. reads)\n")
    L.append("| operation | ours ms | peer | peer ms |")
    L.append("|---|---:|---|---:|")
    L.append(f"| daily mean in Europe/Berlin (366 buckets) | {ours['aggregate_year_1min_day_mean_berlin']['ms']:.2f} | pandas `resample('D').mean()` (tz-aware index prebuilt) | {peers['pandas_resample_day_mean_berlin']:.2f} |")
    L.append(f"| hourly mean in Europe/Berlin, then LTTB to 1,000 | {ours['aggregate_year_1min_hour_mean_then_lttb_1000']['ms']:.2f} | pandas `resample('h').mean()` only | {peers['pandas_resample_hour_mean_berlin']:.2f} |")
    L.append(f"| min/max to 1,000 points | {ours['minmax_year_1min_to_1000']['ms']:.2f} | | |")
    L.append(f"| LTTB to 1,000 points | {ours['lttb_year_1min_to_1000']['ms']:.2f} | | |")
    L.append(f"| monthly mean from chunk summaries only ({ours['aggregate_month_mean_from_summaries']['chunks']} chunks, no decoding) | {ours['aggregate_month_mean_from_summaries']['ms']:.3f} | | |")
    L.append("")
    with open(a.out, "w") as f:
        f.write("\n".join(L))
    print("\n".join(L))


if __name__ == "__main__":
    main()
