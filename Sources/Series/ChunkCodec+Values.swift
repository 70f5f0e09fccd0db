import Foundation

extension ChunkCodec {
    private enum ValueMode: UInt8 {
        case none = 0
        case decimal = 1
        case xor = 2
    }

    static func encodeValues(_ v: UnsafeBufferPointer<Double>, into out: inout ByteWriter) {
        // NaN is "no data": store where the runs are, then only the real values.
        var runs: [(start: Int, length: Int)] = []
        var i = 0
        while i < v.count {
            if v[i].isNaN {
                let start = i
                while i < v.count && v[i].isNaN { i += 1 }
                runs.append((start, i - start))
            } else {
                i += 1
            }
        }
        let present = runs.isEmpty ? Array(v) : v.filter { !$0.isNaN }
        out.varint(runs.count)
        var previousEnd = 0
        for run in runs {
            out.varint(run.start - previousEnd)
            out.varint(run.length)
            previousEnd = run.start + run.length
        }
        guard !present.isEmpty else {
            out.u8(ValueMode.none.rawValue)
            return
        }
        present.withUnsafeBufferPointer { p in
            let exponent = DecimalScheme.bestExponent(p)
            var decimal = ByteWriter()
            if let e = exponent {
                decimal.u8(ValueMode.decimal.rawValue)
                let exceptions = DecimalScheme.encode(p, exponent: e, into: &decimal)
                // A few verbatim exceptions (a -0.0, a spike) still leave the decimal scheme far ahead.
                if exceptions * 20 <= p.count {
                    out.append(decimal)
                    return
                }
            }
            var xor = ByteWriter()
            xor.u8(ValueMode.xor.rawValue)
            XORScheme.encode(p, into: &xor)
            out.append(exponent == nil || xor.bytes.count < decimal.bytes.count ? xor : decimal)
        }
    }

    static func decodeValues(count: Int, from reader: inout ByteReader) throws(ChunkCodecError) -> [Double] {
        let runCount = try reader.count(limit: count)
        var runs: [(start: Int, length: Int)] = []
        var nanTotal = 0
        var position = 0
        for _ in 0..<runCount {
            let start = position + (try reader.count(limit: count))
            let length = try reader.count(limit: count)
            guard start + length <= count, length > 0 else { throw .corrupt("NaN run out of range") }
            runs.append((start, length))
            nanTotal += length
            position = start + length
        }
        guard let mode = ValueMode(rawValue: try reader.u8()) else { throw .corrupt("value mode") }
        let presentCount = count - nanTotal
        var present = [Double](repeating: 0, count: presentCount)
        switch mode {
        case .none:
            guard presentCount == 0 else { throw .corrupt("values missing") }
        case .decimal:
            try present.withUnsafeMutableBufferPointer { (p) throws(ChunkCodecError) in
                try DecimalScheme.decode(into: p, from: &reader)
            }
        case .xor:
            try present.withUnsafeMutableBufferPointer { (p) throws(ChunkCodecError) in
                try XORScheme.decode(into: p, from: &reader)
            }
        }
        guard !runs.isEmpty else { return present }
        var out = [Double](repeating: .nan, count: count)
        var source = 0
        var target = 0
        for run in runs {
            while target < run.start {
                out[target] = present[source]
                target += 1
                source += 1
            }
            target += run.length
        }
        while target < count {
            out[target] = present[source]
            target += 1
            source += 1
        }
        return out
    }
}
