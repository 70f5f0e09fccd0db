import Foundation

/// Why a CSV row could not be imported.
public enum CSVIssueReason: String, Sendable, Codable, Hashable {
    case notANumber = "not_a_number"
    case invalidTimestamp = "invalid_timestamp"
    case emptyTimestamp = "empty_timestamp"
    case nonexistentLocalTime = "nonexistent_local_time"
    case missingFields = "missing_fields"
    case recordTooLong = "record_too_long"
}

/// One bad cell or row, with the physical 1-based line where its record starts.
public struct CSVIssue: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    public var line: Int
    /// Header of the offending column, nil for row-level problems.
    public var column: String?
    /// The cell as written (truncated to 200 characters).
    public var value: String
    public var reason: CSVIssueReason
    /// Complete sentence, e.g. `line 18,223, column "P_kW": "12,5,3" is not a number`.
    public var message: String

    public init(line: Int, column: String?, value: String, reason: CSVIssueReason, detail: String) {
        self.line = line
        self.column = column
        self.value = value.count > 200 ? String(value.prefix(200)) + "…" : value
        self.reason = reason
        let location = column.map { "line \(Self.grouped(line)), column \"\($0)\"" } ?? "line \(Self.grouped(line))"
        self.message = "\(location): \(detail)"
    }

    public var description: String { message }

    /// `18223` → `18,223`, independent of the user's locale.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

/// Errors that stop an import.
public enum CSVImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bad row under the `reject` policy.
    case row(CSVIssue)
    /// The settings cannot work (unknown time zone, column out of range, …).
    case invalidSettings(String)
    /// Nothing that looks like timestamped data was found.
    case noData(String)

    public var description: String {
        switch self {
        case .row(let issue): issue.message
        case .invalidSettings(let why): "invalid settings: \(why)"
        case .noData(let why): why
        }
    }
}
