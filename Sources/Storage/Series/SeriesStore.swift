import FluentKit
import Foundation
import SQLKit
import Series

/// Series metadata and points, stored as compressed chunks (one per series and storage block) with their
/// summaries. Same code on SQLite and PostgreSQL.
///
/// Every method works on the `Database` it was made with: pass a transaction to combine several changes (and
/// the audit entry) atomically. Writes re-encode only the blocks they touch.
public struct SeriesStore: Sendable {
    let db: any Database
    var chunks: SeriesChunkRows { SeriesChunkRows(db: db) }

    public init(_ db: any Database) { self.db = db }

    /// Thrown when a chunk in the database cannot be decoded (it was damaged outside Powerhouse).
    public struct DamagedChunk: Error, CustomStringConvertible {
        public let seriesID: UUID
        public let blockStart: Int64
        public var description: String { "chunk \(blockStart) of series \(seriesID) cannot be decoded" }
    }

    // MARK: series

    /// Stores a new series with its encoded chunks. The metadata's `id` is ignored: the series gets `id`.
    @discardableResult
    public func create(
        _ prepared: PreparedSeries, id: UUID = UUID(), ownerID: UUID?, importJobID: UUID? = nil, now: Date
    ) async throws -> SeriesInfo {
        let metadata = prepared.metadata
        let record = SeriesRecord()
        record.id = id
        record.name = metadata.name
        record.nameKey = metadata.name.lowercased()
        record.unit = metadata.unit
        record.kind = metadata.kind.rawValue
        record.source = metadata.source.rawValue
        record.tags = SeriesRecord.encodeTags(metadata.tags)
        record.ownerID = ownerID
        record.stepMillis = metadata.regularity.stepMillis
        record.timeZone = metadata.timeZone
        record.blockMillis = prepared.planner.blockMillis
        record.pointCount = Int64(prepared.pointCount)
        record.firstAt = prepared.chunks.first?.summary.startTimestamp
        record.lastAt = prepared.chunks.last?.summary.endTimestamp
        record.byteCount = Int64(prepared.chunks.reduce(0) { $0 + $1.bytes.count })
        record.chunkCount = prepared.chunks.count
        record.version = 1
        record.importJobID = importJobID
        record.createdAt = now
        record.updatedAt = now
        try await record.create(on: db)
        try await replaceTags(seriesID: id, metadata.tags)
        try await chunks.insert(seriesID: id, prepared.chunks)
        return record.domain
    }

    public func find(id: UUID) async throws -> SeriesInfo? {
        try await SeriesRecord.find(id, on: db)?.domain
    }

    /// Newest first; `before` is the `(createdAt, id)` of the last series of the previous page.
    public func list(_ filter: SeriesFilter, before: (Date, UUID)?, limit: Int) async throws -> [SeriesInfo] {
        var query = SeriesRecord.query(on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending)
        if let (date, id) = before {
            query = query.group(.or) { group in
                group.filter(\.$createdAt < date)
                group.group(.and) { same in
                    same.filter(\.$createdAt == date)
                    same.filter(\.$id < id)
                }
            }
        }
        if let search = filter.search?.lowercased(), !search.isEmpty { query = query.filter(\.$nameKey ~~ search) }
        if let unit = filter.unit { query = query.filter(\.$unit == unit) }
        if let kind = filter.kind { query = query.filter(\.$kind == kind.rawValue) }
        if let source = filter.source { query = query.filter(\.$source == source.rawValue) }
        if let job = filter.importJobID { query = query.filter(\.$importJobID == job) }
        for (key, value) in filter.tags.sorted(by: { $0.key < $1.key }) {
            let ids = try await db.sql.select().column("series_id").from("series_tags")
                .where("key", .equal, SQLBind(key)).where("value", .equal, SQLBind(value)).all()
                .map { try $0.decode(column: "series_id", as: UUID.self) }
            query = query.filter(\.$id ~~ ids)
        }
        return try await query.limit(limit).all().map(\.domain)
    }

