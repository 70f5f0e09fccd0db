import Foundation
import PlantData
import Platform
import Storage

/// `powerhouse import egrid FILE…`: each file is its own dataset (its own SHA-256), imported in its own
/// transaction; a file seen before is a no-op; a bad file is reported with line, column and value and the
/// command stops there (files before it stay imported, nothing of the bad one is stored).
public enum PlantImportCLI {
    public struct FileResult: Sendable {
        public let path: String
        public let outcome: PlantImportOutcome
        public let seconds: Double
    }

    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    public static func run(
        files: [String], year: Int?, release: String?, database: AppDatabase, now: @escaping @Sendable () -> Date,
        actorName: String, report: @Sendable (String) -> Void
    ) async throws -> [FileResult] {
        var results: [FileResult] = []
        for path in files {
            let started = ContinuousClock.now
            let url = URL(fileURLWithPath: path)
            let data: Data
            do {
                data = try Data(contentsOf: url, options: .alwaysMapped)
            } catch {
                throw Failure(path: path, message: "cannot read the file (\(error.localizedDescription))")
            }
            let actor = PlantImportActor(userID: nil, name: actorName, requestID: "cli")
            do {
                let (outcome, _) = try await PlantImporter.run(
                    PlantImporter.Request(data: data, fileName: url.lastPathComponent, year: year, release: release),
                    actor: actor, database: database, now: now)
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let dataset = outcome.dataset
                report(outcome.isNew
                    ? "imported \(PlantRepository.summary(dataset)) in \(String(format: "%.2f", seconds)) s — dataset \(dataset.id.uuidString.lowercased())"
                    : "unchanged: \(url.lastPathComponent) is the same file as dataset \(dataset.id.uuidString.lowercased()) (\"\(dataset.releaseLabel)\")")
                results.append(FileResult(path: path, outcome: outcome, seconds: seconds))
            } catch let problem as Problem {
                throw Failure(path: path, message: problem.errors?.first.map { "rejected, nothing imported: \($0.message)" } ?? problem.detail ?? problem.title)
            }
        }
        return results
    }
}
