"""The eGRID plant sheet (PLNT) layout and a seeded synthetic plant generator in EPA's format.

Shared by reference/plants/make_fixtures.py (small test fixtures) and bench/plants/gen_plant_sheet.py
(the ~40 MB benchmark sheet). Column codes and order follow EPA's PLNT sheets (eGRID2021-2023);
descriptions are EPA's wording, abridged. The numbers are synthetic but physically consistent:
masses = heat input x emission factor, rates = 2000 x tons / MWh rounded to 3 decimals, as EPA does.
"""
import math
import random

# (code, description); `{yy}` in the first code is the two-digit data year.
PLANT_COLUMNS = [
    ("SEQPLT{yy}", "eGRID20{yy} Plant file sequence number"), ("YEAR", "Data Year"),
    ("PSTATABB", "Plant state abbreviation"), ("PNAME", "Plant name"),
    ("ORISPL", "DOE/EIA ORIS plant or facility code"), ("OPRNAME", "Plant transmission or distribution system owner name"),
    ("OPRCODE", "Plant transmission or distribution system owner ID"), ("UTLSRVNM", "Utility name"),
    ("UTLSRVID", "Utility ID"), ("SECTOR", "Plant-level sector"), ("BANAME", "Balancing Authority Name"),
    ("BACODE", "Balancing Authority Code"), ("NERC", "NERC region acronym"), ("SUBRGN", "eGRID subregion acronym"),
    ("SRNAME", "eGRID subregion name"), ("ISORTO", "Plant associated ISO/RTO Territory"),
    ("FIPSST", "Plant FIPS state code"), ("FIPSCNTY", "Plant FIPS county code"), ("CNTYNAME", "Plant county name"),
    ("LAT", "Plant latitude"), ("LON", "Plant longitude"), ("CAMDFLAG", "CAMD Program flag"),
    ("NUMUNT", "Number of units"), ("NUMGEN", "Number of generators"), ("PLPRMFL", "Plant primary fuel"),
    ("PLFUELCT", "Plant primary fuel category"), ("COALFLAG", "Flag indicating if the plant burned or generated any amount of coal"),
    ("CAPFAC", "Plant capacity factor"), ("NAMEPCAP", "Plant nameplate capacity (MW)"),
    ("NBFACTOR", "Nonbaseload Factor"), ("RMBMFLAG", "Biogas/ landfill gas/ digester gas flag"),
    ("CHPFLAG", "Combined heat and power (CHP) plant flag"), ("USETHRMO", "CHP plant useful thermal output (MMBtu)"),
    ("PWRTOHT", "CHP plant power to heat ratio"), ("ELCALLOC", "CHP plant electric allocation factor"),
    ("PSFLAG", "Plant pumped storage flag"),
]
PLANT_COLUMNS += [
    ("PLHTIAN", "Plant annual heat input from combustion (MMBtu)"), ("PLHTIOZ", "Plant ozone season heat input from combustion (MMBtu)"),
    ("PLHTIANT", "Plant total annual heat input (MMBtu)"), ("PLHTIOZT", "Plant total ozone season heat input (MMBtu)"),
    ("PLNGENAN", "Plant annual net generation (MWh)"), ("PLNGENOZ", "Plant ozone season net generation (MWh)"),
    ("PLNOXAN", "Plant annual NOx emissions (tons)"), ("PLNOXOZ", "Plant ozone season NOx emissions (tons)"),
    ("PLSO2AN", "Plant annual SO2 emissions (tons)"), ("PLCO2AN", "Plant annual CO2 emissions (tons)"),
    ("PLCH4AN", "Plant annual CH4 emissions (lbs)"), ("PLN2OAN", "Plant annual N2O emissions (lbs)"),
    ("PLCO2EQA", "Plant annual CO2 equivalent emissions (tons)"), ("PLHGAN", "Plant annual Hg emissions (lbs)"),
]
RATE_POLLUTANTS = ["NOX", "NOXO", "SO2", "CO2", "CH4", "N2O", "C2E", "HG"]
for kind, unit in (("RT", "output emission rate (lb/MWh)"), ("R", "input emission rate (lb/MMBtu)"), ("CRT", "combustion output emission rate (lb/MWh)")):
    for p in RATE_POLLUTANTS:
        if p == "NOXO":
            code = {"RT": "PLNOXRTO", "R": "PLNOXRO", "CRT": "PLNOXCRO"}[kind]
            PLANT_COLUMNS.append((code, f"Plant ozone season NOx {unit}"))
        else:
            code = f"PL{p}{kind}A" if kind in ("RT", "R") else f"PL{p}{kind}"
            PLANT_COLUMNS.append((code, f"Plant annual {p} {unit}"))
