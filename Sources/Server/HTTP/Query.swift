import Foundation
import Hummingbird
import Platform

/// Typed query parameters that answer 400 with the parameter's name when a value is wrong.
struct Query {
    let request: Request

    init(_ request: Request) { self.request = request }

    func string(_ name: String, maxLength: Int = 200) throws -> String? {
        guard let value = request.uri.queryParameters.get(name), !value.isEmpty else { return nil }
        guard value.count <= maxLength else { throw Problem.badQuery(name, "is longer than \(maxLength) characters") }
        return value
    }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = try string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem.badQuery(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func date(_ name: String) throws -> Date? {
        guard let text = try string(name) else { return nil }
        guard let date = ISO8601.date(text) else {
            throw Problem.badQuery(name, "\"\(text)\" is not an ISO 8601 timestamp such as 2025-01-31T00:00:00Z")
        }
        return date
    }

    func uuid(_ name: String) throws -> UUID? {
        guard let text = try string(name) else { return nil }
        guard let id = UUID(uuidString: text) else { throw Problem.badQuery(name, "\"\(text)\" is not a UUID") }
        return id
    }

    func `enum`<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String, T: CaseIterable {
        guard let text = try string(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.badQuery(name, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// `limit`, 50 by default, at most 200.
    func limit() throws -> Int { try int("limit", default: 50, range: 1...200) }

    /// The opaque cursor of the previous page, decoded.
    func cursor() throws -> String? {
        guard let text = try string("cursor", maxLength: 400) else { return nil }
        guard let decoded = Cursor.decode(text) else { throw Problem.badQuery("cursor", "is not a cursor this server gave out") }
        return decoded
    }
}

/// Cursors are opaque to clients (base64url), so the ordering key behind them can change without breaking anyone.
enum Cursor {
    static func encode(_ value: String) -> String {
        Data(value.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> String? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}

/// One page of a list: `{"items": [...], "next_cursor": "…" | null}`.
struct Page<Item: Encodable>: Encodable {
    let items: [Item]
    let nextCursor: String?

    /// `items` was fetched with `limit + 1` rows so that we know whether another page exists.
    init(fetched: [Item], limit: Int, cursorOf: (Item) -> String) {
        items = Array(fetched.prefix(limit))
        nextCursor = fetched.count > limit ? items.last.map { Cursor.encode(cursorOf($0)) } : nil
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        // Always present, null on the last page, so clients can test it without a key check.
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
