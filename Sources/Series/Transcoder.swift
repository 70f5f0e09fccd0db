import Foundation

/// Streams bytes of a ``CSVEncoding`` into UTF-8, dropping a leading byte-order mark. Chunk boundaries may fall
/// anywhere (inside a UTF-16 code unit or surrogate pair); the partial tail waits for the next chunk.
struct Transcoder: Sendable {
    let encoding: CSVEncoding
    private var atStart = true
    private var pending: [UInt8] = []
    private var highSurrogate: UInt32?
    /// Whether a byte-order mark was found and dropped.
    private(set) var sawBOM = false

    init(_ encoding: CSVEncoding) { self.encoding = encoding }

    /// Whether input from here on is already UTF-8 to be used as it is (the start, with its BOM, is behind).
    var passesThrough: Bool { encoding == .utf8 && !atStart && pending.isEmpty }

    mutating func append(_ chunk: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let input = UnsafeBufferPointer(start: chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), count: chunk.count)
        guard atStart || !pending.isEmpty else {
            convert(input, to: &out)
            return
        }
        // Rare path: a BOM check or a split code unit needs the previous tail in front.
        var joined = pending + Array(input)
        pending.removeAll()
        if atStart {
            let bomLength = Self.bomLength(joined, encoding)
            if bomLength < 0 {
                pending = joined  // not enough bytes yet to tell
                return
            }
            sawBOM = bomLength > 0
            joined.removeFirst(bomLength)
            atStart = false
        }
        joined.withUnsafeBufferPointer { convert($0, to: &out) }
    }

    /// Flushes an incomplete tail as U+FFFD at end of input.
    mutating func finish(to out: inout [UInt8]) {
        if atStart {
            atStart = false
            let bomLength = max(0, Self.bomLength(pending, encoding, final: true))
            sawBOM = bomLength > 0
            let rest = Array(pending.dropFirst(bomLength))
            pending.removeAll()
            rest.withUnsafeBufferPointer { convert($0, to: &out) }
        }
        if !pending.isEmpty || highSurrogate != nil {
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            pending.removeAll()
            highSurrogate = nil
        }
    }

    /// Length of the BOM at the start of `bytes`, or −1 when more bytes are needed to tell.
    static func bomLength(_ bytes: [UInt8], _ encoding: CSVEncoding, final: Bool = false) -> Int {
        let bom: [UInt8] = switch encoding {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        case .windows1252: []
        }
        if bytes.count < bom.count && !final && bytes.elementsEqual(bom.prefix(bytes.count)) { return -1 }
        return bytes.starts(with: bom) && !bom.isEmpty ? bom.count : 0
    }

    private mutating func convert(_ input: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        switch encoding {
        case .utf8:
            out.append(contentsOf: input)
        case .windows1252:
            out.reserveCapacity(out.count + input.count + input.count / 8)
            for b in input {
                if b < 0x80 {
                    out.append(b)
                } else {
                    appendScalar(b >= 0xA0 || b < 0x80 ? UInt32(b) : Self.cp1252[Int(b - 0x80)], to: &out)
                }
            }
        case .utf16LE, .utf16BE:
            let little = encoding == .utf16LE
            out.reserveCapacity(out.count + input.count / 2 + 16)
            var i = 0
            while i + 1 < input.count {
                let unit = little
                    ? UInt32(input[i]) | UInt32(input[i + 1]) << 8
                    : UInt32(input[i]) << 8 | UInt32(input[i + 1])
                i += 2
                decodeUnit(unit, to: &out)
            }
            if i < input.count { pending = [input[i]] }
        }
    }

    private mutating func decodeUnit(_ unit: UInt32, to out: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                appendScalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &out)
                return
            }
            appendScalar(0xFFFD, to: &out)
        }
        if unit >= 0xD800 && unit <= 0xDBFF {
            highSurrogate = unit
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            appendScalar(0xFFFD, to: &out)
        } else {
            appendScalar(unit, to: &out)
        }
    }

    @inline(__always)
    private func appendScalar(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case ..<0x80:
            out.append(UInt8(s))
        case ..<0x800:
            out.append(UInt8(0xC0 | s >> 6))
            out.append(UInt8(0x80 | s & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | s >> 12))
            out.append(UInt8(0x80 | s >> 6 & 0x3F))
            out.append(UInt8(0x80 | s & 0x3F))
        default:
            out.append(UInt8(0xF0 | s >> 18))
            out.append(UInt8(0x80 | s >> 12 & 0x3F))
            out.append(UInt8(0x80 | s >> 6 & 0x3F))
            out.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// Windows-1252 0x80…0x9F; the five undefined bytes map to the same C1 code points as Latin-1.
    private static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
