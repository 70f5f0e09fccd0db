import Foundation
import HTTPTypes
import NIOCore
import Platform
@testable import Server
import Storage
import Testing

@Suite struct HTTPConventionTests {
    @Test func requestIDComesBackAndIsGeneratedWhenAbsentOrUnsafe() async throws {
        try await TestApp.run { app in
            let header = HTTPField.Name("X-Request-ID")!
            let echoed = try await app.request(.get, "/health/live", headers: [header: "abc-123"])
            #expect(echoed.headers[header] == "abc-123")
            let generated = try await app.request(.get, "/health/live")
            #expect(generated.headers[header]?.count == 36)
            let unsafe = try await app.request(.get, "/health/live", headers: [header: "evil\"<script>"])
            #expect(unsafe.headers[header] != "evil\"<script>")
            // Problems carry the id in the body too.
            let problem = try await app.request(.get, "/api/v1/me", headers: [header: "trace-7"])
            #expect(try app.json(problem)["request_id"] == "trace-7")
        }
    }

    @Test func securityHeadersOnEveryResponse() async throws {
        try await TestApp.run { app in
            for uri in ["/health/live", "/login", "/api/v1/me", "/nope"] {
                let response = try await app.request(.get, uri)
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(uri)")
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.init("Referrer-Policy")!] != nil)
                #expect(response.headers[.strictTransportSecurity] == nil, "no HSTS over plain HTTP")
            }
        }
    }

    /// HSTS and Secure cookies follow `X-Forwarded-Proto` only from a trusted proxy.
    @Test func tlsIsBelievedOnlyFromTrustedProxies() async throws {
        let headers = SecurityHeadersMiddleware(behindTLSProxy: true, trustedProxies: ["10.0.0.1"])
        #expect(headers.isTLS(peer: "10.0.0.1", forwardedProto: "https"))
        #expect(!headers.isTLS(peer: "10.0.0.9", forwardedProto: "https"), "an untrusted peer cannot claim TLS")
        #expect(!headers.isTLS(peer: "10.0.0.1", forwardedProto: "http"))
        #expect(!SecurityHeadersMiddleware(behindTLSProxy: false, trustedProxies: ["10.0.0.1"]).isTLS(peer: "10.0.0.1", forwardedProto: "https"))
        // Without a peer address (the in-process test client) nothing is trusted: no HSTS.
        try await TestApp.run(overrides: ["server.behind_tls_proxy": "true"]) { app in
            let response = try await app.request(.get, "/health/live", headers: [.init("X-Forwarded-Proto")!: "https"])
            #expect(response.headers[.strictTransportSecurity] == nil)
        }
    }

    @Test func corsOnlyForAllowedOrigins() async throws {
        try await TestApp.run(overrides: ["server.cors_origins": "https://ops.example.org"]) { app in
            let allowed = try await app.request(.options, "/api/v1/me", headers: [
                .origin: "https://ops.example.org", .accessControlRequestMethod: "GET",
            ])
            #expect(allowed.status == .noContent)
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://ops.example.org")
            let other = try await app.request(.get, "/health/live", headers: [.origin: "https://evil.example.com"])
            #expect(other.headers[.accessControlAllowOrigin] == nil)
            let simple = try await app.request(.get, "/health/live", headers: [.origin: "https://ops.example.org"])
            #expect(simple.headers[.accessControlAllowOrigin] == "https://ops.example.org")
        }
    }

    @Test func perIPAndPerTokenRateLimitsAnswer429WithRetryAfter() async throws {
        try await TestApp.run(overrides: ["limits.rate_per_ip": "5", "limits.rate_burst_seconds": "1"]) { app in
            var statuses: [Int] = []
            for _ in 0..<8 { statuses.append(Int(try await app.request(.get, "/api/v1/me", as: .viewer).status.code)) }
            #expect(statuses.prefix(5).allSatisfy { $0 == 200 })
            let limited = try await app.request(.get, "/api/v1/me", as: .viewer)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(limited.problemType == "/problems/rate-limited")
            // Tokens come back with time.
            app.clock.advance(by: 1)
            #expect(try await app.request(.get, "/api/v1/me", as: .viewer).status == .ok)
            // Health and metrics are never throttled.
            #expect(try await app.request(.get, "/health/live").status == .ok)
            #expect(try await app.request(.get, "/metrics").status == .ok)
        }
        try await TestApp.run(overrides: ["limits.rate_per_token": "3", "limits.rate_burst_seconds": "1"]) { app async throws in
            for _ in 0..<3 { #expect(try await app.request(.get, "/api/v1/me", as: .viewer).status == .ok) }
            #expect(try await app.request(.get, "/api/v1/me", as: .viewer).status == .tooManyRequests)
            #expect(try await app.request(.get, "/api/v1/me", as: .analyst).status == .ok, "another token has its own bucket")
        }
    }

    @Test func cursorPaginationWalksEveryUserOnce() async throws {
        try await TestApp.run { app in
            for index in 0..<7 {
                let hash = "x"
                _ = try await UserRepository(app.platform.database.db).create(
                    username: "p\(index)", displayName: "P", passwordHash: hash, role: .viewer, now: app.clock.now)
            }
            var names: [String] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/users?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try app.json(try await app.request(.get, uri, as: .admin))
                if case .array(let items)? = page["items"] {
                    names += items.compactMap { if case .string(let name)? = $0["username"] { name } else { nil } }
                }
                if case .string(let next)? = page["next_cursor"] { cursor = next } else { cursor = nil }
            } while cursor != nil
            #expect(names.count == 11)
            #expect(names == names.sorted())
        }
    }

    @Test func healthReadyAndMetrics() async throws {
        try await TestApp.run { app in
            let ready = try await app.request(.get, "/health/ready")
            #expect(ready.status == .ok)
            #expect(try app.json(ready)["checks"]?["migrations"] == "ok")
            _ = try await app.request(.get, "/api/v1/me", as: .viewer)
            let metrics = try await app.request(.get, "/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"powerhouse_http_requests_total{route="/api/v1/me",method="GET",status="200"}"#))
            #expect(metrics.text.contains("powerhouse_http_request_duration_seconds_bucket"))
            #expect(metrics.text.contains("powerhouse_jobs_queued"))
            #expect(metrics.text.contains("powerhouse_db_pool_connections"))
        }
    }

    @Test func readinessIs503WhenTheDatabaseIsGone() async throws {
        try await TestApp.run { app in
            await app.platform.database.shutdown()
            let response = try await app.request(.get, "/health/ready")
            #expect(response.status == .serviceUnavailable)
            #expect(try app.json(response)["status"] == "unavailable")
            #expect(try await app.request(.get, "/health/live").status == .ok)
        }
    }
}
