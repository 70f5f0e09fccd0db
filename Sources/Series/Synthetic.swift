import Foundation

/// Deterministic demo and test data: the same seed gives the same values on every machine (own PRNG and own
/// elementary functions, no Foundation randomness or libm). Values are rounded to meter resolution, as real
/// meters report them. Local clock time is UTC plus a fixed `utcOffsetHours` (no DST) to stay deterministic.
public enum Synthetic {
    /// The kinds of series the generator can make.
    public enum Profile: String, Sendable, Codable, CaseIterable, Hashable {
        case householdLoad = "household_load"
        case pv
        case temperature
        case vibration

        public var unit: String {
            switch self {
            case .householdLoad, .pv: "kW"
            case .temperature: "°C"
            case .vibration: "mm/s"
            }
        }

        public var kind: QuantityKind {
            switch self {
            case .householdLoad, .pv: .power
            case .temperature: .temperature
            case .vibration: .other
            }
        }

        /// Meter resolution the values are rounded to.
        public var resolution: Double {
            switch self {
            case .householdLoad, .pv: 0.001
            case .temperature: 0.1
            case .vibration: 0.01
            }
        }
    }

    /// A complete synthetic series with metadata (source `synthetic`), using each generator's defaults.
    public static func series(
        _ profile: Profile, id: String, from: Int64, to: Int64, stepMillis: Int64 = 900_000, seed: UInt64
    ) -> TimeSeries {
        let data: SeriesData = switch profile {
        case .householdLoad: householdLoad(from: from, to: to, stepMillis: stepMillis, seed: seed)
        case .pv: pv(from: from, to: to, stepMillis: stepMillis, seed: seed)
        case .temperature: temperature(from: from, to: to, stepMillis: stepMillis, seed: seed)
        case .vibration: vibration(from: from, to: to, stepMillis: stepMillis, seed: seed)
        }
        let metadata = SeriesMetadata(
            id: id, name: profile.rawValue, unit: profile.unit, kind: profile.kind, source: .synthetic,
            tags: ["seed": String(seed)], regularity: .fixed(stepMillis: stepMillis))
        return TimeSeries(metadata: metadata, data: data)
    }

    static func round(_ v: Double, to resolution: Double) -> Double {
        let scale = (1 / resolution).rounded()
        return (v * scale).rounded() / scale
    }

    /// Timestamps `from, from + step, … < to`.
    static func axis(_ from: Int64, _ to: Int64, _ step: Int64) -> [Int64] {
        precondition(step > 0, "step must be positive")
        return Array(stride(from: from, to: to, by: Int(step)))
    }

    /// Local hour of day (0..<24) and day of year (0..<366, fractional) of an instant.
    static func clock(_ t: Int64, offsetHours: Double) -> (hour: Double, dayOfYear: Double, weekday: Int64) {
        let local = Double(t) / 3_600_000 + offsetHours
        let dayNumber = Int64((local / 24).rounded(.down))
        let (year, _, _) = CivilDate.date(days: dayNumber)
        let jan1 = CivilDate.days(year: year, month: 1, day: 1)
        let hour = local - Double(dayNumber) * 24
        return (hour, Double(dayNumber - jan1) + hour / 24, CivilDate.weekday(days: dayNumber))
    }

    static func bump(_ x: Double, center: Double, width: Double) -> Double {
        let z = (x - center) / width
        return DeterministicMath.exp(-0.5 * z * z)
    }
}
