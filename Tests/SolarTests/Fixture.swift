import Foundation

/// Test fixtures: the TMY3 subset and the pvlib reference tables (reference/solar/).
enum Fixture {
    static func url(_ name: String) -> URL {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "Fixtures")
        else { fatalError("missing fixture \(name)") }
        return url
    }

    /// A small CSV with a header row and no quoting, as the reference script writes them.
    static func table(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").map(String.init) }
        let header = lines.removeFirst()
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

extension Dictionary where Key == String, Value == String {
    func number(_ key: String) -> Double { Double(self[key] ?? "") ?? .nan }
}
