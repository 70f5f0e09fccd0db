import Foundation

// Every timestamp in Series is an `Int64` of milliseconds since the Unix epoch, UTC.

/// What physical quantity a series measures; decides how it may be aggregated and converted.
public enum QuantityKind: String, Sendable, Codable, CaseIterable, Hashable {
    case power, energy, temperature, irradiance, count, other
}

/// Where the data of a series came from.
public enum SeriesSource: String, Sendable, Codable, CaseIterable, Hashable {
    case upload, simulation, telemetry, synthetic
}

/// Descriptive fields of one series. The data itself lives in ``SeriesData``.
public struct SeriesMetadata: Sendable, Codable, Hashable {
    /// Stable identifier chosen by the owner (the server uses its database id).
    public var id: String
    public var name: String
    /// Unit as written by the source: `kW`, `kWh`, `°C`, `W/m²`, `mm/s`, …
    public var unit: String
    public var kind: QuantityKind
    public var source: SeriesSource
    /// Free key/value labels such as `site: north`, `meter: 4711`.
    public var tags: [String: String]
    public var regularity: Regularity
    /// IANA name of the zone the data was recorded in (`Europe/Berlin`); timestamps themselves are always UTC.
    public var timeZone: String

    public init(
        id: String, name: String, unit: String, kind: QuantityKind, source: SeriesSource,
        tags: [String: String] = [:], regularity: Regularity = .irregular, timeZone: String = "UTC"
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.kind = kind
        self.source = source
        self.tags = tags
        self.regularity = regularity
        self.timeZone = timeZone
    }
}

/// A series' metadata together with its points.
public struct TimeSeries: Sendable, Equatable {
    public var metadata: SeriesMetadata
    public var data: SeriesData

    public init(metadata: SeriesMetadata, data: SeriesData) {
        self.metadata = metadata
        self.data = data
    }
}
