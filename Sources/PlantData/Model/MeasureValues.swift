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
    var index: Int {
        switch self {
        case .capacity: 0
        case .heatInput: 1
        case .heatInputOzone: 2
        case .totalHeatInput: 3
        case .totalHeatInputOzone: 4
        case .netGeneration: 5
        case .netGenerationOzone: 6
        case .nox: 7
        case .noxOzone: 8
        case .so2: 9
        case .co2: 10
        case .ch4: 11
        case .n2o: 12
        case .co2e: 13
        case .hg: 14
        }
    }
}
