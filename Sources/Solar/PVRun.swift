import Foundation

/// The options of `powerhouse pv`: a weather source, a system and the output step.
public struct PVRunOptions: Sendable, Hashable, Codable {
    /// TMY3, EPW or plain CSV weather; nil runs on synthetic weather (`seed`).
    public var weatherFile: URL?
    /// Latitude in degrees north: required for plain CSV and synthetic weather; overrides a TMY3/EPW header.
    public var latitude: Double?
    /// Longitude in degrees east (see `latitude`).
    public var longitude: Double?
    /// Elevation in metres (CSV and synthetic weather).
    public var elevation: Double?
    /// Standard-time UTC offset in hours; defaults to round(longitude / 15) when neither this nor
    /// `timeZone` is given.
    public var utcOffsetHours: Double?
    /// An IANA zone name ("Europe/Vienna"), used for naive CSV timestamps and the standard offset;
    /// a number here ("-5") is read as `utcOffsetHours`, so a CLI can pass `--tz` through as is.
    public var timeZone: String?
    /// The system to simulate (kWp, tilt, azimuth, losses, DC/AC ratio, inverter efficiency, γ,
    /// albedo, transposition model).
    public var system: PVSystem
    /// Output step in minutes; coarser input is spread by clear-sky index. Nil keeps the input step.
    public var stepMinutes: Int?
    /// Calendar year for typical-year files and synthetic weather.
    public var year: Int
    /// Seed of the synthetic weather.
    public var seed: UInt64

    public init(weatherFile: URL? = nil, latitude: Double? = nil, longitude: Double? = nil, elevation: Double? = nil,
                utcOffsetHours: Double? = nil, timeZone: String? = nil, system: PVSystem, stepMinutes: Int? = nil,
                year: Int = 2023, seed: UInt64 = 1) {
        self.weatherFile = weatherFile
        self.latitude = latitude
        self.longitude = longitude
        self.elevation = elevation
        self.utcOffsetHours = utcOffsetHours
        self.timeZone = timeZone
        self.system = system
        self.stepMinutes = stepMinutes
        self.year = year
        self.seed = seed
    }
}

/// What `PVRun.run` produces: the weather used, the system, the series and its total.
public struct PVRunOutput: Sendable {
    /// The weather actually simulated (after resampling).
    public var weather: Weather
    /// The simulated system.
    public var system: PVSystem
    /// The series with diagnostics.
    public var result: PVResult
    /// Total AC energy over the series in kWh (annual for a year of weather).
    public var annualACKWh: Double { result.acEnergyKWh }

    /// One line for a terminal, e.g.
    /// `annual AC energy 6963.7 kWh (1392.7 kWh/kWp) from 35040 × 15 min, 723170TYA.CSV (TMY3, …)`.
    public var summary: String {
        let perKWp = system.kWp > 0 ? annualACKWh / system.kWp : 0
        let rounded = { (x: Double) in String((x * 10).rounded() / 10) }
        return "annual AC energy \(rounded(annualACKWh)) kWh (\(rounded(perKWp)) kWh/kWp) from "
            + "\(weather.count) × \(weather.intervalSeconds / 60) min, \(weather.source)"
    }
}

/// The whole `powerhouse pv` command as one call.
public enum PVRun {
    /// Loads (or synthesises) the weather, resamples it if asked, and simulates the system.
    public static func run(_ options: PVRunOptions) throws -> PVRunOutput {
        var weather = try loadWeather(options)
        if let minutes = options.stepMinutes, minutes * 60 != weather.intervalSeconds {
            guard minutes > 0, weather.intervalSeconds % (minutes * 60) == 0 else {
                throw WeatherError("--step \(minutes) min does not divide the weather's \(weather.intervalSeconds / 60)-minute interval")
            }
            weather = weather.resampled(toIntervalSeconds: minutes * 60)
        }
        let system = options.system
        return PVRunOutput(weather: weather, system: system, result: PVSimulator(weather: weather).simulate(system))
    }

    /// Reads the weather file, recognising TMY3 (a "Date (MM/DD/YYYY)" second line), EPW (a
    /// "LOCATION" first line) or otherwise plain CSV.
    public static func loadWeather(_ options: PVRunOptions) throws -> Weather {
        guard let url = options.weatherFile else {
            guard let site = try site(options) else {
                throw WeatherError("without a weather file, give the site: --lat and --lon")
            }
            return .synthetic(location: site, year: options.year, intervalSeconds: (options.stepMinutes ?? 15) * 60,
                              model: SyntheticWeatherModel(seed: options.seed))
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw WeatherError("cannot read \(url.path): \(error.localizedDescription)")
        }
        var weather: Weather
        let head = text.prefix(4096)
        if head.hasPrefix("LOCATION") {
            weather = try .epw(text: text, year: options.year, source: url.lastPathComponent)
        } else if head.split(whereSeparator: \.isNewline).dropFirst().first?.hasPrefix("Date (MM/DD/YYYY)") == true {
            weather = try .tmy3(text: text, year: options.year, source: url.lastPathComponent)
        } else {
            guard let site = try site(options) else {
                throw WeatherError("\(url.lastPathComponent) is a plain CSV: give the site with --lat and --lon (and --tz)")
            }
            return try .csv(text: text, location: site, source: url.lastPathComponent)
        }
        if let latitude = options.latitude { weather.location.latitude = latitude }
        if let longitude = options.longitude { weather.location.longitude = longitude }
        if let elevation = options.elevation { weather.location.elevation = elevation }
        return weather
    }

    private static func site(_ options: PVRunOptions) throws -> Location? {
        guard let latitude = options.latitude, let longitude = options.longitude else { return nil }
        var offset = options.utcOffsetHours ?? (longitude / 15).rounded()
        if let text = options.timeZone, let hours = Double(text) {
            return Location(latitude: latitude, longitude: longitude, elevation: options.elevation ?? 0,
                            utcOffsetHours: hours)
        }
        if let name = options.timeZone {
            guard let zone = TimeZone(identifier: name) else { throw WeatherError("unknown time zone \"\(name)\"") }
            // Standard time: the smaller of the January and July offsets.
            let january = Date(timeIntervalSince1970: Double(CivilTime.daysFromCivil(year: options.year, month: 1, day: 15)) * 86_400)
            let july = Date(timeIntervalSince1970: Double(CivilTime.daysFromCivil(year: options.year, month: 7, day: 15)) * 86_400)
            offset = options.utcOffsetHours ?? Double(min(zone.secondsFromGMT(for: january), zone.secondsFromGMT(for: july))) / 3600
        }
        return Location(latitude: latitude, longitude: longitude, elevation: options.elevation ?? 0,
                        utcOffsetHours: offset, timeZoneIdentifier: options.timeZone)
    }
}
