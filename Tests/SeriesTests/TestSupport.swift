import Foundation
@testable import Series

/// Random series shapes shared by the property tests; every generator is driven by a seeded SplitMix64.
enum Shapes {
    static func regularTimestamps(_ n: Int, start: Int64 = 1_704_067_200_000, step: Int64 = 900_000) -> [Int64] {
        (0..<n).map { start + Int64($0) * step }
    }

    static func irregularTimestamps(_ n: Int, _ rng: inout SplitMix64) -> [Int64] {
        var t = Int64(bitPattern: rng.next() >> 20) - (1 << 42)
        return (0..<n).map { _ in
            t &+= Int64(rng.next() % 100_000) - (rng.next() % 8 == 0 ? 50_000 : 0)
            return t
        }
    }

    /// Values at a random decimal resolution, with NaN runs sprinkled in.
    static func decimals(_ n: Int, _ rng: inout SplitMix64) -> [Double] {
        let e = Int(rng.next() % 5)
        let scale = DecimalScheme.powers[e]
        var level = Double(Int64(rng.next() % 100_000)) - 50_000
        var out: [Double] = []
        while out.count < n {
            if rng.next() % 50 == 0 {
                out.append(contentsOf: repeatElement(.nan, count: Int(rng.next() % 40) + 1))
            } else {
                level += Double(Int64(rng.next() % 2001) - 1000)
                out.append(level / scale)
            }
        }
        return Array(out.prefix(n))
    }

    static func randomBits(_ n: Int, _ rng: inout SplitMix64) -> [Double] {
        (0..<n).map { _ in Double(bitPattern: rng.next()) }
    }

    static let extremes: [Double] = [
        0, -0.0, 1e308, -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
        -.leastNonzeroMagnitude, .leastNormalMagnitude, Double(bitPattern: 0x3E7), .infinity, -.infinity, .nan, 1, -1, 0.1, 1e-300,
        123_456_789.123, Double(bitPattern: 0x7FF0_0000_0000_0001), Double(bitPattern: 0xFFF8_0000_0000_1234),
    ]

    static func steps(_ n: Int, _ rng: inout SplitMix64) -> [Double] {
        var out: [Double] = []
        while out.count < n {
            let level = Double(rng.next() % 10) * 0.5
            out.append(contentsOf: repeatElement(level, count: Int(rng.next() % 300) + 1))
        }
        return Array(out.prefix(n))
    }
}

/// Helpers shared by the CSV tests.
enum CSVFixture {
    static func settings(_ edit: (inout CSVSettings) -> Void = { _ in }) -> CSVSettings {
        var s = CSVSettings()
        edit(&s)
        return s
    }

    static func read(_ text: String, _ edit: (inout CSVSettings) -> Void = { _ in }) throws -> CSVImportResult {
        try CSVReader.read(Array(text.utf8), settings: settings(edit))
    }

    static func iso(_ s: String) -> Int64 {
        let f = ISO8601DateFormatter()
        return Int64(f.date(from: s)!.timeIntervalSince1970 * 1000)
    }
}
