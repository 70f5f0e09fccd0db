import ArgumentParser
import Foundation
import Logging
import Platform
import Storage

/// Options every command that touches configuration takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (TOML or JSON). Default: ./powerhouse.toml or ./powerhouse.json if present.")
    var config: String?

    @Option(name: .long, help: "Profile: dev, test, int or prod (default dev, or POWERHOUSE_PROFILE).")
    var profile: String?

    @Option(name: .long, help: "Database: sqlite:PATH (default sqlite:./data/powerhouse.sqlite), sqlite::memory: or postgres://user:pass@host:port/db.")
    var db: String?

    @Option(name: .long, help: "Log format: json (default outside dev) or text.")
    var logFormat: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    /// Flag values by configuration key, for the top layer.
    func flags() -> [String: String] {
        var flags: [String: String] = [:]
        flags["database.url"] = db
        flags["log.format"] = logFormat
        flags["log.level"] = logLevel
        return flags
    }

    func loadConfig(extra: [String: String] = [:]) throws -> AppConfig {
        let chosenProfile = try profile.map { text -> Profile in
            guard let value = Profile(rawValue: text) else {
                throw ValidationError("--profile must be one of dev, test, int, prod")
            }
            return value
        }
        do {
            return try ConfigLoader(
                flags: flags().merging(extra) { $1 }, configFile: config, profile: chosenProfile
            ).load()
        } catch let error as ConfigError {
            throw ValidationError(error.message)
        }
    }
}

enum PowerhouseVersionText {
    static let text = "powerhouse \(PowerhouseVersion.current)"
}

/// Prints to standard error, for messages that must not mix with machine-readable output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension AppConfig {
    /// Refuses to go on when the profile finds the configuration unsafe.
    func checkStartup() throws {
        let problems = startupProblems()
        guard problems.isEmpty else {
            throw ValidationError("refusing to start (profile \(profile.rawValue)):\n  - " + problems.joined(separator: "\n  - "))
        }
    }
}

/// Opens the database and, unless told not to, migrates it; otherwise refuses to run on an old schema.
func openDatabase(_ config: AppConfig, logger: Logger) async throws -> AppDatabase {
    let database = try await AppDatabase.open(config.database, poolSize: config.poolSize, logger: logger)
    do {
        if config.migrateOnStart {
            let applied = try await database.migrate()
            if !applied.isEmpty { logger.notice("applied migrations", metadata: ["migrations": "\(applied.joined(separator: ", "))"]) }
        } else {
            let pending = try await database.pendingMigrations()
            guard pending.isEmpty else {
                throw ValidationError("the database needs migrations \(pending.joined(separator: ", ")); run `powerhouse migrate`")
            }
        }
        return database
    } catch {
        await database.shutdown()
        throw error
    }
}
