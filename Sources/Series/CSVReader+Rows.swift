import Foundation

extension CSVReader {
    /// Interprets the record the scanner just read.
    mutating func handleRecord(_ p: UnsafePointer<UInt8>, start: Int) throws(CSVImportError) {
        row += 1
        if row < settings.dataStartRow {
            if row == settings.headerRow { header = (0..<scanner.fieldCount).map { scanner.string($0, p) } }
            if row == settings.unitsRow { units = (0..<scanner.fieldCount).map { scanner.string($0, p) } }
            return
        }
        if isBlank(p) {
            report.blankRows += 1
            return
        }
        if columns == nil { resolve(defaultColumns(fieldCount: max(header?.count ?? 0, scanner.fieldCount))) }
        if let rowLimit, report.dataRows >= rowLimit {
            finished = true
            return
        }
        report.dataRows += 1
        guard scanner.fieldCount >= requiredFields else {
            let text = (0..<scanner.fieldCount).map { scanner.string($0, p) }.joined(separator: settings.delimiter.rawValue)
            try fail(.missingFields, column: nil, value: text,
                     detail: "expected at least \(requiredFields) fields, found \(scanner.fieldCount)")
            return
        }
        guard let t = try timestamp(p) else { return }
        store.ensureRoom()
        for (k, column) in columns!.enumerated() {
            let (s, e, unescaped) = scanner.field(column.index, p, scratch: &scratch)
            if s == e && !unescaped {
                store.set(k, .nan)
                continue
            }
            let parsed = unescaped
                ? scratch.withUnsafeBufferPointer { b in b.baseAddress.flatMap { NumberParser.parse($0, 0, b.count, syntax) } }
                : NumberParser.parse(p, s, e, syntax)
            if let parsed {
                store.set(k, parsed)
                continue
            }
            let cell = scanner.string(column.index, p)
            if cell.isEmpty || settings.missingValueMarkers.contains(cell) {
                store.set(k, .nan)
                continue
            }
            try fail(.notANumber, column: column.header, value: cell, detail: "\"\(cell)\" is not a number")
            return
        }
        if t <= lastTimestamp { needsSorting = true }
        lastTimestamp = t
        store.commit(t)
        report.importedRows += 1
    }

    private func isBlank(_ p: UnsafePointer<UInt8>) -> Bool {
        for k in 0..<scanner.fieldCount {
            for i in scanner.starts[k]..<scanner.ends[k] where p[i] != 0x20 && p[i] != 0x09 { return false }
        }
        return true
    }

    private var timestampHeader: String { columnHeader(settings.timestampColumn) }

    private func columnHeader(_ index: Int) -> String {
        if let h = header, index < h.count, !h[index].isEmpty { return h[index] }
        return "column \(index + 1)"
    }

    /// The row's instant, or nil when the row was skipped (the issue is already recorded).
    private mutating func timestamp(_ p: UnsafePointer<UInt8>) throws(CSVImportError) -> Int64? {
        let column = settings.timestampColumn
        let (s, e, unescaped) = scanner.field(column, p, scratch: &scratch)
        let format = settings.timestampFormat
        var parsed = unescaped
            ? scratch.withUnsafeBufferPointer { b in b.baseAddress.flatMap { TimestampParser.parse($0, 0, b.count, format) } }
            : TimestampParser.parse(p, s, e, format)
        var cell: String { scanner.string(column, p) }
        if s == e && !unescaped {
            try fail(.emptyTimestamp, column: timestampHeader, value: "", detail: "the timestamp is empty")
            return nil
        }
        if let timeColumn = settings.timeColumn, parsed != nil {
            let (ts, te, _) = scanner.field(timeColumn, p, scratch: &scratch)
            if let ms = TimestampParser.timeOfDay(p, ts, te) {
                parsed!.millis += ms
            } else {
                let text = scanner.string(timeColumn, p)
                try fail(.invalidTimestamp, column: columnHeader(timeColumn), value: text,
                         detail: "\"\(text)\" is not a time of day (expected HH:MM or HH:MM:SS)")
                return nil
            }
        }
        guard let parsed else {
            let text = cell
            try fail(.invalidTimestamp, column: timestampHeader, value: text,
                     detail: "\"\(text)\" is not a valid timestamp (expected \(format.pattern))")
            return nil
        }
        guard parsed.isLocal else { return parsed.millis }
        return try place(local: parsed.millis, p)
    }

