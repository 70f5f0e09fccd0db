/// A value per additive `Measure`; `nil` means no data.
public struct MeasureValues: Sendable, Hashable, Codable {
    private var storage: [Double?]

    public init() { storage = Array(repeating: nil, count: Measure.allCases.count) }

    public subscript(_ measure: Measure) -> Double? {
        get { storage[measure.index] }
        set { storage[measure.index] = newValue }
    }
}

extension Measure {
    /// Position in `allCases`, for flat per-measure arrays.
    var index: Int { Measure.indexTable[self]! }
    private static let indexTable: [Measure: Int] = Dictionary(uniqueKeysWithValues: Measure.allCases.enumerated().map { ($1, $0) })
}
