import Foundation

/// The character encodings EPA files arrive in. Files saved by Excel on Windows are Windows-1252
/// (`é` is the single byte 0xE9); EPA's own exports are UTF-8, often with a byte order mark.
public enum TextEncoding: String, Sendable, Codable, Equatable {
    case utf8
    case windows1252
}

enum TextDecoding {
    /// Calls `body` with the file's bytes as UTF-8 or Windows-1252, without a byte order mark, and
    /// the encoding they are in. UTF-16 (Excel's "Unicode text") is transcoded; other input is taken
    /// as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise — a byte sequence that happens
    /// to be valid UTF-8 in a Windows-1252 file is practically impossible in plant names. The bytes
    /// are not copied otherwise: a plant sheet can be 40 MB.
    static func withNormalizedBytes<R>(_ data: Data, _ body: (UnsafeRawBufferPointer, TextEncoding) throws -> R) rethrows -> R {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let littleEndian = data.first == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(data.count / 2)
            var i = data.startIndex + 2
            while i + 1 < data.endIndex {
                let a = UInt16(data[i]), b = UInt16(data[i + 1])
                units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
                i += 2
            }
            let utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
            return try utf8.withUnsafeBytes { try body($0, .utf8) }
        }
        return try data.withUnsafeBytes { raw in
            if raw.starts(with: [0xEF, 0xBB, 0xBF]) { return try body(UnsafeRawBufferPointer(rebasing: raw[3...]), .utf8) }
            return try body(raw, isValidUTF8(raw) ? .utf8 : .windows1252)
        }
    }

    static func isValidUTF8(_ p: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 }
            else { return false }
            if i + length > n { return false }
            for k in 1..<length where p[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// Decodes one field. ASCII (nearly every field) takes the short path.
    static func string<C: Collection>(_ bytes: C, encoding: TextEncoding) -> String where C.Element == UInt8 {
        if encoding == .utf8 || !bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b < 0xA0 {
                scalars.append(Unicode.Scalar(windows1252High[Int(b - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    /// Windows-1252 0x80–0x9F; the rest of the code page is Latin-1. Undefined bytes map to U+FFFD.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