for s in ("NOX", "NOXOZ", "SO2", "CO2", "CH4", "N2O", "HG", "HTI", "HTIOZ", "HTIT", "HTIOZT"):
    PLANT_COLUMNS.append((f"UN{s}", f"Plant unadjusted annual {s}"))
for s in ("NOX", "NOZ", "SO2", "CO2", "CH4", "N2O", "HG", "HTI", "HOZ"):
    PLANT_COLUMNS.append((f"UN{s}SRC", f"Plant unadjusted {s} source"))
for s in ("NOX", "NOXOZ", "SO2", "CO2", "CH4", "N2O"):
    PLANT_COLUMNS.append((f"BIO{s}", f"Plant {s} biomass emissions"))
for s in ("CHTI", "CHTIOZ", "NOX", "NOXOZ", "SO2", "CO2", "CH4", "N2O"):
    PLANT_COLUMNS.append((f"CHP{s}", f"Plant combustion {s} CHP adjustment"))
PLANT_COLUMNS.append(("PLHTRT", "Plant nominal heat rate (Btu/kWh)"))
FUELS = ["CL", "OL", "GS", "NC", "HY", "BM", "WI", "SO", "GT", "OF", "OP"]
FUEL_NAMES = dict(CL="coal", OL="oil", GS="gas", NC="nuclear", HY="hydro", BM="biomass", WI="wind", SO="solar",
                  GT="geothermal", OF="other fossil", OP="other unknown/ purchased fuel")
GROUPS = ["TN", "TR", "TH", "CY", "CN"]
GROUP_NAMES = dict(TN="total nonrenewables", TR="total renewables", TH="total nonhydro renewables",
                   CY="total combustion", CN="total noncombustion")
for f in FUELS + GROUPS:
    PLANT_COLUMNS.append((f"PLGENA{f}", f"Plant annual {(FUEL_NAMES | GROUP_NAMES)[f]} net generation (MWh)"))
for f in FUELS + GROUPS:
    PLANT_COLUMNS.append((f"PL{f}PR", f"Plant {(FUEL_NAMES | GROUP_NAMES)[f]} generation percent (resource mix)"))

# Region geography: state -> (FIPS, [(subregion, subregion name, NERC, BA code, BA name)]).
GEOGRAPHY = {
    "AL": ("01", [("SRSO", "SERC Southeast", "SERC", "SOCO", "Southern Company Services, Inc. - Trans")]),
    "AK": ("02", [("AKGD", "ASCC Alaska Grid", "ASCC", "", ""), ("AKMS", "ASCC Miscellaneous", "ASCC", "", "")]),
    "AZ": ("04", [("AZNM", "WECC Southwest", "WECC", "AZPS", "Arizona Public Service Company")]),
    "CA": ("06", [("CAMX", "WECC California", "WECC", "CISO", "California Independent System Operator")]),
    "CO": ("08", [("RMPA", "WECC Rockies", "WECC", "PSCO", "Public Service Company of Colorado")]),
    "FL": ("12", [("FRCC", "FRCC All", "SERC", "FPL", "Florida Power & Light Company")]),
    "IA": ("19", [("MROW", "MRO West", "MRO", "MISO", "Midcontinent Independent System Operator, Inc.")]),
    "NY": ("36", [("NYUP", "NPCC Upstate NY", "NPCC", "NYIS", "New York Independent System Operator"),
                  ("NYCW", "NPCC NYC/Westchester", "NPCC", "NYIS", "New York Independent System Operator")]),
    "TX": ("48", [("ERCT", "ERCOT All", "TRE", "ERCO", "Electric Reliability Council of Texas, Inc."),
                  ("SPSO", "SPP South", "SPP", "SWPP", "Southwest Power Pool")]),
    "WA": ("53", [("NWPP", "WECC Northwest", "WECC", "BPAT", "Bonneville Power Administration")]),
}
STATE_CENTER = {"AL": (32.8, -86.8), "AK": (61.4, -150.0), "AZ": (34.2, -111.7), "CA": (37.2, -119.5),
                "CO": (39.0, -105.5), "FL": (28.6, -82.4), "IA": (42.0, -93.5), "NY": (42.9, -75.5),
                "TX": (31.5, -99.3), "WA": (47.4, -120.5)}
