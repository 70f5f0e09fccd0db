import FluentKit
import Foundation
import Series

/// The one import path of CSV series, shared by the `series.import` job and `powerhouse import series`:
/// detect settings from the first bytes (`settings`, `check`), parse the whole stream (`parse`), then encode and
/// store every series in **one transaction** at the end (`commit`). Until that commit nothing is visible; a failure, a cancellation or a killed
/// process leaves no rows. Compressed chunks wait in memory (about 1 byte per point) until then.
public enum SeriesImporter {
    /// Settings for a file: detected from `sample` (the first bytes, ``CSVSniffer/sampleSize`` is plenty)
    /// with `overrides` applied on top. When nothing can be detected, the overrides alone must describe the file.
    public static func settings(sample: [UInt8], isComplete: Bool, overrides: CSVSettingsOverrides) throws
        -> (settings: CSVSettings, detection: CSVDetection?)
    {
        let zone = overrides.timeZone ?? "UTC"
        do {
            let detection = try CSVSniffer.detect(sample: sample, isCompleteFile: isComplete, previewRows: 20, timeZone: zone)
            let header = detection.settings.headerRow.flatMap { $0 - 1 < detection.rows.count ? detection.rows[$0 - 1] : nil }
            return (try overrides.apply(to: detection.settings, header: header), detection)
        } catch let error as CSVImportError {
            // Nothing detected: fine if the user said where the timestamps are.
            guard overrides.timestampColumn != nil || overrides.delimiter != nil else { throw error }
            var base = CSVSettings()
            base.timeZone = zone
            return (try overrides.apply(to: base, header: nil), nil)
        }
    }

    /// The first `rows` data rows of `sample` read with `settings` under the skip policy (bad rows are listed in
    /// the report). A partial sample is cut after its last complete line.
    public static func preview(sample: [UInt8], isComplete: Bool, settings: CSVSettings, rows: Int = 20) throws(CSVImportError)
        -> CSVImportResult
    {
        var lenient = settings
        lenient.errorPolicy = .skip
        var reader = try CSVReader(settings: lenient)
        reader.rowLimit = rows
        try reader.consume(isComplete ? sample : completeLines(sample, encoding: settings.encoding))
        return try reader.finish()
    }

    /// Checks the first rows the way the import will read them: under `reject` the first bad row is thrown,
    /// under `skip` a sample in which no row at all can be read is an error too (wrong settings).
    public static func check(sample: [UInt8], isComplete: Bool, settings: CSVSettings) throws(CSVImportError) {
        let result = try preview(sample: sample, isComplete: isComplete, settings: settings, rows: 200)
        if settings.errorPolicy == .reject, let issue = result.report.issues.first { throw .row(issue) }
        if result.rowCount == 0, let issue = result.report.issues.first { throw .row(issue) }
    }

    /// `sample` up to and including its last line break in `encoding`.
    static func completeLines(_ sample: [UInt8], encoding: CSVEncoding) -> [UInt8] {
        switch encoding {
        case .utf16LE:
            var i = sample.count - 2
            while i >= 0 { if sample[i] == 0x0A && sample[i + 1] == 0 && i % 2 == 0 { return Array(sample[...(i + 1)]) }; i -= 1 }
        case .utf16BE:
            var i = sample.count - 2
            while i >= 0 { if sample[i] == 0 && sample[i + 1] == 0x0A && i % 2 == 0 { return Array(sample[...(i + 1)]) }; i -= 1 }
        case .utf8, .windows1252:
            if let last = sample.lastIndex(of: 0x0A) { return Array(sample[...last]) }
        }
        return sample
    }

    /// Parses a whole stream of parts. `progress` gets the fraction of `totalBytes` read after each part and
    /// may throw to stop (a cancelled job).
    public static func parse<Parts: AsyncSequence>(
        _ parts: Parts, settings: CSVSettings, totalBytes: Int?, progress: (Double) async throws -> Void
    ) async throws -> CSVImportResult where Parts.Element == Data {
        var reader = try CSVReader(settings: settings)
        reader.expectedBytes = totalBytes
        for try await part in parts {
            try reader.consume(part)
            if let totalBytes, totalBytes > 0 { try await progress(Double(reader.bytesConsumed) / Double(totalBytes)) }
        }
        return try reader.finish()
    }

    /// Encodes and stores every imported column and the import's report in **one transaction** on `database`.
    /// Columns are encoded in parallel (one task per column) while the finished ones are already being written,
    /// so encoding and writing overlap; nothing is visible until the commit. `alongside` runs last in the same
    /// transaction with the new series (remove the upload, write audit entries).
    public static func commit(
        _ result: CSVImportResult, tags: [String: String] = [:], database: any Database, jobID: UUID?, ownerID: UUID?,
        filename: String?, now: Date, alongside: @escaping @Sendable (any Database, [SeriesInfo]) async throws -> Void = { _, _ in }
    ) async throws -> [SeriesInfo] {
        let columns = result.series
        let report = result.report
        let timeZone = report.settings.timeZone
        return try await database.transaction { tx in
            let store = SeriesStore(tx)
            var created = [SeriesInfo?](repeating: nil, count: columns.count)
            try await withThrowingTaskGroup(of: (Int, PreparedSeries).self) { group in
                for (index, imported) in columns.enumerated() {
                    group.addTask {
                        let metadata = imported.metadata(id: "", timeZone: timeZone, tags: tags)
                        return (index, PreparedSeries(metadata: metadata, imported: imported))
                    }
                }
                for try await (index, prepared) in group {
                    created[index] = try await store.create(prepared, ownerID: ownerID, importJobID: jobID, now: now)
                }
            }
            let series = created.compactMap { $0 }
            if let jobID {
                try await SeriesImportRepository(tx).save(
                    jobID: jobID, ownerID: ownerID, filename: filename, reportJSON: reportJSON(report),
                    skippedCSV: Data(report.skippedRowsCSV().utf8), seriesCount: series.count,
                    pointCount: series.reduce(0) { $0 + $1.pointCount }, now: now)
            }
            try await alongside(tx, series)
            return series
        }
    }

    /// The report as JSON without its issue list (that is the skipped-row CSV), issues summarised by count.
    public static func reportJSON(_ report: CSVImportReport) -> String {
        var brief = report
        brief.issues = Array(report.issues.prefix(20))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(brief)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
