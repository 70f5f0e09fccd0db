import FluentKit

/// Time series: metadata (`series`), tags for filtering (`series_tags`), compressed chunks with their
/// summaries (`series_chunks`, one row per series and storage block) and import reports (`series_imports`).
/// Timestamps are Int64 milliseconds since 1970 UTC, as in the Series core.
struct CreateSeries: AsyncMigration {
    var name: String { "009_CreateSeries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SeriesRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("unit", .string, .required)
            .field("kind", .string, .required)
            .field("source", .string, .required)
            .field("tags", .string, .required)
            .field("owner_id", .uuid)
            .field("step_ms", .int64)
            .field("time_zone", .string, .required)
            .field("block_ms", .int64, .required)
            .field("point_count", .int64, .required)
            .field("first_at", .int64)
            .field("last_at", .int64)
            .field("byte_count", .int64, .required)
            .field("chunk_count", .int, .required)
            .field("version", .int, .required)
            .field("import_job_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.createIndex("series_created", on: SeriesRecord.schema, columns: ["created_at", "id"])
        try await database.createIndex("series_import_job", on: SeriesRecord.schema, columns: ["import_job_id"])

        try await database.schema("series_tags")
            .field("series_id", .uuid, .required, .references(SeriesRecord.schema, .id, onDelete: .cascade))
            .field("key", .string, .required)
            .field("value", .string, .required)
            .compositeIdentifier(over: "series_id", "key")
            .create()
        try await database.createIndex("series_tags_key_value", on: "series_tags", columns: ["key", "value"])

        try await database.schema("series_chunks")
            .field("series_id", .uuid, .required, .references(SeriesRecord.schema, .id, onDelete: .cascade))
            .field("block_start", .int64, .required)
            .field("start_at", .int64, .required)
            .field("end_at", .int64, .required)
            .field("point_count", .int, .required)
            .field("value_count", .int, .required)
            .field("min_value", .double)
            .field("max_value", .double)
            .field("sum_value", .double)
            .field("first_at", .int64)
            .field("first_value", .double)
            .field("last_at", .int64)
            .field("last_value", .double)
            .field("byte_count", .int, .required)
            .field("data", .data, .required)
            .compositeIdentifier(over: "series_id", "block_start")
            .create()

        try await database.schema(SeriesImportRecord.schema)
            .id()
            .field("owner_id", .uuid)
            .field("filename", .string)
            .field("report", .string, .required)
            .field("skipped_csv", .data, .required)
            .field("series_count", .int, .required)
            .field("point_count", .int64, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
