import Foundation

/// A price per kWh that may vary with time.
public enum Tariff: Sendable, Equatable {
    /// One price for every step.
    case flat(Double)
    /// 24 hourly prices for workdays and 24 for weekends (Saturday, Sunday and holidays), by local hour.
    case timeOfUse(weekday: [Double], weekend: [Double])
    /// One price per step of the period (dynamic tariffs, spot prices).
    case perStep([Double])

    /// Price for step `i` of `calendar`.
    func price(step i: Int, calendar: StepCalendar) -> Double {
        switch self {
        case .flat(let p): return p
        case .perStep(let values): return values[i]
        case .timeOfUse(let weekday, let weekend):
            let day = calendar.day(ofStep: i)
            let hour = Int(calendar.minuteOfStep[i]) / 60
            return (day.weekday >= 6 || day.isHoliday) ? weekend[hour] : weekday[hour]
        }
    }

    func validate(name: String, stepCount: Int) throws {
        switch self {
        case .flat: break
        case .timeOfUse(let a, let b):
            guard a.count == 24, b.count == 24 else { throw SimulationError.invalidInput("\(name): a time-of-use table needs 24 workday and 24 weekend prices") }
        case .perStep(let v):
            guard v.count >= stepCount else { throw SimulationError.invalidInput("\(name): \(v.count) prices for \(stepCount) steps") }
        }
    }
}

/// The price at which energy changes hands inside the community.
public enum CommunityPrice: Sendable, Equatable {
    case fixed(Double)
    /// Halfway between the import tariff and the feed-in tariff of the step: both sides gain the same.
    case midpoint
}

/// Grid emission factor for imported energy.
public enum EmissionFactor: Sendable, Equatable {
    /// kg CO2 per kWh.
    case constant(Double)
    /// kg CO2 per kWh per hour of the period (index = hours since the period's start); e.g. from Plants.
    case hourly([Double])

    func factor(step i: Int, stepMinutes: Int) -> Double {
        switch self {
        case .constant(let f): f
        case .hourly(let values): values[min(values.count - 1, i * stepMinutes / 60)]
        }
    }

    func validate(period: SimulationPeriod) throws {
        if case .hourly(let v) = self, v.count < (period.stepCount * period.stepMinutes + 59) / 60 {
            throw SimulationError.invalidInput("hourly emission factors: \(v.count) hours for a period of \((period.stepCount * period.stepMinutes + 59) / 60)")
        }
    }
}

/// Prices and emission factors of a run.
public struct Economics: Sendable, Equatable {
    public var importTariff: Tariff
    public var feedInTariff: Tariff
    public var communityPrice: CommunityPrice
    public var emissions: EmissionFactor
    /// Currency label for reports (amounts are plain numbers).
    public var currency: String

    /// German-like defaults: 0.35 €/kWh import, 0.08 €/kWh feed-in, community at the midpoint, 0.38 kg/kWh.
    public init(
        importTariff: Tariff = .flat(0.35), feedInTariff: Tariff = .flat(0.08), communityPrice: CommunityPrice = .midpoint,
        emissions: EmissionFactor = .constant(0.38), currency: String = "EUR"
    ) {
        self.importTariff = importTariff
        self.feedInTariff = feedInTariff
        self.communityPrice = communityPrice
        self.emissions = emissions
        self.currency = currency
    }
}
