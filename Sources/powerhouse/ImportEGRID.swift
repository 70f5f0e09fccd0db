import ArgumentParser
import Foundation
import Logging
import Platform
import Server
import Storage

/// `powerhouse import egrid FILE…`: EPA eGRID files (a sheet saved as CSV, or the .xlsx workbook) into the
/// database, through the same code as the server's `plants.import` job.
struct ImportEGRID: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "egrid",
        abstract: "Import EPA eGRID files: sheets saved as CSV (PLNT, GEN, UNT, ST, BA, SRL, NRL, US) or the .xlsx workbook.",
        discussion: """
            Each file becomes one dataset, identified by its SHA-256: importing the same file again changes nothing. \
            Each file is imported in one transaction; a file with a bad cell is rejected with its line, column and \
            value, nothing of it is stored, and the command stops (files before it stay imported). Several data \
            years and releases live side by side; the newest import of a year answers for it unless a release is named.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The files.")
    var files: [String]

    @Option(help: "Data year, for files that do not state it (in their codes, a Year column, the sheet or file name).")
    var year: Int?

    @Option(help: "Release label, e.g. \"2023 rev. June 2025\" (default: the data years).")
    var release: String?

    func validate() throws {
        if let year, !(1990...2100).contains(year) { throw ValidationError("--year must be a year from 1990 to 2100") }
        if let release, release.isEmpty || release.count > 200 { throw ValidationError("--release takes 1 to 200 characters") }
    }

    func run() async throws {
        var config = try common.loadConfig()
        config.jobWorkers = 0
        LogSetup.bootstrap(format: .text, level: .warning)
        let database = try await openDatabase(config, logger: Logger(label: "powerhouse.import"))
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        do {
            _ = try await PlantImportCLI.run(
                files: files, year: year, release: release, database: database, now: { Date() }, actorName: "cli:\(user)",
                report: { print($0) })
            await database.shutdown()
        } catch let failure as PlantImportCLI.Failure {
            await database.shutdown()
            printError("error: \(failure.description)")
            throw ExitCode.failure
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
