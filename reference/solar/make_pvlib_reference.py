"""Reference values for the Swift `Solar` library, computed with pvlib.

Writes into Tests/SolarTests/Fixtures/:
  723170TYA-subset.CSV      pvlib's TMY3 file for Greensboro NC, reduced to the columns we read
  pvlib_solar_position.csv  SPA (nrel_numpy) zenith/apparent zenith/azimuth at sampled instants
  pvlib_components.csv      extraterrestrial DNI (spencer), Kasten-Young airmass, Ineichen clear sky, Erbs
  pvlib_annual.csv          annual POA components and DC/AC energy per transposition model
  pvlib_hourly_ac.csv       hourly AC power and POA of the Perez run (non-zero hours only)

Run: /work/venv-solar/bin/python reference/solar/make_pvlib_reference.py   (from the repo root)
"""
import os
import numpy as np
import pandas as pd
import pvlib
from pvlib import solarposition, irradiance, atmosphere, clearsky, location, pvsystem, modelchain
from pvlib.iotools import read_tmy3

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "SolarTests", "Fixtures")
TMY3_SOURCE = os.path.join(os.path.dirname(pvlib.__file__), "data", "723170TYA.CSV")
TMY3_SUBSET = os.path.join(FIXTURES, "723170TYA-subset.CSV")
YEAR = 2023           # TMY rows come from different years; both sides coerce them to this one

# The PV system of the comparison; the Swift test builds the same PVSystem.
SYSTEM = dict(kwp=5.0, tilt=30.0, azimuth=180.0, losses=14.0, dc_ac=1.2, eta_inv_nom=0.96,
              gamma=-0.0037, albedo=0.2)


def write_tmy3_subset():
    """Keep the two header lines and the columns the Swift reader uses (the file stays TMY3)."""
    keep = ["Date (MM/DD/YYYY)", "Time (HH:MM)", "GHI (W/m^2)", "DNI (W/m^2)", "DHI (W/m^2)",
            "Dry-bulb (C)", "Wspd (m/s)"]
    with open(TMY3_SOURCE) as f:
        meta = f.readline()
    data = pd.read_csv(TMY3_SOURCE, skiprows=1, dtype=str)[keep]
    with open(TMY3_SUBSET, "w", newline="") as f:
        f.write(meta)
        data.to_csv(f, index=False, lineterminator="\n")


def solar_positions():
    sites = [  # name, lat, lon, elevation m, pressure hPa, temperature C (repeated in the Swift test)
        ("golden", 39.742476, -105.1786, 1830.14, 820.0, 11.0),
        ("greensboro", 36.1, -79.95, 273.0, 1013.25, 12.0),
        ("sydney", -33.87, 151.21, 40.0, 1013.25, 25.0),
        ("tromso", 69.65, 18.96, 10.0, 1000.0, -5.0),
    ]
    # Every 29 h 13 min through 2023 (so every hour of the day comes round), plus the paper's instant.
    times = pd.date_range("2023-01-01 00:07", "2024-01-01", freq="1753min", tz="UTC")
    times = times.append(pd.DatetimeIndex([pd.Timestamp("2003-10-17 19:30:30", tz="UTC")]))
    rows = []
    for name, lat, lon, elev, p, t in sites:
        sp = solarposition.get_solarposition(times, lat, lon, altitude=elev, pressure=p * 100,
                                             temperature=t, method="nrel_numpy", delta_t=67.0)
        unix = (times - pd.Timestamp("1970-01-01", tz="UTC")) // pd.Timedelta("1s")
        rows.append(pd.DataFrame({
            "site": name, "unix_s": unix, "zenith": sp["zenith"].values,
            "apparent_zenith": sp["apparent_zenith"].values, "azimuth": sp["azimuth"].values}))
    pd.concat(rows).to_csv(os.path.join(FIXTURES, "pvlib_solar_position.csv"), index=False,
                           float_format="%.6f")


