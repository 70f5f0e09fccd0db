import Foundation

/// Reads the subset of TOML a Powerhouse config file needs: `[section]` headers and `key = value` lines with
/// strings, numbers, booleans and arrays of strings. The result is flat: `section.key → value text`.
enum TOMLLite {
    struct ParseError: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    static func parse(_ text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        var section = ""
        for (index, rawLine) in text.components(separatedBy: .newlines).enumerated() {
            let line = stripComment(rawLine).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw ParseError(line: index + 1, message: "a section header looks like [server]")
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(line: index + 1, message: "expected key = value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !value.isEmpty else {
                throw ParseError(line: index + 1, message: "expected key = value")
            }
            result[section.isEmpty ? key : "\(section).\(key)"] = try scalar(value, line: index + 1)
        }
        return result
    }

    /// Strings lose their quotes; arrays become comma-separated lists.
    private static func scalar(_ value: String, line: Int) throws -> String {
        if value.hasPrefix("\"") {
            guard value.count >= 2, value.hasSuffix("\"") else {
                throw ParseError(line: line, message: "unterminated string")
            }
            return String(value.dropFirst().dropLast())
                .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        if value.hasPrefix("[") {
            guard value.hasSuffix("]") else { throw ParseError(line: line, message: "unterminated array") }
            let items = value.dropFirst().dropLast().split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return try items.map { try scalar($0, line: line) }.joined(separator: ",")
        }
        return value
    }

    /// Drops a `#` comment that is not inside a string.
    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { inString.toggle() }
            if character == "#" && !inString { return String(line.prefix(offset)) }
        }
        return line
    }
}
