import Foundation
import Testing
@testable import Series

@Suite struct ChunkCodecTests {
    private func roundTrip(_ timestamps: [Int64], _ values: [Double]) throws -> (SeriesData, [UInt8]) {
        let bytes = ChunkCodec.encode(timestamps: timestamps, values: values)
        return (try ChunkCodec.decode(bytes), bytes)
    }

    @Test func emptyAndSinglePointRoundTrip() throws {
        // Arrange
        let cases: [([Int64], [Double])] = [([], []), ([42], [1.5]), ([-7], [.nan]), ([0], [-0.0])]
        for (t, v) in cases {
            // Act
            let (decoded, bytes) = try roundTrip(t, v)
            // Assert
            #expect(bytes.first == ChunkCodec.formatVersion)
            #expect(decoded == SeriesData(timestamps: t, values: v))
        }
    }

    @Test func randomShapesRoundTripBitExactly() throws {
        var rng = SplitMix64(seed: 0xC0DEC)
        for round in 0..<400 {
            // Arrange
            let n = Int(rng.next() % 3000) + 1
            let timestamps = round % 3 == 0 ? Shapes.irregularTimestamps(n, &rng) : Shapes.regularTimestamps(n)
            let values: [Double]
            switch round % 5 {
            case 0: values = Shapes.decimals(n, &rng)
            case 1: values = Shapes.randomBits(n, &rng)
            case 2: values = Shapes.steps(n, &rng)
            case 3: values = (0..<n).map { _ in Shapes.extremes[Int(rng.next() % UInt64(Shapes.extremes.count))] }
            default: values = [Double](repeating: rng.next() % 2 == 0 ? 3.25 : .nan, count: n)
            }
            // Act
            let (decoded, _) = try roundTrip(timestamps, values)
            // Assert
            #expect(decoded == SeriesData(timestamps: timestamps, values: values), "round \(round)")
        }
    }

    @Test func extremeTimestampDifferencesRoundTrip() throws {
        let timestamps: [Int64] = [.min, .max, 0, .min, -1, 1, .max, .max]
        let values: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let (decoded, _) = try roundTrip(timestamps, values)
        #expect(decoded.timestamps == timestamps)
    }

    @Test func regularTimestampsAndConstantsCostAlmostNothing() throws {
        // Arrange
        let n = 10_000
        let data = SeriesData(timestamps: Shapes.regularTimestamps(n), values: [Double](repeating: 230.5, count: n))
        // Act
        let bytes: [UInt8] = ChunkCodec.encode(data)
        // Assert: block headers only, well under a tenth of a byte per point
        #expect(bytes.count < n / 10)
        #expect(try ChunkCodec.decode(bytes) == data)
    }

    @Test func nanIsKeptAsNaNWithoutPayload() throws {
        let payload = Double(bitPattern: 0x7FF8_0000_0000_BEEF)
        let (decoded, _) = try roundTrip([1, 2, 3], [payload, 1, -.nan])
        #expect(decoded.values[0].isNaN && decoded.values[2].isNaN && decoded.values[1] == 1)
    }

    @Test func truncatedOrCorruptBytesThrowInsteadOfCrashing() {
        var rng = SplitMix64(seed: 7)
        let data = SeriesData(timestamps: Shapes.irregularTimestamps(500, &rng), values: Shapes.decimals(500, &rng))
        let bytes: [UInt8] = ChunkCodec.encode(data)
        for cut in 0..<bytes.count {
            #expect(throws: ChunkCodecError.self) { try ChunkCodec.decode(Array(bytes.prefix(cut))) }
        }
        for _ in 0..<2000 {
            var corrupt = bytes
            corrupt[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            _ = try? ChunkCodec.decode(corrupt)  // any outcome but a crash is acceptable
        }
    }

    @Test func randomBytesAfterAValidHeaderNeverCrash() {
        var rng = SplitMix64(seed: 404)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = [ChunkCodec.formatVersion]
            for _ in 0..<Int(rng.next() % 48) { bytes.append(UInt8(truncatingIfNeeded: rng.next() % 4 == 0 ? rng.next() % 4 : rng.next())) }
            _ = try? ChunkCodec.decode(bytes)
        }
    }

    @Test func unknownVersionIsRejected() {
        #expect(throws: ChunkCodecError.unsupportedVersion(9)) { try ChunkCodec.decode([9, 0]) }
    }

    @Test func decimalSchemeFindsMeterResolution() {
        let values = [1.234, 0.5, 12.001, 3.0]
        let e = values.withUnsafeBufferPointer { DecimalScheme.bestExponent($0) }
        #expect(e == 3)
    }
}
