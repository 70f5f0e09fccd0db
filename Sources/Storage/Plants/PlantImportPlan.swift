import Foundation
import PlantData

/// A parsed eGRID file turned into database rows, ready to be written in one short transaction.
///
/// Preparing (typing every cell into SQL values, writing each row's cells as JSON) is the slow part of an
/// import and needs no database, so it happens before the transaction opens: on SQLite the one connection
/// is then held only for the inserts, and a job can report progress while preparing.
public struct PlantImportPlan: Sendable {
    public let sha256: String
    public let fileName: String?
    public let releaseLabel: String
    public let years: [Int]
    public let encoding: String
    public let byteCount: Int
    public let synthetic: Bool
    public let warnings: [String]
    public let skippedSheets: [String]
    public let sheets: [PlantSheetInfo]
    let plantRows: [[SQLCell]]
    let generatorRows: [[SQLCell]]
    let unitRows: [[SQLCell]]
    let regionRows: [[SQLCell]]
    /// The typed plants, so the caller can warm its cache without reading them back.
    public let plants: [Plant]
    public let regions: [RegionRecord]

    public var plantCount: Int { plantRows.count }
    public var generatorCount: Int { generatorRows.count }
    public var unitCount: Int { unitRows.count }
    public var regionCount: Int { regionRows.count }

    static let plantColumns = ["sheet_index"] + PlantRowCodec.typedColumns.map(\.0) + ["cells"]
    static let generatorColumns = [
        "sheet_index", "row_index", "year", "line", "orispl", "generator_id", "state", "status", "prime_mover", "fuel",
        "capacity_mw", "net_generation_mwh", "record", "cells",
    ]
    static let unitColumns = [
        "sheet_index", "row_index", "year", "line", "orispl", "unit_id", "state", "status", "prime_mover", "fuel",
        "heat_input_mmbtu", "co2_tons", "record", "cells",
    ]
    static let regionColumns = [
        "sheet_index", "row_index", "year", "line", "level", "code", "name", "capacity_mw", "net_generation_mwh", "co2_tons",
        "record", "cells",
    ]

    /// Prepares `file` (already read by `EGRIDReader`). `progress` receives 0…1 every few thousand rows and
    /// may throw to stop (a cancelled job).
    public static func prepare(
        _ file: EGRIDFile, sha256: String, byteCount: Int, synthetic: Bool = false,
        progress: (@Sendable (Double) async throws -> Void)? = nil
    ) async throws -> PlantImportPlan {
        let total = max(1, file.sheets.reduce(0) { $0 + $1.count })
        var done = 0
        var plantRows: [[SQLCell]] = [], generatorRows: [[SQLCell]] = [], unitRows: [[SQLCell]] = []
        var regionRows: [[SQLCell]] = []
        var plants: [Plant] = [], regions: [RegionRecord] = []
        var sheets: [PlantSheetInfo] = []
        var warnings: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func record(_ value: some Encodable) throws -> SQLCell { .text(String(decoding: try encoder.encode(value), as: UTF8.self)) }

        for (index, sheet) in file.sheets.enumerated() {
            let table = sheet.table
            let cellTexts = PlantCells.encodeAll(table)
            let sheetIndex = SQLCell.int(index)
            func cells(_ row: Int) -> SQLCell { .text(cellTexts[row]) }
            sheets.append(PlantSheetInfo(
                index: index, kind: sheet.kind, name: sheet.name, years: sheet.years, rowCount: sheet.count,
                codes: table.codes, descriptions: table.columns.contains { $0.description != nil } ? table.columns.map { $0.description ?? "" } : nil,
                warnings: sheet.warnings))
            let prefix = sheet.name.map { "\($0): " } ?? ""
            warnings += sheet.warnings.map { prefix + $0 }
            switch sheet.records {
            case .plants(let typed):
                plants += typed
                for p in typed {
                    plantRows.append([sheetIndex] + PlantRowCodec.cells(p) + [cells(p.row)])
                    done += 1
                    if done % 4096 == 0 { try await progress?(Double(done) / Double(total)) }
                }
            case .generators(let typed):
                for g in typed {
                    generatorRows.append([
                        sheetIndex, .int(g.row), .int(g.year), .int(g.line), .int(g.plantID), .text(g.generatorID),
                        SQLCell(g.state), SQLCell(g.status), SQLCell(g.primeMover), SQLCell(g.fuel),
                        SQLCell(g.nameplateCapacity), SQLCell(g.netGeneration), try record(g), cells(g.row),
                    ])
                    done += 1
                    if done % 4096 == 0 { try await progress?(Double(done) / Double(total)) }
                }
            case .units(let typed):
                for u in typed {
                    unitRows.append([
                        sheetIndex, .int(u.row), .int(u.year), .int(u.line), .int(u.plantID), .text(u.unitID),
                        SQLCell(u.state), SQLCell(u.status), SQLCell(u.primeMover), SQLCell(u.fuel),
                        SQLCell(u.heatInput), SQLCell(u.co2), try record(u), cells(u.row),
                    ])
                    done += 1
                    if done % 4096 == 0 { try await progress?(Double(done) / Double(total)) }
                }
            case .regions(let typed):
                regions += typed
                for r in typed {
                    regionRows.append([
                        sheetIndex, .int(r.row), .int(r.year), .int(r.line), .text(r.level.rawValue), .text(r.code),
                        SQLCell(r.name), SQLCell(r.totals[.capacity]), SQLCell(r.totals[.netGeneration]),
                        SQLCell(r.totals[.co2]), try record(r), cells(r.row),
                    ])
                    done += 1
                }
            }
        }
        try await progress?(1)
        return PlantImportPlan(
            sha256: sha256, fileName: file.identity.fileName, releaseLabel: file.identity.releaseLabel,
            years: file.identity.years, encoding: file.encoding.rawValue, byteCount: byteCount, synthetic: synthetic,
            warnings: warnings, skippedSheets: file.skippedSheets, sheets: sheets, plantRows: plantRows,
            generatorRows: generatorRows, unitRows: unitRows, regionRows: regionRows, plants: plants, regions: regions)
    }
}
