/// The values the plant filters can take, with how many plants have each: what a search form
/// offers in its drop-downs.
public struct PlantFacets: Sendable, Hashable, Codable {
    public struct Value: Sendable, Hashable, Codable {
        public let value: String
        public let count: Int
    }

    public let years: [Value]
    public let states: [Value]
    public let fuelCategories: [Value]
    public let primaryFuels: [Value]
    public let balancingAuthorities: [Value]
    public let subregions: [Value]
    public let nercRegions: [Value]
    /// Nameplate capacity range in MW over plants that have one.
    public let capacityRange: ClosedRange<Double>?

    public init(_ plants: [Plant]) {
        func count(_ key: (Plant) -> String?) -> [Value] {
            var counts: [String: Int] = [:]
            for i in plants.indices { if let k = key(plants[i]), !k.isEmpty { counts[k, default: 0] += 1 } }
            return counts.map { Value(value: $0.key, count: $0.value) }.sorted { $0.value < $1.value }
        }
        years = count { String($0.year) }
        states = count(\.state)
        fuelCategories = count(\.fuelCategory)
        primaryFuels = count(\.primaryFuel)
        balancingAuthorities = count(\.balancingAuthorityCode)
        subregions = count(\.subregion)
        nercRegions = count(\.nercRegion)
        let capacities = plants.compactMap(\.nameplateCapacity)
        capacityRange = capacities.min().map { $0...capacities.max()! }
    }
}
