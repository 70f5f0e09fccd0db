import Foundation

/// Frame-of-reference bit-packing of Int64 in blocks: each block stores its minimum and the bit width of
/// `value - minimum`, then the offsets packed LSB-first. Small blocks let quiet stretches (a night of zero PV)
/// pack narrower than busy ones.
enum IntegerPacking {
    static let blockSize = 128

    static func pack(_ values: UnsafeBufferPointer<Int64>, into out: inout ByteWriter) {
        var start = 0
        while start < values.count {
            let end = min(start + blockSize, values.count)
            var lo = values[start]
            var hi = values[start]
            for i in start..<end {
                lo = min(lo, values[i])
                hi = max(hi, values[i])
            }
            // Wrapping subtraction gives the true range as UInt64 for any pair of Int64.
            let range = UInt64(bitPattern: hi &- lo)
            let width = 64 - range.leadingZeroBitCount
            out.signed(lo)
            out.u8(UInt8(width))
            if width > 0 {
                var bits = BitWriter(capacity: (width * (end - start) + 7) / 8)
                for i in start..<end { bits.write(UInt64(bitPattern: values[i] &- lo), width) }
                out.bytes.append(contentsOf: bits.finish())
            }
            start = end
        }
    }

    static func unpack(
        count: Int, from reader: inout ByteReader, into out: UnsafeMutablePointer<Int64>
    ) throws(ChunkCodecError) {
        var start = 0
        while start < count {
            let n = min(blockSize, count - start)
            let lo = try reader.signed()
            let width = Int(try reader.u8())
            guard width <= 64 else { throw .corrupt("bit width \(width)") }
            if width == 0 {
                for i in 0..<n { out[start + i] = lo }
            } else {
                var bits = BitReader(try reader.take((width * n + 7) / 8))
                for i in 0..<n { out[start + i] = lo &+ Int64(bitPattern: try bits.read(width)) }
            }
            start += n
        }
    }
}
