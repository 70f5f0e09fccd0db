import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

/// A value for the bulk row tables. The plant tables are written and read in bulk (12,000 plants × 66
/// columns per import and per cache fill), which Fluent's per-model path makes ten times slower than it
/// needs to be; these helpers bind plain values, on SQLite straight through SQLiteNIO.
enum SQLCell: Sendable, Hashable, Encodable {
    case null
    case int(Int)
    case double(Double)
    case text(String)
    /// Text on SQLite (as Fluent stores UUIDs there), `uuid` on PostgreSQL.
    case uuid(UUID)

    init(_ value: Double?) { self = value.map { $0.isFinite ? .double($0) : .null } ?? .null }
    init(_ value: Int?) { self = value.map(SQLCell.int) ?? .null }
    init(_ value: String?) { self = value.map(SQLCell.text) ?? .null }
    init(_ value: UUID) { self = .uuid(value) }

    var double: Double? {
        switch self {
        case .double(let v): v
        case .int(let v): Double(v)
        case .text(let t): Double(t)
        case .null, .uuid: nil
        }
    }

    var int: Int? {
        switch self {
        case .int(let v): v
        case .double(let v): v.isFinite ? Int(v) : nil
        case .text(let t): Int(t)
        case .null, .uuid: nil
        }
    }

    var text: String? {
        switch self {
        case .text(let t): t
        case .int(let v): String(v)
        case .double(let v): String(v)
        case .uuid(let id): id.uuidString
        case .null: nil
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .int(let v): try container.encode(v)
        case .double(let v): try container.encode(v)
        case .text(let t): try container.encode(t)
        case .uuid(let id): try container.encode(id)
        }
    }

    var sqlite: SQLiteData {
        switch self {
        case .null: .null
        case .int(let v): .integer(v)
        case .double(let v): .float(v)
        case .text(let t): .text(t)
        case .uuid(let id): .text(id.uuidString)
        }
    }

    init(_ data: SQLiteData) {
        switch data {
        case .null, .blob: self = .null
        case .integer(let v): self = .int(v)
        case .float(let v): self = .double(v)
        case .text(let t): self = .text(t)
        }
    }
}

/// Column types of a bulk select, for drivers that decode by type (PostgreSQL).
enum SQLCellType: Sendable {
    case int, double, text
}

enum PlantSQL {
    /// Inserts rows in multi-row statements. SQLite binds `SQLiteData` directly; other drivers go through
    /// SQLKit, in batches under PostgreSQL's 65,535-parameter limit.
    static func insert(into table: String, columns: [String], rows: [[SQLCell]], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let perBatch = max(1, 30_000 / columns.count)
        if let sqlite = db as? any SQLiteDatabase {
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            let head = "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES "
            var start = 0
            while start < rows.count {
                let end = min(start + perBatch, rows.count)
                let sql = head + Array(repeating: tuple, count: end - start).joined(separator: ",")
                var binds: [SQLiteData] = []
                binds.reserveCapacity((end - start) * columns.count)
                for row in rows[start..<end] { for cell in row { binds.append(cell.sqlite) } }
                _ = try await sqlite.query(sql, binds)
                start = end
            }
            return
        }
        let sql = db as! any SQLDatabase
        var start = 0
        while start < rows.count {
            let end = min(start + perBatch, rows.count)
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert = insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
            start = end
        }
    }

    /// Runs a select whose result columns are `columns` (in that order) and returns each row's cells.
    /// Parameters are written `$1`, `$2` … on both databases.
    static func select(
        _ query: String, binds: [SQLCell], columns: [(String, SQLCellType)], on db: any Database
    ) async throws -> [[SQLCell]] {
        if let sqlite = db as? any SQLiteDatabase {
            let rows = try await sqlite.query(query.replacingDollarPlaceholders(), binds.map(\.sqlite))
            return rows.map { row in columns.map { SQLCell(row.column($0.0) ?? .null) } }
        }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(postgresQuery(query, binds: binds)).all()
        return try rows.map { row in
            try columns.map { name, type -> SQLCell in
                switch type {
                case .int: SQLCell(try row.decode(column: name, as: Int?.self))
                case .double: SQLCell(try row.decode(column: name, as: Double?.self))
                case .text: SQLCell(try row.decode(column: name, as: String?.self))
                }
            }
        }
    }

    /// `$1`-style placeholders become SQLKit binds.
    private static func postgresQuery(_ query: String, binds: [SQLCell]) -> SQLQueryString {
        var result = SQLQueryString("")
        var rest = Substring(query)
        while let dollar = rest.firstIndex(of: "$") {
            result.appendLiteral(String(rest[..<dollar]))
            var digits = rest.index(after: dollar)
            while digits < rest.endIndex, rest[digits].isNumber { digits = rest.index(after: digits) }
            let number = Int(rest[rest.index(after: dollar)..<digits]) ?? 0
            if number >= 1 && number <= binds.count { result.appendInterpolation(bind: binds[number - 1]) }
            rest = rest[digits...]
        }
        result.appendLiteral(String(rest))
        return result
    }
}

private extension String {
    /// SQLite reads `$1` as a parameter *named* "1"; `?1` is its numbered form.
    func replacingDollarPlaceholders() -> String { replacingOccurrences(of: "$", with: "?") }
}
