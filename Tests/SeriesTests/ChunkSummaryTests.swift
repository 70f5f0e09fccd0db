import Foundation
import Testing
@testable import Series

@Suite struct ChunkSummaryTests {
    @Test func summaryIgnoresNaN() {
        // Arrange
        let data = SeriesData(timestamps: [10, 20, 30, 40, 50], values: [.nan, 2, -1, 4, .nan])
        // Act
        let s = ChunkSummary(data)
        // Assert
        #expect(s.pointCount == 5 && s.count == 3)
        #expect(s.startTimestamp == 10 && s.endTimestamp == 50)
        #expect(s.min == -1 && s.max == 4 && s.sum == 5)
        #expect(s.firstTimestamp == 20 && s.firstValue == 2)
        #expect(s.lastTimestamp == 40 && s.lastValue == 4)
    }

    @Test func allNaNSummaryHasNoStatistics() {
        let s = ChunkSummary(SeriesData(timestamps: [1, 2], values: [.nan, .nan]))
        #expect(s.count == 0 && s.min == nil && s.firstValue == nil && s.sum == 0 && s.mean.isNaN)
    }

    @Test func summaryIsJSONCodable() throws {
        let s = ChunkSummary(SeriesData(timestamps: [1, 2], values: [1.5, .nan]))
        let decoded = try JSONDecoder().decode(ChunkSummary.self, from: JSONEncoder().encode(s))
        #expect(decoded == s)
    }
}

@Suite struct EncodedBlocksTests {
    @Test func encodeBlocksMatchesSplitThenEncode() throws {
        // Arrange
        let data = Synthetic.pv(from: 1_704_067_200_000, to: 1_704_067_200_000 + 200 * 86_400_000, seed: 4)
        let planner = BlockPlanner(stepMillis: 900_000)
        // Act
        let chunks = ChunkCodec.encodeBlocks(data, planner: planner)
        // Assert
        let pieces = planner.split(data)
        #expect(chunks.map(\.blockStart) == pieces.map(\.blockStart))
        for (chunk, piece) in zip(chunks, pieces) {
            #expect(chunk.bytes == ChunkCodec.encode(piece.data) as [UInt8])
            #expect(chunk.summary == ChunkSummary(piece.data))
            #expect(try ChunkCodec.decode(chunk.bytes) == piece.data)
        }
    }
}
