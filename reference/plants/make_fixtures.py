"""Generates the small eGRID-format fixtures of Tests/PlantDataTests/Fixtures.

Run: python3 reference/plants/make_fixtures.py   (openpyxl is needed for the .xlsx fixture:
python3 -m venv /work/venv-plants && /work/venv-plants/bin/pip install openpyxl)

Every file holds the same 12 synthetic plants of 2023 (seed 7) in a different dress, so the tests can
assert that all dresses read to the same plants:
  PLNT23_utf8bom_crlf.csv   two header rows, UTF-8 + BOM, CRLF, negatives as -2,428, fractions
  PLNT23_cp1252_lf.csv      two header rows, Windows-1252, LF, negatives as (2,428), percent numbers
  state_codes_year.csv      one code row with a Year column (2022 and 2023), '--' for no data,
                            percent numbers; 2023 is the sum of the plants except one planted error
  egrid_small.xlsx          workbook: Contents, PLNT23, ST23, US23 (two header rows each)
  bad_*.csv                 files that must be rejected with an exact message
  quirks.xlsx               a workbook written by hand (zipfile + XML) with every cell form the
                            scanner must handle: shared strings with rich text and phonetic runs,
                            inline strings, formula strings, booleans, errors, entities, _xHHHH_
                            escapes, cells without `r`, self-closing styled cells, a date-styled year
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import egrid_layout as L  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "PlantDataTests", "Fixtures")
YEAR = 2023
NAMES = {0: "Centrale Électrique du Café", 1: 'Barry "Big" Plant, Unit A'}


def plants():
    ps = L.synthetic_plants(12, seed=7, year=YEAR, names=NAMES)
    # Plant 2: pumped storage with negative generation; plant 3: no generation data at all.
    p = ps[2]
    p.update(cat="HYDRO", fuel="HY", prmfl="WAT", gen=-2428.0, capfac=None, hti=0.0, hti_total=0.0)
    for k in ("co2", "nox", "so2", "ch4", "n2o", "co2e"):
        p[k] = 0.0
    ps[3].update(gen=None, capfac=None, hti=None, hti_total=None, co2=None, nox=None, so2=None, ch4=None, n2o=None, co2e=None)
    # Plant 4: a big coal plant so that thousands separators appear everywhere.
    ps[4].update(cat="COAL", fuel="CL", prmfl="SUB", cap=1152.0, gen=6_123_456.789, capfac=0.60679,
                 hti=64_296_296.285, hti_total=64_296_296.285, co2=6_622_518.517, nox=4_822.222, so2=8_037.037,
                 ch4=707_259.259, n2o=102_874.074, co2e=6_654_721.05)
    return ps


def rows(ps, percent=False):
    out = []
    codes = [c for c, _ in L.PLANT_COLUMNS]
    for p in ps:
        r = L.plant_row(p)
        if percent:
            for i, c in enumerate(codes):
                if r[i] is not None and (c == "CAPFAC" or (c.startswith("PL") and c.endswith("PR"))):
                    r[i] = round(r[i] * 100, 4)
        out.append(r)
    return out


def write_csv(path, ps, encoding, newline, neg_style, percent, bom):
    desc, codes = L.header_rows(L.PLANT_COLUMNS, YEAR)
    lines = [",".join(L.csv_cell(d) for d in desc), ",".join(codes)]
    for index, r in enumerate(rows(ps, percent)):
        cells = []
        for code, v in zip(codes, r):
            cell = L.csv_cell(v, neg_style)
            if percent and code == "CAPFAC" and v is not None:
                cell = f"{v}%"
            if index == 5 and code == "PLHGAN":
                cell = "--"  # plant 6 marks its missing mercury with '--' instead of a blank: both mean no data
            cells.append(cell)
        lines.append(",".join(cells))
    data = newline.join(lines) + newline
    raw = data.encode(encoding)
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    with open(path, "wb") as f:
        f.write(raw)


REGION_SUFFIXES = (["NAMEPCAP", "HTIAN", "HTIOZ", "HTIANT", "HTIOZT", "NGENAN", "NGENOZ", "NOXAN", "NOXOZ", "SO2AN",
                    "CO2AN", "CH4AN", "N2OAN", "CO2EQA", "HGAN", "NOXRTA", "SO2RTA", "CO2RTA", "CH4RTA", "N2ORTA",
                    "C2ERTA", "NOXRA", "SO2RA", "CO2RA", "CH4RA", "N2ORA", "C2ERA"]
                   + [f"GENA{f}" for f in L.FUELS + L.GROUPS] + [f"{f}PR" for f in L.FUELS + L.GROUPS])
PLANT_CODE = {s: ("NAMEPCAP" if s == "NAMEPCAP" else "PL" + s) for s in REGION_SUFFIXES}
RATES = {"NOXRTA": ("NOXAN", "NGENAN", 2000), "SO2RTA": ("SO2AN", "NGENAN", 2000), "CO2RTA": ("CO2AN", "NGENAN", 2000),
         "CH4RTA": ("CH4AN", "NGENAN", 1), "N2ORTA": ("N2OAN", "NGENAN", 1), "C2ERTA": ("CO2EQA", "NGENAN", 2000),
         "NOXRA": ("NOXAN", "HTIAN", 2000), "SO2RA": ("SO2AN", "HTIAN", 2000), "CO2RA": ("CO2AN", "HTIAN", 2000),
         "CH4RA": ("CH4AN", "HTIAN", 1), "N2ORA": ("N2OAN", "HTIAN", 1), "C2ERA": ("CO2EQA", "HTIAN", 2000)}


def region_values(plant_rows, percent):
    """EPA's rule: sum(x, na.rm = TRUE) per column, missing when all inputs are; rates from sums."""
    codes = [c for c, _ in L.PLANT_COLUMNS]
    sums = {}
    for s in REGION_SUFFIXES:
        if s in RATES or s.endswith("PR"):
            continue
        i = codes.index(PLANT_CODE[s])
        present = [r[i] for r in plant_rows if r[i] is not None]
        sums[s] = round(sum(present), 3) if present else None
    out = dict(sums)
    for s, (num, den, k) in RATES.items():
        out[s] = None if sums[num] is None or not sums[den] else round(k * sums[num] / sums[den], 3)
    # EPA's resource mix: negative fuel generation counts as 0 in the share and in the total.
    fuel_gen = [sums[f"GENA{f}"] for f in L.FUELS if sums[f"GENA{f}"] is not None]
    total = sum(max(g, 0) for g in fuel_gen)
    for f in L.FUELS + L.GROUPS:
        g = sums[f"GENA{f}"]
        share = None if g is None or not total else max(g, 0) / total
        out[f"{f}PR"] = None if share is None else round(share * (100 if percent else 1), 4 if percent else 6)
    return out


