import Foundation

/// Where the data lives, as given by `--db`: `sqlite:PATH`, `sqlite::memory:` or `postgres://user:pass@host:port/db`.
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    public struct ParseError: Error, CustomStringConvertible {
        public let value: String
        public var description: String {
            "database \"\(value)\" is not understood: use sqlite:PATH, sqlite::memory: or postgres://user:pass@host:port/db"
        }
    }

    public init(parsing value: String) throws {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed == "sqlite::memory:" || trimmed == ":memory:" {
            self = .sqliteMemory
        } else if trimmed.hasPrefix("sqlite:") {
            let path = String(trimmed.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw ParseError(value: value) }
            self = .sqliteFile(path: path)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: trimmed), components.host?.isEmpty == false else {
                throw ParseError(value: value)
            }
            self = .postgres(url: trimmed)
        } else {
            throw ParseError(value: value)
        }
    }

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    /// The location with any password replaced, safe for logs and pages.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "sqlite:\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}
