#!/usr/bin/env python3
"""Writes the CSV benchmark file: ISO timestamps at 1-minute steps and 4 numeric columns, ~100 MB.

Deterministic: a fixed-seed 64-bit LCG drives the noise, so every machine writes the same bytes.
usage: gen_csv.py OUT [MEGABYTES]
"""
import math
import os
import sys
from datetime import datetime, timedelta


def main() -> None:
    out = sys.argv[1]
    target = int(float(sys.argv[2]) * 1e6) if len(sys.argv) > 2 else 100_000_000
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    state = 0x2545F4914F6CDD1D
    start = datetime(2020, 1, 1)
    written = 0
    with open(out, "w", newline="\n") as f:
        header = "time,load_kW,pv_kW,temp_degC,voltage_V\n"
        f.write(header)
        written += len(header)
        i = 0
        lines = []
        while written < target:
            state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
            noise = ((state >> 11) / float(1 << 53)) - 0.5
            t = start + timedelta(minutes=i)
            day = (i % 1440) / 1440.0
            load = 0.4 + 0.3 * math.sin(2 * math.pi * day) ** 2 + noise * 0.2
            pv = max(0.0, 4.0 * math.sin(math.pi * (day - 0.25) * 2)) if 0.25 < day < 0.75 else 0.0
            temp = 10 + 8 * math.sin(2 * math.pi * (i / 525600.0)) + 3 * noise
            volt = 230 + 4 * noise
            line = f"{t:%Y-%m-%dT%H:%M:%S},{load:.3f},{pv:.3f},{temp:.1f},{volt:.2f}\n"
            lines.append(line)
            written += len(line)
            i += 1
            if len(lines) == 10000:
                f.write("".join(lines))
                lines.clear()
        f.write("".join(lines))
    print(f"{out}: {i} rows, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
