import FluentKit
import Foundation
import SQLKit
import Series

/// One stored chunk's summary row (without its bytes).
public struct StoredChunk: Sendable, Equatable {
    public var blockStart: Int64
    public var summary: ChunkSummary
    public var byteCount: Int
}

/// The `series_chunks` table through SQLKit: composite keys, blobs and batch inserts that Fluent models
/// do not express well.
struct SeriesChunkRows {
    static let table = "series_chunks"
    static let summaryColumns = [
        "block_start", "start_at", "end_at", "point_count", "value_count", "min_value", "max_value", "sum_value",
        "first_at", "first_value", "last_at", "last_value", "byte_count",
    ]
    /// Rows per INSERT: 15 binds each stays far below every SQLite build's bind limit.
    static let insertBatch = 50

    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    func insert(seriesID: UUID, _ chunks: [EncodedChunk]) async throws {
        var start = 0
        while start < chunks.count {
            let batch = chunks[start..<min(start + Self.insertBatch, chunks.count)]
            var insert = sql.insert(into: Self.table).columns(["series_id"] + Self.summaryColumns + ["data"])
            for chunk in batch {
                let s = chunk.summary
                let values: [any Encodable & Sendable] = [
                    seriesID, chunk.blockStart, s.startTimestamp, s.endTimestamp, s.pointCount, s.count, s.min, s.max,
                    s.sum.isNaN ? nil : s.sum, s.firstTimestamp, s.firstValue, s.lastTimestamp, s.lastValue,
                    chunk.bytes.count, Data(chunk.bytes),
                ]
                insert = insert.values(values.map { SQLBind($0) as any SQLExpression })
            }
            try await insert.run()
            start += Self.insertBatch
        }
    }

    func delete(seriesID: UUID, blockStarts: [Int64]? = nil) async throws {
        var statement = sql.delete(from: Self.table).where("series_id", .equal, SQLBind(seriesID))
        if let blockStarts {
            guard !blockStarts.isEmpty else { return }
            statement = statement.where("block_start", .in, SQLBind.group(blockStarts))
        }
        try await statement.run()
    }

    /// Summaries of the chunks that may hold points in `range`, in time order. A chunk's points all lie in its
    /// block (`blockStart ..< blockStart + blockMillis`), which bounds the primary-key scan.
    func summaries(seriesID: UUID, blockMillis: Int64, range: Range<Int64>?) async throws -> [StoredChunk] {
        var query = sql.select().columns(Self.summaryColumns.map { SQLColumn($0) as any SQLExpression })
            .from(Self.table).where("series_id", .equal, SQLBind(seriesID))
        if let range { query = restrict(query, to: range, blockMillis: blockMillis) }
        return try await query.orderBy("block_start").all().map(Self.storedChunk)
    }

    /// Encoded bytes of the chunks starting at `blockStarts` (or of every chunk in `range`), by block start.
    func bytes(seriesID: UUID, blockStarts: [Int64]) async throws -> [Int64: Data] {
        guard !blockStarts.isEmpty else { return [:] }
        var out: [Int64: Data] = [:]
        // Bounded IN lists; a year of one-minute data is 53 chunks.
        for start in stride(from: 0, to: blockStarts.count, by: 500) {
            let group = Array(blockStarts[start..<min(start + 500, blockStarts.count)])
            let rows = try await sql.select().column("block_start").column("data").from(Self.table)
                .where("series_id", .equal, SQLBind(seriesID)).where("block_start", .in, SQLBind.group(group)).all()
            for row in rows {
                out[try row.decode(column: "block_start", as: Int64.self)] = try row.decode(column: "data", as: Data.self)
            }
        }
        return out
    }

