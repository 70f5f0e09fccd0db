import Foundation
import Logging
import PostgresNIO
import Storage

/// Opens an empty, migrated database for one test: SQLite in memory, or — when
/// `POWERHOUSE_TEST_DATABASE_URL` is set — a fresh schema of that PostgreSQL database, dropped afterwards.
public enum TestDatabase {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["POWERHOUSE_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static func withDatabase<T>(migrate: Bool = true, _ body: (AppDatabase) async throws -> T) async throws -> T {
        let logger = Logger(label: "test")
        let database: AppDatabase
        var schema: String?
        if let url = postgresURL {
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            try await PostgresSchemas.create(name, url: url)
            schema = name
            database = try await AppDatabase.open(.postgres(url: url), poolSize: 2, schema: name, logger: logger)
        } else {
            database = try await AppDatabase.open(.sqliteMemory, logger: logger)
        }
        do {
            if migrate { try await database.migrate() }
            let result = try await body(database)
            await database.shutdown()
            if let schema, let url = postgresURL { try await PostgresSchemas.drop(schema, url: url) }
            return result
        } catch {
            await database.shutdown()
            if let schema, let url = postgresURL { try? await PostgresSchemas.drop(schema, url: url) }
            throw error
        }
    }
}
