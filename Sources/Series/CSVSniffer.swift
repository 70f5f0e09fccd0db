import Foundation

/// Settings detected from the start of a file, the raw first rows and a parsed preview. Every setting may be
/// changed before the real import (`CSVReader(settings: detection.settings)`).
public struct CSVDetection: Sendable {
    public var settings: CSVSettings
    public var byteOrderMark: Bool
    /// The first records of the file split into fields, header area included (for a preview table).
    public var rows: [[String]]
    /// The first data rows parsed with ``settings`` under the `skip` policy (bad rows in `report.issues`).
    public var preview: CSVImportResult
    /// True when dates like `03/04/2024` could be day- or month-first; day-first was assumed.
    public var ambiguousDayMonth: Bool
    /// Human-readable remarks about guesses the user may want to check.
    public var notes: [String]
}

/// Sniffs CSV settings from a sample (the first ~64 KB).
public enum CSVSniffer {
    /// How much of a file `detect` wants to see.
    public static let sampleSize = 64 << 10
    private static let maxSampleRecords = 400

    /// Detects encoding, delimiter, decimal and thousands separators, header/units/data rows, timestamp
    /// column(s) and format, and value columns with units and kinds.
    /// - Parameters:
    ///   - sample: the first bytes of the file (``sampleSize`` is plenty); may end mid-line.
    ///   - isCompleteFile: true when `sample` is the whole file (its last line then counts).
    ///   - timeZone: zone for local times in the preview, stored in the returned settings.
    public static func detect(
        sample: [UInt8], isCompleteFile: Bool, previewRows: Int = 20, timeZone: String = "UTC"
    ) throws(CSVImportError) -> CSVDetection {
        var settings = CSVSettings()
        settings.timeZone = timeZone
        let (encoding, bom) = EncodingDetector.detect(sample)
        settings.encoding = encoding
        var transcoder = Transcoder(encoding)
        var text: [UInt8] = []
        sample.withUnsafeBytes { transcoder.append($0, to: &text) }
        if isCompleteFile { transcoder.finish(to: &text) }

        let candidates = CSVDelimiter.allCases.map { delimiter in
            (delimiter, records(text, delimiter: delimiter, final: isCompleteFile))
        }
        guard let (delimiter, rows, layout) = candidates.compactMap({ d, rows in
            Layout(rows).map { (d, rows, $0) }
        }).max(by: { $0.2.score < $1.2.score }) else {
            throw .noData("no rows with a timestamp and values were found in the first \(sample.count / 1024) KB")
        }
        settings.delimiter = delimiter
        var notes: [String] = []
        let data = rows[layout.dataStart...].filter { $0.count == layout.fieldCount }
        guard let time = TimeColumnGuess(data, header: layout.header.map { rows[$0] }) else {
            throw .noData("no column with timestamps was found; set the timestamp column and format by hand")
        }
        settings.timestampColumn = time.column
        settings.timestampFormat = time.format
        settings.timeColumn = time.timeColumn
        settings.dataStartRow = layout.dataStart + 1
        settings.headerRow = layout.header.map { $0 + 1 }
        settings.unitsRow = layout.units.map { $0 + 1 }
        if time.ambiguous {
            notes.append("dates such as \"\(time.example)\" fit day-first and month-first; day-first was assumed")
        }
        if layout.header == nil { notes.append("no header row found; columns are named \"column N\"") }

        let timeColumns = Set<Int>([time.column, time.timeColumn].compactMap { $0 })
        let valueCells = data.map { row in row.enumerated().filter { !timeColumns.contains($0.offset) }.map(\.element) }
        (settings.decimalSeparator, settings.thousandsSeparator) = NumberStyleGuess.guess(valueCells.joined(), delimiter: delimiter)
        settings.columns = columns(rows, layout, data, timeColumns, settings)

        var reader = try CSVReader(settings: { var s = settings; s.errorPolicy = .skip; return s }())
        reader.rowLimit = previewRows
        try reader.consume(sample)
        let preview = isCompleteFile ? try reader.finish() : reader.snapshot()
        return CSVDetection(
            settings: settings, byteOrderMark: bom, rows: Array(rows.prefix(layout.dataStart + previewRows)),
            preview: preview, ambiguousDayMonth: time.ambiguous, notes: notes)
    }

    /// Value columns: every column but the timestamp ones; columns holding mostly text are listed but not
    /// included.
    private static func columns(
        _ rows: [[String]], _ layout: Layout, _ data: [[String]], _ timeColumns: Set<Int>, _ settings: CSVSettings
    ) -> [CSVColumn] {
        let header = layout.header.map { rows[$0] }
        let units = layout.units.map { rows[$0] }
        return (0..<layout.fieldCount).filter { !timeColumns.contains($0) }.map { index in
            let headerText = header.flatMap { index < $0.count && !$0[index].isEmpty ? $0[index] : nil } ?? "column \(index + 1)"
            var column = CSVColumn.guess(index: index, header: headerText, unitCell: units.flatMap { index < $0.count ? $0[index] : nil })
            // Mostly numbers means a value column whose odd cells are errors to report, not a text column.
            let types = data.compactMap { index < $0.count ? CellType($0[index], settings.delimiter.byte) : nil }
                .filter { $0 != .empty }
            column.include = types.filter { $0 == .number }.count * 2 > types.count
            return column
        }
    }

    /// Splits UTF-8 text into records of Strings (at most ``maxSampleRecords``).
    static func records(_ text: [UInt8], delimiter: CSVDelimiter, final: Bool) -> [[String]] {
        var scanner = RecordScanner(delimiter: delimiter.byte)
        var rows: [[String]] = []
        text.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return }
            var position = 0
            while position < b.count && rows.count < maxSampleRecords {
                guard case .record(let next, _) = scanner.scan(p, b.count, from: position, final: final) else { break }
                rows.append((0..<scanner.fieldCount).map { scanner.string($0, p) })
                position = next
            }
        }
        return rows
    }
}

extension CSVReader {
    /// The rows read so far, without reading the unfinished tail (for previews of a partial sample).
    mutating func snapshot() -> CSVImportResult {
        report.bytesRead = bytesConsumed
        report.byteOrderMark = transcoder.sawBOM
        report.lines = line - 1
        if columns == nil { resolve(defaultColumns(fieldCount: header?.count ?? 0)) }
        return assemble()
    }
}
