import ArgumentParser
import Foundation
import Solar

/// `powerhouse pv`: one PV system on a weather file (or synthetic weather), the Solar model's CLI.
struct PVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pv",
        abstract: "Simulate one PV system on a weather file: prints the annual energy, writes the series as CSV.",
        discussion: """
            --weather takes TMY3, EPW or a plain CSV (timestamp, GHI, DNI, DHI, air temperature, wind speed; give the \
            site with --lat, --lon and --tz). Without --weather, Solar's seeded synthetic weather for --lat/--lon is used. \
            The model is pvlib's ModelChain.with_pvwatts: SPA sun position, the chosen transposition, physical IAM, SAPM \
            cell temperature, PVWatts DC with the temperature coefficient, system losses, PVWatts inverter with clipping.

            The CSV has one row per interval (ISO 8601 UTC start): ac_kw, dc_kw, plane-of-array components (W/m²), \
            cell temperature (°C).

            Example: powerhouse pv --weather 723170TYA.CSV --kwp 5 --tilt 30 --azimuth 180 --losses 14 --dc-ac 1.2 \
            --inverter-eff 0.96 --transposition perez --step 15 --out pv.csv
            """)

    @Option(help: "Weather file: TMY3, EPW or plain CSV. Default: synthetic weather (needs --lat and --lon).")
    var weather: String?

    @Option(parsing: .unconditional, help: "Latitude, degrees north (plain CSV and synthetic weather; overrides a TMY3/EPW header).")
    var lat: Double?

    @Option(parsing: .unconditional, help: "Longitude, degrees east.")
    var lon: Double?

    @Option(parsing: .unconditional, help: "Time zone of naive CSV timestamps: an IANA name (Europe/Berlin) or a UTC offset in hours (-5).")
    var tz: String?

    @Option(help: "Elevation in metres (plain CSV and synthetic weather).")
    var elevation: Double?

    @Option(help: "DC nameplate, kWp.")
    var kwp: Double

    @Option(help: "Tilt from horizontal, degrees.")
    var tilt: Double = 30

    @Option(help: "Azimuth clockwise from north, degrees (180 = south).")
    var azimuth: Double = 180

    @Option(help: "System losses, percent (PVWatts default 14).")
    var losses: Double = 14

    @Option(help: "DC/AC ratio: the inverter clips at kWp / ratio.")
    var dcAc: Double = 1.2

    @Option(help: "Inverter nominal efficiency (0–1).")
    var inverterEff: Double = 0.96

    @Option(parsing: .unconditional, help: "Power temperature coefficient per °C.")
    var gamma: Double = -0.0037

    @Option(help: "Ground albedo.")
    var albedo: Double = 0.2

    @Option(help: "Transposition model: isotropic, haydavies or perez.")
    var transposition = "perez"

    @Option(help: "Output step in minutes (coarser weather is spread by clear-sky index). Default: the weather's.")
    var step: Int?

    @Option(help: "Calendar year for typical-year files and synthetic weather.")
    var year = 2023

    @Option(help: "Seed of the synthetic weather.")
    var seed: UInt64 = 1

    @Option(help: "Where to write the series (CSV). Without it only the annual energy is printed.")
    var out: String?

    func validate() throws {
        guard kwp > 0 else { throw ValidationError("--kwp must be positive") }
        guard (0...90).contains(tilt) else { throw ValidationError("--tilt must be within 0…90 degrees") }
        guard (0...360).contains(azimuth) else { throw ValidationError("--azimuth must be within 0…360 degrees (180 = south)") }
        guard (0..<100).contains(losses) else { throw ValidationError("--losses must be within 0…<100 percent") }
        guard dcAc > 0 else { throw ValidationError("--dc-ac must be positive") }
        guard inverterEff > 0, inverterEff <= 1 else { throw ValidationError("--inverter-eff must be in (0, 1]") }
        guard TranspositionModel(rawValue: transposition) != nil else {
            throw ValidationError("--transposition must be one of \(TranspositionModel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let step, step <= 0 { throw ValidationError("--step must be a positive number of minutes") }
    }

    func run() throws {
        let system = PVSystem(
            kWp: kwp, tilt: tilt, azimuth: azimuth, lossesPercent: losses, dcAcRatio: dcAc, inverterEfficiency: inverterEff,
            temperatureCoefficient: gamma, albedo: albedo, transposition: TranspositionModel(rawValue: transposition) ?? .perez)
        let options = PVRunOptions(
            weatherFile: weather.map { URL(fileURLWithPath: $0) }, latitude: lat, longitude: lon, elevation: elevation,
            timeZone: tz, system: system, stepMinutes: step, year: year, seed: seed)
        do {
            let output = try PVRun.run(options)
            print(output.summary)
            if let out {
                try output.result.writeCSV(to: URL(fileURLWithPath: out))
                print("wrote \(out) (\(output.result.timestamps.count) rows)")
            }
        } catch {
            printError("powerhouse pv: \(error)")
            throw ExitCode.failure
        }
    }
}
