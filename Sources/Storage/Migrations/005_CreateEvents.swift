import FluentKit

struct CreateEvents: AsyncMigration {
    var name: String { "005_CreateEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EventRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("topic", .string, .required)
            .field("type", .string, .required)
            .field("data", .string, .required)
            .field("owner_id", .uuid)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex("events_topic", on: EventRecord.schema, columns: ["topic", "id"])
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
