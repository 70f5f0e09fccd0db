/// The figures of a region that pages, trends and exports show.
public enum RegionMetric: String, Sendable, Codable, CaseIterable, Hashable {
    case capacity, netGeneration, heatInput, capacityFactor
    case co2, ch4, n2o, co2e, nox, so2
    case co2Rate, ch4Rate, n2oRate, co2eRate, noxRate, so2Rate

    /// Unit as shown to people.
    public var unit: String {
        switch self {
        case .capacity: "MW"
        case .netGeneration: "MWh"
        case .heatInput: "MMBtu"
        case .capacityFactor: "fraction"
        case .co2, .co2e, .nox, .so2: "short tons"
        case .ch4, .n2o: "lb"
        case .co2Rate, .ch4Rate, .n2oRate, .co2eRate, .noxRate, .so2Rate: "lb/MWh"
        }
    }

    /// The pollutant of a mass or rate metric.
    public var pollutant: Pollutant? {
        switch self {
        case .co2, .co2Rate: .co2
        case .ch4, .ch4Rate: .ch4
        case .n2o, .n2oRate: .n2o
        case .co2e, .co2eRate: .co2e
        case .nox, .noxRate: .nox
        case .so2, .so2Rate: .so2
        case .capacity, .netGeneration, .heatInput, .capacityFactor: nil
        }
    }

    var isRate: Bool { rawValue.hasSuffix("Rate") }
}

/// Anything with region figures: EPA's published records and our aggregates.
public protocol RegionFigures: Sendable {
    var level: RegionLevel { get }
    var year: Int { get }
    var code: String { get }
    /// Fuel category for by-fuel aggregates, `nil` for all fuels.
    var fuelCategory: String? { get }
    func value(_ metric: RegionMetric) -> Double?
}

extension RegionAggregate: RegionFigures {
    public func value(_ metric: RegionMetric) -> Double? {
        switch metric {
        case .capacity: totals[.capacity]
        case .netGeneration: totals[.netGeneration]
        case .heatInput: totals[.heatInput]
        case .capacityFactor: capacityFactor
        default: metric.isRate ? outputRates[metric.pollutant!] : totals.mass(metric.pollutant!)
        }
    }
}

extension RegionRecord: RegionFigures {
    public var fuelCategory: String? { nil }

    /// Published figures; a rate EPA left blank is recomputed from the published sums.
    public func value(_ metric: RegionMetric) -> Double? {
        switch metric {
        case .capacity: totals[.capacity]
        case .netGeneration: totals[.netGeneration]
        case .heatInput: totals[.heatInput]
        case .capacityFactor:
            totals[.capacity].flatMap { cap in
                totals[.netGeneration].map { $0 / (cap * Double(DataYear.hours(inYear: year))) }
            }
        default:
            if metric.isRate {
                outputRates[metric.pollutant!]
                    ?? EmissionRate.output(metric.pollutant!, mass: totals[metric.pollutant!.massMeasure], generation: totals[.netGeneration])
            } else {
                totals[metric.pollutant!.massMeasure]
            }
        }
    }
}