    /// Changes descriptive fields; nil leaves a field as it is. Returns nil when the series does not exist.
    public func update(
        id: UUID, name: String? = nil, unit: String? = nil, kind: QuantityKind? = nil, tags: [String: String]? = nil,
        timeZone: String? = nil, now: Date
    ) async throws -> SeriesInfo? {
        guard let record = try await SeriesRecord.find(id, on: db) else { return nil }
        if let name {
            record.name = name
            record.nameKey = name.lowercased()
        }
        if let unit { record.unit = unit }
        if let kind { record.kind = kind.rawValue }
        if let timeZone { record.timeZone = timeZone }
        if let tags {
            record.tags = SeriesRecord.encodeTags(tags)
            try await replaceTags(seriesID: id, tags)
        }
        record.version += 1
        record.updatedAt = now
        try await record.update(on: db)
        return record.domain
    }

    /// Deletes a series with all its points; false when it did not exist.
    @discardableResult
    public func delete(id: UUID) async throws -> Bool {
        guard let record = try await SeriesRecord.find(id, on: db) else { return false }
        try await chunks.delete(seriesID: id)
        try await db.sql.delete(from: "series_tags").where("series_id", .equal, SQLBind(id)).run()
        try await record.delete(on: db)
        return true
    }

    private func replaceTags(seriesID: UUID, _ tags: [String: String]) async throws {
        try await db.sql.delete(from: "series_tags").where("series_id", .equal, SQLBind(seriesID)).run()
        guard !tags.isEmpty else { return }
        var insert = db.sql.insert(into: "series_tags").columns("series_id", "key", "value")
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            insert = insert.values(SQLBind(seriesID), SQLBind(key), SQLBind(value))
        }
        try await insert.run()
    }

    // MARK: points

    /// What a write did.
    public struct WriteOutcome: Sendable {
        public var series: SeriesInfo
        /// Points that were in the cleared range and are gone (those overwritten by new points not counted).
        public var removed: Int
        /// Chunks re-encoded or deleted.
        public var chunksTouched: Int
    }

    /// Writes points: where a new point has the timestamp of a stored one, the new one wins (append and
    /// correct in one call). Points need not be sorted; of duplicates in `points` the last wins.
    public func write(id: UUID, points: SeriesData, now: Date) async throws -> WriteOutcome? {
        try await modify(id: id, clearing: nil, inserting: points.sortedDeduplicated(), now: now)
    }

    /// Replaces every stored point in `range` (half-open) by `points`, which must lie inside it.
    public func overwrite(id: UUID, range: Range<Int64>, with points: SeriesData, now: Date) async throws -> WriteOutcome? {
        let sorted = points.sortedDeduplicated()
        precondition(sorted.timestamps.allSatisfy(range.contains), "new points must lie inside the overwritten range")
        return try await modify(id: id, clearing: range, inserting: sorted, now: now)
    }

    /// Deletes the points in `range` (half-open).
    public func deleteRange(id: UUID, range: Range<Int64>, now: Date) async throws -> WriteOutcome? {
        try await modify(id: id, clearing: range, inserting: SeriesData(), now: now)
    }

    private func modify(id: UUID, clearing range: Range<Int64>?, inserting points: SeriesData, now: Date)
        async throws -> WriteOutcome?
    {
        guard let record = try await SeriesRecord.find(id, on: db) else { return nil }
        let planner = BlockPlanner(blockMillis: record.blockMillis)
        var pieces: [Int64: SeriesData] = [:]
        for piece in planner.split(points) { pieces[piece.blockStart] = piece.data }

        var rewrite = Set(pieces.keys)
        var dropWhole: [Int64] = []
        var removed = 0
        if let range {
            for chunk in try await chunks.summaries(seriesID: id, blockMillis: record.blockMillis, range: range) {
                let s = chunk.summary
                if range.contains(s.startTimestamp), range.contains(s.endTimestamp), pieces[chunk.blockStart] == nil {
                    dropWhole.append(chunk.blockStart)
                    removed += s.pointCount
                } else {
                    rewrite.insert(chunk.blockStart)
                }
            }
        }
        try await chunks.delete(seriesID: id, blockStarts: dropWhole)

        let order = rewrite.sorted()
        let stored = try await chunks.bytes(seriesID: id, blockStarts: order)
        var replacements: [EncodedChunk] = []
        for blockStart in order {
            var existing = SeriesData()
            if let bytes = stored[blockStart] {
                do { existing = try ChunkCodec.decode(bytes) } catch { throw DamagedChunk(seriesID: id, blockStart: blockStart) }
            }
            if let range, !existing.isEmpty {
                let before = existing.count
                existing = Self.removing(range, from: existing)
                removed += before - existing.count
            }
            let merged = existing.merging(pieces[blockStart] ?? SeriesData())
            if !merged.isEmpty { replacements += ChunkCodec.encodeBlocks(merged, planner: planner) }
        }
        try await chunks.delete(seriesID: id, blockStarts: order.filter { stored[$0] != nil })
        try await chunks.insert(seriesID: id, replacements)

        let totals = try await chunks.totals(seriesID: id)
        record.pointCount = Int64(totals.points)
        record.firstAt = totals.first
        record.lastAt = totals.last
        record.byteCount = Int64(totals.bytes)
        record.chunkCount = totals.chunks
        if let step = record.stepMillis, let anchor = totals.first,
            points.timestamps.contains(where: { ($0 - anchor) % step != 0 })
        {
            record.stepMillis = nil  // points off the step grid: the series is irregular from now on
        }
        record.version += 1
        record.updatedAt = now
        try await record.update(on: db)
        return WriteOutcome(series: record.domain, removed: removed, chunksTouched: dropWhole.count + order.count)
    }

    static func removing(_ range: Range<Int64>, from data: SeriesData) -> SeriesData {
        let lo = data.lowerBound(of: range.lowerBound)
        let hi = data.lowerBound(of: range.upperBound)
        guard lo < hi else { return data }
        var out = data[0..<lo]
        out.append(contentsOf: data[hi..<data.count])
        return out
    }

    // MARK: reading

    /// Thrown by `read` when the range holds more points than the caller allows.
    public struct TooManyPoints: Error, CustomStringConvertible {
        public let count: Int
        public let limit: Int
        public var description: String { "the range holds about \(count) points, more than \(limit)" }
    }

    /// The points in `range` (half-open; nil = all). Only chunks overlapping the range are read and decoded;
    /// more than `maxPoints` stored in them throws ``TooManyPoints`` before any decoding.
    public func read(_ series: SeriesInfo, range: Range<Int64>? = nil, maxPoints: Int = .max) async throws -> SeriesData {
        try await chunks.points(seriesID: series.id, blockMillis: series.blockMillis, range: range, maxPoints: maxPoints)
    }

    /// Chunk summaries overlapping `range` (nil = all), in time order; no decoding.
    public func chunkSummaries(_ series: SeriesInfo, range: Range<Int64>? = nil) async throws -> [StoredChunk] {
        try await chunks.summaries(seriesID: series.id, blockMillis: series.blockMillis, range: range)
    }

    /// Calendar aggregation over the aggregator's buckets: chunks lying inside one bucket contribute their
    /// summary; only the others are fetched and decoded. Returns how many chunks were decoded.
    @discardableResult
    public func aggregate(_ series: SeriesInfo, into aggregator: inout Aggregator) async throws -> Int {
        let bounds = aggregator.buckets.bounds
        guard let first = bounds.first, let last = bounds.last, first < last else { return 0 }
        let stored = try await chunks.summaries(seriesID: series.id, blockMillis: series.blockMillis, range: first..<last)
        let needed = stored.filter { !aggregator.canAbsorb($0.summary) }.map(\.blockStart)
        let bytes = try await chunks.bytes(seriesID: series.id, blockStarts: needed)
        var decoded: [Int64: SeriesData] = [:]
        for (blockStart, data) in bytes {
            do { decoded[blockStart] = try ChunkCodec.decode(data) } catch {
                throw DamagedChunk(seriesID: series.id, blockStart: blockStart)
            }
        }
        return aggregator.add(chunks: stored.map(\.summary)) { index in decoded[stored[index].blockStart] ?? SeriesData() }
    }

    /// Count, min, max, mean, first and last over the whole series, from chunk summaries only.
    public func statistics(_ series: SeriesInfo) async throws -> SeriesStatistics {
        var stats = SeriesStatistics(pointCount: 0, valueCount: 0, min: nil, max: nil, sum: 0, first: nil, last: nil)
        for chunk in try await chunkSummaries(series) {
            let s = chunk.summary
            stats.pointCount += s.pointCount
            stats.valueCount += s.count
            stats.sum += s.sum
            if let lo = s.min { stats.min = Swift.min(stats.min ?? lo, lo) }
            if let hi = s.max { stats.max = Swift.max(stats.max ?? hi, hi) }
            if stats.first == nil, let t = s.firstTimestamp, let v = s.firstValue { stats.first = (t, v) }
            if let t = s.lastTimestamp, let v = s.lastValue { stats.last = (t, v) }
        }
        return stats
    }
}
