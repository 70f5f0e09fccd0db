#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers for scanning XML bytes by hand: fast enough for 100 MB worksheets, where a
/// general XML decoder would build millions of nodes.
enum XMLText {
    /// Index of the first `byte` at or after `from` (memchr: the scanner's inner loop).
    @inline(__always)
    static func findByte(_ byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < p.count, let base = p.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), p.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Index of the first occurrence of `needle` at or after `from`, or `nil`.
    static func find(_ needle: [UInt8], in p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var i = from
        while let hit = findByte(first, in: p, from: i) {
            if matches(needle, in: p, at: hit) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// Does `p[at...]` start with `prefix`?
    @inline(__always)
    static func matches(_ prefix: [UInt8], in p: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        guard at + prefix.count <= p.count else { return false }
        for k in 0..<prefix.count where p[at + k] != prefix[k] { return false }
        return true
    }

    /// The attributes of a start tag `p[start..<end]` (from after the name to before `>`), as
    /// (name, value) byte ranges; values are not entity-decoded.
    static func attributes(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ body: (Range<Int>, Range<Int>) -> Void) {
        var i = start
        while i < end {
            while i < end && (p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 || p[i] == 0x2F) { i += 1 }
            let nameStart = i
            while i < end && p[i] != 0x3D && p[i] != 0x20 { i += 1 }  // =
            let nameEnd = i
            while i < end && p[i] != 0x22 && p[i] != 0x27 { i += 1 }  // " or '
            guard i < end else { return }
            let quote = p[i]
            i += 1
            let valueStart = i
            while i < end && p[i] != quote { i += 1 }
            body(nameStart..<nameEnd, valueStart..<i)
            i += 1
        }
    }

    /// Appends text decoded from XML character data: the five named entities, numeric character
    /// references, and Excel's `_xHHHH_` escapes for control characters.
    static func appendDecoded(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            // Copy the run up to the next `&` or `_` in one go: most values have neither.
            var j = i
            while j < end && p[j] != 0x26 && p[j] != 0x5F { j += 1 }
            if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j])); i = j; continue }
            let b = p[i]
            if b == 0x26, let semicolon = (i + 1..<min(end, i + 12)).first(where: { p[$0] == 0x3B }) {  // &…;
                let name = Array(p[(i + 1)..<semicolon])
                var scalar: UInt32?
                switch name {
                case Array("amp".utf8): scalar = 0x26
                case Array("lt".utf8): scalar = 0x3C
                case Array("gt".utf8): scalar = 0x3E
                case Array("quot".utf8): scalar = 0x22
                case Array("apos".utf8): scalar = 0x27
                default:
                    if name.first == 0x23 {  // #
                        let digits = String(decoding: name.dropFirst(), as: UTF8.self)
                        scalar = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    }
                }
                if let scalar, let u = Unicode.Scalar(scalar) {
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                    i = semicolon + 1
                    continue
                }
            }
            if b == 0x5F, i + 6 < end, p[i + 1] == 0x78, p[i + 6] == 0x5F,  // _xHHHH_
               let code = UInt32(String(decoding: p[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16),
               let u = Unicode.Scalar(code) {
                out.append(contentsOf: Array(String(Character(u)).utf8))
                i += 7
                continue
            }
            out.append(b)
            i += 1
        }
    }
}
