import Foundation

extension EVSpec {
    /// Seeded arrival jitter: ±30 minutes, drawn per house and day.
    static let arrivalJitterHours = 0.5

    /// Charging power (kW) averaged over the step that starts at local `minute` of day `epochDay` and lasts `stepMinutes`.
    /// The session of the previous evening may still run past midnight, so both that one and today's are checked.
    func power(seed: UInt64, house: Int, epochDay: Int, minute: Int, stepMinutes: Int) -> Double {
        guard kWhPerDay > 0 else { return 0 }
        var overlap = 0.0
        for back in 0...1 {
            let day = epochDay - back
            let jitter = EVSpec.arrivalJitterHours * CounterHash.symmetric(seed ^ LoadRandomization.evSalt, UInt64(house), UInt64(bitPattern: Int64(day)))
            let arrival = (arrivalHour + jitter) * 60
            var departure = departureHour * 60
            if departure <= arrivalHour * 60 { departure += 1440 }
            let end = min(departure, arrival + kWhPerDay / chargerKW * 60)
            // Session minutes relative to the step's own day.
            let s = arrival - Double(back * 1440), e = end - Double(back * 1440)
            let a = Double(minute), b = Double(minute + stepMinutes)
            overlap += max(0, min(b, e) - max(a, s))
        }
        return chargerKW * overlap / Double(stepMinutes)
    }
}

extension HeatPumpSpec {
    /// COP at `temperature`, linear between curve points and flat beyond the ends.
    public func cop(at temperature: Double) -> Double {
        guard let first = copCurve.first, let last = copCurve.last else { return 1 }
        if temperature <= first.temperatureC { return first.cop }
        if temperature >= last.temperatureC { return last.cop }
        var i = 1
        while copCurve[i].temperatureC < temperature { i += 1 }
        let a = copCurve[i - 1], b = copCurve[i]
        return a.cop + (b.cop - a.cop) * (temperature - a.temperatureC) / (b.temperatureC - a.temperatureC)
    }

    /// Electric power (kW) at an outdoor temperature: degree-hour heat demand over COP, capped at `maxElectricKW`.
    public func electricPower(outdoorTemperature t: Double) -> Double {
        let heat = heatLossKWPerK * max(0, baseTemperatureC - t)
        guard heat > 0 else { return 0 }
        let electric = heat / cop(at: t)
        return maxElectricKW.map { min($0, electric) } ?? electric
    }

    /// The heat-loss coefficient that makes `annualHeatKWh` of heat over a temperature series (°C per step of
    /// `stepHours`): annual heat / Σ degree-hours. Use it to size a heat pump from a building's known heat demand.
    public static func heatLoss(annualHeatKWh: Double, temperatures: [Double], stepHours: Double, baseTemperatureC: Double = 15) -> Double {
        let degreeHours = temperatures.reduce(0) { $0 + max(0, baseTemperatureC - $1) * stepHours }
        return degreeHours > 0 ? annualHeatKWh / degreeHours : 0
    }
}
