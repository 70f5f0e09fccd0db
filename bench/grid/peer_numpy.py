#!/usr/bin/env python3
"""NumPy peer of GridModel's simulation (pro rata sharing, transformer scope, self-consumption batteries,
export curtailment, flat tariffs, constant emission factor), vectorised over houses.

Reads the inputs grid-bench wrote (load.f64 and pv.f64: little-endian float64, house-major; params.json), runs the
same model, compares its KPIs with swift_kpis.json (relative tolerance 1e-9) and prints the timing ratio.

    python peer_numpy.py DIR [--reps 3]

Only the batteries need a loop over time (their state carries from step to step); that loop is vectorised over
the houses with a battery. Everything else is whole-array NumPy, transformer sums are one matrix product.
"""
import json
import sys
import time

import numpy as np


def simulate(L, G, p):
    H, N, dt = L.shape[0], L.shape[1], p["step_hours"]
    tr = np.array(p["transformer"], dtype=np.int64)
    cap = np.array(p["capacity_kw"], dtype=np.float64)
    X = len(cap)
    M = np.zeros((H, X))
    M[np.arange(H), tr] = 1.0

    L = np.maximum(L, 0.0)
    G = np.maximum(G, 0.0)
    own = np.minimum(L, G)
    s = G - own
    d = L - own

    # Batteries: step-major copies so each step is a contiguous row over the battery houses.
    idx = np.nonzero(np.array(p["battery"]) > 0)[0]
    pick = lambda key: np.array(p[key], dtype=np.float64)[idx]
    capacity = pick("capacity_kwh")
    e_min, e_max, energy = pick("min_soc") * capacity, pick("max_soc") * capacity, pick("initial_soc") * capacity
    pc, pd = pick("max_charge_kw"), pick("max_discharge_kw")
    charge_in = pick("charge_efficiency") * dt
    discharge_out = dt / pick("discharge_efficiency")
    charge_headroom = 1 / (pick("charge_efficiency") * dt)
    discharge_headroom = pick("discharge_efficiency") / dt
    sb = np.ascontiguousarray(s[idx].T)
    db = np.ascontiguousarray(d[idx].T)
    cb = np.zeros_like(sb)
    xb = np.zeros_like(db)
    for t in range(N):
        st, dtt = sb[t], db[t]
        c = np.where(st > 0, np.maximum(0.0, np.minimum(np.minimum(st, pc), (e_max - energy) * charge_headroom)), 0.0)
        x = np.where((st <= 0) & (dtt > 0), np.maximum(0.0, np.minimum(np.minimum(dtt, pd), (energy - e_min) * discharge_headroom)), 0.0)
        energy = energy + c * charge_in - x * discharge_out
        cb[t] = c
        xb[t] = x
    charge = np.zeros_like(s)
    discharge = np.zeros_like(d)
    charge[idx] = cb.T
    discharge[idx] = xb.T
    s = s - charge
    d = d - discharge

    # Transformer export limit, then pro rata sharing per transformer.
    S = M.T @ s
    D = M.T @ d
    excess = np.maximum(0.0, S - D - cap[:, None])
    cf = np.divide(excess, S, out=np.zeros_like(S), where=S > 0)
    S2 = S - excess
    flow = np.where(excess > 0, -cap[:, None], D - S2)
    overload = np.maximum(0.0, np.abs(flow) - cap[:, None])
    T = np.minimum(S2, D)
    sell = np.divide(T, S2, out=np.zeros_like(T), where=S2 > 0)
    buy = np.divide(T, D, out=np.zeros_like(T), where=D > 0)

    curtailed = s * cf[tr]
    s2 = s - curtailed
    delivered = s2 * sell[tr]
    received = d * buy[tr]
    imp = d - received
    exp = s2 - delivered

    pi, pf, pcm, ef = p["import_price"], p["feed_in_price"], p["community_price"], p["emission_kg_per_kwh"]
    per_house = lambda a: a.sum(axis=1) * dt
    h = {
        "load_kwh": per_house(L), "pv_kwh": per_house(G), "self_consumed_kwh": per_house(own),
        "battery_charge_kwh": per_house(charge), "battery_discharge_kwh": per_house(discharge),
        "received_kwh": per_house(received), "delivered_kwh": per_house(delivered), "import_kwh": per_house(imp),
        "export_kwh": per_house(exp), "curtailed_kwh": per_house(curtailed),
    }
    h["cost"] = h["import_kwh"] * pi + h["received_kwh"] * pcm - h["export_kwh"] * pf - h["delivered_kwh"] * pcm
    h["baseline_cost"] = per_house(d) * pi - per_house(s2) * pf
    h["co2_kg"] = h["import_kwh"] * ef
    h["baseline_co2_kg"] = per_house(d) * ef

    k = {"total." + key: float(v.sum()) for key, v in h.items()}
    k["total.saving"] = k["total.baseline_cost"] - k["total.cost"]
    k["total.self_sufficiency"] = 1 - k["total.import_kwh"] / k["total.load_kwh"]
    k["total.self_consumption"] = 1 - (k["total.export_kwh"] + k["total.curtailed_kwh"]) / k["total.pv_kwh"]
    k["total.community_share"] = k["total.received_kwh"] / k["total.load_kwh"]
    k["total.battery_capacity_kwh"] = float(capacity.sum())
    k["total.battery_cycles"] = k["total.battery_discharge_kwh"] / k["total.battery_capacity_kwh"]
    peak = np.abs(flow).max(axis=1)
    hours = (overload > 0).sum(axis=1) * dt
    over_kwh = overload.sum(axis=1) * dt
    k["total.peak_loading_kw"] = float(peak.max())
    k["total.peak_loading_percent"] = float((100 * peak / cap).max())
    k["total.hours_over_capacity"] = float(hours.sum())
    k["total.overload_kwh"] = float(over_kwh.sum())
    k["total.max_overload_kw"] = float(overload.max())
    by_transformer = {key: M.T @ h[key] for key in ["import_kwh", "export_kwh", "curtailed_kwh", "received_kwh"]}
    for x in range(X):
        name = "T%d" % (x + 1)
        for key, v in by_transformer.items():
            k["%s.%s" % (name, key)] = float(v[x])
        k[name + ".peak_loading_kw"] = float(peak[x])
        k[name + ".hours_over_capacity"] = float(hours[x])
        k[name + ".overload_kwh"] = float(over_kwh[x])
    return k


