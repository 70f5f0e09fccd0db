import Foundation

/// Decides which storage block (chunk) a timestamp belongs to.
///
/// Blocks are fixed-length UTC intervals aligned to Monday 1970-01-05 00:00 UTC, so weekly and longer blocks
/// start on a Monday. The length is picked from a ladder (1 min, 10 min, 1 h, 6 h, 1 d, 7 d, 28 d, 112 d,
/// 364 d, 1456 d): the longest rung that holds at most ``maxPointsPerBlock`` points of the series' step.
/// Examples: 1 s data → 1 h blocks (3,600 points), 1 min → 7 d (10,080), 5 min → 28 d (8,064),
/// 15 min → 112 d (10,752), 1 h → 364 d (8,736), 1 d → 1456 d (1,456). Fixed lengths (not calendar months) keep
/// the mapping a single division, independent of time zones.
public struct BlockPlanner: Sendable, Hashable, Codable {
    public static let maxPointsPerBlock: Int64 = 16_384
    public static let ladder: [Int64] = [
        60_000, 600_000, 3_600_000, 21_600_000, 86_400_000, 604_800_000,
        2_419_200_000, 9_676_800_000, 31_449_600_000, 125_798_400_000,
    ]
    /// 1970-01-05 00:00 UTC, the first Monday after the epoch.
    public static let anchor: Int64 = 4 * 86_400_000

    /// Length of every block in milliseconds.
    public let blockMillis: Int64

    public init(blockMillis: Int64) {
        precondition(blockMillis > 0, "block length must be positive")
        self.blockMillis = blockMillis
    }

    /// The planner for a series with the given (typical) step; irregular series pass their mean spacing.
    public init(stepMillis: Int64) {
        let step = Swift.max(1, stepMillis)
        let fitting = Self.ladder.last { $0 / step <= Self.maxPointsPerBlock }
        self.init(blockMillis: fitting ?? Self.ladder[0])
    }

    /// The planner for data of the given regularity; irregular data falls back to its mean spacing.
    public init(for data: SeriesData) {
        self = data.timestamps.withUnsafeBufferPointer { BlockPlanner(for: $0) }
    }

    /// The planner for ascending `timestamps` of the given regularity (detected when not given); irregular data
    /// falls back to its mean spacing.
    init(for timestamps: UnsafeBufferPointer<Int64>, regularity: Regularity? = nil) {
        if case .fixed(let step) = regularity ?? Regularity.detect(timestamps) {
            self.init(stepMillis: step)
        } else if timestamps.count >= 2, let first = timestamps.first, let last = timestamps.last {
            self.init(stepMillis: Swift.max(1, (last - first) / Int64(timestamps.count - 1)))
        } else {
            self.init(blockMillis: Self.ladder[4])
        }
    }

    /// The planner a stored series uses: its fixed step's, else its mean spacing's, else one day's.
    public init(regularity: Regularity, data: SeriesData) {
        self = data.timestamps.withUnsafeBufferPointer { BlockPlanner(regularity: regularity, timestamps: $0) }
    }

    /// The same for an imported column, read in place.
    public init(regularity: Regularity, imported: ImportedSeries) {
        self = imported.withBuffers { t, _ in BlockPlanner(regularity: regularity, timestamps: t) }
    }

    private init(regularity: Regularity, timestamps: UnsafeBufferPointer<Int64>) {
        if let step = regularity.stepMillis {
            self.init(stepMillis: step)
        } else if timestamps.count >= 2 {
            self.init(for: timestamps, regularity: .irregular)
        } else {
            self.init(blockMillis: 86_400_000)
        }
    }

    /// Start of the block containing `timestamp` (floor division, also correct before 1970).
    public func blockStart(containing timestamp: Int64) -> Int64 {
        let offset = timestamp &- Self.anchor
        var q = offset / blockMillis
        if offset % blockMillis < 0 { q -= 1 }
        return Self.anchor &+ q &* blockMillis
    }

    /// The half-open interval of the block containing `timestamp`.
    public func blockRange(containing timestamp: Int64) -> Range<Int64> {
        let start = blockStart(containing: timestamp)
        return start..<(start + blockMillis)
    }

    /// Splits ascending points into per-block pieces, in time order.
    public func split(_ data: SeriesData) -> [(blockStart: Int64, data: SeriesData)] {
        var pieces: [(Int64, SeriesData)] = []
        var i = 0
        while i < data.count {
            let range = blockRange(containing: data.timestamps[i])
            var j = i + 1
            while j < data.count && data.timestamps[j] < range.upperBound { j += 1 }
            pieces.append((range.lowerBound, data[i..<j]))
            i = j
        }
        return pieces
    }
}
