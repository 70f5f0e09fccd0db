import Foundation
import Logging
import Storage

/// The typed configuration of one Powerhouse instance.
public struct AppConfig: Sendable {
    public var profile: Profile
    public var host: String
    public var port: Int
    public var behindTLSProxy: Bool
    public var trustedProxies: Set<String>
    public var corsOrigins: Set<String>

    public var database: DatabaseLocation
    public var poolSize: Int
    public var migrateOnStart: Bool

    /// Nil when none was configured; `AppConfig.signingSecret` then decides (prod refuses).
    public var jwtSecret: String?
    public var jwtIssuer: String
    public var jwtAudience: String
    public var accessTokenTTL: TimeInterval
    public var refreshTokenTTL: TimeInterval
    public var sessionTTL: TimeInterval
    public var bcryptCost: UInt8
    public var adminPassword: String?
    public var loginMaxFailures: Int
    public var loginMaxFailuresPerIP: Int
    public var loginWindow: TimeInterval

    public var jsonBodyLimit: Int
    public var uploadLimit: Int
    public var ratePerIP: Double
    public var ratePerToken: Double
    public var rateBurstSeconds: Double

    public var jobWorkers: Int
    public var jobPollInterval: TimeInterval
    public var jobLease: TimeInterval
    public var eventRetention: TimeInterval
    public var eventHeartbeat: TimeInterval

    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    public var demo: Bool

    public enum LogFormat: String, Sendable { case json, text }

    public init(_ resolved: ConfigLoader.Resolved) throws {
        let reader = Reader(resolved: resolved)
        profile = resolved.profile
        host = try reader.string("server.host")
        port = try reader.int("server.port", in: 0...65535)
        behindTLSProxy = try reader.bool("server.behind_tls_proxy")
        trustedProxies = Set(reader.list("server.trusted_proxies"))
        corsOrigins = Set(reader.list("server.cors_origins"))
        do {
            database = try DatabaseLocation(parsing: try reader.string("database.url"))
        } catch let error as DatabaseLocation.ParseError {
            throw ConfigError("database.url (from \(reader.source("database.url"))): \(error)")
        }
        poolSize = try reader.int("database.pool_size", in: 1...1000)
        migrateOnStart = try reader.bool("database.migrate_on_start")
        jwtSecret = reader.optional("auth.jwt_secret")
        jwtIssuer = try reader.string("auth.jwt_issuer")
        jwtAudience = try reader.string("auth.jwt_audience")
        accessTokenTTL = TimeInterval(try reader.int("auth.access_token_ttl", in: 10...86_400 * 7))
        refreshTokenTTL = TimeInterval(try reader.int("auth.refresh_token_ttl", in: 60...86_400 * 365))
        sessionTTL = TimeInterval(try reader.int("auth.session_ttl", in: 60...86_400 * 90))
        bcryptCost = UInt8(try reader.int("auth.bcrypt_cost", in: 4...31))
        adminPassword = reader.optional("auth.admin_password")
        loginMaxFailures = try reader.int("auth.login_max_failures", in: 1...1000)
        loginMaxFailuresPerIP = try reader.int("auth.login_max_failures_per_ip", in: 1...100_000)
        loginWindow = TimeInterval(try reader.int("auth.login_window", in: 1...86_400))
        jsonBodyLimit = try reader.int("limits.json_body_bytes", in: 1024...(64 << 20))
        uploadLimit = try reader.int("limits.upload_bytes", in: 1024...(64 << 30))
        ratePerIP = try reader.double("limits.rate_per_ip", in: 0...1e9)
        ratePerToken = try reader.double("limits.rate_per_token", in: 0...1e9)
        rateBurstSeconds = try reader.double("limits.rate_burst_seconds", in: 0.1...3600)
        jobWorkers = try reader.int("jobs.workers", in: 0...256)
        jobPollInterval = try reader.double("jobs.poll_interval", in: 0.01...3600)
        jobLease = try reader.double("jobs.lease", in: 1...86_400)
        eventRetention = try reader.double("events.retention", in: 60...86_400 * 30)
        eventHeartbeat = try reader.double("events.heartbeat", in: 0.05...3600)
        let levelText = try reader.string("log.level")
        guard let level = Logger.Level(rawValue: levelText) else {
            throw ConfigError("log.level \"\(levelText)\" (from \(reader.source("log.level"))) is not a log level")
        }
        logLevel = level
        let formatText = try reader.string("log.format")
        guard let format = LogFormat(rawValue: formatText) else {
            throw ConfigError("log.format \"\(formatText)\" (from \(reader.source("log.format"))) must be json or text")
        }
        logFormat = format
        demo = try reader.bool("demo.enabled")
    }

    /// Defaults of a profile with a few overrides: what the tests use.
    public static func defaults(profile: Profile = .test, overrides: [String: String] = [:]) throws -> AppConfig {
        try ConfigLoader(flags: overrides, environment: [:], configFile: nil, profile: profile).load()
    }

    /// Reads typed values and names the key and its source when a value is wrong.
    private struct Reader {
        let resolved: ConfigLoader.Resolved

        func source(_ key: String) -> String { resolved.sources[key]?.rawValue ?? "defaults" }

        func optional(_ key: String) -> String? {
            resolved.values[key].flatMap { $0.isEmpty ? nil : $0 }
        }

        func string(_ key: String) throws -> String {
            guard let value = optional(key) else { throw ConfigError("\(key) must be set") }
            return value
        }

        func list(_ key: String) -> [String] {
            (optional(key) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }

        func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
            let text = try string(key)
            guard let value = Int(text), range.contains(value) else {
                throw ConfigError("\(key) = \"\(text)\" (from \(source(key))) must be a whole number in \(range.lowerBound)…\(range.upperBound)")
            }
            return value
        }

        func double(_ key: String, in range: ClosedRange<Double>) throws -> Double {
            let text = try string(key)
            guard let value = Double(text), range.contains(value) else {
                throw ConfigError("\(key) = \"\(text)\" (from \(source(key))) must be a number in \(range.lowerBound)…\(range.upperBound)")
            }
            return value
        }

        func bool(_ key: String) throws -> Bool {
            let text = try string(key).lowercased()
            switch text {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: throw ConfigError("\(key) = \"\(text)\" (from \(source(key))) must be true or false")
            }
        }
    }
}
