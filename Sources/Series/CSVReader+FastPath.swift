import Foundation

extension CSVReader {
    /// Parses one plain row in a single pass: unquoted numbers are parsed while their end is found, quoted
    /// cells without doubled quotes or line breaks are parsed between their quotes. Returns where the next row
    /// starts, or nil to let the general path (scanner, trimming, messages, DST rules) handle the row; nothing
    /// is recorded then.
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
            // Blanks around cells (`a, 1.5 , b`) are trimmed, as the general path does; a quote after blanks
            // is a literal character there (RFC 4180), so such a cell goes to the general path.
            let cellStart = i
            while i < end && (p[i] == 32 || p[i] == 9) && p[i] != delimiter { i += 1 }
            guard i < end, i == cellStart || p[i] != quote else { return nil }
            let role = roles[f]
            defer { while i < end && (p[i] == 32 || p[i] == 9) && p[i] != delimiter { i += 1 } }
            if p[i] == quote {
                // A quoted cell: its text is everything up to the next quote, which must end the cell.
                let s = i + 1
                var e = s
                while e < end && p[e] != quote && p[e] != 10 && p[e] != 13 { e += 1 }
                guard e + 1 < end, p[e] == quote, p[e + 1] == delimiter || p[e + 1] == 10 || p[e + 1] == 13 else {
                    return nil  // doubled quotes, text after the closing quote, or the end of the buffer
                }
                i = e + 1
                if role >= 2 {
                    if s == e {
                        store.set(Int(role &- 2), .nan)
                    } else {
                        guard let v = NumberParser.parse(p, s, e, syntax) else { return nil }
                        store.set(Int(role &- 2), v)
                    }
                } else if role == 1 {
                    guard let t = fastTimestamp(p, s, e) else { return nil }
                    time = t
                }
                continue
            }
            if role >= 2 {
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
                var last = e
                while last > i && (p[last - 1] == 32 || p[last - 1] == 9) { last -= 1 }
                guard e < end, p[e] != quote, let t = fastTimestamp(p, i, last) else { return nil }
                time = t
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

    /// A timestamp that needs no rule: an instant, or a local time that exists exactly once.
    @inline(__always)
    private mutating func fastTimestamp(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int64? {
        guard e > s, let parsed = TimestampParser.parse(p, s, e, settings.timestampFormat) else { return nil }
        guard parsed.isLocal else { return parsed.millis }
        guard case .unique(let instant) = resolver.resolve(localMillis: parsed.millis) else { return nil }
        return instant
    }
}
