import Foundation

/// How the timestamp cells of a CSV file are written.
public enum TimestampFormat: String, Sendable, Codable, CaseIterable, Hashable {
    /// `2024-01-31T13:45:00Z`, `2024-01-31 13:45`, `2024-01-31T13:45:00.250+01:00`, `2024-01-31`: year first,
    /// `T` or space, seconds and fraction optional, offset (`Z`, `+01:00`, `+0100`, `+01`) optional.
    case iso8601 = "iso8601"
    /// `31.01.2024 13:45[:00]`, `31/01/2024`, `31-01-2024`: day first (separators `.`, `/`, `-`; 2-digit years
    /// mean 20xx).
    case dayMonthYear = "dmy"
    /// `01/31/2024 1:45` etc.: month first.
    case monthDayYear = "mdy"
    /// Seconds since 1970-01-01 UTC, fractions allowed.
    case unixSeconds = "unix_s"
    /// Milliseconds since 1970-01-01 UTC.
    case unixMilliseconds = "unix_ms"
    /// Excel serial day numbers in the 1900 date system (45292.5 = 2024-01-01 12:00), rounded to the second.
    case excelSerial = "excel"

    /// Human-readable pattern for messages.
    public var pattern: String {
        switch self {
        case .iso8601: "YYYY-MM-DD HH:MM:SS"
        case .dayMonthYear: "DD.MM.YYYY HH:MM"
        case .monthDayYear: "MM/DD/YYYY HH:MM"
        case .unixSeconds: "Unix seconds"
        case .unixMilliseconds: "Unix milliseconds"
        case .excelSerial: "Excel serial date"
        }
    }
}
