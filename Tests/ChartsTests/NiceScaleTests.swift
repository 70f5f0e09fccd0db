import Testing
@testable import Charts

@Suite struct NiceScaleTests {
    @Test func roundsOutToOneTwoFiveSteps() {
        // Act
        let a = NiceScale(min: 0, max: 97, targetCount: 5)
        let b = NiceScale(min: 0.13, max: 0.37, targetCount: 5)
        let c = NiceScale(min: -1_234, max: 5_678, targetCount: 6)

        // Assert
        #expect(a.lower == 0 && a.upper == 100 && a.step == 20)
        #expect(b.step == 0.05)
        #expect(b.ticks == [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
        #expect(b.decimals == 2)
        #expect(c.lower == -2_000 && c.upper == 6_000 && c.step == 2_000)
    }

    @Test func includesZeroForBarsAndAreas() {
        let scale = NiceScale(min: 230, max: 250, targetCount: 5, includeZero: true)
        #expect(scale.lower == 0)
        #expect(scale.upper == 250)
    }

    @Test func widensFlatAndInvalidRanges() {
        #expect(NiceScale(min: 5, max: 5, targetCount: 4).ticks == [4.5, 5, 5.5])
        #expect(NiceScale(min: 0, max: 0, targetCount: 4, includeZero: true).ticks == [0, 0.5, 1])
        #expect(NiceScale(min: .nan, max: .nan, targetCount: 5).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func avoidsFloatingPointCrumbs() {
        let scale = NiceScale(min: 0.1, max: 0.3, targetCount: 2)
        #expect(scale.ticks == [0.1, 0.2, 0.3])
    }
}
