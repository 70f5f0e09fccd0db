import FluentKit
import SQLKit

/// Migrations are forward-only: a shipped migration is never reverted, a later one corrects it.
struct ForwardOnlyMigrationError: Error, CustomStringConvertible {
    let name: String
    var description: String { "migration \(name) is forward-only and cannot be reverted" }
}

extension Database {
    /// SQLKit view of the same connection, for what Fluent's schema builder cannot say (indexes).
    var sql: any SQLDatabase { self as! any SQLDatabase }

    func createIndex(_ name: String, on table: String, columns: [String], unique: Bool = false) async throws {
        var builder = sql.create(index: name).on(table)
        if unique { builder = builder.unique() }
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