def components():
    """Single-function checks on a grid of inputs (not tied to the weather file)."""
    doy = np.arange(1, 366, 7)
    zen = np.linspace(0, 89.5, len(doy))
    altitude = 273.0
    dni_extra = irradiance.get_extra_radiation(doy, method="spencer")
    am_rel = atmosphere.get_relative_airmass(zen, "kastenyoung1989")
    am_abs = atmosphere.get_absolute_airmass(am_rel, atmosphere.alt2pres(altitude))
    ghi = np.linspace(20, 1000, len(doy))
    erbs = irradiance.erbs(ghi, zen, doy)
    rows = []
    for tl in (2.0, 3.0, 4.5):
        cs = clearsky.ineichen(zen, am_abs, tl, altitude=altitude, dni_extra=dni_extra)
        rows.append(pd.DataFrame({"day_of_year": doy, "apparent_zenith": zen, "altitude_m": altitude,
                                  "linke_turbidity": tl, "dni_extra": dni_extra, "airmass_relative": am_rel,
                                  "airmass_absolute": am_abs, "ghi": cs["ghi"], "dni": cs["dni"],
                                  "dhi": cs["dhi"], "erbs_ghi": ghi, "erbs_dni": erbs["dni"],
                                  "erbs_dhi": erbs["dhi"]}))
    pd.concat(rows).to_csv(os.path.join(FIXTURES, "pvlib_components.csv"), index=False, float_format="%.6f")


def read_weather():
    """The TMY3 subset, relabelled at interval midpoints (TMY3 values are hour-ending averages;
    the Swift side labels interval starts and computes the sun at the midpoint)."""
    data, meta = read_tmy3(TMY3_SUBSET, coerce_year=YEAR, map_variables=True)
    weather = data[["ghi", "dni", "dhi", "temp_air", "wind_speed"]].astype(float)
    weather.index = weather.index - pd.Timedelta("30min")
    site = location.Location(meta["latitude"], meta["longitude"], altitude=meta["altitude"],
                             tz=int(meta["TZ"]))
    return weather, site


def model_chain(site, transposition):
    """PVWatts ModelChain (dc pvwatts, ac pvwatts, aoi physical, sapm cell temperature, no
    spectral loss, pvwatts losses) with one total loss percentage."""
    s = SYSTEM
    pdc0 = s["kwp"] * 1000
    pac0 = pdc0 / s["dc_ac"]
    losses = dict(soiling=s["losses"], shading=0, snow=0, mismatch=0, wiring=0, connections=0,
                  lid=0, nameplate_rating=0, age=0, availability=0)
    array = pvsystem.Array(
        pvsystem.FixedMount(surface_tilt=s["tilt"], surface_azimuth=s["azimuth"]),
        albedo=s["albedo"],
        module_parameters=dict(pdc0=pdc0, gamma_pdc=s["gamma"]),
        temperature_model_parameters=pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"][
            "open_rack_glass_polymer"])
    system = pvsystem.PVSystem(arrays=[array],
                               inverter_parameters=dict(pdc0=pac0 / s["eta_inv_nom"],
                                                        eta_inv_nom=s["eta_inv_nom"]),
                               losses_parameters=losses)
    return modelchain.ModelChain.with_pvwatts(system, site, transposition_model=transposition)


def pv_chain():
    weather, site = read_weather()
    annual = []
    for model in ("isotropic", "haydavies", "perez"):
        mc = model_chain(site, model)
        mc.run_model(weather)
        irr = mc.results.total_irrad
        annual.append({
            "transposition": model,
            "poa_global_kwh_m2": irr["poa_global"].sum() / 1000,
            "poa_direct_kwh_m2": irr["poa_direct"].sum() / 1000,
            "poa_sky_diffuse_kwh_m2": irr["poa_sky_diffuse"].sum() / 1000,
            "poa_ground_diffuse_kwh_m2": irr["poa_ground_diffuse"].sum() / 1000,
            "dc_kwh": mc.results.dc.sum() / 1000,
            "ac_kwh": mc.results.ac.sum() / 1000,
        })
        if model == "perez":
            hourly = pd.DataFrame({"hour_of_year": np.arange(len(weather)),
                                   "ac_kw": mc.results.ac.values / 1000,
                                   "poa_global": irr["poa_global"].values.round(2)})
            hourly = hourly[(hourly.ac_kw > 0) | (hourly.poa_global > 0)]
            hourly.to_csv(os.path.join(FIXTURES, "pvlib_hourly_ac.csv"), index=False,
                          float_format="%.4f")
    pd.DataFrame(annual).to_csv(os.path.join(FIXTURES, "pvlib_annual.csv"), index=False, float_format="%.4f")


if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    write_tmy3_subset()
    solar_positions()
    components()
    pv_chain()
    print("pvlib", pvlib.__version__, "reference written to", os.path.normpath(FIXTURES))
