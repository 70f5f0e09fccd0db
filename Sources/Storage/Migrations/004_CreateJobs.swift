import FluentKit

struct CreateJobs: AsyncMigration {
    var name: String { "004_CreateJobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema(JobRecord.schema)
            .id()
            .field("kind", .string, .required)
            .field("state", .string, .required)
            .field("progress", .double, .required)
            .field("message", .string)
            .field("payload", .string, .required)
            .field("result_ref", .string)
            .field("error", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("cancel_requested", .bool, .required)
            .field("worker_id", .string)
            .field("heartbeat_at", .datetime)
            .create()
        // The claim query scans queued jobs oldest first.
        try await database.createIndex("jobs_state_created", on: JobRecord.schema, columns: ["state", "created_at"])
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
