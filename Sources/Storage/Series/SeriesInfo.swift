import Foundation
import Series

/// A stored series: its metadata, who owns it, and what its chunks hold.
public struct SeriesInfo: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var unit: String
    public var kind: QuantityKind
    public var source: SeriesSource
    public var tags: [String: String]
    public var ownerID: UUID?
    public var regularity: Regularity
    /// IANA zone the data was recorded in; the default zone for calendar queries.
    public var timeZone: String
    /// Length of the storage blocks (one chunk per block), fixed when the series is created.
    public var blockMillis: Int64
    /// Stored points, NaN ("no data") included.
    public var pointCount: Int
    public var firstTimestamp: Int64?
    public var lastTimestamp: Int64?
    /// Encoded bytes of all chunks (the values and timestamps, without summaries or row overhead).
    public var byteCount: Int
    public var chunkCount: Int
    /// Grows with every change to the data or metadata: cache validators (ETags) are built on it.
    public var version: Int
    /// The import job that created the series, if an import did.
    public var importJobID: UUID?
    public var createdAt: Date
    public var updatedAt: Date

    /// Encoded bytes per stored point (0 for an empty series).
    public var bytesPerPoint: Double { pointCount > 0 ? Double(byteCount) / Double(pointCount) : 0 }

    public var metadata: SeriesMetadata {
        SeriesMetadata(
            id: id.uuidString.lowercased(), name: name, unit: unit, kind: kind, source: source, tags: tags,
            regularity: regularity, timeZone: timeZone)
    }

    public init(
        id: UUID, name: String, unit: String, kind: QuantityKind, source: SeriesSource, tags: [String: String],
        ownerID: UUID?, regularity: Regularity, timeZone: String, blockMillis: Int64, pointCount: Int,
        firstTimestamp: Int64?, lastTimestamp: Int64?, byteCount: Int, chunkCount: Int, version: Int,
        importJobID: UUID?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.kind = kind
        self.source = source
        self.tags = tags
        self.ownerID = ownerID
        self.regularity = regularity
        self.timeZone = timeZone
        self.blockMillis = blockMillis
        self.pointCount = pointCount
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.byteCount = byteCount
        self.chunkCount = chunkCount
        self.version = version
        self.importJobID = importJobID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Filter for listing series; every given condition must hold.
public struct SeriesFilter: Sendable {
    /// Part of the name, any case.
    public var search: String?
    /// Tags the series must carry, each with exactly this value.
    public var tags: [String: String]
    public var unit: String?
    public var kind: QuantityKind?
    public var source: SeriesSource?
    public var importJobID: UUID?

    public init(
        search: String? = nil, tags: [String: String] = [:], unit: String? = nil, kind: QuantityKind? = nil,
        source: SeriesSource? = nil, importJobID: UUID? = nil
    ) {
        self.search = search
        self.tags = tags
        self.unit = unit
        self.kind = kind
        self.source = source
        self.importJobID = importJobID
    }
}

/// A series' data cut into chunks and encoded, ready to store: encoding is CPU work done before the write
/// transaction opens, so the transaction only inserts rows.
public struct PreparedSeries: Sendable {
    public var metadata: SeriesMetadata
    public var planner: BlockPlanner
    public var chunks: [EncodedChunk]

    /// Encodes `data` (ascending timestamps) into the planner's blocks; the default planner follows the
    /// metadata's step, or the data's own spacing.
    public init(metadata: SeriesMetadata, data: SeriesData, planner: BlockPlanner? = nil) {
        let chosen = planner ?? BlockPlanner(regularity: metadata.regularity, data: data)
        self.metadata = metadata
        self.planner = chosen
        self.chunks = data.isEmpty ? [] : ChunkCodec.encodeBlocks(data, planner: chosen)
    }

    /// The same for a column of a CSV import, encoded where the reader left it.
    public init(metadata: SeriesMetadata, imported: ImportedSeries) {
        let chosen = BlockPlanner(regularity: metadata.regularity, imported: imported)
        self.metadata = metadata
        self.planner = chosen
        self.chunks = ChunkCodec.encodeBlocks(imported, planner: chosen)
    }

    public var pointCount: Int { chunks.reduce(0) { $0 + $1.summary.pointCount } }
}

/// Totals over a whole series, from the chunk summaries alone (no decoding).
public struct SeriesStatistics: Sendable, Equatable {
    public var pointCount: Int
    /// Points with a value (not NaN).
    public var valueCount: Int
    public var min: Double?
    public var max: Double?
    public var sum: Double
    public var mean: Double? { valueCount > 0 ? sum / Double(valueCount) : nil }
    public var first: (timestamp: Int64, value: Double)?
    public var last: (timestamp: Int64, value: Double)?

    public static func == (lhs: SeriesStatistics, rhs: SeriesStatistics) -> Bool {
        lhs.pointCount == rhs.pointCount && lhs.valueCount == rhs.valueCount && lhs.min == rhs.min
            && lhs.max == rhs.max && lhs.sum == rhs.sum && lhs.first?.timestamp == rhs.first?.timestamp
            && lhs.last?.timestamp == rhs.last?.timestamp
    }
}
