import Foundation

/// ALP-style decimal compression: meter values have finite decimal resolution, so `v == Double(d) / 10^e`
/// holds bit-exactly for a small integer `d`. The integers are delta-coded and bit-packed; values that do not
/// fit (−0.0, infinities, subnormals, huge magnitudes, too many digits) are stored verbatim as exceptions.
enum DecimalScheme {
    static let maxExponent = 18
    /// Exact powers of ten (all exactly representable up to 10^22).
    static let powers: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { acc, _ in acc * 10 } }
    /// Beyond 2^53 integers lose exactness; stay below it so `Double(d)` is exact.
    private static let limit = 9_007_199_254_740_992.0

    @inline(__always)
    static func scaled(_ v: Double, _ e: Int) -> Int64? { scaled(v, power: powers[e]) }

    /// `v` as an integer `d` with `d / power == v` bit-exactly, if there is one below 2^53.
    @inline(__always)
    static func scaled(_ v: Double, power: Double) -> Int64? {
        // Ties-to-even is one instruction (the default rounding calls libm). At an exact tie `v` lies half a
        // unit between two scaled integers, so neither passes the check below: the rule never matters.
        let s = (v * power).rounded(.toNearestOrEven)
        guard abs(s) < limit else { return nil }  // also rejects NaN and infinities
        let d = Int64(s)
        guard (Double(d) / power).bitPattern == v.bitPattern else { return nil }
        return d
    }

    /// The smallest exponent that reproduces the most sampled values, or nil when fewer than 3 in 4 fit at all.
    static func bestExponent(_ v: UnsafeBufferPointer<Double>) -> Int? {
        let sampleSize = min(v.count, 256)
        let stride = max(1, v.count / sampleSize)
        var best: (e: Int, hits: Int) = (0, -1)
        for e in 0...maxExponent {
            var hits = 0
            var i = 0
            while i < v.count {
                if scaled(v[i], e) != nil { hits += 1 }
                i += stride
            }
            if hits > best.hits { best = (e, hits) }
            if hits * stride >= v.count { break }  // all sampled values fit; a larger exponent cannot do better
        }
        let sampled = (v.count + stride - 1) / stride
        return best.hits * 4 >= sampled * 3 ? best.e : nil
    }

    /// Writes the values; returns how many needed a verbatim exception (so the caller may compare schemes).
    @discardableResult
    static func encode(_ v: UnsafeBufferPointer<Double>, exponent e: Int, into out: inout ByteWriter) -> Int {
        let power = powers[e]
        var exceptions = ByteWriter()
        var exceptionCount = 0
        var lastException = 0
        var previous: Int64 = 0
        let ints = [Int64](unsafeUninitializedCapacity: v.count) { buffer, initialized in
            for i in 0..<v.count {
                if let d = scaled(v[i], power: power) {
                    buffer[i] = d
                    previous = d
                } else {
                    // Repeat the neighbour so the delta stream stays small around the exception.
                    buffer[i] = previous
                    exceptions.varint(i - lastException)
                    exceptions.u64(v[i].bitPattern)
                    lastException = i
                    exceptionCount += 1
                }
            }
            initialized = v.count
        }
        out.u8(UInt8(e))
        out.varint(exceptionCount)
        out.append(exceptions)
        ints.withUnsafeBufferPointer { p in
            let (plain, delta) = IntegerPacking.plans(plainAndDeltaOf: p)
            let useDelta = delta.estimatedSize <= plain.estimatedSize
            out.u8(useDelta ? 1 : 0)
            if useDelta {
                IntegerPacking.pack(deltasOf: p, plan: delta, into: &out)
            } else {
                IntegerPacking.pack(p, plan: plain, into: &out)
            }
        }
        return exceptionCount
    }

    static func decode(into v: UnsafeMutableBufferPointer<Double>, from reader: inout ByteReader) throws(ChunkCodecError) {
        guard v.count > 0 else { throw .corrupt("decimal block without values") }
        let e = Int(try reader.u8())
        guard e <= maxExponent else { throw .corrupt("decimal exponent \(e)") }
        let exceptionCount = try reader.count(limit: v.count)
        var exceptionAt = [(Int, UInt64)]()
        exceptionAt.reserveCapacity(exceptionCount)
        var index = 0
        for _ in 0..<exceptionCount {
            index += try reader.count(limit: v.count)
            guard index < v.count else { throw .corrupt("exception index") }
            exceptionAt.append((index, try reader.u64()))
        }
        let isDelta = try reader.u8()
        guard isDelta <= 1 else { throw .corrupt("decimal packing") }
        var ints = [Int64](repeating: 0, count: v.count)
        try ints.withUnsafeMutableBufferPointer { (p) throws(ChunkCodecError) in
            try IntegerPacking.unpack(count: p.count, from: &reader, into: p.baseAddress!)
            if isDelta == 1 {
                for i in 1..<max(1, p.count) { p[i] = p[i] &+ p[i - 1] }
            }
        }
        let power = powers[e]
        for i in 0..<v.count { v[i] = Double(ints[i]) / power }
        for (i, bits) in exceptionAt { v[i] = Double(bitPattern: bits) }
    }
}
