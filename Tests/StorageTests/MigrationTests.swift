import FluentKit
import Logging
import SQLKit
import Foundation
import Testing
@testable import Storage
import TestSupport

@Suite struct MigrationTests {
    @Test func migrationsApplyOnEmptyDatabaseAndAreIdempotent() async throws {
        try await TestDatabase.withDatabase(migrate: false) { database in
            // Arrange: an empty database knows every migration as pending.
            #expect(try await database.pendingMigrations() == AppDatabase.knownMigrations)

            // Act
            let first = try await database.migrate()
            let second = try await database.migrate()

            // Assert
            #expect(first == AppDatabase.knownMigrations)
            #expect(second.isEmpty)
            #expect(try await database.pendingMigrations().isEmpty)
        }
    }

    @Test func migrationNamesAreNumberedAndUnique() {
        let names = AppDatabase.knownMigrations
        #expect(Set(names).count == names.count)
        for (index, name) in names.enumerated() {
            #expect(name.hasPrefix(String(format: "%03d_", index + 1)), "\(name) is out of sequence")
        }
    }

    @Test func databaseLocationParsing() throws {
        #expect(try DatabaseLocation(parsing: "sqlite::memory:") == .sqliteMemory)
        #expect(try DatabaseLocation(parsing: "sqlite:./data/x.sqlite") == .sqliteFile(path: "./data/x.sqlite"))
        #expect(try DatabaseLocation(parsing: "postgres://u:secret@127.0.0.1:5432/db") == .postgres(url: "postgres://u:secret@127.0.0.1:5432/db"))
        #expect(try DatabaseLocation(parsing: "postgres://u:secret@127.0.0.1:5432/db").description.contains("secret") == false)
        #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation(parsing: "mysql://x") }
        #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation(parsing: "sqlite:") }
    }

    @Test func aNewSQLiteFileGetsWALAndEightKilobytePages() async throws {
        // Arrange
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await AppDatabase.open(
            .sqliteFile(path: directory.appendingPathComponent("new.sqlite").path), logger: Logger(label: "test"))
        // Act
        _ = try await database.migrate()
        let pageSize = try await database.sql.raw("PRAGMA page_size").first()?.decode(column: "page_size", as: Int.self)
        let mode = try await database.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        await database.shutdown()
        // Assert
        #expect(pageSize == 8192)
        #expect(mode == "wal")
    }
}
