import Testing
@testable import GridModel

@Suite("Allocation by hand")
struct AllocationTests {
    @Test func proRataSplitsByNeed() {
        // Arrange / Act
        let r = Allocation.proRata(available: 4, needs: [3, 2])
        // Assert
        #expect(r == [2.4, 1.6])
    }

    @Test func proRataNeverGivesMoreThanTheNeed() {
        #expect(Allocation.proRata(available: 10, needs: [3, 2]) == [3, 2])
    }

    @Test func equalShareCapsAtNeedAndRedistributes() {
        // Arrange: T = 10 for needs 1, 5, 8 → 1 is capped, the other two share 9 equally.
        // Act
        let r = Allocation.equalShare(available: 10, needs: [5, 1, 8])
        // Assert
        #expect(r == [4.5, 1, 4.5])
    }

    @Test func equalShareWithEnoughForEveryone() {
        #expect(Allocation.equalShare(available: 20, needs: [5, 1, 8]) == [5, 1, 8])
    }

    @Test func equalShareWithAllAboveLevel() {
        #expect(Allocation.equalShare(available: 3, needs: [5, 2, 8]) == [1, 1, 1])
    }

    @Test func priorityServesGroupsInTurnAndTiesProRata() {
        // Arrange: group 0 needs 2 + 4 = 6 (served fully), group 1 needs 3 + 6 = 9 and shares the remaining 2 pro rata.
        // Act
        let r = Allocation.priority(available: 8, needs: [2, 3, 4, 6], groups: [0, 1, 0, 1])
        // Assert
        #expect(r[0] == 2 && r[2] == 4)
        #expect(isClose(r[1], 2.0 / 3) && isClose(r[3], 4.0 / 3))
    }

    @Test func prioritySkipsEmptyGroups() {
        let r = Allocation.priority(available: 1, needs: [0, 4], groups: [0, 1])
        #expect(r == [0, 1])
    }
}
