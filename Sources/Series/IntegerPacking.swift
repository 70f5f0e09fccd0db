import Foundation

/// Frame-of-reference bit-packing of Int64 in blocks: each block stores its minimum and the bit width of
/// `value - minimum`, then the offsets packed LSB-first. Small blocks let quiet stretches (a night of zero PV)
/// pack narrower than busy ones.
enum IntegerPacking {
    static let blockSize = 128

    /// Bit width of each block of `values` (what `pack` would use), for sizing without writing.
    static func widths(_ values: UnsafeBufferPointer<Int64>) -> (widths: [UInt8], minimums: [Int64]) {
        var widths: [UInt8] = []
        var minimums: [Int64] = []
        widths.reserveCapacity(values.count / blockSize + 1)
        minimums.reserveCapacity(values.count / blockSize + 1)
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
            widths.append(UInt8(64 - UInt64(bitPattern: hi &- lo).leadingZeroBitCount))
            minimums.append(lo)
            start = end
        }
        return (widths, minimums)
    }

    /// Approximate packed size in bytes, for choosing between encodings.
    static func estimatedSize(_ values: UnsafeBufferPointer<Int64>) -> Int {
        let (widths, _) = self.widths(values)
        var bits = 0
        for (b, w) in widths.enumerated() { bits += Int(w) * min(blockSize, values.count - b * blockSize) + 24 }
        return bits / 8
    }

    static func pack(_ values: UnsafeBufferPointer<Int64>, into out: inout ByteWriter) {
        let (widths, minimums) = self.widths(values)
        var bits = BitWriter(capacity: blockSize * 8)
        for (b, w) in widths.enumerated() {
            let start = b * blockSize
            let end = min(start + blockSize, values.count)
            let lo = minimums[b]
            let width = Int(w)
            out.signed(lo)
            out.u8(w)
            guard width > 0 else { continue }
            for i in start..<end { bits.write(UInt64(bitPattern: values[i] &- lo), width) }
            bits.finish(into: &out.bytes)
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
