/// Every configuration key, its default per profile and what it means. This table is the configuration
/// reference: `powerhouse config keys` prints it and the README copies it.
public struct ConfigKey: Sendable {
    public let name: String
    public let help: String
    let defaults: @Sendable (Profile) -> String?

    init(_ name: String, _ help: String, _ defaults: @escaping @Sendable (Profile) -> String?) {
        self.name = name
        self.help = help
        self.defaults = defaults
    }

    init(_ name: String, _ help: String, default value: String?) {
        self.init(name, help) { _ in value }
    }

    /// The environment variable that sets this key: `server.port` → `POWERHOUSE_SERVER_PORT`.
    public var environmentName: String {
        "POWERHOUSE_" + name.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    public func defaultValue(for profile: Profile) -> String? { defaults(profile) }
}

extension ConfigKey {
    public static let all: [ConfigKey] = [
        ConfigKey("server.host", "address to listen on", default: "127.0.0.1"),
        ConfigKey("server.port", "TCP port", default: "8080"),
        ConfigKey(
            "server.behind_tls_proxy",
            "true when a TLS-terminating reverse proxy fronts the server: cookies get Secure, HSTS is sent, "
                + "X-Forwarded-For/Proto from trusted proxies are believed. Required in prod.",
            default: "false"),
        ConfigKey("server.trusted_proxies", "comma-separated proxy IPs whose X-Forwarded-* headers are believed", default: "127.0.0.1,::1"),
        ConfigKey("server.cors_origins", "comma-separated origins allowed to call the API from a browser", default: ""),
        ConfigKey("database.url", "sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db", default: "sqlite:./data/powerhouse.sqlite"),
        ConfigKey("database.pool_size", "PostgreSQL connections (SQLite always uses one)", default: "8"),
        ConfigKey("database.migrate_on_start", "apply pending migrations when serve or worker starts", default: "true"),
        ConfigKey(
            "auth.jwt_secret", "HMAC secret for access tokens, at least 32 characters; prod refuses to start without one",
            default: nil),
        ConfigKey("auth.jwt_issuer", "iss claim of access tokens", default: "powerhouse"),
        ConfigKey("auth.jwt_audience", "aud claim of access tokens", default: "powerhouse-api"),
        ConfigKey("auth.access_token_ttl", "access token lifetime, seconds", default: "3600"),
        ConfigKey("auth.refresh_token_ttl", "refresh token lifetime, seconds", default: "2592000"),
        ConfigKey("auth.session_ttl", "browser session lifetime, seconds", default: "43200"),
        ConfigKey("auth.bcrypt_cost", "bcrypt work factor for passwords") { $0 == .test ? "4" : "12" },
        ConfigKey("auth.admin_password", "password of the admin account created on first start (else generated and printed once)", default: nil),
        ConfigKey("auth.login_max_failures", "failed logins per account before 429", default: "5"),
        ConfigKey("auth.login_max_failures_per_ip", "failed logins per client IP before 429", default: "20"),
        ConfigKey("auth.login_window", "seconds over which failed logins are counted (and the lockout lasts)", default: "900"),
        ConfigKey("limits.json_body_bytes", "largest JSON request body", default: "1048576"),
        ConfigKey("limits.upload_bytes", "largest streamed upload", default: "104857600"),
        ConfigKey("limits.rate_per_ip", "requests per second per client IP (0 = off); health and metrics are exempt", default: "200"),
        ConfigKey("limits.rate_per_token", "requests per second per token, API key or session (0 = off)", default: "100"),
        ConfigKey("limits.rate_burst_seconds", "how many seconds of rate a client may spend at once", default: "2"),
        ConfigKey("jobs.workers", "jobs run at once by this instance (0 = run no jobs here)", default: "2"),
        ConfigKey("jobs.poll_interval", "seconds between queue polls when idle", default: "1"),
        ConfigKey("jobs.lease", "seconds without heartbeat after which a running job counts as orphaned", default: "60"),
        ConfigKey("events.retention", "seconds live events are kept for Last-Event-ID resume", default: "86400"),
        ConfigKey("events.heartbeat", "seconds between SSE heartbeats", default: "15"),
        ConfigKey("log.level", "trace, debug, info, notice, warning, error, critical") { $0 == .test ? "warning" : "info" },
        ConfigKey("log.format", "json or text") { $0 == .dev || $0 == .test ? "text" : "json" },
        ConfigKey("demo.enabled", "load demo data on first start", default: "false"),
    ]

    static let byName: [String: ConfigKey] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Short environment names people expect, besides the systematic `POWERHOUSE_SECTION_KEY`.
    static let environmentAliases: [String: String] = [
        "POWERHOUSE_DB": "database.url",
        "POWERHOUSE_HOST": "server.host",
        "POWERHOUSE_PORT": "server.port",
        "POWERHOUSE_ADMIN_PASSWORD": "auth.admin_password",
        "POWERHOUSE_JWT_SECRET": "auth.jwt_secret",
        "POWERHOUSE_LOG_FORMAT": "log.format",
        "POWERHOUSE_LOG_LEVEL": "log.level",
    ]
}
