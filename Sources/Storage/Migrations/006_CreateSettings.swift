import FluentKit

struct CreateSettings: AsyncMigration {
    var name: String { "006_CreateSettings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SettingRecord.schema)
            .id()
            .field("key", .string, .required)
            .field("value", .string, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws { throw ForwardOnlyMigrationError(name: name) }
}
