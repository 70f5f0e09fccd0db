/// Top-N lists of plants.
public enum PlantRanking {
    /// A plant with its rank (1-based) and the value it was ranked by.
    public struct Entry: Sendable, Hashable, Codable {
        public let rank: Int
        public let plant: Plant
        public let value: Double
    }

    /// The plants with the largest annual mass of `pollutant` (tons or lb as EPA publishes it).
    public static func topEmitters(
        _ plants: [Plant], pollutant: Pollutant, count: Int, minimumGeneration: Double? = nil
    ) -> [Entry] {
        rank(plants, count: count) { p in
            if let minimumGeneration, (p.netGeneration ?? -.infinity) < minimumGeneration { return nil }
            return p.emissions[pollutant]
        }
    }

    /// The plants with the highest output emission rate (lb/MWh), recomputed from each plant's mass
    /// and net generation. `minimumGeneration` (MWh) keeps tiny plants, whose rates are noise, out.
    public static func highestRates(
        _ plants: [Plant], pollutant: Pollutant, count: Int, minimumGeneration: Double
    ) -> [Entry] {
        rank(plants, count: count) { p in
            guard let gen = p.netGeneration, gen >= minimumGeneration else { return nil }
            return EmissionRate.output(pollutant, mass: p.emissions[pollutant], generation: gen)
        }
    }

    private static func rank(_ plants: [Plant], count: Int, value: (Plant) -> Double?) -> [Entry] {
        let scored = plants.compactMap { p in value(p).map { (p, $0) } }
        let top = scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.plantID < $1.0.plantID }.prefix(max(count, 0))
        return top.enumerated().map { Entry(rank: $0.offset + 1, plant: $0.element.0, value: $0.element.1) }
    }
}
