import Foundation

extension ChunkCodec {
    private enum TimestampMode: UInt8 {
        /// First timestamp, step, then the few differences that are not the step.
        case stepWithExceptions = 1
        /// First timestamp, step, then every difference minus the step, bit-packed.
        case packedDifferences = 2
    }

    static func encodeTimestamps(_ t: UnsafeBufferPointer<Int64>, into out: inout ByteWriter) {
        guard let first = t.first else { return }
        out.signed(first)
        guard t.count > 1 else { return }
        let step = commonestDifference(t)
        var exceptions = ByteWriter()
        var exceptionCount = 0
        var lastException = 0
        for i in 1..<t.count where t[i] &- t[i - 1] != step {
            exceptionCount += 1
            exceptions.varint(i - lastException)
            exceptions.signed((t[i] &- t[i - 1]) &- step)
            lastException = i
        }
        var stepped = ByteWriter()
        stepped.u8(TimestampMode.stepWithExceptions.rawValue)
        stepped.signed(step)
        stepped.varint(exceptionCount)
        stepped.append(exceptions)
        if exceptionCount > 0 {
            var packed = ByteWriter()
            packed.u8(TimestampMode.packedDifferences.rawValue)
            packed.signed(step)
            let residuals = (1..<t.count).map { (t[$0] &- t[$0 - 1]) &- step }
            residuals.withUnsafeBufferPointer { IntegerPacking.pack($0, into: &packed) }
            if packed.bytes.count < stepped.bytes.count {
                out.append(packed)
                return
            }
        }
        out.append(stepped)
    }

    /// The most frequent difference among (up to) the first 1,024, which is the step of regular data.
    private static func commonestDifference(_ t: UnsafeBufferPointer<Int64>) -> Int64 {
        let first = t[1] &- t[0]
        var regular = true
        for i in 2..<min(t.count, 1025) where t[i] &- t[i - 1] != first {
            regular = false
            break
        }
        if regular { return first }
        var tally: [Int64: Int] = [:]
        for i in 1..<min(t.count, 1025) { tally[t[i] &- t[i - 1], default: 0] += 1 }
        return tally.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
    }

    static func decodeTimestamps(count: Int, from reader: inout ByteReader) throws(ChunkCodecError) -> [Int64] {
        guard count > 0 else { return [] }
        let first = try reader.signed()
        guard count > 1 else { return [first] }
        guard let mode = TimestampMode(rawValue: try reader.u8()) else { throw .corrupt("timestamp mode") }
        let step = try reader.signed()
        var out = [Int64](repeating: 0, count: count)
        switch mode {
        case .stepWithExceptions:
            let exceptionCount = try reader.count(limit: count - 1)
            var differences = [Int64](repeating: step, count: count)
            var index = 0
            for _ in 0..<exceptionCount {
                index += try reader.count(limit: count)
                guard index > 0 && index < count else { throw .corrupt("timestamp exception index") }
                differences[index] = step &+ (try reader.signed())
            }
            var t = first
            out[0] = first
            for i in 1..<count {
                t = t &+ differences[i]
                out[i] = t
            }
        case .packedDifferences:
            try out.withUnsafeMutableBufferPointer { (buffer) throws(ChunkCodecError) in
                let p = buffer.baseAddress!
                try IntegerPacking.unpack(count: count - 1, from: &reader, into: p + 1)
                p[0] = first
                for i in 1..<count { p[i] = p[i - 1] &+ p[i] &+ step }
            }
        }
        return out
    }
}
