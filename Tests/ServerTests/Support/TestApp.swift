import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Platform
import Server
import Storage
import TestSupport

/// A whole application on a fresh database for one test, with a user of every role and tokens for them.
struct TestApp {
    static let adminPassword = "correct horse battery staple"
    static let jwtSecret = String(repeating: "s", count: 48)
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    let client: any TestClientProtocol
    let platform: PlatformServices
    let endpoints: EndpointRegistry
    /// `METHOD path` of every route the router serves.
    let servedRoutes: [String]
    let clock: ManualClock
    /// Users by role, created before the test runs.
    let users: [Role: User]
    let tokens: [Role: String]

    /// Runs `body` against an application. `overrides` are configuration keys; rate limits are off unless set.
    static func run(
        overrides: [String: String] = [:], withWorker: Bool = false, _ body: @Sendable (TestApp) async throws -> Void
    ) async throws {
        try await run(overrides: overrides, withWorker: withWorker, beforeStart: { _, _ in () }) { app, _ in try await body(app) }
    }

    /// As `run`, with a step that arranges data before the application (and its worker) starts.
    static func run<Arranged: Sendable>(
        overrides: [String: String] = [:], withWorker: Bool = false,
        beforeStart: (PlatformServices, ManualClock) async throws -> Arranged,
        _ body: @Sendable (TestApp, Arranged) async throws -> Void
    ) async throws {
        try await TestDatabase.withDatabase { database in
            var settings = [
                "auth.jwt_secret": jwtSecret, "auth.admin_password": adminPassword, "limits.rate_per_ip": "0",
                "limits.rate_per_token": "0", "jobs.workers": withWorker ? "2" : "0", "jobs.poll_interval": "0.05",
                "jobs.lease": "2", "events.heartbeat": "0.2",
            ]
            settings.merge(overrides) { $1 }
            let config = try AppConfig.defaults(profile: .test, overrides: settings)
            let clock = ManualClock(start)
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let platform = await PlatformServices(config: config, database: database, clock: clock.clock, logger: logger)
            _ = try await Bootstrap.createAdminIfNeeded(platform)
            var users: [Role: User] = [:]
            var tokens: [Role: String] = [:]
            let hash = try await platform.auth.hasher.hash(adminPassword)
            for role in Role.allCases {
                let user = role == .admin
                    ? try await UserRepository(database.db).find(username: "admin")!
                    : try await UserRepository(database.db).create(
                        username: "\(role.rawValue)1", displayName: "\(role.rawValue.capitalized) One", passwordHash: hash,
                        role: role, now: clock.now)
                users[role] = user
                tokens[role] = try await platform.auth.tokens.issue(for: user, now: clock.now)
            }
            let arranged = try await beforeStart(platform, clock)
            let app = PowerhouseApp(platform: platform)
            let endpoints = app.endpoints
            let servedRoutes = app.router.routes.map { "\($0.method.rawValue) \($0.path)" }
            let frozenUsers = users
            let frozenTokens = tokens
            try await app.application().test(.router) { client in
                try await body(TestApp(
                    client: client, platform: platform, endpoints: endpoints, servedRoutes: servedRoutes, clock: clock,
                    users: frozenUsers, tokens: frozenTokens), arranged)
            }
        }
    }

    // MARK: requests

    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, as role: Role? = nil, token: String? = nil, json: String? = nil,
        headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        var headers = headers
        if let token = token ?? role.flatMap({ tokens[$0] }) { headers[.authorization] = "Bearer \(token)" }
        var payload = body
        if let json {
            headers[.contentType] = "application/json"
            payload = ByteBuffer(string: json)
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: payload)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try AppJSON.decoder.decode(T.self, from: Data(buffer: response.body))
    }

    func json(_ response: TestResponse) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
    }

    /// Logs in through the API and returns the token response.
    func login(_ username: String, _ password: String = TestApp.adminPassword) async throws -> TestResponse {
        let body = String(decoding: try JSONEncoder().encode(["username": username, "password": password]), as: UTF8.self)
        return try await request(.post, "/api/v1/auth/login", json: body)
    }

    func auditEntries(action: String? = nil) async throws -> [AuditEntry] {
        try await AuditRepository(platform.database.db).list(AuditFilter(action: action), before: nil, limit: 10_000)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var problemType: String? {
        (try? JSONDecoder().decode([String: JSONValue].self, from: Data(buffer: body)))?["type"].flatMap {
            if case .string(let value) = $0 { return value }
            return nil
        }
    }
    var isProblem: Bool { headers[.contentType] == "application/problem+json" }
}
