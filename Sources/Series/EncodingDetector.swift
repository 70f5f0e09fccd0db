import Foundation

/// Guesses the text encoding of a file from its first bytes.
enum EncodingDetector {
    /// BOM first; then UTF-16 without BOM from the pattern of zero bytes; then UTF-8 if the bytes are valid
    /// UTF-8 (a sequence cut by the end of the sample is fine); otherwise Windows-1252.
    static func detect(_ b: [UInt8]) -> (encoding: CSVEncoding, byteOrderMark: Bool) {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, true) }
        if b.starts(with: [0xFF, 0xFE]) { return (.utf16LE, true) }
        if b.starts(with: [0xFE, 0xFF]) { return (.utf16BE, true) }
        let probe = b.prefix(4096)
        var evenZeros = 0
        var oddZeros = 0
        for (i, byte) in probe.enumerated() where byte == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        if probe.count >= 4 {
            if oddZeros * 4 > probe.count && evenZeros * 20 < probe.count { return (.utf16LE, false) }
            if evenZeros * 4 > probe.count && oddZeros * 20 < probe.count { return (.utf16BE, false) }
        }
        return (isUTF8(b) ? .utf8 : .windows1252, false)
    }

    static func isUTF8(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            let length: Int
            switch c {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            for k in 1..<length {
                guard i + k < b.count else { return true }  // cut by the end of the sample
                guard b[i + k] & 0xC0 == 0x80 else { return false }
            }
            i += length
        }
        return true
    }
}
