import Foundation

/// A search over the typed plants of a dataset: filters, sort and page. Pure and in memory — a
/// year of eGRID is about 12,000 plants, which a linear scan handles in well under a millisecond per filter.
public struct PlantQuery: Sendable, Hashable, Codable {
    /// Fields plants can be sorted by.
    public enum SortField: String, Sendable, Codable, CaseIterable {
        case name, plantID, state, capacity, netGeneration, capacityFactor, co2, co2Rate
    }

    /// Empty sets mean "any".
    public var years: Set<Int> = []
    public var states: Set<String> = []
    /// `PLFUELCT` values (COAL, GAS, …), compared case-insensitively.
    public var fuelCategories: Set<String> = []
    /// `PLPRMFL` values (NG, SUB, WND, …).
    public var primaryFuels: Set<String> = []
    public var balancingAuthorities: Set<String> = []
    public var subregions: Set<String> = []
    public var nercRegions: Set<String> = []
    /// Nameplate capacity range in MW, inclusive; plants without capacity fail a range filter.
    public var minimumCapacity: Double?
    public var maximumCapacity: Double?
    /// Substring of the operator name, case- and accent-insensitive.
    public var operatorName: String?
    /// Substring of the plant name, case- and accent-insensitive (`cafe` finds `Café`).
    public var text: String?
    public var sort: SortField = .name
    public var descending = false
    public var offset = 0
    public var limit = 50

    public init() {}

    /// Does `plant` pass every filter?
    public func matches(_ plant: Plant) -> Bool {
        if !years.isEmpty && !years.contains(plant.year) { return false }
        if !states.isEmpty && !states.contains(plant.state) { return false }
        if !fuelCategories.isEmpty && !fuelCategories.contains(where: { $0.uppercased() == plant.fuelCategory }) { return false }
        if !primaryFuels.isEmpty && !primaryFuels.contains(plant.primaryFuel ?? "") { return false }
        if !balancingAuthorities.isEmpty && !balancingAuthorities.contains(plant.balancingAuthorityCode ?? "") { return false }
        if !subregions.isEmpty && !subregions.contains(plant.subregion ?? "") { return false }
        if !nercRegions.isEmpty && !nercRegions.contains(plant.nercRegion ?? "") { return false }
        if minimumCapacity != nil || maximumCapacity != nil {
            guard let c = plant.nameplateCapacity else { return false }
            if let lo = minimumCapacity, c < lo { return false }
            if let hi = maximumCapacity, c > hi { return false }
        }
        if let needle = operatorName, !needle.isEmpty, !Self.contains(plant.operatorName ?? "", needle) { return false }
        if let needle = text, !needle.isEmpty, !Self.contains(plant.name, needle) { return false }
        return true
    }

    /// Filters, sorts (missing values last in either direction, ties by ORISPL) and pages.
    public func run(on plants: [Plant]) -> PlantPage {
        let hits = plants.filter(matches)
        let key = sortKey
        let sorted = hits.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka != kb {
                switch (ka, kb) {
                case (nil, _): return false
                case (_, nil): return true
                case let (x?, y?): return descending ? y < x : x < y
                }
            }
            return (a.plantID, a.year) < (b.plantID, b.year)
        }
        let start = min(max(offset, 0), sorted.count)
        let end = min(start + max(limit, 0), sorted.count)
        return PlantPage(items: Array(sorted[start..<end]), total: sorted.count, offset: start, limit: limit,
                         nextOffset: end < sorted.count ? end : nil)
    }

    private var sortKey: (Plant) -> SortKey? {
        switch sort {
        case .name: { .text($0.name.lowercased()) }
        case .plantID: { .number(Double($0.plantID)) }
        case .state: { .text($0.state) }
        case .capacity: { $0.nameplateCapacity.map(SortKey.number) }
        case .netGeneration: { $0.netGeneration.map(SortKey.number) }
        case .capacityFactor: { $0.capacityFactor.map(SortKey.number) }
        case .co2: { $0.emissions.co2.map(SortKey.number) }
        case .co2Rate: { EmissionRate.output(.co2, mass: $0.emissions.co2, generation: $0.netGeneration).map(SortKey.number) }
        }
    }

    private enum SortKey: Comparable { case number(Double), text(String) }

    private static func contains(_ haystack: String, _ needle: String) -> Bool {
        haystack.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}

/// One page of a plant search.
public struct PlantPage: Sendable, Hashable, Codable {
    public let items: [Plant]
    /// Plants matching the filters, over all pages.
    public let total: Int
    public let offset: Int
    public let limit: Int
    /// Offset of the next page, `nil` on the last one.
    public let nextOffset: Int?
}
