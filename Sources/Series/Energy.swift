import Foundation

/// Power ↔ energy per interval. Values are interval averages labelled by the interval start, so a point's
/// energy is its power times its interval's real duration in hours (kW → kWh, W → Wh). NaN stays NaN.
public enum Energy {
    /// Interval durations: up to the next timestamp, but never longer than `nominalStepMillis` (a gap of
    /// missing rows is not filled by stretching the point before it). The last point lasts the nominal step,
    /// or, without one, as long as the one before it.
    public static func durations(_ timestamps: [Int64], nominalStepMillis: Int64?) -> [Int64] {
        let n = timestamps.count
        guard n > 0 else { return [] }
        var out = [Int64](repeating: nominalStepMillis ?? 0, count: n)
        for i in 0..<(n - 1) {
            let d = timestamps[i + 1] - timestamps[i]
            out[i] = nominalStepMillis.map { Swift.min(d, $0) } ?? d
        }
        if nominalStepMillis == nil { out[n - 1] = n > 1 ? out[n - 2] : 0 }
        return out
    }

    /// kW interval averages → kWh per interval. `nominalStepMillis` defaults to the detected fixed step.
    public static func fromPower(_ power: SeriesData, nominalStepMillis: Int64? = nil) -> SeriesData {
        let step = nominalStepMillis ?? Regularity.detect(power.timestamps).stepMillis
        return scaled(power, durations(power.timestamps, nominalStepMillis: step), multiply: true)
    }

    /// kWh per interval → mean kW over each interval.
    public static func toPower(_ energy: SeriesData, nominalStepMillis: Int64? = nil) -> SeriesData {
        let step = nominalStepMillis ?? Regularity.detect(energy.timestamps).stepMillis
        return scaled(energy, durations(energy.timestamps, nominalStepMillis: step), multiply: false)
    }

    /// Mean kW per calendar bucket → kWh per bucket, using each bucket's real duration (23/24/25 h days).
    public static func fromPower(_ power: AggregatedSeries) -> AggregatedSeries {
        var out = power
        out.values = scaled(power.data, zip(power.ends, power.timestamps).map { $0 - $1 }, multiply: true).values
        return out
    }

    /// kWh per calendar bucket → mean kW over the bucket.
    public static func toPower(_ energy: AggregatedSeries) -> AggregatedSeries {
        var out = energy
        out.values = scaled(energy.data, zip(energy.ends, energy.timestamps).map { $0 - $1 }, multiply: false).values
        return out
    }

    private static func scaled(_ data: SeriesData, _ durations: [Int64], multiply: Bool) -> SeriesData {
        let values = zip(data.values, durations).map { v, d -> Double in
            let hours = Double(d) / 3_600_000
            return multiply ? v * hours : (hours > 0 ? v / hours : .nan)
        }
        return SeriesData(timestamps: data.timestamps, values: values)
    }
}
