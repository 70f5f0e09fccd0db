import Foundation

/// Splits UTF-8 CSV text into records and fields in place (no copies, no Strings). Quoted fields may hold
/// delimiters, doubled quotes and line breaks; only fields with doubled quotes need unescaping. Delimiters,
/// quotes and line breaks are ASCII and never occur inside a multi-byte UTF-8 sequence, so bytes suffice.
struct RecordScanner: Sendable {
    let delimiter: UInt8
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    /// Field came from a quoted cell containing `""`, which must be collapsed to `"`.
    private(set) var escaped: [Bool] = []
    private(set) var fieldCount = 0

    enum Outcome {
        /// A whole record: fields are set, `next` is where the following record starts, `newlines` how many
        /// physical lines the record took (its own line break included).
        case record(next: Int, newlines: Int)
        /// The record runs past the end of the available bytes; wait for more input.
        case incomplete
    }

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    init(delimiter: UInt8) { self.delimiter = delimiter }

    @inline(__always)
    private mutating func store(_ s: Int, _ e: Int, _ esc: Bool) {
        if fieldCount == starts.count {
            starts.append(s)
            ends.append(e)
            escaped.append(esc)
        } else {
            starts[fieldCount] = s
            ends[fieldCount] = e
            escaped[fieldCount] = esc
        }
        fieldCount += 1
    }

    /// Scans one record starting at `position` (< `count`). With `final`, the end of the bytes ends the record.
    mutating func scan(_ p: UnsafePointer<UInt8>, _ count: Int, from position: Int, final: Bool) -> Outcome {
        let delimiter = self.delimiter
        var i = position
        var newlines = 0
        fieldCount = 0
        while true {
            var s = i
            var e: Int
            var esc = false
            if i < count && p[i] == Self.quote {
                i += 1
                s = i
                while true {
                    if i >= count {
                        guard final else { return .incomplete }
                        e = count  // unterminated quote: the field runs to the end of the input
                        break
                    }
                    let c = p[i]
                    if c == Self.quote {
                        if i + 1 >= count && !final { return .incomplete }
                        if i + 1 < count && p[i + 1] == Self.quote {
                            esc = true
                            i += 2
                            continue
                        }
                        e = i
                        i += 1
                        break
                    }
                    if c == Self.lf {
                        newlines += 1
                    } else if c == Self.cr {
                        if i + 1 >= count && !final { return .incomplete }
                        if i + 1 >= count || p[i + 1] != Self.lf { newlines += 1 }
                    }
                    i += 1
                }
                if i < count && p[i] != delimiter && p[i] != Self.lf && p[i] != Self.cr {
                    // Text after the closing quote: keep the raw cell so the error shows what was written.
                    s -= 1
                    esc = false
                    while i < count && p[i] != delimiter && p[i] != Self.lf && p[i] != Self.cr { i += 1 }
                    e = i
                }
            } else {
                while i < count {
                    let c = p[i]
                    if c == delimiter || c == Self.lf || c == Self.cr { break }
                    i += 1
                }
                e = i
            }
            store(s, e, esc)
            if i >= count {
                guard final else { return .incomplete }
                return .record(next: count, newlines: newlines)
            }
            let c = p[i]
            if c == delimiter {
                i += 1
                continue
            }
            if c == Self.cr {
                if i + 1 >= count {
                    guard final else { return .incomplete }
                    i += 1
                } else {
                    i += p[i + 1] == Self.lf ? 2 : 1
                }
            } else {
                i += 1
            }
            return .record(next: i, newlines: newlines + 1)
        }
    }

    /// Bounds of field `k` without surrounding blanks. When `unescaped` is true the cell's text is in `scratch`
    /// instead (doubled quotes collapsed).
    @inline(__always)
    func field(_ k: Int, _ p: UnsafePointer<UInt8>, scratch: inout [UInt8]) -> (start: Int, end: Int, unescaped: Bool) {
        var s = starts[k]
        var e = ends[k]
        while s < e && (p[s] == 0x20 || p[s] == 0x09) { s += 1 }
        while e > s && (p[e - 1] == 0x20 || p[e - 1] == 0x09) { e -= 1 }
        guard escaped[k] else { return (s, e, false) }
        scratch.removeAll(keepingCapacity: true)
        var i = s
        while i < e {
            scratch.append(p[i])
            i += p[i] == Self.quote && i + 1 < e && p[i + 1] == Self.quote ? 2 : 1
        }
        return (s, e, true)
    }

    /// Field `k` as a String (for headers, messages and previews).
    func string(_ k: Int, _ p: UnsafePointer<UInt8>) -> String {
        guard k < fieldCount else { return "" }
        var scratch: [UInt8] = []
        let (s, e, unescaped) = field(k, p, scratch: &scratch)
        if unescaped { return String(decoding: scratch, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
    }
}
