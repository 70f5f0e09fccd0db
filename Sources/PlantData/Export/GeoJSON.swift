import Foundation

/// Plants as a GeoJSON FeatureCollection (RFC 7946): one Point `[longitude, latitude]` per plant
/// with coordinates; plants without coordinates are left out (`skipped` counts them).
public enum PlantGeoJSON {
    public struct Properties: Sendable, Codable, Hashable {
        public let id: String
        public let orispl: Int
        public let year: Int
        public let name: String
        public let state: String
        public let fuelCategory: String?
        public let primaryFuel: String?
        public let capacityMW: Double?
        public let netGenerationMWh: Double?
        public let co2Tons: Double?
        public let co2RateLbPerMWh: Double?
        public let balancingAuthority: String?
        public let subregion: String?
        public let nercRegion: String?
    }

    struct Geometry: Codable { var type = "Point"; let coordinates: [Double] }
    struct Feature: Codable { var type = "Feature"; let id: String; let geometry: Geometry; let properties: Properties }
    struct Collection: Codable { var type = "FeatureCollection"; let features: [Feature] }

    /// The encoded collection (sorted keys, so output is stable) and how many plants had no coordinates.
    public static func encode(_ plants: [Plant]) throws -> (data: Data, skipped: Int) {
        var features: [Feature] = []
        var skipped = 0
        for p in plants {
            guard let lat = p.latitude, let lon = p.longitude else { skipped += 1; continue }
            let props = Properties(
                id: p.id, orispl: p.plantID, year: p.year, name: p.name, state: p.state, fuelCategory: p.fuelCategory,
                primaryFuel: p.primaryFuel, capacityMW: p.nameplateCapacity, netGenerationMWh: p.netGeneration,
                co2Tons: p.emissions.co2, co2RateLbPerMWh: EmissionRate.output(.co2, mass: p.emissions.co2, generation: p.netGeneration),
                balancingAuthority: p.balancingAuthorityCode, subregion: p.subregion, nercRegion: p.nercRegion)
            features.append(Feature(id: p.id, geometry: Geometry(coordinates: [lon, lat]), properties: props))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try encoder.encode(Collection(features: features)), skipped)
    }
}
