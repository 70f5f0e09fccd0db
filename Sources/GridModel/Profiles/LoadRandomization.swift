import Foundation

/// How houses with the same standard profile are made to differ, all from counter-based hashes of
/// (seed, house, day or step) so that any step of any house can be computed independently:
///
/// - **time shift**: each house's profile is shifted by a whole number of steps drawn uniformly from
///   `−maxShiftSteps…maxShiftSteps` (people get up at different times);
/// - **daily scale**: each day of each house is multiplied by `1 + dailyScaleSpread·√3·u`, `u` uniform in [−1, 1)
///   (standard deviation `dailyScaleSpread`, mean 1: some days are busier);
/// - **noise**: each step is multiplied by `1 + stepNoise·√3·u` (standard deviation `stepNoise`, mean 1).
///
/// Both factors have mean 1, so the annual consumption is kept in expectation (within about 0.5 % for a year).
public struct LoadRandomization: Sendable, Equatable {
    public var maxShiftSteps: Int
    public var dailyScaleSpread: Double
    public var stepNoise: Double

    public init(maxShiftSteps: Int = 2, dailyScaleSpread: Double = 0.10, stepNoise: Double = 0.05) {
        self.maxShiftSteps = max(0, maxShiftSteps)
        // √3·σ < 1 keeps the factors positive.
        self.dailyScaleSpread = min(max(0, dailyScaleSpread), 0.5)
        self.stepNoise = min(max(0, stepNoise), 0.5)
    }

    /// No randomisation: every house follows its standard profile exactly (used for reference comparisons).
    public static let none = LoadRandomization(maxShiftSteps: 0, dailyScaleSpread: 0, stepNoise: 0)

    // Stream salts keep the three draws independent of each other.
    static let shiftSalt: UInt64 = 0x5348_4946_5400_0001
    static let daySalt: UInt64 = 0x4441_5953_4341_0002
    static let noiseSalt: UInt64 = 0x4E4F_4953_4500_0003
    static let evSalt: UInt64 = 0x4556_4152_5256_0004

    func shift(seed: UInt64, house: Int) -> Int {
        guard maxShiftSteps > 0 else { return 0 }
        let span = UInt64(2 * maxShiftSteps + 1)
        return Int(CounterHash.hash(seed, LoadRandomization.shiftSalt, UInt64(house)) % span) - maxShiftSteps
    }
}
