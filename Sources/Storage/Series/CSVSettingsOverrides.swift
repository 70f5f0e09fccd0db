import Foundation
import Series

/// Import settings a user states instead of (or on top of) what `CSVSniffer` detects: the query parameters of
/// `POST /api/v1/series/imports`, the flags of `powerhouse import series` and the fields of the upload wizard.
///
/// Every value is text as a user writes it; column numbers count from 1. Parameters:
/// `encoding` (utf-8, utf-16le, utf-16be, windows-1252), `delimiter` (`,` `;` `|` tab), `decimal` (`.` `,`),
/// `thousands` (none `.` `,` space `'`), `header_row` (number or none), `units_row`, `data_start_row`,
/// `timestamp_column`, `time_column` (number or none), `timestamp_format` (iso8601 dmy mdy unix_s unix_ms excel),
/// `timezone` (IANA), `columns` (see ``ColumnSpec``), `policy` (reject skip), `nonexistent` (error shift_forward),
/// `repeated` (file_order earlier later).
public struct CSVSettingsOverrides: Sendable, Equatable {
    /// A parameter whose value cannot be used; `parameter` is its name as the user wrote it.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let parameter: String
        public let message: String
        public var description: String { "\(parameter): \(message)" }
    }

    /// One value column to import: `N[:name[:unit[:kind]]]`, where N is a 1-based column number or the header
    /// as written. `columns=2:load:kW:power,temp_C` imports column 2 as "load" in kW and the column headed
    /// `temp_C` as detected. Listing columns imports only those.
    public struct ColumnSpec: Sendable, Equatable {
        public enum Selector: Sendable, Equatable {
            case number(Int)
            case header(String)
        }

        public var selector: Selector
        public var name: String?
        public var unit: String?
        public var kind: QuantityKind?

        public init(selector: Selector, name: String? = nil, unit: String? = nil, kind: QuantityKind? = nil) {
            self.selector = selector
            self.name = name
            self.unit = unit
            self.kind = kind
        }
    }

    public static let names = [
        "encoding", "delimiter", "decimal", "thousands", "header_row", "units_row", "data_start_row", "timestamp_column",
        "time_column", "timestamp_format", "timezone", "columns", "policy", "nonexistent", "repeated",
    ]

    public var encoding: CSVEncoding?
    public var delimiter: CSVDelimiter?
    public var decimal: DecimalSeparator?
    public var thousands: ThousandsSeparator?
    /// `.some(nil)` means "the file has no header row".
    public var headerRow: Int??
    public var unitsRow: Int??
    public var dataStartRow: Int?
    /// 0-based, as in `CSVSettings`.
    public var timestampColumn: Int?
    public var timeColumn: Int??
    public var timestampFormat: TimestampFormat?
    public var timeZone: String?
    public var columns: [ColumnSpec]?
    public var policy: CSVErrorPolicy?
    public var nonexistent: NonexistentTimePolicy?
    public var repeated: RepeatedTimePolicy?

    public init() {}

    /// Reads the parameters present in `values` (absent or empty ones are not overridden).
    public init(values: [String: String]) throws(Invalid) {
        func value(_ name: String) -> String? {
            guard let text = values[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        if let text = value("encoding") { encoding = try Self.choice("encoding", text.lowercased(), CSVEncoding.self) }
        if let text = values["delimiter"], !text.isEmpty {
            let aliases: [String: CSVDelimiter] = [
                ",": .comma, "comma": .comma, ";": .semicolon, "semicolon": .semicolon, "\t": .tab, "tab": .tab,
                "\\t": .tab, "|": .pipe, "pipe": .pipe,
            ]
            guard let delimiter = aliases[text.lowercased()] else {
                throw Invalid(parameter: "delimiter", message: "must be one of , ; | tab")
            }
            self.delimiter = delimiter
        }
        if let text = value("decimal") {
            let aliases: [String: DecimalSeparator] = [".": .point, "point": .point, ",": .comma, "comma": .comma]
            guard let decimal = aliases[text.lowercased()] else { throw Invalid(parameter: "decimal", message: "must be . or ,") }
            self.decimal = decimal
        }
        if let text = values["thousands"], !text.isEmpty {
            let aliases: [String: ThousandsSeparator] = [
                "none": .none, ".": .point, "point": .point, ",": .comma, "comma": .comma, " ": .space, "space": .space,
                "'": .apostrophe, "apostrophe": .apostrophe,
            ]
            guard let thousands = aliases[text.lowercased()] else {
                throw Invalid(parameter: "thousands", message: "must be one of none . , space '")
            }
            self.thousands = thousands
        }
        if let text = value("header_row") { headerRow = .some(try Self.optionalRow("header_row", text)) }
        if let text = value("units_row") { unitsRow = .some(try Self.optionalRow("units_row", text)) }
        if let text = value("data_start_row") { dataStartRow = try Self.number("data_start_row", text) }
        if let text = value("timestamp_column") { timestampColumn = try Self.number("timestamp_column", text) - 1 }
        if let text = value("time_column") { timeColumn = .some(try Self.optionalRow("time_column", text).map { $0 - 1 }) }
        if let text = value("timestamp_format") {
            timestampFormat = try Self.choice("timestamp_format", text.lowercased(), TimestampFormat.self)
        }
        if let text = value("timezone") {
            guard TimeZone(identifier: text) != nil else {
                throw Invalid(parameter: "timezone", message: "\"\(text)\" is not an IANA time zone such as Europe/Berlin")
            }
            timeZone = text
        }
        if let text = value("columns") { columns = try Self.columnSpecs(text) }
        if let text = value("policy") { policy = try Self.choice("policy", text.lowercased(), CSVErrorPolicy.self) }
        if let text = value("nonexistent") { nonexistent = try Self.choice("nonexistent", text.lowercased(), NonexistentTimePolicy.self) }
        if let text = value("repeated") { repeated = try Self.choice("repeated", text.lowercased(), RepeatedTimePolicy.self) }
    }

    /// Whether the overrides change the file's layout from `detected`, so that detected columns no longer apply.
    func changesLayout(of detected: CSVSettings) -> Bool {
        (encoding.map { $0 != detected.encoding } ?? false) || (delimiter.map { $0 != detected.delimiter } ?? false)
            || (headerRow.map { $0 != detected.headerRow } ?? false)
            || (dataStartRow.map { $0 != detected.dataStartRow } ?? false)
            || (timestampColumn.map { $0 != detected.timestampColumn } ?? false)
            || (timeColumn.map { $0 != detected.timeColumn } ?? false)
    }

    /// `detected` with these overrides applied. `header` is the file's header row (for columns named by header).
    public func apply(to detected: CSVSettings, header: [String]?) throws(Invalid) -> CSVSettings {
        var s = detected
        if let encoding { s.encoding = encoding }
        if let delimiter { s.delimiter = delimiter }
        if let decimal {
            s.decimalSeparator = decimal
            // `1.234,5`: a comma decimal usually comes with point grouping; never leave both the same.
            if s.thousandsSeparator.rawValue == decimal.rawValue { s.thousandsSeparator = .none }
        }
        if let thousands { s.thousandsSeparator = thousands }
        if let headerRow { s.headerRow = headerRow }
        if let unitsRow { s.unitsRow = unitsRow }
        if let dataStartRow { s.dataStartRow = dataStartRow }
        else if headerRow != nil { s.dataStartRow = max(s.headerRow ?? 0, s.unitsRow ?? 0) + 1 }
        if let timestampColumn { s.timestampColumn = timestampColumn }
        if let timeColumn { s.timeColumn = timeColumn }
        if let timestampFormat { s.timestampFormat = timestampFormat }
        if let timeZone { s.timeZone = timeZone }
        if let policy { s.errorPolicy = policy }
        if let nonexistent { s.nonexistentTimePolicy = nonexistent }
        if let repeated { s.repeatedTimePolicy = repeated }
        // Detected columns describe the detected layout; after a layout change the reader names them afresh.
        if changesLayout(of: detected) && columns == nil { s.columns = nil }
        if let columns { s.columns = try resolve(columns, detected: detected.columns, header: header, settings: s) }
        return s
    }

    private func resolve(
        _ specs: [ColumnSpec], detected: [CSVColumn]?, header: [String]?, settings: CSVSettings
    ) throws(Invalid) -> [CSVColumn] {
        var out: [CSVColumn] = []
        for spec in specs {
            let index: Int
            switch spec.selector {
            case .number(let number): index = number - 1
            case .header(let text):
                guard let found = header?.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == text }) else {
                    throw Invalid(parameter: "columns", message: "no column is headed \"\(text)\"; use its number (from 1)")
                }
                index = found
            }
            if index == settings.timestampColumn || index == settings.timeColumn {
                throw Invalid(parameter: "columns", message: "column \(index + 1) holds the timestamp")
            }
            let headerText = header.flatMap { index < $0.count && !$0[index].isEmpty ? $0[index] : nil } ?? "column \(index + 1)"
            var column = detected?.first { $0.index == index } ?? CSVColumn(index: index, header: headerText)
            column.include = true
            if let name = spec.name { column.name = name }
            if let unit = spec.unit { column.unit = unit }
            if let kind = spec.kind { column.kind = kind }
            out.append(column)
        }
        return out
    }

    /// The parameters that reproduce `settings` (what a preview tells a client to send back, changed as needed).
    public static func parameters(of settings: CSVSettings) -> [String: String] {
        var out: [String: String] = [
            "encoding": settings.encoding.rawValue,
            "delimiter": settings.delimiter == .tab ? "tab" : settings.delimiter.rawValue,
            "decimal": settings.decimalSeparator.rawValue,
            "thousands": settings.thousandsSeparator == .none ? "none" : settings.thousandsSeparator == .space ? "space" : settings.thousandsSeparator.rawValue,
            "header_row": settings.headerRow.map(String.init) ?? "none",
            "units_row": settings.unitsRow.map(String.init) ?? "none",
            "data_start_row": String(settings.dataStartRow),
            "timestamp_column": String(settings.timestampColumn + 1),
            "time_column": settings.timeColumn.map { String($0 + 1) } ?? "none",
            "timestamp_format": settings.timestampFormat.rawValue,
            "timezone": settings.timeZone,
            "policy": settings.errorPolicy.rawValue,
            "nonexistent": settings.nonexistentTimePolicy.rawValue,
            "repeated": settings.repeatedTimePolicy.rawValue,
        ]
        if let columns = settings.columns?.filter(\.include) {
            out["columns"] = columns.map { column in
                [String(column.index + 1), column.name, column.unit, column.kind.rawValue].joined(separator: ":")
            }.joined(separator: ",")
        }
        return out
    }

    static func columnSpecs(_ text: String) throws(Invalid) -> [ColumnSpec] {
        var specs: [ColumnSpec] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let first = parts.first, !first.isEmpty, parts.count <= 4 else {
                throw Invalid(parameter: "columns", message: "\"\(item)\" is not COLUMN[:name[:unit[:kind]]]")
            }
            let selector: ColumnSpec.Selector
            if let number = Int(first) {
                guard number >= 1 else { throw Invalid(parameter: "columns", message: "column numbers count from 1") }
                selector = .number(number)
            } else {
                selector = .header(first)
            }
            var kind: QuantityKind?
            if parts.count > 3, !parts[3].isEmpty {
                guard let value = QuantityKind(rawValue: parts[3].lowercased()) else {
                    throw Invalid(parameter: "columns", message: "kind \"\(parts[3])\" must be one of \(QuantityKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kind = value
            }
            specs.append(ColumnSpec(
                selector: selector, name: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil,
                unit: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil, kind: kind))
        }
        guard !specs.isEmpty else { throw Invalid(parameter: "columns", message: "lists no column") }
        return specs
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ text: String, _ type: T.Type) throws(Invalid) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw Invalid(parameter: name, message: "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    static func number(_ name: String, _ text: String) throws(Invalid) -> Int {
        guard let value = Int(text), (1...1_000_000).contains(value) else {
            throw Invalid(parameter: name, message: "must be a number from 1 (rows and columns count from 1)")
        }
        return value
    }

    static func optionalRow(_ name: String, _ text: String) throws(Invalid) -> Int? {
        text.lowercased() == "none" ? nil : try number(name, text)
    }
}
