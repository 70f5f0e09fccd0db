"""The pandas peer of plants-bench: read the same plant sheet and aggregate it the same way.

    python pandas_peer.py <plant-sheet.csv> [--runs 7]
    python pandas_peer.py <workbook.xlsx> --runs 3     (read_excel of the PLNT23 sheet, openpyxl engine)

Aggregation follows EPA's rules, as PlantData does: sum with NaN skipped but all-NaN staying NaN
(min_count=1), rates from summed masses (2000 x tons / MWh; lb / MWh for CH4 and N2O), resource mix
with negative generation counted as 0, capacity factor = generation / (capacity x 8760).
Prints one JSON line.
"""
import argparse
import json
import statistics
import time

import pandas as pd

LEVELS = ["PSTATABB", "BACODE", "SUBRGN", "NERC", None]
MASSES = {"PLNOXAN": 2000, "PLSO2AN": 2000, "PLCO2AN": 2000, "PLCH4AN": 1, "PLN2OAN": 1, "PLCO2EQA": 2000}
FUELS = ["CL", "OL", "GS", "NC", "HY", "BM", "WI", "SO", "GT", "OF", "OP"]
MEASURES = ["NAMEPCAP", "PLHTIAN", "PLHTIANT", "PLNGENAN", "PLHGAN"] + list(MASSES) + [f"PLGENA{f}" for f in FUELS]
TEXT = {c: str for c in ["PSTATABB", "PNAME", "FIPSST", "FIPSCNTY", "OPRCODE", "UTLSRVID", "BACODE", "NERC", "SUBRGN"]}


def aggregate(df, keys):
    g = df.groupby(keys)[MEASURES].sum(min_count=1) if keys else df[MEASURES].sum(min_count=1).to_frame().T
    gen = g["PLNGENAN"].where(g["PLNGENAN"] > 0)
    for col, k in MASSES.items():
        g[col[:-2] + "RTA"] = k * g[col] / gen
        g[col[:-2] + "RA"] = k * g[col] / g["PLHTIAN"].where(g["PLHTIAN"] > 0)
    pos = g[[f"PLGENA{f}" for f in FUELS]].clip(lower=0)
    total = pos.sum(axis=1, min_count=1)
    for f in FUELS:
        g[f"PL{f}PR"] = pos[f"PLGENA{f}"] / total
    g["CAPFAC"] = g["PLNGENAN"] / (g["NAMEPCAP"] * 8760)
    return g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if args.path.endswith(".xlsx"):
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            df = pd.read_excel(args.path, sheet_name="PLNT23", header=1, dtype=TEXT)
            times.append((time.perf_counter() - t0) * 1000)
        print(json.dumps({"tool": "pandas " + pd.__version__, "rows": len(df), "runs": args.runs,
                          "workbook_ms": statistics.median(times)}, sort_keys=True))
        return
    reads, aggs, reqs = [], [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        df = pd.read_csv(args.path, skiprows=[0], thousands=",", na_values=["--"], encoding="utf-8-sig",
                         dtype=TEXT, low_memory=False)
        t1 = time.perf_counter()
        out = []
        for key in LEVELS:
            out.append(aggregate(df, [key] if key else []))
            out.append(aggregate(df, [key, "PLFUELCT"] if key else ["PLFUELCT"]))
        t2 = time.perf_counter()
        response = aggregate(df, ["SUBRGN", "PLFUELCT"]).reset_index().to_json(orient="records")
        t3 = time.perf_counter()
        reads.append((t1 - t0) * 1000)
        aggs.append((t2 - t1) * 1000)
        reqs.append((t3 - t2) * 1000)
    us = out[8].iloc[0]
    sr = out[4]
    erct = sr.loc["ERCT"] if "ERCT" in sr.index else None
    check = {"us_co2_tons": float(us["PLCO2AN"]), "us_co2_rate": float(us["PLCO2RTA"]), "us_capacity_factor": float(us["CAPFAC"])}
    if erct is not None:
        check["erct_co2_rate"] = float(erct["PLCO2RTA"])
        check["erct_gas_share"] = float(erct["PLGSPR"])
    print(json.dumps({"tool": "pandas " + pd.__version__, "plants": len(df), "groups": sum(len(o) for o in out),
                      "runs": args.runs, "parse_ms": statistics.median(reads), "aggregate_ms": statistics.median(aggs),
                      "request_ms": statistics.median(reqs), "check": check}, sort_keys=True))


if __name__ == "__main__":
    main()
