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

/// The rows an import read, left in the reader's own memory: the import path encodes straight from it, with no
/// copy of a 100 MB file's 90 MB of columns into arrays. Nothing changes it after the read, so it is shared
/// freely between the series and the tasks that encode them.
public final class ImportedColumns: @unchecked Sendable {
    private let store: ColumnStore

    init(_ store: ColumnStore) { self.store = store }

    public var count: Int { store.count }

    /// A copy of the time axis (ascending, unique).
    public var timestamps: [Int64] { Array(store.timestampBuffer) }

    /// The time axis and value column `k` in place, for the length of `body`.
    public func withColumn<R>(_ k: Int, _ body: (UnsafeBufferPointer<Int64>, UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try withExtendedLifetime(store) { try body(store.timestampBuffer, store.columnBuffer(k)) }
    }
}

/// One value column after import.
public struct ImportedSeries: Sendable, Equatable {
    public var column: CSVColumn
    public var regularity: Regularity
    let columns: ImportedColumns
    let index: Int

    public var count: Int { columns.count }

    /// A copy of the points (the import path uses ``withBuffers(_:)`` instead).
    public var data: SeriesData {
        withBuffers { t, v in SeriesData(timestamps: Array(t), values: Array(v)) }
    }

    /// The timestamps and values in place, for the length of `body`.
    public func withBuffers<R>(_ body: (UnsafeBufferPointer<Int64>, UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try columns.withColumn(index, body)
    }

    /// Metadata for storing this column as a series (source `upload`, zone of origin from the import).
    public func metadata(id: String, timeZone: String, tags: [String: String] = [:]) -> SeriesMetadata {
        SeriesMetadata(id: id, name: column.name, unit: column.unit, kind: column.kind, source: .upload, tags: tags,
                       regularity: regularity, timeZone: timeZone)
    }

    public static func == (a: ImportedSeries, b: ImportedSeries) -> Bool {
        a.column == b.column && a.regularity == b.regularity && a.data == b.data
    }
}

/// Series read from one CSV file, all on the same timestamps, plus the report.
public struct CSVImportResult: Sendable {
    public var columns: ImportedColumns
    public var series: [ImportedSeries]
    public var report: CSVImportReport

    /// A copy of the shared time axis (ascending, unique) of every series.
    public var timestamps: [Int64] { columns.timestamps }
    public var rowCount: Int { columns.count }
}
