import FluentKit
import Foundation
import PlantData
import SQLKit

/// eGRID datasets and their rows. Returns PlantData's own types (`Plant`, `Generator`, `RegionRecord` …).
public struct PlantRepository: Sendable {
    let db: any Database

    public init(_ db: any Database) { self.db = db }

    // MARK: datasets

    /// Every dataset with its sheets, newest import first.
    public func datasets() async throws -> [PlantDataset] {
        let records = try await PlantDatasetRecord.query(on: db)
            .sort(\.$importedAt, .descending).sort(\.$id, .descending).all()
        let sheets = try await PlantSheetRecord.query(on: db).sort(\.$position).all()
        let byDataset = Dictionary(grouping: sheets, by: \.datasetID)
        return records.map { record in record.domain(sheets: (byDataset[record.id!] ?? []).compactMap(\.domain)) }
    }

    public func dataset(id: UUID) async throws -> PlantDataset? {
        guard let record = try await PlantDatasetRecord.find(id, on: db) else { return nil }
        return try await withSheets(record)
    }

    public func dataset(sha256: String) async throws -> PlantDataset? {
        guard let record = try await PlantDatasetRecord.query(on: db).filter(\.$sha256 == sha256.lowercased()).first()
        else { return nil }
        return try await withSheets(record)
    }

    private func withSheets(_ record: PlantDatasetRecord) async throws -> PlantDataset {
        let sheets = try await PlantSheetRecord.query(on: db).filter(\.$datasetID == record.id!).sort(\.$position).all()
        return record.domain(sheets: sheets.compactMap(\.domain))
    }

    /// Changes whenever a dataset is added or removed: what caches of other processes compare.
    public func fingerprint() async throws -> String {
        let count = try await PlantDatasetRecord.query(on: db).count()
        let newest = try await PlantDatasetRecord.query(on: db).max(\.$importedAt)
        return "\(count)@\(newest?.timeIntervalSince1970 ?? 0)"
    }

    // MARK: import

