"""Writes a powerhouse.grid/v1 topology shaped like grid-bench's benchmark one: every house with PV (8 roof
orientations, 3-10 kWp), every second house with a battery, 150 houses per 630 kW transformer, 90 % households.

Usage: make_topology.py HOUSES OUT.json
"""
import json
import random
import sys

houses, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(2025)
per_transformer = 150
orientations = [(30, 180), (35, 180), (25, 135), (25, 225), (40, 90), (40, 270), (15, 180), (30, 200)]
transformers = [{"name": f"T{t + 1}", "capacity_kw": 630, "kva": 630} for t in range((houses + per_transformer - 1) // per_transformer)]
items = []
for h in range(houses):
    residential = rng.random() < 0.9
    tilt, azimuth = orientations[rng.randrange(len(orientations))]
    house = {
        "name": f"H{h + 1}", "transformer": f"T{h // per_transformer + 1}",
        "type": "residential" if residential else "commercial",
        "annual_consumption_kwh": round(rng.uniform(2000, 6000) if residential else rng.uniform(8000, 20000)),
        "pv_systems": [{"kwp": round(rng.uniform(3, 10) * 2) / 2, "tilt_deg": tilt, "azimuth_deg": azimuth,
                        "losses_percent": 14, "dc_ac_ratio": 1.1}],
    }
    if h % 2 == 0:
        capacity = round(rng.uniform(5, 15))
        house["battery"] = {"capacity_kwh": capacity, "max_charge_kw": capacity / 2, "max_discharge_kw": capacity / 2,
                            "min_soc": 0.1, "max_soc": 0.95, "initial_soc": 0.5}
    items.append(house)
document = {"schema": "powerhouse.grid/v1", "time_zone": "Europe/Berlin",
            "grids": [{"name": "Bench", "location": {"latitude": 51.3, "longitude": 9.5}, "transformers": transformers, "houses": items}]}
with open(out, "w") as f:
    json.dump(document, f)