def state_rows(ps, percent):
    by_state = {}
    for p, r in zip(ps, rows(ps)):
        by_state.setdefault(p["state"], []).append(r)
    return {st: region_values(rs, percent) for st, rs in sorted(by_state.items())}


def write_state_csv(path, ps):
    codes = ["Year", "PSTATABB", "FIPSST"] + ["ST" + s for s in REGION_SUFFIXES]
    lines = [",".join(codes)]
    for year, scale in ((2022, 0.9), (YEAR, 1.0)):
        for st, v in state_rows(ps, percent=True).items():
            vals = dict(v)
            if year == 2022:
                vals = {k: (None if x is None else round(x * scale, 3)) for k, x in vals.items()}
            if year == YEAR and st == "TX":
                vals["NAMEPCAP"] = round(vals["NAMEPCAP"] * 1.1, 1)  # planted error
            cells = [str(year), st, L.GEOGRAPHY[st][0]]
            for s in REGION_SUFFIXES:
                x = vals[s]
                cells.append("--" if x is None else L.csv_cell(x))
            lines.append(",".join(cells))
    with open(path, "w", newline="") as f:
        f.write("\n".join(lines) + "\n")


def write_xlsx(path, ps):
    from openpyxl import Workbook
    wb = Workbook()
    contents = wb.active
    contents.title = "Contents"
    contents.append(["eGRID2023 synthetic test workbook"])
    contents.append(["Not EPA data: generated by reference/plants/make_fixtures.py"])
    desc, codes = L.header_rows(L.PLANT_COLUMNS, YEAR)
    plnt = wb.create_sheet("PLNT23")
    plnt.append(desc)
    plnt.append(codes)
    for r in rows(ps):
        plnt.append(r)
    st_codes = ["SEQST23", "YEAR", "PSTATABB", "FIPSST"] + ["ST" + s for s in REGION_SUFFIXES]
    st = wb.create_sheet("ST23")
    st.append([f"description of {c}" for c in st_codes])
    st.append(st_codes)
    for i, (abbr, v) in enumerate(state_rows(ps, percent=False).items()):
        st.append([i + 1, YEAR, abbr, L.GEOGRAPHY[abbr][0]] + [v[s] for s in REGION_SUFFIXES])
    us_codes = ["YEAR"] + ["US" + s for s in REGION_SUFFIXES]
    us = wb.create_sheet("US23")
    us.append([f"description of {c}" for c in us_codes])
    us.append(us_codes)
    v = region_values(rows(ps), percent=False)
    us.append([YEAR] + [v[s] for s in REGION_SUFFIXES])
    wb.save(path)
    make_deterministic(path)


