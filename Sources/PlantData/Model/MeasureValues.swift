/// A value per additive `Measure`; `nil` means no data. Stored inline, like `FuelValues`.
public struct MeasureValues: Sendable, Hashable, Codable {
    public var capacity, heatInput, heatInputOzone, totalHeatInput, totalHeatInputOzone: Double?
    public var netGeneration, netGenerationOzone, nox, noxOzone, so2, co2, ch4, n2o, co2e, hg: Double?

    public init() {}

    public subscript(_ measure: Measure) -> Double? {
        get {
            switch measure {
            case .capacity: capacity
            case .heatInput: heatInput
            case .heatInputOzone: heatInputOzone
            case .totalHeatInput: totalHeatInput
            case .totalHeatInputOzone: totalHeatInputOzone
            case .netGeneration: netGeneration
            case .netGenerationOzone: netGenerationOzone
            case .nox: nox
            case .noxOzone: noxOzone
            case .so2: so2
            case .co2: co2
            case .ch4: ch4
            case .n2o: n2o
            case .co2e: co2e
            case .hg: hg
            }
        }
        set {
            switch measure {
            case .capacity: capacity = newValue
            case .heatInput: heatInput = newValue
            case .heatInputOzone: heatInputOzone = newValue
            case .totalHeatInput: totalHeatInput = newValue
            case .totalHeatInputOzone: totalHeatInputOzone = newValue
            case .netGeneration: netGeneration = newValue
            case .netGenerationOzone: netGenerationOzone = newValue
            case .nox: nox = newValue
            case .noxOzone: noxOzone = newValue
            case .so2: so2 = newValue
            case .co2: co2 = newValue
            case .ch4: ch4 = newValue
            case .n2o: n2o = newValue
            case .co2e: co2e = newValue
            case .hg: hg = newValue
            }
        }
    }
}
