import FluentKit
import Foundation
import PlantData

/// Row of `plant_datasets`: one imported eGRID file.
public final class PlantDatasetRecord: Model, @unchecked Sendable {
    public static let schema = "plant_datasets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "sha256") public var sha256: String
    @OptionalField(key: "file_name") public var fileName: String?
    @Field(key: "release_label") public var releaseLabel: String
    /// Comma-separated data years (`2018,2019`).
    @Field(key: "years") public var years: String
    /// Comma-separated sheet kinds in file order (`plant,state`).
    @Field(key: "kinds") public var kinds: String
    @Field(key: "encoding") public var encoding: String
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "plant_count") public var plantCount: Int
    @Field(key: "generator_count") public var generatorCount: Int
    @Field(key: "unit_count") public var unitCount: Int
    @Field(key: "region_count") public var regionCount: Int
    @Field(key: "synthetic") public var synthetic: Bool
    /// JSON array of strings.
    @Field(key: "warnings") public var warnings: String
    /// JSON array of strings.
    @Field(key: "skipped_sheets") public var skippedSheets: String
    @Field(key: "imported_at") public var importedAt: Date
    @OptionalField(key: "imported_by") public var importedBy: UUID?
    @Field(key: "imported_by_name") public var importedByName: String
    @OptionalField(key: "job_id") public var jobID: UUID?

    public init() {}

    func domain(sheets: [PlantSheetInfo]) -> PlantDataset {
        PlantDataset(
            id: id!, sha256: sha256, fileName: fileName, releaseLabel: releaseLabel,
            years: years.split(separator: ",").compactMap { Int($0) },
            kinds: kinds.split(separator: ",").compactMap { SheetKind(rawValue: String($0)) }, encoding: encoding,
            byteCount: byteCount, plantCount: plantCount, generatorCount: generatorCount, unitCount: unitCount,
            regionCount: regionCount, synthetic: synthetic, warnings: StoredJSON.strings(warnings),
            skippedSheets: StoredJSON.strings(skippedSheets), importedAt: importedAt, importedBy: importedBy,
            importedByName: importedByName, jobID: jobID, sheets: sheets)
    }
}

/// Row of `plant_sheets`: one sheet of an imported file, with all its column codes.
public final class PlantSheetRecord: Model, @unchecked Sendable {
    public static let schema = "plant_sheets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "dataset_id") public var datasetID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "name") public var name: String?
    @Field(key: "years") public var years: String
    @Field(key: "row_count") public var rowCount: Int
    /// JSON array of the column codes, in file order.
    @Field(key: "codes") public var codes: String
    /// JSON array of EPA's long descriptions, when the file had that header row.
    @OptionalField(key: "descriptions") public var descriptions: String?
    @Field(key: "warnings") public var warnings: String

    public init() {}

    var domain: PlantSheetInfo? {
        guard let kind = SheetKind(rawValue: kind) else { return nil }
        return PlantSheetInfo(
            index: position, kind: kind, name: name, years: years.split(separator: ",").compactMap { Int($0) },
            rowCount: rowCount, codes: StoredJSON.strings(codes), descriptions: descriptions.map(StoredJSON.strings),
            warnings: StoredJSON.strings(warnings))
    }
}

/// Small JSON values kept in text columns.
enum StoredJSON {
    static func strings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    static func text(_ strings: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(strings), as: UTF8.self)) ?? "[]"
    }
}
