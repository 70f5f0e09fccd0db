import Foundation

/// A seeded stochastic weather generator, so that every demo runs offline without a weather file.
///
/// **Model.** GHI = k·GHI_clear, with GHI_clear the Ineichen clear sky (fixed Linke turbidity)
/// and k a clear-sky index built in two layers:
/// 1. *Day type*: a three-state Markov chain (clear, mixed, overcast) steps once per local day
///    with `transitions[from][to]`; each state has a mean index `meanIndex[state]`.
/// 2. *Within the day*: an AR(1) deviation x ← φx + σ√(1−φ²)·ε with ε ~ N(0,1), φ given per
///    15 minutes (`persistence`, scaled as φ^(step/15 min) for other steps) and σ per state.
///
/// k = clamp(mean + x, 0.05, 1.1). DNI and DHI come from GHI by the Erbs decomposition. Air
/// temperature is an annual cosine (coldest on 15 January in the north, 15 July in the south)
/// plus a daily cosine peaking at 15:00 solar time whose swing shrinks under cloud; wind speed
/// is constant. The same seed gives the same weather on every machine (`SeededRandom`).
public struct SyntheticWeatherModel: Sendable, Hashable, Codable {
    /// PRNG seed: the same seed, the same weather.
    public var seed: UInt64
    /// Linke turbidity of the clear sky the index multiplies.
    public var linkeTurbidity: Double
    /// Day-state transition probabilities, rows = today (clear, mixed, overcast), each summing to 1.
    public var transitions: [[Double]]
    /// Mean clear-sky index per day state.
    public var meanIndex: [Double]
    /// Standard deviation of the intra-day deviation per day state.
    public var variability: [Double]
    /// AR(1) coefficient per 15 minutes.
    public var persistence: Double
    /// Annual mean air temperature, °C.
    public var annualMeanTemperature: Double
    /// Half the summer–winter swing of the daily mean, °C.
    public var seasonalAmplitude: Double
    /// Half the day–night swing on a clear day, °C (scaled down under cloud).
    public var dailyAmplitude: Double
    /// Constant wind speed, m/s.
    public var windSpeed: Double

    public init(seed: UInt64 = 1, linkeTurbidity: Double = 3,
                transitions: [[Double]] = [[0.60, 0.30, 0.10], [0.30, 0.45, 0.25], [0.15, 0.35, 0.50]],
                meanIndex: [Double] = [0.95, 0.65, 0.30], variability: [Double] = [0.03, 0.18, 0.08],
                persistence: Double = 0.9, annualMeanTemperature: Double = 10, seasonalAmplitude: Double = 9,
                dailyAmplitude: Double = 5, windSpeed: Double = 2) {
        self.seed = seed
        self.linkeTurbidity = linkeTurbidity
        self.transitions = transitions
        self.meanIndex = meanIndex
        self.variability = variability
        self.persistence = persistence
        self.annualMeanTemperature = annualMeanTemperature
        self.seasonalAmplitude = seasonalAmplitude
        self.dailyAmplitude = dailyAmplitude
        self.windSpeed = windSpeed
    }
}

extension Weather {
    /// One calendar year (local standard time) of synthetic weather at `location`.
    public static func synthetic(location: Location, year: Int = 2023, intervalSeconds: Int = 900,
                                 model: SyntheticWeatherModel = SyntheticWeatherModel()) -> Weather {
        let start = CivilTime.unixMilliseconds(year: year, month: 1, day: 1, hour: 0, minute: 0,
                                               utcOffsetHours: location.utcOffsetHours)
        let end = CivilTime.unixMilliseconds(year: year + 1, month: 1, day: 1, hour: 0, minute: 0,
                                             utcOffsetHours: location.utcOffsetHours)
        let step = Int64(intervalSeconds) * 1000
        let times = Array(stride(from: start, to: end, by: Int(step)))
        let mid = times.map { Double($0) / 1000 + Double(intervalSeconds) / 2 }
        let clear = ClearSkySeries(location: location, unixSeconds: mid, linkeTurbidity: model.linkeTurbidity,
                                   deltaT: 67)
        var random = SeededRandom(seed: model.seed)
        let phi = pow(model.persistence, Double(intervalSeconds) / 900)
        let stepsPerDay = 86_400 / intervalSeconds
        var state = 1
        var deviation = 0.0
        var (ghiSeries, dniSeries, dhiSeries, temperatures) = ([Double](), [Double](), [Double](), [Double]())
        let hemisphere = location.latitude >= 0 ? 1.0 : -1.0
        for i in times.indices {
            if i % stepsPerDay == 0 { state = Self.nextState(after: state, model.transitions, &random) }
            deviation = phi * deviation + model.variability[state] * (1 - phi * phi).squareRoot() * random.normal()
            let index = min(max(model.meanIndex[state] + deviation, 0.05), 1.1)
            let ghi = index * clear.ghi[i]
            let split = Irradiance.erbs(ghi: ghi, zenith: clear.apparentZenith[i], dniExtra: clear.dniExtra[i])
            let localDays = (mid[i] + location.utcOffsetHours * 3600) / 86_400
            let dayOfYear = localDays - (Double(start) / 1000 + location.utcOffsetHours * 3600) / 86_400
            let solarHour = (localDays - localDays.rounded(.down)) * 24 + (location.longitude / 15 - location.utcOffsetHours)
            let season = -hemisphere * cos(2 * .pi * (dayOfYear - 14.5) / 365)
            let daily = cos(2 * .pi * (solarHour - 15) / 24) * (0.4 + 0.6 * model.meanIndex[state])
            ghiSeries.append(ghi)
            dniSeries.append(split.dni)
            dhiSeries.append(split.dhi)
            temperatures.append(model.annualMeanTemperature + model.seasonalAmplitude * season + model.dailyAmplitude * daily)
        }
        return Weather(location: location, timestamps: times, intervalSeconds: intervalSeconds, ghi: ghiSeries,
                       dni: dniSeries, dhi: dhiSeries, tempAir: temperatures,
                       windSpeed: Array(repeating: model.windSpeed, count: times.count),
                       source: "synthetic (seed \(model.seed), Markov day type + AR(1) clear-sky index)")
    }

    private static func nextState(after state: Int, _ transitions: [[Double]], _ random: inout SeededRandom) -> Int {
        var u = random.uniform()
        for (next, p) in transitions[state].enumerated() {
            if u < p { return next }
            u -= p
        }
        return transitions[state].count - 1
    }
}
