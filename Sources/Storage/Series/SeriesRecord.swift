import FluentKit
import Foundation
import Series

/// Row of `series`: metadata and totals of one series. Points are in `series_chunks`.
public final class SeriesRecord: Model, @unchecked Sendable {
    public static let schema = "series"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    /// Lower-case name, for case-insensitive search on both databases.
    @Field(key: "name_key") public var nameKey: String
    @Field(key: "unit") public var unit: String
    @Field(key: "kind") public var kind: String
    @Field(key: "source") public var source: String
    /// JSON object of the tags (also in `series_tags`, where they are filtered).
    @Field(key: "tags") public var tags: String
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    /// Fixed step in milliseconds; null for irregular series.
    @OptionalField(key: "step_ms") public var stepMillis: Int64?
    @Field(key: "time_zone") public var timeZone: String
    @Field(key: "block_ms") public var blockMillis: Int64
    @Field(key: "point_count") public var pointCount: Int64
    @OptionalField(key: "first_at") public var firstAt: Int64?
    @OptionalField(key: "last_at") public var lastAt: Int64?
    @Field(key: "byte_count") public var byteCount: Int64
    @Field(key: "chunk_count") public var chunkCount: Int
    @Field(key: "version") public var version: Int
    @OptionalField(key: "import_job_id") public var importJobID: UUID?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    var domain: SeriesInfo {
        SeriesInfo(
            id: id!, name: name, unit: unit, kind: QuantityKind(rawValue: kind) ?? .other,
            source: SeriesSource(rawValue: source) ?? .upload, tags: SeriesRecord.decodeTags(tags), ownerID: ownerID,
            regularity: stepMillis.map { .fixed(stepMillis: $0) } ?? .irregular, timeZone: timeZone,
            blockMillis: blockMillis, pointCount: Int(pointCount), firstTimestamp: firstAt, lastTimestamp: lastAt,
            byteCount: Int(byteCount), chunkCount: chunkCount, version: version, importJobID: importJobID,
            createdAt: createdAt, updatedAt: updatedAt)
    }

    static func encodeTags(_ tags: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(tags)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decodeTags(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}

/// Row of `series_imports`: what one import job did, kept for its result page and skipped-row report.
public final class SeriesImportRecord: Model, @unchecked Sendable {
    public static let schema = "series_imports"

    /// The import job's id.
    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    @OptionalField(key: "filename") public var filename: String?
    /// JSON of the import report without its issue list (settings, counts, DST handling).
    @Field(key: "report") public var report: String
    /// The skipped rows as CSV (`line,column,value,reason,message`).
    @Field(key: "skipped_csv") public var skippedCSV: Data
    @Field(key: "series_count") public var seriesCount: Int
    @Field(key: "point_count") public var pointCount: Int64
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
