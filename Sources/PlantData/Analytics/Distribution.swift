/// Histogram and quantiles of a set of values (capacity factors, emission rates).
public struct Distribution: Sendable, Hashable, Codable {
    public struct Bin: Sendable, Hashable, Codable {
        /// `[lower, upper)`; the last bin includes its upper edge.
        public let lower: Double
        public let upper: Double
        public let count: Int
    }

    public struct Quantile: Sendable, Hashable, Codable {
        /// Probability in 0…1.
        public let probability: Double
        public let value: Double
    }

    /// Values counted (present and finite).
    public let count: Int
    /// Values that were missing.
    public let missing: Int
    public let minimum: Double?
    public let maximum: Double?
    public let mean: Double?
    /// Linear interpolation between order statistics (R type 7, NumPy's default).
    public let quantiles: [Quantile]
    public let bins: [Bin]
    /// Values outside an explicit histogram range.
    public let belowRange: Int
    public let aboveRange: Int

    /// - Parameters:
    ///   - binCount: number of equal-width bins.
    ///   - range: histogram range; by default the values' minimum…maximum.
    public init(
        _ values: [Double?], binCount: Int = 20, range: ClosedRange<Double>? = nil,
        probabilities: [Double] = [0.05, 0.25, 0.5, 0.75, 0.95]
    ) {
        let present = values.compactMap { $0 }.filter(\.isFinite).sorted()
        count = present.count
        missing = values.count - present.count
        minimum = present.first
        maximum = present.last
        mean = present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
        quantiles = present.isEmpty ? [] : probabilities.map { Quantile(probability: $0, value: Self.quantile(present, $0)) }
        guard let lo = range?.lowerBound ?? present.first, let hi = range?.upperBound ?? present.last, binCount > 0 else {
            bins = []; belowRange = 0; aboveRange = 0
            return
        }
        let width = hi > lo ? (hi - lo) / Double(binCount) : 1
        var counts = [Int](repeating: 0, count: binCount)
        var below = 0, above = 0
        for v in present {
            if v < lo { below += 1; continue }
            if v > hi { above += 1; continue }
            counts[min(binCount - 1, Int((v - lo) / width))] += 1
        }
        bins = (0..<binCount).map { Bin(lower: lo + Double($0) * width, upper: $0 == binCount - 1 ? max(hi, lo + width) : lo + Double($0 + 1) * width, count: counts[$0]) }
        belowRange = below
        aboveRange = above
    }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let i = Int(h.rounded(.down))
        return i + 1 < sorted.count ? sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i]) : sorted[i]
    }
}

extension Distribution {
    /// Capacity factors of plants (fractions as published).
    public static func capacityFactors(_ plants: [Plant], binCount: Int = 20) -> Distribution {
        Distribution(plants.map(\.capacityFactor), binCount: binCount, range: 0...1)
    }

    /// Output emission rates (lb/MWh) recomputed per plant, for plants generating at least
    /// `minimumGeneration` MWh.
    public static func outputRates(_ plants: [Plant], pollutant: Pollutant, minimumGeneration: Double = 1, binCount: Int = 20) -> Distribution {
        let eligible = plants.filter { ($0.netGeneration ?? 0) >= minimumGeneration }
        return Distribution(eligible.map { EmissionRate.output(pollutant, mass: $0.emissions[pollutant], generation: $0.netGeneration) }, binCount: binCount)
    }
}