    /// The points in `range` (nil = all), in time order, in one query. Only the chunks the range touches are
    /// read; their stored point counts are checked against `maxPoints` before anything is decoded, and only
    /// the chunks the range cuts are trimmed (no copy of the whole result).
    func points(seriesID: UUID, blockMillis: Int64, range: Range<Int64>?, maxPoints: Int) async throws -> SeriesData {
        var query = sql.select().columns(["block_start", "point_count", "data"].map { SQLColumn($0) as any SQLExpression })
            .from(Self.table).where("series_id", .equal, SQLBind(seriesID))
        if let range { query = restrict(query, to: range, blockMillis: blockMillis) }
        let rows = try await query.orderBy("block_start").all()
        var total = 0
        for row in rows { total += try row.decode(column: "point_count", as: Int.self) }
        if total > maxPoints { throw SeriesStore.TooManyPoints(count: total, limit: maxPoints) }
        var out = SeriesData()
        out.reserveCapacity(total)
        for row in rows {
            let blockStart = try row.decode(column: "block_start", as: Int64.self)
            var piece: SeriesData
            do { piece = try ChunkCodec.decode(try row.decode(column: "data", as: Data.self)) } catch {
                throw SeriesStore.DamagedChunk(seriesID: seriesID, blockStart: blockStart)
            }
            if let range, let first = piece.timestamps.first, let last = piece.timestamps.last,
                first < range.lowerBound || last >= range.upperBound
            {
                piece = piece.slice(from: range.lowerBound, to: range.upperBound)
            }
            out.append(contentsOf: piece)
        }
        return out
    }

    /// Totals of a series' chunks: (chunks, points, first, last, bytes).
    func totals(seriesID: UUID) async throws -> (chunks: Int, points: Int, first: Int64?, last: Int64?, bytes: Int) {
        // PostgreSQL sums BIGINT columns as NUMERIC: cast back so both databases answer integers.
        let row = try await sql.raw("""
            SELECT COUNT(*) AS chunks, CAST(SUM(point_count) AS BIGINT) AS points, MIN(start_at) AS first,
                   MAX(end_at) AS last, CAST(SUM(byte_count) AS BIGINT) AS bytes
            FROM series_chunks WHERE series_id = \(bind: seriesID)
            """).first()
        guard let row else { return (0, 0, nil, nil, 0) }
        let chunks = try row.decode(column: "chunks", as: Int.self)
        guard chunks > 0 else { return (0, 0, nil, nil, 0) }
        return (
            chunks, Int(try row.decode(column: "points", as: Int64.self)), try row.decode(column: "first", as: Int64?.self),
            try row.decode(column: "last", as: Int64?.self), Int(try row.decode(column: "bytes", as: Int64.self))
        )
    }

    private func restrict(_ query: SQLSelectBuilder, to range: Range<Int64>, blockMillis: Int64) -> SQLSelectBuilder {
        let (lowBlock, _) = range.lowerBound.subtractingReportingOverflow(blockMillis)
        return query
            .where("block_start", .greaterThan, SQLBind(lowBlock))
            .where("block_start", .lessThan, SQLBind(range.upperBound))
            .where("end_at", .greaterThanOrEqual, SQLBind(range.lowerBound))
            .where("start_at", .lessThan, SQLBind(range.upperBound))
    }

    static func storedChunk(_ row: any SQLRow) throws -> StoredChunk {
        let count = try row.decode(column: "value_count", as: Int.self)
        let summary = ChunkSummary(
            pointCount: try row.decode(column: "point_count", as: Int.self), count: count,
            startTimestamp: try row.decode(column: "start_at", as: Int64.self),
            endTimestamp: try row.decode(column: "end_at", as: Int64.self),
            min: try row.decode(column: "min_value", as: Double?.self),
            max: try row.decode(column: "max_value", as: Double?.self),
            // SQLite stores NaN as NULL: a sum of +inf and -inf.
            sum: try row.decode(column: "sum_value", as: Double?.self) ?? (count > 0 ? .nan : 0),
            firstTimestamp: try row.decode(column: "first_at", as: Int64?.self),
            firstValue: try row.decode(column: "first_value", as: Double?.self),
            lastTimestamp: try row.decode(column: "last_at", as: Int64?.self),
            lastValue: try row.decode(column: "last_value", as: Double?.self))
        return StoredChunk(
            blockStart: try row.decode(column: "block_start", as: Int64.self), summary: summary,
            byteCount: try row.decode(column: "byte_count", as: Int.self))
    }
}
