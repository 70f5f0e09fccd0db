import Foundation

extension Synthetic {
    /// Household electricity demand in kW (rounded to 1 W): base load, morning and evening peaks (later
    /// mornings at weekends), more in winter, multiplicative noise and occasional appliance spikes, scaled so a
    /// year holds about `annualKWh`.
    public static func householdLoad(
        from: Int64, to: Int64, stepMillis: Int64 = 900_000, seed: UInt64, annualKWh: Double = 3500,
        utcOffsetHours: Double = 1
    ) -> SeriesData {
        var rng = SplitMix64(seed: seed)
        let times = axis(from, to, stepMillis)
        let scale = annualKWh / 8760 / meanLoadShape
        let values = times.map { t -> Double in
            let c = clock(t, offsetHours: utcOffsetHours)
            var kw = scale * loadShape(c.hour, c.dayOfYear, weekend: c.weekday >= 6)
            kw *= max(0.3, 1 + 0.25 * rng.nextGaussian())
            if rng.nextUnit() < 0.01 { kw += 1 + 1.5 * rng.nextUnit() }  // kettle, oven, washing machine
            return round(max(0.02, kw), to: 0.001)
        }
        return SeriesData(timestamps: times, values: values)
    }

    private static func loadShape(_ hour: Double, _ dayOfYear: Double, weekend: Bool) -> Double {
        let season = 1 + 0.25 * DeterministicMath.cos(2 * .pi * (dayOfYear - 15) / 365.25)
        let morning = weekend ? bump(hour, center: 9, width: 1.5) : bump(hour, center: 7, width: 1)
        let midday = (weekend ? 0.5 : 0.25) * bump(hour, center: 12.5, width: 1.5)
        let evening = 1.2 * bump(hour, center: 19, width: 2)
        return season * (0.35 + 0.6 * morning + midday + evening)
    }

    /// Mean of the noise-free shape over a year, so the scale can meet the annual energy.
    private static let meanLoadShape: Double = {
        var total = 0.0
        var n = 0
        for day in 0..<365 {
            for quarter in 0..<96 {
                total += loadShape(Double(quarter) / 4, Double(day), weekend: day % 7 >= 5)
                n += 1
            }
        }
        return total / Double(n)
    }()

    /// PV output in kW (rounded to 1 W) for `kWp` of modules: a clear-sky bell from the sun's elevation at
    /// the interval's midpoint (latitude, longitude, day of year), times a seeded daily clearness with
    /// intra-day cloud fluctuation; zero at night.
    public static func pv(
        from: Int64, to: Int64, stepMillis: Int64 = 900_000, seed: UInt64, latitude: Double = 51,
        longitude: Double = 10, kWp: Double = 1
    ) -> SeriesData {
        var rng = SplitMix64(seed: seed)
        let times = axis(from, to, stepMillis)
        let phi = latitude * .pi / 180
        var currentDay = Int64.min
        var clearness = 1.0
        var cloud = 0.0
        let values = times.map { t -> Double in
            let mid = t + stepMillis / 2
            let c = clock(mid, offsetHours: longitude / 15)
            let day = CivilDate.floorDiv(mid, CivilDate.millisPerDay)
            if day != currentDay {
                currentDay = day
                let u = rng.nextUnit()
                clearness = u < 0.3 ? 0.15 + 0.35 * rng.nextUnit() : 0.6 + 0.4 * rng.nextUnit()
            }
            cloud = 0.9 * cloud + 0.1 * rng.nextGaussian()
            let declination = 23.44 * .pi / 180 * DeterministicMath.sin(2 * .pi * (284 + c.dayOfYear) / 365)
            let hourAngle = (c.hour - 12) * 15 * .pi / 180
            let sinElevation = DeterministicMath.sin(phi) * DeterministicMath.sin(declination)
                + DeterministicMath.cos(phi) * DeterministicMath.cos(declination) * DeterministicMath.cos(hourAngle)
            guard sinElevation > 0 else { return 0 }
            let clearSky = DeterministicMath.exp(1.15 * DeterministicMath.log(sinElevation))
            let sky = min(1, max(0.05, clearness + (1 - clearness) * 0.6 * cloud))
            return round(min(kWp, kWp * 0.85 * clearSky * sky), to: 0.001)
        }
        return SeriesData(timestamps: times, values: values)
    }

    /// Outdoor temperature in °C (rounded to 0.1): seasonal wave (coldest late January), diurnal wave
    /// (warmest mid-afternoon) and slowly varying weather.
    public static func temperature(
        from: Int64, to: Int64, stepMillis: Int64 = 900_000, seed: UInt64, annualMean: Double = 10,
        seasonalAmplitude: Double = 9, diurnalAmplitude: Double = 4, utcOffsetHours: Double = 1
    ) -> SeriesData {
        var rng = SplitMix64(seed: seed)
        let times = axis(from, to, stepMillis)
        // AR(1) weather anomaly with a time constant of about two days, whatever the step.
        let keep = DeterministicMath.exp(-Double(stepMillis) / (2 * 86_400_000))
        let shock = 3 * DeterministicMath.sqrt(1 - keep * keep)
        var weather = 3 * rng.nextGaussian()
        let values = times.map { t -> Double in
            let c = clock(t, offsetHours: utcOffsetHours)
            weather = keep * weather + shock * rng.nextGaussian()
            let seasonal = -seasonalAmplitude * DeterministicMath.cos(2 * .pi * (c.dayOfYear - 25) / 365.25)
            let diurnal = diurnalAmplitude * DeterministicMath.cos(2 * .pi * (c.hour - 15) / 24)
            return round(annualMean + seasonal + diurnal + weather, to: 0.1)
        }
        return SeriesData(timestamps: times, values: values)
    }

    /// Machine vibration velocity in mm/s RMS (rounded to 0.01): a baseline that grows with wear
    /// (`wearPerYear`, accelerating slightly), measurement noise and rare shock spikes.
    public static func vibration(
        from: Int64, to: Int64, stepMillis: Int64 = 600_000, seed: UInt64, baseline: Double = 1.8,
        wearPerYear: Double = 1.2, spikeProbability: Double = 0.002
    ) -> SeriesData {
        var rng = SplitMix64(seed: seed)
        let times = axis(from, to, stepMillis)
        let values = times.map { t -> Double in
            let years = Double(t - from) / (365.25 * 86_400_000)
            var v = baseline + wearPerYear * years * (1 + 0.5 * years) + 0.08 * rng.nextGaussian()
            if rng.nextUnit() < spikeProbability { v += 3 + 5 * rng.nextUnit() }
            return round(max(0, v), to: 0.01)
        }
        return SeriesData(timestamps: times, values: values)
    }
}
