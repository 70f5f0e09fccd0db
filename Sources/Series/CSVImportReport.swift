import Foundation

/// How often something happened and the first lines where it did.
public struct LineSample: Sendable, Codable, Hashable {
    public var count = 0
    /// Physical 1-based lines of the first (up to 10) occurrences.
    public var firstLines: [Int] = []

    public init() {}

    mutating func record(_ line: Int) {
        count += 1
        if firstLines.count < 10 { firstLines.append(line) }
    }
}

/// What an import did: settings used, counts, every skipped row, DST handling and duplicates.
public struct CSVImportReport: Sendable, Codable, Hashable {
    public var settings: CSVSettings
    /// Whether the input started with a byte-order mark (the encoding itself is `settings.encoding`).
    public var byteOrderMark = false
    public var bytesRead = 0
    /// Physical lines in the input.
    public var lines = 0
    /// Non-blank rows at or below the data start row.
    public var dataRows = 0
    /// Rows that became points (before duplicate timestamps were merged).
    public var importedRows = 0
    /// Rows left out under the `skip` policy; each one is in ``issues`` unless ``issuesTruncated``.
    public var skippedRows = 0
    public var blankRows = 0
    public var issues: [CSVIssue] = []
    public var issuesTruncated = false
    /// Local times inside a DST gap (skipped or shifted forward, as ``CSVSettings/nonexistentTimePolicy`` says).
    public var nonexistentLocalTimes = LineSample()
    /// Local times inside a repeated hour, placed by ``CSVSettings/repeatedTimePolicy``.
    public var repeatedLocalTimes = LineSample()
    /// Rows whose timestamp equals an earlier row's; the last such row wins.
    public var duplicateTimestamps = 0
    /// False when rows were out of order and had to be sorted.
    public var wasSorted = true

    public init(settings: CSVSettings) { self.settings = settings }

    /// The skipped rows as a downloadable CSV: `line,column,value,reason,message`.
    public func skippedRowsCSV() -> String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var out = "line,column,value,reason,message\n"
        for issue in issues {
            out += "\(issue.line),\(quoted(issue.column ?? "")),\(quoted(issue.value)),\(issue.reason.rawValue),\(quoted(issue.message))\n"
        }
        return out
    }
}

/// One value column after import.
public struct ImportedSeries: Sendable, Equatable {
    public var column: CSVColumn
    public var data: SeriesData
    public var regularity: Regularity

    /// Metadata for storing this column as a series (source `upload`, zone of origin from the import).
    public func metadata(id: String, timeZone: String, tags: [String: String] = [:]) -> SeriesMetadata {
        SeriesMetadata(id: id, name: column.name, unit: column.unit, kind: column.kind, source: .upload, tags: tags,
                       regularity: regularity, timeZone: timeZone)
    }
}

/// Series read from one CSV file, all on the same timestamps, plus the report.
public struct CSVImportResult: Sendable {
    /// The shared time axis (ascending, unique); every series' `data.timestamps` is this array.
    public var timestamps: [Int64]
    public var series: [ImportedSeries]
    public var report: CSVImportReport
}
