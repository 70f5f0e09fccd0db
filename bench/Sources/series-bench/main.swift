import Foundation
import Series

// Benchmark driver for the Series core. Each subcommand prints one JSON object per measurement so that
// bench/series/compare.py can take medians and put the peers beside them.
//   series-bench csv FILE [--zone Z] [--skip] [--encode]   one streaming import (+ chunk encoding); run it
//                                      several times from outside for RSS
//   series-bench downsample [RUNS]     LTTB and min/max of 10 million points to 1,000
//   series-bench codec [RUNS]          bytes per point and speed on a year of 15-min load and PV
//   series-bench aggregate [RUNS]      a year of 1-minute data to chart-sized calendar buckets

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink = 0

let arguments = CommandLine.arguments
let command = arguments.count > 1 ? arguments[1] : "help"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
let yearStart: Int64 = 1_704_067_200_000  // 2024-01-01 UTC

switch command {
case "csv":
    let url = URL(fileURLWithPath: arguments[2])
    let zone = arguments.firstIndex(of: "--zone").map { arguments[$0 + 1] } ?? "UTC"
    var result: CSVImportResult?
    var detectMs = 0.0
    var settings = CSVSettings()
    let total = try milliseconds {
        detectMs = try milliseconds {
            let handle = try FileHandle(forReadingFrom: url)
            let sample = try handle.read(upToCount: CSVSniffer.sampleSize) ?? Data()
            try handle.close()
            settings = try CSVSniffer.detect(sample: [UInt8](sample), isCompleteFile: false, timeZone: zone).settings
            if arguments.contains("--skip") { settings.errorPolicy = .skip }
        }
        let chunkMB = arguments.firstIndex(of: "--chunk-mb").map { Int(arguments[$0 + 1]) ?? 1 } ?? 1
        result = try CSVReader.importFile(
            at: url, settings: settings, chunkSize: chunkMB << 20, parallelRead: !arguments.contains("--sequential"))
    }
    // With --encode, also what storage does next: cut each series into blocks, encode and summarise them,
    // one series per core. (Off by default so the CPU and RSS columns compare the parse alone with the peers.)
    let series = result!.series
    let encoded = UnsafeMutableBufferPointer<(chunks: Int, bytes: Int)>.allocate(capacity: series.count)
    encoded.initialize(repeating: (0, 0))
    defer { encoded.deallocate() }
    nonisolated(unsafe) let slots = encoded
    let encodeMs = !arguments.contains("--encode") ? 0 : milliseconds {
        DispatchQueue.concurrentPerform(iterations: series.count) { k in
            let planner = BlockPlanner(regularity: series[k].regularity, imported: series[k])
            let chunks = ChunkCodec.encodeBlocks(series[k], planner: planner)
            slots[k] = (chunks.count, chunks.reduce(0) { $0 + $1.bytes.count })
        }
    }
    let chunks = encoded.reduce(0) { $0 + $1.chunks }
    let chunkBytes = encoded.reduce(0) { $0 + $1.bytes }
    let points = result!.rowCount * result!.series.count
    emit(["bench": "csv", "ms": total, "detect_ms": detectMs, "rows": result!.rowCount,
          "series": result!.series.count, "skipped": result!.report.skippedRows, "bytes": result!.report.bytesRead,
          "encode_ms": encodeMs, "chunks": chunks, "chunk_bytes_per_point": Double(chunkBytes) / Double(max(1, points))])

case "downsample":
    let n = 10_000_000
    var rng = SplitMix64(seed: 1)
    let times = (0..<n).map { yearStart + Int64($0) * 1000 }
    let values = (0..<n).map { i in sin(Double(i) / 5000) * 10 + rng.nextUnit() }
    let data = SeriesData(timestamps: times, values: values)
    let lttb = (0..<runs).map { _ in milliseconds { sink &+= Downsample.lttb(data, maxPoints: 1000).count } }
    let minMax = (0..<runs).map { _ in milliseconds { sink &+= Downsample.minMax(data, maxPoints: 1000).count } }
    emit(["bench": "lttb_10M_to_1000", "ms": median(lttb), "runs": runs])
    emit(["bench": "minmax_10M_to_1000", "ms": median(minMax), "runs": runs])

case "codec":
    let to = yearStart + 366 * 86_400_000
    let profiles: [(String, SeriesData)] = [
        ("household_load", Synthetic.householdLoad(from: yearStart, to: to, seed: 1)),
        ("pv", Synthetic.pv(from: yearStart, to: to, seed: 1, kWp: 5)),
        ("temperature", Synthetic.temperature(from: yearStart, to: to, seed: 1)),
    ]
    for (name, data) in profiles {
        let pieces = BlockPlanner(for: data).split(data).map(\.data)
        var encoded: [[UInt8]] = []
        let encode = (0..<runs).map { _ in milliseconds { encoded = pieces.map { ChunkCodec.encode($0) } } }
        let decode = (0..<runs).map { _ in
            milliseconds { for bytes in encoded { sink &+= (try! ChunkCodec.decode(bytes)).count } }
        }
        let bytes = encoded.reduce(0) { $0 + $1.count }
        emit(["bench": "codec_\(name)_15min_year", "points": data.count, "chunks": pieces.count,
              "bytes_per_point": Double(bytes) / Double(data.count),
              "encode_ns_per_point": median(encode) * 1e6 / Double(data.count),
              "decode_ns_per_point": median(decode) * 1e6 / Double(data.count)])
    }

case "aggregate":
    let n = 525_600
    let data = Synthetic.householdLoad(from: yearStart, to: yearStart + Int64(n) * 60_000, stepMillis: 60_000, seed: 2)
    let from = data.timestamps[0]
    let to = data.timestamps[n - 1] + 60_000
    let daily = (0..<runs).map { _ in
        milliseconds { sink &+= data.aggregated(.day, .mean, timeZone: "Europe/Berlin", from: from, to: to)!.values.count }
    }
    let hourlyThenLTTB = (0..<runs).map { _ in
        milliseconds {
            let hourly = data.aggregated(.hour, .mean, timeZone: "Europe/Berlin", from: from, to: to)!
            sink &+= Downsample.lttb(hourly.data, maxPoints: 1000).count
        }
    }
    let minMax = (0..<runs).map { _ in milliseconds { sink &+= Downsample.minMax(data, maxPoints: 1000).count } }
    let lttb = (0..<runs).map { _ in milliseconds { sink &+= Downsample.lttb(data, maxPoints: 1000).count } }
    let summaries = BlockPlanner(for: data).split(data).map { ChunkSummary($0.data) }
    let monthlyFromSummaries = (0..<runs).map { _ in
        milliseconds {
            var aggregator = Aggregator(interval: .month, function: .mean, timeZone: "Europe/Berlin", from: from, to: to)!
            for s in summaries where !aggregator.add(s) { sink &+= 1 }
            sink &+= aggregator.result().values.count
        }
    }
    emit(["bench": "aggregate_year_1min_day_mean_berlin", "ms": median(daily), "points": n])
    emit(["bench": "aggregate_year_1min_hour_mean_then_lttb_1000", "ms": median(hourlyThenLTTB), "points": n])
    emit(["bench": "minmax_year_1min_to_1000", "ms": median(minMax), "points": n])
    emit(["bench": "lttb_year_1min_to_1000", "ms": median(lttb), "points": n])
    emit(["bench": "aggregate_month_mean_from_summaries", "ms": median(monthlyFromSummaries), "chunks": summaries.count])

default:
    print("usage: series-bench csv FILE [--zone Z] | downsample [RUNS] | codec [RUNS] | aggregate [RUNS]")
}
