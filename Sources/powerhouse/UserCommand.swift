import ArgumentParser
import FluentKit
import Foundation
import Logging
import Platform
import Storage

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts directly in the database (no server needed).",
        subcommands: [Add.self, List.self, SetRole.self, Disable.self, Enable.self, ResetPassword.self])

    /// Runs `body` against a migrated database with the platform's hasher and clock; changes are audited as `cli`.
    static func withPlatform(_ common: CommonOptions, _ body: (PlatformServices) async throws -> Void) async throws {
        var config = try common.loadConfig()
        config.jobWorkers = 0
        LogSetup.bootstrap(format: .text, level: .warning)
        let logger = Logger(label: "powerhouse.user")
        let database = try await openDatabase(config, logger: logger)
        let platform = await PlatformServices(config: config, database: database, logger: logger)
        do {
            try await body(platform)
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }

    static func audit(_ tx: any Database, action: String, user: User, detail: String?, at: Date) async throws {
        let osUser = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        try await AuditRepository(tx).record(
            AuditRecordInput(actorID: nil, actorName: "cli:\(osUser)", action: action, objectType: "user",
                             objectID: user.id.uuidString, outcome: .success, requestID: "cli", detail: detail),
            at: at)
    }

    /// The password from standard input (first line) when asked, else a generated one that is printed.
    static func password(fromStdin: Bool) throws -> (String, generated: Bool) {
        if fromStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("no password on standard input")
            }
            if let weakness = PasswordHasher.weakness(of: line) { throw ValidationError("the password \(weakness)") }
            return (line, false)
        }
        return (Bootstrap.generatePassword(), true)
    }

    static func find(_ username: String, _ platform: PlatformServices) async throws -> User {
        guard let user = try await UserRepository(platform.database.db).find(username: username) else {
            throw ValidationError("no user named \(username)")
        }
        return user
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account (password generated and printed, or read from stdin).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "Username: letters, digits, '.', '_' or '-'.") var username: String
        @Option(help: "admin, engineer, analyst or viewer.") var role: String = "viewer"
        @Option(help: "Name shown in the application.") var displayName: String?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role must be admin, engineer, analyst or viewer") }
            let (password, generated) = try UserCommand.password(fromStdin: passwordStdin)
            try await UserCommand.withPlatform(common) { platform in
                let hash = try await platform.auth.hasher.hash(password)
                let now = platform.clock.now
                let user = try await platform.database.db.transaction { tx in
                    let user = try await UserRepository(tx).create(
                        username: username, displayName: displayName ?? username, passwordHash: hash, role: role, now: now)
                    try await UserCommand.audit(tx, action: "user.create", user: user, detail: "role \(role.rawValue)", at: now)
                    return user
                }
                print("created \(user.username) (\(user.role.rawValue))" + (generated ? " with password \(password)" : ""))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await UserCommand.withPlatform(common) { platform in
                let users = try await UserRepository(platform.database.db).list(after: nil, limit: 100_000)
                print("USERNAME".padding(toLength: 24, withPad: " ", startingAt: 0) + "ROLE      STATUS    LAST LOGIN")
                for user in users {
                    let status = user.disabled ? "disabled" : "active"
                    print(user.username.padding(toLength: 24, withPad: " ", startingAt: 0)
                          + user.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                          + status.padding(toLength: 10, withPad: " ", startingAt: 0)
                          + (user.lastLoginAt.map { ISO8601.string($0) } ?? "never"))
                }
            }
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change an account's role (voids its tokens).")
        @OptionGroup var common: CommonOptions
        @Argument var username: String
        @Argument(help: "admin, engineer, analyst or viewer.") var role: String

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("role must be admin, engineer, analyst or viewer") }
            try await UserCommand.withPlatform(common) { platform in
                let user = try await UserCommand.find(username, platform)
                let now = platform.clock.now
                try await platform.database.db.transaction { tx in
                    if user.role == .admin, role != .admin, try await UserRepository(tx).countActiveAdmins() <= 1 {
                        throw ValidationError("\(username) is the last active admin")
                    }
                    _ = try await UserRepository(tx).update(id: user.id, now: now, role: role)
                    try await UserCommand.audit(tx, action: "user.update", user: user, detail: "role \(role.rawValue)", at: now)
                }
                print("\(username) is now \(role.rawValue)")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account: it can no longer log in, its tokens and sessions end.")
        @OptionGroup var common: CommonOptions
        @Argument var username: String

        func run() async throws {
            try await UserCommand.withPlatform(common) { platform in
                let user = try await UserCommand.find(username, platform)
                let now = platform.clock.now
                try await platform.database.db.transaction { tx in
                    if user.role == .admin, !user.disabled, try await UserRepository(tx).countActiveAdmins() <= 1 {
                        throw ValidationError("\(username) is the last active admin")
                    }
                    _ = try await UserRepository(tx).update(id: user.id, now: now, disabled: true)
                    try await CredentialRepository(tx).revokeAllRefreshTokens(userID: user.id, now: now)
                    try await CredentialRepository(tx).deleteSessions(userID: user.id)
                    try await UserCommand.audit(tx, action: "user.update", user: user, detail: "disabled", at: now)
                }
                print("\(username) is disabled")
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @OptionGroup var common: CommonOptions
        @Argument var username: String

        func run() async throws {
            try await UserCommand.withPlatform(common) { platform in
                let user = try await UserCommand.find(username, platform)
                let now = platform.clock.now
                try await platform.database.db.transaction { tx in
                    _ = try await UserRepository(tx).update(id: user.id, now: now, disabled: false)
                    try await UserCommand.audit(tx, action: "user.update", user: user, detail: "enabled", at: now)
                }
                print("\(username) is enabled")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Set a new password (generated and printed, or read from stdin); ends the account's sessions.")
        @OptionGroup var common: CommonOptions
        @Argument var username: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() async throws {
            let (password, generated) = try UserCommand.password(fromStdin: passwordStdin)
            try await UserCommand.withPlatform(common) { platform in
                let user = try await UserCommand.find(username, platform)
                let hash = try await platform.auth.hasher.hash(password)
                let now = platform.clock.now
                try await platform.database.db.transaction { tx in
                    _ = try await UserRepository(tx).update(id: user.id, now: now, passwordHash: hash)
                    try await CredentialRepository(tx).revokeAllRefreshTokens(userID: user.id, now: now)
                    try await CredentialRepository(tx).deleteSessions(userID: user.id)
                    try await UserCommand.audit(tx, action: "user.reset_password", user: user, detail: nil, at: now)
                }
                print("password of \(username) reset" + (generated ? ": \(password)" : ""))
            }
        }
    }
}