# fuel category -> (resource fuel code, primary fuels, heat rate Btu/kWh or None, CO2 lb/MMBtu, NOx lb/MMBtu, SO2 lb/MMBtu, capacity factor range)
CATEGORIES = {
    "COAL": ("CL", ["SUB", "BIT", "LIG"], 10500, 206.0, 0.15, 0.25, (0.3, 0.75)),
    "OIL": ("OL", ["DFO", "RFO"], 11500, 163.0, 0.3, 0.1, (0.01, 0.2)),
    "GAS": ("GS", ["NG"], 7800, 117.0, 0.02, 0.0006, (0.1, 0.7)),
    "NUCLEAR": ("NC", ["NUC"], None, 0, 0, 0, (0.85, 0.95)),
    "HYDRO": ("HY", ["WAT"], None, 0, 0, 0, (0.2, 0.6)),
    "BIOMASS": ("BM", ["WDS", "LFG", "OBG"], 13000, 0.0, 0.2, 0.03, (0.3, 0.8)),
    "WIND": ("WI", ["WND"], None, 0, 0, 0, (0.2, 0.45)),
    "SOLAR": ("SO", ["SUN"], None, 0, 0, 0, (0.15, 0.3)),
    "GEOTHERMAL": ("GT", ["GEO"], None, 0, 0, 0, (0.6, 0.9)),
    "OFSL": ("OF", ["OG", "BFG"], 12000, 140.0, 0.1, 0.05, (0.2, 0.6)),
    "OTHF": ("OP", ["PUR", "WH"], None, 0, 0, 0, (0.1, 0.5)),
}
CATEGORY_WEIGHTS = {"COAL": 4, "OIL": 5, "GAS": 20, "NUCLEAR": 1, "HYDRO": 12, "BIOMASS": 6, "WIND": 12,
                    "SOLAR": 30, "GEOTHERMAL": 1, "OFSL": 2, "OTHF": 2}
RENEWABLE = {"HY", "BM", "WI", "SO", "GT"}
COMBUSTION = {"CL", "OL", "GS", "BM", "OF"}


