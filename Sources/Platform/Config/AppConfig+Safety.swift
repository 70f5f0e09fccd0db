import Foundation

extension AppConfig {
    /// Secrets shorter than this are refused everywhere: an HMAC key should carry at least 256 bits.
    static let minimumSecretLength = 32
    /// Admin passwords in prod need this length and must not be a well-known password.
    static let minimumProdPasswordLength = 12
    static let wellKnownPasswords: Set<String> = [
        "password", "password1", "password123", "admin", "admin123", "administrator", "changeme", "changeme123",
        "letmein", "welcome", "welcome123", "qwerty", "qwertyuiop", "123456", "12345678", "123456789",
        "1234567890", "powerhouse", "powerhouse123", "secret", "iloveyou", "passw0rd", "p@ssw0rd",
    ]

    /// Problems that stop an instance from starting. Prod is strict; other profiles only refuse what is
    /// broken everywhere (a secret too short to be safe).
    public func startupProblems() -> [String] {
        var problems: [String] = []
        if let secret = jwtSecret, secret.count < Self.minimumSecretLength {
            problems.append("auth.jwt_secret is shorter than \(Self.minimumSecretLength) characters")
        }
        guard profile == .prod else { return problems }
        if jwtSecret == nil {
            problems.append(
                "prod needs auth.jwt_secret (POWERHOUSE_JWT_SECRET): the default is a throw-away secret that "
                    + "changes on every start")
        }
        if !behindTLSProxy {
            problems.append(
                "prod needs server.behind_tls_proxy = true and a TLS-terminating proxy in front (see README, "
                    + "\"Running in production\"): Powerhouse does not serve TLS itself")
        }
        if let password = adminPassword, Self.isWeak(password) {
            problems.append(
                "auth.admin_password is weak: use at least \(Self.minimumProdPasswordLength) characters that are "
                    + "not a well-known password")
        }
        return problems
    }

    static func isWeak(_ password: String) -> Bool {
        password.count < minimumProdPasswordLength || wellKnownPasswords.contains(password.lowercased())
            || Set(password).count < 4
    }

    /// The HMAC secret to sign with: the configured one, or (outside prod) a random one for this run.
    public func signingSecret() -> String {
        if let jwtSecret { return jwtSecret }
        var generator = SystemRandomNumberGenerator()
        return (0..<48).map { _ in String(UInt8.random(in: 33...126, using: &generator), radix: 16) }.joined()
    }
}
