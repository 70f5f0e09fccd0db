import Foundation

/// Reads typed fields out of a `GridJSON` tree while collecting every problem with its path,
/// so that a user fixing a document sees all mistakes at once.
struct JSONFieldReader {
    var issues: [ValidationIssue] = []

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func fail(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }

    /// The value as an object; unknown keys are reported because they are usually misspellings.
    mutating func object(_ value: GridJSON, at path: String, allowed: Set<String>) -> [String: GridJSON]? {
        guard case .object(let fields) = value else {
            fail(path, "expected an object, found \(value.kindName)")
            return nil
        }
        for key in fields.keys.sorted() where !allowed.contains(key) {
            fail(JSONFieldReader.join(path, key), "unknown field; allowed here: \(allowed.sorted().joined(separator: ", "))")
        }
        return fields
    }

    mutating func number(_ fields: [String: GridJSON], _ key: String, at path: String) -> Double? {
        required(fields, key, at: path, kind: "number") { $0.number($1, at: $2) }
    }

    mutating func optionalNumber(_ fields: [String: GridJSON], _ key: String, at path: String) -> Double? {
        optional(fields, key, at: path) { $0.number($1, at: $2) }
    }

    mutating func number(_ value: GridJSON, at path: String) -> Double? {
        if case .number(let n) = value { return n }
        fail(path, "expected a number, found \(value.kindName)")
        return nil
    }

    mutating func string(_ fields: [String: GridJSON], _ key: String, at path: String) -> String? {
        required(fields, key, at: path, kind: "string") { $0.string($1, at: $2) }
    }

    mutating func optionalString(_ fields: [String: GridJSON], _ key: String, at path: String) -> String? {
        optional(fields, key, at: path) { $0.string($1, at: $2) }
    }

    mutating func string(_ value: GridJSON, at path: String) -> String? {
        if case .string(let s) = value { return s }
        fail(path, "expected a string, found \(value.kindName)")
        return nil
    }

    private mutating func required<T>(
        _ fields: [String: GridJSON], _ key: String, at path: String, kind: String, _ read: (inout Self, GridJSON, String) -> T?
    ) -> T? {
        let p = JSONFieldReader.join(path, key)
        guard let value = fields[key] else {
            fail(p, "required \(kind) is missing")
            return nil
        }
        return read(&self, value, p)
    }

    private mutating func optional<T>(_ fields: [String: GridJSON], _ key: String, at path: String, _ read: (inout Self, GridJSON, String) -> T?) -> T? {
        guard let value = fields[key], value != .null else { return nil }
        return read(&self, value, JSONFieldReader.join(path, key))
    }

    /// An optional array (absent or null reads as empty).
    mutating func array(_ fields: [String: GridJSON], _ key: String, at path: String) -> [GridJSON] {
        guard let value = fields[key], value != .null else { return [] }
        guard case .array(let items) = value else {
            fail(JSONFieldReader.join(path, key), "expected an array, found \(value.kindName)")
            return []
        }
        return items
    }

    mutating func stringArray(_ fields: [String: GridJSON], _ key: String, at path: String) -> [String] {
        let base = JSONFieldReader.join(path, key)
        return array(fields, key, at: path).enumerated().compactMap { string($1, at: "\(base)[\($0)]") }
    }
}

extension Dictionary where Key == String, Value == GridJSON {
    /// Adds an optional number only when present, so that absent fields stay absent on export.
    public mutating func put(_ key: String, _ value: Double?) {
        if let value { self[key] = .number(value) }
    }
}