def synthetic_plants(count, seed, year=2023, names=None):
    """Plants as dicts of typed values (None = no data), deterministic for a seed."""
    rng = random.Random(seed)
    hours = 8784 if year % 4 == 0 else 8760
    states = list(GEOGRAPHY)
    cats = list(CATEGORY_WEIGHTS)
    weights = [CATEGORY_WEIGHTS[c] for c in cats]
    plants = []
    for i in range(count):
        st = states[i % len(states)] if i < len(states) else rng.choice(states)
        fips, regions = GEOGRAPHY[st]
        sr, srname, nerc, ba, baname = rng.choice(regions)
        cat = rng.choices(cats, weights)[0]
        fuel, prm, hr, co2f, noxf, so2f, cfr = CATEGORIES[cat]
        cap = round(rng.lognormvariate(3.0, 1.6), 1)
        cf = rng.uniform(*cfr)
        gen = cap * hours * cf
        p = dict(seq=i + 1, year=year, state=st, orispl=10000 + i * 7, fips_st=fips,
                 fips_cnty=f"{rng.randint(1, 199) * 2 - 1:03d}", sr=sr, srname=srname, nerc=nerc, ba=ba, baname=baname,
                 cat=cat, fuel=fuel, prmfl=rng.choice(prm), cap=cap)
        clat, clon = STATE_CENTER[st]
        p["lat"] = round(clat + rng.uniform(-1.5, 1.5), 4)
        p["lon"] = round(clon + rng.uniform(-2.0, 2.0), 4)
        p["name"] = (names or {}).get(i) or f"{rng.choice(['North', 'South', 'East', 'West', 'Lake', 'River', 'Ridge', 'Valley'])} {rng.choice(['Creek', 'Point', 'Hills', 'Springs', 'Mesa', 'Harbor'])} {cat.title()} {i + 1}"
        p["operator"] = f"Operator {rng.randint(1, 400)}"
        p["oprcode"] = str(rng.randint(100, 60000))
        p["utility"] = f"Utility {rng.randint(1, 300)} Co"
        p["utlsrvid"] = str(rng.randint(100, 60000))
        p["sector"] = rng.choice(["Electric Utility", "IPP Non-CHP", "IPP CHP", "Industrial CHP", "Commercial Non-CHP"])
        if cat == "HYDRO" and rng.random() < 0.05:
            gen = -abs(gen) * 0.2  # pumped storage consumes more than it makes
        if rng.random() < 0.03:
            gen = None  # no generation data
        p["gen"] = round(gen, 3) if gen is not None else None
        p["capfac"] = round(gen / (cap * hours), 5) if gen is not None and cap > 0 else None
        if hr and gen is not None and gen > 0:
            hti = gen * hr / 1000.0
            p["hti"] = round(hti, 3)
            p["co2"] = round(hti * co2f / 2000, 3)
            p["nox"] = round(hti * noxf / 2000, 3)
            p["so2"] = round(hti * so2f / 2000, 3)
            p["ch4"] = round(hti * (0.011 if fuel == "CL" else 0.002), 3)
            p["n2o"] = round(hti * (0.0016 if fuel == "CL" else 0.0002), 3)
            p["co2e"] = round(p["co2"] + (p["ch4"] * 25 + p["n2o"] * 298) / 2000, 3)
        else:
            p["hti"] = None if gen is None else 0.0
            for k in ("co2", "nox", "so2", "ch4", "n2o", "co2e"):
                p[k] = None if gen is None else 0.0
        p["hti_total"] = None if gen is None else round((p["hti"] or 0) + (abs(gen) * 3.412 if not hr else 0), 3)
        plants.append(p)
    return plants


