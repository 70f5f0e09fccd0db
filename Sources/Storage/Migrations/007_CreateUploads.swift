import FluentKit

/// Streamed uploads (`UploadStore`): the file's row and its 1 MiB parts.
struct CreateUploads: AsyncMigration {
    var name: String { "007_CreateUploads" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UploadRecord.schema)
            .id()
            .field("owner_id", .uuid)
            .field("purpose", .string, .required)
            .field("filename", .string)
            .field("content_type", .string)
            .field("state", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string)
            .field("part_count", .int, .required)
            .field("created_at", .datetime, .required)
            .field("completed_at", .datetime)
            .create()
        try await database.createIndex("uploads_created", on: UploadRecord.schema, columns: ["created_at"])

        try await database.schema("upload_parts")
            .field("upload_id", .uuid, .required, .references(UploadRecord.schema, .id, onDelete: .cascade))
            .field("part", .int, .required)
            .field("data", .data, .required)
            .compositeIdentifier(over: "upload_id", "part")
            .create()
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
