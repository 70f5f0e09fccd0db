import ArgumentParser
import Logging
import Platform
import Storage

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations (a no-op when up to date).",
        discussion: "Migrations are numbered and forward-only; the history is kept in the database (_fluent_migrations).")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Only list pending migrations; change nothing.")
    var status = false

    func run() async throws {
        let config = try common.loadConfig()
        LogSetup.bootstrap(format: .text, level: .warning)
        let database = try await AppDatabase.open(config.database, poolSize: 2, logger: Logger(label: "powerhouse.migrate"))
        defer { Task { await database.shutdown() } }
        do {
            if status {
                let pending = try await database.pendingMigrations()
                print(pending.isEmpty ? "up to date (\(AppDatabase.knownMigrations.count) migrations)" : "pending:\n  " + pending.joined(separator: "\n  "))
            } else {
                let applied = try await database.migrate()
                print(applied.isEmpty ? "up to date (\(AppDatabase.knownMigrations.count) migrations)" : "applied:\n  " + applied.joined(separator: "\n  "))
            }
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
