import Foundation

/// Streaming CSV import: feed the file in chunks of any size (`consume`), then `finish`. Memory stays bounded:
/// only the unfinished last record is kept as text; parsed rows live in compact `[Int64]`/`[Double]` columns.
///
/// Rules: empty cells and ``CSVSettings/missingValueMarkers`` become NaN; rows are sorted by timestamp when the
/// file is out of order; of several rows with the same timestamp the last one in the file wins (counted in
/// ``CSVImportReport/duplicateTimestamps``); blank rows are ignored; extra trailing fields are ignored.
public struct CSVReader: Sendable {
    public let settings: CSVSettings
    /// Raw input bytes consumed so far, for progress reporting.
    public private(set) var bytesConsumed = 0
    /// Stop after this many data rows (previews); nil reads everything.
    public var rowLimit: Int?
    /// Read large chunks of plain rows on two cores (see `CSVReader+Parallel`); off gives the same result on one.
    public var parallelRead = true
    /// The column store the second core fills, kept between chunks (see `CSVReader+Parallel`).
    var spareStore: ColumnStore?
    /// Rows a second core read (for tests and benchmarks).
    public internal(set) var rowsReadInParallel = 0
    /// Total input size if known (a file's size): lets the reader size its columns once instead of growing.
    public var expectedBytes: Int?

    /// Records longer than this stop the import: almost always an unterminated quote swallowing the file.
    public static let maxRecordBytes = 16 << 20

    var transcoder: Transcoder
    var buffer: [UInt8] = []
    var scanner: RecordScanner
    var resolver: ZoneResolver
    let syntax: NumberSyntax
    let fastSyntax: NumberSyntax
    var scratch: [UInt8] = []
    /// Physical line where the next record starts, and records seen so far.
    var line = 1
    var row = 0
    var finished = false
    /// The input ended without a final line break (that line still counts).
    var lastLineOpen = false

    var header: [String]?
    var units: [String]?
    var columns: [CSVColumn]?
    var requiredFields = 0
    var store = ColumnStore(width: 0)
    /// Per field up to `requiredFields`: 0 skip, 1 timestamp, 2 + k value column k (for the fast path).
    var roles: [UInt8] = []
    var fastPathReady = false
    var reservedFromHint = false
    var report: CSVImportReport
    var lastTimestamp = Int64.min
    var needsSorting = false
    /// Repeated-hour bookkeeping for `.fileOrder`: the transition's first instant and the last local time seen.
    var repeatWindow: (earlier: Int64, lastLocal: Int64, secondPass: Bool)?

    /// Validates the settings (zone, columns) and prepares an empty import.
    public init(settings: CSVSettings) throws(CSVImportError) {
        guard let resolver = ZoneResolver(identifier: settings.timeZone) else {
            throw .invalidSettings("unknown time zone \"\(settings.timeZone)\"; use an IANA name such as Europe/Berlin")
        }
        if settings.decimalSeparator.rawValue == settings.thousandsSeparator.rawValue {
            throw .invalidSettings("decimal and thousands separator are both \"\(settings.decimalSeparator.rawValue)\"")
        }
        // A grouping character equal to the delimiter is fine inside quoted cells (`"1,234.5"`).
        if settings.decimalSeparator.rawValue == settings.delimiter.rawValue {
            throw .invalidSettings("the delimiter \"\(settings.delimiter.rawValue)\" cannot also be the decimal separator")
        }
        if let columns = settings.columns?.filter(\.include) {
            if columns.contains(where: { $0.index < 0 }) { throw .invalidSettings("column indices must not be negative") }
            if let clash = columns.first(where: { $0.index == settings.timestampColumn || $0.index == settings.timeColumn }) {
                throw .invalidSettings("column \(clash.index + 1) (\"\(clash.header)\") holds the timestamp and cannot be a value column")
            }
        }
        self.settings = settings
        self.resolver = resolver
        self.transcoder = Transcoder(settings.encoding)
        self.scanner = RecordScanner(delimiter: settings.delimiter.byte)
        self.syntax = settings.numberSyntax
        // Unquoted cells (the only ones the fast path reads) cannot contain the delimiter, so no grouping there.
        var unquoted = settings.numberSyntax
        if unquoted.thousands == settings.delimiter.byte { unquoted.thousands = 0 }
        self.fastSyntax = unquoted
        self.report = CSVImportReport(settings: settings)
        if let columns = settings.columns { resolve(columns) }
    }

