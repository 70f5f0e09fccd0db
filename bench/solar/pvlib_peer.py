"""pvlib peer of solar-bench: ModelChain.with_pvwatts on the same 15-minute weather.

Usage: pvlib_peer.py OUT_DIR RUNS   (OUT_DIR holds weather_15min.csv and swift_ac.csv from solar-bench)
Prints one JSON line: the median run_model time, annual AC energy and the agreement with Swift.
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
import pvlib
from pvlib import location

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "reference", "solar"))
from make_pvlib_reference import SYSTEM, model_chain  # noqa: E402  (the same system as the unit tests)

out, runs = sys.argv[1], int(sys.argv[2])
with open(os.path.join(out, "weather_15min.csv.site.json")) as f:
    site_meta = json.load(f)
raw = pd.read_csv(os.path.join(out, "weather_15min.csv"))
# Labels are interval starts in UTC; pvlib computes the sun at its index, so index the midpoints,
# in the site's standard time (pvlib takes the day of year for dni_extra from the index).
tz = int(site_meta["tz"])
index = pd.DatetimeIndex(pd.to_datetime(raw["unix_ms"] + 450_000, unit="ms", utc=True)).tz_convert(f"Etc/GMT{-tz:+d}")
weather = raw[["ghi", "dni", "dhi", "temp_air", "wind_speed"]].set_index(index)
site = location.Location(site_meta["latitude"], site_meta["longitude"], altitude=site_meta["elevation"], tz=tz)

mc = model_chain(site, "perez")
times = []
for _ in range(runs):
    start = time.perf_counter()
    mc.run_model(weather)
    times.append(time.perf_counter() - start)
ac = mc.results.ac.fillna(0).values / 1000
swift = pd.read_csv(os.path.join(out, "swift_ac.csv"))["ac_kw"].values
rmse = float(np.sqrt(np.mean((swift - ac) ** 2)))
print(json.dumps({
    "pvlib_version": pvlib.__version__,
    "pvlib_run_model_s": float(np.median(times)),
    "runs": runs,
    "steps": len(weather),
    "pvlib_annual_ac_kwh": float(ac.sum() * 0.25),
    "swift_annual_ac_kwh": float(swift.sum() * 0.25),
    "annual_difference_percent": float((swift.sum() / ac.sum() - 1) * 100),
    "rmse_percent_of_nameplate": rmse / SYSTEM["kwp"] * 100,
}))
