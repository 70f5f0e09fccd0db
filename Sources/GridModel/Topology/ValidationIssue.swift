import Foundation

/// One problem found in a topology, named by its field path (`grids[0].houses[3].battery.min_soc`).
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    /// JSON path of the offending field.
    public var path: String
    /// What is wrong and what to do.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Thrown when a topology cannot be read or is invalid; carries every issue found, not just the first.
public struct TopologyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) { self.issues = issues }

    public var description: String {
        "topology has \(issues.count) problem\(issues.count == 1 ? "" : "s"):\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
