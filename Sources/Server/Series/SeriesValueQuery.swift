import Foundation
import Hummingbird
import Platform
import Series
import Storage

/// The query parameters of the value endpoints, checked: a wrong value is a 400 naming its parameter.
///
/// `from`, `to` (ISO 8601, half-open; default the whole series) · `interval` (15m 1h 1d 1w 1mo) with `agg` (mean
/// min max sum count first last; default mean) and `tz` (IANA; default the series' zone) · `convert` (energy:
/// kW → kWh per point or bucket; power: kWh → kW) · `points` (2–100000) with `mode` (lttb, minmax; default lttb) ·
/// `format` (json, csv).
struct SeriesValueQuery: Sendable, Hashable {
    enum Conversion: String, CaseIterable, Sendable {
        case energy, power
    }

    enum Format: String, CaseIterable, Sendable {
        case json, csv
    }

    var from: Int64?
    var to: Int64?
    var interval: AggregationInterval?
    var function: AggregationFunction?
    var timeZone: String?
    var convert: Conversion?
    var points: Int?
    var mode: DownsampleMethod?
    var format: Format = .json

    static let parameters: [Endpoint.Parameter] = [
        .init("from", "string", "start, ISO 8601 (inclusive; default: the first point)"),
        .init("to", "string", "end, ISO 8601 (exclusive; default: after the last point)"),
        .init("interval", "string", "calendar buckets: 15m, 1h, 1d, 1w or 1mo (days and months follow local midnight in tz)"),
        .init("agg", "string", "mean (default), min, max, sum, count, first or last"),
        .init("tz", "string", "IANA time zone of the buckets (default: the series' zone)"),
        .init("convert", "string", "energy: power (kW) to energy per point or bucket (kWh); power: the reverse"),
        .init("points", "integer", "downsample to at most this many points, 2–100000"),
        .init("mode", "string", "downsampling: lttb (default; keeps first and last) or minmax (keeps every peak)"),
        .init("format", "string", "json (default) or csv"),
    ]

    init() {}

    init(_ request: Request) throws {
        let query = Query(request)
        from = try query.date("from").map(SeriesTime.millis)
        to = try query.date("to").map(SeriesTime.millis)
        if let from, let to, from >= to { throw Problem.badQuery("to", "must be later than from") }
        interval = try query.enum("interval", AggregationInterval.self)
        function = try query.enum("agg", AggregationFunction.self)
        if function != nil && interval == nil { throw Problem.badQuery("agg", "needs an interval (15m, 1h, 1d, 1w or 1mo)") }
        if let zone = try query.string("tz") {
            guard TimeZone(identifier: zone) != nil else {
                throw Problem.badQuery("tz", "\"\(zone)\" is not an IANA time zone such as Europe/Berlin")
            }
            timeZone = zone
        }
        convert = try query.enum("convert", Conversion.self)
        if let text = try query.string("points") {
            guard let value = Int(text), (2...100_000).contains(value) else {
                throw Problem.badQuery("points", "must be a whole number from 2 to 100000")
            }
            points = value
        }
        mode = try query.enum("mode", DownsampleMethod.self)
        format = try query.enum("format", Format.self) ?? .json
        if let convert, let function {
            let fits = convert == .energy ? [AggregationFunction.sum] : [.mean]
            guard fits.contains(function) else {
                throw Problem.badQuery("agg", "with convert=\(convert.rawValue) buckets hold \(convert == .energy ? "energy (sum)" : "mean power (mean)"); leave agg out")
            }
        }
    }

    /// Largest number of raw points returned without downsampling or aggregation.
    static let maxRawPoints = 2_000_000
    /// Largest number of raw points read to downsample.
    static let maxDownsampledPoints = 20_000_000
    /// Most buckets one aggregation may have.
    static let maxBuckets = 1_000_000
}

/// One computed series of values, ready to align, write as JSON or CSV.
struct ComputedSeries: Sendable {
    let info: SeriesInfo
    let data: SeriesData
    let unit: String
    /// How long a value may be held when aligned with series on other timestamps.
    let tolerance: Int64
}

