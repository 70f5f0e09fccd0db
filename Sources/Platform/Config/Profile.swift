/// Named configuration profiles. Each sets defaults; `prod` also refuses unsafe settings at start.
public enum Profile: String, Codable, Sendable, CaseIterable {
    /// A developer's machine: readable logs, demo jobs visible, a throw-away signing secret if none is set.
    case dev
    /// The test suites: cheap bcrypt, quiet logs, demo jobs visible.
    case test
    /// Integration / staging: production behaviour, but a generated secret is tolerated with a warning.
    case int
    /// Production: refuses to start with a default secret, without TLS-proxy settings or with a weak admin password.
    case prod

    /// Demo-only job kinds (`demo.sleep`) exist in these profiles only.
    public var allowsDemoJobs: Bool { self == .dev || self == .test }
}
