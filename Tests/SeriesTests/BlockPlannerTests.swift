import Foundation
import Testing
@testable import Series

@Suite struct BlockPlannerTests {
    @Test func blockLengthFollowsStep() {
        #expect(BlockPlanner(stepMillis: 1_000).blockMillis == 3_600_000)
        #expect(BlockPlanner(stepMillis: 60_000).blockMillis == 7 * 86_400_000)
        #expect(BlockPlanner(stepMillis: 900_000).blockMillis == 112 * 86_400_000)
        #expect(BlockPlanner(stepMillis: 3_600_000).blockMillis == 364 * 86_400_000)
    }

    @Test func blocksStartOnMondayAndContainTheirTimestamps() {
        var rng = SplitMix64(seed: 3)
        let planner = BlockPlanner(stepMillis: 60_000)
        for _ in 0..<1000 {
            let t = Int64(bitPattern: rng.next() >> 22) - (1 << 41)
            let range = planner.blockRange(containing: t)
            #expect(range.contains(t))
            // 1970-01-05 was a Monday; Monday-aligned blocks differ from it by whole weeks.
            #expect((range.lowerBound - BlockPlanner.anchor) % (7 * 86_400_000) == 0)
        }
    }

    @Test func splitCoversAllPointsInOrder() {
        let data = SeriesData(timestamps: Shapes.regularTimestamps(40_000), values: (0..<40_000).map(Double.init))
        let pieces = BlockPlanner(stepMillis: 900_000).split(data)
        #expect(pieces.count > 1)
        var joined = SeriesData()
        for piece in pieces { joined.append(contentsOf: piece.data) }
        #expect(joined == data)
    }
}