    public mutating func consume(_ chunk: UnsafeRawBufferPointer) throws(CSVImportError) {
        bytesConsumed += chunk.count
        guard !finished else { return }
        if transcoder.passesThrough, let base = chunk.baseAddress {
            try drainInPlace(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: chunk.count))
        } else {
            transcoder.append(chunk, to: &buffer)
            try drain(final: false)
        }
        if let expectedBytes, !reservedFromHint, store.count >= 1000 {
            reservedFromHint = true
            let bytesPerRow = Double(bytesConsumed - buffer.count) / Double(store.count)
            store.reserve(Int(Double(expectedBytes) / bytesPerRow * 1.02) + 4096)
        }
    }

    public mutating func consume(_ chunk: [UInt8]) throws(CSVImportError) {
        let r = chunk.withUnsafeBytes { raw in
            Result { () throws(CSVImportError) in try consume(raw) }
        }
        try r.get()
    }

    public mutating func consume(_ chunk: Data) throws(CSVImportError) {
        let r = chunk.withUnsafeBytes { raw in
            Result { () throws(CSVImportError) in try consume(raw) }
        }
        try r.get()
    }

    /// Reads the rest (a last line without line break), sorts, merges duplicates and returns the series.
    /// Call it once; the reader hands its columns over to the result.
    public mutating func finish() throws(CSVImportError) -> CSVImportResult {
        if !finished {
            transcoder.finish(to: &buffer)
            try drain(final: true)
        }
        report.bytesRead = bytesConsumed
        report.byteOrderMark = transcoder.sawBOM
        report.lines = line - 1 + (lastLineOpen ? 1 : 0)
        if columns == nil { resolve(defaultColumns(fieldCount: header?.count ?? 0)) }
        return assemble()
    }

    /// Reads the complete records in `buffer` and keeps the rest there.
    private mutating func drain(final: Bool) throws(CSVImportError) {
        var text: [UInt8] = []
        swap(&text, &buffer)
        var consumed = 0
        let outcome = text.withUnsafeBufferPointer { b in
            Result { () throws(CSVImportError) in try readRecords(b, consumed: &consumed, final: final) }
        }
        text.removeFirst(consumed)
        swap(&text, &buffer)
        try outcome.get()
        try checkRecordLength()
    }

    /// UTF-8 input is read where the caller holds it: only a record cut by a chunk's end is copied (into
    /// `buffer`, where the next chunk completes it).
    private mutating func drainInPlace(_ chunk: UnsafeBufferPointer<UInt8>) throws(CSVImportError) {
        var start = 0
        if !buffer.isEmpty {
            // The cut record ends at the next line break, unless that break is inside quotes: then this whole
            // chunk goes the copying way.
            guard let newline = chunk.firstIndex(of: 10) else {
                buffer.append(contentsOf: chunk)
                return try drain(final: false)
            }
            buffer.append(contentsOf: chunk[...newline])
            try drain(final: false)
            start = newline + 1
            guard buffer.isEmpty else {
                buffer.append(contentsOf: chunk[start...])
                return try drain(final: false)
            }
        }
        let rest = UnsafeBufferPointer(rebasing: chunk[start...])
        var consumed = 0
        let outcome = Result { () throws(CSVImportError) in try readRecords(rest, consumed: &consumed, final: false) }
        buffer.append(contentsOf: rest[consumed...])
        try outcome.get()
        try checkRecordLength()
    }

    private func checkRecordLength() throws(CSVImportError) {
        if buffer.count > Self.maxRecordBytes {
            let issue = CSVIssue(line: line, column: nil, value: "", reason: .recordTooLong,
                                 detail: "row is longer than \(Self.maxRecordBytes >> 20) MB; is a quote (\") left open?")
            throw .row(issue)
        }
    }

    /// Reads the records of `b` from `consumed` on, on two cores where it can; stops before an incomplete record.
    private mutating func readRecords(_ b: UnsafeBufferPointer<UInt8>, consumed: inout Int, final: Bool) throws(CSVImportError) {
        if !isKnownUniquelyReferenced(&store) { store = store.copy() }
        guard let p = b.baseAddress else { return }
        var nextQuote = -1
        while consumed < b.count && !finished {
            if let half = startSecondHalf(p, from: consumed, to: b.count, nextQuote: &nextQuote) {
                // The rows before the split are read here while another core reads the rest (the worker reads
                // `p`, so it is joined before the caller's memory can go away, even on a throw).
                defer { half.join() }
                let complete = try readRows(p, from: &consumed, to: half.start, final: false)
                half.join()
                if consumed == half.start && !finished {
                    append(half)
                    consumed = half.stop
                } else if !complete {
                    return
                }
                continue
            }
            // Back here after a row the general path read, to see whether the rest can be split.
            guard try readRows(p, from: &consumed, to: b.count, final: final, returnAfterGeneralRow: parallelRead)
            else { return }
        }
    }

    /// Reads records of `p[consumed..<end]`: plain rows through the fused fast path, anything unusual through the
    /// scanner. Returns false when the rest is an incomplete record (more input needed) or the reader finished.
    private mutating func readRows(
        _ p: UnsafePointer<UInt8>, from consumed: inout Int, to end: Int, final: Bool, returnAfterGeneralRow: Bool = false
    ) throws(CSVImportError) -> Bool {
        while consumed < end && !finished {
            while fastPathReady && consumed < end, let next = fastRow(p, consumed, end) {
                consumed = next
            }
            guard consumed < end && !finished else { break }
            switch scanner.scan(p, end, from: consumed, final: final) {
            case .incomplete:
                return false
            case .record(let next, let newlines):
                try handleRecord(p, start: consumed)
                fastPathReady = row + 1 >= settings.dataStartRow && columns != nil && rowLimit == nil
                    && settings.timeColumn == nil && !roles.isEmpty
                if newlines == 0 { lastLineOpen = true }
                line += newlines
                consumed = next
                if returnAfterGeneralRow { return !finished }
            }
        }
        return !finished
    }
}