    /// Stores a prepared file as a new dataset, with its audit entry, in one transaction — or, when a file
    /// with the same SHA-256 is already stored, changes nothing. `alsoInTransaction` runs inside the same
    /// transaction (e.g. deleting the consumed upload), so that either everything happens or nothing does.
    public func importPlan(
        _ plan: PlantImportPlan, id: UUID = UUID(), actor: PlantImportActor, now: Date,
        alsoInTransaction: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws -> PlantImportOutcome {
        try await db.transaction { tx in
            let repository = PlantRepository(tx)
            if let existing = try await repository.dataset(sha256: plan.sha256) {
                try await alsoInTransaction?(tx)
                return .unchanged(existing)
            }
            let dataset = try await repository.insert(plan, id: id, actor: actor, now: now)
            try await AuditRepository(tx).record(
                AuditRecordInput(
                    actorID: actor.userID, actorName: actor.name, action: "plants.import", objectType: "plants_dataset",
                    objectID: id.uuidString, outcome: .success, requestID: actor.requestID,
                    detail: String(Self.summary(dataset).prefix(500)), ip: actor.ip),
                at: now)
            try await alsoInTransaction?(tx)
            return .created(dataset)
        }
    }

    /// `egrid_GEN16.csv (sha256 3f2a…): 2016, generator × 26,183`.
    public static func summary(_ dataset: PlantDataset) -> String {
        let counts = [("plants", dataset.plantCount), ("generators", dataset.generatorCount), ("units", dataset.unitCount),
                      ("region rows", dataset.regionCount)].filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        return "\(dataset.fileName ?? "file") (sha256 \(dataset.sha256.prefix(12))…), \"\(dataset.releaseLabel)\", years "
            + dataset.years.map(String.init).joined(separator: ", ") + ": " + counts.joined(separator: ", ")
    }

    private func insert(_ plan: PlantImportPlan, id: UUID, actor: PlantImportActor, now: Date) async throws -> PlantDataset {
        let record = PlantDatasetRecord()
        record.id = id
        record.sha256 = plan.sha256.lowercased()
        record.fileName = plan.fileName
        record.releaseLabel = plan.releaseLabel
        record.years = plan.years.map(String.init).joined(separator: ",")
        record.kinds = plan.sheets.map(\.kind.rawValue).joined(separator: ",")
        record.encoding = plan.encoding
        record.byteCount = plan.byteCount
        record.plantCount = plan.plantCount
        record.generatorCount = plan.generatorCount
        record.unitCount = plan.unitCount
        record.regionCount = plan.regionCount
        record.synthetic = plan.synthetic
        record.warnings = StoredJSON.text(plan.warnings)
        record.skippedSheets = StoredJSON.text(plan.skippedSheets)
        record.importedAt = now
        record.importedBy = actor.userID
        record.importedByName = actor.name
        record.jobID = actor.jobID
        try await record.create(on: db)
        for sheet in plan.sheets {
            let row = PlantSheetRecord()
            row.datasetID = id
            row.position = sheet.index
            row.kind = sheet.kind.rawValue
            row.name = sheet.name
            row.years = sheet.years.map(String.init).joined(separator: ",")
            row.rowCount = sheet.rowCount
            row.codes = StoredJSON.text(sheet.codes)
            row.descriptions = sheet.descriptions.map(StoredJSON.text)
            row.warnings = StoredJSON.text(sheet.warnings)
            try await row.create(on: db)
        }
        let datasetCell = SQLCell(id)
        for (table, columns, rows) in [
            ("plant_plants", PlantImportPlan.plantColumns, plan.plantRows),
            ("plant_generators", PlantImportPlan.generatorColumns, plan.generatorRows),
            ("plant_units", PlantImportPlan.unitColumns, plan.unitRows),
            ("plant_regions", PlantImportPlan.regionColumns, plan.regionRows),
        ] {
            try await PlantSQL.insert(into: table, columns: ["dataset_id"] + columns, rows: rows.map { [datasetCell] + $0 }, on: db)
        }
        return record.domain(sheets: plan.sheets)
    }

    /// Deletes a dataset and all its rows; false when there was none.
    @discardableResult
    public func delete(id: UUID) async throws -> Bool {
        guard let record = try await PlantDatasetRecord.find(id, on: db) else { return false }
        // Explicit rather than relying on ON DELETE CASCADE, which SQLite honours only with foreign keys on.
        for table in ["plant_plants", "plant_generators", "plant_units", "plant_regions", "plant_sheets"] {
            try await (db as! any SQLDatabase).delete(from: table).where("dataset_id", .equal, SQLBind(id)).run()
        }
        try await record.delete(on: db)
        return true
    }

    // MARK: rows

    /// The plants of a dataset, in file order.
    public func plants(datasetID: UUID) async throws -> [Plant] {
        let columns = PlantRowCodec.typedColumns
        let rows = try await PlantSQL.select(
            "SELECT \(columns.map(\.0).joined(separator: ", ")) FROM plant_plants WHERE dataset_id = $1 ORDER BY sheet_index, row_index",
            binds: [SQLCell(datasetID)], columns: columns, on: db)
        return rows.map(PlantRowCodec.plant)
    }

    /// All cells of one plant's row by code, in the sheet's column order.
    public func plantCells(datasetID: UUID, year: Int, plantID: Int) async throws -> [(code: String, value: CellValue)]? {
        try await cells(table: "plant_plants", kind: .plant, datasetID: datasetID, year: year, plantID: plantID).first
    }

    public func generators(datasetID: UUID, year: Int, plantID: Int) async throws -> [Generator] {
        try await records("plant_generators", datasetID: datasetID, year: year, plantID: plantID)
    }

    public func units(datasetID: UUID, year: Int, plantID: Int) async throws -> [GeneratingUnit] {
        try await records("plant_units", datasetID: datasetID, year: year, plantID: plantID)
    }

    /// The region records (EPA's published region rows) of a dataset, in file order.
    public func regions(datasetID: UUID) async throws -> [RegionRecord] {
        let rows = try await PlantSQL.select(
            "SELECT record FROM plant_regions WHERE dataset_id = $1 ORDER BY sheet_index, row_index",
            binds: [SQLCell(datasetID)], columns: [("record", .text)], on: db)
        let decoder = JSONDecoder()
        return try rows.map { try decoder.decode(RegionRecord.self, from: Data(($0[0].text ?? "").utf8)) }
    }

    private func records<T: Decodable>(_ table: String, datasetID: UUID, year: Int, plantID: Int) async throws -> [T] {
        let rows = try await PlantSQL.select(
            "SELECT record FROM \(table) WHERE dataset_id = $1 AND year = $2 AND orispl = $3 ORDER BY sheet_index, row_index",
            binds: [SQLCell(datasetID), .int(year), .int(plantID)], columns: [("record", .text)], on: db)
        let decoder = JSONDecoder()
        return try rows.map { try decoder.decode(T.self, from: Data(($0[0].text ?? "").utf8)) }
    }

    /// Every cell of the rows of one plant in `table`, by the codes of the sheet each row came from.
    public func cells(
        table: String, kind: SheetKind, datasetID: UUID, year: Int, plantID: Int
    ) async throws -> [[(code: String, value: CellValue)]] {
        guard ["plant_plants", "plant_generators", "plant_units"].contains(table) else { return [] }
        let rows = try await PlantSQL.select(
            "SELECT sheet_index, cells FROM \(table) WHERE dataset_id = $1 AND year = $2 AND orispl = $3 ORDER BY sheet_index, row_index",
            binds: [SQLCell(datasetID), .int(year), .int(plantID)], columns: [("sheet_index", .int), ("cells", .text)], on: db)
        guard !rows.isEmpty else { return [] }
        let sheets = try await PlantSheetRecord.query(on: db).filter(\.$datasetID == datasetID).all()
        let codes = Dictionary(sheets.map { ($0.position, StoredJSON.strings($0.codes)) }, uniquingKeysWith: { a, _ in a })
        return rows.map { row in PlantCells.decode(row[1].text ?? "{}", codes: codes[row[0].int ?? 0] ?? []) }
    }
}
