// solar-bench: times the Swift PV chain on the same 15-minute weather that bench/solar/run.sh
// feeds to pvlib's ModelChain.
//
//   solar-bench export-weather TMY3 OUT.csv     hourly TMY3 → 15-minute CSV (clear-sky index spreading)
//   solar-bench run WEATHER.csv AC_OUT.csv [N]  times N runs of one system, then the 1,000-system paths
import Foundation
import Solar

/// The system of the comparison (reference/solar/make_pvlib_reference.py uses the same).
let system = PVSystem(kWp: 5, tilt: 30, azimuth: 180, lossesPercent: 14, dcAcRatio: 1.2, inverterEfficiency: 0.96,
                      temperatureCoefficient: -0.0037, albedo: 0.2, transposition: .perez,
                      cellTemperature: .sapm(.openRackGlassPolymer))

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func exportWeather(tmy3: String, out: String) throws {
    let fine = try Weather.tmy3(contentsOf: URL(fileURLWithPath: tmy3), year: 2023).resampled(toIntervalSeconds: 900)
    var text = "unix_ms,ghi,dni,dhi,temp_air,wind_speed\n"
    for i in 0..<fine.count {
        text += "\(fine.timestamps[i]),\(fine.ghi[i]),\(fine.dni[i]),\(fine.dhi[i]),\(fine.tempAir[i]),\(fine.windSpeed[i])\n"
    }
    try text.write(toFile: out, atomically: true, encoding: .utf8)
    let l = fine.location
    print("{\"latitude\": \(l.latitude), \"longitude\": \(l.longitude), \"elevation\": \(l.elevation), \"tz\": \(l.utcOffsetHours)}")
}

func run(weatherPath: String, acOut: String, repeats: Int) throws {
    // The exported CSV has no site; take it from the sidecar written next to it.
    let site = try JSONDecoder().decode(SiteFile.self, from: Data(contentsOf: URL(fileURLWithPath: weatherPath + ".site.json")))
    let weather = try Weather.csv(contentsOf: URL(fileURLWithPath: weatherPath),
                                  location: Location(latitude: site.latitude, longitude: site.longitude,
                                                     elevation: site.elevation, utcOffsetHours: site.tz),
                                  intervalSeconds: 900)
    // One system: site preparation (solar position, sky coefficients) + the full chain with diagnostics,
    // the same work as ModelChain.run_model.
    var result: PVResult?
    var times: [Double] = []
    for _ in 0..<repeats {
        times.append(seconds { result = PVSimulator(weather: weather).simulate(system) })
    }
    guard let result else { return }
    var text = "unix_ms,ac_kw\n"
    for i in 0..<result.acPower.count { text += "\(result.timestamps[i]),\(result.acPower[i])\n" }
    try text.write(toFile: acOut, atomically: true, encoding: .utf8)

    // 1,000 systems at the same site: every one a different orientation (worst case), and
    // 1,000 houses on 12 roof orientations with different sizes (the usual community).
    var random = SeededRandom(seed: 2024)
    let distinct = (0..<1000).map { _ in
        PVSystem(kWp: 3 + 7 * random.uniform(), tilt: 10 + 40 * random.uniform(), azimuth: 90 + 180 * random.uniform())
    }
    let orientations = [(15.0, 180.0), (30, 180), (45, 180), (30, 135), (30, 225), (30, 90), (30, 270), (20, 160),
                        (20, 200), (35, 110), (35, 250), (10, 180)]
    let houses = (0..<1000).map { i in
        PVSystem(kWp: 3 + Double(i % 8), tilt: orientations[i % 12].0, azimuth: orientations[i % 12].1)
    }
    var distinctTimes: [Double] = [], housesTimes: [Double] = []
    var check = 0.0
    for _ in 0..<3 {
        distinctTimes.append(seconds {
            let fleet = PVSimulator(weather: weather).fleet(distinct)
            check += fleet.acEnergyKWh(system: 999)
        })
        housesTimes.append(seconds {
            let fleet = PVSimulator(weather: weather).fleet(houses)
            check += fleet.acEnergyKWh(system: 999)
        })
    }
    let steps = weather.count
    print("""
    {"swift_one_system_s": \(median(times)), "runs": \(repeats), "steps": \(steps), \
    "annual_ac_kwh": \(result.acEnergyKWh), "fleet_1000_distinct_s": \(median(distinctTimes)), \
    "fleet_1000_houses_12_orientations_s": \(median(housesTimes)), "check": \(check)}
    """)
}

struct SiteFile: Decodable { let latitude, longitude, elevation, tz: Double }

let args = CommandLine.arguments
do {
    switch args.dropFirst().first {
    case "export-weather" where args.count == 4: try exportWeather(tmy3: args[2], out: args[3])
    case "run" where args.count >= 4: try run(weatherPath: args[2], acOut: args[3], repeats: args.count > 4 ? Int(args[4]) ?? 7 : 7)
    default:
        print("usage: solar-bench export-weather TMY3 OUT.csv | solar-bench run WEATHER.csv AC_OUT.csv [RUNS]")
        exit(2)
    }
} catch {
    print("solar-bench: \(error)")
    exit(1)
}