    /// Local time → UTC under the DST rules of the settings.
    private mutating func place(local: Int64, _ p: UnsafePointer<UInt8>) throws(CSVImportError) -> Int64? {
        switch resolver.resolve(localMillis: local) {
        case .unique(let instant):
            return instant
        case .nonexistent(let shifted, _, _):
            report.nonexistentLocalTimes.record(line)
            if settings.nonexistentTimePolicy == .shiftForward { return shifted }
            let text = scanner.string(settings.timestampColumn, p)
            try fail(.nonexistentLocalTime, column: timestampHeader, value: text,
                     detail: "\"\(text)\" does not exist in \(settings.timeZone) (clocks jump forward over it)")
            return nil
        case .repeated(let earlier, let later):
            report.repeatedLocalTimes.record(line)
            switch settings.repeatedTimePolicy {
            case .earlier: return earlier
            case .later: return later
            case .fileOrder:
                var window = repeatWindow ?? (earlier: earlier - 86_400_000, lastLocal: .min, secondPass: false)
                // A new repeated hour (another day) starts a new first pass.
                if abs(window.earlier - earlier) >= 86_400_000 / 2 {
                    window = (earlier, local, false)
                } else if local <= window.lastLocal {
                    window.secondPass = true
                }
                window.lastLocal = local
                repeatWindow = window
                return window.secondPass ? later : earlier
            }
        }
    }

    /// Reports a bad row: throws under `reject`, records and skips under `skip`.
    private mutating func fail(_ reason: CSVIssueReason, column: String?, value: String, detail: String) throws(CSVImportError) {
        let issue = CSVIssue(line: line, column: column, value: value, reason: reason, detail: detail)
        if settings.errorPolicy == .reject { throw .row(issue) }
        report.skippedRows += 1
        if report.issues.count < settings.maxReportedIssues {
            report.issues.append(issue)
        } else {
            report.issuesTruncated = true
        }
    }

    func defaultColumns(fieldCount: Int) -> [CSVColumn] {
        (0..<fieldCount).filter { $0 != settings.timestampColumn && $0 != settings.timeColumn }.map { index in
            CSVColumn.guess(index: index, header: columnHeader(index), unitCell: units.flatMap { index < $0.count ? $0[index] : nil })
        }
    }

    mutating func resolve(_ all: [CSVColumn]) {
        let included = all.filter(\.include)
        columns = included
        store = ColumnStore(width: included.count)
        requiredFields = ([settings.timestampColumn, settings.timeColumn ?? 0] + included.map(\.index)).max()! + 1
        roles = Array(repeating: 0, count: requiredFields)
        roles[settings.timestampColumn] = 1
        for (k, column) in included.enumerated() where k < 250 { roles[column.index] = UInt8(2 + k) }
        // More columns than the role byte can name simply take the general path.
        if included.count >= 250 { roles = [] }
    }

    /// Sorts when needed (stable, so the last of equal timestamps wins) and builds the result, which keeps the
    /// reader's column store (no copy).
    mutating func assemble() -> CSVImportResult {
        var rows = store
        store = ColumnStore(width: rows.width)
        if needsSorting {
            let t = rows.timestampBuffer
            report.wasSorted = zip(t, t.dropFirst()).allSatisfy { $0 <= $1 }
            let order = report.wasSorted ? Array(t.indices) : t.indices.sorted { t[$0] != t[$1] ? t[$0] < t[$1] : $0 < $1 }
            var keep: [Int] = []
            keep.reserveCapacity(order.count)
            for (position, i) in order.enumerated() {
                if position + 1 < order.count && t[order[position + 1]] == t[i] {
                    report.duplicateTimestamps += 1
                    continue
                }
                keep.append(i)
            }
            rows = rows.gathering(keep)
        }
        let columns = ImportedColumns(rows)
        let regularity = Regularity.detect(rows.timestampBuffer)
        let series = (self.columns ?? []).enumerated().map { k, column in
            ImportedSeries(column: column, regularity: regularity, columns: columns, index: k)
        }
        return CSVImportResult(columns: columns, series: series, report: report)
    }
}