/// Runs value queries on stored series: raw range reads, calendar aggregation (chunk summaries first),
/// power/energy conversion and downsampling. No rule lives here that the Series core already has.
enum SeriesValues {
    static func compute(_ info: SeriesInfo, _ query: SeriesValueQuery, points: Int?, store: SeriesStore) async throws
        -> ComputedSeries
    {
        let unit = try convertedUnit(info, query.convert)
        guard let first = info.firstTimestamp, let last = info.lastTimestamp else {
            return ComputedSeries(info: info, data: SeriesData(), unit: unit, tolerance: 0)
        }
        let from = query.from ?? first
        let to = query.to ?? (last + 1)
        guard from < to else { return ComputedSeries(info: info, data: SeriesData(), unit: unit, tolerance: 0) }
        var data: SeriesData
        if let interval = query.interval {
            let zone = query.timeZone ?? info.timeZone
            guard (to - from) / interval.nominalMillis < Int64(SeriesValueQuery.maxBuckets) else {
                throw Problem.badQuery("interval", "gives more than \(SeriesValueQuery.maxBuckets) buckets over this range; choose a longer interval or a shorter range")
            }
            let function: AggregationFunction = switch query.convert {
            case .energy: .mean
            case .power: .sum
            case nil: query.function ?? .mean
            }
            guard var aggregator = Aggregator(interval: interval, function: function, timeZone: zone, from: from, to: to) else {
                throw Problem.badQuery("tz", "\"\(zone)\" is not a time zone this server knows")
            }
            try await store.aggregate(info, into: &aggregator)
            var result = aggregator.result()
            switch query.convert {
            case .energy: result = Energy.fromPower(result)
            case .power: result = Energy.toPower(result)
            case nil: break
            }
            data = result.data
        } else {
            let limit = points == nil ? SeriesValueQuery.maxRawPoints : SeriesValueQuery.maxDownsampledPoints
            do {
                data = try await store.read(info, range: from..<to, maxPoints: limit)
            } catch let tooMany as SeriesStore.TooManyPoints {
                throw Problem.badQuery(
                    points == nil ? "points" : "to",
                    "\(tooMany); \(points == nil ? "add points=… or interval=…, or " : "")narrow from/to")
            }
            switch query.convert {
            case .energy: data = Energy.fromPower(data, nominalStepMillis: info.regularity.stepMillis)
            case .power: data = Energy.toPower(data, nominalStepMillis: info.regularity.stepMillis)
            case nil: break
            }
        }
        if let points { data = Downsample.apply(query.mode ?? .lttb, to: data, maxPoints: points) }
        let pixel = points.map { Int64(max(1, (to - from) / Int64($0))) } ?? 0
        let step = query.interval.map { $0.nominalMillis } ?? info.regularity.stepMillis ?? 0
        return ComputedSeries(info: info, data: data, unit: unit, tolerance: max(pixel, step - 1))
    }

    /// The unit after `convert`; refuses a conversion that does not fit the series' kind.
    static func convertedUnit(_ info: SeriesInfo, _ convert: SeriesValueQuery.Conversion?) throws -> String {
        switch convert {
        case nil:
            return info.unit
        case .energy:
            guard info.kind == .power else {
                throw Problem.badQuery("convert", "energy needs a power series; \"\(info.name)\" is \(info.kind.rawValue)")
            }
            return info.unit.isEmpty ? "" : info.unit + "h"
        case .power:
            guard info.kind == .energy else {
                throw Problem.badQuery("convert", "power needs an energy series; \"\(info.name)\" is \(info.kind.rawValue)")
            }
            return info.unit.hasSuffix("h") ? String(info.unit.dropLast()) : info.unit + "/h"
        }
    }

    /// Several computed series on one time axis. Series on the same timestamps line up exactly; otherwise each
    /// series' value at a time is its latest point at or before it, held for at most its tolerance (its step,
    /// or one chart pixel), so that series on different clocks still draw as lines.
    static func align(_ series: [ComputedSeries]) -> AlignedSeries {
        guard let first = series.first else { return AlignedSeries(timestamps: [], columns: []) }
        if series.allSatisfy({ $0.data.timestamps == first.data.timestamps }) {
            return AlignedSeries(timestamps: first.data.timestamps, columns: series.map(\.data.values))
        }
        let times = Array(Set(series.flatMap(\.data.timestamps))).sorted()
        let columns = series.map { computed -> [Double] in
            let data = computed.data
            var out = [Double](repeating: .nan, count: times.count)
            var j = 0
            for (i, t) in times.enumerated() {
                while j + 1 < data.count && data.timestamps[j + 1] <= t { j += 1 }
                guard j < data.count, data.timestamps[j] <= t, t - data.timestamps[j] <= computed.tolerance else { continue }
                out[i] = data.values[j]
            }
            return out
        }
        return AlignedSeries(timestamps: times, columns: columns)
    }
}
