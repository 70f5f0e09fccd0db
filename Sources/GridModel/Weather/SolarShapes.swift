import Foundation
import Solar

/// The Solar glue: PV shapes (AC kW per kWp of a whole system) and outdoor temperatures on a run's exact steps,
/// from a weather file or Solar's seeded synthetic weather.
///
/// - **Site.** A TMY3 or EPW file brings its station; a plain CSV file and the synthetic weather use the grid's
///   `location` (synthetic weather without one: 51° N, 10° E, the stand-in's default), with the topology's
///   standard-time offset.
/// - **Alignment.** The weather is brought to the run's step — coarser data is spread by clear-sky index
///   (`Weather.resampled`), finer data averaged — and looked up at each step's start instant. Typical years (TMY3,
///   EPW, synthetic) are read for every calendar year the period touches; steps the weather's local year does not
///   cover (the first or last hours when the topology's zone differs from the station's) and a leap day missing
///   from a typical year take the same time one year (or one day) earlier or later. A plain CSV is dated: its
///   steps must cover the period (the same wrap is allowed and noted).
/// - **PV.** Each distinct `PVShapeSource.ShapeKey` is one Solar `PVSystem` at 1 kWp (tilt, azimuth, losses,
///   DC/AC ratio, temperature coefficient; inverter efficiency 0.96, albedo 0.2, Perez, SAPM open rack — Solar's
///   defaults) run by one `PVSimulator` per site, whose sun positions are computed once.
public struct SolarShapes: Sendable {
    public let period: SimulationPeriod
    /// Outdoor air temperature (°C) per step, of the first grid's site: the heat pumps' input.
    public let temperatures: [Double]
    /// What was used, for a run's notes.
    public let notes: [String]
    let simulators: [GeoLocation?: PVSimulator]
    let fileSimulator: PVSimulator?

    /// Latitude/longitude used for synthetic weather when a grid has no location.
    public static let defaultLocation = GeoLocation(latitude: 51, longitude: 10)

    public init(weather: RunWeather, topology: GridTopology, period: SimulationPeriod) throws {
        self.period = period
        let zone = topology.timeZone
        let stepSeconds = period.stepMinutes * 60
        let locations = topology.grids.map(\.location)
        switch weather {
        case .file(let text, let name):
            let site = locations.compactMap { $0 }.first.map { Self.site($0, zone: zone, period: period) }
            let typical = RunWeather.format(of: text) != "csv"
            var read: [Int: Weather] = [:]
            let (aligned, wrapped) = try Self.aligned(period: period, typicalYear: typical, name: name) { year in
                if let known = read[typical ? year : 0] { return known }
                let w = try Self.fit(RunWeather.read(text: text, name: name, year: year, site: site), stepSeconds: stepSeconds, anchor: period)
                read[typical ? year : 0] = w
                return w
            }
            let simulator = PVSimulator(weather: aligned)
            fileSimulator = simulator
            simulators = [:]
            temperatures = aligned.tempAir
            var notes = ["weather: \(name) (\(RunWeather.format(of: text).uppercased()), \(Self.describe(aligned.location))); PV by the Solar model"]
            if !typical, wrapped > 0 {
                notes.append("weather: \(wrapped) step(s) outside the dates of \(name) use the same time of another year")
            }
            self.notes = notes
        case .synthetic(let seed):
            var simulators: [GeoLocation?: PVSimulator] = [:]
            for location in locations where simulators[location] == nil {
                let site = Self.site(location ?? Self.defaultLocation, zone: zone, period: period)
                let (aligned, _) = try Self.aligned(period: period, typicalYear: true, name: "synthetic weather") { year in
                    .synthetic(location: site, year: year, intervalSeconds: stepSeconds, model: SyntheticWeatherModel(seed: seed))
                }
                simulators[location] = PVSimulator(weather: aligned)
            }
            self.simulators = simulators
            fileSimulator = nil
            temperatures = simulators[locations.first ?? nil]?.weather.tempAir ?? Array(repeating: 10, count: period.stepCount)
            notes = ["weather: synthetic (seed \(seed), clear sky × Markov/AR(1) clearness index); PV by the Solar model"]
        }
    }

