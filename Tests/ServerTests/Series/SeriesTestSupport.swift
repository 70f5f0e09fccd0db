import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Platform
import Storage

/// Helpers of the series tests: JSON access, job waiting, data files.
enum SeriesTest {
    /// 2026-01-05T00:00:00Z, a Monday.
    static let monday: Int64 = 1_767_571_200_000

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    static func number(_ value: JSONValue?) -> Double? {
        if case .number(let n)? = value { return n }
        return nil
    }

    static func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    /// `values` of the first series of a values response; null → NaN.
    static func values(_ json: JSONValue, series index: Int = 0) -> [Double] {
        array(array(json["series"])[safe: index]?["values"]).map { number($0) ?? .nan }
    }

    static func times(_ json: JSONValue) -> [String] { array(json["times"]).compactMap(string) }

    /// Polls a job until it is finished (or `timeout` seconds pass) and returns it.
    static func finishedJob(_ app: TestApp, _ id: String, as role: Role = .engineer, timeout: Double = 120) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let job = try app.json(try await app.request(.get, "/api/v1/jobs/\(id)", as: role))
            if ["succeeded", "failed", "cancelled"].contains(string(job["state"]) ?? "") || Date() > deadline { return job }
            try await Task.sleep(for: .milliseconds(25))
        }
    }

    /// Posts a CSV body to the import endpoint and returns the response.
    static func upload(_ app: TestApp, _ csv: String, query: String = "", as role: Role = .engineer) async throws -> TestResponse {
        try await app.request(.post, "/api/v1/series/imports\(query.isEmpty ? "" : "?" + query)", as: role,
                              headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv))
    }

    /// Creates a synthetic series and returns its id.
    static func synthetic(_ app: TestApp, kind: String, from: String, to: String, step: String, seed: Int = 1,
                          name: String? = nil) async throws -> String {
        let nameField = name.map { #","name":"\#($0)""# } ?? ""
        let response = try await app.request(
            .post, "/api/v1/series/synthetic", as: .engineer,
            json: #"{"kind":"\#(kind)","from":"\#(from)","to":"\#(to)","step":"\#(step)","seed":\#(seed)\#(nameField)}"#)
        guard response.status == .created, let id = string(try app.json(response)["id"]) else {
            throw Failure(message: "synthetic series not created: \(response.status) \(response.text)")
        }
        return id
    }

    /// Rows counted in a table of the test database.
    static func count(_ table: String, _ app: TestApp) async throws -> Int {
        try await app.platform.database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?
            .decode(column: "n", as: Int.self) ?? -1
    }

    /// `rows` lines of `time;P [kW];T [°C]` with decimal commas at 15-minute steps from 2026-01-01 00:00 local.
    static func meterCSV(rows: Int, badLine: Int? = nil, start: Int = 0) -> String {
        var out = "Zeit;P [kW];T [°C]\n"
        for i in start..<(start + rows) {
            let minutes = i * 15
            let day = 1 + minutes / 1440, hour = (minutes % 1440) / 60, minute = minutes % 60
            let stamp = String(format: "%02d.01.2026 %02d:%02d", day, hour, minute)
            let line = i - start + 2
            let power = line == badLine ? "12,5,3" : String(format: "%d,%d", i % 7, i % 10)
            out += "\(stamp);\(power);\(String(format: "%d,5", i % 20))\n"
        }
        return out
    }

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
