import Foundation

/// Gorilla-style XOR compression for values without decimal structure: each value is XORed with its
/// predecessor and only the meaningful bits are written, reusing the previous leading/trailing-zero window.
enum XORScheme {
    static func encode(_ v: UnsafeBufferPointer<Double>, into out: inout ByteWriter) {
        var bits = BitWriter(capacity: v.count * 4)
        var previous = v[0].bitPattern
        bits.write(previous, 64)
        var leading = -1
        var trailing = 0
        for i in 1..<v.count {
            let current = v[i].bitPattern
            let x = current ^ previous
            previous = current
            if x == 0 {
                bits.write(0, 1)
                continue
            }
            bits.write(1, 1)
            let lz = min(x.leadingZeroBitCount, 31)
            let tz = x.trailingZeroBitCount
            if leading >= 0 && lz >= leading && tz >= trailing {
                bits.write(0, 1)
                bits.write(x >> UInt64(trailing), 64 - leading - trailing)
            } else {
                leading = lz
                trailing = tz
                let significant = 64 - lz - tz
                bits.write(1, 1)
                bits.write(UInt64(lz), 5)
                bits.write(UInt64(significant - 1), 6)
                bits.write(x >> UInt64(tz), significant)
            }
        }
        out.varint(bits.byteCount)
        bits.finish(into: &out.bytes)
    }

    static func decode(into v: UnsafeMutableBufferPointer<Double>, from reader: inout ByteReader) throws(ChunkCodecError) {
        let length = try reader.count(limit: reader.remaining)
        var bits = BitReader(try reader.take(length))
        guard v.count > 0 else { return }
        var previous = try bits.read(64)
        v[0] = Double(bitPattern: previous)
        var leading = 0
        var trailing = 0
        for i in 1..<v.count {
            if try bits.bit() {
                if try bits.bit() {
                    leading = Int(try bits.read(5))
                    let significant = Int(try bits.read(6)) + 1
                    trailing = 64 - leading - significant
                    guard trailing >= 0 else { throw .corrupt("xor window") }
                }
                previous ^= (try bits.read(64 - leading - trailing)) << UInt64(trailing)
            }
            v[i] = Double(bitPattern: previous)
        }
    }
}