def main():
    directory = sys.argv[1]
    reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 3
    p = json.load(open(directory + "/params.json"))
    H, N = int(p["houses"]), int(p["steps"])
    L = np.fromfile(directory + "/load.f64", dtype="<f8").reshape(H, N)
    G = np.fromfile(directory + "/pv.f64", dtype="<f8").reshape(H, N)
    times, cpu = [], []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        kpis = simulate(L, G, p)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    ours = json.load(open(directory + "/swift_kpis.json"))
    worst, worst_key, missing = 0.0, None, []
    for key, theirs in ours.items():
        if key not in kpis:
            missing.append(key)
            continue
        a, b = kpis[key], theirs
        scale = max(abs(a), abs(b))
        rel = 0.0 if scale < 1e-9 else abs(a - b) / scale
        if rel > worst:
            worst, worst_key = rel, key
    swift = json.load(open(directory + "/swift_timing.json"))
    median = sorted(times)[len(times) // 2]
    cpu_median = sorted(cpu)[len(cpu) // 2]
    result = {
        "houses": H, "steps": N, "numpy_median_s": median, "numpy_cpu_median_s": cpu_median, "numpy_version": np.__version__,
        "numpy_min_s": min(times), "swift_median_s": swift["median_s"], "swift_min_s": swift["min_s"],
        "swift_cpu_median_s": swift["cpu_median_s"],
        "ratio_wall": median / swift["median_s"], "ratio_wall_min": min(times) / swift["min_s"], "ratio_cpu": cpu_median / swift["cpu_median_s"],
        "kpis_compared": len(ours) - len(missing), "max_relative_difference": worst, "worst_kpi": worst_key, "missing": missing,
    }
    json.dump(result, open(directory + "/peer_result.json", "w"), indent=2, sort_keys=True)
    print("numpy peer: %d houses × %d steps, wall median %.3f s (min %.3f), CPU median %.3f s (numpy %s)" % (H, N, median, min(times), cpu_median, np.__version__))
    print("  KPIs compared: %d, max relative difference %.3g (%s)" % (result["kpis_compared"], worst, worst_key))
    print("  Swift wall %.3f s (min %.3f), CPU %.3f s → NumPy/Swift: wall median %.1f×, wall min %.1f×, CPU %.1f×" % (
        swift["median_s"], swift["min_s"], swift["cpu_median_s"], result["ratio_wall"], result["ratio_wall_min"], result["ratio_cpu"]))
    if missing or worst > 1e-9:
        print("  FAIL: KPIs disagree beyond 1e-9 or are missing: %s" % missing, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
