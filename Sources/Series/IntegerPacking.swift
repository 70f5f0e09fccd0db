import Foundation

/// Frame-of-reference bit-packing of Int64 in blocks: each block stores its minimum and the bit width of
/// `value - minimum`, then the offsets packed LSB-first. Small blocks let quiet stretches (a night of zero PV)
/// pack narrower than busy ones.
enum IntegerPacking {
    static let blockSize = 128

    /// What ``pack`` writes for each block: its minimum and the bit width of the offsets from it.
    struct Plan {
        var minimums: [Int64] = []
        var widths: [UInt8] = []
        /// Approximate packed size in bits (payload plus 24 bits of header per block), for choosing an encoding.
        var bits = 0

        init(capacity: Int) {
            minimums.reserveCapacity(capacity)
            widths.reserveCapacity(capacity)
        }

        var estimatedSize: Int { bits / 8 }

        mutating func add(lo: Int64, hi: Int64, count: Int) {
            // Wrapping subtraction gives the true range as UInt64 for any pair of Int64.
            let width = UInt8(64 - UInt64(bitPattern: hi &- lo).leadingZeroBitCount)
            minimums.append(lo)
            widths.append(width)
            bits += Int(width) * count + 24
        }
    }

    /// The plan for `values` themselves and for their differences (the first value, then each value minus the
    /// one before), in one pass: delta-coding wins for smooth signals, plain frame-of-reference for noisy ones.
    static func plans(plainAndDeltaOf values: UnsafeBufferPointer<Int64>) -> (plain: Plan, delta: Plan) {
        let blocks = values.count / blockSize + 1
        var plain = Plan(capacity: blocks)
        var delta = Plan(capacity: blocks)
        var previous: Int64 = 0
        var start = 0
        while start < values.count {
            let end = min(start + blockSize, values.count)
            var lo = values[start], hi = lo
            var dLo = values[start] &- previous, dHi = dLo
            for i in start..<end {
                let x = values[i]
                let d = x &- previous
                previous = x
                lo = min(lo, x)
                hi = max(hi, x)
                dLo = min(dLo, d)
                dHi = max(dHi, d)
            }
            plain.add(lo: lo, hi: hi, count: end - start)
            delta.add(lo: dLo, hi: dHi, count: end - start)
            start = end
        }
        return (plain, delta)
    }

    static func pack(_ values: UnsafeBufferPointer<Int64>, into out: inout ByteWriter) {
        pack(values, plan: plans(plainAndDeltaOf: values).plain, into: &out)
    }

    /// Packs the differences of `values` (see ``plans(plainAndDeltaOf:)``) by their plan.
    static func pack(deltasOf values: UnsafeBufferPointer<Int64>, plan: Plan, into out: inout ByteWriter) {
        pack(count: values.count, plan: plan, into: &out) { i in i == 0 ? values[0] : values[i] &- values[i - 1] }
    }

    static func pack(_ values: UnsafeBufferPointer<Int64>, plan: Plan, into out: inout ByteWriter) {
        pack(count: values.count, plan: plan, into: &out) { values[$0] }
    }

    @inline(__always)
    private static func pack(count: Int, plan: Plan, into out: inout ByteWriter, _ value: (Int) -> Int64) {
        var bits = BitWriter(capacity: blockSize * 8)
        for (b, w) in plan.widths.enumerated() {
            let start = b * blockSize
            let end = min(start + blockSize, count)
            let lo = plan.minimums[b]
            let width = Int(w)
            out.signed(lo)
            out.u8(w)
            guard width > 0 else { continue }
            for i in start..<end { bits.write(UInt64(bitPattern: value(i) &- lo), width) }
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