def make_deterministic(path):
    """openpyxl stamps the save time into the zip entries and docProps/core.xml; pin both so that
    regenerating the fixtures changes nothing unless the content does."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def write_bad_files():
    desc, codes = L.header_rows(L.PLANT_COLUMNS, YEAR)
    ps = plants()[:4]
    good = [",".join(L.csv_cell(d) for d in desc), ",".join(codes)] + [",".join(L.csv_cell(v) for v in r) for r in rows(ps)]
    cap = codes.index("NAMEPCAP")

    def variant(name, mutate):
        lines = list(good)
        mutate(lines)
        with open(os.path.join(OUT, name), "w", newline="") as f:
            f.write("\n".join(lines) + "\n")

    def bad_number(lines):
        cells = lines[4].split(",")  # line 5: the third plant
        cells[cap] = "12.3.4"
        lines[4] = ",".join(cells)

    def bad_quote(lines):
        lines.append('99,2023,AK,"Unclosed name,1')

    def swallowed_lines(lines):
        lines[3] = lines[3].replace(",Operator", ',"Operator', 1)

    def extra_fields(lines):
        lines[5] = lines[5] + ",surprise"

    variant("bad_number.csv", bad_number)
    variant("bad_quote.csv", bad_quote)
    variant("bad_extra_fields.csv", extra_fields)
    variant("bad_stray_quote.csv", swallowed_lines)
    with open(os.path.join(OUT, "bad_no_codes.csv"), "w") as f:
        f.write("Plant name,Plant state\nBarry Plant,AL\nOther Plant,AK\n")


def write_quirks_xlsx(path):
    import zipfile
    shared = ['<si><t>TX</t></si>',
              '<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space="preserve">&amp; Famous</t></r><rPh sb="0" eb="1"><t>IGNORED</t></rPh></si>',
              '<si><t>Line_x000D_Break</t></si>']
    rows = [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>SEQGEN21</t></is></c><c r="B1" t="inlineStr"><is><t>PSTATABB</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>PNAME</t></is></c><c r="D1" t="inlineStr"><is><t>ORISPL</t></is></c>'
        '<c r="E1" t="inlineStr"><is><t>GENID</t></is></c><c r="F1" t="inlineStr"><is><t>GENYRONL</t></is></c>'
        '<c r="G1" t="inlineStr"><is><t>NOTE</t></is></c><c r="H1" t="inlineStr"><is><t>NAMEPCAP</t></is></c></row>',
        # Cells without r: columns follow on from the previous one.
        '<row r="2"><c><v>1</v></c><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>3</v></c>'
        '<c t="inlineStr"><is><t>01</t></is></c><c s="1"><v>1954</v></c><c t="b"><v>1</v></c><c><v>1.5E2</v></c></row>',
        # A skipped row number, a formula string, an error, an entity, a self-closing styled cell.
        '<row r="4" spans="1:8"><c r="A4"><v>2</v></c><c r="B4" t="str"><f>"T"&amp;"X"</f><v>TX</v></c>'
        '<c r="C4" t="inlineStr"><is><t>A &lt;B&gt; &#233;</t></is></c><c r="D4"><v>4</v></c><c r="E4" t="s"><v>2</v></c>'
        '<c r="F4" s="1"/><c r="G4" t="e"><v>#N/A</v></c><c r="H4"><v>-12.25</v></c></row>',
    ]
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(rows) + '</sheetData></worksheet>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">{"".join(shared)}</sst>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="GEN21" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                           ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", sst), ("xl/styles.xml", styles)):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            z.writestr(info, text, zipfile.ZIP_DEFLATED)


def main():
    os.makedirs(OUT, exist_ok=True)
    ps = plants()
    write_csv(os.path.join(OUT, "PLNT23_utf8bom_crlf.csv"), ps, "utf-8", "\r\n", "minus", percent=False, bom=True)
    write_csv(os.path.join(OUT, "PLNT23_cp1252_lf.csv"), ps, "cp1252", "\n", "parens", percent=True, bom=False)
    write_state_csv(os.path.join(OUT, "state_codes_year.csv"), ps)
    write_bad_files()
    write_quirks_xlsx(os.path.join(OUT, "quirks.xlsx"))
    try:
        write_xlsx(os.path.join(OUT, "egrid_small.xlsx"), ps)
    except ImportError:
        print("openpyxl missing: egrid_small.xlsx not written", file=sys.stderr)


if __name__ == "__main__":
    main()