    /// AC kW per kWp of the system described by `key`, one value per step.
    public func shape(_ key: PVShapeSource.ShapeKey) -> [Double] {
        guard let simulator = fileSimulator ?? simulators[key.location] ?? simulators.values.first else {
            return Array(repeating: 0, count: period.stepCount)
        }
        return simulator.acPower(Self.system(for: key))
    }

    /// The Solar system (at 1 kWp) that a shape key stands for.
    public static func system(for key: PVShapeSource.ShapeKey) -> PVSystem {
        PVSystem(
            kWp: 1, tilt: key.tiltDegrees, azimuth: key.azimuthDegrees, lossesPercent: key.lossesPercent,
            dcAcRatio: key.dcAcRatio > 0 ? key.dcAcRatio : 1, temperatureCoefficient: key.temperatureCoefficient)
    }

    /// A Solar site at `location` in the topology's zone (standard-time offset: the smaller of January's and July's).
    static func site(_ location: GeoLocation, zone: String, period: SimulationPeriod) -> Location {
        let tz = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let january = LocalDate(epochDay: Int(period.start.timeIntervalSince1970 / 86400)).year
        let offsets = [1, 7].map { month in
            tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(LocalDate(year: january, month: month, day: 15).epochDay) * 86400))
        }
        return Location(
            latitude: location.latitude, longitude: location.longitude, utcOffsetHours: Double(offsets.min() ?? 0) / 3600,
            timeZoneIdentifier: zone)
    }

    static func describe(_ location: Location) -> String {
        let name = location.name.trimmingCharacters(in: .whitespaces)
        let place = String(format: "%.3f°, %.3f°", location.latitude, location.longitude)
        return name.isEmpty ? place : "\(name), \(place)"
    }

    /// Brings weather to the run's step: coarser data spread by clear-sky index, finer data averaged into the
    /// steps of `anchor`'s grid.
    static func fit(_ weather: Weather, stepSeconds: Int, anchor: SimulationPeriod) throws -> Weather {
        let interval = weather.intervalSeconds
        if interval == stepSeconds { return weather }
        if interval > stepSeconds, interval % stepSeconds == 0 { return weather.resampled(toIntervalSeconds: stepSeconds) }
        guard interval > 0, interval < stepSeconds, stepSeconds % interval == 0 else {
            throw WeatherError("the weather's \(interval / 60)-minute interval does not fit the run's \(stepSeconds / 60)-minute step")
        }
        let stepMs = Int64(stepSeconds) * 1000
        let origin = Int64((anchor.start.timeIntervalSince1970 * 1000).rounded())
        var times: [Int64] = []
        var sums: [[Double]] = Array(repeating: [], count: 5)
        var counts: [Double] = []
        for i in 0..<weather.count {
            let t = weather.timestamps[i]
            let start = t - (((t - origin) % stepMs) + stepMs) % stepMs
            if times.last != start {
                times.append(start)
                for k in 0..<5 { sums[k].append(0) }
                counts.append(0)
            }
            let values = [weather.ghi[i], weather.dni[i], weather.dhi[i], weather.tempAir[i], weather.windSpeed[i]]
            for k in 0..<5 { sums[k][sums[k].count - 1] += values[k] }
            counts[counts.count - 1] += 1
        }
        let mean = sums.map { column in zip(column, counts).map { $0 / $1 } }
        return Weather(
            location: weather.location, timestamps: times, intervalSeconds: stepSeconds, ghi: mean[0], dni: mean[1], dhi: mean[2],
            tempAir: mean[3], windSpeed: mean[4], source: "\(weather.source), averaged to \(stepSeconds / 60) min")
    }

    /// The weather value of every step of `period`, looked up by the step's start instant. `load(year)` gives the
    /// weather (already at the step) of a calendar year; dated (non-typical) weather is loaded once.
    /// Returns the aligned weather and how many steps had to take another year's (or day's) value.
    static func aligned(
        period: SimulationPeriod, typicalYear: Bool, name: String, load: (Int) throws -> Weather
    ) throws -> (Weather, wrapped: Int) {
        let stepMs = Int64(period.stepMinutes) * 60_000
        let startMs = Int64((period.start.timeIntervalSince1970 * 1000).rounded())
        let firstYear = LocalDate(epochDay: Int((Double(startMs) / 86_400_000).rounded(.down))).year
        let lastYear = LocalDate(epochDay: Int((Double(startMs + Int64(period.stepCount - 1) * stepMs) / 86_400_000).rounded(.down))).year
        let parts = try (typicalYear ? Array(firstYear...lastYear) : [firstYear]).map(load)
        guard let first = parts.first, first.count > 0 else { throw WeatherError("\(name) has no data") }

        var index: [Int64: (part: Int, row: Int)] = [:]
        index.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for (p, part) in parts.enumerated() {
            for (r, t) in part.timestamps.enumerated() { index[t] = (p, r) }
        }
        // Weather labelled off the steps' grid (e.g. at half past) is matched to the nearest interval.
        var delta = ((first.timestamps[0] - startMs) % stepMs + stepMs) % stepMs
        if delta * 2 > stepMs { delta -= stepMs }
        let day: Int64 = 86_400_000
        let shifts: [Int64] = [0, -365 * day, 365 * day, -366 * day, 366 * day, -day, day, -366 * day - day, 365 * day + day]

        var columns: [[Double]] = Array(repeating: [], count: 5)
        for k in 0..<5 { columns[k].reserveCapacity(period.stepCount) }
        var wrapped = 0
        var missing: [Int] = []
        for i in 0..<period.stepCount {
            let t = startMs + Int64(i) * stepMs + delta
            guard let shift = shifts.first(where: { index[t + $0] != nil }), let hit = index[t + shift] else {
                missing.append(i)
                for k in 0..<5 { columns[k].append(0) }
                continue
            }
            if shift != 0 { wrapped += 1 }
            let (w, r) = (parts[hit.part], hit.row)
            columns[0].append(w.ghi[r])
            columns[1].append(w.dni[r])
            columns[2].append(w.dhi[r])
            columns[3].append(w.tempAir[r])
            columns[4].append(w.windSpeed[r])
        }
        if let firstMissing = missing.first {
            let at = ISO8601DateFormatter().string(from: period.date(ofStep: firstMissing))
            let covered = parts.map { "\(iso($0.timestamps.first))…\(iso($0.timestamps.last))" }.joined(separator: ", ")
            throw WeatherError(
                "\(name) has no value for the step at \(at)\(missing.count > 1 ? " and \(missing.count - 1) other step(s)" : ""); it covers \(covered)")
        }
        let timestamps = (0..<period.stepCount).map { startMs + Int64($0) * stepMs }
        let weather = Weather(
            location: first.location, timestamps: timestamps, intervalSeconds: period.stepMinutes * 60, ghi: columns[0], dni: columns[1],
            dhi: columns[2], tempAir: columns[3], windSpeed: columns[4], source: first.source)
        return (weather, wrapped)
    }

    private static func iso(_ ms: Int64?) -> String {
        guard let ms else { return "—" }
        return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}

/// `SimulateCommand.run` with PV and heat-pump temperatures from Solar: what `powerhouse simulate` and the server's
/// `simulation.run` job call.
public enum SolarRun {
    public static func run(
        _ request: SimulateRequest, weather: RunWeather, progress: ((Double) -> Bool)? = nil,
        sink: ((HouseStepBlock) throws -> Void)? = nil
    ) throws -> SimulateOutcome {
        var request = request
        let topology = try request.topology.validated()
        let period = try SimulationPeriod(from: request.from, to: request.to, timeZoneID: topology.timeZone, stepMinutes: request.stepMinutes)
        let shapes = try SolarShapes(weather: weather, topology: topology, period: period)
        request.temperatures = shapes.temperatures
        request.pvShape = { key, _ in shapes.shape(key) }
        request.pvShapeOutput = .acPerKWp
        var outcome = try SimulateCommand.run(request, progress: progress, sink: sink)
        outcome.notes = shapes.notes + outcome.notes
        return outcome
    }
}