def plant_row(p):
    """Values of a plant in PLANT_COLUMNS order (None = blank)."""
    gen = p["gen"]
    ratio = lambda tons, pounds_per=2000: None if tons is None or not gen else round(pounds_per * tons / gen, 3)
    inrate = lambda tons, pounds_per=2000: None if tons is None or not p["hti"] else round(pounds_per * tons / p["hti"], 3)
    rates = {"NOX": ratio(p["nox"]), "SO2": ratio(p["so2"]), "CO2": ratio(p["co2"]), "CH4": ratio(p["ch4"], 1),
             "N2O": ratio(p["n2o"], 1), "C2E": ratio(p["co2e"]), "HG": None}
    inrates = {"NOX": inrate(p["nox"]), "SO2": inrate(p["so2"]), "CO2": inrate(p["co2"]), "CH4": inrate(p["ch4"], 1),
               "N2O": inrate(p["n2o"], 1), "C2E": inrate(p["co2e"]), "HG": None}
    oz = lambda v: None if v is None else round(v * 5 / 12, 3)
    v = {
        "YEAR": p["year"], "PSTATABB": p["state"], "PNAME": p["name"], "ORISPL": p["orispl"],
        "OPRNAME": p["operator"], "OPRCODE": p["oprcode"], "UTLSRVNM": p["utility"], "UTLSRVID": p["utlsrvid"],
        "SECTOR": p["sector"], "BANAME": p["baname"] or None, "BACODE": p["ba"] or None, "NERC": p["nerc"],
        "SUBRGN": p["sr"], "SRNAME": p["srname"], "ISORTO": None, "FIPSST": p["fips_st"], "FIPSCNTY": p["fips_cnty"],
        "CNTYNAME": "Synthetic County", "LAT": p["lat"], "LON": p["lon"], "CAMDFLAG": "Yes" if p["fuel"] in COMBUSTION else None,
        "NUMUNT": 1 if p["fuel"] in COMBUSTION else None, "NUMGEN": 1, "PLPRMFL": p["prmfl"], "PLFUELCT": p["cat"],
        "COALFLAG": "Yes" if p["fuel"] == "CL" else None, "CAPFAC": p["capfac"], "NAMEPCAP": p["cap"],
        "NBFACTOR": None if p["capfac"] is None else round(min(1, max(0, 1 - p["capfac"])), 4),
        "PSFLAG": "Yes" if gen is not None and gen < 0 else None,
        "PLHTIAN": p["hti"], "PLHTIOZ": oz(p["hti"]), "PLHTIANT": p["hti_total"], "PLHTIOZT": oz(p["hti_total"]),
        "PLNGENAN": gen, "PLNGENOZ": oz(gen), "PLNOXAN": p["nox"], "PLNOXOZ": oz(p["nox"]), "PLSO2AN": p["so2"],
        "PLCO2AN": p["co2"], "PLCH4AN": p["ch4"], "PLN2OAN": p["n2o"], "PLCO2EQA": p["co2e"], "PLHGAN": None,
        "PLNOXRTO": rates["NOX"], "PLNOXRO": inrates["NOX"], "PLNOXCRO": rates["NOX"],
        "UNNOX": p["nox"], "UNSO2": p["so2"], "UNCO2": p["co2"], "UNHTI": p["hti"],
        "UNNOXSRC": "EPA/CAMD" if p["nox"] else None, "UNCO2SRC": "EPA/CAMD" if p["co2"] else None,
        "PLHTRT": None if not p["hti"] or not gen else round(1000 * p["hti"] / gen, 4),
    }
    for k in RATE_POLLUTANTS:
        if k != "NOXO":
            v[f"PL{k}RTA"] = rates[k]; v[f"PL{k}RA"] = inrates[k]; v[f"PL{k}CRT"] = rates[k]
    by_fuel = {f: (0.0 if gen is not None else None) for f in FUELS}
    if gen is not None:
        by_fuel[p["fuel"]] = gen
    for f in FUELS:
        v[f"PLGENA{f}"] = by_fuel[f]
    groups = {"TN": [f for f in FUELS if f not in RENEWABLE], "TR": [f for f in FUELS if f in RENEWABLE],
              "TH": [f for f in FUELS if f in RENEWABLE and f != "HY"], "CY": [f for f in FUELS if f in COMBUSTION],
              "CN": [f for f in FUELS if f not in COMBUSTION]}
    for g, members in groups.items():
        v[f"PLGENA{g}"] = None if gen is None else sum(by_fuel[f] for f in members)
    for f in FUELS + GROUPS:
        v[f"PL{f}PR"] = None if not gen else round(v[f"PLGENA{f}"] / gen, 6)
    codes = [c for c, _ in PLANT_COLUMNS]
    return [p["seq"]] + [v.get(c) for c in codes[1:]]


def format_number(x, style, rng, decimals=None):
    """EPA/Excel-style text for a number: thousands separators for large magnitudes, negatives as
    -2,428 or (2,428) depending on `style` ('minus' or 'parens')."""
    if isinstance(x, int):
        text = f"{abs(x)}"
    else:
        text = f"{abs(x):,.{decimals}f}" if decimals is not None else (f"{abs(x):,.3f}" if abs(x) >= 1000 else repr(abs(x)))
    if x < 0:
        return f"({text})" if style == "parens" else f"-{text}"
    return text


def csv_cell(value, style="minus", rng=None, decimals=None):
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"' if ("," in value or '"' in value) else value
    text = format_number(value, style, rng, decimals)
    return f'"{text}"' if "," in text else text


def header_rows(columns, year):
    yy = f"{year % 100:02d}"
    codes = [c.format(yy=yy) for c, _ in columns]
    descriptions = [d.format(yy=yy) for _, d in columns]
    return descriptions, codes
