"""Writes a full-size synthetic eGRID plant sheet (PLNT) for the benchmark.

    python3 bench/plants/gen_plant_sheet.py OUT.csv [--plants 12000] [--seed 2023]
    python3 bench/plants/gen_plant_sheet.py OUT.xlsx ...   (an eGRID-style workbook: PLNT23 sheet; needs openpyxl)

Layout, header rows and quirks as EPA's CSV exports: row 1 descriptions, row 2 codes (SEQPLT23...),
UTF-8 with BOM, CRLF, numbers with thousands separators in quotes ("23,077.125"), negatives as
-2,428, blanks for no data. Values carry the unrounded precision of EPA's workbook cells (up to 15
significant digits everywhere) and every column EPA fills for
combustion plants is filled, which is what makes a 12,000-plant export ~40 MB.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "reference", "plants"))
import egrid_layout as L  # noqa: E402


TEXT = {"PSTATABB", "PNAME", "OPRNAME", "OPRCODE", "UTLSRVNM", "UTLSRVID", "SECTOR", "BANAME", "BACODE", "NERC", "SUBRGN",
        "SRNAME", "ISORTO", "FIPSST", "FIPSCNTY", "CNTYNAME", "CAMDFLAG", "PLPRMFL", "PLFUELCT", "COALFLAG", "RMBMFLAG",
        "CHPFLAG", "PSFLAG"}


def cell(value, code):
    if value is None or isinstance(value, (str, int)):
        return L.csv_cell(value)
    # Masses and energies with separators and the workbook's 6 decimals; rates and shares unrounded.
    if code.endswith("PR") or "RT" in code or code.endswith("RA") or code in ("CAPFAC", "NBFACTOR", "PLHTRT", "LAT", "LON"):
        return repr(value)
    if value == 0:
        return "0"
    # Excel's "General" display of an unrounded double, with the thousands separators EPA's
    # number format adds: 17 significant digits.
    digits = max(0, 16 - len(str(int(abs(value)))))
    return L.csv_cell(value, "minus", decimals=digits)


def fill(row, codes, p, rng):
    """EPA fills the unadjusted, biomass and CHP columns for combustion plants; give them values."""
    if p["gen"] is None:
        return
    base = abs(p["gen"]) or 1.0
    for i, code in enumerate(codes):
        if row[i] is None and code not in TEXT and not code.endswith("SRC") and code != "ISORTO":
            row[i] = base * rng.random() * (0.001 if ("RT" in code or code.endswith("RA")) else 1.0)
        elif row[i] is None and code.endswith("SRC"):
            row[i] = "EPA/CAMD" if p["fuel"] in L.COMBUSTION else "EIA-923 HTI"
        elif isinstance(row[i], float) and row[i] != 0 and code not in ("LAT", "LON", "NAMEPCAP"):
            # Workbook cells are unrounded doubles; the sheet's rounding is display only.
            row[i] *= 1 + 1e-9 * rng.random()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--plants", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=2023)
    args = ap.parse_args()
    year = 2023
    desc, codes = L.header_rows(L.PLANT_COLUMNS, year)
    plants = L.synthetic_plants(args.plants, seed=args.seed, year=year)
    rng = random.Random(args.seed)
    if args.out.endswith(".xlsx"):
        write_xlsx(args.out, desc, codes, plants, rng)
        return
    with open(args.out, "w", encoding="utf-8-sig", newline="") as f:
        f.write(",".join(L.csv_cell(d) for d in desc) + "\r\n")
        f.write(",".join(codes) + "\r\n")
        for p in plants:
            row = L.plant_row(p)
            # Unrounded rates, as in EPA's workbook cells.
            gen = p["gen"]
            for i, code in enumerate(codes):
                if row[i] is not None and not isinstance(row[i], str) and code.endswith("RTA") and gen:
                    row[i] = row[i] * (1 + 1e-7 * ((p["seq"] * 7919 + i) % 97))
            fill(row, codes, p, rng)
            f.write(",".join(cell(v, c) for v, c in zip(row, codes)) + "\r\n")


def write_xlsx(path, desc, codes, plants, rng):
    """The same rows as a workbook sheet named PLNT23 (descriptions, codes, data), numbers as numbers."""
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    contents = wb.create_sheet("Contents")
    contents.append(["Synthetic eGRID-format workbook for benchmarks (not EPA data)"])
    sheet = wb.create_sheet("PLNT23")
    sheet.append(desc)
    sheet.append(codes)
    for p in plants:
        row = L.plant_row(p)
        fill(row, codes, p, rng)
        sheet.append(row)
    wb.save(path)


if __name__ == "__main__":
    main()
