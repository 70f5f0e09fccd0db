/// Column-by-column comparison of EPA's published region figures with figures recomputed from
/// the plants (or from a lower level), with the differences shown.
public struct ConsistencyReport: Sendable, Codable {
    public enum Status: String, Sendable, Codable, Hashable {
        /// Equal within the rounding of the published value and of the inputs (or both missing).
        case ok
        /// Different by more than rounding explains.
        case differs
        /// EPA publishes no value (`--` or blank) where one can be computed.
        case publishedMissing
        /// EPA publishes a value that the inputs cannot give (no plants, or all their inputs missing).
        case computedMissing
    }

    public struct Row: Sendable, Codable, Hashable {
        public let level: RegionLevel
        public let year: Int
        /// Region code (`TX`, `US`).
        public let region: String
        /// Column code of the region sheet (`STCO2AN`).
        public let column: String
        public let published: Double?
        public let computed: Double?
        /// computed − published.
        public let absoluteDifference: Double?
        /// (computed − published) / |published|; `nil` when published is 0 or missing.
        public let relativeDifference: Double?
        /// The largest difference rounding explains for this cell.
        public let tolerance: Double
        public let status: Status
    }

    public let rows: [Row]
    /// Regions present in the computed side but not in the published sheet, as `year/code`.
    public let unmatchedRegions: [String]

    /// No cell differs by more than rounding.
    public var isConsistent: Bool { !rows.contains { $0.status == .differs } }

    /// Number of rows per status.
    public var counts: [Status: Int] { rows.reduce(into: [:]) { $0[$1.status, default: 0] += 1 } }

    /// Rows that differ, largest relative difference first.
    public var differences: [Row] {
        rows.filter { $0.status == .differs }.sorted { abs($0.relativeDifference ?? .infinity) > abs($1.relativeDifference ?? .infinity) }
    }
}
