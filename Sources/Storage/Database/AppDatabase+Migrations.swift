import FluentKit
import Foundation
import FluentPostgresDriver
import PostgresNIO
import SQLKit

extension AppDatabase {
    private func makeMigrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(AllMigrations.list)
        return Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any())
    }

    /// Names of all migrations this build knows, in order.
    public static var knownMigrations: [String] { AllMigrations.list.map(\.name) }

    /// Applies every pending migration and returns the names applied (empty when up to date: running twice is a
    /// no-op). Fluent records the history in `_fluent_migrations`. On PostgreSQL an advisory lock keeps two
    /// instances starting together from migrating at the same time.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await withMigrationLock {
            let migrator = makeMigrator()
            try await migrator.setupIfNeeded().get()
            let pending = try await migrator.previewPrepareBatch().get().map { $0.0.name }
            if !pending.isEmpty { try await migrator.prepareBatch().get() }
            return pending
        }
    }

    /// Migrations this build knows that the database has not recorded yet.
    public func pendingMigrations() async throws -> [String] {
        let migrator = makeMigrator()
        try await migrator.setupIfNeeded().get()
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }

    private func withMigrationLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard case .postgres(let url) = location else { return try await body() }
        // A dedicated connection holds the session lock while the pool runs the migrations.
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 0, logger: logger)
        let lockKey: Int64 = 0x5057_4853_4d49_4752  // "PWHSMIGR"
        do {
            try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
            let result = try await body()
            try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
