import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlantData
import Platform
@testable import Server
import Storage
import TestSupport
import Testing

/// EPA's real files (`../shared/data/egrid/` beside the repository, never copied into it) and helpers that
/// import through the API, the CLI path or directly.
enum PlantFiles {
    static func url(_ name: String) throws -> URL { try EGRIDFiles.url(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// Imports files the way `powerhouse import egrid` does.
    static func cliImport(_ names: [String], platform: PlatformServices, release: String? = nil) async throws {
        _ = try await PlantImportCLI.run(
            files: try names.map { try url($0).path }, year: nil, release: release, database: platform.database,
            now: { platform.clock.now }, actorName: "cli", report: { _ in })
    }

    /// Imports the synthetic demo sheet of `plants` plants (its plant sheet only, or with region sheets).
    @discardableResult
    static func demo(platform: PlatformServices, plants: Int = 120, year: Int = 2023, seed: UInt64 = 1, withRegions: Bool = true,
                     release: String? = nil) async throws -> PlantDataset {
        let file = withRegions
            ? try DemoDataset.load(seed: seed, plantCount: plants, year: year)
            : try EGRIDReader.read(DemoDataset.plantSheetCSV(seed: seed, plantCount: plants, year: year),
                                   options: ImportOptions(releaseLabel: release ?? DemoDataset.releaseLabel(seed: seed, year: year)))
        let hash = PlantFileHash.sha256(Data("\(seed)-\(plants)-\(year)-\(withRegions)".utf8))
        let plan = try await PlantImportPlan.prepare(file, sha256: hash, byteCount: 1, synthetic: true)
        let outcome = try await PlantRepository(platform.database.db).importPlan(
            plan, actor: PlantImportActor(userID: nil, name: "test", requestID: "test"), now: platform.clock.now)
        PlantStore.shared(for: platform.database).invalidate()
        return outcome.dataset
    }
}

extension TestApp {
    /// POSTs a file to the import route and returns the response.
    func upload(_ data: Data, fileName: String, query: String = "", as role: Role = .analyst,
                contentType: String = "text/csv") async throws -> TestResponse {
        let name = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fileName
        return try await request(
            .post, "/api/v1/plants/imports?file_name=\(name)\(query.isEmpty ? "" : "&" + query)", as: role,
            headers: [.contentType: contentType], body: ByteBuffer(bytes: data))
    }

    /// Uploads a file and waits for its job to finish; returns the finished job as JSON.
    func importAndWait(_ data: Data, fileName: String, query: String = "", as role: Role = .analyst) async throws -> JSONValue {
        let response = try await upload(data, fileName: fileName, query: query, as: role)
        #expect(response.status == .accepted, "\(response.status) \(response.text.prefix(300))")
        guard case .string(let id)? = try json(response)["job"]?["id"] else {
            Issue.record("no job in \(response.text.prefix(300))")
            return .null
        }
        return try await waitForJob(id, as: role)
    }

    func waitForJob(_ id: String, as role: Role = .analyst) async throws -> JSONValue {
        for _ in 0..<600 {
            let job = try json(try await request(.get, "/api/v1/jobs/\(id)", as: role))
            if case .string(let state)? = job["state"], ["succeeded", "failed", "cancelled"].contains(state) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("job \(id) did not finish")
        return .null
    }

    func getJSON(_ uri: String, as role: Role = .viewer) async throws -> JSONValue {
        let response = try await request(.get, uri, as: role)
        #expect(response.status == .ok, "\(uri): \(response.status) \(response.text.prefix(300))")
        return try json(response)
    }
}

extension JSONValue {
    var asNumber: Double? { if case .number(let v) = self { v } else { nil } }
    var asString: String? { if case .string(let v) = self { v } else { nil } }
    var asArray: [JSONValue] { if case .array(let v) = self { v } else { [] } }
    var asBool: Bool? { if case .bool(let v) = self { v } else { nil } }
}
