import Foundation
import PlantData

/// Which dataset answers for which year: several files (and several releases of a year) live side by side.
///
/// For a sheet kind and data year the answer is the newest import that holds that kind for that year —
/// or, when a release label is given, the newest import with that label. So importing a revised release
/// takes over at once, and the earlier one stays available by its label.
public struct PlantCatalog: Sendable {
    /// Newest import first.
    public let datasets: [PlantDataset]
    /// Changes whenever the set of datasets does (see `PlantRepository.fingerprint`).
    public let fingerprint: String

    public init(datasets: [PlantDataset], fingerprint: String) {
        self.datasets = datasets.sorted { ($0.importedAt, $0.id.uuidString) > ($1.importedAt, $1.id.uuidString) }
        self.fingerprint = fingerprint
    }

    /// Data years holding rows of `kind`, ascending.
    public func years(_ kind: SheetKind) -> [Int] {
        Array(Set(datasets.flatMap { d in d.sheets.filter { $0.kind == kind }.flatMap(\.years) })).sorted()
    }

    /// Data years with any region sheet, ascending.
    public var regionYears: [Int] {
        Array(Set(SheetKind.allCases.filter { $0.regionLevel != nil }.flatMap(years))).sorted()
    }

    /// Release labels, newest import first, each once.
    public var releases: [String] {
        var seen = Set<String>()
        return datasets.map(\.releaseLabel).filter { seen.insert($0).inserted }
    }

    /// The dataset that answers for `kind` in `year`, or nil.
    public func source(_ kind: SheetKind, year: Int, release: String? = nil) -> PlantDataset? {
        datasets.first { $0.provides(kind, year: year) && (release == nil || $0.releaseLabel == release) }
    }

    /// The datasets that answer for each region level in `year` (one per level at most; one file may serve
    /// several levels).
    public func regionSources(year: Int, release: String? = nil) -> [RegionLevel: PlantDataset] {
        var out: [RegionLevel: PlantDataset] = [:]
        for level in RegionLevel.allCases {
            out[level] = source(level.sheetKind, year: year, release: release)
        }
        return out
    }

    public func dataset(_ id: UUID) -> PlantDataset? { datasets.first { $0.id == id } }
}
