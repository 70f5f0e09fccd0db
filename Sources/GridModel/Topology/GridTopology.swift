import Foundation

/// A whole energy-community description: one or more grids, each with transformers and the houses
/// connected to them. This is the `powerhouse.grid/v1` JSON document (see `reference/grid/topology-schema.md`).
public struct GridTopology: Sendable, Equatable {
    /// The schema identifier written into and expected from every document.
    public static let schemaID = "powerhouse.grid/v1"

    /// IANA time zone in which load profiles, tariffs and holidays are read (BDEW profiles are wall-clock profiles).
    public var timeZone: String
    /// The grids, in document order (order matters: it fixes the house index used by profile sources).
    public var grids: [Grid]

    public init(timeZone: String = "UTC", grids: [Grid]) {
        self.timeZone = timeZone
        self.grids = grids
    }
}

/// A low-voltage grid: the widest sharing scope.
public struct Grid: Sendable, Equatable {
    public var name: String
    /// Optional site location, used by the PV model (through the Solar seam) and by the synthetic stand-ins.
    public var location: GeoLocation?
    public var transformers: [Transformer]
    /// Houses reference their transformer by name, so a misspelt name is a validation error rather than a silent re-parenting.
    public var houses: [House]

    public init(name: String, location: GeoLocation? = nil, transformers: [Transformer], houses: [House]) {
        self.name = name
        self.location = location
        self.transformers = transformers
        self.houses = houses
    }
}

/// Latitude and longitude in degrees (north and east positive).
public struct GeoLocation: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A distribution transformer (secondary substation). Its `capacityKW` is the limit used for export
/// curtailment and overload reporting.
public struct Transformer: Sendable, Equatable {
    public var name: String
    /// Active-power limit in kW.
    public var capacityKW: Double
    /// Rated apparent power, informative (the active-power limit is `capacityKW`).
    public var kva: Double?
    /// Power factor assumed for the rating, informative.
    public var powerFactor: Double?

    public init(name: String, capacityKW: Double, kva: Double? = nil, powerFactor: Double? = nil) {
        self.name = name
        self.capacityKW = capacityKW
        self.kva = kva
        self.powerFactor = powerFactor
    }
}
