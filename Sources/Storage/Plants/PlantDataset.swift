import Foundation
import PlantData

/// One imported eGRID file: its data years, release label and SHA-256 (the identity: the same bytes are
/// never stored twice), which sheets it held and how many rows of each kind.
public struct PlantDataset: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var sha256: String
    public var fileName: String?
    /// E.g. `2023 rev. June 2025`; the data years when the importer gave none.
    public var releaseLabel: String
    /// Data years in the file, ascending.
    public var years: [Int]
    /// Sheet kinds in the file, in file order.
    public var kinds: [SheetKind]
    /// Character encoding of a CSV file (`utf8`, `windows1252` …); workbooks are `utf8`.
    public var encoding: String
    public var byteCount: Int
    public var plantCount: Int
    public var generatorCount: Int
    public var unitCount: Int
    public var regionCount: Int
    /// Synthetic demo data (`serve --demo`): pages and API answers say so wherever it shows.
    public var synthetic: Bool
    /// What the reader normalised or worked around (percent columns, date-formatted years …).
    public var warnings: [String]
    /// Workbook sheets that were not eGRID data (`Contents`, notes).
    public var skippedSheets: [String]
    public var importedAt: Date
    public var importedBy: UUID?
    public var importedByName: String
    public var jobID: UUID?
    public var sheets: [PlantSheetInfo]

    public init(
        id: UUID, sha256: String, fileName: String?, releaseLabel: String, years: [Int], kinds: [SheetKind],
        encoding: String, byteCount: Int, plantCount: Int, generatorCount: Int, unitCount: Int, regionCount: Int,
        synthetic: Bool, warnings: [String], skippedSheets: [String], importedAt: Date, importedBy: UUID?,
        importedByName: String, jobID: UUID?, sheets: [PlantSheetInfo]
    ) {
        self.id = id
        self.sha256 = sha256
        self.fileName = fileName
        self.releaseLabel = releaseLabel
        self.years = years
        self.kinds = kinds
        self.encoding = encoding
        self.byteCount = byteCount
        self.plantCount = plantCount
        self.generatorCount = generatorCount
        self.unitCount = unitCount
        self.regionCount = regionCount
        self.synthetic = synthetic
        self.warnings = warnings
        self.skippedSheets = skippedSheets
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.importedByName = importedByName
        self.jobID = jobID
        self.sheets = sheets
    }

    /// Whether the file holds `kind` rows for `year`.
    public func provides(_ kind: SheetKind, year: Int) -> Bool {
        sheets.contains { $0.kind == kind && $0.years.contains(year) }
    }
}

/// One sheet of an imported file: its kind, years and every column code (with EPA's long descriptions when
/// the file had them), in file order.
public struct PlantSheetInfo: Sendable, Hashable, Codable {
    public var index: Int
    public var kind: SheetKind
    /// Worksheet name for workbooks (`PLNT23`), nil for CSV files.
    public var name: String?
    public var years: [Int]
    public var rowCount: Int
    public var codes: [String]
    public var descriptions: [String]?
    public var warnings: [String]

    public init(index: Int, kind: SheetKind, name: String?, years: [Int], rowCount: Int, codes: [String],
                descriptions: [String]?, warnings: [String]) {
        self.index = index
        self.kind = kind
        self.name = name
        self.years = years
        self.rowCount = rowCount
        self.codes = codes
        self.descriptions = descriptions
        self.warnings = warnings
    }
}

/// Who imported a file and how, recorded with the dataset and in the audit log.
public struct PlantImportActor: Sendable {
    public var userID: UUID?
    public var name: String
    public var requestID: String
    public var ip: String?
    public var jobID: UUID?

    public init(userID: UUID?, name: String, requestID: String, ip: String? = nil, jobID: UUID? = nil) {
        self.userID = userID
        self.name = name
        self.requestID = requestID
        self.ip = ip
        self.jobID = jobID
    }
}

/// What an import did.
public enum PlantImportOutcome: Sendable {
    /// A new dataset was stored.
    case created(PlantDataset)
    /// A file with the same SHA-256 was imported before: nothing changed.
    case unchanged(PlantDataset)

    public var dataset: PlantDataset {
        switch self {
        case .created(let dataset), .unchanged(let dataset): dataset
        }
    }

    public var isNew: Bool { if case .created = self { true } else { false } }
}
