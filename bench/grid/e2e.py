"""End-to-end Grid numbers through the powerhouse binary (release build): the CLI and a server run via the API.

Usage:
  e2e.py cli BINARY TOPOLOGY.json OUT_DIR REPS          powerhouse simulate, a year, synthetic weather (Solar glue)
  e2e.py api BINARY TOPOLOGY.json WORK_DIR REPS         serve on a fresh SQLite file; POST /api/v1/simulations → KPIs
  e2e.py pv BINARY WEATHER.csv SITE.json OUT_DIR REPS   powerhouse pv, one system, the Solar bench's weather

Prints one JSON line with the medians (wall seconds, whole process or request-to-KPIs) and what was measured.
"""
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request


def timed(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {done.stderr}")
    return elapsed, done.stdout


def cli(binary, topology, out, reps):
    times, output = [], ""
    for _ in range(reps):
        t, output = timed([binary, "simulate", topology, "--from", "2025-01-01", "--to", "2026-01-01", "--out", out])
        times.append(t)
    kpis = json.load(open(os.path.join(out, "kpis.json")))
    total = kpis["kpis"]["total"]
    return {"case": "cli", "median_s": statistics.median(times), "min_s": min(times), "reps": reps,
            "houses": len(kpis["kpis"]["houses"]), "steps": kpis["period"]["steps"],
            "self_sufficiency": total["self_sufficiency"], "pv_kwh": total["pv_kwh"], "notes": kpis.get("notes", []),
            "stdout_first_line": output.splitlines()[0] if output else ""}


def request(url, method="GET", body=None, token=None, content_type="application/json"):
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=600) as response:
        return json.loads(response.read() or b"null")


def api(binary, topology, work, reps):
    os.makedirs(work, exist_ok=True)
    database = os.path.join(work, "bench.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    env = dict(os.environ, POWERHOUSE_ADMIN_PASSWORD="bench password 12345", POWERHOUSE_LOG_LEVEL="error")
    server = subprocess.Popen([binary, "serve", "--port", "18477", "--db", f"sqlite:{database}"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in server.stdout:
            if "is ready at" in line:
                break
        base = "http://127.0.0.1:18477/api/v1"
        token = request(f"{base}/auth/login", "POST", {"username": "admin", "password": "bench password 12345"})["access_token"]
        grid = request(f"{base}/grids/import?name=bench", "POST", open(topology, "rb").read(), token)
        walls, jobs = [], []
        run = None
        for _ in range(reps):
            start = time.perf_counter()
            run = request(f"{base}/simulations", "POST",
                          {"grid_id": grid["id"], "from": "2025-01-01", "to": "2026-01-01", "strategy": "pro-rata",
                           "scope": "transformer", "seed": 1}, token)
            while run["state"] not in ("succeeded", "failed", "cancelled"):
                time.sleep(0.01)
                run = request(f"{base}/simulations/{run['id']}", token=token)
            walls.append(time.perf_counter() - start)
            if run["state"] != "succeeded":
                sys.exit(f"run {run['state']}: {run.get('error')}")
            job = request(f"{base}/jobs/{run['job_id']}", token=token)
            jobs.append(_seconds(job["finished_at"]) - _seconds(job["started_at"]))
        total = run["kpis"]["total"]
        return {"case": "api", "median_s": statistics.median(walls), "min_s": min(walls), "job_median_s": statistics.median(jobs),
                "reps": reps, "houses": run["house_count"], "steps": run["period"]["steps"],
                "self_sufficiency": total["self_sufficiency"], "pv_kwh": total["pv_kwh"]}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _seconds(stamp):
    from datetime import datetime
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def pv(binary, weather, site_file, out, reps):
    site = json.load(open(site_file))
    os.makedirs(out, exist_ok=True)
    series = os.path.join(out, "swift_ac.csv")
    times, output = [], ""
    for _ in range(reps):
        t, output = timed([binary, "pv", "--weather", weather, f"--lat={site['latitude']}", f"--lon={site['longitude']}",
                           f"--tz={site['tz']}", f"--elevation={site['elevation']}", "--kwp", "5", "--tilt", "30",
                           "--azimuth", "180", "--losses", "14", "--dc-ac", "1.2", "--inverter-eff", "0.96",
                           "--gamma=-0.0037", "--transposition", "perez", "--out", series])
        times.append(t)
    return {"case": "pv", "median_s": statistics.median(times), "min_s": min(times), "reps": reps, "summary": output.splitlines()[0]}


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "cli":
        print(json.dumps(cli(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))
    elif kind == "api":
        print(json.dumps(api(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))
    elif kind == "pv":
        print(json.dumps(pv(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))))
    else:
        sys.exit(__doc__)
