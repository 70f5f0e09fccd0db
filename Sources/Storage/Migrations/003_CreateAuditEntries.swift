import FluentKit

struct CreateAuditEntries: AsyncMigration {
    var name: String { "003_CreateAuditEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditRecord.schema)
            .field(.id, .int64, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string)
            .field("outcome", .string, .required)
            .field("request_id", .string, .required)
            .field("detail", .string)
            .field("ip", .string)
            .create()
        try await database.createIndex("audit_entries_at", on: AuditRecord.schema, columns: ["at"])
        try await database.createIndex("audit_entries_actor", on: AuditRecord.schema, columns: ["actor_id"])
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
