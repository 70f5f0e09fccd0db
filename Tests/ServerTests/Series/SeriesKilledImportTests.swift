import Foundation
import Logging
import Storage
import Testing

/// `powerhouse import series` as a separate process: killed with SIGKILL in the middle of an import, it leaves
/// no series and no chunks in the SQLite file; left alone, the same command imports.
@Suite(.serialized) struct SeriesKilledImportTests {
    /// The CLI built beside the test bundle (`swift build --build-tests` builds both).
    static var binary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("powerhouse"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/powerhouse"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `rows` one-minute rows of a timestamp and four values (about 50 bytes a row).
    static func writeCSV(rows: Int, to url: URL) throws {
        var text = "time,load_kW,pv_kW,temp_degC,voltage_V\n"
        text.reserveCapacity(rows * 52)
        let start: Int64 = 1_767_571_200  // 2026-01-05T00:00:00Z
        for i in 0..<rows {
            let t = start + Int64(i) * 60
            text += "\(t),\(i % 997).\(i % 10),\(i % 13),\(i % 31).5,230.\(i % 100)\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    struct Run {
        let process: Process
        let stderr: FileHandle
    }

    static func start(_ binary: URL, file: URL, database: URL, directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["import", "series", file.path, "--db", "sqlite:\(database.path)", "--timestamp-format", "unix_s",
                             "--log-level", "error"]
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return Run(process: process, stderr: errors.fileHandleForReading)
    }

    /// Reads standard error until it contains `marker`, then kills `process` with SIGKILL at once, from the reading
    /// thread: waiting for the test's task to resume first could let a busy machine finish the import meanwhile.
    /// Returns what was read before the kill, or nil when the stream ended without the marker.
    static func kill(_ process: Process, whenStderrContains marker: String, in handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var seen = ""
                while true {
                    let data = handle.availableData
                    if data.isEmpty { continuation.resume(returning: nil); return }
                    seen += String(decoding: data, as: UTF8.self)
                    if seen.contains(marker) {
                        Foundation.kill(process.processIdentifier, SIGKILL)
                        continuation.resume(returning: seen)
                        return
                    }
                }
            }
        }
    }

    static func counts(_ database: URL) async throws -> (series: Int, chunks: Int) {
        let db = try await AppDatabase.open(.sqliteFile(path: database.path), logger: Logger(label: "test"))
        defer { Task { await db.shutdown() } }
        // The CLI migrates while it reads the file: a kill may even have come before the tables existed.
        try await db.migrate()
        let series = try await db.sql.raw("SELECT COUNT(*) AS n FROM series").first()?.decode(column: "n", as: Int.self) ?? -1
        let chunks = try await db.sql.raw("SELECT COUNT(*) AS n FROM series_chunks").first()?.decode(column: "n", as: Int.self) ?? -1
        await db.shutdown()
        return (series, chunks)
    }

    @Test func aKilledImportLeavesNoPartialSeries() async throws {
        let binary = try #require(Self.binary, "build the powerhouse binary first (swift build --build-tests)")
        // Arrange: a temporary directory with a large file and a fresh database file.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("killed-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = directory.appendingPathComponent("big.csv")
        try Self.writeCSV(rows: 1_500_000, to: big)
        let database = directory.appendingPathComponent("powerhouse.sqlite")

        // Act: start the import, wait until it has read part of the file, kill it without warning.
        let run = try Self.start(binary, file: big, database: database, directory: directory)
        let before = await Self.kill(run.process, whenStderrContains: "read ", in: run.stderr)
        run.process.waitUntilExit()

        // Assert: the process died mid-import (not after finishing), and nothing of the import is in the database.
        #expect(before != nil, "the import reported progress before it was killed")
        #expect(before?.contains("imported") == false, "killed after the import had finished: \(before ?? "")")
        #expect(run.process.terminationReason == .uncaughtSignal && run.process.terminationStatus == SIGKILL,
                "status \(run.process.terminationStatus): \(String(decoding: run.stderr.availableData, as: UTF8.self))")
        let afterKill = try await Self.counts(database)
        #expect(afterKill.series == 0)
        #expect(afterKill.chunks == 0)

        // Act 2: the same command on a small file, left to finish, imports into the same database.
        let small = directory.appendingPathComponent("small.csv")
        try Self.writeCSV(rows: 2_000, to: small)
        let complete = try Self.start(binary, file: small, database: database, directory: directory)
        complete.process.waitUntilExit()

        // Assert 2
        #expect(complete.process.terminationStatus == 0)
        let afterImport = try await Self.counts(database)
        #expect(afterImport.series == 4)
        #expect(afterImport.chunks > 0)
    }
}
