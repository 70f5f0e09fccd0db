import Foundation
import Platform
import Series
import Storage

/// Request bodies of the series API and the checks on them (every wrong field is named at once).
enum SeriesInput {
    struct CreateSeries: Decodable {
        let name: String
        let unit: String?
        let kind: String?
        let tags: [String: String]?
        let timeZone: String?
        /// Fixed step of the data to come, in seconds; leave out for irregular data.
        let stepSeconds: Double?
    }

    struct UpdateSeries: Decodable {
        let name: String?
        let unit: String?
        let kind: String?
        let tags: [String: String]?
        let timeZone: String?
    }

    /// `{"times": ["2026-01-01T00:00:00Z", …] or [1767225600000, …], "values": [1.5, null, …]}`; null is "no data".
    struct Points: Decodable {
        let times: [JSONValue]
        let values: [Double?]
    }

    struct SyntheticRequest: Decodable {
        let kind: String
        let from: Date
        let to: Date
        /// `30s`, `1m`, `15m`, `1h`, `1d`; default 15m.
        let step: String?
        let seed: UInt64?
        let name: String?
        let tags: [String: String]?
        let timeZone: String?
    }

    /// Collects field errors, then throws them together.
    struct Checker {
        var errors: [Problem.FieldError] = []

        mutating func fail(_ field: String, _ message: String) { errors.append(.init(field: field, message: message)) }

        func done() throws {
            guard !errors.isEmpty else { return }
            throw Problem(.validation, detail: errors.map { "\($0.field) \($0.message)" }.joined(separator: "; "), errors: errors)
        }

        mutating func name(_ value: String?) {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty || value.count > 200 {
                fail("/name", "must be 1 to 200 characters")
            }
        }

        mutating func unit(_ value: String?) {
            if let value, value.count > 40 { fail("/unit", "must be at most 40 characters") }
        }

        mutating func kind(_ value: String?) -> QuantityKind? {
            guard let value else { return nil }
            guard let kind = QuantityKind(rawValue: value) else {
                fail("/kind", "must be one of \(QuantityKind.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return kind
        }

        mutating func tags(_ value: [String: String]?) {
            guard let value else { return }
            if value.count > 50 { fail("/tags", "at most 50 tags") }
            for (key, text) in value where key.isEmpty || key.count > 64 || text.count > 200 || key.contains(",") || key.contains(":") {
                fail("/tags/\(key)", "keys are 1 to 64 characters without , or :, values at most 200 characters")
            }
        }

        mutating func timeZone(_ value: String?, field: String = "/time_zone") {
            if let value, TimeZone(identifier: value) == nil {
                fail(field, "\"\(value)\" is not an IANA time zone such as Europe/Berlin")
            }
        }
    }

    /// Points from a JSON body: ISO 8601 strings or epoch milliseconds, one value each.
    static func points(_ body: Points) throws -> SeriesData {
        guard body.times.count == body.values.count else {
            throw Problem.invalid("/values", "has \(body.values.count) entries for \(body.times.count) times")
        }
        guard body.times.count <= 1_000_000 else { throw Problem.invalid("/times", "at most 1,000,000 points per request") }
        var timestamps: [Int64] = []
        timestamps.reserveCapacity(body.times.count)
        for (index, time) in body.times.enumerated() {
            switch time {
            case .string(let text):
                guard let date = ISO8601.date(text) else {
                    throw Problem.invalid("/times/\(index)", "\"\(text)\" is not an ISO 8601 timestamp such as 2026-01-31T00:00:00Z")
                }
                timestamps.append(SeriesTime.millis(date))
            case .number(let millis) where millis == millis.rounded() && abs(millis) < 1e15:
                timestamps.append(Int64(millis))
            default:
                throw Problem.invalid("/times/\(index)", "must be an ISO 8601 string or epoch milliseconds")
            }
        }
        return SeriesData(timestamps: timestamps, values: body.values.map { $0 ?? .nan })
    }

    /// `15m` → 900000. Units s, m (or min), h, d.
    static func stepMillis(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("min", 60_000), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Int64(text.dropLast(suffix.count)), number > 0, number <= 10_000 else { return nil }
            return number * scale
        }
        return nil
    }

    /// `site:north,meter:4711` → tags.
    static func tagFilter(_ text: String?, parameter: String = "tags") throws -> [String: String] {
        guard let text else { return [:] }
        var tags: [String: String] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw Problem.badQuery(parameter, "\"\(item)\" is not key:value (several separated by commas)")
            }
            tags[parts[0]] = parts[1]
        }
        return tags
    }
}
