import Foundation

/// The profile builder: each house's load from its BDEW standard profile scaled to its annual consumption,
/// randomised per house (`LoadRandomization`), plus its EV charging and heat pump. One normalised base profile per
/// standard profile is computed for the period; a house's window is that base shifted, scaled and noised on the fly.
public struct StandardLoadSource: HouseProfileSource {
    public let seed: UInt64
    public let randomization: LoadRandomization
    let stepMinutes: Int
    let margin: Int
    /// Base kW per kWh/a for H0, G0, L0 over the period extended by `margin` steps on both sides.
    let base: [[Double]]
    let epochDayOfStep: [Int32]
    let minuteOfStep: [Int16]
    let houses: [Entry]
    let temperatures: [Double]?

    struct Entry: Sendable {
        var annual: Double
        var profile: Int
        var shift: Int
        var dayKey: UInt64
        var noiseKey: UInt64
        var ev: EVSpec?
        var heatPump: HeatPumpSpec?
    }

    /// - Parameters:
    ///   - temperatures: outdoor °C per step of `period`; required when any house has a heat pump.
    public init(
        topology: GridTopology, period: SimulationPeriod, seed: UInt64, randomization: LoadRandomization = LoadRandomization(),
        holidays: HolidayCalendar = .germanyNational, temperatures: [Double]? = nil
    ) throws {
        let houses = topology.allHouses
        if temperatures == nil, let hp = houses.first(where: { $0.heatPump != nil }) {
            throw SimulationError.invalidInput("house \"\(hp.name)\" has a heat pump: outdoor temperatures (e.g. from --weather) are required")
        }
        if let temperatures, temperatures.count < period.stepCount {
            throw SimulationError.invalidInput("temperatures cover \(temperatures.count) steps but the period has \(period.stepCount)")
        }
        self.seed = seed
        self.randomization = randomization
        self.stepMinutes = period.stepMinutes
        self.temperatures = temperatures
        margin = randomization.maxShiftSteps
        let calendar = StepCalendar(period: period.extended(before: margin, after: margin), holidays: holidays)
        base = StandardLoadProfile.allCases.map { BDEWTables.normalizedPower($0, calendar: calendar, holidays: holidays) }
        epochDayOfStep = calendar.dayOfStep.map { Int32(calendar.days[Int($0)].date.epochDay) }
        minuteOfStep = calendar.minuteOfStep
        let profiles = StandardLoadProfile.allCases
        self.houses = houses.enumerated().map { h, house in
            let houseKey = CounterHash.mix(seed ^ UInt64(h))
            return Entry(
                annual: house.annualConsumptionKWh, profile: profiles.firstIndex(of: house.effectiveProfile)!,
                shift: randomization.shift(seed: seed, house: h), dayKey: CounterHash.mix(houseKey ^ LoadRandomization.daySalt),
                noiseKey: CounterHash.mix(houseKey ^ LoadRandomization.noiseSalt), ev: house.ev, heatPump: house.heatPump)
        }
    }

    public func fill(house h: Int, steps: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        let e = houses[h]
        let dayAmp = randomization.dailyScaleSpread * 3.0.squareRoot()
        let noiseAmp = randomization.stepNoise * 3.0.squareRoot()
        base[e.profile].withUnsafeBufferPointer { b in
            epochDayOfStep.withUnsafeBufferPointer { days in
                var lastDay = Int32.min
                var dayFactor = 1.0
                for (k, i) in steps.enumerated() {
                    // Index into the extended axis: step i of the period is i + margin there.
                    let j = i + margin + e.shift
                    let day = days[i + margin]
                    if day != lastDay {
                        lastDay = day
                        dayFactor = 1 + dayAmp * unitSymmetric(CounterHash.mix(e.dayKey ^ UInt64(bitPattern: Int64(day))))
                    }
                    let noise = 1 + noiseAmp * unitSymmetric(CounterHash.mix(e.noiseKey ^ UInt64(i)))
                    buffer[k] = e.annual * b[j] * dayFactor * noise
                }
            }
        }
        if let ev = e.ev {
            for (k, i) in steps.enumerated() {
                buffer[k] += ev.power(seed: seed, house: h, epochDay: Int(epochDayOfStep[i + margin]), minute: Int(minuteOfStep[i + margin]), stepMinutes: stepMinutes)
            }
        }
        if let hp = e.heatPump, let temperatures {
            for (k, i) in steps.enumerated() { buffer[k] += hp.electricPower(outdoorTemperature: temperatures[i]) }
        }
    }
}

@inline(__always)
private func unitSymmetric(_ bits: UInt64) -> Double { Double(bits >> 11) * 0x1.0p-52 - 1 }

extension GridTopology {
    /// Houses of all grids in order; the index into this array is the house index used by profile sources and results.
    public var allHouses: [House] { grids.flatMap(\.houses) }

    /// House name → house index.
    public var houseIndex: [String: Int] {
        Dictionary(uniqueKeysWithValues: allHouses.enumerated().map { ($1.name, $0) })
    }
}
