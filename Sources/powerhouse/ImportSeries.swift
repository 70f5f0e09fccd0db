import ArgumentParser
import FluentKit
import Foundation
import Logging
import Platform
import Series
import Storage

/// `powerhouse import series FILE`: detect, parse and store a CSV file's value columns as series, in one
/// transaction (nothing is visible until it commits; an interrupted import leaves nothing behind).
struct ImportSeries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Import a CSV file of time series (timestamp column + value columns).",
        discussion: """
            Settings not given are detected from the first 64 KB and printed. Column numbers count from 1.
            --columns takes N[:name[:unit[:kind]]],… where N is a column number or its header, e.g.
            --columns "2:load:kW:power,temp_C". Under --policy skip, bad rows are left out and listed in --report.
            Progress goes to standard error; the new series (id, name, points) to standard output.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "Encoding: utf-8, utf-16le, utf-16be or windows-1252.") var encoding: String?
    @Option(help: "Field delimiter: , ; | or tab.") var delimiter: String?
    @Option(help: "Decimal separator: . or ,") var decimal: String?
    @Option(help: "Thousands separator: none . , space or '.") var thousands: String?
    @Option(help: "Row holding the column names (from 1), or none.") var headerRow: String?
    @Option(help: "Row holding units, or none.") var unitsRow: String?
    @Option(help: "First data row (from 1).") var dataStartRow: String?
    @Option(help: "Column of the timestamps or dates (from 1).") var timestampColumn: String?
    @Option(help: "Separate time-of-day column (from 1), or none.") var timeColumn: String?
    @Option(help: "iso8601, dmy, mdy, unix_s, unix_ms or excel.") var timestampFormat: String?
    @Option(help: "IANA time zone of local times (default UTC).") var timezone: String?
    @Option(help: "Value columns to import: N[:name[:unit[:kind]]],…") var columns: String?
    @Option(help: "Bad rows: reject (stop, import nothing) or skip (leave out and report).") var policy: String?
    @Option(help: "Local times in a DST gap: error or shift_forward.") var nonexistent: String?
    @Option(help: "Local times in a repeated hour: file_order, earlier or later.") var repeated: String?
    @Option(help: "Tags for every new series: key:value,…") var tags: String?
    @Option(help: "Write the skipped rows (line, column, value, reason, message) to this CSV file.") var report: String?
    @Flag(help: "Detect and check only; import nothing.") var dryRun = false

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int else {
            throw ValidationError("cannot read \(file)")
        }
        let values: [String: String?] = [
            "encoding": encoding, "delimiter": delimiter, "decimal": decimal, "thousands": thousands, "header_row": headerRow,
            "units_row": unitsRow, "data_start_row": dataStartRow, "timestamp_column": timestampColumn,
            "time_column": timeColumn, "timestamp_format": timestampFormat, "timezone": timezone, "columns": columns,
            "policy": policy, "nonexistent": nonexistent, "repeated": repeated,
        ]
        let settings: CSVSettings
        let tagValues: [String: String]
        do {
            let overrides = try CSVSettingsOverrides(values: values.compactMapValues { $0 })
            tagValues = try Self.tags(tags)
            let sample = try Self.head(url, bytes: CSVSniffer.sampleSize)
            settings = try SeriesImporter.settings(sample: sample, isComplete: size <= CSVSniffer.sampleSize, overrides: overrides).settings
            try SeriesImporter.check(sample: sample, isComplete: size <= CSVSniffer.sampleSize, settings: settings)
        } catch let invalid as CSVSettingsOverrides.Invalid {
            throw ValidationError("--\(invalid.parameter.replacingOccurrences(of: "_", with: "-")) \(invalid.message)")
        } catch let error as CSVImportError {
            throw ValidationError(error.description)
        }
        let parameters = CSVSettingsOverrides.parameters(of: settings)
        printError("settings: " + parameters.sorted { $0.key < $1.key }.map { "--\($0.key.replacingOccurrences(of: "_", with: "-")) \($0.value)" }.joined(separator: " "))
        if dryRun { return }

        var config = try common.loadConfig()
        config.jobWorkers = 0
        LogSetup.bootstrap(format: .text, level: .warning)
        // The database opens (and migrates) while the file is being read.
        let opening = Task { try await openDatabase(config, logger: Logger(label: "powerhouse.import")) }
        do {
            try await importFile(url, settings: settings, tags: tagValues, opening: opening)
        } catch {
            if let database = try? await opening.value { await database.shutdown() }
            if let csv = error as? CSVImportError { throw ValidationError("nothing was imported: \(csv.description)") }
            throw error
        }
    }

    func importFile(
        _ url: URL, settings: CSVSettings, tags: [String: String], opening: Task<AppDatabase, any Error>
    ) async throws {
        let started = Date()
        var reported = -1
        // Read straight from the file into one reused buffer (no allocation per chunk), on this thread.
        let result = try CSVReader.importFile(at: url, settings: settings) { bytesRead, total in
            let percent = total > 0 ? bytesRead * 100 / total : 0
            if percent / 10 != reported / 10 {
                reported = percent
                printError("read \(percent)%")
            }
        }
        let database = try await opening.value
        printError("writing \(result.series.count) series")
        let osUser = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let filename = url.lastPathComponent
        let report = result.report
        let now = Date()
        let created = try await SeriesImporter.commit(
            result, tags: tags, database: database.db, jobID: nil, ownerID: nil, filename: filename, now: now
        ) { tx, created in
            for series in created {
                try await AuditRepository(tx).record(
                    AuditRecordInput(actorID: nil, actorName: "cli:\(osUser)", action: "series.import", objectType: "series",
                                     objectID: series.id.uuidString, outcome: .success, requestID: "cli",
                                     detail: "\(filename), \(series.pointCount) points"),
                    at: now)
            }
        }
        for series in created {
            print("\(series.id.uuidString.lowercased())  \(series.name)  \(series.unit)  \(series.pointCount) points  "
                  + String(format: "%.2f bytes/point", series.bytesPerPoint))
        }
        let seconds = Date().timeIntervalSince(started)
        printError("imported \(created.count) series from \(report.importedRows) rows in \(String(format: "%.2f", seconds)) s"
                   + (report.skippedRows > 0 ? "; \(report.skippedRows) rows skipped" : ""))
        if let path = self.report {
            try Data(report.skippedRowsCSV().utf8).write(to: URL(fileURLWithPath: path))
            printError("skipped rows written to \(path)")
        }
        await database.shutdown()
    }

    static func tags(_ text: String?) throws -> [String: String] {
        guard let text else { return [:] }
        var out: [String: String] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--tags takes key:value,… (\"\(item)\" is not)") }
            out[parts[0]] = parts[1]
        }
        return out
    }

    static func head(_ url: URL, bytes: Int) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return [UInt8](try handle.read(upToCount: bytes) ?? Data())
    }
}
