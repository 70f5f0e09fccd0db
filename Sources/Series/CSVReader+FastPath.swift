import Foundation

extension CSVReader {
    /// Parses one plain row (no quotes, no padding, well-formed values, an unambiguous timestamp) in a single
    /// pass: numbers are parsed while their end is found. Returns where the next row starts, or nil to let the
    /// general path (scanner, trimming, messages, DST rules) handle the row; nothing is recorded then.
    @inline(__always)
    mutating func fastRow(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let delimiter = scanner.delimiter
        let quote = UInt8(ascii: "\"")
        let fieldCount = roles.count
        guard fieldCount > 0 else { return nil }
        var i = start
        var time: Int64 = 0
        store.ensureRoom()
        for f in 0..<fieldCount {
            if f > 0 {
                guard i < end, p[i] == delimiter else { return nil }
                i += 1
            }
            let role = roles[f]
            if role >= 2 {
                guard i < end else { return nil }
                let c = p[i]
                if c == delimiter || c == 10 || c == 13 {
                    store.set(Int(role &- 2), .nan)
                    continue
                }
                guard case .value(let v, let next) = NumberParser.prefix(p, i, end, fastSyntax) else { return nil }
                store.set(Int(role &- 2), v)
                i = next
            } else if role == 1 {
                var e = i
                while e < end {
                    let c = p[e]
                    if c == delimiter || c == 10 || c == 13 || c == quote { break }
                    e += 1
                }
                guard e < end, e > i, p[e] != quote,
                      let parsed = TimestampParser.parse(p, i, e, settings.timestampFormat) else { return nil }
                if parsed.isLocal {
                    guard case .unique(let instant) = resolver.resolve(localMillis: parsed.millis) else { return nil }
                    time = instant
                } else {
                    time = parsed.millis
                }
                i = e
            } else {
                while i < end {
                    let c = p[i]
                    if c == delimiter || c == 10 || c == 13 { break }
                    if c == quote { return nil }
                    i += 1
                }
            }
        }
        // Fields beyond the last one needed are ignored, as in the general path.
        guard i < end else { return nil }
        if p[i] == delimiter {
            i += 1
        } else if p[i] != 10 && p[i] != 13 {
            return nil  // the last value was followed by something else (`12,5,3`): let the general path report it
        }
        while i < end {
            let c = p[i]
            if c == 10 || c == 13 { break }
            if c == quote { return nil }
            i += 1
        }
        guard i < end else { return nil }
        var next = i + 1
        if p[i] == 13 {
            guard i + 1 < end else { return nil }
            if p[i + 1] == 10 { next = i + 2 }
        }
        row += 1
        line += 1
        report.dataRows += 1
        report.importedRows += 1
        if time <= lastTimestamp { needsSorting = true }
        lastTimestamp = time
        store.commit(time)
        return next
    }
}
